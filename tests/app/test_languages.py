"""Two complete languages: the catalogues match key for key, and every page run in
Chinese shows no untranslated English outside formulas, numbers and names of
functions (and the English pages show no Chinese)."""
import json
import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bpviz.engine import ACTIVATION_NAMES, LOSS_NAMES
from bpviz.ui.strings.en import EN
from bpviz.ui.strings.zh import ZH
from tests.viz.drawn import hover_texts

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("home", "build", "step", "train", "landscape", "gradcheck", "share")
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
# words that are the same in both languages: function names, formats, acronyms, symbols
NAMES = set(ACTIVATION_NAMES) | set(LOSS_NAMES) | {
    "xavier", "glorot", "he", "relu", "csv", "json", "xor", "and", "or", "bpviz", "url", "sigmoid", "tanh",
    "softmax", "b", "w", "x", "y", "z", "a", "e", "k", "j", "n", "f", "eta", "delta", "sum", "frac", "partial",
    "leftarrow", "cdot", "right", "left", "times", "nan", "en", "zh",
    "pytorch", "numpy", "torch", "pip", "install", "optim", "sgd", "rms",   # the names of libraries and their parts
    "home", "end", "page", "up", "down",   # key caps, printed in Latin letters on Chinese keyboards too
}


def _fields(text):
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_both_catalogues_have_the_same_keys_and_no_empty_string():
    assert set(EN) == set(ZH)
    assert all(value.strip() for value in EN.values()) and all(value.strip() for value in ZH.values())


@pytest.mark.parametrize("key", sorted(EN))
def test_each_string_has_the_same_placeholders_and_formats(key):
    assert _fields(EN[key]) == _fields(ZH[key])
    dummy = {name: 1 for name in _fields(EN[key])}
    if dummy:
        ZH[key].format(**dummy)


def test_english_has_no_chinese():
    assert not [key for key, value in EN.items() if CJK.search(value)]


def _english_words(text):
    """Latin words left after removing formulas, placeholders, numbers and shared names."""
    text = re.sub(r"<[^>]+>", " ", text)                  # HTML in hover texts (<br>, <sub>)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)  # display formulas (the inspector's)
    text = re.sub(r"\$[^$]*\$", " ", text)                # inline formulas
    text = re.sub(r":[a-z]+\[", " ", text)                # Markdown's colour directives, :gray[…]
    text = re.sub(r"\{[^}]*\}", " ", text)                # LaTeX groups / placeholders
    text = re.sub(r"\\[a-zA-Z]+", " ", text)              # LaTeX commands
    words = re.findall(r"[A-Za-z][A-Za-z_]+", text)
    return [w for w in words if w.lower() not in NAMES and not re.fullmatch(r"[A-Za-z]\d*", w)]


DISPLAY = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error", "code")
WIDGETS = ("metric", "expander", "button", "selectbox", "radio", "number_input", "checkbox", "toggle", "multiselect",
           "slider", "select_slider", "text_input", "tabs")


def _visible_texts(at):
    """What the page shows as text: display elements' bodies, widgets' labels and
    (formatted) options. Widget values are internal keys, not shown text."""
    texts = []
    for kind in DISPLAY:
        texts += [e.value for e in getattr(at, kind, []) if isinstance(e.value, str)]
    for kind in WIDGETS:
        for element in getattr(at, kind, []):
            texts += [getattr(element, "label", "") or ""]
            texts += [str(option) for option in getattr(element, "options", [])]
    for chart in at.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        layout = figure.get("layout", {})
        texts += [_title(layout.get("title")), _title(layout.get("xaxis", {}).get("title")),
                  _title(layout.get("yaxis", {}).get("title"))]
        texts += [annotation.get("text", "") for annotation in layout.get("annotations", [])]
        for trace in figure.get("data", []):
            texts.append(trace.get("name") or "")
            hovers = trace.get("hovertext")
            if isinstance(hovers, list):
                texts += [h for h in hovers if isinstance(h, str)]
            if trace.get("hovertemplate") and isinstance(trace.get("customdata"), list):
                texts += hover_texts(trace)
    for component in at.get("bidi_component"):       # the Step diagram: every text it sends the browser
        if component.proto.component_name == "bpviz_play_chart":    # Train's readouts, advice and note
            readouts = json.loads(component.proto.json)["readouts"]
            texts += [label for label, _ in readouts["figures"]] + [readouts["advice"] or "", readouts["note"]]
        if component.proto.component_name == "bpviz_step_diagram":
            data = json.loads(component.proto.json)
            texts += list(data["words"].values())
            if data["pass"]:
                texts += [line for heading in data["pass"]["headings"] for line in heading]
                texts += [text for text in data["pass"]["strings"] if not text.startswith("#")]   # not colours
                texts += [scale["title"] for scale in data["pass"]["scales"]]
    return [text for text in texts if text and not text.startswith("http")]   # share links are addresses


