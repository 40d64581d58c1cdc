"""The address bar carries the learner's state: the query a run writes, opened as a new
session (a reload, a bookmark), restores that state. Expected values come from the
worked example's published numbers and from the engine's data builders, not from the
query itself."""
import json
from urllib.parse import parse_qsl

import numpy as np
import pytest

from bpviz.engine import preset, step_sequence, train_test_split, two_d
from tests.app.apptest import diagram, open_app, report, report_only, rerun, shown_step

WRITTEN = "address_written"


def _reopen(at, page=None):
    """A new session opened at the address `at` last wrote (what a reload does), on
    `page`; `.link_warnings` are the warnings its first run showed."""
    first = open_app(query=dict(parse_qsl(at.session_state[WRITTEN].lstrip("?"))))
    first.link_warnings = [w.value for w in first.warning]
    if page:
        first.switch_page(f"views/{page}.py")
        rerun(first)
    return first


def test_a_fresh_session_writes_an_empty_query():
    at = open_app("step")
    assert at.session_state[WRITTEN] == ""


def test_an_applied_update_survives_a_reload():
    at = open_app("step")
    at.button(key="step_apply").click()
    rerun(at)
    updated = at.session_state["network"]
    assert updated != preset("worked_example").network
    again = _reopen(at, "step")
    assert again.session_state["network"] == updated             # bit for bit
    sent = diagram(again)["pass"]
    loss_step = sent["steps"][sent["jumps"]["forward"]]
    assert sent["strings"][loss_step["title"]] == "Loss E = 0.291027774"    # Mazur's worked example after one update


def test_the_language_survives_a_reload():
    at = open_app()
    at.selectbox(key="lang").set_value("zh")
    rerun(at)
    assert at.session_state[WRITTEN] == "?lang=zh"
    again = _reopen(at, "step")
    assert again.session_state["lang"] == "zh" and again.title[0].value == "逐步执行反向传播"
    assert not again.link_warnings


def test_step_position_and_step_size_survive_a_reload():
    at = open_app("step")
    at.radio(key="step_granularity").set_value("pass")
    rerun(at)
    at = report(at, position=1)                  # the diagram stepped once in the browser
    assert at.session_state[WRITTEN] == "?gran=pass&step=1"
    again = _reopen(at, "step")
    assert again.session_state["granularity"] == "pass" and again.session_state["step_index"] == 1
    p = preset("worked_example")
    count = len(step_sequence(p.network, p.x, p.y, p.learning_rate, "pass", p.update_biases))
    assert shown_step(again).startswith(f"Step 2 of {count}:")
    assert diagram(again)["goto"]["step"] == 1                    # the browser is told to start there
    assert not again.link_warnings


def test_learning_rate_and_bias_switch_survive_a_reload():
    at = open_app("step")
    at.number_input(key="step_lr").set_value(0.125)
    at.checkbox(key="step_update_biases").check()
    rerun(at)
    again = _reopen(at, "step")
    assert again.session_state["learning_rate"] == 0.125 and again.session_state["update_biases"] is True
    assert again.session_state["network"] == preset("worked_example").network


def test_hidden_controls_and_quiz_mode_stay_in_the_address():
    at = open_app(query={"hide": "tables,architecture", "quiz": "1"})
    query = at.session_state[WRITTEN]
    assert "hide=architecture,tables" in query and "quiz=1" in query
    again = _reopen(at)
    assert again.session_state["hidden_controls"] == frozenset({"tables", "architecture"})
    assert again.session_state["quiz"] is True


def test_built_in_data_and_their_settings_survive_a_reload():
    at = open_app("train")
    at.radio(key="data_source").set_value("two_d")
    rerun(at)
    at.selectbox(key="data_shape").set_value("spiral")
    at.number_input(key="data_rows").set_value(300)
    at.slider(key="data_noise").set_value(0.3)
    at.number_input(key="data_seed").set_value(7)
    at.button[[b.label for b in at.button].index("Use these data")].click()
    rerun(at)
    assert "data=two_d:spiral:300:0.3:0.25:7" in at.session_state[WRITTEN]
    again = _reopen(at, "train")
    data = again.session_state["train_data"]
    train, test = train_test_split(two_d("spiral", 300, 0.3, 7), 0.25, 7)
    assert np.array_equal(data.train.X, train.X) and np.array_equal(data.test.Y, test.Y)
    assert not again.link_warnings


