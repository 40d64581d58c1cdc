"""Issue 25's follow-ups in the app: the batch stepped example by example survives a reload
(the address's `batch`: row numbers of Train's data, or a count without fitting data,
checked by the strict reader), the Share page's link carries the penalty and the batch, the
diagram's title names the example's own loss E_n, and one `current_steps` serves every page.

Expected rows come from the engine's data builders (truth_table, two_d); losses from a
forward pass written out here."""
from urllib.parse import parse_qsl

import numpy as np
import pytest

from bpviz.engine import SharedNetwork, encode_share, preset, stepping_batch, train_test_split, truth_table, two_d
from tests.app.apptest import diagram, open_app, report, rerun, shown_step, step_by_example

WRITTEN = "address_written"
DEEP = preset("deep_sigmoid")                # 2 inputs, 1 output: XOR's and two_d's rows fit it
DEEP_TOKEN = encode_share(SharedNetwork(DEEP.network, tuple(DEEP.x), tuple(DEEP.y), DEEP.learning_rate,
                                        DEEP.update_biases))
CIRCLE = "two_d:circle:200:0.1:0.25:0"


def _reopen(at):
    """A new session at the address `at` last wrote (a reload), on the Step page."""
    again = open_app(query=dict(parse_qsl(at.session_state[WRITTEN].lstrip("?"))))
    warnings = [w.value for w in again.warning]
    again.switch_page("views/step.py")
    return rerun(again), warnings


def _warnings(at):
    return " ".join(w.value for w in at.warning)


def _open_step(query):
    """A session opened with `query`: (on the Step page, the warnings its first page said)."""
    at = open_app(None, query)          # a link's problems are said on the page it opens
    warnings = _warnings(at)
    at.switch_page("views/step.py")
    return rerun(at), warnings


def test_a_batch_of_moved_copies_survives_a_reload():
    at = step_by_example(3)
    assert "batch=3" in at.session_state[WRITTEN]
    again, warnings = _reopen(at)
    assert warnings == []
    assert again.radio(key="step_batch_mode").value == "by_example"
    assert again.number_input(key="step_batch_rows").value == 3
    p = preset("worked_example")
    X, Y = stepping_batch(p.x, p.y, 3)
    assert np.array_equal(again.data_editor[0].value.to_numpy(), np.hstack([X, Y]))
    assert "Step 1 of 18" in shown_step(again)        # 1 + 3 × 5 + average + update


def test_rows_of_the_data_survive_a_reload_and_are_the_ones_stepped():
    at, warnings = _open_step({"net": DEEP_TOKEN, "data": "truth_table:xor", "batch": "4,2"})
    assert warnings == ""
    assert at.text_input(key="step_batch_pick").value == "4,2"
    xor = truth_table("xor")
    stepped = at.data_editor[0].value.to_numpy()
    assert np.array_equal(stepped, np.hstack([xor.X[[3, 1]], xor.Y[[3, 1]]]))
    assert "Step 1 of 33" in shown_step(at)           # 1 + 2 × (7 + 1 + 7) + average + update
    at.text_input(key="step_batch_pick").set_value("1, 3,2")
    rerun(at)
    assert "batch=1,3,2" in at.session_state[WRITTEN] and "data=truth_table:xor" in at.session_state[WRITTEN]
    again, warnings = _reopen(at)
    assert warnings == []
    assert np.array_equal(again.data_editor[0].value.to_numpy(), np.hstack([xor.X[[0, 2, 1]], xor.Y[[0, 2, 1]]]))
    assert "Step 1 of 48" in shown_step(again)


@pytest.mark.parametrize("bad", ["1", "1,1", "0,1", "1,5", "01,2", "1;2", "1,2,x", "١,٢", " ", "1,2,3,4,5,6,7,8,9"])
def test_a_bad_row_list_is_named_and_one_example_is_stepped(bad):
    data = CIRCLE if bad.count(",") == 8 else "truth_table:xor"     # 9 rows need data with 9 rows
    at, warning = _open_step({"net": DEEP_TOKEN, "data": data, "batch": bad})
    assert "parameter ` batch `" in warning and "2 to 8 different row numbers from 1 to" in warning, warning
    assert at.radio(key="step_batch_mode").value == "one"
    assert "Step 1 of 17" in shown_step(at)           # one example


@pytest.mark.parametrize("bad", ["1", "9", "2,3", "x", "03", "-2"])
def test_a_bad_count_without_fitting_data_is_named(bad):
    at, warning = _open_step({"batch": bad})
    assert "parameter ` batch `" in warning and "a whole number from 2 to 8" in warning, warning
    assert "Step 1 of 7" in shown_step(at)


