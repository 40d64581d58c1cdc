"""The string catalogues, one module per language (en, zh), each in sections per page,
and `Message`: a catalogue key with its values, to be shown later in the page's language."""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    """A catalogue key and its values (a value may be a Message too), shown later in the
    page's language by `i18n.render` (session state keeps notices so, never as text)."""
    key: str
    values: dict = field(default_factory=dict)
