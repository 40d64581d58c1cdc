"""Edge labels sit on their edge and never overlap each other, a bias or input label, or a
neuron: checked on the coordinates the drawing module computes, which are the ones the Typst
code draws (the test reads them back out of the code)."""
import math
import re

import pytest

from bpviz.engine import PRESET_NAMES, latex_number, preset
from bpviz.worksheets import friendly_problem
from bpviz.worksheets.drawing import MAX_LABELLED, T_CHOICES, network_drawing, network_layout

from .pdfs import random_sheet

SEEDS = range(300)
PLACED_BOX = re.compile(r"place\(dx: ([\d.]+)mm, dy: ([\d.]+)mm, box\(width: ([\d.]+)mm, height: ([\d.]+)mm, "
                        r"fill: white, align\(center \+ horizon, text\(size: [\d.]+pt, (\"[^\"]*\"|\[[^\]]*\])")


def _problems():
    yield from (friendly_problem(seed) for seed in SEEDS)
    yield from (preset(name) for name in PRESET_NAMES)
    for seed, sizes in enumerate(((1, 1), (4, 3), (2, 4, 1), (3, 3, 3), (1, 2, 2, 1), (4, 4))):
        yield random_sheet(sizes, seed).problem


def _distance_to_segment(point, start, end):
    (px, py), (x0, y0), (x1, y1) = point, start, end
    t = ((px - x0) * (x1 - x0) + (py - y0) * (y1 - y0)) / ((x1 - x0) ** 2 + (y1 - y0) ** 2)
    return math.hypot(px - (x0 + t * (x1 - x0)), py - (y0 + t * (y1 - y0))), t


def test_every_small_network_has_every_weight_labelled_on_its_own_edge():
    for problem in _problems():
        net = problem.network
        layout = network_layout(net, problem.x)
        if sum(w.size for w in net.weights) > MAX_LABELLED:   # the deep presets: drawn without numbers
            assert layout.labels == ()
            continue
        weights = [label for label in layout.labels if label.edge is not None]
        assert len(weights) == sum(w.size for w in net.weights), net.sizes   # all labelled
        edges = {key: (start, end) for key, start, end in layout.edges}
        for label in weights:
            l, j, k = label.edge
            assert label.text == latex_number(net.weights[l][j, k]).replace("-", "\u2212")
            distance, t = _distance_to_segment((label.box.x, label.box.y), *edges[label.edge])
            assert distance < 1e-9 and t == pytest.approx(label.t) and min(T_CHOICES) <= t <= max(T_CHOICES)


def test_no_label_meets_another_label_or_a_neuron():
    for problem in _problems():
        layout = network_layout(problem.network, problem.x)
        boxes = [label.box for label in layout.labels]
        for i, box in enumerate(boxes):
            assert not any(box.overlaps(other) for other in boxes[i + 1:])
            for layer in layout.neurons:
                for cx, cy in layer:
                    assert not box.meets_circle(cx, cy, layout.radius)
            assert 0 <= box.x - box.width / 2 and box.x + box.width / 2 <= layout.width
            assert 0 <= box.y - box.height / 2 and box.y + box.height / 2 <= layout.height


def test_labels_of_one_neuron_are_staggered_along_their_edges():
    """Edges leaving neighbouring neurons are labelled at different fractions of their length."""
    layout = network_layout(friendly_problem(0).network, friendly_problem(0).x)
    by_source = {}
    for label in layout.labels:
        if label.edge is not None:
            by_source.setdefault(label.edge[0::2], []).append(label.t)
    means = [sum(ts) / len(ts) for (_, k), ts in sorted(by_source.items()) if _ == 0]
    assert len(means) >= 2 and len(set(round(m, 2) for m in means)) == len(means)


def test_the_typst_code_draws_the_boxes_the_layout_computes():
    for seed in range(20):
        problem = friendly_problem(seed)
        layout = network_layout(problem.network, problem.x)
        drawn = PLACED_BOX.findall(network_drawing(layout))
        assert len(drawn) == len(layout.labels)
        for (dx, dy, width, height, _), label in zip(drawn, layout.labels):
            b = label.box
            assert float(dx) == pytest.approx(b.x - b.width / 2, abs=0.006)
            assert float(dy) == pytest.approx(b.y - b.height / 2, abs=0.006)
            assert (float(width), float(height)) == pytest.approx((b.width, b.height), abs=0.006)


def test_a_network_with_too_many_edges_is_drawn_without_numbers():
    sheet = random_sheet((10,) * 8, 1)
    layout = network_layout(sheet.problem.network, sheet.problem.x)
    assert layout.labels == () and len(layout.edges) == 700
