"""Stepping happens in the browser (issue 19), tried as a presenter and a learner would in
Chromium: quick presses of →, Page Down (a remote) and the ◀ ▶ buttons all count and the
address follows; the keys work after clicking a switch, a neuron, a button or blank space,
and after a quiz answer, never while typing; no frame shows a blank label; the page keeps
its height and scroll; the largest network prints every a and δ at ≥ 12 px; in quiz mode no
websocket frame carries a value not yet revealed; one tap on a phone shows the inspector.

Published numbers are the classic worked example's (2-2-2): a(h1) = 0.593269992,
a(o1) = 0.75136507, the loss 0.298371109, δ(o1) = 0.138498562."""
import pytest

from bpviz.engine import Network, SharedNetwork, encode_share
from tests.e2e.browser import Session
from tests.e2e.step_page import ROOT, open_step, shown_step, wait_for_address

pytestmark = pytest.mark.e2e

# Every animation frame and every change of the picture: the position, how many neuron values
# are empty, how many labels show text, and the scrolling main area's height and scroll
# (window.seen, window.blankMutations: from the last call on).
SAMPLER = """() => {
    const root = document.querySelector('.bpviz-step'), main = document.querySelector("[data-testid='stMain']");
    window.seen = [];
    window.blankMutations = 0;
    const look = () => [root.dataset.step,
        [...root.querySelectorAll('.bpviz-value')].filter(v => !v.textContent).length,
        [...root.querySelectorAll('.bpviz-chip')].filter(c => c.getAttribute('visibility') === 'visible'
            && c.textContent.trim()).length, main.scrollHeight, main.scrollTop,
        root.getBoundingClientRect().height];
    if (window.bpvizSampling) return;          // one loop and one observer per page; records start again
    window.bpvizSampling = true;
    const sample = () => { window.seen.push(look()); requestAnimationFrame(sample); };
    requestAnimationFrame(sample);
    new MutationObserver(() => { if (look()[1] > 0) window.blankMutations += 1; })
        .observe(root, {subtree: true, childList: true, characterData: true});
}"""


def _link(sizes, seed=3):
    """A share link to a sigmoid network of `sizes` (13 steps for 6 layers: room for 10 presses)."""
    net = Network.random(sizes, "sigmoid", "squared_error", seed=seed)
    x, y = tuple([0.5] * sizes[0]), tuple([0.1] * sizes[-1])
    return "step?net=" + encode_share(SharedNetwork(net, x, y, 0.5, True))


DEEP = _link([2, 3, 3, 3, 3, 2])
LARGEST = _link([10] + [10] * 6 + [10], seed=7)


def test_ten_quick_presses_move_exactly_ten_steps_and_the_address_says_so(tabs, server):
    """Ten quick presses of →, then of Page Down (a remote), then of the ▶ button, each burst
    from the first step (Home between them) on one page."""
    tab = open_step(tabs, server, DEEP)
    try:
        main = tab.page.locator("[data-testid='stMain']")
        for how in ("ArrowRight", "PageDown", "button"):
            if how != "ArrowRight":                     # back to the first step: the address drops step=
                tab.page.keyboard.press("Home")
                wait_for_address(tab, "step", None)
                tab.idle()
            main.evaluate("m => m.scrollTo(0, 120)")   # scrolled a little: stepping must not move it
            tab.page.wait_for_timeout(200)
            tab.page.evaluate(SAMPLER)
            for _ in range(10):
                if how == "button":
                    tab.page.locator(f"{ROOT} .bpviz-step-next").click()
                else:
                    tab.page.keyboard.press(how)
                tab.page.wait_for_timeout(60)
            wait_for_address(tab, "step", "10")
            tab.idle()
            assert shown_step(tab) == 10, how
            seen = tab.page.evaluate("() => window.seen")
            assert len(seen) > 20 and {s[0] for s in seen} >= {"0", "10"}, how
            assert not [s for s in seen if s[1]], f"a frame with a blank neuron value ({how})"
            assert min(s[2] for s in seen) >= 20, f"labels vanished in some frame ({how})"   # 5 neurons' chips + edges
            assert tab.page.evaluate("() => window.blankMutations") == 0, how
            heights, scrolls, boxes = ([s[i] for s in seen] for i in (3, 4, 5))
            assert max(heights) - min(heights) <= 4 and max(boxes) - min(boxes) <= 4, (how, min(heights), max(heights))
            assert max(scrolls) - min(scrolls) <= 4 and abs(scrolls[0] - 120) <= 4, (how, set(scrolls))
            progress = tab.page.locator(f"{ROOT} .bpviz-step-position").inner_text()
            assert progress.startswith("Step 11 of 13"), how
            assert "step=10" in tab.page.url, how
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def _inspected(tab):
    """The neuron the inspector's list shows."""
    chooser = tab.page.get_by_test_id("stSelectbox").filter(has=tab.page.get_by_text("Neuron", exact=True))
    return chooser.evaluate("el => el.textContent + ' ' + "
                            "[...el.querySelectorAll('input')].map(i => i.value).join(' ')")


