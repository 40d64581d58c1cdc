"""The teacher's lesson (AppTest): one notation on every page, a quiz link that keeps its
answers until they are earned, and a reload that keeps what the learner did.

Names are checked against what each notation writes and the other never does: layer names
carry a parenthesised superscript (w⁽²⁾₀₀, LaTeX w^{(2)}_{00}); tutorial names are w1…w8,
i1 i2, h1 h2, o1 o2 (LaTeX w_{5}, a_{h1}; in figures also δₒ₁)."""
import json
import re
from urllib.parse import parse_qsl

import pytest

from bpviz.engine import preset, step_sequence
from tests.app.apptest import diagram, formulas, open_app, report, rerun, shown_step, worksheets_made
from tests.app.test_train import readout

WRITTEN = "address_written"
LAYER_MARKS = re.compile(r"⁽|\^\{\(")
TUTORIAL_MARKS = re.compile(r"(?<![\w}])[iho][12](?!\d)|(?<!\w)w[1-8](?![\d⁽])|[ᵢₕₒ][12]|(?<!\})_\{[iho][12][},]"
                            r"|(?<!\w)w'?_\{[1-8]\}")
PAGES = ("home", "build", "step", "train", "landscape", "gradcheck", "share", "worksheets")


def _shown_text(at):
    """Every text a page shows that can name a parameter or neuron: markdown, captions,
    LaTeX, alerts, metrics, tables, drop-down options, figures (hover, annotations, axes) and
    every text the Step diagram's component was sent (labels, hovers, targets)."""
    parts = []
    for kind in ("markdown", "caption", "latex", "info", "warning", "success", "error", "code", "title",
                 "subheader"):
        parts += [str(element.value) for element in getattr(at, kind)]
    for box in at.selectbox:
        parts += [str(option) for option in box.options] + [str(box.value)]
    for frame in at.dataframe:
        parts.append(frame.value.to_csv())
    for component in at.get("bidi_component"):
        sent = json.loads(component.proto.json or "null") or {}
        if isinstance(sent, dict) and isinstance(sent.get("pass"), dict):
            parts += sent["pass"]["strings"] + [n[4] + " " + n[5] for n in sent["pass"]["neurons"]]
    for chart in at.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        parts.append(json.dumps([trace.get(key) for trace in figure.get("data", [])
                                 for key in ("text", "hovertext", "customdata", "name")], ensure_ascii=False))
        layout = figure.get("layout", {})
        parts.append(json.dumps([layout.get("annotations"), layout.get("xaxis"), layout.get("yaxis")],
                                ensure_ascii=False))
    return "\n".join(parts)


def _page(page, query):
    at = open_app(query=query)
    at.switch_page(f"views/{page}.py")
    return rerun(at)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_names_things_in_the_tutorials_notation_only(page):
    # the worked example at its last step (every number known), matrix view on layer 1 chosen
    at = _page(page, {"step": "6", "view": "matrix", "sel": "1.0"})
    text = _shown_text(at)
    assert not LAYER_MARKS.search(text), LAYER_MARKS.search(text)
    if page in ("step", "landscape", "gradcheck", "build"):
        assert TUTORIAL_MARKS.search(text), "the page names something"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_names_things_by_layer_only_when_switched(page):
    at = _page(page, {"step": "6", "view": "matrix", "sel": "1.0", "names": "layer"})
    text = _shown_text(at)
    assert not TUTORIAL_MARKS.search(text), TUTORIAL_MARKS.search(text)
    if page in ("step", "landscape", "gradcheck", "build"):
        assert LAYER_MARKS.search(text), "the page names something"


