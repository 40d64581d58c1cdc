"""Step's batch setting: one example, or a mini-batch of 2–8 rows stepped example by example
(engine: step_sequence(…, by_example=True)). When the Train page's data fit the network, the
batch is the rows of it the learner lists (row numbers from 1, first four by default); else
it is the stepping example and moved copies of it (engine: stepping_batch), as many rows as
asked. The learner can edit every cell. Not in quiz mode, which asks about one example.

Which rows are stepped lives in a session slot (state.step_batch: the number of rows and the
data's row numbers, None for one example), so it survives a page change and `rows()` can
rebuild the batch in a fragment's rerun without the settings; the widgets show it and store
a change. The address and the Share page's link carry it (`batch`, address.py): the row
numbers of the data ("3,17,42"), or without fitting data the number of rows ("4");
`read_address` checks it with the strict reader. Edits to cells live in the table's widget:
they do not travel, and a page change drops them.
"""
import hashlib

import numpy as np
import pandas as pd
import streamlit as st

from bpviz.engine import MAX_BY_EXAMPLE, MAX_PARAMETER_MAGNITUDE, MIN_BY_EXAMPLE, fits, stepping_batch
from bpviz.ui.i18n import render, t
from bpviz.ui.session import editor_state, reader, state
from bpviz.ui.strings import Message

MODES = ("one", "by_example")
DEFAULT_ROWS = 4
MODE, ROWS, PICK = "step_batch_mode", "step_batch_rows", "step_batch_pick"   # the widgets' keys
PARAMETER = "batch"


def settings(quiz_on):
    """The mode, the rows (row numbers of the data, or how many) and the editable table
    (nothing but a note in quiz mode)."""
    if quiz_on:
        st.caption(t("step.batch_quiz"))
        return
    stored = state.step_batch()
    state.set_widget_value(MODE, MODES[stored is not None])
    mode = st.radio(t("step.batch"), MODES, horizontal=True, key=MODE, on_change=_store,
                    format_func=lambda m: t(f"step.batch.{m}"), help=t("step.batch_help"))
    if mode == "one":
        return
    count, pick = _chosen()
    data = data_rows()
    if data is not None:
        state.set_widget_value(PICK, pick)
        st.text_input(t("step.batch_pick"), key=PICK, on_change=_store,
                      help=t("step.batch_pick_help", rows=len(data[0])))
    else:
        state.set_widget_value(ROWS, count)
        st.number_input(t("step.batch_rows"), MIN_BY_EXAMPLE, MAX_BY_EXAMPLE, key=ROWS, on_change=_store)
    chosen = default_rows()
    if chosen is None:
        st.error(t("step.batch_pick_bad", value=reader.preview(pick),
                   accepted=render(Message("reader.accepted.rows", _accepted(len(data[0]))))))
        return
    table = _table(*chosen)
    try:   # an edit the browser would never send (a row or column the table lacks): refused by name
        editor_state.check(state.widget_value(_editor_key(table)), len(table), list(table.columns))
    except reader.Rejected as refused:
        state.forget(_editor_key(table))
        state.notify("warning", Message("step.batch_edit_dropped", {
            "field": Message(refused.name), "value": refused.value, "accepted": Message(*refused.accepted)}))
        st.rerun()
    st.caption(t("step.batch_table_data" if data is not None else "step.batch_table"))
    st.data_editor(table, key=_editor_key(table), num_rows="fixed", on_change=state.restart_steps,
                   column_config={c: st.column_config.NumberColumn(c, format="%.6g", required=True)
                                  for c in table.columns})
    if rows(quiz_on) is None:
        st.error(t("step.batch_bad"))


def _chosen():
    """(rows, data row numbers text) of the stored batch, or the defaults: 4 rows, the first 4 of the data."""
    data = data_rows()
    rows_in_data = len(data[0]) if data is not None else DEFAULT_ROWS
    return state.step_batch() or (DEFAULT_ROWS, _text(range(1, min(DEFAULT_ROWS, rows_in_data) + 1)))


