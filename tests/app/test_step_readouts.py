"""The readout beside the Step diagram follows the position in the page (issue 19): every
distinct readout of the pass is drawn once (bpviz/ui/step/readouts.py) and CSS shows the one
of the position. Two positions share a drawing only if their readouts are the same: checked
here against the engine's explanations and the matrix figure at every position (not against
the grouping's own output), for several passes, every neuron and every view."""
import json

import numpy as np
import pytest

from bpviz.engine import (
    Network,
    available_quantities,
    delta_shrink,
    delta_shrink_bound,
    delta_shrink_total,
    explain,
    preset,
    step_sequence,
)
from bpviz.ui.step import readouts
from bpviz.viz import matrix_figure
from tests.app.apptest import diagram, formulas, open_app, report, rerun, shown_readout


def _passes():
    worked = preset("worked_example")
    deep = Network.random([2, 3, 3, 2], ["tanh", "sigmoid", "softmax"], "cross_entropy", seed=4)
    rows = np.array([[0.05, 0.1], [0.9, -0.3], [0.2, 0.4]])
    targets = np.array([[0.01, 0.99], [1.0, 0.0], [0.3, 0.7]])
    return {
        "worked, layer by layer": step_sequence(worked.network, worked.x, worked.y, 0.5, "layer",
                                                update_biases=False),
        "worked, by pass": step_sequence(worked.network, worked.x, worked.y, 0.5, "pass"),
        "deep, penalised": step_sequence(deep, rows[0], np.array([0.0, 1.0]), 0.3, "layer", l1=0.01, l2=0.02),
        "worked, example by example": step_sequence(worked.network, rows, targets, 0.5, "layer", by_example=True),
    }


def _neuron_readout(step, layer, j):
    """Everything the inspector prints for neuron (layer, j) at `step`, from the engine."""
    texts = []
    for quantity in available_quantities(step, layer, j):
        ks = range(step.network.sizes[layer - 1]) if quantity in ("weight_grad", "new_weight") else [None]
        for k in ks:
            made = explain(step, quantity, layer, j, k)
            texts.append((quantity, k, made.formula, made.numbers_then_result))
    if 1 <= layer < step.output_layer and step.delta(layer) is not None:
        shrinks = (delta_shrink(step, layer), delta_shrink_bound(step, layer))
        texts += [(e.formula, e.numbers_then_result) for e in shrinks]
        if layer < step.output_layer - 1:
            shrink = delta_shrink_total(step, layer)
            texts.append((shrink.formula, shrink.numbers_then_result))
    return texts


def _readout(step, view, neuron):
    if view == "neuron":
        return _neuron_readout(step, *neuron)
    if view == "matrix":
        return json.dumps(matrix_figure(step, neuron[0] or 1).to_plotly_json(), sort_keys=True, default=str)
    if view == "update":
        return None if step.updated is None else [w.tolist() for w in step.updated.weights]
    return "the pass's code"      # one script for the whole pass (step/code.py)


@pytest.mark.parametrize("name", list(_passes()))
@pytest.mark.parametrize("view", ["neuron", "matrix", "update", "code"])
def test_positions_share_a_drawing_only_when_their_readouts_are_the_same(name, view):
    steps = _passes()[name]
    sizes = steps[0].network.sizes
    for neuron in [(layer, j) for layer in range(len(sizes)) for j in range(sizes[layer])]:
        of_position, firsts = readouts.groups(steps, view, neuron)
        assert len(of_position) == len(steps) and len(firsts) == max(of_position) + 1
        for step, group in zip(steps, of_position):
            assert _readout(step, view, neuron) == _readout(firsts[group], view, neuron), (neuron, step.index)
        # no drawing twice: consecutive groups differ (a batch's start step and its first example's
        # steps may show the same row's numbers from two arrays, drawn twice: harmless)
        drawn = [_readout(first, view, neuron) for first in firsts]
        if "example by example" not in name:
            assert all(drawn[i] != drawn[i + 1] for i in range(len(drawn) - 1)), neuron


def test_the_largest_network_has_few_readouts_in_every_view():
    net = Network.random([10] + [10] * 6 + [10], "sigmoid", "squared_error", seed=7)
    steps = step_sequence(net, np.full(10, 0.5), np.full(10, 0.1), 0.5, "layer")
    counts = {view: max(len(readouts.groups(steps, view, (layer, 0))[1]) for layer in range(8))
              for view in ("neuron", "matrix", "update", "code")}
    assert counts == {"neuron": 5, "matrix": 5, "update": 2, "code": 1}     # of 17 positions


def test_the_page_draws_every_readout_and_the_css_shows_the_position(step_page):
    at = report(step_page, position=0, selected=[2, 0])
    assert diagram(at)["settle"] == readouts.SETTLE_MS
    assert "Nothing" in shown_readout(at, 0).info[0].value
    assert "0.75136507" in formulas(shown_readout(at, 2))          # a(o1), forward layer 2
    assert "0.298371109" in formulas(shown_readout(at, 3))         # the loss
    assert "0.138498562" in formulas(shown_readout(at, 4))         # δ(o1)
    assert "0.138498562" not in formulas(shown_readout(at, 3))
    at.segmented_control(key="step_view").set_value("matrix")
    rerun(at)
    charts = [shown_readout(at, k).get("plotly_chart") for k in range(7)]
    assert all(len(c) == 1 for c in charts)
    # the output layer's blocks: none known, a⁽¹⁾, then z and a, then δ and ∂E/∂W
    assert [c[0].proto.id.rsplit("-", 1)[-1] for c in charts] == [f"step_matrix{n}" for n in (0, 1, 2, 2, 3, 3, 3)]


def test_quiz_mode_draws_only_the_position_and_reports_soon():
    at = open_app("step", {"quiz": "1"})
    assert diagram(at)["settle"] == readouts.SERVER_SETTLE_MS
    assert not [h for h in at.get("html") if "data-bpviz-step" in h.proto.body]
    assert not [key for key in _keys(at) if key.startswith("step_readout_")]


def test_a_batch_stepped_example_by_example_follows_through_the_server_when_it_has_many_readouts():
    at = open_app("step")
    at.radio(key="step_batch_mode").set_value("by_example")
    rerun(at)
    at.number_input(key="step_batch_rows").set_value(8)
    rerun(at)
    assert diagram(at)["settle"] == readouts.SERVER_SETTLE_MS
    assert not [key for key in _keys(at) if key.startswith("step_readout_")]
    at = report(at, position=0, selected=[2, 0])
    assert "Nothing" in shown_readout(at).info[0].value and not formulas(shown_readout(at))
    at = report(at, position=3, selected=[2, 0])                 # the first example's loss
    assert "E_{1}" in formulas(shown_readout(at))


def _keys(at):
    from streamlit.testing.v1.element_tree import Block
    found = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            if isinstance(child, Block):
                found.append(str(getattr(child.proto, "id", "")).rsplit("-", 1)[-1])
                walk(child)
    walk(at._tree)
    return found
