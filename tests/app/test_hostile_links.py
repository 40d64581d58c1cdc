"""Hostile addresses and widget values: every URL parameter goes through the strict reader
(bpviz/ui/session/reader.py) on every page, and a crafted value in a widget's session state never
makes a page raise. A refused value is named in a visible notice with what is accepted."""
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpviz.ui.address import READ_ORDER as PARAMETERS
from bpviz.ui.frame import PAGES
from tests.app.apptest import open_app, rerun
from tests.examples import examples

PAGE_NAMES = [path for _, path, _, _ in PAGES]
GARBAGE = st.one_of(st.text(max_size=300), st.just("0" * 5000), st.just("9" * 5000), st.just("0001000"),
                    st.sampled_from(["٣", "１２", "²", "-1", "+1", " 1", "1e9", "1.5", "NaN", "∞", "%00", "\x00",
                                     "true", "1,1", "", "zh,en", "files,files", "csv", "truth_table:xor:x"]),
                    st.integers(-10**30, 10**30).map(str))


def _warnings(at):
    return " ".join(w.value for w in at.warning)


def test_five_thousand_zeros_in_step_are_refused_not_a_crash():
    at = open_app(query={"step": "0" * 5000})      # the notice shows on the page the link opens
    assert "parameter ` step `" in _warnings(at) and "at most 200 characters" in _warnings(at)
    assert at.session_state["step_index"] == 0


@pytest.mark.parametrize("step", ["0001000", "007", "٣", "+3", "3 "])
def test_a_step_that_is_not_plain_digits_is_refused_and_named(step):
    at = open_app(query={"step": step})
    assert "step position" in _warnings(at) and "no leading zeros" in _warnings(at)
    assert at.session_state["step_index"] == 0


def test_a_plain_step_is_read():
    at = open_app(query={"step": "3"})
    assert not at.warning and at.session_state["step_index"] == 3


def test_a_parameter_given_twice_is_refused_with_its_name():
    at = open_app(query={"step": ["2", "3"], "lang": ["zh", "en"]})
    warnings = _warnings(at)
    assert "parameter ` step `" in warnings and "parameter ` lang `" in warnings and "given once" in warnings
    assert at.session_state["step_index"] == 0 and at.session_state.get("lang", "en") == "en"


def test_an_overlong_parameter_is_refused_with_its_limit():
    at = open_app(query={"hide": "files," * 100})
    assert "parameter ` hide `" in _warnings(at) and "200 characters" in _warnings(at)


@settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=st.sampled_from(PAGE_NAMES),
       params=st.dictionaries(st.sampled_from(PARAMETERS), st.one_of(GARBAGE, st.lists(GARBAGE, min_size=2,
                                                                                        max_size=3)),
                              min_size=1, max_size=4))
def test_no_page_raises_on_any_parameter(page, params):
    open_app(page, query=params)       # open_app asserts that nothing raised


CRAFTED = ["ab", (9, 9), (1.5, 0), [1, 0], None, -1, 10**400, float("nan"), {"layer": 1}, (True, False),
           np.array([1, 0])]


@pytest.mark.parametrize("page", ["step", "build"])
def test_a_crafted_selected_neuron_never_raises(page):
    """The inspector's choice and the selection it writes, set to values no widget offers:
    every later run of the session still works, and falls back to a real neuron."""
    at = open_app(page)
    for crafted in CRAFTED:
        at.session_state["selected_neuron"] = crafted
        rerun(at)
        rerun(at)                                                    # and on every later run


def _elements(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _elements(child)


@pytest.mark.parametrize("edit, dropped", [({"0": {"zz": 1.0}}, True), ({"99": {"b": 1.0}}, True),
                                           ({"-5": {"k=0": 1.0}}, True), ({"0": {"b": "not a number"}}, False)],
                         ids=["unknown column", "unknown row", "negative row", "text"])
def test_a_table_edit_naming_a_cell_the_table_lacks_is_dropped(edit, dropped):
    """A data_editor state the browser would never send (crafted in the websocket): the page
    does not raise, says the edit was dropped, and the network is unchanged; later runs work."""
    import json

    from streamlit.proto.WidgetStates_pb2 import WidgetState

    from bpviz.engine import preset
    at = open_app("build")
    editor = next(e for e in _elements(at._tree) if e.type == "dataframe")
    states = at._tree.get_widget_states()
    crafted = WidgetState(id=editor.proto.id, string_value=json.dumps(
        {"edited_rows": edit, "added_rows": [], "deleted_rows": []}))
    states.widgets.append(crafted)
    at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["network"] == preset("worked_example").network
    warnings = " ".join(w.value for w in at.warning)
    assert ("was dropped" in warnings) == dropped            # text in a cell: the tables name the cell instead
    assert dropped or "must be a number" in " ".join(e.value for e in at.error)
    rerun(at)