def test_keys_work_after_clicking_a_switch_a_neuron_a_button_and_blank_space(tabs, server):
    tab = open_step(tabs, server)
    try:
        tab.page.locator(".st-key-step_show_z").get_by_text("Show z").click()     # a switch: focus on it
        tab.idle()
        tab.page.keyboard.press("ArrowRight")
        assert shown_step(tab) == 1
        tab.idle()
        drawn = tab.page.locator(f"{ROOT} svg.bpviz-step-svg").text_content()
        assert "z 0.3775" in drawn                                                # the switch did its own job
        tab.page.locator(f"{ROOT} .bpviz-neuron[data-neuron='1,0']").click()       # h1
        tab.idle()
        assert "layer 1, neuron 0" in _inspected(tab)
        tab.page.keyboard.press("PageDown")
        assert shown_step(tab) == 2
        tab.page.get_by_role("radio", name="Matrix view").click()                 # a Streamlit segmented button
        tab.idle()
        tab.page.keyboard.press(" ")                                              # Space: steps, presses nothing
        assert shown_step(tab) == 3
        tab.idle()
        assert tab.page.get_by_role("radio", name="Matrix view").get_attribute("aria-checked") == "true"
        assert tab.page.get_by_role("radio", name="Update").get_attribute("aria-checked") == "false"
        tab.page.locator("h1").first.click()                                      # blank space, the title
        tab.page.keyboard.press("End")
        assert shown_step(tab) == 6
        tab.page.keyboard.press("PageUp")
        assert shown_step(tab) == 5
        tab.page.keyboard.press("Home")
        assert shown_step(tab) == 0
        tab.idle()
        assert "step=" not in tab.page.url                                       # the first step: the default
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_typing_in_a_box_or_a_list_never_steps(tabs, server):
    tab = open_step(tabs, server)
    try:
        tab.page.get_by_text("Example, learning rate and step size").click()     # the settings
        box = tab.page.get_by_test_id("stNumberInputField").first          # the learning rate
        box.click()
        for key in ("ArrowRight", "End", "PageDown", " ", "ArrowLeft"):
            box.press(key)
        assert shown_step(tab) == 0
        chooser = tab.page.get_by_test_id("stSelectbox").filter(has=tab.page.get_by_text("Neuron", exact=True))
        chooser.locator("input").focus()
        tab.page.keyboard.press("ArrowRight")
        tab.page.keyboard.press("End")
        assert shown_step(tab) == 0
        tab.page.keyboard.press("Escape")
        tab.page.locator("h1").first.click()
        tab.page.keyboard.press("ArrowRight")                                    # out of the box: it steps again
        assert shown_step(tab) == 1
    finally:
        tab.close()


