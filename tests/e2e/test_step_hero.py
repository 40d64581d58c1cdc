"""The Step page's hero diagram in a real browser (issue 13, "Done means"), on the worked
example at 1280×720 from a fresh page load: the diagram is on screen, every number is
printed (no hover), the keys step the pass, a step draws intermediate frames and no frame
is blank; and on a 390 px phone the diagram comes first and no label covers a neuron.

Published numbers are the classic hand-worked example's."""

import pytest

from tests.e2e.conftest import Session
from tests.viz.drawn import number_after, printed_close

pytestmark = pytest.mark.e2e
CHART = ".st-key-step_diagram .js-plotly-plot"

# Every animation frame: the diagram's step, whether a drawn diagram (or the held copy of
# the last one) is on screen, and where the first travelling value is.
SAMPLER = f"""() => {{
    window.seen = [];
    const sample = () => {{
        const gd = document.querySelector({CHART!r});
        const drawn = gd && gd._fullLayout && gd.querySelector(".main-svg")
            && getComputedStyle(gd).visibility !== "hidden" && gd.getBoundingClientRect().height > 0;
        const held = !!document.getElementById("bpviz-held-picture");
        const moving = document.querySelector("#bpviz-flow g");
        window.seen.push([drawn ? gd.layout.meta.step : null, held, moving ? moving.getAttribute("transform") : null]);
        requestAnimationFrame(sample);
    }};
    requestAnimationFrame(sample);
}}"""


def _labels(tab):
    """Every text drawn in the diagram (annotations and text on neurons), as shown."""
    return tab.page.evaluate(f"""() => [...document.querySelectorAll(
        '{CHART} text.annotation-text, {CHART} g.textpoint text')].map(t => t.textContent)""")


def _press(tab, key):
    tab.page.keyboard.press(key)
    tab.idle()
    tab.page.wait_for_timeout(1200)        # the flow takes 800 ms


def _step(tab):
    return tab.page.evaluate(f"() => document.querySelector('{CHART}').layout.meta.step")


@pytest.fixture
def hero(browser, server):
    tab = Session(browser, server, viewport=(1280, 720))
    tab.open("step")
    tab.page.wait_for_selector(CHART)
    tab.page.wait_for_timeout(1500)        # the diagram is redrawn once to fill the window
    tab.idle()
    yield tab
    tab.close()


def test_the_whole_story_on_one_screen_from_the_keyboard(hero):
    tab = hero
    box = tab.page.locator(CHART).bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 720 and box["height"] >= 300, box
    buttons = tab.page.locator(".st-key-step_buttons").bounding_box()
    assert buttons["y"] + buttons["height"] <= box["y"] <= 720, (buttons, box)
    tab.screenshot("hero-start")

    start = _labels(tab)                    # all eight weights, without hovering
    for name, value in dict(w1=0.15, w2=0.20, w3=0.25, w4=0.30, w5=0.40, w6=0.45, w7=0.50, w8=0.55).items():
        assert number_after([t for t in start if t.startswith(name + " ")], name) == value

    tab.page.evaluate(SAMPLER)
    assert _step(tab) == 0
    _press(tab, "ArrowRight")               # no click first: the page has just loaded
    assert _step(tab) == 1
    seen = tab.page.evaluate("() => window.seen")
    positions = {transform for _, _, transform in seen if transform}
    assert len(positions) >= 5, positions   # w·a travelling: intermediate frames
    for _ in range(4):
        _press(tab, "ArrowRight")
    assert _step(tab) == 5                  # backward, layer 1
    seen = tab.page.evaluate("() => window.seen")
    blank = [i for i, (step, held, _) in enumerate(seen) if step is None and not held]
    assert not blank, f"{len(blank)} blank frames of {len(seen)}"

    texts = _labels(tab)
    tab.screenshot("hero-backward")
    assert printed_close(float(next(t for t in texts if t.startswith("0.59"))), 0.593269992)   # a(h1), in the neuron
    deltas = [float(t.split()[1]) for t in texts if t.startswith("δ ")]
    assert (any(printed_close(d, 0.00877135) for d in deltas)
            and any(printed_close(d, 0.138498562) for d in deltas)), deltas
    assert printed_close(number_after([t for t in texts if t.startswith("w5 ")], "∂"), 0.082167041)
    assert printed_close(number_after([t for t in texts if t.startswith("w1 ")], "∂"), 0.000438568)

    sizes = tab.page.evaluate(f"""() => [...document.querySelectorAll(
        '{CHART} text.annotation-text, {CHART} g.textpoint text')]
        .map(t => parseFloat(getComputedStyle(t).fontSize))""")
    assert min(sizes) >= 14, sizes
    contrast = tab.contrast_ratios()
    assert min(contrast["on_background"], contrast["on_markers"]) >= 4.5, contrast

    _press(tab, "ArrowLeft")
    assert _step(tab) == 4
    _press(tab, "PageDown")
    assert _step(tab) == 5
    _press(tab, "PageUp")
    assert _step(tab) == 4
    _press(tab, "Space")
    assert _step(tab) == 5
    _press(tab, "Home")
    assert _step(tab) == 0
    assert not tab.real_errors(), (tab.errors, tab.failed_responses)


