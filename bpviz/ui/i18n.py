"""User-visible strings: one catalogue per language, looked up by key.

`t("build.title")` returns the string in the session's language; keyword
arguments fill `{placeholders}`. Formulas stay in standard notation and are not
translated.
"""
import streamlit as st

from bpviz.engine import plural_form

from .strings_en import EN
from .strings_zh import ZH

CATALOGUES = {"en": EN, "zh": ZH}
LANGUAGE_NAMES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"
LANGUAGE_KEY = "lang"


def language():
    lang = st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return lang if lang in CATALOGUES else DEFAULT_LANGUAGE


def t(key, **values):
    text = CATALOGUES[language()].get(key) or EN[key]
    return text.format(**values) if values else text


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
