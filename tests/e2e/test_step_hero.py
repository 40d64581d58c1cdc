"""The Step page's diagram in a real browser (issue 13, "Done means"; issue 19), on the
worked example at 1280×720 from a fresh page load: the diagram is on screen, every number
is printed (no hover), the keys step the pass, a step's values travel and no frame is blank;
on a 390 px phone, at every step, the diagram comes first, no label covers a neuron or
another label and no text is cut.

Published numbers are the classic hand-worked example's."""

import pytest

from tests.e2e.browser import Session
from tests.e2e.step_page import ROOT, open_step, shown_step
from tests.viz.drawn import number_after, printed_close

pytestmark = pytest.mark.e2e

# Every animation frame: the step shown, whether a neuron's value is blank, and where the
# first travelling value is (drawn on the diagram's canvas, which says where).
SAMPLER = f"""() => {{
    window.seen = [];
    const sample = () => {{
        const root = document.querySelector({ROOT!r});
        const blank = [...root.querySelectorAll('.bpviz-value')].some(v => !v.textContent);
        window.seen.push([root.dataset.step, blank, root.dataset.flowing ? root.dataset.flowAt : null]);
        requestAnimationFrame(sample);
    }};
    requestAnimationFrame(sample);
}}"""


def _labels(tab):
    """Every text shown on the diagram (label chips and neuron values)."""
    return tab.page.evaluate(f"""() => [...document.querySelectorAll(
        '{ROOT} .bpviz-chip[visibility=visible] text, {ROOT} .bpviz-value')].map(t => t.textContent)""")


def _press(tab, key):
    """Press `key`, then wait for the page to be quiet and the step's motion (800 ms) to end."""
    tab.page.keyboard.press(key)
    tab.idle()
    tab.wait_until(f"() => !document.querySelector('{ROOT}').dataset.flowing", timeout=10_000)


@pytest.fixture(scope="module")
def hero_tab(tabs, server):
    """One page load of the Step page at 1280×720, shared by the tests below (each starts
    from the first step, with Home)."""
    tab = open_step(tabs, server)
    yield tab
    tab.close()


@pytest.fixture
def hero(hero_tab):
    if shown_step(hero_tab):
        _press(hero_tab, "Home")
    assert shown_step(hero_tab) == 0
    return hero_tab


@pytest.mark.xdist_group("step_hero")     # one worker, so both share the page load
def test_the_whole_story_on_one_screen_from_the_keyboard(hero):
    tab = hero
    box = tab.page.locator(f"{ROOT} .bpviz-step-svg").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 720 and box["height"] >= 300, box
    buttons = tab.page.locator(f"{ROOT} .bpviz-step-bar").bounding_box()
    assert buttons["y"] + buttons["height"] <= box["y"] <= 720, (buttons, box)
    tab.screenshot("hero-start")

    start = _labels(tab)                    # all eight weights, without hovering
    for name, value in dict(w1=0.15, w2=0.20, w3=0.25, w4=0.30, w5=0.40, w6=0.45, w7=0.50, w8=0.55).items():
        assert number_after([t for t in start if t.startswith(name + " ")], name) == value

    tab.page.evaluate(SAMPLER)
    assert shown_step(tab) == 0
    _press(tab, "ArrowRight")               # no click first: the page has just loaded
    assert shown_step(tab) == 1
    seen = tab.page.evaluate("() => window.seen")
    positions = {transform for _, _, transform in seen if transform}
    assert len(positions) >= 5, positions   # w·a travelling: intermediate frames
    for _ in range(4):
        _press(tab, "ArrowRight")
    assert shown_step(tab) == 5                  # backward, layer 1
    seen = tab.page.evaluate("() => window.seen")
    assert not [s for s in seen if s[1]], "a frame with a blank neuron value"

    texts = _labels(tab)
    tab.screenshot("hero-backward")
    assert printed_close(float(next(t for t in texts if t.startswith("0.59"))), 0.593269992)   # a(h1), in the neuron
    deltas = [float(t.split()[1]) for t in texts if t.startswith("δ ")]
    assert (any(printed_close(d, 0.00877135) for d in deltas)
            and any(printed_close(d, 0.138498562) for d in deltas)), deltas
    assert printed_close(number_after([t for t in texts if t.startswith("w5 ")], "∂E/∂w"), 0.082167041)
    assert printed_close(number_after([t for t in texts if t.startswith("w1 ")], "∂E/∂w"), 0.000438568)

    sizes = tab.page.evaluate(f"""() => [...document.querySelectorAll(
        '{ROOT} .bpviz-chip[visibility=visible] text, {ROOT} .bpviz-value')]
        .map(t => parseFloat(getComputedStyle(t).fontSize))""")
    assert min(sizes) >= 14, sizes
    contrast = tab.contrast_ratios()
    assert min(contrast["on_background"], contrast["on_markers"]) >= 4.5, contrast

    _press(tab, "ArrowLeft")
    assert shown_step(tab) == 4
    _press(tab, "PageDown")
    assert shown_step(tab) == 5
    _press(tab, "PageUp")
    assert shown_step(tab) == 4
    _press(tab, "Space")
    assert shown_step(tab) == 5
    _press(tab, "Home")
    assert shown_step(tab) == 0
    assert not tab.real_errors(), (tab.errors, tab.failed_responses)