def _store():
    """A batch widget changed: store what they now say (one example, or the rows) and start again."""
    if state.widget_value(MODE, "one") != "by_example":
        state.set_step_batch(None)
    else:
        count, pick = _chosen()
        count = int(state.widget_value(ROWS, count) or count)
        state.set_step_batch((min(max(count, MIN_BY_EXAMPLE), MAX_BY_EXAMPLE), str(state.widget_value(PICK, pick))))
    state.restart_steps()


def rows(quiz_on):
    """(X, Y) of the batch as stored, with the table's edits, or None: one example (also in
    quiz mode, or while a cell is empty or the row numbers are wrong)."""
    if quiz_on or state.step_batch() is None:
        return None
    chosen = default_rows()
    if chosen is None:
        return None
    X, Y = chosen
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


def data_rows():
    """(X, Y) of the Train page's training rows when they fit the session's network, else None."""
    data = state.train_data()
    if data is not None and fits(state.network(), data.train.X, data.train.Y):
        return data.train.X, data.train.Y
    return None


def picked():
    """The row numbers (from 1) of the data the stored batch lists, or None if they are not
    2–8 distinct numbers within the data (or there are no fitting data)."""
    data = data_rows()
    if data is None:
        return None
    try:
        return reader.row_list(_chosen()[1], PICK, len(data[0]), MIN_BY_EXAMPLE, MAX_BY_EXAMPLE)
    except reader.Rejected:
        return None


def default_rows():
    """The batch's rows before any edit: the listed rows of the data when they fit the
    network (None while the row numbers are wrong), else the example and moved copies."""
    data = data_rows()
    if data is not None:
        numbers = picked()
        return None if numbers is None else (data[0][[n - 1 for n in numbers]], data[1][[n - 1 for n in numbers]])
    x, y = state.example()
    return stepping_batch(x, y, _chosen()[0])


def _table(X, Y):
    columns = [f"x{k + 1}" for k in range(X.shape[1])] + [f"y{k + 1}" for k in range(Y.shape[1])]
    return pd.DataFrame(np.hstack([X, Y]), columns=columns)


def _editor_key(table):
    """A new default table (other rows, network or example) is a new editor: old edits never land on it."""
    return "step_batch_table_" + hashlib.sha1(table.to_numpy().tobytes()).hexdigest()[:12]


def _text(numbers):
    return ",".join(str(n) for n in numbers)


def _accepted(rows):
    return {"least": MIN_BY_EXAMPLE, "most": MAX_BY_EXAMPLE, "high": rows}


# ---- the address: which rows ---------------------------------------------------------------

def address_text(quiz_on):
    """The batch as the address writes it: the data's row numbers ("3,17,42"), or the number
    of rows ("4") without fitting data; None for one example (or quiz mode, or wrong rows)."""
    if quiz_on or state.step_batch() is None:
        return None
    if data_rows() is not None:
        numbers = picked()
        return None if numbers is None else _text(numbers)
    return str(_chosen()[0])


def read_address(text):
    """Apply the address's `batch` (read after the network and the data, whose rows it
    names): the problems, as Messages naming the parameter and what is accepted."""
    data = data_rows()
    count, pick = _chosen()
    try:
        if data is not None:
            pick = _text(reader.row_list(text, PARAMETER, len(data[0]), MIN_BY_EXAMPLE, MAX_BY_EXAMPLE))
        else:
            count = reader.whole_number(text, PARAMETER, MIN_BY_EXAMPLE, MAX_BY_EXAMPLE)
    except reader.Rejected as refused:
        key, fields = refused.accepted
        return [Message("link.refused", {"name": PARAMETER, "value": refused.value, "accepted": Message(key, fields)})]
    state.set_step_batch((count, pick))
    return []
