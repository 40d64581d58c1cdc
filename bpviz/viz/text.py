"""Figure text (titles, axis names, hover words) with English defaults.

Each figure module keeps its own English defaults in a `DEFAULT_TEXT` dict
whose keys start with "viz."; the package merges them into `TEXT_EN`, which the
app's English catalogue includes. A figure builder takes `text`, a mapping
from those keys to the strings to show (e.g. the session language's
catalogue); missing keys fall back to English.
"""


def label(text, defaults, key, **values):
    """The string for `key` from `text`, else from `defaults`; `{name}` fields
    are filled from `values`."""
    template = (text or {}).get(key) or defaults[key]
    return template.format(**values) if values else template
