"""The Landscape page: which data, which parameters, and the figures (the loss against
one parameter, and over two with a descent path). The data are the stepping example or
the Train page's data set (`data_choice`, which the Gradient-check page uses too).

Each view asks the work budget how much it may compute for the network and data
(curve values, grid points, path steps, check rows), says so when the bound bites,
and remembers its result per session, so reruns recompute nothing. A big curve or grid
(on the Train data) waits its turn in the server's queue of heavy jobs
(`job_queue.remembered`) while the page shows its place."""
import numpy as np
import pandas as pd
import streamlit as st

from bpviz import viz
from bpviz.engine import (
    LEAST_LEARNING_RATE,
    MAX_LEARNING_RATE,
    MAX_PARAMETER_MAGNITUDE,
    MAX_PATH_STEPS,
    WORK_BUDGET,
    NetworkError,
    budget,
    default_parameter,
    default_window,
    fits,
    latex_number,
    parameter_refs,
    parameter_value,
    paren,
)
from bpviz.jobs import curve_work, landscape_curve, landscape_grid, landscape_work
from bpviz.ui import charts, job_queue, lesson
from bpviz.ui.i18n import catalogue, t
from bpviz.ui.session import state
from bpviz.ui.train import data as train_data

TABLE_OFFSETS = (-1.0, -0.5, -0.1, 0.0, 0.1, 0.5, 1.0)   # the seed article's few values around w
CURVE_POINTS = 161
RESOLUTIONS = (10, 20, 30, 40, 60)
VIEWS = ("one", "two")


def data_choice(key):
    """(X, Y, description): the stepping example, or the training data if they fit."""
    net, data = state.network(), train_data.current()
    if fits(net, data.train.X, data.train.Y):
        choice = st.radio(t("landscape.data"), ("example", "training"), horizontal=True, key=key,
                          format_func=lambda c: t(f"landscape.data.{c}", label=data.label))
    else:   # one choice: say it, no radio
        choice = "example"
        st.caption(f'{t("landscape.data")}: {t("landscape.data.example")}')
    if choice == "training":
        return data.train.X, data.train.Y
    x, y = state.example()
    return x.reshape(1, -1), y.reshape(1, -1)


def parameter_choice(net, label, key, default=0):
    refs, names = parameter_refs(net), lesson.names(net)
    index = st.selectbox(label, range(len(refs)), index=min(default, len(refs) - 1), key=key,
                         format_func=lambda i: f"{names.parameter_text(refs[i])} = {parameter_value(net, refs[i]):.4g}")
    return refs[index]


def view_choice():
    """Which view to compute: only the one on show (tabs would compute both)."""
    return st.radio(t("landscape.view"), VIEWS, horizontal=True, key="landscape_view",
                    format_func=lambda v: t(f"landscape.{v}"))


def one_parameter(X, Y):
    net = state.network()
    try:   # opens on the weight with the steepest gradient (the first one if the loss is undefined)
        first = parameter_refs(net).index(default_parameter(net, X, Y))
    except NetworkError:
        first = 0
    ref = parameter_choice(net, t("landscape.parameter"), "landscape_ref", first)
    learning_rate = state.learning_rate()
    most = budget.max_points(net.sizes, len(X))
    points = min(CURVE_POINTS, most - len(TABLE_OFFSETS) - 1)
    if points < CURVE_POINTS:
        st.caption(t("landscape.points_bound", points=points, rows=len(X)))
    current = parameter_value(net, ref)
    low, high = default_window(net, X, Y, ref)
    table_values = [current + offset for offset in TABLE_OFFSETS if abs(current + offset) <= MAX_PARAMETER_MAGNITUDE]
    values = np.concatenate([np.linspace(low, high, points), [current], table_values])

    # one loss_along call: the curve, the current value and the table; on big data it
    # waits its turn in the queue of heavy jobs, the parameter's choice still on the page
    computed = job_queue.remembered("landscape_one", (net, X, Y, ref, points), landscape_curve,
                                    (net, X, Y, ref, values), curve_work(net, len(X), len(values)))
    if computed is None:
        return
    losses, gradient = computed
    current_loss, table_losses = float(losses[points]), losses[points + 1:]
    names = lesson.names(net)
    symbol, name = names.parameter(ref), names.parameter_text(ref)
    st.latex(rf"\frac{{\partial E}}{{\partial {symbol}}} = {latex_number(gradient)},\qquad "
             rf"{symbol} - \eta \frac{{\partial E}}{{\partial {symbol}}} = {latex_number(current)} - "
             rf"{paren(learning_rate)} \cdot {paren(gradient)} = {latex_number(current - learning_rate * gradient)}")
    charts.show(viz.one_weight_figure(values[:points], losses[:points], current, current_loss, gradient,
                                      learning_rate, name, text=catalogue()), key="landscape_one")
    table = pd.DataFrame({t("landscape.value"): values[points + 1:], t("landscape.loss"): table_losses})
    st.caption(t("landscape.table_help", name=name))
    st.dataframe(table, hide_index=True, width="content")


def grid_bounds(net, rows):
    """(most grid points per axis, most path steps): half the work budget each."""
    half = WORK_BUDGET // 2
    return (budget.max_grid_side(net.sizes, rows, half),
            min(MAX_PATH_STEPS, budget.max_path_steps(net.sizes, rows, half)))


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
    most_side, most_steps = grid_bounds(net, len(X))
    resolutions = tuple(r for r in RESOLUTIONS if r <= most_side) or (max(2, most_side),)
    columns = st.columns(3)
    state.set_widget_value("landscape_steps", min(state.widget_value("landscape_steps", 30), most_steps))
    steps = int(columns[0].number_input(t("landscape.steps"), 1, most_steps, key="landscape_steps"))
    if state.fixed("learning_rate"):   # a classroom link hides η: the session's own, shown
        learning_rate = state.learning_rate()
        columns[1].markdown(t("train.fixed_learning_rate", learning_rate=f"{learning_rate:.4g}"))
    else:
        learning_rate = float(columns[1].number_input(t("landscape.learning_rate"), LEAST_LEARNING_RATE,
                                                      MAX_LEARNING_RATE, state.learning_rate(), 0.1,
                                                      format="%.4g", key="landscape_lr"))
    if state.widget_value("landscape_resolution") not in resolutions:
        state.set_widget_value("landscape_resolution", 40 if 40 in resolutions else resolutions[-1])
    resolution = (int(columns[2].select_slider(t("landscape.resolution"), resolutions, key="landscape_resolution"))
                  if len(resolutions) > 1 else resolutions[0])
    if most_side < RESOLUTIONS[-1] or most_steps < MAX_PATH_STEPS:
        st.caption(t("landscape.grid_bound", most=most_side, steps=most_steps, count=net.parameter_count,
                     rows=len(X)))

    settings = (net, X, Y, ref_x, ref_y, learning_rate, steps, resolution)
    computed = job_queue.remembered("landscape_two", settings, landscape_grid, settings,
                                    landscape_work(net, len(X), steps, resolution))
    if computed is None:   # waiting in the queue: its place is on the page
        return
    path, xs, ys, grid = computed
    names = lesson.names(net)
    charts.show(viz.contour_figure(xs, ys, grid, path, (names.parameter_text(ref_x), names.parameter_text(ref_y)),
                                   text=catalogue()),
                key="landscape_contour")
