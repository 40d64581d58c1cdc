"""Hostile widget values: whatever a session's state holds under a widget's key (random text,
huge or non-finite numbers, unicode digits, lists, None), no page raises, the value is dropped
with a notice naming the key, and the learner's network stays a valid one.

The keys are read from the app itself (every keyed widget each page draws, walked from
AppTest's tree), so a new widget is covered without a list to keep. Widgets whose value
Streamlit never lets a script set (buttons, uploads, tables, charts, components) are reached
through the widget states a browser sends instead: tables in test_hostile_links.py and below."""
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from streamlit.testing.v1.element_tree import Widget, get_widget_state

from bpviz.engine import Network, preset
from bpviz.ui.frame import PAGES
from tests.app.apptest import open_app
from tests.examples import examples

PAGE_NAMES = [path for _, path, _, _ in PAGES]
# Streamlit's own rule: a script may not set these widgets' values through session state.
NOT_SETTABLE = {"button", "download_button", "file_uploader", "dataframe", "plotly_chart", "bidi_component",
                "chat_input", "camera_input", "audio_input"}
HOSTILE = st.one_of(
    st.text(max_size=40), st.sampled_from(["١٢٣", "٣", "１２", "1e308", "-1", "NaN", "", "zh", "0" * 5000]),
    st.integers(-10**30, 10**30), st.sampled_from([10**400, -1, 0, 2**53 + 1]),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1e308, float("nan"), float("-inf")]),
    st.none(), st.booleans(), st.lists(st.one_of(st.text(max_size=4), st.integers(), st.none()), max_size=3),
    st.tuples(st.integers(-3, 3), st.integers(-3, 3)), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


def _elements(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _elements(child)


def settable_keys(at):
    """The keys of every widget the page drew this run whose value a session may hold."""
    return sorted({e.key for e in _elements(at._tree)
                   if isinstance(e, Widget) and e.key and e.type not in NOT_SETTABLE})


def run_with_values(at, values):
    """Store `values` ({widget key: value}) in the session's state, then run as a browser would,
    sending every other widget's state (the browser's copy of a value it never sent is not sent)."""
    for key, value in values.items():
        at.session_state[key] = value
    at._run(_browser_states(at, skip=values))
    assert not at.exception, [e.value for e in at.exception]
    return at


def _browser_states(at, skip=(), crafted=()):
    """The widget states a browser sends for the page as drawn (but those of the keys in `skip`),
    then the `crafted` ones."""
    states = WidgetStates()
    for node in _elements(at._tree):
        if isinstance(node, Widget) and node.key not in skip:
            try:
                state = get_widget_state(node)
            except (ValueError, TypeError):   # AppTest cannot read back a value it did not set itself
                continue
            if state is not None:
                states.widgets.append(state)
    states.widgets.extend(crafted)
    return states


def send_table_edit(at, edit):
    """Send the first weight table's editor state `edit` (as a crafted websocket message would) and run."""
    editor = next(e for e in _elements(at._tree) if e.type == "dataframe")
    at._run(_browser_states(at, crafted=[WidgetState(id=editor.proto.id, string_value=json.dumps(edit))]))
    assert not at.exception, [e.value for e in at.exception]
    return " ".join(w.value for w in at.warning)


def _valid(net):
    return isinstance(net, Network) and Network.from_dict(net.to_dict()) == net


_OPENED = {}   # one AppTest per page, reused by every example (its state carries on: later runs too)


def _opened(page):
    if page not in _OPENED:
        _OPENED[page] = open_app(page)
    return _OPENED[page]


@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=st.sampled_from(PAGE_NAMES), data=st.data())
def test_no_page_raises_on_any_widget_value(page, data):
    at = _opened(page)
    keys = settable_keys(at)
    assert "lang" in keys                    # the sidebar's language box, on every page
    chosen = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True), label="keys")
    run_with_values(at, {key: data.draw(HOSTILE, label=key) for key in chosen})
    assert _valid(at.session_state["network"])
    run_with_values(at, {})                  # and the run after it
    assert _valid(at.session_state["network"])
    assert at.session_state["network"] == preset("worked_example").network or page in ("build", "step", "train")


