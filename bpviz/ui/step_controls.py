"""The Step page's pieces: settings, step buttons, the diagram and its readouts.

The pass is recomputed from (network, example, learning rate, granularity) on
each rerun — one forward and one backward pass, well under a millisecond — and
the position in it is the only thing kept: `state.STEP_INDEX`.
"""
import numpy as np
import streamlit as st

from bpviz.engine import MAX_LEARNING_RATE, NetworkError, loss_value, step_sequence
from bpviz.engine.limits import LEAST_LEARNING_RATE
from bpviz.ui import charts, inspector, links, state
from bpviz.ui.i18n import error_text, t

NODE_CHOICES = ("auto", "a", "z", "delta")
EDGE_CHOICES = ("auto", "weight", "grad")


def settings():
    """The example on show, and the learning rate, granularity and bias switch.

    A classroom link may hide the learning rate and bias switch: then they are
    shown as text and keep the link's values."""
    x, y = state.example()
    st.markdown(t("step.example", x=_vector(x), y=_vector(y)))
    lr_column, granularity_column, bias_column = st.columns(3)
    granularity = granularity_column.radio(
        t("step.granularity"), ("layer", "pass"), horizontal=True, key="step_granularity",
        index=("layer", "pass").index(st.session_state[state.GRANULARITY]),
        format_func=lambda g: t(f"step.granularity.{g}"))
    if granularity != st.session_state[state.GRANULARITY]:
        st.session_state[state.GRANULARITY] = granularity
        state.restart_steps()
    if not links.visible("learning_rate"):
        lr_column.markdown(t("step.fixed_settings", learning_rate=f"{st.session_state[state.LEARNING_RATE]:.4g}",
                             biases=t("step.biases_updated" if st.session_state[state.UPDATE_BIASES]
                                      else "step.biases_kept")))
        return
    learning_rate = lr_column.number_input(
        t("step.learning_rate"), min_value=LEAST_LEARNING_RATE, max_value=MAX_LEARNING_RATE,
        value=float(st.session_state[state.LEARNING_RATE]), step=0.1, format="%.4g", key="step_lr",
        help=t("step.learning_rate_help"))
    update_biases = bias_column.checkbox(t("step.update_biases"), value=st.session_state[state.UPDATE_BIASES],
                                         key="step_update_biases")
    st.session_state[state.LEARNING_RATE] = float(learning_rate)
    st.session_state[state.UPDATE_BIASES] = bool(update_biases)


def current_steps():
    """The whole pass as steps, or None (with the reason shown) if it cannot be computed."""
    x, y = state.example()
    try:
        return step_sequence(state.network(), x, y, st.session_state[state.LEARNING_RATE],
                             st.session_state[state.GRANULARITY], st.session_state[state.UPDATE_BIASES])
    except NetworkError as error:
        st.error(t("step.cannot_step", message=error_text(error)))
        return None


def _go(index):
    st.session_state[state.STEP_INDEX] = index


def _apply_update(step):
    """Commit the update: the session's network becomes the updated one."""
    x, y = state.example()
    before, after = step.gradients.loss, loss_value(step.updated, x, y)
    st.session_state[state.LAST_UPDATE] = {"old": step.network, "new": step.updated,
                                           "loss_before": before, "loss_after": after}
    state.set_network(step.updated)
    state.notify("success", t("step.update_applied", before=f"{before:.9g}", after=f"{after:.9g}"))


def buttons(steps):
    """The step buttons; returns the step to show."""
    last = len(steps) - 1
    index = min(max(int(st.session_state.get(state.STEP_INDEX, 0)), 0), last)
    phases = [s.phase for s in steps]
    loss_index, backward_end = phases.index("loss"), last - 1
    columns = st.columns(6)
    columns[0].button(t("step.reset"), key="step_reset", on_click=_go, args=(0,), icon=":material/first_page:",
                      disabled=index == 0, width="stretch")
    columns[1].button(t("step.previous"), key="step_prev", on_click=_go, args=(index - 1,),
                      icon=":material/chevron_left:", disabled=index == 0, width="stretch")
    columns[2].button(t("step.next"), key="step_next", on_click=_go, args=(index + 1,), type="primary",
                      icon=":material/chevron_right:", disabled=index == last, width="stretch")
    columns[3].button(t("step.forward_pass"), key="step_forward", on_click=_go, args=(loss_index,),
                      icon=":material/fast_forward:", disabled=index >= loss_index, width="stretch")
    columns[4].button(t("step.backward_pass"), key="step_backward", on_click=_go, args=(backward_end,),
                      icon=":material/fast_rewind:", disabled=index >= backward_end, width="stretch")
    columns[5].button(t("step.apply_update"), key="step_apply", on_click=_apply_update, args=(steps[-1],),
                      icon=":material/check:", width="stretch", help=t("step.apply_update_help"))
    state.show_notice()
    return steps[index]


def step_view(step, count):
    """Where we are, the diagram of what is known, and the readouts."""
    st.progress((step.index + 1) / count, text=t("step.position", number=step.index + 1, count=count,
                                                   label=_step_label(step)))
    st.caption(t(f"step.explain.{step.phase}"))
    node_column, edge_column, loss_column = st.columns(3)
    node_choice = node_column.selectbox(t("step.node_quantity"), NODE_CHOICES, key="step_node_quantity",
                                        format_func=lambda q: t(f"quantity.choice.{q}"))
    edge_choice = edge_column.selectbox(t("step.edge_quantity"), EDGE_CHOICES, key="step_edge_quantity",
                                        format_func=lambda q: t(f"edge.choice.{q}"))
    loss_column.metric(t("step.loss"), "?" if step.loss is None else f"{step.loss:.9g}")
    backward = step.phase in ("backward", "update")
    node_quantity = ("delta" if backward else "a") if node_choice == "auto" else node_choice
    edge_quantity = ("grad" if backward else "weight") if edge_choice == "auto" else edge_choice
    charts.network_diagram(step, key="step_diagram", node_quantity=node_quantity, edge_quantity=edge_quantity)
    inspector.tabs(step)


def _step_label(step):
    phase = t(f"phase.{step.phase}")
    return phase if step.layer is None else t("step.phase_layer", phase=phase, layer=step.layer)


def _vector(values):
    return "(" + ", ".join(f"{v:.6g}" for v in np.ravel(values)) + ")"
