"""Readouts under the Step page's diagram: the neuron inspector (each number as
formula → numbers → result, and for a hidden layer why its δ shrinks), the layer's
matrix view, what the update changed (the pass itself plays in the diagram), and
the pass as PyTorch and NumPy code."""
import numpy as np
import pandas as pd
import streamlit as st

from bpviz import viz
from bpviz.engine import (
    LAYER_NAMES,
    available_quantities,
    delta_shrink,
    delta_shrink_bound,
    delta_shrink_total,
    explain,
)
from bpviz.ui import charts, lesson
from bpviz.ui.i18n import catalogue, t
from bpviz.ui.session import state
from bpviz.ui.step.code import code_panel

VIEWS = lesson.VIEWS
NEURON_CHOICE = "inspect_neuron"     # the drop-down's own key
VIEW_CHOICE = "step_view"            # the readout picker's own key (its choice is kept as lesson.setting("view"))


def _store_view():
    lesson.set_setting("view", state.widget_value(VIEW_CHOICE) or "neuron")


def picker(net, names=LAYER_NAMES):
    """The readout picker, chosen like a tab (its choice is kept as lesson.setting("view")),
    and for the neuron inspector the neuron's drop-down. Neither depends on the position: they
    stay outside the part that follows it (views/step.py), and a position change redraws
    neither."""
    state.set_widget_value(VIEW_CHOICE, chosen_view())
    view = st.segmented_control(t("inspect.view"), VIEWS, key=VIEW_CHOICE, on_change=_store_view,
                                format_func=lambda v: t(f"inspect.tab.{v}"), label_visibility="collapsed")
    if view == "matrix":
        st.caption(t("inspect.matrix_below"))
    elif view not in ("code", "update"):
        st.caption(t("inspect.click_hint"))
        _neuron_choice(net, names)


def chosen_view():
    """The readout chosen in the picker (kept as lesson.setting("view")), "neuron" when none is."""
    chosen = lesson.setting("view")
    return chosen if chosen in VIEWS else "neuron"


def wide_view():
    """Whether the chosen readout needs the page's width (the matrix view: a layer's matrices
    side by side), drawn under the diagram rather than beside it."""
    return chosen_view() == "matrix"


def readout(step, names=LAYER_NAMES, key=""):
    """The chosen readout of `step`: only the chosen one is computed, which keeps every click
    of the Step page cheap on a shared server. `names`: the notation; `key`: told apart from
    the same readout of another step on the page (step/readouts.py)."""
    view = state.widget_value(VIEW_CHOICE)   # the picker's, drawn before this
    if view == "matrix":
        matrix_view(step, names, key)
    elif view == "code":
        code_panel(step, names)
    elif view == "update":
        update_view(step, names)
    else:   # a click on the selected view again clears it: fall back to the inspector
        neuron_inspector(step, names)


def _pick_neuron():
    """The drop-down's choice becomes the selection before the rerun draws the diagram, so
    the ring moves with it."""
    state.set_selected_neuron(state.widget_value(NEURON_CHOICE))


def _neuron_choice(net, names=LAYER_NAMES):
    neurons = [(layer, j) for layer in range(len(net.sizes)) for j in range(net.sizes[layer])]
    selected = state.selected_neuron()
    chosen = selected if selected in neurons else (len(net.sizes) - 1, 0)
    state.set_selected_neuron(chosen)
    state.set_widget_value(NEURON_CHOICE, chosen)   # follows a click on the diagram
    st.selectbox(t("inspect.neuron"), neurons, key=NEURON_CHOICE, on_change=_pick_neuron,
                 format_func=lambda n: (f"{names.neuron_text(*n)} · " if names.tutorial else "")
                 + t("inspect.neuron_name", layer=n[0], j=n[1]))
    return chosen


