"""Issue 25 in the app: the L1/L2 penalty on Train and Step, gradient health on Train,
a batch stepped example by example, the inspector's penalty term and why δ shrinks,
and the Code panel. The engine's numbers are checked against PyTorch in tests/engine;
here the pages must show and use exactly those numbers."""
import json
import subprocess
import sys

import numpy as np
import pytest

from bpviz.engine import (
    TrainingConfig,
    backward,
    forward,
    preset,
    sgd_step,
    step_sequence,
    stepping_batch,
    train,
    truth_table,
)
from bpviz.ui.train.health import COMPARISON_BOX
from tests.app.apptest import diagram, formulas, open_app, report, rerun, shown_step, step_by_example


def _click(at, key):
    at.button(key=key).click()
    return rerun(at)


def _move(at, where):
    """The diagram reports a move, as its browser side does: "next" one step, "backward" to
    the end of the backward pass (its ⏪ button)."""
    index = at.session_state["step_index"]
    return report(at, position=index + 1 if where == "next" else diagram(at)["pass"]["jumps"][where])


def _latex(at):
    return formulas(at)


def _texts(at, kind):
    return " ".join(str(element.value) for element in getattr(at, kind))


# ---- Train ------------------------------------------------------------------------------------

def test_train_uses_the_penalty_and_shows_the_weights_shrink():
    at = open_app("train")
    p = preset("xor")
    at.session_state["network"] = p.network
    at.session_state["train_network"] = p.network       # Train trains a network of its own
    at.session_state["preset"] = "xor"
    rerun(at)
    at.number_input(key="train_epochs_n").set_value(50)
    at.number_input(key="train_l1").set_value(0.001)
    at.number_input(key="train_l2").set_value(0.05)
    at.checkbox(key="train_all_correct").uncheck()
    rerun(at)
    _click(at, "train_epochs")
    table = truth_table("xor")
    expected = train(p.network, table.X, table.Y, TrainingConfig(learning_rate=2.0, batch_size=4, epochs=50,
                                                                 l1=0.001, l2=0.05))
    assert at.session_state["train_network"] == expected.network   # Train trains a network of its own
    record = at.session_state["train_state"].history[-1]
    assert record.gradient_rms == expected.state.history[-1].gradient_rms
    size = sum(np.abs(w).sum() for w in expected.network.weights)
    caption = _texts(at, "caption")
    assert f"{size:.4g}" in caption and f"{record.penalty:.4g}" in caption
    plain = train(p.network, table.X, table.Y, TrainingConfig(learning_rate=2.0, batch_size=4, epochs=50))
    assert size < sum(np.abs(w).sum() for w in plain.network.weights)   # the penalty shrank the weights


def test_the_deep_comparison_shows_both_networks_gradient_health():
    at = open_app("train")
    assert not [c for c in at.get("plotly_chart") if len(json.loads(c.proto.spec)["data"]) == 14]   # closed: not built
    at.session_state[COMPARISON_BOX] = True     # the learner opens the expander
    rerun(at)
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    comparison = [c for c in charts if len(c["data"]) == 14]
    assert len(comparison) == 1
    assert [a["text"].replace("<br>", " ") for a in comparison[0]["layout"]["annotations"]] == [
        "Deep sigmoid (2-6-6-6-6-6-6-1)", "Deep ReLU (2-6-6-6-6-6-6-1)"]   # each wrapped: name, then shape
    note = _texts(at, "markdown")
    assert "σ′ ≤ 0.25" in note and "After 200 epochs" in note


# ---- Step -------------------------------------------------------------------------------------

def test_step_penalty_is_in_the_update_and_the_inspector():
    at = open_app("step")
    with_penalty = [("step_l1", 0.01), ("step_l2", 0.1)]
    for key, value in with_penalty:
        at.number_input(key=key).set_value(value)
    rerun(at)
    _move(at, "backward")
    _move(at, "next")                      # the update
    at.selectbox(key="inspect_neuron").set_value((2, 0))
    rerun(at)
    latex = _latex(at)
    # the worked example speaks the tutorial's names: w5 is w⁽²⁾₀₀
    assert r"\lambda_1 \operatorname{sign}(w_{5})" in latex and r"0.1 \cdot 0.4" in latex
    assert r"\lambda_1 \sum |w|" in latex          # the objective E with its penalty
    p = preset("worked_example")
    _click(at, "step_apply")
    grads = backward(p.network, forward(p.network, [p.x]), [p.y], 0.01, 0.1)
    assert at.session_state["network"] == sgd_step(p.network, grads, 0.5, update_biases=False)


def test_a_batch_steps_each_example_then_averages():
    at = step_by_example(3)
    p = preset("worked_example")
    X, Y = stepping_batch(p.x, p.y, 3)
    assert at.data_editor[0].value.shape == (3, 4)
    steps = step_sequence(p.network, X, Y, 0.5, update_biases=False, by_example=True)
    assert len(steps) == 1 + 3 * 5 + 2
    assert f"Step 1 of {len(steps)}" in shown_step(at)
    _move(at, "next")
    assert "example 1 of 3: forward, layer 1" in shown_step(at)
    sent = diagram(at)["pass"]                   # the diagram: each example's own target
    targets = [[sent["strings"][i] for i in sent["steps"][1 + 5 * n]["targets"]] for n in range(3)]
    assert targets == [[f"{name} = {Y[n, j]:.4g}" for j, name in enumerate(("yₒ₁", "yₒ₂"))] for n in range(3)]
    _move(at, "backward")                   # to the average step
    assert "average" in shown_step(at)
    at.selectbox(key="inspect_neuron").set_value((2, 0))
    rerun(at)
    latex = _latex(at)
    assert r"\frac{1}{n} \sum_{n} \frac{\partial E_{n}}{\partial w_{5}}" in latex and r"\frac{1}{3}" in latex
    _move(at, "next")
    _click(at, "step_apply")
    grads = backward(p.network, forward(p.network, X), Y)
    assert at.session_state["network"] == sgd_step(p.network, grads, 0.5, update_biases=False)