def test_after_a_quiz_answer_the_keys_step_and_a_waiting_question_says_why_nothing_moved(tabs, server):
    tab = open_step(tabs, server, "step?quiz=1")
    try:
        assert tab.page.locator(f"{ROOT} .bpviz-target-neuron").count() == 1     # z(1)0: h1 is marked
        tab.page.keyboard.press("ArrowRight")                                    # not tried yet: held
        assert shown_step(tab) == 0
        message = tab.page.locator(f"{ROOT} .bpviz-step-message")
        assert message.is_visible() and "Answer the question first" in message.inner_text()
        field = tab.page.get_by_label("Your prediction")
        field.fill("0.3775")
        field.press("Enter")                                                     # Enter submits, focus leaves
        tab.idle()
        tab.wait_until(f"() => document.querySelector('{ROOT}').dataset.revealed === '2'", timeout=10_000)
        assert "Right" in tab.page.get_by_test_id("stMain").inner_text()
        tab.page.keyboard.press("ArrowRight")
        assert shown_step(tab) == 1
        tab.idle()
        typed = tab.page.get_by_label("Your prediction").input_value()
        tab.page.keyboard.press(" ")                                             # the next question waits
        assert shown_step(tab) == 1 and message.is_visible()
        assert tab.page.get_by_label("Your prediction").input_value() == typed   # no space typed into the box
        assert tab.page.evaluate("() => document.activeElement.tagName") != "INPUT"
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_the_largest_network_prints_every_a_and_delta_at_12_px_or_more(tabs, server):
    tab = open_step(tabs, server, LARGEST)
    try:
        tab.page.keyboard.press("End")                                           # the update: every δ known
        tab.idle()
        drawn = tab.page.evaluate(f"""() => {{
            const root = document.querySelector('{ROOT}');
            const shown = e => !e.closest('[visibility=hidden]');
            const values = [...root.querySelectorAll('.bpviz-value')].filter(shown);
            const deltas = [...root.querySelectorAll('.bpviz-chip text')].filter(shown)
                .filter(t => t.textContent.startsWith('δ '));
            const all = values.concat(deltas);
            const boxes = all.map(t => t.getBoundingClientRect());
            let overlaps = 0;
            for (let i = 0; i < boxes.length; i++) for (let k = i + 1; k < boxes.length; k++) {{
                const a = boxes[i], b = boxes[k];
                if (a.left < b.right - 1 && b.left < a.right - 1
                    && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
            }}
            return {{values: values.map(v => v.textContent), deltas: deltas.length,
                     sizes: all.map(t => parseFloat(getComputedStyle(t).fontSize)), overlaps,
                     right: Math.max(...boxes.map(b => b.right)), left: Math.min(...boxes.map(b => b.left)),
                     bottom: Math.max(...boxes.map(b => b.bottom))}};
        }}""")
        assert len(drawn["values"]) == 80 and "?" not in drawn["values"], drawn["values"]
        assert drawn["deltas"] == 70                                             # 6 hidden layers and the output
        assert min(drawn["sizes"]) >= 12, min(drawn["sizes"])
        assert drawn["overlaps"] == 0 and drawn["left"] >= 0 and drawn["right"] <= 1280, drawn
        tab.screenshot("step-largest-1280")
        hint = tab.page.locator(f"{ROOT} .bpviz-edge-hit").nth(0)                # a connection tells its numbers
        hint.hover(force=True)
        tooltip = tab.page.locator(f"{ROOT} .bpviz-step-tooltip")
        assert tooltip.is_visible() and "∂E/∂w⁽¹⁾₀₀ = " in tooltip.inner_text()
    finally:
        tab.close()


UNREVEALED = (b"0.5933", b"0.593269992", b"0.298371109", b"0.1385", b"0.138498562", b"0.7514", b"0.75136507")


def test_in_quiz_mode_no_websocket_frame_carries_a_value_not_yet_revealed(tabs, server):
    tab = Session(tabs, server, viewport=(1280, 720))
    frames = []

    def listen(ws):
        ws.on("framereceived", lambda payload: frames.append(payload if isinstance(payload, bytes)
                                                                else payload.encode()))
    tab.listen("websocket", listen)
    try:
        tab.open("step?quiz=1")
        tab.page.wait_for_selector(f"{ROOT} .bpviz-value")
        tab.page.keyboard.press("ArrowRight")
        tab.page.keyboard.press("End")
        tab.idle()
        assert frames and sum(len(f) for f in frames) > 10_000                   # the page did arrive this way
        assert not [v for v in UNREVEALED if any(v in f for f in frames)]
        field = tab.page.get_by_label("Your prediction")
        field.fill("0.3775")
        field.press("Enter")                                                     # right: step 2 is revealed
        tab.idle()
        assert any(b"0.5933" in f for f in frames)                              # what step 2 shows did arrive
        assert not [v for v in (b"0.7514", b"0.75136507", b"0.298371109", b"0.1385") if any(v in f for f in frames)]
    finally:
        tab.close()


def test_one_tap_on_a_phone_shows_the_inspector_in_view(tabs, server):
    tab = open_step(tabs, server, "step", viewport=(390, 844), has_touch=True)
    try:
        tab.page.locator(f"{ROOT} .bpviz-neuron[data-neuron='1,1']").tap()      # h2, once
        tab.idle()
        tab.page.wait_for_timeout(400)
        assert "layer 1, neuron 1" in _inspected(tab)
        # brought into view once the server has drawn the inspector (a busy machine takes longer)
        tab.wait_until("""() => { const box = document.querySelector('.st-key-step_readouts')
            .getBoundingClientRect(); return box.top >= 0 && box.top < 844 - 100; }""", timeout=10_000)
        readouts = tab.page.locator(".st-key-step_readouts").bounding_box()
        assert 0 <= readouts["y"] < 844 - 100, readouts                         # brought into view
        width = tab.page.evaluate("""() => Math.max(...[...document.querySelectorAll(
            '.st-key-step_readouts .katex-display')].map(k => k.getBoundingClientRect().right))""")
        assert width <= 390, width                                               # formulas wrap within the phone
        tab.screenshot("step-phone-tap")
    finally:
        tab.close()
