"""The Step page's diagram on a phone (390 × 844, Chromium): deep networks whose layers are
closer than their labels are wide (the deep preset 2-6-6-6-6-6-6-1 at a backward step, the
largest network 10-[10×6]-10 at the update) draw no two neuron labels (a values, δ and bias
chips) over each other, every one at ≥ 12 px and whole inside the picture; the picture
scrolls sideways in its own box, so the page is never wider than the phone, while the loss,
the gradient strip and the colour bars stay in the box; stepping keeps the diagram's height
and the page's scroll."""
import pytest

from bpviz.engine import Network, SharedNetwork, encode_share, preset
from bpviz.ui.address import link_query
from tests.e2e.step_page import ROOT, open_step, shown_step

pytestmark = pytest.mark.e2e
PHONE = (390, 844)

# Every shown neuron label of the diagram: a values (text in the neuron) and chips (their rect),
# with the font size of their text; the picture's and the page's widths.
LABELS = f"""() => {{
    const root = document.querySelector('{ROOT}'), svg = root.querySelector('.bpviz-step-svg');
    const shown = e => !e.closest('[visibility=hidden]') && e.textContent.trim();
    const values = [...svg.querySelectorAll('.bpviz-neurons .bpviz-value')].filter(shown);
    const chips = [...svg.querySelectorAll('.bpviz-chip')].filter(shown)
        .filter(c => !c.closest('.bpviz-edge-labels'));
    const box = (e, r) => ({{text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
        size: parseFloat(getComputedStyle(e.tagName === 'text' ? e : e.querySelector('text')).fontSize)}});
    const labels = values.map(v => box(v, v.getBoundingClientRect()))
        .concat(chips.map(c => box(c, c.querySelector('rect').getBoundingClientRect())));
    const overlaps = [];
    for (let i = 0; i < labels.length; i++) for (let k = i + 1; k < labels.length; k++) {{
        const a = labels[i], b = labels[k];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
            overlaps.push([a.text, b.text]);
    }}
    const picture = svg.getBoundingClientRect(), main = document.querySelector("[data-testid='stMain']");
    return {{count: labels.length, deltas: chips.filter(c => c.textContent.startsWith('δ ')).length,
             overlaps, smallest: Math.min(...labels.map(l => l.size)),
             cut: labels.filter(l => l.left < picture.left || l.right > picture.right).map(l => l.text),
             page: document.documentElement.scrollWidth, window: window.innerWidth,
             stage: root.querySelector('.bpviz-step-stage').getBoundingClientRect().height,
             scrollTop: main.scrollTop, mainWidth: main.scrollWidth}};
}}"""


def _deep_link():
    chosen = preset("deep_sigmoid")
    shared = SharedNetwork(chosen.network, tuple(chosen.x), tuple(chosen.y), chosen.learning_rate,
                           chosen.update_biases)
    return f"step{link_query(shared)}&step=14"


def _largest_link():
    net = Network.random([10] + [10] * 6 + [10], "sigmoid", "squared_error", seed=7)
    return "step?net=" + encode_share(SharedNetwork(net, (0.5,) * 10, (0.1,) * 10, 0.5, True))


def _assert_readable(drawn, values, deltas):
    assert drawn["count"] >= values + deltas and drawn["deltas"] == deltas, drawn
    assert drawn["overlaps"] == [], drawn["overlaps"][:5]
    assert drawn["smallest"] >= 12, drawn["smallest"]
    assert drawn["cut"] == [], drawn["cut"][:5]
    assert drawn["page"] <= drawn["window"] == PHONE[0] and drawn["mainWidth"] <= PHONE[0], drawn


def test_the_deep_preset_at_a_backward_step_draws_no_label_over_another_on_a_phone(tabs, server):
    tab = open_step(tabs, server, _deep_link(), PHONE)   # its first report says a phone's width
    try:
        assert shown_step(tab) == 14
        before = tab.page.evaluate(LABELS)
        # 38 a values; δ known for layers 2..7 at this backward step (31 neurons)
        _assert_readable(before, 38, 31)
        tab.screenshot("step-deep-phone")
        tab.page.keyboard.press("ArrowRight")                     # the keys still step the diagram
        assert shown_step(tab) == 15
        tab.page.locator(f"{ROOT} .bpviz-step-prev").click()      # and its buttons
        assert shown_step(tab) == 14
        tab.page.keyboard.press("ArrowRight")
        tab.page.wait_for_timeout(300)
        after = tab.page.evaluate(LABELS)
        _assert_readable(after, 38, 37)
        assert after["stage"] == before["stage"] and after["scrollTop"] == before["scrollTop"], (before, after)
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_the_largest_network_draws_no_label_over_another_on_a_phone(tabs, server):
    tab = open_step(tabs, server, _largest_link(), PHONE)   # its first report says a phone's width
    try:
        tab.page.keyboard.press("End")                            # the update: every δ known
        tab.idle()
        drawn = tab.page.evaluate(LABELS)
        _assert_readable(drawn, 80, 70)                           # 6 hidden layers and the output
        tab.screenshot("step-largest-phone")
        # the network scrolls sideways in its box; the loss, the gradient strip and the colour bars stay in it
        scrolled = tab.page.evaluate(f"""() => {{
            const root = document.querySelector('{ROOT}'), box = root.querySelector('.bpviz-step-scroller');
            box.scrollLeft = box.scrollWidth;
            return new Promise(done => requestAnimationFrame(() => {{
                const stage = root.querySelector('.bpviz-step-stage').getBoundingClientRect();
                const fixed = [...root.querySelectorAll('.bpviz-title, .bpviz-legend, .bpviz-gradient-strip')]
                    .map(e => e.getBoundingClientRect());
                done({{spare: box.scrollWidth - box.clientWidth, left: box.scrollLeft, count: fixed.length,
                       inside: fixed.every(r => r.left >= stage.left - 0.5 && r.right <= stage.right + 0.5),
                       page: document.documentElement.scrollWidth}});
            }}));
        }}""")
        assert scrolled["spare"] > 0 and scrolled["left"] > 0 and scrolled["count"] == 4, scrolled
        assert scrolled["inside"] and scrolled["page"] <= PHONE[0], scrolled
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()
