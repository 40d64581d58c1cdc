"""Readouts under the Step page's diagram: the neuron inspector (each number as
formula → numbers → result), the layer's matrix view, and what the update changed
(the pass itself plays in the diagram)."""
import numpy as np
import pandas as pd
import streamlit as st

from bpviz import viz
from bpviz.engine import available_quantities, explain
from bpviz.ui import charts, state
from bpviz.ui.i18n import catalogue, t
from bpviz.viz import parameter_names, tutorial_names_fit, tutorial_neuron

VIEWS = ("neuron", "matrix", "update")
NEURON_CHOICE = "inspect_neuron"     # the drop-down's own key


def tabs(step, tutorial_names=False):
    """One readout at a time, chosen like a tab: only the chosen one is computed, which
    keeps every click of the Step page cheap on a shared server."""
    view = st.segmented_control(t("inspect.view"), VIEWS, default="neuron", key="step_view",
                                format_func=lambda v: t(f"inspect.tab.{v}"), label_visibility="collapsed")
    if view == "matrix":
        matrix_view(step)
    elif view == "update":
        update_view(step, tutorial_names)
    else:   # a click on the selected view again clears it: fall back to the inspector
        neuron_inspector(step, tutorial_names)


def _pick_neuron():
    """The drop-down's choice becomes the selection before the rerun draws the diagram, so
    the ring moves with it."""
    state.set_selected_neuron(state.widget_value(NEURON_CHOICE))


def _neuron_choice(net, tutorial_names=False):
    neurons = [(layer, j) for layer in range(len(net.sizes)) for j in range(net.sizes[layer])]
    selected = state.selected_neuron()
    chosen = selected if selected in neurons else (len(net.sizes) - 1, 0)
    state.set_selected_neuron(chosen)
    state.set_widget_value(NEURON_CHOICE, chosen)   # follows a click on the diagram
    named = tutorial_names and tutorial_names_fit(net.sizes)
    st.selectbox(t("inspect.neuron"), neurons, key=NEURON_CHOICE, on_change=_pick_neuron,
                 format_func=lambda n: (f"{tutorial_neuron(*n)} · " if named else "")
                 + t("inspect.neuron_name", layer=n[0], j=n[1]))
    return chosen


def show_explanation(explanation):
    """One number: its name, the formula in symbols, then with the numbers and the result."""
    st.markdown(f"**{t('quantity.' + explanation.kind)}**")
    st.latex(explanation.formula)
    st.latex(explanation.substituted + " " + explanation.result)


def neuron_inspector(step, tutorial_names=False):
    st.caption(t("inspect.click_hint"))
    layer, j = _neuron_choice(step.network, tutorial_names)
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
            weight_name = parameter_names(step.network.sizes, tutorial_names)[0]
            for k in range(step.network.sizes[layer - 1]):
                if tutorial_names and tutorial_names_fit(step.network.sizes):
                    st.caption(weight_name(layer, j, k))
                show_explanation(explain(step, quantity, layer, j, k))


def matrix_view(step):
    layer = state.selected_neuron((step.output_layer, 0))[0] or 1
    st.caption(t("inspect.matrix_help", layer=layer))
    charts.show(viz.matrix_figure(step, layer, text=catalogue()), key="step_matrix")


def update_view(step, tutorial_names=False):
    """Old → new parameters and the loss on this example before and after."""
    last = state.last_update()
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
    st.dataframe(parameter_changes(old, new, tutorial_names), hide_index=True, width="stretch")


SIGNIFICANT = ".9g"      # the update table's digits: 0.35891648, as the tutorial prints them


def parameter_changes(old, new, tutorial_names=False):
    """A row per parameter: name, old value, new value, change, each to 9 significant digits
    (as text, so no display rounds them); tutorial names (w1…w8, b1, b2) on a 2-2-2 network."""
    weight_name, bias_name = parameter_names(old.sizes, tutorial_names)
    rows = []
    for l in range(len(old.weights)):
        for (j, k), value in np.ndenumerate(old.weights[l]):
            rows.append((weight_name(l + 1, j, k), value, new.weights[l][j, k]))
        for j, value in enumerate(old.biases[l]):
            named = tutorial_names and tutorial_names_fit(old.sizes)   # the tutorial shares b1 by a layer
            rows.append((f"{bias_name(l + 1, j)} ({tutorial_neuron(l + 1, j)})" if named else bias_name(l + 1, j),
                         value, new.biases[l][j]))
    return pd.DataFrame([(name, f"{a:{SIGNIFICANT}}", f"{b:{SIGNIFICANT}}", f"{b - a:{SIGNIFICANT}}")
                         for name, a, b in rows],
                        columns=[t("inspect.parameter"), t("inspect.old"), t("inspect.new"), t("inspect.change")])
