"""Reading a diagram as it is drawn: each known neuron's label, matched by position; the
number printed after a name; whether a printed number is a published one to its digits."""
import base64
import re

import numpy as np


def _values(trace, name):
    """A trace's per-point list, from a plotly object or its dict form (where plotly may
    have written a number array as {"dtype": ..., "bdata": base64})."""
    value = trace[name] if isinstance(trace, dict) else getattr(trace, name)
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
    return list(value)


def _at(x, y):
    return round(float(x), 4), round(float(y), 4)


def neuron_labels(known, label_traces):
    """The label drawn on each marker of the `known` trace, in that trace's order."""
    drawn = {_at(x, y): text for trace in label_traces
             for x, y, text in zip(_values(trace, "x"), _values(trace, "y"), _values(trace, "text"))}
    return [drawn[_at(x, y)] for x, y in zip(_values(known, "x"), _values(known, "y"))]


def hover_texts(trace):
    """Each point's hover as plotly shows it: the trace's hovertemplate with
    %{customdata[i]} filled from the point's row (the only fields the diagram uses)."""
    template = (trace["hovertemplate"] if isinstance(trace, dict) else trace.hovertemplate) or ""
    template = template.replace("<extra></extra>", "")
    rows = trace["customdata"] if isinstance(trace, dict) else trace.customdata
    texts = []
    for row in rows:
        text = template
        for i, value in enumerate(row):
            text = text.replace(f"%{{customdata[{i}]}}", str(value))
        texts.append(text)
    return texts


def number_after(texts, pattern):
    """The number printed after `pattern` (a regex) in the first of `texts` that has one."""
    for text in texts:
        found = re.search(pattern + r"\s*(-?[\d.]+(?:e-?\d+)?)", text)
        if found:
            return float(found.group(1))
    raise AssertionError(f"{pattern} not printed in {texts}")


def printed_close(printed, published):
    """Printed to 4 significant digits: within half a unit of the 4th digit (so at least 3 right)."""
    return abs(printed - published) <= 5e-4 * abs(published)
