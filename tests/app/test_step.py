"""The Step page: the diagram gets the pass the engine computes, the session follows the
position the diagram reports, and the update is sgd_step."""
import json

import numpy as np

from bpviz.engine import backward, forward, sgd_step
from tests.app.apptest import diagram, formulas, open_app, report, report_only, rerun, shown_readout, shown_step


def _click(at, key):
    at.button(key=key).click()
    return rerun(at)


def _latex(at):
    return formulas(at)


def _step_texts(at, index):
    """Every neuron's value text of step `index` of the pass sent to the browser."""
    sent = diagram(at)["pass"]
    return [sent["strings"][node[0]] for node in sent["steps"][index]["nodes"]]


def _title(at, index):
    sent = diagram(at)["pass"]
    return sent["strings"][sent["steps"][index]["title"]]


def test_start_shows_the_example_and_an_unknown_loss(step_page):
    text = " ".join(m.value for m in step_page.markdown)
    assert "(0.05, 0.1)" in text and "(0.01, 0.99)" in text
    assert "Loss E = ?" in _title(step_page, 0)
    assert shown_step(step_page) == "Step 1 of 7: start"


def test_the_session_follows_the_position_the_diagram_reports(step_page):
    net = step_page.session_state["network"]
    x, y = np.array(step_page.session_state["example_x"]), np.array(step_page.session_state["example_y"])
    expected = backward(net, forward(net, x), y).loss
    at = report(step_page, position=3)                  # forward layer 1, forward layer 2, loss
    assert shown_step(at) == "Step 4 of 7: loss"
    assert float(_title(at, 3).split("=")[1]) == float(f"{expected:.9g}")
    assert abs(expected - 0.298371109) < 1e-9           # the published figure, independently
    assert at.session_state["step_index"] == 3 and "step=3" in _address(at)


def test_a_new_position_reruns_only_the_address(step_page):
    """The server's work for a position change (issue 19): the browser already shows the
    position's readout (every readout of the pass was drawn with the diagram), so the settled
    position's report, sent through a component of its own, reruns only that component's
    fragment: it hands the address over and draws nothing else (no switch, no drop-down, no
    readout, not the diagram). A new selection goes through the diagram's own report and reruns
    the fragment that holds the diagram: the drop-down follows."""
    held = diagram(step_page)["pass_id"]
    at = report_only(step_page, position=2, selected=[2, 0], room=[460, 900], have=held)   # the first report
    assert at.toggle and "bpviz_step_diagram" in [e.proto.component_name for e in at.get("bidi_component")]
    assert "z_{o1} = w_{5}" in formulas(shown_readout(at, 3))                   # o1's numbers at the loss step
    at = report_only(at, position=3)
    assert not at.toggle and not at.button and not at.selectbox                  # nothing around the diagram
    assert not at.markdown and not at.info and not at.get("html")               # nor the readouts
    assert [e.proto.component_name for e in at.get("bidi_component")] == ["bpviz_step_position"]
    assert at.session_state["step_index"] == 3 and "step=3" in _address(at)
    assert json.loads(at.get("bidi_component")[0].proto.json) == _address(at).lstrip("?")   # for the address bar
    at.run()                                                                     # the page as the browser holds it
    assert "z_{o1} = w_{5}" in formulas(shown_readout(at))
    assert diagram(at)["goto"] == {"step": None, "selected": None}               # the browser is there already
    at = report_only(at, position=3, selected=[1, 1], room=[460, 900], have=held)
    assert at.toggle and at.selectbox(key="inspect_neuron").value == (1, 1)
    assert diagram(at)["goto"] == {"step": None, "selected": None}            # the browser is there already


def _address(at):
    """The query string the address component was last handed (bpviz.ui.address)."""
    return at.session_state["address_written"]


def test_the_wave_jumps_and_every_heading_travel_with_the_pass(step_page):
    sent = diagram(step_page)["pass"]
    assert sent["jumps"] == {"forward": 3, "backward": 5}
    assert [h[0] for h in sent["headings"]] == [
        "Step 1 of 7: start", "Step 2 of 7: forward, layer 1", "Step 3 of 7: forward, layer 2", "Step 4 of 7: loss",
        "Step 5 of 7: backward, layer 2", "Step 6 of 7: backward, layer 1", "Step 7 of 7: update"]
    assert shown_step(report(step_page, position=4)) == "Step 5 of 7: backward, layer 2"


def test_a_report_beyond_the_pass_or_not_a_position_moves_nothing_wrong(step_page):
    at = report(step_page, position=99)
    assert shown_step(at) == "Step 7 of 7: update"      # clamped to the pass
    for junk in ("3", -1, 2.5, True, None, [1]):
        at = report(at, position=junk, selected=["x", 1])
        assert shown_step(at) == "Step 7 of 7: update", junk
    assert at.session_state["selected_neuron"] != ["x", 1]


def test_the_pass_is_sent_once_and_not_again_for_a_position_change(step_page):
    first = diagram(step_page)
    assert first["pass"] is not None
    at = report(step_page, position=2, have=first["pass_id"])
    again = diagram(at)
    assert again["pass"] is None and again["pass_id"] == first["pass_id"]      # the browser holds it
    at = report(at, position=5, have=first["pass_id"])
    assert diagram(at)["pass"] is None and at.session_state["step_index"] == 5
    at = report(at, position=5, have="something else")                        # it lost it: sent again
    assert diagram(at)["pass"] is not None


def test_pass_granularity_has_five_steps(step_page):
    step_page.radio(key="step_granularity").set_value("pass")
    rerun(step_page)
    assert shown_step(step_page) == "Step 1 of 5: start"
    assert len(diagram(step_page)["pass"]["steps"]) == 5


