"""Landscape figures: the tangent's slope is the engine's gradient, the arrow is the update."""
import numpy as np

from bpviz.engine import (
    Network,
    ParameterRef,
    descent_path,
    gradient_of,
    loss_along,
    loss_grid,
    parameter_value,
    preset,
)
from bpviz.engine.gradient_check import gradient_check
from bpviz.viz import contour_figure, gradcheck_figure, one_weight_figure

WORKED = preset("worked_example")
X, Y = np.array([WORKED.x]), np.array([WORKED.y])
W5 = ParameterRef("weight", 2, 0, 0)


def test_tangent_slope_is_the_backprop_gradient_and_the_arrow_the_update():
    net = WORKED.network
    values = np.linspace(-1, 2, 50)
    w, gradient = parameter_value(net, W5), gradient_of(net, X, Y, W5)
    loss = loss_along(net, X, Y, W5, [w])[0]
    figure = one_weight_figure(values, loss_along(net, X, Y, W5, values), w, loss, gradient, 0.5, "w⁽²⁾₀₀")
    tangent = figure.data[1]
    slope = (tangent.y[1] - tangent.y[0]) / (tangent.x[1] - tangent.x[0])
    assert abs(slope - gradient) < 1e-9 and abs(gradient - 0.082167041) < 1e-9
    arrow = figure.layout.annotations[0]
    assert (arrow.ax, arrow.ay) == (w, loss)
    assert abs(arrow.x - (w - 0.5 * gradient)) < 1e-12 and abs(arrow.x - 0.35891648) < 1e-8
    assert "NaN" not in figure.to_json()


def test_contour_is_the_grid_and_the_path_is_drawn():
    net = WORKED.network
    W6 = ParameterRef("weight", 2, 0, 1)
    xs, ys = np.linspace(-1, 1, 5), np.linspace(-1, 1, 4)
    grid = loss_grid(net, X, Y, W5, W6, xs, ys)
    path = descent_path(net, X, Y, [W5, W6], 0.5, 5)
    figure = contour_figure(xs, ys, grid, path, ("w5", "w6"))
    np.testing.assert_array_equal(np.asarray(figure.data[0].z), grid)
    np.testing.assert_array_equal(np.asarray(figure.data[1].x), path[:, 0])
    assert list(figure.data[2].x) == [path[0, 0], path[-1, 0]]
    start, end = figure.layout.annotations          # a short path: the labels must not sit on each other
    assert (start.text, end.text) == ("start", "end") and start.yshift > 0 > end.yshift


def test_gradcheck_figure_has_a_point_per_parameter_coloured_by_verdict():
    net = Network.random([2, 3, 1], "sigmoid", "squared_error", seed=1)
    good = gradcheck_figure(gradient_check(net, X, [[1.0]]))
    assert sum(len(t.x) for t in good.data[1:]) == net.parameter_count
    assert [t.name for t in good.data[1:]] == ["agrees"]
    bad = gradcheck_figure(gradient_check(net, X, [[1.0]], mistake="no_activation_derivative"))
    assert "wrong" in [t.name for t in bad.data]
