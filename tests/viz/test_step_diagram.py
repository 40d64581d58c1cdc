"""The Step page's hero diagram: every number printed, fixed colour scales, tutorial names,
a graceful fallback for big networks, and the flow the browser animates.

Published numbers are the classic hand-worked example's (2-2-2, η = 0.5), not the engine's."""
import re

import numpy as np
import pytest

from bpviz.engine import Network, preset, step_sequence
from bpviz.viz import Canvas, step_figure, style
from bpviz.viz.notation import tutorial_weight
from bpviz.viz.step_diagram import LABELLED_EDGES, flow, highlighted_edges, labelling
from tests.viz.drawn import neuron_labels, number_after, printed_close

WORKED = preset("worked_example")
STEPS = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer", update_biases=False)
BACKWARD_DONE = STEPS[5]        # backward, layer 1: every δ and gradient known


def _notes(figure):
    return [note.text for note in figure.layout.annotations]


def _known_labels(figure):
    known = next(t for t in figure.data if t.name == "activation a")
    labels = [t for t in figure.data if t.mode == "text"]
    return dict(zip([tuple(c) for c in known.customdata], neuron_labels(known, labels)))


def test_one_picture_shows_the_published_activation_deltas_and_gradients_together():
    figure = step_figure(BACKWARD_DONE, tutorial_names=True)
    notes = _notes(figure)
    assert printed_close(float(_known_labels(figure)[(1, 0)]), 0.593269992)       # a(h1), inside the neuron
    assert printed_close(number_after([n for n in notes if "h1" in n or n.startswith("δ")], r"δ"), 0.00877135)
    deltas = [n for n in notes if n.startswith("δ")]
    assert any(printed_close(float(n.split()[1]), 0.00877135) for n in deltas)     # δ(h1)
    assert any(printed_close(float(n.split()[1]), 0.138498562) for n in deltas)    # δ(o1)
    assert printed_close(number_after([n for n in notes if n.startswith("w5 ")], "∂E/∂w"), 0.082167041)
    assert printed_close(number_after([n for n in notes if n.startswith("w1 ")], "∂E/∂w"), 0.000438568)


def test_all_eight_weights_are_printed_at_the_start():
    notes = _notes(step_figure(STEPS[0], tutorial_names=True))
    published = dict(w1=0.15, w2=0.20, w3=0.25, w4=0.30, w5=0.40, w6=0.45, w7=0.50, w8=0.55)
    for name, value in published.items():
        assert number_after([n for n in notes if n.startswith(name + " ")], name) == value
    assert not any("∂" in n for n in notes if n.startswith("w"))           # no gradient known yet


def test_the_update_step_prints_old_and_new_weights():
    notes = _notes(step_figure(STEPS[-1], tutorial_names=True))
    w5 = next(n for n in notes if n.startswith("w5 "))
    old, new = re.search(r"w5 ([\d.]+) → ([\d.]+)", w5).groups()
    assert float(old) == 0.4 and printed_close(float(new), 0.35891648)            # the tutorial's w5⁺


def test_biases_are_printed_with_their_gradients_once_known():
    before = [n for n in _notes(step_figure(STEPS[3])) if "b⁽" in n]
    assert len(before) == 4 and not any("∂" in n for n in before)
    after = [n for n in _notes(step_figure(BACKWARD_DONE)) if "b⁽¹⁾₀" in n][0]
    assert "0.35" in after and printed_close(number_after([after], "∂E/∂b"), 0.00877135)  # ∂E/∂b = δ


def test_tutorial_names_only_for_two_two_two_networks_and_engine_names_otherwise():
    assert [tutorial_weight(l, j, k) for l in (1, 2) for j in (0, 1) for k in (0, 1)] == \
        ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"]
    plain = _notes(step_figure(STEPS[0]))
    assert any(n.startswith("w⁽²⁾₀₀ 0.4") for n in plain) and not any(n.startswith("w5") for n in plain)
    net = Network.random([2, 3, 2], "sigmoid", "squared_error", seed=2)
    other = step_sequence(net, [0.1, 0.2], [0.0, 1.0], 0.5)[0]
    assert not any(n.startswith("w1 ") for n in _notes(step_figure(other, tutorial_names=True)))


def test_each_quantity_keeps_one_colour_scale_for_the_whole_pass():
    scales = set()
    for step in STEPS:
        figure = step_figure(step)
        known = next(t for t in figure.data if t.name == "activation a")
        delta = next(t for t in figure.data if t.name == "δ")                 # the δ colour bar
        scales.add((known.marker.cmax, delta.marker.cmax))
        x1 = [tuple(c) for c in known.customdata].index((0, 1))
        assert float(known.marker.color[x1]) == 0.1                        # x1 keeps its value, so its colour
    assert len(scales) == 1
    (a_limit, delta_limit), = scales
    assert a_limit >= 0.772928465 and delta_limit >= 0.138498561           # the largest a and δ of the pass


