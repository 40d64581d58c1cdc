"""Loss landscapes and the gradient check, against independent computations."""
import numpy as np
import pytest

from bpviz.engine import (
    Network,
    NetworkError,
    backward,
    default_parameter,
    default_window,
    forward,
    loss_value,
    numerical_gradient,
    preset,
    two_d,
)
from bpviz.engine.gradient_check import MISTAKES, gradient_check, noise_floor, relative_error
from bpviz.engine.landscape import descent_path, gradient_of, loss_along, loss_grid, parameter_value, with_parameter
from bpviz.engine.network import ParameterRef, parameter_refs

DATA = two_d("circle", 30, 0.1, seed=4)
NET = Network.random([2, 3, 2, 1], ["tanh", "sigmoid", "sigmoid"], "binary_cross_entropy", seed=2)
W = ParameterRef("weight", 2, 1, 2)
B = ParameterRef("bias", 1, 0)


def test_loss_along_equals_the_loss_of_each_modified_network():
    values = np.linspace(-2, 2, 7)
    expected = [loss_value(with_parameter(NET, W, v), DATA.X, DATA.Y) for v in values]
    np.testing.assert_allclose(loss_along(NET, DATA.X, DATA.Y, W, values), expected, rtol=1e-12)


def test_the_curves_slope_at_the_current_value_is_the_backprop_gradient():
    w, h = parameter_value(NET, W), 1e-5
    left, right = loss_along(NET, DATA.X, DATA.Y, W, [w - h, w + h])
    assert abs((right - left) / (2 * h) - gradient_of(NET, DATA.X, DATA.Y, W)) < 1e-8
    grads = backward(NET, forward(NET, DATA.X), DATA.Y)
    assert gradient_of(NET, DATA.X, DATA.Y, W) == grads.weights[1][1, 2]


def test_loss_grid_rows_follow_y_and_columns_follow_x():
    xs, ys = np.linspace(-1, 1, 4), np.linspace(0, 2, 3)
    grid = loss_grid(NET, DATA.X, DATA.Y, W, B, xs, ys)
    assert grid.shape == (3, 4)
    for i, j in [(0, 0), (2, 1), (1, 3)]:
        trial = with_parameter(with_parameter(NET, W, xs[j]), B, ys[i])
        expected = loss_value(trial, DATA.X, DATA.Y)
        assert abs(grid[i, j] - expected) <= 1e-5 * expected      # the grid is computed in float32, for drawing


def test_descent_path_takes_plain_gradient_steps_on_those_parameters_only():
    path = descent_path(NET, DATA.X, DATA.Y, [W, B], 0.5, 3)
    assert path.shape == (4, 2) and list(path[0]) == [parameter_value(NET, W), parameter_value(NET, B)]
    current = NET
    for row in range(3):
        grads = backward(current, forward(current, DATA.X), DATA.Y)
        expected = [path[row, 0] - 0.5 * grads.weights[1][1, 2], path[row, 1] - 0.5 * grads.biases[0][0]]
        np.testing.assert_allclose(path[row + 1], expected, rtol=1e-12)
        current = with_parameter(with_parameter(current, W, path[row + 1, 0]), B, path[row + 1, 1])


@pytest.mark.parametrize("ref, field", [
    (ParameterRef("weight", 4, 0, 0), "layer"), (ParameterRef("weight", 1, 5, 0), "j"),
    (ParameterRef("weight", 1, 0, 9), "k"), (ParameterRef("kernel", 1, 0), "kind")])
def test_bad_parameters_name_the_field(ref, field):
    with pytest.raises(NetworkError, match=field):
        loss_along(NET, DATA.X, DATA.Y, ref, [0.0])


def test_sizes_of_requests_are_bounded():
    with pytest.raises(NetworkError, match="values"):
        loss_along(NET, DATA.X, DATA.Y, W, np.zeros(10_000))
    with pytest.raises(NetworkError, match="steps"):
        descent_path(NET, DATA.X, DATA.Y, [W], 0.1, 10**6)


def test_every_parameter_is_listed_once():
    refs = parameter_refs(NET)
    assert len(refs) == len(set(refs)) == NET.parameter_count


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "leaky_relu", "linear"])
@pytest.mark.parametrize("output, loss", [("sigmoid", "squared_error"), ("sigmoid", "binary_cross_entropy"),
                                          ("softmax", "cross_entropy"), ("softmax", "squared_error")])
def test_the_correct_backward_pass_passes(hidden, output, loss):
    outputs = 2 if output == "softmax" else 1
    net = Network.random([2, 3, outputs], [hidden, output], loss, seed=7)
    Y = np.column_stack([DATA.Y[:, 0], 1 - DATA.Y[:, 0]]) if outputs == 2 else DATA.Y
    assert gradient_check(net, DATA.X[:10], Y[:10]).verdict == "pass"


