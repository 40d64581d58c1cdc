"""A batch stepped example by example: each example's forward pass, loss and backward
pass in turn (that example's own numbers, checked against PyTorch), then the "average"
step whose gradients are the batch gradient of `backward` (and of PyTorch), then the
update; the explanations show the average as the mean of the examples' gradients."""
import numpy as np
import pytest

from bpviz.engine import (
    MAX_BY_EXAMPLE,
    MIN_BY_EXAMPLE,
    NetworkError,
    backward,
    explain,
    forward,
    preset,
    sgd_step,
    step_sequence,
)
from tests.engine import torch_reference
from tests.engine.test_gradients import gradient_case


def _worked_batch():
    p = preset("worked_example")
    X = np.array([p.x, (0.9, -0.4), (0.2, 0.7)])
    Y = np.array([p.y, (0.5, 0.2), (0.99, 0.01)])
    return p.network, X, Y


@pytest.mark.parametrize("granularity", ["layer", "pass"])
def test_the_plan_steps_each_example_then_averages(granularity):
    net, X, Y = _worked_batch()
    steps = step_sequence(net, X, Y, 0.5, granularity, by_example=True)
    L = len(net.weights)
    per_example = 2 * L + 1 if granularity == "layer" else 3
    assert len(steps) == 1 + len(X) * per_example + 2
    assert [s.index for s in steps] == list(range(len(steps)))
    assert steps[0].phase == "start" and steps[0].example is None
    assert [s.phase for s in steps[-2:]] == ["average", "update"]
    examples = [s.example for s in steps[1:-2]]
    assert examples == sorted(examples) and set(examples) == {0, 1, 2}
    if granularity == "layer":
        one = [s.label for s in steps[1:1 + per_example]]
        assert one == ["example 1: forward, layer 1", "example 1: forward, layer 2", "example 1: loss",
                       "example 1: backward, layer 2", "example 1: backward, layer 1"]
    assert all(s.batch is steps[0].batch for s in steps)


def test_each_example_step_holds_that_example_alone_as_torch_computes_it():
    net, X, Y = _worked_batch()
    steps = step_sequence(net, X, Y, 0.5, by_example=True, l1=0.01, l2=0.1)
    for n in range(len(X)):
        mine = [s for s in steps if s.example == n]
        backward_done = mine[-1]
        assert backward_done.X.shape == (1, 2) and (backward_done.X[0] == X[n]).all()
        E, weight_grads, bias_grads, deltas = torch_reference.gradients(net, X[n:n + 1], Y[n:n + 1])
        assert backward_done.loss == pytest.approx(E, abs=1e-13)   # E_n alone, no penalty
        for l in (1, 2):
            assert np.allclose(backward_done.weight_grad(l), weight_grads[l - 1], atol=1e-13)
            assert np.allclose(backward_done.bias_grad(l), bias_grads[l - 1], atol=1e-13)
            assert np.allclose(backward_done.delta(l), deltas[l - 1], atol=1e-13)
        first = mine[0]   # forward, layer 1: nothing of the backward pass is known yet
        assert first.activation(1) is not None and first.activation(2) is None and first.delta(2) is None


@pytest.mark.parametrize("l1, l2", [(0.0, 0.0), (0.05, 0.2)])
@pytest.mark.parametrize("hidden, output, loss", [("sigmoid", "sigmoid", "squared_error"),
                                                  ("tanh", "softmax", "cross_entropy"),
                                                  ("leaky_relu", "sigmoid", "binary_cross_entropy")])
def test_the_average_is_the_batch_gradient_of_backward(hidden, output, loss, l1, l2):
    net, X, Y = gradient_case(hidden, output, loss)   # 4 rows
    steps = step_sequence(net, X, Y, 0.5, by_example=True, l1=l1, l2=l2)
    average, update = steps[-2], steps[-1]
    batch = backward(net, forward(net, X), Y, l1, l2)
    E, weight_grads, bias_grads, _ = torch_reference.gradients(net, X, Y, l1, l2)
    for l in range(1, len(net.weights) + 1):
        assert np.allclose(average.weight_grad(l), batch.weights[l - 1], rtol=1e-12, atol=1e-15)
        assert np.allclose(average.weight_grad(l), weight_grads[l - 1], rtol=1e-10, atol=1e-13)
        assert np.allclose(average.bias_grad(l), bias_grads[l - 1], rtol=1e-10, atol=1e-13)
        # and it is the mean of the examples' own gradients, plus the penalty
        examples = np.mean([g.weights[l - 1] for g in average.batch.examples], axis=0)
        w = net.weights[l - 1]
        assert np.allclose(average.weight_grad(l), examples + l1 * np.sign(w) + l2 * w, rtol=1e-12, atol=1e-15)
    assert average.loss == pytest.approx(E, rel=1e-12)
    assert average.updated is None
    expected = sgd_step(net, batch, 0.5)
    assert all(np.array_equal(a, b) for a, b in zip(update.updated.weights, expected.weights))