def test_labels_are_at_least_14_px():
    figure = step_figure(BACKWARD_DONE, tutorial_names=True)
    assert all(note.font.size >= 14 for note in figure.layout.annotations)
    assert all(t.textfont.size >= 14 for t in figure.data if t.mode and "text" in t.mode)


def test_chips_are_black_or_white_whichever_reads_on_them():
    for note in step_figure(BACKWARD_DONE).layout.annotations:
        assert note.font.color == style.text_colour_on(note.bgcolor)


def test_a_big_network_labels_its_largest_connections_or_leaves_them_to_the_hover():
    net = Network.random([4, 5, 5, 5, 3], "tanh", "squared_error", seed=1)      # 85 connections, 5 a layer
    step = step_sequence(net, [0.3] * 4, [0.1] * 3, 0.1)[-2]
    fits = labelling(net.sizes)
    assert not fits.complete and fits.edges == LABELLED_EDGES and fits.total == 85
    edges = [n for n in _notes(step_figure(step)) if "∂" in n and n.startswith("w")]
    assert len(edges) == LABELLED_EDGES
    gradients = np.abs(np.concatenate([g.ravel() for g in step.gradients.weights]))
    smallest_shown = min(abs(number_after([n], "∂E/∂w")) for n in edges)
    assert smallest_shown >= np.sort(gradients)[-LABELLED_EDGES] * (1 - 1e-3)   # the largest ones
    assert labelling([3, 4, 4, 2]).complete                                   # 36 connections: all of them
    largest = Network.random([10] + [10] * 6 + [10], "tanh", "squared_error", seed=1)
    fits = labelling(largest.sizes)
    assert fits.edges == 0 and fits.total == 700 and not fits.badges
    step = step_sequence(largest, [0.3] * 10, [0.1] * 10, 0.1)[-2]
    assert not any(n.startswith(("w", "δ", "b")) for n in _notes(step_figure(step)))


def test_the_flow_carries_w_times_a_forward_and_w_times_delta_backward():
    forward = flow(STEPS[1])
    assert len(forward[2]) == 4                                   # four connections into layer 1
    assert printed_close(float(forward[2][0]), 0.15 * 0.05)              # w1 · i1, from i1 to h1
    assert forward[0][0] == (0.0, 0.5) and forward[1][0] == (1.0, 0.5)
    backward = flow(STEPS[5])                                     # δ of layer 1 from w·δ of layer 2
    terms = [float(t) for t in backward[2]]
    assert printed_close(terms[0], 0.40 * 0.138498562)                   # w5 · δ(o1), back to h1
    assert backward[0][0] == (2.0, 0.5) and backward[1][0] == (1.0, 0.5)


def test_the_edges_feeding_the_step_or_the_selected_neuron_are_highlighted():
    assert len(highlighted_edges(STEPS[1])) == 4
    assert highlighted_edges(STEPS[1], selected=(1, 1)) == [(1, 1, 0), (1, 1, 1)]
    assert highlighted_edges(STEPS[5], selected=(1, 0)) == [(2, 0, 0), (2, 1, 0)]   # w5, w7 feed δ(h1)
    assert highlighted_edges(STEPS[0]) == []


@pytest.mark.parametrize("index", range(len(STEPS)))
def test_the_figure_tells_the_browser_this_step_and_the_next(index):
    figure = step_figure(STEPS[index], next_step=STEPS[index + 1] if index + 1 < len(STEPS) else None)
    meta = figure.layout.meta
    assert meta["step"] == index and len(meta["flow"]["x0"]) == len(meta["flow"]["text"])
    assert (meta["next"] is None) == (index == len(STEPS) - 1)


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_every_derivative_on_the_diagram_is_written_whole(width):
    """A gradient is always named ∂E/∂w or ∂E/∂b on the diagram, never a bare "∂", at every
    step of a pass with the bias update, on a phone and on a desktop."""
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer")
    seen = 0
    for step in steps:
        figure = step_figure(step, tutorial_names=True, canvas=Canvas(720, width))
        texts = _notes(figure) + [text for trace in figure.data if trace.text is not None
                                  for text in np.ravel(trace.text) if isinstance(text, str)]
        bare = [text for text in texts if re.search(r"∂(?!E/∂[wb])", re.sub(r"∂E/∂[wb]", "", text))]
        assert not bare, bare
        seen += sum(text.count("∂E/∂") for text in texts)
    assert seen > 10         # the gradients are printed, named in full
