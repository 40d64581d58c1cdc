"""User-visible strings: one catalogue per language, looked up by key.

`t("build.title")` returns the string in the session's language; keyword
arguments fill `{placeholders}`. Formulas stay in standard notation and are not
translated.

Catalogue text is Markdown (st.markdown, st.error, widget labels and radio
options all render it), but a value filled into it may come from outside: a
link, a file name, a CSV cell, an uploaded JSON value quoted by an error. So
`t` shows every value literally (see `literal`): only text that `t` itself
returned (`Markdown`) is inserted as Markdown. For places that never render
Markdown (st.code, st.text, selectbox options) `plain_text` fills the same
templates without any of that.
"""
import re
import string

from bpviz.engine import plural_form
from bpviz.ui.session import state
from bpviz.ui.strings import Message
from bpviz.ui.strings.en import EN
from bpviz.ui.strings.zh import ZH

CATALOGUES = {"en": EN, "zh": ZH}
LANGUAGE_NAMES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"


def language():
    lang = state.language() or DEFAULT_LANGUAGE
    return lang if isinstance(lang, str) and lang in CATALOGUES else DEFAULT_LANGUAGE


class Markdown(str):
    """Text that may be rendered as Markdown: catalogue text whose values were made literal."""


# What Python's number formatting writes ("-1.5e-05", "1,000", "inf"), alone, in a list or a
# tuple: Markdown can make nothing of it, wherever it stands in a line.
NUMBER = r"[+-]?(?:\d[\d,]*(?:\.\d+)?(?:[eE][+-]?\d+)?|inf|nan)"
NUMBERS = re.compile(rf"\(?{NUMBER}(?:, {NUMBER})*\)?")
# Line breaks and other control or direction-changing characters: shown as a space.
INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def literal(text):
    """`text` as Markdown that shows exactly `text`: numbers as they are, anything else as a
    code span, the one Markdown construct whose content is never interpreted (no emphasis,
    link, image, autolink of a bare address, emoji or icon shortcode, math, HTML; measured in
    Chromium: only Streamlit's own rewrite of ":material/name:" to ":material_name:" still
    reaches inside, and draws no icon there)."""
    text = INVISIBLE.sub(" ", text)
    if not text or NUMBERS.fullmatch(text):
        return text
    fence = "`" * (1 + max((len(run) for run in re.findall("`+", text)), default=0))
    return f"{fence} {text} {fence}"   # one space inside each fence, which Markdown removes


class LiteralValues(string.Formatter):
    """`str.format` that passes each formatted value through `literal`, except `Markdown`."""

    def format_field(self, value, format_spec):
        text = super().format_field(value, format_spec)
        return text if isinstance(value, Markdown) else literal(text)


def t(key, **values):
    """The catalogue text for `key` in the session's language, as Markdown, with `values`
    filled in literally (a `Markdown` value, e.g. another `t`, is inserted as it is)."""
    text = CATALOGUES[language()].get(key) or EN[key]
    return Markdown(LiteralValues().format(text, **values) if values else text)


def render(message: Message):
    """A `Message` (a notice kept in session state) as `t` gives it, in the session's language;
    a value that is a Message too is rendered first."""
    values = {name: render(value) if isinstance(value, Message) else value for name, value in message.values.items()}
    return t(message.key, **values)


def plain_text(key, **values):
    """The catalogue text for `key` filled with `values` as they are: only for elements
    that show text without rendering Markdown (st.code, st.text, selectbox options)."""
    text = CATALOGUES[language()].get(key) or EN[key]
    return text.format(**values)


def t_count(key, count, /, **values):
    """`t(key)` for `count` things: the catalogue's "<key>.one" form when count is 1."""
    texts = CATALOGUES[language()] if key in CATALOGUES[language()] else EN
    return plural_form(texts, key, count).format(**values)


def error_text(error):
    """A `NetworkError`'s message in the session's language: its code's text, filled
    with its values (field names that are words translated too)."""
    words = {name: t(f"field.{value}") if isinstance(value, str) and f"field.{value}" in EN else value
             for name, value in error.params.items()}
    return t(f"error.{error.code}", **words)


def catalogue():
    """The whole catalogue of the session's language (for figure text overrides)."""
    return CATALOGUES[language()]
