"""The network diagram: colours follow values, labels carry numbers, unknowns are never
numbers, hover names the right weight, every neuron is clickable, no NaN anywhere."""
import json

import numpy as np
import pytest

from bpviz.engine import Network, preset, step_sequence
from bpviz.viz import network_figure, style
from bpviz.viz.geometry import EDGE_GROUPS
from tests.viz.drawn import hover_texts, neuron_labels

WORKED = preset("worked_example")
STEPS = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer", update_biases=False)
NODES_KNOWN, NODES_UNKNOWN = len(EDGE_GROUPS) + 2, len(EDGE_GROUPS) + 3   # trace indices
LABELS = slice(len(EDGE_GROUPS) + 4, len(EDGE_GROUPS) + 6)                 # black and white labels


def _labels(figure):
    return neuron_labels(figure.data[NODES_KNOWN], figure.data[LABELS])


def _figure_json(figure):
    return json.loads(figure.to_json())


def test_colours_are_monotonic_in_the_values_and_centred_on_zero():
    net = Network.random([3, 6, 4], ["tanh", "linear"], "squared_error", seed=3)
    step = step_sequence(net, [0.9, -1.2, 0.4], [1.0, -1.0, 0.5, 0.0], 0.1)[-1]
    known = network_figure(step, "delta", "grad").data[NODES_KNOWN]
    values = np.asarray(known.marker.color, dtype=float)
    assert known.marker.cmin == -known.marker.cmax          # zero is the middle colour
    assert known.marker.cmax >= np.abs(values).max()
    colours = [style.diverging_colour(v, known.marker.cmax) for v in np.sort(values)]
    scale = [style.diverging_colour(x, 1.0) for x in np.linspace(-1, 1, 2001)]
    positions = [min(range(len(scale)), key=lambda i: _distance(scale[i], c)) for c in colours]
    assert positions == sorted(positions)


def _distance(a, b):
    return sum((int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) ** 2 for i in (1, 3, 5))


def test_labels_carry_the_numbers_and_hover_the_nine_digit_values():
    figure = network_figure(STEPS[3])            # the loss step: every activation known
    known = figure.data[NODES_KNOWN]
    assert _labels(figure) == ["0.05", "0.1", "0.593", "0.597", "0.751", "0.773"]
    assert any("0.75136507" in h for h in known.hovertext)
    assert "0.298371109" in figure.layout.title.text


def test_unknown_values_are_question_marks_never_numbers():
    start = network_figure(STEPS[0])
    unknown = start.data[NODES_UNKNOWN]
    assert _labels(start) == ["0.05", "0.1"]                      # only the inputs
    assert list(unknown.text) == ["?"] * 4
    assert "?" in start.layout.title.text
    after_layer_1 = network_figure(STEPS[1])
    assert len(after_layer_1.data[NODES_UNKNOWN].text) == 2       # the outputs
    backward_start = network_figure(STEPS[4], "delta", "grad")    # δ known for layer 2 only
    unknown_hovers = " ".join(hover_texts(backward_start.data[len(EDGE_GROUPS) + 1]))
    assert "= ?" in unknown_hovers


def test_hover_names_the_weight_from_k_to_j():
    net = Network([np.arange(6, dtype=float).reshape(3, 2) / 10 + 0.01, [[0.7, 0.8, 0.9]]],
                  [[0.0] * 3, [0.0]], ["sigmoid", "sigmoid"], "squared_error")
    figure = network_figure(net)
    hovers = hover_texts(figure.data[len(EDGE_GROUPS) + 1])
    entry = next(h for h in hovers if h.startswith("w⁽¹⁾₂₁"))
    assert f"= {net.weights[0][2, 1]:.9g}" in entry                  # weights[0][2, 1] = 0.51
    assert "from neuron 1 of layer 0 to neuron 2 of layer 1" in entry


def test_every_neuron_carries_its_layer_and_index():
    figure = network_figure(STEPS[2])
    neurons = sorted(tuple(c) for i in (NODES_KNOWN, NODES_UNKNOWN) for c in figure.data[i].customdata)
    assert neurons == [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)]


def test_each_label_is_drawn_in_the_colour_that_reads_best_on_its_neuron():
    net = Network.random([3, 6, 4], ["tanh", "linear"], "squared_error", seed=3)
    step = step_sequence(net, [0.9, -1.2, 0.4], [1.0, -1.0, 0.5, 0.0], 0.1)[-1]
    figure = network_figure(step, "delta", "grad")
    known = figure.data[NODES_KNOWN]
    black, white = figure.data[LABELS]
    assert len(black.x) + len(white.x) == len(known.x) and len(white.x) >= 1
    expected = style.label_colours(np.asarray(known.marker.color, dtype=float), known.marker.cmax)
    colour_at = {(round(float(x), 4), round(float(y), 4)): trace.textfont.color
                 for trace in (black, white) for x, y in zip(trace.x, trace.y)}
    drawn = [colour_at[(round(float(x), 4), round(float(y), 4))] for x, y in zip(known.x, known.y)]
    assert drawn == expected
    for trace in (black, white):     # a selection cannot recolour a label
        assert trace.selected.textfont.color == trace.unselected.textfont.color == trace.textfont.color


def test_the_selected_neuron_is_ringed():
    figure = network_figure(STEPS[0], selected=(1, 1))
    ring = figure.data[-1]
    assert ring.marker.symbol == "circle-open" and list(ring.customdata[0]) == [1, 1]
    assert (ring.x[0], ring.y[0]) == (1.0, -0.5)


def test_edge_width_grows_with_magnitude_and_colour_follows_sign():
    net = Network([[[0.01, -3.0], [2.0, -0.5]]], [[0.0, 0.0]], ["linear"], "squared_error")
    figure = network_figure(net)
    drawn = {}
    for index, (sign, width) in enumerate(EDGE_GROUPS):
        segments = np.asarray(figure.data[index].x, dtype=float).size // 3
        if segments:
            drawn[(sign, width)] = segments
    assert drawn[("negative", 3)] == 1           # −3.0: thickest, negative
    assert ("positive", 0) in drawn and ("positive", 2) in drawn
    assert figure.data[EDGE_GROUPS.index(("negative", 3))].line.color == style.NEGATIVE_COLOUR


@pytest.mark.parametrize("node, edge", [("a", "weight"), ("z", "grad"), ("delta", "grad")])
def test_no_nan_reaches_the_figure(node, edge):
    net = Network.random([10] + [10] * 6 + [10], "tanh", "squared_error", seed=1)
    for step in step_sequence(net, [0.3] * 10, [0.1] * 10, 0.1)[::3]:
        text = network_figure(step, node, edge).to_json()
        assert "NaN" not in text and "Infinity" not in text
        for trace in _figure_json(network_figure(step, node, edge))["data"]:
            colour = trace.get("marker", {}).get("color")
            if isinstance(colour, list):
                assert all(c is not None for c in colour)


def test_the_side_labels_show_input_and_target():
    figure = network_figure(STEPS[0])
    texts = [annotation.text for annotation in figure.layout.annotations]
    assert "x<sub>0</sub> = 0.05" in texts and "y<sub>1</sub> = 0.99" in texts


def test_figure_text_can_be_replaced():
    figure = network_figure(STEPS[0], text={"viz.loss_unknown": "损失 E = ?"})
    assert figure.layout.title.text == "损失 E = ?"