@pytest.mark.xdist_group("step_hero")
def test_tutorial_names_switch(hero):
    tab = hero
    assert any(t.startswith("w5 ") for t in _labels(tab))
    tab.page.locator(".st-key-step_tutorial_names").get_by_text("Tutorial names").click()
    tab.idle()
    texts = _labels(tab)
    assert not any(t.startswith("w5 ") for t in texts) and any(t.startswith("w⁽²⁾₀₀") for t in texts)


# On the drawn diagram: label chips that cover a neuron, a neuron's number or another chip;
# chips and numbers that leave the picture (cut); and the picture's bottom edge.
CROWDING = f"""() => {{
    const root = document.querySelector('{ROOT}'), svg = root.querySelector('.bpviz-step-svg');
    const figure = svg.getBoundingClientRect();
    const discs = [...root.querySelectorAll('.bpviz-disc')].map(d => d.getBoundingClientRect());
    const chips = [...root.querySelectorAll('.bpviz-chip[visibility=visible]')].map(g => ({{
        text: g.querySelector('text').textContent, box: g.querySelector('rect').getBoundingClientRect(),
        ink: g.querySelector('text').getBoundingClientRect()}}));
    const numbers = [...root.querySelectorAll('.bpviz-value')].map(t => ({{text: t.textContent,
        box: t.getBoundingClientRect()}}));
    const inset = (r, by) => ({{left: r.left + by, right: r.right - by, top: r.top + by, bottom: r.bottom - by}});
    const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const within = (r, o) => r.left >= o.left - 0.5 && r.right <= o.right + 0.5
        && r.top >= o.top - 0.5 && r.bottom <= o.bottom + 0.5;
    return {{
        on_neuron: chips.filter(c => discs.some(d => hit(inset(c.box, 1), inset(d, 3)))).map(c => c.text),
        on_number: chips.filter(c => numbers.some(n => hit(inset(c.box, 1), inset(n.box, 1)))).map(c => c.text),
        on_chip: chips.flatMap((a, i) => chips.slice(i + 1).filter(b => hit(inset(a.box, 1), inset(b.box, 1)))
            .map(b => a.text + " | " + b.text)),
        cut: chips.filter(c => !within(c.ink, figure)).map(c => c.text)
            .concat(numbers.filter(n => !within(n.box, figure)).map(n => n.text)),
        texts: chips.map(c => c.text),
        bottom: figure.bottom,
    }};
}}"""


@pytest.mark.parametrize("viewport", [(1280, 720), (1280, 600), (1024, 768), (390, 844)],
                         ids=["desktop", "short", "projector", "phone"])