def _title(title):
    return title.get("text", "") if isinstance(title, dict) else (title or "")


def _open(page, lang, query=None):
    """The app opened on `page` in `lang`, with more link parameters from `query`."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    for name, value in (query or {}).items():
        at.query_params[name] = value
    at.run()
    if page != "home":
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_chinese_pages_have_no_untranslated_english(page):
    at = _open(page, "zh")
    texts = _visible_texts(at)
    assert sum(bool(CJK.search(text)) for text in texts) >= 5      # the page really is in Chinese
    leftovers = {word for text in texts for word in _english_words(text)}
    # the sidebar's language names are each in their own language on purpose
    leftovers -= {"English"}
    assert not leftovers, leftovers


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_have_no_chinese(page):
    at = _open(page, "en")
    chinese = [text for text in _visible_texts(at) if CJK.search(text) and text != "简体中文"]
    assert not chinese, chinese


# Names of code that the engine's messages quote (arguments, types, formats): they stay
# as they are in every language, like function names.
CODE_WORDS = {"true", "false", "activations", "weights", "biases", "format", "version", "sizes", "trace",
              "forward", "net", "Trace", "history", "EpochRecord", "stopped", "None", "initial_loss", "velocity",
              "ParameterGradients", "X_test", "Y_test", "parameter", "weight", "bias", "ParameterRef", "base64",
              "max_bytes", "name", "base", "UTF", "CSV", "JSON", "NaN", "NUL", "update_biases", "bpviz"}


@pytest.mark.parametrize("key", sorted(key for key in ZH if key.startswith(("error.", "field."))))
def test_engine_error_messages_are_translated(key):
    assert CJK.search(ZH[key]), ZH[key]
    assert set(_english_words(ZH[key])) <= CODE_WORDS, _english_words(ZH[key])


# (link parameters, the engine's code for what is wrong with them)
DAMAGED_LINKS = (({"net": "1.abcd"}, "link_not_compressed"),
                 ({"net": "x" * 40_001}, "link_too_long"),
                 ({"net": "v9.abc"}, "link_version"))


@pytest.mark.parametrize("query, code", DAMAGED_LINKS, ids=[code for _, code in DAMAGED_LINKS])
def test_a_damaged_link_is_explained_in_chinese_with_the_engines_reason(query, code):
    warnings = " ".join(w.value for w in _open("home", "zh", query).warning)
    assert ZH[f"error.{code}"].split("{")[0].rstrip("'") in warnings         # the reason, translated
    assert not set(_english_words(warnings)) - CODE_WORDS, warnings


@pytest.mark.parametrize("query, code", DAMAGED_LINKS, ids=[code for _, code in DAMAGED_LINKS])
def test_the_same_link_is_explained_in_english(query, code):
    warnings = " ".join(w.value for w in _open("home", "en", query).warning)
    assert EN[f"error.{code}"].split("{")[0].rstrip("'") in warnings
    assert not CJK.search(warnings)


def test_field_names_in_a_message_are_translated_too():
    from bpviz.engine import NetworkError
    from bpviz.ui import i18n

    error = NetworkError("not_whole_number", field="epochs", low=1, high=5000, got="'many'")
    original = i18n.language
    i18n.language = lambda: "zh"
    try:
        text = i18n.error_text(error)
    finally:
        i18n.language = original
    # the outside value is shown as a code span (literal, never Markdown); the field's word is translated
    assert text == ZH["error.not_whole_number"].format(field=ZH["field.epochs"], low=1, high=5000, got="` 'many' `")
    assert "epochs" not in text