def test_tutorial_names_switch(hero):
    tab = hero
    assert any(t.startswith("w5 ") for t in _labels(tab))
    tab.page.locator(".st-key-step_tutorial_names").get_by_text("Tutorial names").click()
    tab.idle()
    tab.page.wait_for_timeout(500)
    texts = _labels(tab)
    assert not any(t.startswith("w5 ") for t in texts) and any(t.startswith("w⁽²⁾₀₀") for t in texts)


def test_on_a_phone_the_diagram_comes_first_and_no_label_covers_a_neuron(browser, server):
    tab = Session(browser, server, viewport=(390, 844))
    try:
        tab.open("step")
        tab.page.wait_for_selector(CHART)
        tab.page.wait_for_timeout(1500)
        tab.idle()
        for _ in range(6):
            tab.page.get_by_role("button", name="Next step").click()
            tab.idle()
        tab.page.wait_for_timeout(1200)
        diagram = tab.page.locator(CHART).bounding_box()
        readout = tab.page.locator(".st-key-step_view").first.bounding_box()
        assert diagram["y"] + diagram["height"] <= readout["y"], (diagram, readout)
        overlaps = tab.page.evaluate(f"""() => {{
            const gd = document.querySelector('{CHART}');
            const discs = [...gd.querySelectorAll('g.trace.scatter g.points path.point')]
                .filter(p => getComputedStyle(p).fill !== "none")          // not the selection ring
                .map(p => p.getBoundingClientRect()).filter(r => r.width >= 14);
            const chips = [...gd.querySelectorAll('g.annotation rect.bg')].map(r => r.getBoundingClientRect());
            const inset = (r, by) => ({{left: r.left + by, right: r.right - by,
                                        top: r.top + by, bottom: r.bottom - by}});
            const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            return chips.filter(c => discs.some(d => hit(inset(c, 1), inset(d, 3)))).length;
        }}""")
        tab.screenshot("hero-phone-update")
        assert overlaps == 0
    finally:
        tab.close()


def test_no_motion_when_the_system_asks_for_reduced_motion(browser, server):
    tab = Session(browser, server, viewport=(1280, 720))
    try:
        tab.page.emulate_media(reduced_motion="reduce")
        tab.open("step")
        tab.page.wait_for_selector(CHART)
        tab.page.wait_for_timeout(1500)
        tab.idle()
        tab.page.evaluate(SAMPLER)
        _press(tab, "ArrowRight")
        assert _step(tab) == 1                                        # it still steps
        seen = tab.page.evaluate("() => window.seen")
        assert not any(transform for _, _, transform in seen)         # but nothing travels
    finally:
        tab.close()
