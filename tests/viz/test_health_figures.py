"""The gradient-health figures: one line per weight layer equal to the history's
gradient_rms, on a log axis; zeros leave a gap; side by side shares one axis."""
import numpy as np

from bpviz.engine import EpochRecord, TrainingConfig, preset, train, train_comparison, two_d
from bpviz.viz import TEXT_EN, gradient_health_figure, health_comparison_figure
from bpviz.viz.health_figures import health_traces, layer_style


def test_one_line_per_layer_equal_to_the_history():
    p = preset("deep_relu")
    data = two_d("circle", 50, 0.1, seed=2)
    history = train(p.network, data.X, data.Y, TrainingConfig(learning_rate=0.5, batch_size=10, epochs=7,
                                                                l1=0.001)).state.history
    figure = gradient_health_figure(history)
    assert len(figure.data) == 7 == len(p.network.weights)
    for l, trace in enumerate(figure.data):
        assert list(trace.x) == list(range(1, 8))
        np.testing.assert_array_equal(trace.y, [r.gradient_rms[l] for r in history])
        assert trace.name == f"weights into layer {l + 1}"
    assert figure.layout.yaxis.type == "log"
    # layers differ in colour and in dash (not colour alone); the ends of the ramp are the input and output sides
    assert len({(t.line.color, t.line.dash) for t in figure.data}) == 7
    assert figure.data[0].line.color != figure.data[-1].line.color


def test_a_zero_gradient_is_a_gap_not_a_point_at_minus_infinity():
    history = [EpochRecord(e, 0.5, None, None, None, 0.1, (0.0, 0.2), 0.0) for e in (1, 2)]
    trace = gradient_health_figure(history).data[0]
    assert list(trace.y) == [None, None] and [list(row) for row in trace.customdata] == [[0.0], [0.0]]


def test_the_figures_speak_the_given_language():
    history = [EpochRecord(1, 0.5, None, None, None, 0.1, (0.1,), 0.0)]
    text = {"viz.health.layer": "第 {layer} 层的权重", "viz.health.title": "梯度健康"}
    figure = gradient_health_figure(history, text=text)
    assert figure.data[0].name == "第 1 层的权重" and figure.layout.title.text == "梯度健康"
    assert {"viz.health.layer", "viz.health.axis", "viz.health.title", "viz.health.epoch"} <= set(TEXT_EN)


def test_side_by_side_shares_one_log_axis_and_one_legend():
    results = train_comparison("deep_sigmoid_vs_relu", epochs=30)
    histories = [r.state.history for r in results.values()]
    figure = health_comparison_figure(histories, ["deep sigmoid", "deep ReLU"])
    assert len(figure.data) == 14
    assert figure.layout.yaxis.type == figure.layout.yaxis2.type == "log"
    assert figure.layout.yaxis2.matches == "y" or figure.layout.yaxis2.showticklabels is False
    assert sum(bool(t.showlegend) for t in figure.data) == 7   # the legend once, for both panels
    right = [t for t in figure.data if t.xaxis == "x2"]
    # rounded to 4 significant digits (the hover shows 3): within 5e-4 relative, and not the full floats
    exact = np.array([r.gradient_rms[0] for r in histories[1]])
    np.testing.assert_allclose(right[0].y, exact, rtol=5e-4)
    assert all(float(f"{v:.4g}") == v for v in right[0].y)
    assert not np.array_equal(right[0].y, exact)        # the engine's floats have more digits
    import json
    full, rounded = (len(json.dumps(health_traces(histories[1], digits=d))) for d in (None, 4))
    assert rounded < 0.7 * full
    titles = [a.text for a in figure.layout.annotations]
    assert titles == ["deep sigmoid", "deep ReLU"]


def test_layer_styles_spread_over_the_ramp():
    assert layer_style(1, 2)[0] == "#440154" and layer_style(2, 2)[0] == "#A0DA39"
    assert layer_style(1, 1)[0] == "#440154"


def test_script_names_are_the_diagrams_names_and_the_scripts_accept_them():
    from bpviz.engine import Network, numpy_script
    from bpviz.viz import script_names
    p = preset("worked_example")
    names = script_names(p.network.sizes, tutorial=True)
    assert names[("weight", 2, 0, 0)] == "w5" and names[("neuron", 2, 0)] == "o1" and names[("bias", 1, 1)] == "b1"
    text = numpy_script(p.network, [p.x], [p.y], 0.5, names=names)
    assert "δo1, δo2" in text and "'w5'" in text
    big = Network.random([3, 4, 2], ["tanh", "sigmoid"], "squared_error")
    plain = script_names(big.sizes, tutorial=True)     # not 2-2-2: the diagram's notation
    assert plain[("weight", 1, 3, 2)] == "w⁽¹⁾₃₂" and ("neuron", 1, 0) not in plain
    assert "'w⁽¹⁾₃₂'" in numpy_script(big, [[0.1, 0.2, 0.3]], [[0.0, 1.0]], 0.1, names=plain)


def test_ticks_are_1_2_5_within_two_decades_and_plotlys_over_more():
    narrow = [EpochRecord(e, 0.5, None, None, None, 0.1, (0.01 * e, 0.02), 0.0) for e in (1, 2, 3)]
    wide = [EpochRecord(e, 0.5, None, None, None, 0.1, (1e-6, 0.1), 0.0) for e in (1, 2)]
    assert gradient_health_figure(narrow).layout.yaxis.dtick == "D2"
    assert gradient_health_figure(wide).layout.yaxis.dtick is None