@pytest.mark.parametrize("mistake", [m for m in MISTAKES if m != "none"])
def test_every_mistake_fails_the_check(mistake):
    net = Network.random([2, 3, 2], "sigmoid", "squared_error", seed=3)
    Y = np.column_stack([DATA.Y[:, 0], 1 - DATA.Y[:, 0]])
    report = gradient_check(net, DATA.X[:8], Y[:8], mistake=mistake)
    assert report.verdict == "fail", report.max_relative_error


def test_a_deep_sigmoid_network_passes_and_its_mistakes_still_fail():
    """The first layers' gradients are near 1e-7, where the central differences' rounding
    noise (about 2.2e-16 · E / 1e-6) alone gave relative errors above 1e-3: "fail" for a
    correct backward pass. The noise floor judges them no finer than the noise allows."""
    net = Network.random([10] * 8, ["sigmoid"] * 7, "squared_error", seed=0)
    rng = np.random.default_rng(0)
    X, Y = rng.uniform(-1, 1, (20, 10)), rng.uniform(0, 1, (20, 10))
    correct = gradient_check(net, X, Y)
    smallest = min(abs(row.numerical) for row in correct.rows)
    assert smallest < 1e-6                      # gradients this small are in the report
    assert correct.verdict == "pass", correct.max_relative_error
    for mistake in [m for m in MISTAKES if m != "none"]:
        assert gradient_check(net, X, Y, mistake=mistake).verdict == "fail", mistake


def test_the_noise_floor_follows_the_loss_and_the_step():
    assert noise_floor(1.0, 1e-6) == pytest.approx(10 * 2.220446049250313e-16 / 1e-6 / 1e-5)
    assert noise_floor(2.0, 1e-6) == pytest.approx(2 * noise_floor(1.0, 1e-6))
    assert noise_floor(0.0, 1e-6) == 1e-12
    assert relative_error(1e-7, 1.1e-7, floor=1e-4) == pytest.approx(1e-8 / 1e-4)


def test_relative_error_formula():
    assert relative_error(1.0, 1.0) == 0.0 and relative_error(1.0, -1.0) == 1.0
    assert abs(relative_error(1.0, 1.1) - 0.1 / 2.1) < 1e-15


def _worked_example():
    p = preset("worked_example")
    return p.network, np.array([p.x]), np.array([p.y]), p.learning_rate


def test_landscape_opens_on_the_weight_with_the_steepest_gradient():
    """On the worked example the output layer's weights have gradients ~0.08, the hidden
    layer's ~0.0005 (w1's curve would be flat): the first view is the steepest weight, found
    here with central differences, not with the engine's backward pass."""
    net, X, Y, _ = _worked_example()
    numerical = numerical_gradient(net, X, Y)
    steepest = max(((l, j, k) for l, w in enumerate(numerical.weights) for j, k in np.ndindex(w.shape)),
                   key=lambda index: abs(numerical.weights[index[0]][index[1:]]))
    ref = default_parameter(net, X, Y)
    assert ref.kind == "weight" and (ref.layer - 1, *ref.index) == steepest == (1, 0, 1)   # w6 of the tutorial


def test_the_default_window_shows_the_tangent_and_the_curve_bending_away():
    """The window is sized by the gradient: across it the tangent changes by about the loss
    itself (so it is visibly sloped), and the curve moves away from the tangent by a visible
    fraction of the loss; it holds the current value and the update's landing point."""
    net, X, Y, learning_rate = _worked_example()
    for ref in parameter_refs(net):
        low, high = default_window(net, X, Y, ref)
        value, loss, slope = parameter_value(net, ref), loss_value(net, X, Y), gradient_of(net, X, Y, ref)
        assert low < value < high and low < value - learning_rate * slope < high
        half = (high - low) / 2
        assert 1.0 <= half <= 10.0
        if 1.0 < half < 10.0:                                   # not at a bound: set by the gradient
            assert abs(slope) * 2 * half == pytest.approx(loss)
    ref = default_parameter(net, X, Y)
    low, high = default_window(net, X, Y, ref)
    xs = np.linspace(low, high, 101)
    curve = loss_along(net, X, Y, ref, xs)
    tangent = loss + gradient_of(net, X, Y, ref) * (xs - parameter_value(net, ref))
    assert curve.max() - curve.min() >= 0.5 * loss
    assert np.abs(curve - tangent).max() >= 0.05 * loss


def test_a_flatter_parameter_gets_a_wider_window():
    net, X, Y, _ = _worked_example()
    refs = parameter_refs(net)
    by_slope = sorted(refs, key=lambda ref: abs(gradient_of(net, X, Y, ref)))
    widths = [np.subtract(*default_window(net, X, Y, ref)[::-1]) for ref in by_slope]
    assert widths == sorted(widths, reverse=True) and widths[0] > 4 * widths[-1]
