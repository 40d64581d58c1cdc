"""Text from outside (link parameters, uploaded JSON and CSV, file names) is shown as
plain text on every path that echoes it, in English and Chinese.

The oracle is an independent CommonMark parser with GFM-style linkify (markdown-it-py):
each element body that Streamlit renders as Markdown must hold the payload inside a
code span, and no link, image, HTML, heading or quote at all. What a real browser draws
is checked in tests/e2e/test_outside_text.py.
"""
import base64
import json
import zlib

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from bpviz.engine import preset
from bpviz.engine.serialization import network_to_dict
from bpviz.ui import i18n
from bpviz.ui.i18n import literal
from tests.app.apptest import ROOT

# Each starts with 20 characters that neither repr() nor a link's comma-splitting changes.
PAYLOADS = (
    "**Quiz today:** [sign in with your school account](https://evil.example/sso)",
    "![x](http://evil.example/t.png)",
    "https://evil.example/bare www.evil.example a@evil.example",
    "<img src=http://evil.example/i.png><a href=http://evil.example>a</a><script>alert(1)</script>",
    "# Big $x^2$ :smile: :red[x] :material/home: `tick` ``two``",
)
PAYLOAD_IDS = ("bold-link", "image", "autolinks", "html", "heading-math-emoji")
FORBIDDEN = {"link_open", "image", "html_inline", "html_block", "heading_open", "blockquote_open", "fence",
             "code_block", "hr"}
MARKDOWN = MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "strikethrough", "table"])


def tokens(text):
    """Every token (inline children included) of `text` parsed as Markdown."""
    for token in MARKDOWN.parse(text):
        yield token
        yield from token.children or ()


def markdown_bodies(at):
    """Everything on the page that Streamlit renders as Markdown: display elements, the
    labels of widgets and expanders, radio options."""
    texts = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success"):
        texts += [e.value for e in getattr(at, kind) if isinstance(e.value, str)]
    for kind in ("expander", "radio", "selectbox", "multiselect", "number_input", "button", "checkbox", "slider"):
        texts += [element.label or "" for element in getattr(at, kind)]
    texts += [str(option) for radio in at.radio for option in radio.options]
    return texts


def assert_shown_literally(at, payload):
    """The payload's start is on the page inside a code span, and nothing anywhere on the
    page renders as a link, image, HTML, heading or quote."""
    start = payload[:20]
    shown = False
    for text in markdown_bodies(at):
        found = list(tokens(text))
        assert not FORBIDDEN & {token.type for token in found}, text
        shown |= any(token.type == "code_inline" and start in token.content for token in found)
        for token in found:
            if token.type == "text":
                assert start not in token.content, text       # never outside a code span
    assert shown, (start, markdown_bodies(at))


def run(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_app(page="home", **params):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    run(at)
    return run(at.switch_page(f"views/{page}.py")) if page != "home" else at


def token_for(data):
    """A share token holding `data`, packed the way a share link is (1. + base64url(zlib(JSON)))."""
    packed = zlib.compress(json.dumps(data).encode("utf-8"))
    return "1." + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def network_with(field, payload):
    """The worked example's network as a dict, with one field replaced by the payload."""
    data = network_to_dict(preset("worked_example").network)
    data[field] = [payload, "sigmoid"] if field == "activations" else payload
    return data


LANGS = ("en", "zh")


@pytest.fixture
def in_language(monkeypatch):
    """Use as `lang=in_language(lang)`: AppTest calls a widget's format_func outside the
    script run, where the session's language is unknown; this makes it the page's."""
    def use(lang):
        monkeypatch.setattr(i18n, "language", lambda: lang)
        return lang
    return use
NETWORK_FIELDS = ("format", "version", "activations", "loss", "sizes")


def test_literal_keeps_numbers_and_fences_everything_else():
    assert literal("-1.5e-05") == "-1.5e-05" and literal("(0.05, 0.1)") == "(0.05, 0.1)"
    assert literal("a`b") == "`` a`b ``"                    # a fence longer than any backtick run inside
    assert literal("x\n\n# h\u202e") == "` x  # h  `"       # line breaks and direction marks become spaces
    for payload in PAYLOADS:
        parsed = list(tokens("got " + literal(payload)))
        assert [t.content for t in parsed if t.type == "code_inline"] == [payload]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_link_parameters_are_shown_literally(payload, lang):
    at = open_app("home", lang=lang, hide=payload)     # a link's warning shows on the page it opens
    assert_shown_literally(at, payload)
    at = open_app("home", lang=payload)          # an unknown language: the warning is in English
    assert_shown_literally(at, payload)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("field", NETWORK_FIELDS)
def test_network_fields_in_a_link_are_shown_literally(field, lang):
    payload = PAYLOADS[0]
    at = open_app("home", lang=lang, net=token_for({**network_with(field, payload), "x": [0.05, 0.1],
                                                    "y": [0.01, 0.99], "learning_rate": 0.5,
                                                    "update_biases": False}))
    assert at.session_state["network"] == preset("worked_example").network
    assert_shown_literally(at, payload)


def upload_network(at, content, name="network.json"):
    at.file_uploader[0].set_value((name, content, "application/json"))
    return run(at)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("field", NETWORK_FIELDS)
@pytest.mark.parametrize("payload", PAYLOADS[:2] + PAYLOADS[3:], ids=["bold-link", "image", "html", "heading-math"])
def test_values_in_an_uploaded_network_are_shown_literally(payload, field, lang, in_language):
    at = open_app("build", lang=in_language(lang))
    at = upload_network(at, json.dumps(network_with(field, payload)).encode())
    assert at.session_state["network"] == preset("worked_example").network
    assert_shown_literally(at, payload)


def upload_csv(at, content, name):
    at.radio(key="data_source").set_value("csv")
    run(at)
    at.file_uploader[0].set_value((name, content, "text/csv"))
    return run(at)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_csv_column_names_and_cells_are_shown_literally(payload, lang, in_language):
    cell = PAYLOADS[1] if payload != PAYLOADS[1] else PAYLOADS[0]
    header = ["x1", payload, "y"]
    content = "\n".join([",".join(header), "0,1,0", f"1,{cell},1"]).encode()   # no payload holds a comma
    at = upload_csv(open_app("train", lang=in_language(lang)), content, "data.csv")
    assert payload in at.multiselect(key="data_csv_inputs").options   # an option list shows plain text
    at.multiselect(key="data_csv_inputs").set_value(["x1", payload])
    at.multiselect(key="data_csv_targets").set_value(["y"])
    run(at)
    at.button(key="data_csv_use").click()
    run(at)
    assert_shown_literally(at, payload)        # the column, named in the error
    assert_shown_literally(at, cell)           # the cell that is not a number


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_csv_file_names_are_shown_literally(payload, lang, in_language):
    name = payload.replace("/", "|")[:50] + ".csv"      # a file name holds no slash
    content = b"x1,x2,y1,y2\n0,0,1,0\n0,1,0,1\n1,0,0,1\n1,1,1,0\n"
    at = upload_csv(open_app("train", lang=in_language(lang)), content, name)
    at.multiselect(key="data_csv_inputs").set_value(["x1", "x2"])
    at.multiselect(key="data_csv_targets").set_value(["y1", "y2"])
    run(at)
    at.button(key="data_csv_use").click()
    run(at)
    assert at.session_state["train_data"].label == name
    assert_shown_literally(at, name)           # the data's caption and expander
    run(at)                                    # the session's 2-2-2 network fits these data (2 in, 2 out)
    assert_shown_literally(run(at.switch_page("views/landscape.py")), name)   # the "loss measured on" choice