def test_step_inspector_and_update_table_in_both_notations():
    at = _page("step", {"step": "6", "sel": "2.0"})
    latex = formulas(at)
    assert r"\delta_{o1}" in latex and r"\frac{\partial E}{\partial w_{5}}" in latex
    at = _page("step", {"step": "6", "view": "update", "names": "layer"})
    names = list(at.dataframe[0].value.iloc[:, 0])
    assert names[0] == "w⁽¹⁾₀₀" and "b⁽²⁾₁" in names
    at = _page("step", {"step": "6", "view": "update"})
    names = list(at.dataframe[0].value.iloc[:, 0])
    assert names[:2] == ["w1", "w2"] and "b2 (o2)" in names


def test_the_names_switch_changes_every_page_and_survives_apply_and_reload():
    at = open_app("step")
    at.toggle(key="step_tutorial_names").set_value(False)
    rerun(at)
    at.button(key="step_apply").click()
    rerun(at)
    query = at.session_state[WRITTEN]
    assert "names=layer" in query and "net=3." in query
    again = open_app(query=dict(parse_qsl(query.lstrip("?"))))
    again.switch_page("views/landscape.py")
    rerun(again)
    text = _shown_text(again)
    assert "w⁽¹⁾₀₀" in text and not TUTORIAL_MARKS.search(text)


# ---- quiz mode keeps the answers -------------------------------------------------------------

def _texts(at, kind):
    return " ".join(str(element.value) for element in getattr(at, kind))


@pytest.mark.parametrize("page, what", [("landscape", "landscape"), ("gradcheck", "gradcheck")])
def test_a_quiz_link_hides_landscape_and_gradient_check_and_says_what_unlocks_them(page, what):
    at = _page(page, {"quiz": "1"})
    assert not at.get("plotly_chart") and not at.dataframe and not formulas(at)
    assert "Hidden in quiz mode" in _texts(at, "markdown")
    assert "Unlocks when every question of the pass has been tried" in _texts(at, "markdown")
    zh = _page(page, {"quiz": "1", "lang": "zh"})
    assert "测验模式下隐藏" in _texts(zh, "markdown") and not zh.get("plotly_chart")


def test_landscape_opens_once_the_pass_is_done():
    steps = step_sequence(*(lambda p: (p.network, p.x, p.y, p.learning_rate))(preset("worked_example")),
                          update_biases=False)
    done = f"{len(steps) - 1}~"            # the quiz reached the last step (restored from an address)
    at = _page("landscape", {"quiz": "1", "qa": done})
    assert at.get("plotly_chart") and "Hidden in quiz mode" not in _texts(at, "markdown")


def test_apply_update_waits_for_the_pass_in_quiz_mode():
    at = open_app("step", {"quiz": "1"})
    apply = at.button(key="step_apply")
    assert apply.disabled and "Unlocks when" in apply.help
    again = open_app("step", {"quiz": "1", "qa": "6~", "step": "6"})
    assert not again.button(key="step_apply").disabled


def test_the_current_networks_key_is_only_offered_without_quiz_mode():
    at = _page("worksheets", {"quiz": "1"})
    at.radio(key="ws_source").set_value("current")
    rerun(at)
    at.button(key="ws_generate").click()
    at = worksheets_made(rerun(at))
    keys = [b for b in at.get("download_button") if "answer-key" in str(b.proto)]
    assert not keys and "Hidden in quiz mode" in _texts(at, "markdown")
    teacher = _page("worksheets", {})
    teacher.radio(key="ws_source").set_value("current")
    rerun(teacher)
    teacher.button(key="ws_generate").click()
    teacher = worksheets_made(rerun(teacher))
    assert [b for b in teacher.get("download_button") if "answer-key" in str(b.proto)]


def test_share_in_quiz_mode_offers_only_quiz_links_with_a_qr_code():
    at = _page("share", {"quiz": "1"})
    quiz = at.checkbox(key="share_quiz")
    assert quiz.value and quiz.disabled
    link = at.code[0].value
    assert "quiz=1" in link and len(link) <= 200
    assert at.get("image"), "the QR code is drawn"


def test_share_makes_a_short_link_for_the_worked_example():
    at = _page("share", {})
    link = at.code[0].value
    assert "net=3." in link and len(link) <= 200
    assert f"Short link: {len(link)} characters" in _texts(at, "caption")


