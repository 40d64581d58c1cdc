"""No legend entry reads "trace N": every trace of the Train and Landscape figures has a
name, and the boundary's legend names the classes."""
import numpy as np

from bpviz import viz
from bpviz.engine import Network, TrainingConfig, train, truth_table
from bpviz.engine.gradient_check import gradient_check


def _figures():
    table = truth_table("xor")
    net = Network.random([2, 3, 1], ["tanh", "sigmoid"], "binary_cross_entropy", seed=0)
    history = train(net, table.X, table.Y, TrainingConfig(learning_rate=1.0, batch_size=4, epochs=3)).state.history
    xs = ys = np.linspace(-1, 1, 5)
    return {"loss": viz.loss_figure(history),
            "boundary": viz.decision_boundary_figure(net, table.X, table.Y, X_test=table.X, Y_test=table.Y),
            "regression": viz.regression_figure(Network.random([1, 2, 1], ["tanh", "linear"], "squared_error"),
                                                [[0.0], [1.0]], [[0.0], [1.0]]),
            "one_weight": viz.one_weight_figure(xs, xs ** 2, 0.0, 0.0, 0.0, 0.5, "w"),
            "contour": viz.contour_figure(xs, ys, np.outer(ys, xs), np.zeros((3, 2)), ("w1", "w2")),
            "gradcheck": viz.gradcheck_figure(gradient_check(net, table.X, table.Y))}


def test_every_trace_has_a_name():
    for title, figure in _figures().items():
        for trace in figure.data:
            assert trace.name, f"{title}: a {trace.type} trace has no name (its legend entry would read 'trace N')"


def test_the_boundary_legend_names_the_classes_and_nothing_else():
    figure = _figures()["boundary"]
    shown = [trace.name for trace in figure.data if trace.showlegend is not False]
    assert shown == ["class 0", "class 1", "test, class 0", "test, class 1"]
