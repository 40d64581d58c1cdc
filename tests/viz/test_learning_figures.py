"""Training figures: curves equal the history, the heatmap is the network's output,
classes differ in colour and shape, no NaN."""
import numpy as np

from bpviz.engine import Network, TrainingConfig, forward, train, truth_table, two_d
from bpviz.viz import decision_boundary_figure, loss_figure, regression_figure
from bpviz.viz.learning_figures import output_grid


def test_loss_curves_are_the_history():
    data = two_d("circle", 60, 0.1, seed=1)
    net = Network.random([2, 4, 1], ["tanh", "sigmoid"], "binary_cross_entropy", seed=0)
    result = train(net, data.X[:40], data.Y[:40], TrainingConfig(learning_rate=0.5, batch_size=40, epochs=15),
                   data.X[40:], data.Y[40:])
    history = result.state.history
    figure = loss_figure(history)
    names = [trace.name for trace in figure.data]
    assert names == ["training loss", "test loss", "training accuracy", "test accuracy"]
    np.testing.assert_array_equal(figure.data[0].y, [r.train_loss for r in history])
    np.testing.assert_array_equal(figure.data[1].y, [r.test_loss for r in history])
    assert list(figure.data[0].x) == list(range(1, 16))
    assert figure.data[2].yaxis == "y2"
    assert list(figure.layout.yaxis2.tickvals) == [0, 0.25, 0.5, 0.75, 1]   # 100 % is a tick, not "96%"


def test_regression_history_has_no_accuracy_curve():
    from bpviz.engine import sine
    data = sine(30, 0.0, seed=0)
    net = Network.random([1, 5, 1], ["tanh", "linear"], "squared_error", seed=0)
    history = train(net, data.X, data.Y, TrainingConfig(learning_rate=0.1, batch_size=30, epochs=3)).state.history
    assert [t.name for t in loss_figure(history).data] == ["training loss"]


def test_heatmap_is_the_networks_output_on_the_grid():
    table = truth_table("xor")
    net = Network.random([2, 3, 1], ["tanh", "sigmoid"], "squared_error", seed=4)
    figure = decision_boundary_figure(net, table.X, table.Y, resolution=25)
    heat = figure.data[0]
    z = np.asarray(heat.z)
    assert z.shape == (25, 25) and (z >= 0).all() and (z <= 1).all()
    for i, j in [(0, 0), (7, 19), (24, 24)]:
        point = [[heat.x[j], heat.y[i]]]
        assert abs(forward(net, point).output[0, 0] - z[i, j]) < 1e-12
    assert heat.zmin < 0.5 < heat.zmax and abs((heat.zmin + heat.zmax) / 2 - 0.5) < 1e-12   # centred on the cut


def test_classes_differ_in_colour_and_shape_and_test_points_are_hollow():
    data = two_d("gaussians", 40, 0.1, seed=2)
    net = Network.random([2, 2, 1], "sigmoid", "squared_error", seed=0)
    figure = decision_boundary_figure(net, data.X[:30], data.Y[:30], X_test=data.X[30:], Y_test=data.Y[30:])
    points = [t for t in figure.data if t.type == "scatter"]
    class0, class1, test0, test1 = points
    assert class0.marker.color != class1.marker.color and class0.marker.symbol != class1.marker.symbol
    assert len(class0.x) + len(class1.x) == 30 and len(test0.x) + len(test1.x) == 10
    assert test0.marker.color == "rgba(0,0,0,0)"
    assert "NaN" not in figure.to_json()


def test_per_neuron_view_shows_that_neurons_activation():
    table = truth_table("and")
    net = Network.random([2, 3, 1], ["tanh", "sigmoid"], "squared_error", seed=1)
    xs, ys, values = output_grid(net, table.X, resolution=10, neuron=(1, 2))
    expected = forward(net, [[xs[3], ys[6]]]).activations[1][0, 2]
    assert abs(values[6, 3] - expected) < 1e-12


def test_regression_curve_is_the_network():
    from bpviz.engine import sine
    data = sine(20, 0.1, seed=3)
    net = Network.random([1, 4, 1], ["tanh", "linear"], "squared_error", seed=2)
    curve = regression_figure(net, data.X, data.Y).data[1]
    assert abs(forward(net, [[curve.x[7]]]).output[0, 0] - curve.y[7]) < 1e-12
