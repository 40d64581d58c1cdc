"""Widgets of the Landscape and Gradient-check pages: which data, which parameters,
and the figures. The data are the stepping example or the Train page's data set."""
import numpy as np
import pandas as pd
import streamlit as st

from bpviz import viz
from bpviz.engine import MAX_LEARNING_RATE, NetworkError
from bpviz.engine.gradient_check import MISTAKES, gradient_check
from bpviz.engine.limits import LEAST_LEARNING_RATE, MAX_PARAMETER_MAGNITUDE
from bpviz.engine.numbers import latex_number, paren
from bpviz.engine.landscape import (default_window, descent_path, gradient_of, loss_along, loss_grid,
                                    parameter_refs, parameter_value)
from bpviz.ui import charts, state, train_data
from bpviz.ui.i18n import catalogue, error_text, t

TABLE_OFFSETS = (-1.0, -0.5, -0.1, 0.0, 0.1, 0.5, 1.0)   # the seed article's few values around w


def data_choice(key):
    """(X, Y, description): the stepping example, or the training data if they fit."""
    net, data = state.network(), train_data.current()
    fits = net.sizes[0] == data.train.X.shape[1] and net.sizes[-1] == data.train.Y.shape[1]
    choices = ("example", "training") if fits else ("example",)
    choice = st.radio(t("landscape.data"), choices, horizontal=True, key=key,
                      format_func=lambda c: t(f"landscape.data.{c}", label=data.label))
    if choice == "training":
        return data.train.X, data.train.Y
    x, y = state.example()
    return x.reshape(1, -1), y.reshape(1, -1)


def parameter_choice(net, label, key, default=0):
    refs = parameter_refs(net)
    index = st.selectbox(label, range(len(refs)), index=min(default, len(refs) - 1), key=key,
                         format_func=lambda i: f"{refs[i].label} = {parameter_value(net, refs[i]):.4g}")
    return refs[index]


def one_parameter(X, Y):
    net = state.network()
    ref = parameter_choice(net, t("landscape.parameter"), "landscape_ref")
    learning_rate = float(st.session_state[state.LEARNING_RATE])
    low, high = default_window(net, X, Y, ref)
    values = np.linspace(low, high, 161)
    losses = loss_along(net, X, Y, ref, values)
    current = parameter_value(net, ref)
    current_loss = float(loss_along(net, X, Y, ref, [current])[0])
    gradient = gradient_of(net, X, Y, ref)
    st.latex(rf"\frac{{\partial E}}{{\partial {ref.symbol}}} = {latex_number(gradient)},\qquad "
             rf"{ref.symbol} - \eta \frac{{\partial E}}{{\partial {ref.symbol}}} = {latex_number(current)} - "
             rf"{paren(learning_rate)} \cdot {paren(gradient)} = {latex_number(current - learning_rate * gradient)}")
    charts.show(viz.one_weight_figure(values, losses, current, current_loss, gradient, learning_rate, ref.label,
                                      text=catalogue()), key="landscape_one")
    table_values = [current + offset for offset in TABLE_OFFSETS if abs(current + offset) <= MAX_PARAMETER_MAGNITUDE]
    table = pd.DataFrame({t("landscape.value"): table_values,
                          t("landscape.loss"): loss_along(net, X, Y, ref, table_values)})
    st.caption(t("landscape.table_help", name=ref.label))
    st.dataframe(table, hide_index=True, width="content")


def two_parameters(X, Y):
    net = state.network()
    left, right = st.columns(2)
    with left:
        ref_x = parameter_choice(net, t("landscape.parameter_x"), "landscape_x", 0)
    with right:
        ref_y = parameter_choice(net, t("landscape.parameter_y"), "landscape_y", 1)
    if ref_x == ref_y:
        st.warning(t("landscape.same_parameter"))
        return
    columns = st.columns(3)
    steps = int(columns[0].number_input(t("landscape.steps"), 1, 500, 30, key="landscape_steps"))
    learning_rate = float(columns[1].number_input(t("landscape.learning_rate"), LEAST_LEARNING_RATE, MAX_LEARNING_RATE,
                                                  float(st.session_state[state.LEARNING_RATE]), 0.1,
                                                  format="%.4g", key="landscape_lr"))
    resolution = int(columns[2].select_slider(t("landscape.resolution"), (20, 30, 40, 60), 40,
                                              key="landscape_resolution"))
    path = descent_path(net, X, Y, [ref_x, ref_y], learning_rate, steps)
    windows = [default_window(net, X, Y, ref) for ref in (ref_x, ref_y)]
    xs = np.linspace(min(windows[0][0], path[:, 0].min()), max(windows[0][1], path[:, 0].max()), resolution)
    ys = np.linspace(min(windows[1][0], path[:, 1].min()), max(windows[1][1], path[:, 1].max()), resolution)
    grid = loss_grid(net, X, Y, ref_x, ref_y, xs, ys)
    charts.show(viz.contour_figure(xs, ys, grid, path, (ref_x.label, ref_y.label), text=catalogue()),
                key="landscape_contour")


def check_view(X, Y):
    mistake = st.selectbox(t("gradcheck.mistake"), tuple(MISTAKES), key="gradcheck_mistake",
                           format_func=lambda m: t(f"gradcheck.mistake.{m}"))
    st.caption(t(f"gradcheck.mistake.{mistake}.about"))
    try:
        report = gradient_check(state.network(), X, Y, mistake=mistake,
                                learning_rate=float(st.session_state[state.LEARNING_RATE]))
    except NetworkError as error:
        st.error(t("gradcheck.cannot", message=error_text(error)))
        return
    getattr(st, {"pass": "success", "warn": "warning", "fail": "error"}[report.verdict])(
        t(f"gradcheck.verdict.{report.verdict}", error=f"{report.max_relative_error:.2e}"))
    charts.show(viz.gradcheck_figure(report, text=catalogue()), key="gradcheck_figure")
    rows = [(row.ref.label, row.analytic, row.numerical, row.relative_error) for row in report.rows]
    st.dataframe(pd.DataFrame(rows, columns=[t("gradcheck.parameter"), t("gradcheck.analytic"),
                                             t("gradcheck.numerical"), t("gradcheck.relative_error")]),
                 hide_index=True, width="stretch")
