"""The Train page's data: pick a built-in set or upload a CSV; keep it per session.

The chosen data live in session state as `TrainData` (train and test `Dataset`s
and how they were made). A rejected CSV or bad setting shows the engine's
message and leaves the current data as they were.

A link's warning about the data (a `data=` it could not make) is shown by the
page the link opened, like every link warning, and is also held for the Train
page (`hold_link_warning`): that page shows it below the data picker until one
of its runs that showed it has finished. A run that sets up a network reruns
the page, which drops what the run drew, so showing it once is not enough.
`frame.begin` starts each run's record (`start_run`) and `frame.end`, at the end of
every finished run, ends it (`finish_run`).
"""
from dataclasses import dataclass

import streamlit as st

from bpviz.engine import (
    MAX_NOISE,
    MAX_ROWS,
    MAX_SEED,
    MAX_TEST_FRACTION,
    TRUTH_TABLES,
    TWO_D_NAMES,
    Dataset,
    NetworkError,
    csv_columns,
    dataset_from_csv,
    sine,
    train_test_split,
    truth_table,
    two_d,
)
from bpviz.ui.i18n import error_text, t
from bpviz.ui.session import slots, state

SOURCES = ("truth_table", "two_d", "sine", "csv")


@dataclass(frozen=True)
class TrainData:
    train: Dataset
    test: Dataset | None
    label: str          # what the learner chose, for captions
    key: str = "csv"    # which data set: "truth_table:xor", "two_d:circle", "sine" or "csv" (training_setup's keys)


def current():
    """The session's data, defaulting to the XOR truth table. On the Train page (after its
    picker), also the link's warning about the data, if it is held and not on the page yet."""
    if state.train_data() is None:
        table = truth_table("xor")
        state.set_train_data(TrainData(table, None, t("data.truth_table.xor"), "truth_table:xor"))
    _show_link_warning()
    return state.train_data()


def hold_link_warning(text):
    """Keep a link's warning about the data for the Train page (see the module's note)."""
    state.set_link_warning(text)


def start_run(link_notice=False):
    """A new script run begins; `link_notice`: the page's notice already carries the held warning."""
    state.set_link_warning_run({"on_page": link_notice, "train": False})


def finish_run():
    """A script run has finished: a held warning the Train page showed in it has been seen."""
    run = state.link_warning_run()
    if run and run["train"] and run["on_page"]:
        state.forget(state.LINK_WARNING)


def _run():
    return state.link_warning_run(default={"on_page": False, "train": False})


def _show_link_warning():
    text, run = state.link_warning(), _run()
    if text and run["train"] and not run["on_page"]:
        st.warning(text, icon=":material/link_off:")
        run["on_page"] = True


def _store(make):
    try:
        data = make()
    except NetworkError as error:
        st.error(t("data.rejected", message=error_text(error)))
        return False
    state.set_train_data(data)
    state.forget(state.LINK_WARNING)   # the learner chose data: the link's warning is moot
    return True


def picker():
    """Widgets choosing the data (on the Train page); returns True when new data were stored."""
    _run()["train"] = True
    sources = SOURCES if not state.fixed("files") else tuple(s for s in SOURCES if s != "csv")   # no uploads
    if state.widget_value("data_source") not in sources:
        state.set_widget_value("data_source", sources[0])
    source = st.radio(t("data.source"), sources, horizontal=True, key="data_source",
                      format_func=lambda s: t(f"data.source.{s}"))
    if source == "csv":
        return _csv_picker()
    with st.form("data_form", border=False):
        if source == "truth_table":
            name = st.selectbox(t("data.table"), tuple(TRUTH_TABLES), key="data_table",
                                format_func=lambda n: t(f"data.truth_table.{n}"))
            make = lambda: TrainData(truth_table(name), None, t(f"data.truth_table.{name}"),  # noqa: E731
                                     f"truth_table:{name}")
        else:
            columns = st.columns(2)
            if source == "two_d":
                name = columns[0].selectbox(t("data.shape"), TWO_D_NAMES, key="data_shape",
                                            format_func=lambda n: t(f"data.two_d.{n}"))
            rows = columns[1].number_input(t("data.rows"), 4, MAX_ROWS, 200, step=50, key="data_rows")
            noise = columns[0].slider(t("data.noise"), 0.0, MAX_NOISE, 0.1, 0.05, key="data_noise")
            test_fraction = columns[1].slider(t("data.test_fraction"), 0.0, MAX_TEST_FRACTION, 0.25, 0.05,
                                              key="data_test_fraction")
            seed = columns[0].number_input(t("data.seed"), 0, MAX_SEED, 0, key="data_seed")

            def make():
                whole = (two_d(name, int(rows), float(noise), int(seed)) if source == "two_d"
                         else sine(int(rows), float(noise), int(seed)))
                train, test = train_test_split(whole, float(test_fraction), int(seed))
                if source == "two_d":
                    return TrainData(train, test, t(f"data.two_d.{name}"), f"two_d:{name}")
                return TrainData(train, test, t("data.source.sine"), "sine")
        submitted = st.form_submit_button(t("data.use"), icon=":material/dataset:")
    return submitted and _store(make)


def _csv_picker():
    counter = state.next_upload_counter(slots.CSV_COUNTER)
    uploaded = st.file_uploader(t("data.csv"), type=["csv", "txt"], key=f"data_csv_{counter}",
                                help=t("data.csv_help", rows=MAX_ROWS))
    if uploaded is None:
        return False
    content = uploaded.getvalue()
    try:
        header = csv_columns(content)
    except NetworkError as error:
        st.error(t("data.rejected", message=error_text(error)))
        return False
    inputs = st.multiselect(t("data.csv_inputs"), header, default=list(header[:-1])[:10], key="data_csv_inputs")
    targets = st.multiselect(t("data.csv_targets"), header, default=list(header[-1:]), key="data_csv_targets")
    test_fraction = st.slider(t("data.test_fraction"), 0.0, MAX_TEST_FRACTION, 0.25, 0.05, key="data_csv_test")
    if not st.button(t("data.use"), key="data_csv_use", icon=":material/dataset:"):
        return False

    def make():
        whole = dataset_from_csv(content, inputs, targets)
        train, test = train_test_split(whole, float(test_fraction), 0)
        return TrainData(train, test, uploaded.name[:60])
    if _store(make):
        state.bump_upload_counter(slots.CSV_COUNTER)
        return True
    return False
