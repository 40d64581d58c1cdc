"""The strips under the Step diagram (bpviz.viz.step_strips through step_pass): each weight
layer's gradient size, and a batch's examples side by side; and the title naming E_n on an
example's step.

References are independent of the engine's backward pass: central finite differences of the
loss (a forward pass only) for ∂E/∂W, and a forward pass written out here in NumPy for the
examples' outputs, losses and output δ."""
import math
import re

import numpy as np
import pytest

from bpviz.engine import preset, step_sequence, stepping_batch
from bpviz.viz import step_pass
from bpviz.viz.step_strips import LEAST_BAR
from tests.finite_differences import layer_rms

WORKED = preset("worked_example")


def _strip(sent, index):
    """Step `index`'s gradient strip as drawn: per layer (height, printed, hover) or None; the note."""
    s, strip = sent["strings"], sent["steps"][index]["gradient"]
    return [None if b is None else (b[0], s[b[1]], s[b[2]]) for b in strip["bars"]], s[strip["note"]]


def _ratio(note):
    return float(re.search(r"([\d,.]+)×", note).group(1).replace(",", ""))


@pytest.mark.parametrize("name", ["deep_sigmoid", "deep_relu"])
def test_each_layers_bar_is_the_rms_of_its_gradient_from_the_step_that_computes_it(name):
    p = preset(name)
    steps = step_sequence(p.network, p.x, p.y, p.learning_rate, update_biases=p.update_biases)
    sent = step_pass(steps)
    expected = layer_rms(p.network, p.x, p.y)
    layers = len(expected)
    assert layers == 7
    for index, step in enumerate(steps):
        bars, _ = _strip(sent, index)
        assert len(bars) == layers
        known = [l + 1 for l, bar in enumerate(bars) if bar is not None]
        if step.phase == "backward":               # layer l's bar appears at backward l, and stays
            assert known == list(range(step.layer, layers + 1))
        elif step.phase == "update":
            assert known == list(range(1, layers + 1))
        else:
            assert known == []
    bars, note = _strip(sent, len(steps) - 1)
    for (_, printed, hover), value in zip(bars, expected):
        assert abs(float(printed) - value) <= 0.05 * value                  # 2 digits on a dense network
        assert math.isclose(float(hover.rsplit("= ", 1)[1]), value, rel_tol=1e-5)
    heights = np.array([bar[0] for bar in bars])
    assert np.argsort(heights).tolist() == np.argsort(expected).tolist()   # a log scale keeps the order
    assert max(heights) == 1.0 and min(heights) == pytest.approx(LEAST_BAR)
    logs = np.log10(expected)
    middle = (heights - LEAST_BAR) / (1 - LEAST_BAR)
    assert np.allclose(middle, (logs - logs.min()) / (logs.max() - logs.min()), atol=1e-3)
    ratio = expected[-1] / expected[0]
    assert "smaller than layer 7" in note and math.isclose(_ratio(note), ratio, rel_tol=0.05)


def test_the_deep_sigmoid_first_layer_is_a_thousand_times_smaller_and_the_relu_one_is_not():
    notes = {}
    for name in ("deep_sigmoid", "deep_relu"):
        p = preset(name)
        steps = step_sequence(p.network, p.x, p.y, p.learning_rate, update_biases=p.update_biases)
        notes[name] = _ratio(_strip(step_pass(steps), len(steps) - 1)[1])
    assert notes["deep_sigmoid"] > 1000 and notes["deep_relu"] < 10


def test_the_strip_is_in_the_phone_heading_and_the_chinese_catalogue():
    from bpviz.ui.strings.zh import ZH
    p = preset("deep_sigmoid")
    steps = step_sequence(p.network, p.x, p.y, p.learning_rate)
    assert step_pass(steps)["gradient_title"].startswith("Gradient size per layer")
    assert step_pass(steps, narrow=True)["gradient_title"] == "RMS ∂E/∂W (log)"
    sent = step_pass(steps, text=ZH)
    assert sent["gradient_title"] == ZH["viz.step.gradient_title"]
    assert re.fullmatch(r"第 1 层：比第 7 层小 [\d,]+ 倍", _strip(sent, len(steps) - 1)[1])


def test_a_pass_cut_short_sends_no_gradient_size_before_the_backward_pass():
    p = preset("deep_sigmoid")
    steps = step_sequence(p.network, p.x, p.y, p.learning_rate)
    loss = [s.phase for s in steps].index("loss")
    sent = step_pass(steps[:loss + 1])                  # quiz mode: the revealed steps only
    assert all(_strip(sent, i) == ([None] * 7, "") for i in range(loss + 1))
    assert not any("∂E/∂W =" in text for text in sent["strings"])


