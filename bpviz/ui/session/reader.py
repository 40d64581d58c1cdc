"""One strict reader for text from outside: the address's parameters and the values widgets
leave in session state. Pure functions (no Streamlit), so every rule is tested directly.

Each reader takes the raw value and returns the parsed value, or raises `Rejected` naming
the parameter and what is accepted (`accepted`: a catalogue key and its values, so the page
says it in its own language). The rules:
- text only, at most `MAX_CHARS` characters (a network token has its own, larger limit);
- whole numbers: ASCII digits only, no sign, no leading zeros beyond "0", within [low, high]
  (so "0001000", "٣" and 5,000 zeros are refused before any conversion);
- choices: one of an allow-list, exactly;
- row lists: `least` to `most` distinct whole numbers (as above) from 1 to the data's rows,
  separated by commas;
- a parameter given more than once is refused (which one was meant?).
"""
from dataclasses import dataclass

MAX_CHARS = 200          # any parameter but a network token
PREVIEW_CHARS = 20       # how much of a refused value a notice quotes


@dataclass(frozen=True)
class Rejected(ValueError):
    """`name`'s value `value` was refused; `accepted` is (catalogue key, its fields)."""
    name: str
    value: str
    accepted: tuple

    def __str__(self):
        return f"{self.name}={self.value!r}: {self.accepted}"


def preview(raw, chars=PREVIEW_CHARS):
    """A short quote of a refused value: its first `chars` characters (never the whole of a huge one)."""
    text = raw if isinstance(raw, str) else repr(raw)
    return text[:chars] + ("…" if len(text) > chars else "")


def one(values, name):
    """The single value of a parameter given as a list of values (st.query_params.get_all)."""
    values = list(values)
    if len(values) != 1:
        raise Rejected(name, preview(", ".join(map(str, values))), ("reader.accepted.once", {}))
    return values[0]


def text(raw, name, max_chars=MAX_CHARS):
    """`raw` if it is a str of at most `max_chars` characters."""
    if not isinstance(raw, str) or len(raw) > max_chars:
        raise Rejected(name, preview(raw), ("reader.accepted.text", {"chars": max_chars}))
    return raw


def whole_number(raw, name, low, high):
    """The int that `raw` spells in ASCII digits, without sign or leading zeros, in [low, high]."""
    accepted = ("reader.accepted.whole", {"low": low, "high": high})
    digits = raw if isinstance(raw, str) else None
    if (digits is None or not digits or len(digits) > len(str(high)) or not digits.isascii()
            or not digits.isdigit() or (len(digits) > 1 and digits[0] == "0")):
        raise Rejected(name, preview(raw), accepted)
    value = int(digits)
    if not low <= value <= high:
        raise Rejected(name, preview(raw), accepted)
    return value


def row_list(raw, name, high, least, most):
    """The distinct row numbers (ints from 1 to `high`, in the given order) that `raw` lists,
    separated by commas (spaces around them allowed): `least` to `most` of them."""
    accepted = ("reader.accepted.rows", {"least": least, "most": most, "high": high})
    try:
        listed = text(raw, name).split(",")
        rows = [whole_number(part.strip(" "), name, 1, high) for part in listed]
    except Rejected:
        raise Rejected(name, preview(raw), accepted) from None
    if not least <= len(rows) <= most or len(set(rows)) != len(rows):
        raise Rejected(name, preview(raw), accepted)
    return tuple(rows)


def choice(raw, name, allowed):
    """`raw` if it is exactly one of `allowed` (strings)."""
    if not isinstance(raw, str) or raw not in allowed:
        raise Rejected(name, preview(raw), ("reader.accepted.choice", {"choices": ", ".join(allowed)}))
    return raw


def choices(raw, name, allowed, separator=","):
    """(the allowed names in `raw`'s separated list, in allow-list order; the names refused)."""
    listed = [part for part in text(raw, name).split(separator) if part]
    return tuple(a for a in allowed if a in listed), tuple(part for part in listed if part not in allowed)


def member(value, allowed):
    """The option of `allowed` equal to `value` (the allow-list's own object, so (1.0, 0)
    comes back as the option (1, 0)), or None: for a widget's value in session state, which
    a crafted message could have set to anything."""
    for option in allowed:
        try:
            if type(value) is type(option) and bool(value == option):
                return option
        except (TypeError, ValueError):   # an array, or an object whose comparison raises
            return None
    return None


# ---- values widgets left in session state --------------------------------------------------
# A widget writes one kind of value (a number box numbers, a switch True/False, a multiselect a
# list of its options). A value of another kind, a number that is not finite or beyond what a
# float holds exactly, or an overlong text was not written by the widget: it is refused.

MAX_WIDGET_TEXT = 10_000     # characters in a text a widget holds
MAX_WIDGET_ITEMS = 1_000     # items in a list a widget holds
MAX_WIDGET_NUMBER = 2 ** 53  # |number| beyond which floats skip whole numbers
SAID_KINDS = ("bool", "number", "text", "list", "map")   # kinds a refusal names; others: "other"


def kind(value) -> str:
    """What kind of value a widget holds: 'bool', 'number', 'text', 'none', 'list', 'map', or the
    type's name for anything else."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if value is None:
        return "none"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, dict):
        return "map"
    return type(value).__name__


def widget_value(value, name, expected_kind):
    """`value` if it is of `expected_kind` (the kind its widget left there; 'none': any kind,
    the widget had no value yet) and well formed; raises Rejected otherwise. None passes where
    a widget may hold nothing (a file uploader, a chart's selection), not where it always holds
    a value of its kind (a box, a switch, a choice: SAID_KINDS)."""
    found = kind(value)
    fits = found == expected_kind or expected_kind == "none" or (found == "none" and expected_kind not in SAID_KINDS)
    if not fits or not _well_formed(value):
        said = expected_kind if expected_kind in SAID_KINDS else "other"
        raise Rejected(name, preview(value), (f"reader.accepted.widget.{said}", {}))
    return value


def _well_formed(value, depth=0):
    found = kind(value)
    if found == "number":
        return abs(value) <= MAX_WIDGET_NUMBER and value == value   # NaN is not equal to itself
    if found == "text":
        return len(value) <= MAX_WIDGET_TEXT
    if found == "list":
        return depth == 0 and len(value) <= MAX_WIDGET_ITEMS and all(_well_formed(v, 1) for v in value)
    return found in ("bool", "none", "map") or depth == 0