@pytest.mark.parametrize("page, key, value", [("build", "arch_in_1", float("nan")), ("build", "arch_seed_1", "abc"),
                                              ("step", "step_lr", "١٢٣"), ("train", "train_full_batch", "abc"),
                                              ("share", "share_hide", 10**19), ("worksheets", "ws_app_url", 1e308),
                                              ("build", "build_preset_choice", None)])
def test_a_crafted_widget_value_is_dropped_with_a_notice_naming_the_key(page, key, value):
    """Values that raised inside a page or Streamlit before the guard (bpviz/ui/session/widget_guard.py)."""
    at = open_app(page)
    assert key in settable_keys(at)
    run_with_values(at, {key: value})
    warnings = " ".join(w.value for w in at.warning)
    assert f"control ` {key} `" in warnings and "accepted:" in warnings
    assert at.session_state["network"] == preset("worked_example").network


@pytest.mark.parametrize("row", ["abc", "1e3", "-1", "٣", " 1", "1.5", "99999999999999999999"])
def test_a_table_edit_whose_row_is_not_a_plain_position_is_dropped_and_named(row):
    """Streamlit reads a data editor's row keys with int() before the app runs: "abc" raised
    there, "-1" edited the last row. Each is dropped, the notice names the row and the rows
    accepted, the network is unchanged and later runs work."""
    at = open_app("build")
    warnings = send_table_edit(at, {"edited_rows": {row: {"b": 1.0}}, "added_rows": [], "deleted_rows": []})
    assert f"row ` {row!r} `" in warnings and "a row number from 0 to 1" in warnings
    assert at.session_state["network"] == preset("worked_example").network
    run_with_values(at, {})


def test_a_table_edit_is_named_in_the_pages_language():
    at = open_app("build", query={"lang": "zh"})
    warnings = send_table_edit(at, {"edited_rows": {"abc": {"b": 1.0}}, "added_rows": [], "deleted_rows": []})
    assert "已被忽略" in warnings and "'abc'" in warnings and "0 到 1 之间的行号" in warnings


@pytest.mark.parametrize("edit, named", [
    ({"edited_rows": {"0": {"b": [1, 2]}}}, "cell value"), ({"edited_rows": {"0": 5}}, "edit"),
    ({"edited_rows": [], "added_rows": []}, "edit"), ({"added_rows": [{"b": 1.0}]}, "added or deleted rows"),
    ({"deleted_rows": [0]}, "added or deleted rows"), ("not an editor state", "edit"),
    ({"edited_rows": {"0": {"x": 1}}}, "column")])
def test_a_malformed_table_edit_is_dropped_and_named(edit, named):
    """Payloads no data editor sends: Streamlit's reading raised on some; each is dropped by name."""
    at = open_app("build")
    warnings = send_table_edit(at, edit)
    assert f"its {named} " in warnings and "was dropped" in warnings
    assert at.session_state["network"] == preset("worked_example").network


def test_a_batch_table_edit_whose_row_is_not_a_position_is_dropped_and_named():
    """The Step page's batch table reads the same way as Build's weight tables."""
    at = open_app("step")
    at.radio(key="step_batch_mode").set_value("by_example").run()
    editor = next(e for e in _elements(at._tree) if e.type == "dataframe")
    at._run(_browser_states(at, crafted=[WidgetState(id=editor.proto.id, string_value=json.dumps(
        {"edited_rows": {"-1": {"x1": 7.0}}, "added_rows": [], "deleted_rows": []}))]))
    assert not at.exception, [e.value for e in at.exception]
    warnings = " ".join(w.value for w in at.warning)
    assert "batch table was dropped" in warnings and "row ` '-1' `" in warnings and "from 0 to 3" in warnings
    assert at.session_state["step_index"] == 0