# ---- a batch stepped example by example ----------------------------------------------------------

def _by_hand(X, Y):
    """The worked example (sigmoid, squared error) per row: output a, E_n, output δ."""
    net = WORKED.network
    a = X
    for w, b in zip(net.weights, net.biases):
        a = 1 / (1 + np.exp(-(a @ w.T + b)))
    losses = 0.5 * ((Y - a) ** 2).sum(axis=1)
    return a, losses, (a - Y) * a * (1 - a)


def _cells(sent, index):
    s, strip = sent["strings"], sent["steps"][index]["batch"]
    return s[strip["title"]], [(s[head], bars, marked, s[hover]) for head, bars, marked, hover in strip["cells"]]


def test_the_batch_strip_shows_every_example_and_marks_the_one_stepped():
    X, Y = stepping_batch(WORKED.x, WORKED.y, 3)
    steps = step_sequence(WORKED.network, X, Y, 0.5, by_example=True)
    sent = step_pass(steps)
    outputs, losses, deltas = _by_hand(X, Y)
    assert sent["batch"] is True
    for index, step in enumerate(steps):
        title, cells = _cells(sent, index)
        assert len(cells) == 3
        marked = [c[2] for c in cells]
        if step.example is not None:
            assert marked == [n == step.example for n in range(3)]
        else:
            assert marked == [step.phase in ("average", "update")] * 3
        showing_delta = step.phase in ("backward", "average", "update")
        assert title == "The batch: each example's output " + ("δ" if showing_delta else "a")
        for n, (head, bars, _, hover) in enumerate(cells):
            done = step.phase in ("average", "update") or (step.example is not None and n < step.example)
            assert head.startswith(f"E{'₁₂₃'[n]} ")
            if done:
                assert math.isclose(float(head.split(" ")[1]), losses[n], rel_tol=5e-4)
                values = deltas[n] if showing_delta else outputs[n]
                largest = np.abs(deltas if showing_delta else outputs).max()
                assert [b[0] for b in bars] == pytest.approx(values / largest, abs=1e-4)
                assert f"x = ({X[n, 0]:.9g}, {X[n, 1]:.9g})" in hover
            if step.example is not None and n > step.example or step.phase == "start":
                assert head.endswith(" ?") and bars == [None, None] and "not reached yet" in hover


def test_an_examples_step_is_titled_with_its_own_loss_and_the_average_with_the_mean():
    X, Y = stepping_batch(WORKED.x, WORKED.y, 3)
    steps = step_sequence(WORKED.network, X, Y, 0.5, by_example=True)
    sent = step_pass(steps)
    _, losses, _ = _by_hand(X, Y)
    titles = [sent["strings"][s["title"]] for s in sent["steps"]]
    for step, title in zip(steps, titles):
        if step.example is not None and step.loss_known:
            name, value = title.rsplit(" = ", 1)
            assert name == f"Loss E{'₁₂₃'[step.example]}" and math.isclose(float(value), losses[step.example],
                                                                            rel_tol=1e-8)
        elif step.example is not None:
            assert title == f"Loss E{'₁₂₃'[step.example]} = ? (not computed yet)"
    average = titles[[s.phase for s in steps].index("average")]
    assert average.startswith("Loss E = ") and math.isclose(float(average.split("= ")[1]), losses.mean(), rel_tol=1e-8)


def test_one_example_has_no_batch_strip():
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5)
    sent = step_pass(steps)
    assert sent["batch"] is False and all("batch" not in s for s in sent["steps"])


def test_the_worked_examples_strip_prints_the_rms_of_the_published_gradients():
    published = [np.array([0.000438568, 0.000497713, 0.000877135, 0.000995425]),
                 np.array([0.082167041, 0.082667628, -0.022602540, -0.022740242])]
    rms = [float(np.sqrt(np.mean(g ** 2))) for g in published]
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, update_biases=False)
    bars, note = _strip(step_pass(steps), 5)                  # backward, layer 1: both known
    assert [math.isclose(float(bar[1]), value, rel_tol=5e-4) for bar, value in zip(bars, rms)] == [True, True]
    assert note == "layer 1: 81× smaller than layer 2"
    assert _strip(step_pass(steps), 4)[1] == ""               # backward, layer 2: layer 1 not known yet