def test_the_row_numbers_range_over_the_data_the_link_brings():
    whole = two_d("circle", 200, 0.1, 0)
    train, _ = train_test_split(whole, 0.25, 0)
    at, warnings = _open_step({"net": DEEP_TOKEN, "data": CIRCLE, "batch": "150,1,77"})
    assert warnings == "" and len(train.X) == 150
    assert np.array_equal(at.data_editor[0].value.to_numpy()[:, :2], train.X[[149, 0, 76]])
    at, warnings = _open_step({"net": DEEP_TOKEN, "data": CIRCLE, "batch": "151,1"})
    assert "parameter ` batch `" in warnings and "from 1 to 150" in warnings


def test_wrong_row_numbers_typed_on_the_page_say_so_and_step_one_example():
    at = open_app("step", {"net": DEEP_TOKEN, "data": "truth_table:xor", "batch": "1,2"})
    at.text_input(key="step_batch_pick").set_value("1,7")
    rerun(at)
    error = " ".join(e.value for e in at.error)
    assert "'1,7'" in error and "are not 2 to 8 different row numbers from 1 to 4" in error
    assert "Step 1 of 17" in shown_step(at)
    assert "batch=" not in at.session_state[WRITTEN]


def test_the_share_link_carries_the_penalty_and_the_receiver_gets_the_same_update():
    at = open_app("step")
    at.number_input(key="step_l1").set_value(0.01)
    at.number_input(key="step_l2").set_value(0.2)
    rerun(at)
    at.switch_page("views/share.py")
    rerun(at)
    link = at.code[0].value
    params = dict(parse_qsl(link.split("?", 1)[1]))
    assert params["pen"] == "0.01,0.2"
    receiver = open_app("step", params)
    assert receiver.session_state["step_penalty"] == (0.01, 0.2)
    # the receiver's update is the sender's: the same E = mean loss + 0.01 Σ|w| + 0.1 Σw²
    p = preset("worked_example")
    net = p.network
    a = [np.asarray(p.x)]
    for w, b in zip(net.weights, net.biases):
        a.append(1 / (1 + np.exp(-(w @ a[-1] + b))))
    loss = 0.5 * np.sum((np.asarray(p.y) - a[-1]) ** 2)
    penalty = 0.01 * sum(np.abs(w).sum() for w in net.weights) + 0.1 * sum((w ** 2).sum() for w in net.weights)
    title = receiver_title(receiver)
    assert np.isclose(float(title.rsplit("= ", 1)[1]), loss + penalty, rtol=1e-8)
    at.selectbox(key="share_source").set_value("xor")     # a preset's link: no penalty of this session
    rerun(at)
    assert "pen=" not in at.code[0].value


def receiver_title(at):
    """The diagram's title at the end of the pass (the loss E with its penalty)."""
    data = diagram(at)["pass"]
    return data["strings"][data["steps"][-1]["title"]]


def test_an_examples_step_is_titled_with_its_own_loss():
    at = step_by_example(2)
    report(at, position=8)            # example 2's loss
    assert "example 2 of 2: loss" in shown_step(at)
    p = preset("worked_example")
    X, Y = stepping_batch(p.x, p.y, 2)
    a = X
    for w, b in zip(p.network.weights, p.network.biases):
        a = 1 / (1 + np.exp(-(a @ w.T + b)))
    losses = 0.5 * ((Y - a) ** 2).sum(axis=1)
    data = diagram(at)["pass"]
    title = data["strings"][data["steps"][8]["title"]]
    assert title.startswith("Loss E₂ = ") and np.isclose(float(title.split("= ")[1]), losses[1], rtol=1e-8)
    average = data["strings"][data["steps"][-2]["title"]]
    assert average.startswith("Loss E = ") and np.isclose(float(average.split("= ")[1]), losses.mean(), rtol=1e-8)


def test_one_current_steps_for_every_page_and_it_steps_the_batch():
    from bpviz.ui import lesson
    from bpviz.ui.step import controls
    assert not hasattr(controls, "current_steps") and callable(lesson.current_steps)
    at = open_app("step", {"batch": "5"})
    data = diagram(at)["pass"]
    assert len(data["steps"]) == 1 + 5 * 5 + 2 and data["batch"] is True
    assert len(data["steps"][0]["batch"]["cells"]) == 5


def test_the_batch_survives_a_page_change_and_travels_in_the_share_pages_link():
    at, _ = _open_step({"batch": "3"})
    at.switch_page("views/build.py")
    rerun(at)
    at.switch_page("views/share.py")
    rerun(at)
    params = dict(parse_qsl(at.code[0].value.split("?", 1)[1]))
    assert params["batch"] == "3"
    at.switch_page("views/step.py")
    rerun(at)
    assert "Step 1 of 18" in shown_step(at)
    receiver, warnings = _open_step(params)
    assert warnings == "" and "Step 1 of 18" in shown_step(receiver)
    at.radio(key="step_batch_mode").set_value("one")          # back to one example: nothing to carry
    rerun(at)
    assert "Step 1 of 7" in shown_step(at) and "batch=" not in at.session_state[WRITTEN]