def explanation_text(explanation, caption=None):
    """One number as Markdown: its name (after `caption`, in grey, if given), the formula in
    symbols, then with the numbers and the result, as two display formulas (what st.latex
    sends, `$$…$$`)."""
    name = f"**{t('quantity.' + explanation.kind)}**"
    heading = f":gray[{caption}]  \n{name}" if caption else name
    return f"{heading}\n\n$$\n{explanation.formula}\n$$\n\n$$\n{explanation.numbers_then_result}\n$$"


def show_explanations(texts):
    """Several numbers (explanation_text) in one Markdown element: a position change redraws
    the inspector, and every element is a message the server builds and sends."""
    if texts:
        st.markdown("\n\n".join(texts))


def neuron_inspector(step, names=LAYER_NAMES):
    """Every number of the selected neuron at `step` (the picker's drop-down chose it): those of
    the neuron in one element, those of its incoming weights in another."""
    layer, j = state.selected_neuron(default=(step.output_layer, 0))
    quantities = available_quantities(step, layer, j)
    if not quantities:
        st.info(t("inspect.nothing_yet"))
        return
    per_weight = ("weight_grad", "new_weight")
    texts = [explanation_text(explain(step, quantity, layer, j, names=names))
             for quantity in quantities if quantity not in per_weight]
    show_explanations(texts)
    if "new_bias" in quantities and not step.update_biases:
        st.caption(t("inspect.biases_kept"))
    for quantity in (q for q in quantities if q in per_weight):
        with st.expander(t(f"inspect.incoming.{quantity}", count=step.network.sizes[layer - 1]), expanded=True):
            show_explanations([explanation_text(explain(step, quantity, layer, j, k, names=names),
                                                caption=names.weight_text(layer, j, k))
                               for k in range(step.network.sizes[layer - 1])])
    shrink_explanation(step, layer, names)


def shrink_explanation(step, layer, names=LAYER_NAMES):
    """For a hidden layer whose δ is known: why δ shrinks going back, with this step's numbers."""
    if not 1 <= layer < step.output_layer or step.delta(layer) is None:
        return
    with st.expander(t("inspect.shrink.title", layer=layer)):
        rules = [t("inspect.shrink.rule")]
        if step.network.activations[layer - 1] == "sigmoid":
            rules.append(t("inspect.shrink.sigmoid"))
        shrinks = [delta_shrink(step, layer), delta_shrink_bound(step, layer)]
        if layer < step.output_layer - 1:   # more than one layer back: the factors multiply
            shrinks.append(delta_shrink_total(step, layer))
        show_explanations(rules + [explanation_text(shrink) for shrink in shrinks])


def matrix_view(step, names=LAYER_NAMES, key=""):
    layer = (state.selected_neuron() or (step.output_layer, 0))[0] or 1
    st.caption(t("inspect.matrix_help", layer=layer))
    charts.show(viz.matrix_figure(step, layer, text=catalogue(), names=names), key=f"step_matrix{key}")


def update_view(step, names=LAYER_NAMES):
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
    st.dataframe(parameter_changes(old, new, names), hide_index=True, width="stretch")


SIGNIFICANT = ".9g"      # the update table's digits: 0.35891648, as the tutorial prints them


def parameter_changes(old, new, names=LAYER_NAMES):
    """A row per parameter: name, old value, new value, change, each to 9 significant digits
    (as text, so no display rounds them), named in the notation of `names`."""
    rows = []
    for l in range(len(old.weights)):
        for (j, k), value in np.ndenumerate(old.weights[l]):
            rows.append((names.weight_text(l + 1, j, k), value, new.weights[l][j, k]))
        for j, value in enumerate(old.biases[l]):
            rows.append((names.bias_text(l + 1, j), value, new.biases[l][j]))
    return pd.DataFrame([(name, f"{a:{SIGNIFICANT}}", f"{b:{SIGNIFICANT}}", f"{b - a:{SIGNIFICANT}}")
                         for name, a, b in rows],
                        columns=[t("inspect.parameter"), t("inspect.old"), t("inspect.new"), t("inspect.change")])
