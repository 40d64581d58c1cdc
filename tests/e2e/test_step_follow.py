"""What a position change costs the server (issue 19): the diagram's report reruns only the
fragment nested in the Step page's own (views/step.py), so what reaches the browser after a
press is the readout, the diagram's few facts and the address, never the switches, Apply
update or the neuron's drop-down. Read from the websocket's frames in Chromium."""
import pytest

from tests.e2e.browser import Session

pytestmark = pytest.mark.e2e
ROOT = ".bpviz-step"
# drawn by the outer fragment only: none of these comes again for a position change
AROUND = (b"Show z", b"Animate", b"Apply update", b"Quiz mode", b"Click a neuron", b"Pick a neuron")


def _listen(tab):
    frames = []

    def listen(ws):
        ws.on("framereceived", lambda payload: frames.append(payload if isinstance(payload, bytes)
                                                            else payload.encode()))
    tab.page.on("websocket", listen)
    return frames


def _settled(tab):
    tab.page.wait_for_timeout(400)
    tab.idle()


def test_a_press_sends_what_follows_the_position_and_not_the_switches(browser, server):
    tab = Session(browser, server, viewport=(1280, 720))
    frames = _listen(tab)
    try:
        tab.open("step")
        tab.page.wait_for_selector(f"{ROOT} .bpviz-value")
        _settled(tab)
        assert b"".join(frames).count(b"Show z") >= 1          # the first run did send the switches
        for step in (1, 2, 3):
            del frames[:]
            tab.page.keyboard.press("ArrowRight")
            tab.page.wait_for_function(f"() => new URLSearchParams(location.search).get('step') === '{step}'",
                                       timeout=20_000)
            _settled(tab)
            sent = b"".join(frames)
            # the address and the readout of the new step (the diagram's own element is the same
            # message every time, sent as a reference to the one the browser holds)
            assert f"step={step}".encode() in sent and (b"$$" in sent or b"Nothing is known" in sent), step
            assert not [label for label in AROUND if label in sent], step
        # the inspector followed: at step 3 (o1's a is known) its formulas are on the page
        readout = tab.page.locator(".st-key-step_readouts")
        assert "0.75136507" in readout.inner_text()
        # a switch reruns the fragment around the diagram: then the switches do come again
        del frames[:]
        tab.page.get_by_text("Show z").click()
        _settled(tab)
        sent = b"".join(frames)
        assert b"Show z" in sent and b"Apply update" in sent
        assert tab.page.evaluate(f"() => document.querySelector('{ROOT}').dataset.step") == "3"
        # and the address is written once in that run (twice would be the same element twice: an error)
        assert not tab.page.get_by_test_id("stException").count()
        assert not tab.page.get_by_text("encountered an error").count()
        tab.page.keyboard.press("ArrowRight")
        tab.page.wait_for_function("() => new URLSearchParams(location.search).get('step') === '4'", timeout=20_000)
        assert not tab.real_errors()
    finally:
        tab.close()
