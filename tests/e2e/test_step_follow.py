"""What a position change costs the server (issue 19), read from the websocket's frames in
Chromium: the readout beside the diagram follows each press in the page with no frame sent
to the server (every readout of the pass came with the page: bpviz/ui/step/readouts.py);
once the presses settle the page writes the position into the address, still with no frame
sent; the position goes to the server with the learner's next click elsewhere, through a
component of its own whose fragment only writes the address: never the switches, Apply
update, the neuron's drop-down, the readouts or the diagram come again. A switch clicked
right after a press runs at the pressed position.

Published numbers are the classic worked example's (2-2-2): a(o1) = 0.75136507, the loss
0.298371109, δ(o1) = 0.138498562, w5⁺ = 0.35891648."""
import pytest

from tests.e2e.browser import Session
from tests.e2e.step_page import ROOT, wait_for_address

pytestmark = pytest.mark.e2e
# drawn by the outer fragment only: none of these comes again for a position change
AROUND = (b"Show z", b"Animate", b"Apply update", b"Quiz mode", b"Click a neuron", b"Pick a neuron")
# the readouts' own words: none of these comes again for a position change either
READOUTS = (b"Nothing is known", b"Weighted input", b"Activation")
# what the inspector of o1 (the default neuron) shows first at each position of the pass
SHOWN = {0: "Nothing is known", 1: "Nothing is known", 2: "0.75136507", 3: "0.298371109", 4: "0.138498562",
         5: "0.138498562", 6: "0.35891648"}


def _listen(tab):
    """(frames received, frames sent) by the page's websocket, as they come."""
    received, sent = [], []

    def listen(ws):
        ws.on("framereceived", lambda p: received.append(p if isinstance(p, bytes) else p.encode()))
        ws.on("framesent", lambda p: sent.append(p if isinstance(p, bytes) else p.encode()))
    tab.listen("websocket", listen)
    return received, sent


def _open(tabs, server):
    tab = Session(tabs, server, viewport=(1280, 720))
    frames = _listen(tab)
    tab.open("step")
    tab.wait_for_diagram()
    return tab, frames


def _readout_after_next_frame(tab):
    """The readout's visible text and the diagram's step, read in the frame after a press."""
    return tab.page.evaluate(f"""() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
        done([document.querySelector('.st-key-step_readouts').innerText,
              Number(document.querySelector('{ROOT}').dataset.step)]))))""")


def test_the_readout_and_the_address_follow_each_press_with_no_frame_sent(tabs, server):
    tab, (received, sent) = _open(tabs, server)
    try:
        assert b"".join(received).count(b"Show z") >= 1          # the first run did send the switches
        del received[:], sent[:]
        for position in range(1, 7):
            tab.page.keyboard.press("ArrowRight")
            text, step = _readout_after_next_frame(tab)
            assert step == position and SHOWN[position] in text, (position, text[-300:])
            assert "Nothing is known" not in text or position < 2
            tab.page.wait_for_timeout(100)          # well within the 700 ms settle, even on a busy machine
        assert not sent, "the page told the server something before the presses settled"
        wait_for_address(tab, "step", "6")
        tab.idle()
        tab.page.wait_for_timeout(1500)
        assert not sent, "the page told the server a settled position no control needed"
        assert not received                                          # and the server did nothing
        tab.page.locator("h1").first.click()                         # a click on text makes no run: nor a report
        tab.page.wait_for_timeout(500)
        assert not sent and not received
        # a reload opens where the address says: the sixth step, its readout shown
        tab.page.reload()
        tab.wait_for_diagram()
        text, step = _readout_after_next_frame(tab)
        assert step == 6 and SHOWN[6] in text, (step, text[-300:])
        # and back: the same readouts, still in the page
        for position in (5, 4, 3):
            tab.page.keyboard.press("ArrowLeft")
            text, step = _readout_after_next_frame(tab)
            assert step == position and SHOWN[position] in text, (position, text[-300:])
        tab.idle()
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


