"""Garbage through the pages' upload paths: a clear message, the learner's network and
data untouched, never an exception (hypothesis generates the garbage)."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.app.apptest import open_app, rerun
from tests.examples import examples

GARBAGE = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(str.encode),
    st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=6),
                 lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                 max_leaves=25).map(lambda value: json.dumps(value).encode()),
    st.just(b"[" * 50_000 + b"]" * 50_000),
)
SETTINGS = settings(max_examples=examples(8), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])


@SETTINGS
@given(GARBAGE)
def test_garbage_network_uploads_change_nothing(content):
    at = open_app("build")
    before = at.session_state["network"]
    at.file_uploader[0].set_value(("upload.json", content, "application/json"))
    rerun(at)
    assert at.session_state["network"] == before
    assert any("unchanged" in e.value for e in at.error)


@SETTINGS
@given(GARBAGE)
def test_garbage_csv_uploads_change_nothing(content):
    at = open_app("train")
    before = at.session_state["train_data"]
    at.radio(key="data_source").set_value("csv")
    rerun(at)
    at.file_uploader[0].set_value(("data.csv", content, "text/csv"))
    rerun(at)
    if any(button.key == "data_csv_use" for button in at.button):   # the header could be read
        at.button(key="data_csv_use").click()
        rerun(at)
    if at.session_state["train_data"] is before:
        assert any("unchanged" in e.value for e in at.error)       # rejected, and said so
    else:                                                          # garbage that happens to be a valid CSV
        assert at.session_state["train_data"].train.rows >= 1
