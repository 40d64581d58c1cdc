"""A fresh session's one click on Play trains XOR to 100 % with every chart drawn in
every sample taken during training, at 1280x720 and at 390 px wide."""
import time

import pytest

from tests.e2e.conftest import Session

pytestmark = pytest.mark.e2e

# Per chart on the page: 1 if its plot is visible with a size and has drawn axes or
# traces, else 0 (a chart being re-created, still hidden or empty, gives 0).
DRAWN = """() => [...document.querySelectorAll(SELECTOR)].map(plot => {
  const svg = plot.querySelector('.main-svg'), box = plot.getBoundingClientRect();
  const shown = svg && box.width > 50 && box.height > 50 && getComputedStyle(plot).visibility !== 'hidden';
  return shown && plot.querySelector('g.trace, g.xtick, .imagelayer image') ? 1 : 0; })"""
EVERY_CHART = DRAWN.replace("SELECTOR", "'.js-plotly-plot'")
# Play's own chart (loss curves and boundary), which Play redraws chunk by chunk. The gradient
# health and the diagram sit outside Play's fragment and are redrawn when Play stops.
PLAY_CHART = DRAWN.replace("SELECTOR", "'.bpviz-play-chart .js-plotly-plot'")


def _accuracy(tab):
    values = tab.page.get_by_test_id("bpvizReadoutValue")
    return values.nth(3).inner_text().strip() if values.count() >= 4 else ""


@pytest.mark.parametrize("viewport", [(1280, 720), (390, 844)], ids=["desktop", "phone"])
def test_one_click_on_play_reaches_full_accuracy_and_the_target_with_every_chart_drawn(tabs, server, viewport):
    tab = Session(tabs, server, viewport=viewport)
    try:
        tab.open("train")
        body = tab.page.inner_text("body")
        assert "does not fit" not in body and "set up a network" in body
        assert tab.page.get_by_test_id("stAlertContentWarning").count() == 0
        # the charts are drawn once the page's Plotly has loaded (the first visit downloads it)
        # (loss curves and boundary, gradient health, the diagram: every chart on the page drawn)
        tab.wait_until(f"(d => d.length >= 4 && d.every(v => v === 1))(({EVERY_CHART})())", timeout=30_000)
        tab.page.get_by_role("button", name="Play").first.click()
        started, samples, reached = time.monotonic(), [], None
        while time.monotonic() - started < 20:
            samples.append(tab.page.evaluate(PLAY_CHART))
            if _accuracy(tab).startswith("100"):
                reached = time.monotonic() - started
                break
            tab.page.wait_for_timeout(250)
        assert reached is not None, f"not at 100 % after 20 s: {_accuracy(tab)}"
        # Play goes on past the first all-correct epoch, to the default target loss, then stops
        tab.page.get_by_text("reached the target and every training example is classified correctly").wait_for(
            timeout=20_000)
        tab.idle()
        assert all(len(sample) == 2 and all(v == 1 for v in sample) for sample in samples), samples
        drawn = tab.page.evaluate(EVERY_CHART)          # after Play: every chart on the page drawn
        assert len(drawn) >= 4 and all(v == 1 for v in drawn), drawn
        tab.page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
        tab.screenshot(f"train-play-{viewport[0]}", full_page=False)
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()



def test_play_pressed_while_plotly_still_loads_trains_to_the_end(tabs, server):
    """A learner who presses Play at once, on a slow line: plotly.min.js is held back until
    Play's first chunks have arrived, so the page's first drawing and Play's wait for it
    together. The chart must wait for its axes, not fail (it once stopped with a component
    error and never asked again)."""
    tab = Session(tabs, server, viewport=(1280, 720))
    held = []
    tab.page.route("**/plotly.min.js", lambda route: held.append(route))
    try:
        tab.open("train")
        tab.page.get_by_role("button", name="Play").first.click()
        tab.page.wait_for_timeout(1500)
        assert held, "the page asked for Plotly"
        for route in held:
            route.continue_()
        tab.page.get_by_text("reached the target and every training example is classified correctly").wait_for(
            timeout=40_000)
        tab.idle()
        assert "Error" not in tab.page.locator(".bpviz-play-chart").inner_text()
        assert _accuracy(tab).startswith("100")
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()