def test_apply_update_stores_sgd_step_of_the_old_network_and_moves_the_diagram_to_the_start(step_page):
    old = step_page.session_state["network"]
    x, y = np.array(step_page.session_state["example_x"]), np.array(step_page.session_state["example_y"])
    expected = sgd_step(old, backward(old, forward(old, x), y), 0.5, update_biases=False)
    at = report(step_page, position=6)
    assert diagram(at)["goto"]["step"] is None                     # where the browser is: nothing to send
    _click(at, "step_apply")
    new = at.session_state["network"]
    assert new == expected
    assert abs(new.weights[1][0, 0] - 0.35891648) < 1e-8 and abs(new.weights[0][0, 0] - 0.149780716) < 1e-9
    assert diagram(at)["goto"]["step"] == 0                        # the server moved it: the browser follows
    assert shown_step(at) == "Step 1 of 7: start"                  # the next pass starts
    assert any("Update applied" in s.value for s in at.success)


def test_inspector_shows_the_published_numbers_of_the_selected_neuron(step_page):
    at = report(step_page, position=5, selected=[2, 0])           # a click on o1, at backward layer 1
    latex = _latex(at)
    for published in ("0.75136507", "0.138498562", "0.082167041"):
        assert published in latex
    at = report(at, position=5, selected=[1, 0])
    latex = _latex(at)
    assert "0.3775" in latex and "0.593269992" in latex and "0.000438568" in latex


def test_inspector_hides_what_is_not_known_yet(step_page):
    at = report(step_page, position=1, selected=[2, 0])           # only layer 1 is known
    shown = shown_readout(at)
    assert "0.75136507" not in formulas(shown)
    assert any("layer 2" in info.value or "Nothing" in info.value for info in shown.info)
    assert "0.75136507" in formulas(shown_readout(at, 2))           # the readout of the next step, drawn too


def test_the_diagram_draws_unknown_activations_as_unknown_at_the_start(step_page):
    start = _step_texts(step_page, 0)
    assert start[:2] == ["0.05", "0.1"] and start[2:] == ["?"] * 4
    assert _step_texts(step_page, 2)[4] == "0.7514"              # a(o1), once forward layer 2 is done


def _edge_labels(at, stage=0):
    sent = diagram(at)["pass"]
    return [sent["strings"][edge[6][stage]] for edge in sent["edges"]]


def test_the_worked_example_shows_tutorial_names_and_a_switch_turns_them_off(step_page):
    assert any(text.startswith("w5 0.4") for text in _edge_labels(step_page))
    step_page.toggle(key="step_tutorial_names").set_value(False)
    rerun(step_page)
    texts = _edge_labels(step_page)
    assert not any(text.startswith("w5 ") for text in texts)
    assert any(text.startswith("w⁽²⁾₀₀ 0.4") for text in texts)


def test_the_update_table_prints_nine_significant_digits_with_tutorial_names(step_page):
    at = report(step_page, position=6)                             # the update step
    at.segmented_control(key="step_view").set_value("update")
    rerun(at)
    table = at.dataframe[0].value
    row = table[table.iloc[:, 0] == "w5"].iloc[0]
    assert row.iloc[1] == "0.4" and row.iloc[2] == "0.35891648"     # the tutorial's w5⁺, to its 8 digits
    w1 = table[table.iloc[:, 0] == "w1"].iloc[0]
    assert abs(float(w1.iloc[2]) - 0.149780716) < 1e-9 and len(w1.iloc[2].replace("0.", "")) >= 9


def test_picking_a_neuron_from_the_list_moves_the_ring_at_once(step_page):
    step_page.selectbox(key="inspect_neuron").set_value((1, 1))
    rerun(step_page)
    assert diagram(step_page)["goto"]["selected"] == [[1, 1]]      # the server selected it: sent
    assert step_page.session_state["selected_neuron"] == (1, 1)
    at = report(step_page, selected=[0, 1])                        # a click on the diagram: followed,
    assert diagram(at)["goto"]["selected"] is None                 # and not sent back
    assert at.session_state["selected_neuron"] == (0, 1)


def test_the_address_after_a_settled_position_is_the_whole_sessions_query():
    """A settled position's run writes the last query with the new step (diagram.with_step),
    not reading the session again: it must be what the whole session's query is."""
    at = open_app("step", {"gran": "pass", "names": "layer", "view": "matrix", "sel": "1.0", "pen": "0.01,0.02",
                           "motion": "0"})
    for position in (3, 0, 2, 4):
        at = report_only(at, position=position)
        assert not at.toggle                                     # the position's fragment alone ran
        fast = at.session_state["address_written"]
        assert (f"step={position}" in fast) == (position > 0) and "gran=pass" in fast and "pen=0.01" in fast
        rerun(at)                                                # a whole run writes address.query()
        assert at.session_state["address_written"] == fast


def test_a_position_the_browser_sent_before_the_servers_own_move_does_not_undo_it(step_page):
    """Apply update moves the diagram to the start; a position report the browser sent before
    it heard of that (the same message, or an earlier one) does not take the diagram back."""
    heard = diagram(step_page)["moved"]
    at = report(step_page, position=3, moved=heard)
    assert at.session_state["step_index"] == 3
    at = _click(at, "step_apply")
    assert at.session_state["step_index"] == 0 and diagram(at)["moved"] > heard
    at = report(at, position=5, moved=heard)                   # sent before the update reached the page
    assert at.session_state["step_index"] == 0 and diagram(at)["goto"]["step"] == 0
    at = report(at, position=2, moved=diagram(at)["moved"])   # a press after it: followed
    assert at.session_state["step_index"] == 2
