"""Step's batch setting: one example, or a mini-batch of 2–8 rows stepped example by example
(engine: step_sequence(…, by_example=True)). The rows start as the stepping example, then
rows of the Train page's data when they fit the network, else moved copies of the example
(engine: stepping_batch); the learner can edit every cell. Not in quiz mode, which asks
about one example.

The batch lives in its widgets (mode, rows, the table's edits), so `rows()` can rebuild it
in a fragment's rerun without the settings; leaving the page goes back to one example.
"""
import hashlib

import numpy as np
import pandas as pd
import streamlit as st

from bpviz.engine import MAX_BY_EXAMPLE, MAX_PARAMETER_MAGNITUDE, MIN_BY_EXAMPLE, fits, stepping_batch
from bpviz.ui.i18n import t
from bpviz.ui.session import editor_state, reader, state
from bpviz.ui.strings import Message

MODES = ("one", "by_example")
DEFAULT_ROWS = 4
MODE, ROWS = "step_batch_mode", "step_batch_rows"   # the widgets' keys


def settings(quiz_on):
    """The mode, the number of rows and the editable table (nothing but a note in quiz mode)."""
    if quiz_on:
        st.caption(t("step.batch_quiz"))
        return
    mode = st.radio(t("step.batch"), MODES, horizontal=True, key=MODE, on_change=state.restart_steps,
                    format_func=lambda m: t(f"step.batch.{m}"), help=t("step.batch_help"))
    if mode == "one":
        return
    count = int(st.number_input(t("step.batch_rows"), MIN_BY_EXAMPLE, MAX_BY_EXAMPLE, DEFAULT_ROWS, key=ROWS,
                                on_change=state.restart_steps))
    table = _table(*default_rows(count))
    try:   # an edit the browser would never send (a row or column the table lacks): refused by name
        editor_state.check(state.widget_value(_editor_key(table)), len(table), list(table.columns))
    except reader.Rejected as refused:
        state.forget(_editor_key(table))
        state.notify("warning", Message("step.batch_edit_dropped", {
            "field": Message(refused.name), "value": refused.value, "accepted": Message(*refused.accepted)}))
        st.rerun()
    st.caption(t("step.batch_table"))
    st.data_editor(table, key=_editor_key(table), num_rows="fixed", on_change=state.restart_steps,
                   column_config={c: st.column_config.NumberColumn(c, format="%.6g", required=True)
                                  for c in table.columns})
    if rows(quiz_on) is None:
        st.error(t("step.batch_bad"))


def rows(quiz_on):
    """(X, Y) of the batch as the widgets hold it, or None: one example (also in quiz mode,
    before the settings were drawn, or while a cell is empty)."""
    if quiz_on or state.widget_value(MODE, "one") != "by_example":
        return None
    X, Y = default_rows(int(state.widget_value(ROWS, DEFAULT_ROWS)))
    table = _table(X, Y)
    values = table.to_numpy(dtype=float, copy=True)
    columns = list(table.columns)
    for row, cells in (state.widget_value(_editor_key(table)) or {}).get("edited_rows", {}).items():
        for column, value in cells.items():
            if str(row).isdigit() and int(row) < len(values) and column in columns:
                values[int(row), columns.index(column)] = _number(value)
    if not (np.abs(values) <= MAX_PARAMETER_MAGNITUDE).all():   # empty, not a number, or beyond the limits
        return None
    return values[:, :X.shape[1]], values[:, X.shape[1]:]


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        return np.nan


def default_rows(count):
    """The batch's starting rows: the example, then Train's data when it fits the network."""
    x, y = state.example()
    data = state.train_data()
    if data is not None and fits(state.network(), data.train.X, data.train.Y):
        return stepping_batch(x, y, count, data.train.X, data.train.Y)
    return stepping_batch(x, y, count)


def _table(X, Y):
    columns = [f"x{k + 1}" for k in range(X.shape[1])] + [f"y{k + 1}" for k in range(Y.shape[1])]
    return pd.DataFrame(np.hstack([X, Y]), columns=columns)


def _editor_key(table):
    """A new default table (other rows, network or example) is a new editor: old edits never land on it."""
    return "step_batch_table_" + hashlib.sha1(table.to_numpy().tobytes()).hexdigest()[:12]
