"""The strips under the Step diagram in Chromium, at 1280×720 and 390 px: each weight layer's
gradient size (the deep sigmoid's first layer over a thousand times smaller than its last,
the deep ReLU's not), drawn bar by bar through the backward pass without the diagram
changing height; the largest network's strip; a batch's examples side by side with the one
stepped marked, surviving a reload; and the Share page's link carrying the penalty.

The gradient sizes are checked against central finite differences of the loss."""
import math
import re

import numpy as np
import pytest

from bpviz.engine import Network, SharedNetwork, encode_share, preset, stepping_batch
from tests.e2e.step_page import ROOT, open_step, shown_step, wait_for_address
from tests.finite_differences import layer_rms

pytestmark = pytest.mark.e2e
HIGHLIGHT = "rgb(242, 193, 46)"      # diagram.js HIGHLIGHT, #F2C12E, as the browser reports it


def _link(p):
    return "step?net=" + encode_share(SharedNetwork(p.network, tuple(p.x), tuple(p.y), p.learning_rate,
                                                    p.update_biases))


def _largest():
    net = Network.random([10] + [10] * 6 + [10], "sigmoid", "squared_error", seed=7)
    return "step?net=" + encode_share(SharedNetwork(net, tuple([0.5] * 10), tuple([0.1] * 10), 0.5, True))


def _strip(tab):
    """The gradient strip as drawn: per layer (bar shown, bar height px, printed number), the note."""
    return tab.page.evaluate("""() => {
        const root = document.querySelector('.bpviz-step');
        const bars = [...root.querySelectorAll('.bpviz-gradient-bar')].map(g => {
            const rect = g.querySelector('rect');
            return [rect.getAttribute('visibility') === 'visible', Number(rect.getAttribute('height')),
                    g.querySelector('.bpviz-strip-number').textContent];
        });
        return [bars, root.querySelector('.bpviz-gradient-note').textContent];
    }""")


def _inside(tab):
    """Every text of the strips lies inside the diagram, and the heading and the note do not overlap."""
    return tab.page.evaluate("""() => {
        const svg = document.querySelector('.bpviz-step svg.bpviz-step-svg').getBoundingClientRect();
        const texts = [...document.querySelectorAll('.bpviz-gradient-strip text, .bpviz-batch-strip text')]
            .filter(t => t.textContent).map(t => t.getBoundingClientRect());
        const outside = texts.filter(b => b.left < svg.left - 1 || b.right > svg.right + 1).length;
        const title = document.querySelector('.bpviz-gradient-strip .bpviz-strip-title').getBoundingClientRect();
        const note = document.querySelector('.bpviz-gradient-note').getBoundingClientRect();
        const overlap = note.width > 0 && title.left < note.right && note.left < title.right
            && title.top < note.bottom && note.top < title.bottom;
        return {outside, overlap, count: texts.length};
    }""")


@pytest.mark.parametrize("viewport", [(1280, 720), (390, 844)])
def test_the_deep_sigmoid_strip_shows_the_first_layer_a_thousand_times_smaller(tabs, server, viewport):
    p = preset("deep_sigmoid")
    expected = layer_rms(p.network, p.x, p.y)
    tab = open_step(tabs, server, _link(p), viewport)
    try:
        heights, shown = [], []
        for _ in range(16):                          # through the backward pass, a layer a press
            tab.page.keyboard.press("ArrowRight")
            assert shown_step(tab) == len(heights) + 1
            heights.append(tab.page.locator(ROOT).bounding_box()["height"])
            shown.append(sum(bar[0] for bar in _strip(tab)[0]))
        assert max(heights) - min(heights) <= 4, heights
        assert shown == [0] * 8 + list(range(1, 8)) + [7]      # forward, loss: none; backward L … 1: one more each
        tab.page.wait_for_timeout(300)
        bars, note = _strip(tab)
        for (_, _, printed), value in zip(bars, expected):
            assert abs(float(printed) - value) <= 0.05 * value
        assert bars[0][1] < bars[-1][1]                          # the first layer's bar is the shortest
        ratio = float(re.search(r"([\d,]+)× smaller than layer 7", note).group(1).replace(",", ""))
        assert ratio > 1000 and math.isclose(ratio, expected[-1] / expected[0], rel_tol=0.05)
        assert _inside(tab) == {"outside": 0, "overlap": False, "count": _inside(tab)["count"]}
        assert tab.page.evaluate("document.documentElement.scrollWidth") <= viewport[0]
        tab.screenshot(f"strips-deep-sigmoid-{viewport[0]}")
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_the_deep_relu_strip_shows_no_vanishing_gradient(tabs, server):
    p = preset("deep_relu")
    expected = layer_rms(p.network, p.x, p.y)
    tab = open_step(tabs, server, _link(p))
    try:
        tab.page.keyboard.press("End")
        tab.page.wait_for_timeout(300)
        bars, note = _strip(tab)
        assert all(bar[0] for bar in bars)
        ratio = float(re.search(r"([\d.]+)× smaller than layer 7", note).group(1))
        assert ratio < 10 and math.isclose(ratio, expected[-1] / expected[0], rel_tol=0.05)
        tab.screenshot("strips-deep-relu-1280")
    finally:
        tab.close()


