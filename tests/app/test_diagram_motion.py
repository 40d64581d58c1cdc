"""What the browser reports about the diagram's room is checked before it sizes a figure."""
import pytest

from bpviz.ui.step.diagram import DEFAULT_ROOM, MAX_HEIGHT, MIN_HEIGHT, room


@pytest.mark.parametrize("reported", [None, "tall", [1], [1, 2, 3], ["a", 5], [0, 800], [-5, 800], {"h": 3}])
def test_anything_but_two_positive_numbers_gives_the_default_room(reported):
    assert room(reported) == DEFAULT_ROOM


def test_a_reported_room_is_kept_within_bounds():
    assert room([412, 820]) == (412, 820)
    assert room([120, 390]) == (MIN_HEIGHT, 390)
    assert room([10 ** 9, 10 ** 9]) == (MAX_HEIGHT, 4000)
