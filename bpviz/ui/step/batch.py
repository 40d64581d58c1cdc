"""Step's batch setting: one example, or a mini-batch of 2–8 rows stepped example by example
(engine: step_sequence(…, by_example=True)). When the Train page's data fit the network, the
batch is the rows of it the learner lists (row numbers from 1, first four by default); else
it is the stepping example and moved copies of it (engine: stepping_batch), as many rows as
asked. The learner can edit every cell. Not in quiz mode, which asks about one example.

The batch lives in its widgets (mode, rows or row numbers, the table's edits), so `rows()`
can rebuild it in a fragment's rerun without the settings. The address carries which rows
(`batch`, address.py): the row numbers of the data ("3,17,42"), or without fitting data the
number of rows ("4"); `read_address` checks it with the strict reader. Edits to cells do not
travel. Leaving the page goes back to one example.
"""
import hashlib

import numpy as np
import pandas as pd
import streamlit as st

from bpviz.engine import MAX_BY_EXAMPLE, MAX_PARAMETER_MAGNITUDE, MIN_BY_EXAMPLE, fits, stepping_batch
from bpviz.ui.i18n import render, t
from bpviz.ui.session import reader, state
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
    mode = st.radio(t("step.batch"), MODES, horizontal=True, key=MODE, on_change=state.restart_steps,
                    format_func=lambda m: t(f"step.batch.{m}"), help=t("step.batch_help"))
    if mode == "one":
        return
    data = data_rows()
    if data is not None:
        state.set_widget_default(PICK, _text(range(1, min(DEFAULT_ROWS, len(data[0])) + 1)))
        st.text_input(t("step.batch_pick"), key=PICK, on_change=state.restart_steps,
                      help=t("step.batch_pick_help", rows=len(data[0])))
    else:
        state.set_widget_default(ROWS, DEFAULT_ROWS)
        st.number_input(t("step.batch_rows"), MIN_BY_EXAMPLE, MAX_BY_EXAMPLE, key=ROWS, on_change=state.restart_steps)
    chosen = default_rows()
    if chosen is None:
        st.error(t("step.batch_pick_bad", value=reader.preview(str(state.widget_value(PICK, ""))),
                   accepted=render(Message("reader.accepted.rows", _accepted(len(data[0]))))))
        return
    table = _table(*chosen)
    st.caption(t("step.batch_table_data" if data is not None else "step.batch_table"))
    st.data_editor(table, key=_editor_key(table), num_rows="fixed", on_change=state.restart_steps,
                   column_config={c: st.column_config.NumberColumn(c, format="%.6g", required=True)
                                  for c in table.columns})
    if rows(quiz_on) is None:
        st.error(t("step.batch_bad"))


def rows(quiz_on):
    """(X, Y) of the batch as the widgets hold it, or None: one example (also in quiz mode,
    before the settings were drawn, or while a cell is empty or the row numbers are wrong)."""
    if quiz_on or state.widget_value(MODE, "one") != "by_example":
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
    """The row numbers (from 1) of the data the widgets list, or None if they are not 2–8
    distinct numbers within the data (or there are no fitting data)."""
    data = data_rows()
    if data is None:
        return None
    try:
        return reader.row_list(state.widget_value(PICK, ""), PICK, len(data[0]), MIN_BY_EXAMPLE, MAX_BY_EXAMPLE)
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
    return stepping_batch(x, y, int(state.widget_value(ROWS, DEFAULT_ROWS)))


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
    if quiz_on or state.widget_value(MODE, "one") != "by_example":
        return None
    if data_rows() is not None:
        numbers = picked()
        return None if numbers is None else _text(numbers)
    return str(int(state.widget_value(ROWS, DEFAULT_ROWS)))


def read_address(text):
    """Apply the address's `batch` (read after the network and the data, whose rows it
    names): the problems, as Messages naming the parameter and what is accepted."""
    data = data_rows()
    try:
        if data is not None:
            numbers = reader.row_list(text, PARAMETER, len(data[0]), MIN_BY_EXAMPLE, MAX_BY_EXAMPLE)
            state.set_widget_value(PICK, _text(numbers))
        else:
            state.set_widget_value(ROWS, reader.whole_number(text, PARAMETER, MIN_BY_EXAMPLE, MAX_BY_EXAMPLE))
    except reader.Rejected as refused:
        key, fields = refused.accepted
        return [Message("link.refused", {"name": PARAMETER, "value": refused.value, "accepted": Message(key, fields)})]
    state.set_widget_value(MODE, "by_example")
    return []
