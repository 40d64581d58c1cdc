"""Readouts under the Step page's diagram: the neuron inspector (each number as
formula → numbers → result), the layer's matrix view, the animation of the
whole pass, and what the update changed."""
import numpy as np
import pandas as pd
import streamlit as st

from bpviz import viz
from bpviz.engine import available_quantities, explain
from bpviz.ui import charts, quiz, state
from bpviz.ui.i18n import catalogue, t


VIEWS = ("neuron", "matrix", "animation", "update")


def tabs(step):
    """One readout at a time, chosen like a tab: only the chosen one is computed, which
    keeps every click of the Step page cheap on a shared server."""
    views = tuple(v for v in VIEWS if not (v == "animation" and quiz.active()))   # it shows the whole pass
    view = st.segmented_control(t("inspect.view"), views, default="neuron", key="step_view",
                                format_func=lambda v: t(f"inspect.tab.{v}"), label_visibility="collapsed")
    if view == "matrix":
        matrix_view(step)
    elif view == "animation":
        charts.show(viz.animation_figure(step.network, step.X, step.Y, step.learning_rate,
                                         update_biases=step.update_biases, text=catalogue()),
                    key="step_animation")
    elif view == "update":
        update_view(step)
    else:   # a click on the selected view again clears it: fall back to the inspector
        neuron_inspector(step)


def _neuron_choice(net):
    neurons = [(layer, j) for layer in range(len(net.sizes)) for j in range(net.sizes[layer])]
    selected = st.session_state.get(state.SELECTED)
    default = selected if selected in neurons else (len(net.sizes) - 1, 0)
    chosen = st.selectbox(t("inspect.neuron"), neurons, index=neurons.index(default),
                          format_func=lambda n: t("inspect.neuron_name", layer=n[0], j=n[1]))
    st.session_state[state.SELECTED] = chosen
    return chosen


def show_explanation(explanation):
    """One number: its name, the formula in symbols, then with the numbers and the result."""
    st.markdown(f"**{t('quantity.' + explanation.kind)}**")
    st.latex(explanation.formula)
    st.latex(explanation.substituted + " " + explanation.result)


def neuron_inspector(step):
    st.caption(t("inspect.click_hint"))
    layer, j = _neuron_choice(step.network)
    quantities = available_quantities(step, layer, j)
    if not quantities:
        st.info(t("inspect.nothing_yet"))
        return
    per_weight = {"weight_grad", "new_weight"}
    for quantity in quantities:
        if quantity not in per_weight:
            show_explanation(explain(step, quantity, layer, j))
            if quantity == "new_bias" and not step.update_biases:
                st.caption(t("inspect.biases_kept"))
    for quantity in per_weight.intersection(quantities):
        with st.expander(t(f"inspect.incoming.{quantity}", count=step.network.sizes[layer - 1]), expanded=True):
            for k in range(step.network.sizes[layer - 1]):
                show_explanation(explain(step, quantity, layer, j, k))


def matrix_view(step):
    layer = st.session_state.get(state.SELECTED, (step.output_layer, 0))[0] or 1
    st.caption(t("inspect.matrix_help", layer=layer))
    charts.show(viz.matrix_figure(step, layer, text=catalogue()), key="step_matrix")


def update_view(step):
    """Old → new parameters and the loss on this example before and after."""
    last = st.session_state.get(state.LAST_UPDATE)
    if step.updated is not None:
        old, new = step.network, step.updated
        st.info(t("inspect.update_preview"))
    elif last is not None:
        old, new = last["old"], last["new"]
        st.success(t("inspect.update_done", before=f"{last['loss_before']:.9g}",
                     after=f"{last['loss_after']:.9g}"))
    else:
        st.info(t("inspect.update_none"))
        return
    st.dataframe(parameter_changes(old, new), hide_index=True, width="stretch")


def parameter_changes(old, new):
    """A row per parameter: name, old value, new value, change."""
    rows = []
    for l in range(len(old.weights)):
        for (j, k), value in np.ndenumerate(old.weights[l]):
            rows.append((f"w({l + 1})[{j},{k}]", value, new.weights[l][j, k]))
        for j, value in enumerate(old.biases[l]):
            rows.append((f"b({l + 1})[{j}]", value, new.biases[l][j]))
    frame = pd.DataFrame(rows, columns=[t("inspect.parameter"), t("inspect.old"), t("inspect.new")])
    frame[t("inspect.change")] = frame[t("inspect.new")] - frame[t("inspect.old")]
    return frame