# ---- a reload keeps what the learner did ------------------------------------------------------

def _reload(at, page):
    again = open_app(query=dict(parse_qsl(at.session_state[WRITTEN].lstrip("?"))))
    again.switch_page(f"views/{page}.py")
    return rerun(again)


def test_a_reload_keeps_the_selected_neuron_switches_and_readout():
    at = open_app("step")
    at.selectbox(key="inspect_neuron").set_value((1, 1))
    rerun(at)
    at.toggle(key="step_animate").set_value(False)
    rerun(at)
    at.button_group(key="step_view").set_value("matrix")
    rerun(at)
    at.toggle(key="quiz_on").set_value(True)
    rerun(at)
    query = at.session_state[WRITTEN]
    assert {"sel=1.1", "motion=0", "view=matrix", "practice=1"} <= set(query.lstrip("?").split("&"))
    again = _reload(at, "step")
    assert again.session_state["selected_neuron"] == (1, 1)
    assert again.toggle(key="step_animate").value is False and again.toggle(key="quiz_on").value is True
    assert again.session_state["lesson"]["view"] == "matrix"
    assert again.get("plotly_chart")[-1].proto.id.endswith("-step_matrix")   # the matrix view is drawn


def test_a_reload_keeps_the_quiz_score_of_the_pass():
    at = open_app("step")
    at.toggle(key="quiz_on").set_value(True)
    rerun(at)
    at.text_input(key="quiz_prediction").input("0.3775")
    at.button(key="quiz_check").click()
    rerun(at)
    report(at, position=at.session_state["step_index"] + 1)   # the diagram's → in the browser
    at.text_input(key="quiz_prediction").input("1.2")
    at.button(key="quiz_check").click()
    rerun(at)
    before = _texts(at, "markdown")
    assert "Weighted input z: 1 of 2 right · 3 of 6 points" in before
    again = _reload(at, "step")
    assert "Weighted input z: 1 of 2 right · 3 of 6 points" in _texts(again, "markdown")
    assert "Step 2 of 7" in shown_step(again)


def test_a_reload_keeps_trains_epochs_and_curves():
    at = open_app("train")
    at.button(key="train_epochs").click()
    rerun(at)
    epochs, loss = readout(at, "Epoch"), readout(at, "Training loss")
    assert int(epochs) > 0
    again = _reload(at, "train")
    assert readout(again, "Epoch") == epochs and readout(again, "Training loss") == loss
    state = again.session_state["train_state"]
    assert state.epoch == int(epochs) and len(state.history) > 1 and state.history[-1].epoch == int(epochs)
    assert state.network == at.session_state["train_network"]     # the trained network, bit for bit


def test_bad_lesson_parameters_are_named_and_ignored():
    at = open_app(query={"names": "greek", "motion": "maybe", "view": "table", "sel": "9.9", "qa": "x",
                         "hist": "1~~nan"})
    warning = _texts(at, "warning")
    for words in ("names", "greek", "motion", "maybe", "view", "table", "neuron", "9.9", "quiz answers",
                  "training history", "1~~nan"):
        assert words in warning


def test_a_quiz_sends_the_diagram_no_number_of_the_next_step():
    """The Step diagram gets the whole pass at once, but in a quiz only the steps revealed:
    before the learner tried, the first step's w·a terms (0.15·0.05 = 0.0075, 0.2·0.1 = 0.02)
    and z_h1 = 0.3775 are not sent; without the quiz they are."""
    at = open_app("step", {"quiz": "1"})
    sent = json.dumps(diagram(at), ensure_ascii=False)
    assert len(diagram(at)["pass"]["steps"]) == 1
    assert "0.0075" not in sent and "0.3775" not in sent
    free = json.dumps(diagram(open_app("step")), ensure_ascii=False)
    assert "0.0075" in free and "0.3775" in free