def test_an_uploaded_csv_cannot_travel_so_a_reload_asks_for_it_again():
    at = open_app("train")
    at.radio(key="data_source").set_value("csv")
    rerun(at)
    # an upload is what AppTest cannot click: store data the widgets did not make, as an upload does
    table = two_d("circle", 40, 0.0, 3)
    from bpviz.ui.train.data import TrainData
    at.session_state["train_data"] = TrainData(table, None, "points.csv")
    rerun(at)
    assert "data=csv" in at.session_state[WRITTEN]
    again = _reopen(at, "train")
    assert any("upload it again" in w for w in again.link_warnings)
    assert again.session_state["train_data"].train.rows == 4          # the page's own default, XOR


@pytest.mark.parametrize("params, words", [
    ({"step": "-1"}, "from 0 to 99"), ({"step": "１２"}, "from 0 to 99"), ({"step": "1000"}, "from 0 to 99"),
    ({"gran": "neuron"}, "layer, pass"), ({"quiz": "yes"}, "0 (off) or 1 (on)"),
    ({"data": "two_d:moons:200:0.1:0.25:0"}, "truth_table:"), ({"data": "sine:999999:0.1:0.25:0"}, "n (rows)"),
    ({"data": "two_d:circle:200:5:0.25:0"}, "noise"),
])
def test_a_bad_setting_names_the_field_and_range_and_keeps_the_default(params, words):
    at = open_app(query=params)
    assert any(words in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.session_state["step_index"] == 0 and at.session_state["granularity"] == "layer"
    assert at.session_state["network"] == preset("worked_example").network


def test_an_unchanged_state_is_not_written_again():
    at = report_only(open_app("step"), position=1)   # the run of the Step position's fragment alone
    written = at.session_state[WRITTEN]
    assert "step=1" in written and not _address_components(at)
    # the Step position's own component carries the address (bpviz/ui/step/diagram.py)
    carried = [json.loads(c.proto.json) for c in at.get("bidi_component") if c.proto.component_name.endswith(
        "bpviz_step_position")]
    assert carried == [written.lstrip("?")]
    rerun(at)
    assert at.session_state[WRITTEN] == written and not _address_components(at)


def _address_components(at):
    """The page's address components (the diagram has a component of its own)."""
    return [c for c in at.get("bidi_component") if c.proto.component_name.endswith("bpviz_address")]


@pytest.mark.parametrize("data, words", [("foo:bar", "could not be made, so Train starts from its own data"),
                                         ("two_d:circle:6000:0.1:0.25:0", "n (rows) must be from 1 to 5000, got 6000")])
def test_a_bad_data_link_is_named_on_the_train_page_though_train_sets_itself_up(data, words):
    """The Train page reruns itself when it sets up a network for its data: the link's warning
    must survive that rerun, once, also when the link opened another page first."""
    at = open_app("train", query={"data": data})
    warnings = [w.value for w in at.warning]
    assert sum(words in w and data in w for w in warnings) == 1, warnings
    assert any("Train set up a network for the XOR truth table" in i.value for i in at.info)
    assert at.session_state["train_data"].train.rows == 4           # the page's own default, XOR
    rerun(at)
    assert not any(words in w.value for w in at.warning)             # seen: not shown again
    at.switch_page("views/step.py").run()
    assert not any(words in w.value for w in at.warning)


def test_a_bad_data_link_opened_on_train_warns_once_and_not_on_other_pages():
    at = open_app("step", query={"data": "foo:bar"})
    assert not any("could not be made" in w.value for w in at.warning)   # shown on the first page, gone now
    at.switch_page("views/landscape.py").run()
    assert not any("could not be made" in w.value for w in at.warning)   # Landscape reads the data: not its link
    at.switch_page("views/train.py").run()
    assert sum("could not be made" in w.value for w in at.warning) == 1
