"""Play's drawing and pacing rules in Chromium, on a blank page (no server): the functions
of play_pacing.js and play_layers.js, as play_chart.py prepends them to the chart, checked
against values worked out by hand."""
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

TRAIN = Path(__file__).resolve().parents[2] / "bpviz" / "ui" / "train"
PACING = {"fastest": 450, "slowest": 1800, "share": 8, "retry": 5000}


def test_the_pacing_tested_is_the_pacing_the_page_sends():
    from bpviz.ui.train import play_chart
    assert PACING == {"fastest": play_chart.PLAY_INTERVAL_MS, "slowest": play_chart.SLOWEST_INTERVAL_MS,
                      "share": play_chart.TRIP_SHARE, "retry": play_chart.RETRY_MS}


@pytest.fixture
def page(browser):
    tab = browser.new_page()
    tab.set_content("<html><body></body></html>")
    for name in ("play_layers.js", "play_pacing.js"):
        tab.add_script_tag(content=(TRAIN / name).read_text(encoding="utf-8"))
    yield tab
    tab.close()


@pytest.mark.parametrize(("trip", "gap"), [
    (None, 450),      # before the first answer: as fast as allowed
    (30, 450),        # an idle machine: 8 × 30 = 240 ms, below the fastest
    (100, 800),       # 8 × 100
    (200, 1600),      # a busy machine: the tab backs off
    (900, 1800),      # ... but never slower than the slowest: every tab keeps moving
])
def test_a_tab_waits_eight_times_its_recent_trip_within_the_fastest_and_slowest_gaps(page, trip, gap):
    assert page.evaluate("([trip, pacing]) => askGap(trip, pacing)", [trip, PACING]) == gap


def test_two_chunks_per_ask_double_the_fastest_gap_only(page):
    # play_chart.js passes shown × fastest: two chunks an ask still make 2.2 chunks a second
    doubled = {**PACING, "fastest": 2 * PACING["fastest"]}
    assert page.evaluate("([trip, pacing]) => askGap(trip, pacing)", [50, doubled]) == 900
    assert page.evaluate("([trip, pacing]) => askGap(trip, pacing)", [200, doubled]) == 1600


def test_the_boundary_crosses_each_cell_edge_where_the_output_passes_the_threshold(page):
    # a 2 × 2 grid, x = [0, 1], y = [0, 2]; z rows go along y. Left column below 0.5, right above:
    # the level 0.5 crosses the bottom edge at x = (0.5 - 0.2) / (0.8 - 0.2) = 0.5 and the top
    # edge at x = (0.5 - 0.4) / (0.9 - 0.4) = 0.2, one segment between them
    segments = page.evaluate("levelSegments([0, 1], [0, 2], [[0.2, 0.8], [0.4, 0.9]], 0.5)")
    assert len(segments) == 1
    points = sorted([tuple(segments[0][:2]), tuple(segments[0][2:])], key=lambda p: p[1])
    assert points[0] == pytest.approx((0.5, 0.0)) and points[1] == pytest.approx((0.2, 2.0))


def test_a_grid_the_level_never_crosses_has_no_boundary(page):
    assert page.evaluate("levelSegments([0, 1, 2], [0, 1], [[0.6, 0.7, 0.8], [0.9, 0.95, 0.99]], 0.5)") == []


def test_a_saddle_cell_joins_the_corners_its_mean_sides_with(page):
    # corners (lower left, lower right, upper right, upper left) = 1, 0, 1, 0 about the level 0.5:
    # the mean (0.5 + 0.01) is above, so the two high corners are joined through the middle and the
    # boundary cuts off the two low ones: each segment runs between two edges around a low corner
    segments = page.evaluate("levelSegments([0, 1], [0, 1], [[1.0, 0.0], [0.04, 1.0]], 0.5)")
    assert len(segments) == 2
    ends = sorted(sorted([tuple(round(v, 6) for v in s[:2]), tuple(round(v, 6) for v in s[2:])]) for s in segments)
    # around the lower right corner (1, 0): the bottom edge at x = 0.5 and the right edge at y = 0.5
    assert [(0.5, 0.0), (1.0, 0.5)] in ends
    # around the upper left corner (0, 1): the left edge at y = 0.5/0.96 and the top edge at x = 0.46/0.96
    assert [(0.0, round(0.5 / 0.96, 6)), (round(0.46 / 0.96, 6), 1.0)] in ends


def test_colours_are_interpolated_between_the_scales_stops(page):
    stops = page.evaluate("colourStops([[0, '#000000'], [0.5, '#ff0000'], [1, '#ffffff']])")
    assert stops == [[0, 0, 0, 0], [0.5, 255, 0, 0], [1, 255, 255, 255]]
    assert page.evaluate("([s]) => colourAt(s, 0.25)", [stops]) == [127.5, 0, 0]
    assert page.evaluate("([s]) => colourAt(s, 0.75)", [stops]) == [255, 127.5, 127.5]
    assert page.evaluate("([s]) => colourAt(s, -3)", [stops]) == [0, 0, 0]       # clamped to the ends
    assert page.evaluate("([s]) => colourAt(s, 7)", [stops]) == [255, 255, 255]
