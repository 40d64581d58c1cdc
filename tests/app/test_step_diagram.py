"""What the Step diagram's browser side reports is checked before the session follows it,
and the server sends a move only where the browser is not already (bpviz/ui/step/diagram.py)."""
import pytest

from bpviz.ui.step.diagram import DEFAULT_ROOM, MAX_HEIGHT, MIN_HEIGHT, follow, moves, room

SIZES = (2, 2, 2)


@pytest.mark.parametrize("reported", [None, "tall", [1], [1, 2, 3], ["a", 5], [0, 800], [-5, 800], {"h": 3}])
def test_anything_but_two_positive_numbers_gives_the_default_room(reported):
    assert room(reported) == DEFAULT_ROOM


def test_a_reported_room_is_kept_within_bounds():
    assert room([412, 820]) == (412, 820)
    assert room([120, 390]) == (MIN_HEIGHT, 390)
    assert room([10 ** 9, 10 ** 9]) == (MAX_HEIGHT, 4000)


def test_a_report_is_followed_only_where_it_makes_sense():
    assert follow({"position": 3, "selected": [1, 0], "room": [500, 390]}, SIZES) == \
        {"position": 3, "selected": (1, 0), "room": (500, 390)}
    for junk in ({"position": -1}, {"position": "3"}, {"position": 2.0}, {"position": True}, {"position": 10 ** 6},
                 {"selected": [3, 0]}, {"selected": [1, 2]}, {"selected": [1]}, {"selected": ["1", 0]},
                 {"selected": [True, 0]}, {}, None, "report"):
        followed = follow(junk, SIZES)
        assert followed["position"] is None and followed["selected"] is None, junk


def test_a_move_is_sent_only_while_the_browser_is_elsewhere():
    assert moves({}, 0, (2, 0)) == {"step": 0, "selected": [[2, 0]]}            # the first run: no report yet
    assert moves({"position": 0, "selected": [2, 0]}, 0, (2, 0)) == {"step": None, "selected": None}
    assert moves({"position": 6, "selected": [2, 0]}, 0, (2, 0))["step"] == 0    # Apply update: back to the start
    assert moves({"position": 3, "selected": [2, 0]}, 3, None)["selected"] == [None]   # selection cleared
