"""The strict reader (bpviz/ui/session/reader.py): what it accepts is exactly the canonical spelling
of an allowed value; everything else is refused with a `Rejected` naming the parameter."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpviz.ui.session.reader import Rejected, choice, choices, member, one, row_list, text, whole_number
from tests.examples import examples

ANYTHING = st.one_of(st.text(max_size=300), st.integers(), st.floats(), st.none(), st.binary(max_size=20),
                     st.lists(st.text(max_size=5), max_size=3), st.just("0" * 5000), st.just("9" * 5000),
                     st.just("٣"), st.just("１２"), st.just("²"), st.just("-1"), st.just("+1"), st.just(" 1"))


@settings(max_examples=examples(100), deadline=None)
@given(ANYTHING)
def test_a_whole_number_is_its_canonical_digits_or_refused(raw):
    try:
        value = whole_number(raw, "step", 0, 99)
    except Rejected as refused:
        assert refused.name == "step" and refused.accepted == ("reader.accepted.whole", {"low": 0, "high": 99})
        assert len(refused.value) <= 21
        return
    assert isinstance(value, int) and 0 <= value <= 99 and str(value) == raw


@pytest.mark.parametrize("raw", ["0" * 5000, "0001000", "00", "01", "٣", "１２", "²", "-1", "+1", " 1", "1 ", "", "100",
                                 "1e2", "1.0", "9" * 5000])
def test_the_issues_numbers_are_refused(raw):
    with pytest.raises(Rejected):
        whole_number(raw, "step", 0, 99)


@pytest.mark.parametrize("raw, value", [("0", 0), ("7", 7), ("99", 99)])
def test_plain_numbers_are_read(raw, value):
    assert whole_number(raw, "step", 0, 99) == value


@settings(max_examples=examples(100), deadline=None)
@given(ANYTHING)
def test_a_choice_is_exactly_an_allowed_value_or_refused(raw):
    allowed = ("en", "zh")
    try:
        assert choice(raw, "lang", allowed) in allowed and raw in allowed
    except Rejected as refused:
        assert refused.name == "lang" and raw not in allowed


def test_lists_keep_allowed_names_in_order_and_report_the_rest():
    assert choices("tables,files,bogus,,files", "hide", ("files", "tables", "presets")) == (("files", "tables"),
                                                                                             ("bogus",))
    with pytest.raises(Rejected):
        choices("x" * 201, "hide", ("files",))


def test_text_is_bounded_and_a_parameter_given_twice_is_refused():
    assert text("abc", "data") == "abc"
    with pytest.raises(Rejected):
        text("a" * 201, "data")
    with pytest.raises(Rejected):
        text(5, "data")
    assert one(["1"], "step") == "1"
    with pytest.raises(Rejected) as refused:
        one(["1", "2"], "step")
    assert refused.value.accepted[0] == "reader.accepted.once"


def test_a_widget_value_is_matched_to_the_allow_lists_own_option():
    neurons = [(0, 0), (1, 0), (2, 1)]
    assert member((1, 0), neurons) is neurons[1]
    assert member((1.0, 0), neurons) is neurons[1]            # equal: the option itself comes back, ints
    for crafted in ([1, 0], "1,0", (5, 5), None, 3, (1,), float("nan")):
        assert member(crafted, neurons) is None
    import numpy as np
    assert member(np.array([1, 0]), neurons) is None             # comparison gives an array: refused


@settings(max_examples=examples(100), deadline=None)
@given(ANYTHING)
def test_a_row_list_is_distinct_canonical_row_numbers_or_refused(raw):
    try:
        rows = row_list(raw, "batch", 150, 2, 8)
    except Rejected as refused:
        assert refused.name == "batch" and refused.accepted == ("reader.accepted.rows",
                                                                {"least": 2, "most": 8, "high": 150})
        assert len(refused.value) <= 21
        return
    assert 2 <= len(rows) <= 8 and len(set(rows)) == len(rows) and all(1 <= r <= 150 for r in rows)
    assert ",".join(map(str, rows)) == raw.replace(" ", "")


@pytest.mark.parametrize("raw, rows", [("3,17,42", (3, 17, 42)), ("150, 1", (150, 1)),
                                       ("1,2,3,4,5,6,7,8", tuple(range(1, 9)))])
def test_row_lists_keep_their_order(raw, rows):
    assert row_list(raw, "batch", 150, 2, 8) == rows


@pytest.mark.parametrize("raw", ["1", "1,1", "0,1", "151,1", "01,2", "1;2", "1,,2", "1,2,", "١,٢", "1,2,3,4,5,6,7,8,9",
                                 "1.0,2", "+1,2", "-1,2", "1e1,2", ""])
def test_bad_row_lists_are_refused(raw):
    with pytest.raises(Rejected):
        row_list(raw, "batch", 150, 2, 8)
@pytest.mark.parametrize("value, expected", [
    (3, "number"), (2.5, "number"), (True, "bool"), ("x", "text"), (["a"], "list"), (None, "text"),
    (0, "none"), ("", "text"), ({"edited_rows": {}}, "map"), (None, "UploadedFile")])
def test_a_widget_value_of_its_widgets_kind_is_read(value, expected):
    from bpviz.ui.session.reader import widget_value
    if value is None and expected == "text":   # a box or a choice always holds a value: None is refused
        with pytest.raises(Rejected):
            widget_value(value, "k", expected)
    else:
        assert widget_value(value, "k", expected) is value


@pytest.mark.parametrize("value, expected", [
    ("abc", "number"), (float("nan"), "number"), (float("inf"), "number"), (10**400, "number"), (2**53 + 1, "number"),
    (1, "bool"), ("True", "bool"), (5, "list"), ([float("nan")], "list"), ([[1]], "list"), ("x" * 10_001, "text"),
    ("١٢٣", "number"), ({"a": 1}, "text")])
def test_a_widget_value_of_another_kind_or_malformed_is_refused_by_key(value, expected):
    from bpviz.ui.session.reader import widget_value
    with pytest.raises(Rejected) as refused:
        widget_value(value, "train_lr", expected)
    assert refused.value.name == "train_lr" and refused.value.accepted[0].startswith("reader.accepted.widget.")
    assert len(refused.value.value) <= 21


@pytest.mark.parametrize("payload, rows", [
    (None, {}), ('{"edited_rows": {"0": {"b": 1}}}', {0: {"b": 1}}),
    ('{"edited_rows": {"abc": {}, "-1": {}, "\\u0663": {}, " 1": {}, "007": {}}}',
     {"abc": {}, "-1": {}, "٣": {}, " 1": {}, "007": {}})])
def test_a_data_editor_state_is_read_without_raising(payload, rows):
    """bpviz/ui/session/editor_state.py replaces Streamlit's reading, which raised on "abc"."""
    from streamlit.elements.widgets.data_editor import DataEditorSerde

    from bpviz.ui.session import editor_state
    read = DataEditorSerde().deserialize(payload)
    assert read["edited_rows"] == rows and read["added_rows"] == [] and editor_state.MALFORMED not in read


@pytest.mark.parametrize("payload", ["not json", "[1, 2]", '{"edited_rows": [1]}', "null 1"])
def test_a_payload_that_is_no_data_editor_state_is_marked_malformed(payload):
    from streamlit.elements.widgets.data_editor import DataEditorSerde

    from bpviz.ui.session import editor_state
    read = DataEditorSerde().deserialize(payload)
    assert read[editor_state.MALFORMED] is True
    with pytest.raises(Rejected):
        editor_state.check(read, 2, ["k=0", "b"])
