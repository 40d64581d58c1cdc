"""The Gradient-check page: backprop's gradients against numerical ones, on the stepping
example or the Train data (`landscape.data_choice`), with a mistake to plant and catch.

The rows checked are bounded by the work budget (`check_rows` says when the bound bites);
the report is remembered per session, so reruns recompute nothing, and a big check (on
the Train data) waits its turn in the server's queue of heavy jobs (`job_queue.remembered`)
while the page shows its place."""
import pandas as pd
import streamlit as st

from bpviz import viz
from bpviz.engine import MISTAKES, NetworkError, budget
from bpviz.jobs import check_gradients, check_work
from bpviz.ui import charts, job_queue, lesson
from bpviz.ui.i18n import catalogue, error_text, t
from bpviz.ui.session import state


def check_rows(net, X, Y):
    """The first rows of (X, Y) a gradient check may use, saying so when that is fewer."""
    most = budget.max_check_rows(net.sizes)
    if len(X) > most:
        st.caption(t("gradcheck.rows_bound", used=most, rows=len(X), count=net.parameter_count))
    return X[:most], Y[:most]


def check_view(X, Y):
    mistake = st.selectbox(t("gradcheck.mistake"), tuple(MISTAKES), key="gradcheck_mistake",
                           format_func=lambda m: t(f"gradcheck.mistake.{m}"))
    st.caption(t(f"gradcheck.mistake.{mistake}.about"))
    net, learning_rate = state.network(), state.learning_rate()
    X, Y = check_rows(net, X, Y)
    try:
        report = job_queue.remembered("gradcheck", (net, X, Y, mistake, learning_rate), check_gradients,
                                      (net, X, Y, mistake, learning_rate), check_work(net, len(X)))
    except NetworkError as error:
        st.error(t("gradcheck.cannot", message=error_text(error)))
        return
    if report is None:   # waiting in the queue: its place is on the page
        return
    getattr(st, {"pass": "success", "warn": "warning", "fail": "error"}[report.verdict])(
        t(f"gradcheck.verdict.{report.verdict}", error=f"{report.max_relative_error:.2e}"))
    names = lesson.names(net)
    charts.show(viz.gradcheck_figure(report, text=catalogue(), names=names), key="gradcheck_figure")
    rows = [(names.parameter_text(row.ref), row.analytic, row.numerical, row.relative_error) for row in report.rows]
    st.dataframe(pd.DataFrame(rows, columns=[t("gradcheck.parameter"), t("gradcheck.analytic"),
                                             t("gradcheck.numerical"), t("gradcheck.relative_error")]),
                 hide_index=True, width="stretch")