def test_an_edited_batch_row_is_stepped():
    at = step_by_example()
    editor = at.data_editor[0]
    # AppTest applies a data editor's edits from its session state, as the browser sends them
    at.session_state[editor.key] = {"edited_rows": {1: {"x1": 0.75}}, "added_rows": [], "deleted_rows": []}
    rerun(at)
    p = preset("worked_example")
    X, Y = stepping_batch(p.x, p.y, 4)
    X[1, 0] = 0.75
    steps = step_sequence(p.network, X, Y, 0.5, update_biases=False, by_example=True)
    _move(at, "backward")
    _move(at, "next")
    _click(at, "step_apply")
    assert at.session_state["network"] == steps[-1].updated


def test_the_code_panel_shows_both_scripts_in_the_tutorials_names_and_they_run():
    at = open_app("step")
    at.segmented_control(key="step_view").set_value("code")
    rerun(at)
    codes = [element.value for element in at.code if "import" in element.value]
    assert len(codes) == 2 and "import torch" in codes[0] and "import numpy as np" in codes[1]
    assert "#   [w5, w6]" in codes[0] and "δo1, δo2" in codes[1]
    assert len(at.get("download_button")) == 2
    done = subprocess.run([sys.executable, "-I", "-c", codes[1]], capture_output=True, text=True, timeout=120)
    assert "new w5 = 0.358916479718" in done.stdout


def test_why_delta_shrinks_is_explained_for_a_hidden_neuron():
    at = open_app("step")
    _move(at, "backward")
    at.selectbox(key="inspect_neuron").set_value((1, 0))
    rerun(at)
    latex = _latex(at)
    assert r"\rho^{(1)}" in latex and r"\lVert W^{(2)} \rVert_2" in latex and r"\le 0.25" in latex
    assert "0.25" in _texts(at, "markdown")     # the sigmoid's f′ ≤ 0.25


def test_the_new_controls_speak_chinese():
    from streamlit.testing.v1 import AppTest

    from tests.app.apptest import ROOT
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "zh"
    at.query_params["batch"] = "4"                       # a batch of four, from the address
    at.query_params["view"] = "code"                     # the readout on show travels in the address
    at.run()
    at.switch_page("views/step.py").run()
    assert not at.exception
    labels = [at.number_input(key=k).label for k in ("step_l1", "step_l2", "step_batch_rows")]
    assert labels == ["L1 惩罚系数 λ₁", "L2 惩罚系数 λ₂", "批次中的行数"]
    assert at.radio(key="step_batch_mode").label == "单步执行"
    assert [b.label for b in at.get("download_button")] == ["下载", "下载"]
    assert any(c.value.startswith("把这一遍传播写成") for c in at.caption)


def test_the_address_carries_the_penalty_and_refuses_a_bad_one():
    at = open_app("step", {"pen": "0.01,0.2"})
    assert at.session_state["step_penalty"] == (0.01, 0.2)
    assert not at.warning
    assert at.number_input(key="step_l2").value == 0.2
    from bpviz.ui import address
    assert address.BY_NAME["pen"].write((0.01, 0.2)) == "0.01,0.2"
    for bad in ("2,0", "0.1", "x,y", "nan,0", "0.1,0.1,0.1", "-0.1,0"):
        at = open_app(None, {"pen": bad})          # the link's problems are said on the page it opens
        assert "penalty" in " ".join(w.value for w in at.warning), bad
        rerun(at.switch_page("views/step.py"))
        assert at.number_input(key="step_l1").value == 0.0 and at.number_input(key="step_l2").value == 0.0


@pytest.mark.parametrize("value", [None, 1e300, -2e6])   # a cleared cell; numbers beyond the engine's limits
def test_an_emptied_or_hostile_batch_cell_steps_one_example_and_says_why(value):
    at = step_by_example()
    editor = at.data_editor[0]
    at.session_state[editor.key] = {"edited_rows": {2: {"y1": value}}, "added_rows": [], "deleted_rows": []}
    rerun(at)
    assert "Every cell of the batch table needs a number" in " ".join(e.value for e in at.error)
    assert "Step 1 of 7" in shown_step(at)     # one example: 7 steps


def test_a_classroom_link_that_fixes_the_learning_settings_keeps_its_penalty():
    at = open_app("step", {"pen": "0.02,0", "hide": "learning_rate"})
    assert at.session_state["step_penalty"] == (0.02, 0.0)
    _move(at, "backward")
    _move(at, "next")
    at.selectbox(key="inspect_neuron").set_value((2, 0))
    rerun(at)
    assert r"0.02 \cdot \operatorname{sign}(0.4)" in _latex(at)