@pytest.mark.parametrize("settled", [False, True], ids=["at-once", "settled"])
def test_a_switch_clicked_after_a_press_runs_at_the_pressed_position(tabs, server, settled):
    """At once (the position not settled yet) or once settled (the address says it, the server
    has not heard): the switch's click takes the position to the server first."""
    tab, (received, sent) = _open(tabs, server)
    try:
        tab.page.keyboard.press("ArrowRight")
        tab.page.keyboard.press("ArrowRight")
        tab.page.keyboard.press("ArrowRight")                      # the loss, not reported yet
        assert tab.page.evaluate(f"() => document.querySelector('{ROOT}').dataset.pending") == "1"
        if settled:
            tab.idle()
            wait_for_address(tab, "step", "3", timeout=None)
            tab.page.wait_for_timeout(300)
        del received[:], sent[:]
        tab.page.get_by_text("Show z").click()                     # the switch's run
        tab.idle()
        assert sent                                                # the position, then the switch
        assert b"Show z" in b"".join(received)                     # the fragment around the diagram ran
        assert "z 0.3775" in tab.page.locator(f"{ROOT} svg.bpviz-step-svg").text_content()   # z(h1) shown
        wait_for_address(tab, "step", "3")
        tab.page.wait_for_timeout(1200)                            # anything late would have moved it by now
        assert int(tab.page.evaluate(f"() => document.querySelector('{ROOT}').dataset.step")) == 3
        assert "0.298371109" in tab.page.locator(".st-key-step_readouts").inner_text()
        # the same with the readout's picker (a Streamlit segmented button) after a press back
        tab.page.keyboard.press("ArrowLeft")
        tab.page.get_by_role("radio", name="Matrix view").click()
        tab.idle()
        wait_for_address(tab, "step", "2")
        tab.page.wait_for_timeout(1200)
        assert int(tab.page.evaluate(f"() => document.querySelector('{ROOT}').dataset.step")) == 2
        # the first matrix view of a page loads Streamlit's Plotly: a busy machine takes a while
        tab.page.locator(".st-key-step_readouts .stPlotlyChart:visible").first.wait_for(timeout=20_000)
        assert tab.page.locator(".st-key-step_readouts .stPlotlyChart:visible").count() == 1
        # the matrices at the page's width, under the diagram (beside it they were squeezed)
        chart = tab.page.locator(".st-key-step_readouts .stPlotlyChart:visible").bounding_box()
        stage = tab.page.locator(f"{ROOT}").bounding_box()
        assert chart["width"] >= 600 and chart["y"] >= stage["y"] + stage["height"] - 1, (chart, stage)
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_a_page_change_right_after_a_press_or_once_settled_keeps_the_position(tabs, server):
    """The message that asks for another page carries none of the Step page's widget states:
    a position still on its way when the link is clicked reaches the server first (diagram.js
    holds the click until the report's run has ended); before, a click within the settle
    lost it and Step opened at the start."""
    tab, _ = _open(tabs, server)
    try:
        for presses, settle in ((2, False), (2, True)):
            expected = int(tab.page.evaluate(f"() => document.querySelector('{ROOT}').dataset.step")) + presses
            for _ in range(presses):
                tab.page.keyboard.press("ArrowRight")
            if settle:
                tab.idle()
            # a held click goes on only once the report's run has ended: wait for the page itself
            tab.page.get_by_role("link", name="Train").first.click()
            tab.page.wait_for_url("**/train*", timeout=20_000)
            tab.page.get_by_role("heading", name="Train").first.wait_for(timeout=20_000)
            tab.idle()
            tab.page.get_by_role("link", name="Step").first.click()
            tab.page.wait_for_url("**/step*", timeout=20_000)
            tab.wait_for_diagram()
            text, step = _readout_after_next_frame(tab)
            assert step == expected and SHOWN[expected] in text, (presses, settle, step, text[-300:])
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()
