"""The Step page: stepping shows what the engine computes, and the update is sgd_step."""
import json

import numpy as np

from bpviz.engine import backward, forward, sgd_step
from tests.app.apptest import rerun


def _click(at, key):
    at.button(key=key).click()
    return rerun(at)


def _latex(at):
    return " ".join(element.value for element in at.latex)


def _figure(at, index=0):
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def test_start_shows_the_example_and_an_unknown_loss(step_page):
    text = " ".join(m.value for m in step_page.markdown)
    assert "(0.05, 0.1)" in text and "(0.01, 0.99)" in text
    assert "Loss E = ?" in _figure(step_page)["layout"]["title"]["text"]
    assert "Step 1 of 7: start" in step_page.get("progress")[0].proto.text


def test_next_steps_through_the_forward_pass_to_the_engines_loss(step_page):
    net = step_page.session_state["network"]
    x, y = np.array(step_page.session_state["example_x"]), np.array(step_page.session_state["example_y"])
    expected = backward(net, forward(net, x), y).loss
    for _ in range(3):   # forward layer 1, forward layer 2, loss
        _click(step_page, "step_next")
    assert "loss" in step_page.get("progress")[0].proto.text
    title = _figure(step_page)["layout"]["title"]["text"]
    assert float(title.split("=")[1]) == float(f"{expected:.9g}")
    assert abs(expected - 0.298371109) < 1e-9   # the published figure, independently


def test_forward_and_backward_pass_buttons_jump_whole_waves(step_page):
    _click(step_page, "step_forward")
    assert "Step 4 of 7: loss" in step_page.get("progress")[0].proto.text
    _click(step_page, "step_backward")
    assert "Step 6 of 7: backward, layer 1" in step_page.get("progress")[0].proto.text
    _click(step_page, "step_prev")
    assert "Step 5 of 7: backward, layer 2" in step_page.get("progress")[0].proto.text
    _click(step_page, "step_reset")
    assert "Step 1 of 7" in step_page.get("progress")[0].proto.text


def test_pass_granularity_has_five_steps(step_page):
    step_page.radio(key="step_granularity").set_value("pass")
    rerun(step_page)
    assert "Step 1 of 5" in step_page.get("progress")[0].proto.text


def test_apply_update_stores_sgd_step_of_the_old_network(step_page):
    old = step_page.session_state["network"]
    x, y = np.array(step_page.session_state["example_x"]), np.array(step_page.session_state["example_y"])
    expected = sgd_step(old, backward(old, forward(old, x), y), 0.5, update_biases=False)
    _click(step_page, "step_apply")
    new = step_page.session_state["network"]
    assert new == expected
    assert abs(new.weights[1][0, 0] - 0.35891648) < 1e-8 and abs(new.weights[0][0, 0] - 0.149780716) < 1e-9
    assert "Step 1 of 7" in step_page.get("progress")[0].proto.text   # the next pass starts
    assert any("Update applied" in s.value for s in step_page.success)


def test_inspector_shows_the_published_numbers_of_the_selected_neuron(step_page):
    step_page.session_state["selected_neuron"] = (2, 0)
    _click(step_page, "step_backward")
    latex = _latex(step_page)
    for published in ("0.75136507", "0.138498562", "0.082167041"):
        assert published in latex
    step_page.session_state["selected_neuron"] = (1, 0)
    rerun(step_page)
    latex = _latex(step_page)
    assert "0.3775" in latex and "0.593269992" in latex and "0.000438568" in latex


def test_inspector_hides_what_is_not_known_yet(step_page):
    step_page.session_state["selected_neuron"] = (2, 0)
    _click(step_page, "step_next")      # only layer 1 is known
    assert not any("0.75136507" in latex.value for latex in step_page.latex)
    assert any("layer 2" in info.value or "Nothing" in info.value for info in step_page.info)


def test_diagram_draws_unknown_activations_as_unknown_at_the_start(step_page):
    figure = _figure(step_page)
    labels = " ".join(str(t) for trace in figure["data"] for t in (trace.get("text") or []))
    assert "?" in labels
    assert "0.75136507"[:6] not in labels     # a^{(2)}_0 is not on show before its step


def _annotations(at):
    return [note["text"] for note in _figure(at)["layout"].get("annotations", [])]


def test_the_worked_example_shows_tutorial_names_and_a_switch_turns_them_off(step_page):
    assert any(text.startswith("w5 0.4") for text in _annotations(step_page))
    step_page.toggle(key="step_tutorial_names").set_value(False)
    rerun(step_page)
    texts = _annotations(step_page)
    assert not any(text.startswith("w5 ") for text in texts)
    assert any(text.startswith("w⁽²⁾₀₀ 0.4") for text in texts)


def test_the_update_table_prints_nine_significant_digits_with_tutorial_names(step_page):
    _click(step_page, "step_backward")
    _click(step_page, "step_next")          # the update step
    step_page.segmented_control(key="step_view").set_value("update")
    rerun(step_page)
    table = step_page.dataframe[0].value
    row = table[table.iloc[:, 0] == "w5"].iloc[0]
    assert row.iloc[1] == "0.4" and row.iloc[2] == "0.35891648"     # the tutorial's w5⁺, to its 8 digits
    w1 = table[table.iloc[:, 0] == "w1"].iloc[0]
    assert abs(float(w1.iloc[2]) - 0.149780716) < 1e-9 and len(w1.iloc[2].replace("0.", "")) >= 9


def test_picking_a_neuron_from_the_list_moves_the_ring_at_once(step_page):
    step_page.selectbox(key="inspect_neuron").set_value((1, 1))
    rerun(step_page)
    ring = [trace for trace in _figure(step_page)["data"] if trace.get("marker", {}).get("symbol") == "circle-open"]
    assert [list(c) for c in ring[0]["customdata"]] == [[1, 1]]
    assert step_page.session_state["selected_neuron"] == (1, 1)
