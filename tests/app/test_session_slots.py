"""The session's slot table (bpviz/ui/state.py SLOTS) and the address's parameter table
(bpviz/ui/address.py PARAMETERS) describe what the app really stores and writes."""
import pytest

from bpviz.ui import address
from bpviz.ui.session import state
from tests.app.apptest import open_app, rerun

PAGES = ("home", "build", "step", "train", "landscape", "gradcheck", "share", "worksheets")


@pytest.mark.parametrize("page", PAGES)
def test_every_stored_slot_holds_its_declared_type(page):
    at = open_app(page, query={"step": "2", "quiz": "1", "data": "two_d:circle:40:0.1:0.25:0"})
    rerun(at)
    stored = {key: at.session_state[key] for key in state.SLOTS if key in at.session_state}
    assert state.NETWORK in stored and state.NOTICE in stored
    wrong = {key: type(value).__name__ for key, value in stored.items()
             if value is not None and not isinstance(value, state.SLOTS[key].type)}
    assert wrong == {}


def test_slot_pages_and_defaults_are_declared():
    assert {slot.page for slot in state.SLOTS.values()} <= {"every", *PAGES}
    assert all(slot.default is None or isinstance(slot.default, slot.type) for slot in state.SLOTS.values())


def test_every_parameter_is_left_out_at_its_default():
    defaults = {"net": None, "hide": (), "lang": None, "quiz": False, "gran": "layer", "pen": (0.0, 0.0), "step": 0,
                "data": None, "batch": None, "names": "tutorial", "motion": True, "view": "neuron", "sel": None,
                "practice": False, "qa": None, "tnet": None, "hist": None}
    assert [p.name for p in address.PARAMETERS] == list(defaults)
    assert sorted(address.READ_ORDER) == sorted(defaults)
    assert [p.write(defaults[p.name]) for p in address.PARAMETERS] == [None] * len(defaults)
    assert address.link_query(None) == ""


def test_the_hideable_controls_are_carried_by_the_network_or_are_page_actions():
    carried = {name for p in address.PARAMETERS for name in p.hideable}
    assert carried | {"presets", "files"} == set(state.HIDEABLE)