@pytest.mark.parametrize("viewport", [(1280, 720), (390, 844)])
def test_the_largest_network_prints_every_layers_gradient_size(tabs, server, viewport):
    tab = open_step(tabs, server, _largest(), viewport)
    try:
        tab.page.keyboard.press("End")
        tab.page.wait_for_timeout(300)
        bars, note = _strip(tab)
        assert len(bars) == 7 and all(bar[0] and float(bar[2]) > 0 for bar in bars)
        assert re.fullmatch(r"layer 1: [\d,]+× smaller than layer 7", note)
        assert _inside(tab)["outside"] == 0 and not _inside(tab)["overlap"]
        assert tab.page.evaluate("document.documentElement.scrollWidth") <= viewport[0]
        tab.screenshot(f"strips-largest-{viewport[0]}")
    finally:
        tab.close()


def _panels(tab):
    """The batch strip as drawn: per example (its head, its frame's stroke colour)."""
    return tab.page.evaluate("""() => [...document.querySelectorAll('.bpviz-batch-example')].map(g =>
        [g.querySelector('text').textContent, getComputedStyle(g.querySelector('rect')).stroke])""")


@pytest.mark.parametrize("viewport", [(1280, 720), (390, 844)])
def test_a_batchs_examples_side_by_side_and_the_batch_survives_a_reload(tabs, server, viewport):
    tab = open_step(tabs, server, "step?batch=3", viewport)
    try:
        assert "Step 1 of 18" in tab.step_position()
        assert [head for head, _ in _panels(tab)] == ["E₁ ?", "E₂ ?", "E₃ ?"]
        for _ in range(9):                           # example 2's backward step at the output layer
            tab.page.keyboard.press("ArrowRight")
        tab.wait_until(f"() => document.querySelector('{ROOT}').dataset.step === '9'")
        panels = _panels(tab)
        assert [stroke == HIGHLIGHT for _, stroke in panels] == [False, True, False]
        assert re.fullmatch(r"E₁ 0\.\d+", panels[0][0]) and re.fullmatch(r"E₂ 0\.\d+", panels[1][0])
        assert panels[2][0] == "E₃ ?"
        assert tab.diagram_title().startswith("Loss E₂ = ")
        assert _inside(tab)["outside"] == 0
        tab.screenshot(f"strips-batch-{viewport[0]}")
        wait_for_address(tab, "batch", "3")
        tab.page.reload()
        tab.page.wait_for_selector(f"{ROOT} .bpviz-batch-example")
        tab.idle()
        assert "of 18" in tab.step_position() and len(_panels(tab)) == 3
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_the_share_pages_link_carries_the_penalty_and_the_batch(tabs, server):
    tab = open_step(tabs, server, "step?pen=0.01,0.2&batch=3")
    try:
        tab.go("Share")
        link = tab.page.get_by_test_id("stMain").get_by_test_id("stCode").first.inner_text()
        assert "pen=0.01,0.2" in link and "batch=3" in link
        tab.go("Step")                               # the batch is still there after a page change
        tab.page.wait_for_selector(f"{ROOT} .bpviz-batch-example")
        assert "of 18" in tab.step_position()
        tab.page.goto(link.strip().replace("http://localhost:8501", tab.url))
        tab.wait_for_diagram()
        assert "of 18" in tab.step_position()         # the receiver steps the same batch
        tab.page.keyboard.press("End")
        tab.page.wait_for_timeout(300)
        # E = the batch's mean loss, by a forward pass written out here, + λ₁ Σ|w| + (λ₂/2) Σw²
        # (the worked example's weights: Σ|w| = 2.8, Σw² = 1.13)
        p = preset("worked_example")
        X, Y = stepping_batch(p.x, p.y, 3)
        a = X
        for w, b in zip(p.network.weights, p.network.biases):
            a = 1 / (1 + np.exp(-(a @ w.T + b)))
        expected = np.mean(0.5 * ((Y - a) ** 2).sum(axis=1)) + 0.01 * 2.8 + 0.1 * 1.13
        title = tab.diagram_title()
        assert title.startswith("Loss E = ") and math.isclose(float(title.split("= ")[1]), expected, rel_tol=1e-8)
    finally:
        tab.close()


def test_the_worked_examples_strip_sits_beside_the_colour_bars_with_the_published_gradients(tabs, server):
    """A small network on a wide diagram: the strip shares the colour bars' band (the network
    keeps its room). RMS from the published ∂E/∂w1…w8 (0.000438568 … −0.022740242)."""
    published = [np.array([0.000438568, 0.000497713, 0.000877135, 0.000995425]),
                 np.array([0.082167041, 0.082667628, -0.022602540, -0.022740242])]
    rms = [float(np.sqrt(np.mean(g ** 2))) for g in published]
    tab = open_step(tabs, server, "step")
    try:
        tab.page.keyboard.press("End")
        tab.page.wait_for_timeout(300)
        bars, note = _strip(tab)
        assert [math.isclose(float(bar[2]), value, rel_tol=5e-4) for bar, value in zip(bars, rms)] == [True, True]
        assert note == f"layer 1: {rms[1] / rms[0]:.2g}× smaller than layer 2"          # 81×
        boxes = tab.page.evaluate("""() => {
            const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            return {strip: box(document.querySelector('.bpviz-gradient-strip')),
                    legends: [...document.querySelectorAll('.bpviz-legend')].map(box)};
        }""")
        for legend in boxes["legends"]:
            assert boxes["strip"][0] >= legend[2] or boxes["strip"][2] <= legend[0]      # beside, never on top
            assert abs(boxes["strip"][1] - legend[1]) <= 2                               # in the same band
        tab.screenshot("strips-worked-example-1280")
    finally:
        tab.close()