def test_at_every_step_the_diagram_comes_first_and_every_label_reads(tabs, server, viewport):
    """At every step of the pass: the diagram is beside the readouts (1280 px) or above them
    (a 1024 px projector with the page list open, a phone), and within the first screen
    (colour bars included); no label chip covers a neuron, a neuron's number or another
    chip; no text is cut by the picture; every connection keeps its name (w1…w8), with its
    gradient once known. 600 px high (a 720-line projector under the browser's bars) is less
    than the diagram's least height below the page's title and buttons: there the colour
    bars may need a scroll, and every other check holds."""
    tab = Session(tabs, server, viewport=viewport)
    width, height = viewport
    try:
        tab.open("step")
        tab.wait_for_diagram()                          # the phone's own labels arrive after its first report
        for index in range(8):              # start, forward ×2, loss, backward ×2, update; then it stays
            if index:
                _press(tab, "ArrowRight")
            assert shown_step(tab) == min(index, 6)
            tab.screenshot(f"hero-{width}-{index}")
            diagram = tab.page.locator(f"{ROOT} .bpviz-step-svg").bounding_box()
            readout = tab.page.locator(".st-key-step_readouts").bounding_box()
            if width < 1100:                                    # under it, the diagram at least 560 px wide
                assert diagram["y"] + diagram["height"] <= readout["y"], (index, diagram, readout)
                assert diagram["width"] >= min(560, width - 40), (index, diagram)
            else:                                               # beside it
                assert readout["x"] >= diagram["x"] + diagram["width"], (index, diagram, readout)
            drawn = tab.page.evaluate(CROWDING)
            assert drawn["bottom"] <= height or height < 700, (index, drawn["bottom"])
            for problem in ("on_neuron", "on_number", "on_chip", "cut"):
                assert not drawn[problem], (index, problem, drawn[problem])
            names = [f"w{i}" for i in range(1, 9)]
            labelled = {name: [t for t in drawn["texts"] if t.startswith(name + " ")] for name in names}
            assert all(labelled.values()), (index, drawn["texts"])
            if index >= 4:                  # backward, output layer: ∂E/∂w5…w8 known
                assert all("∂" in labelled[name][0] or "→" in labelled[name][0] for name in names[4:]), \
                    (index, drawn["texts"])
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_no_motion_when_the_system_asks_for_reduced_motion(tabs, server):
    tab = Session(tabs, server, viewport=(1280, 720))
    try:
        tab.page.emulate_media(reduced_motion="reduce")
        tab.open("step")
        tab.wait_for_diagram()
        tab.page.evaluate(SAMPLER)
        _press(tab, "ArrowRight")
        assert shown_step(tab) == 1                                        # it still steps
        seen = tab.page.evaluate("() => window.seen")
        assert not any(transform for _, _, transform in seen)         # but nothing travels
    finally:
        tab.close()


def test_the_motion_switch_turns_the_travelling_values_off(hero):
    tab = hero
    tab.page.locator(".st-key-step_animate").get_by_text("Animate").click()
    tab.idle()
    tab.page.wait_for_timeout(300)
    tab.page.evaluate(SAMPLER)
    _press(tab, "ArrowRight")
    assert shown_step(tab) == 1
    assert not any(transform for _, _, transform in tab.page.evaluate("() => window.seen"))


def test_content_that_settles_above_the_diagram_after_its_drawing_keeps_it_on_the_first_screen(tabs, server):
    """On a busy machine the diagram can be drawn before what stands above it has its final
    height; once that content grows (here: 60 px added above the title), the diagram measures
    its room again, so the picture and its colour bars still end within the window."""
    tab = Session(tabs, server, viewport=(1280, 720))
    try:
        tab.open("step")
        tab.wait_for_diagram()
        before = tab.page.evaluate(CROWDING)["bottom"]
        assert before <= 720, before
        tab.page.evaluate("""() => { const late = document.createElement('div'); late.style.height = '60px';
            const block = document.querySelector("[data-testid='stMainBlockContainer']");
            block.insertBefore(late, block.firstChild); }""")
        tab.page.wait_for_timeout(600)
        after = tab.page.evaluate(CROWDING)["bottom"]
        assert after <= 720, (before, after)
        _press(tab, "ArrowRight")                    # and stepping keeps that height
        assert tab.page.evaluate(CROWDING)["bottom"] == after
    finally:
        tab.close()