def test_the_average_step_explains_the_mean_of_the_examples():
    net, X, Y = _worked_batch()
    steps = step_sequence(net, X, Y, 0.5, by_example=True, l2=0.1)
    average = steps[-2]
    e = explain(average, "weight_grad", 2, 0, 0)   # w5
    grads = [torch_reference.gradients(net, X[n:n + 1], Y[n:n + 1])[1][1][0, 0] for n in range(3)]
    assert e.value == pytest.approx(np.mean(grads) + 0.1 * 0.40, abs=1e-13)
    assert r"\frac{1}{n} \sum_{n} \frac{\partial E_{n}}{\partial w^{(2)}_{00}}" in e.formula
    assert r"\frac{1}{3}" in e.substituted and r"0.1 \cdot 0.4" in e.substituted
    for g in grads:
        assert f"{g:.9f}".rstrip("0")[:10] in e.substituted
    b = explain(average, "bias_grad", 2, 0)
    assert r"\frac{1}{3}" in b.substituted and b.value == pytest.approx(
        np.mean([torch_reference.gradients(net, X[n:n + 1], Y[n:n + 1])[2][1][0] for n in range(3)]), abs=1e-13)
    # an example's own step names its gradient after E_n and shows δ · a
    own = [s for s in steps if s.example == 1 and s.phase == "backward"][-1]
    e1 = explain(own, "weight_grad", 2, 0, 0)
    assert r"\partial E_{2}" in e1.symbol and "lambda" not in e1.formula
    assert explain(own, "loss", 2, 0).symbol == "E_{2}"


@pytest.mark.parametrize("rows", [1, MAX_BY_EXAMPLE + 1])
def test_batches_outside_2_to_8_rows_are_refused(rows):
    net, _, _ = _worked_batch()
    X, Y = np.full((rows, 2), 0.5), np.full((rows, 2), 0.5)
    with pytest.raises(NetworkError, match=f"from {MIN_BY_EXAMPLE} to {MAX_BY_EXAMPLE} rows"):
        step_sequence(net, X, Y, 0.5, by_example=True)
    with pytest.raises(NetworkError, match="by_example"):
        step_sequence(net, X, Y, 0.5, by_example="yes")


def test_every_step_is_a_frozen_snapshot():
    net, X, Y = _worked_batch()
    steps = step_sequence(net, X, Y, 0.5, by_example=True)
    for s in steps:
        for array in (s.X, s.Y, *s.trace.activations, *s.gradients.weights):
            with pytest.raises(ValueError):
                array[...] = 0.0


def test_stepping_batch_starts_with_the_example_then_the_data():
    from bpviz.engine import stepping_batch, truth_table
    table = truth_table("xor")
    X, Y = stepping_batch((1.0, 0.0), (1.0,), 4, table.X, table.Y)
    assert X.tolist() == [[1.0, 0.0], [0.0, 0.0], [0.0, 1.0], [1.0, 1.0]]   # (1, 0) is not repeated
    assert Y.tolist() == [[1.0], [0.0], [1.0], [0.0]]
    # no data (or too few rows): moved copies of the example, same targets, seeded
    X, Y = stepping_batch((0.05, 0.10), (0.01, 0.99), 5)
    assert X.shape == (5, 2) and (Y == [0.01, 0.99]).all() and (X[0] == [0.05, 0.10]).all()
    assert len({tuple(r) for r in X}) == 5 and (np.abs(X - X[0]) <= 0.5 + 1e-9).all()
    again, _ = stepping_batch((0.05, 0.10), (0.01, 0.99), 5)
    assert (again == X).all()
    X, Y = stepping_batch((1.0, 0.0), (1.0,), 8, table.X, table.Y)
    assert len(X) == 8 and X[:4].tolist() == [[1.0, 0.0], [0.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    with pytest.raises(NetworkError, match="rows"):
        stepping_batch((1.0, 0.0), (1.0,), 9)