# Per canvas under Play's charts (loss, then side): how many pixels are painted, how many of
# them are near-black (the boundary's line: #222), and a checksum of the picture.
LAYERS = """() => [...document.querySelectorAll('.bpviz-play-layer')].map(canvas => {
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0, dark = 0, sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 0) continue;
    painted += 1;
    if (data[i] < 60 && data[i + 1] < 60 && data[i + 2] < 60 && data[i + 3] > 200) dark += 1;
    sum = (sum * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2] + i) % 1000000007;
  }
  return {painted, dark, sum};
})"""


def _open_train_without_stops(tab):
    """The Train page with nothing to stop Play early: no stop when all are correct, no target loss."""
    tab.open("train")
    tab.page.locator(".st-key-train_all_correct label").click()
    tab.idle()
    target = tab.page.locator(".st-key-train_target_loss input")
    target.fill("0")
    target.press("Enter")
    tab.idle()


@pytest.mark.parametrize("viewport", [(1280, 720), (390, 844)], ids=["desktop", "phone"])
def test_while_playing_the_curves_and_the_boundary_are_painted_and_move_then_plotly_draws_them(tabs, server,
                                                                                              viewport):
    tab = Session(tabs, server, viewport=viewport)
    try:
        _open_train_without_stops(tab)
        tab.page.wait_for_selector(".bpviz-play-side .main-svg", timeout=30_000)
        assert all(layer["painted"] == 0 for layer in tab.page.evaluate(LAYERS))   # not playing: Plotly's own
        tab.page.get_by_role("button", name="Play").first.click()
        tab.wait_until(f"(l => l.length === 2 && l.every(v => v.painted > 0))(({LAYERS})())", timeout=20_000)
        tab.page.wait_for_timeout(500)
        epoch = tab.page.get_by_test_id("bpvizReadoutValue").first
        first, first_epoch = tab.page.evaluate(LAYERS), int(epoch.inner_text())
        tab.page.wait_for_timeout(2000)
        second, second_epoch = tab.page.evaluate(LAYERS), int(epoch.inner_text())
        loss, side = second
        assert loss["painted"] > 300                      # the curves
        assert side["painted"] > 20_000                   # the output over the inputs, and its colour scale
        assert side["dark"] > 100                         # the boundary's line
        assert second_epoch > first_epoch                 # Play went on ...
        assert first[0]["sum"] != loss["sum"] and first[1]["sum"] != side["sum"]   # ... and both pictures moved
        tab.page.locator(".bpviz-play").scroll_into_view_if_needed()
        tab.screenshot(f"train-play-layers-{viewport[0]}", full_page=False)
        tab.page.get_by_role("button", name="Pause").first.click()
        tab.wait_until(f"(l => l.every(v => v.painted === 0))(({LAYERS})())", timeout=20_000)
        tab.idle()
        # paused: Plotly draws the curves and the heatmap itself again
        assert tab.page.locator(".bpviz-play-loss g.trace.scatter path.js-line").count() >= 1
        assert tab.page.locator(".bpviz-play-side g.hm image").count() == 1
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()


def test_a_reload_during_play_keeps_the_epochs_the_address_caught_up_with(tabs, server):
    from bpviz.ui.train.view import ADDRESS_EVERY_S

    tab = Session(tabs, server, viewport=(1280, 720))
    try:
        _open_train_without_stops(tab)
        tab.page.get_by_role("button", name="Play").first.click()
        tab.wait_until("() => new URL(location.href).searchParams.has('hist')",
                       timeout=1000 * (ADDRESS_EVERY_S + 20))   # a chunk's run wrote it
        written = int(tab.page.evaluate("() => new URL(location.href).searchParams.get('hist').split('~')[0]"))
        assert written > 0
        tab.page.reload()
        tab.page.wait_for_selector(".bpviz-play-chart .main-svg", timeout=30_000)
        tab.idle()
        shown = int(tab.page.get_by_test_id("bpvizReadoutValue").first.inner_text().replace(",", ""))
        assert shown >= written                          # the reloaded page goes on from there
        assert not tab.real_errors(), (tab.errors, tab.failed_responses)
    finally:
        tab.close()
