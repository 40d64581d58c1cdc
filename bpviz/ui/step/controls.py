"""The Step page's pieces: settings, the diagram with its switches and Apply update.

The pass is recomputed from (network, example, learning rate, granularity) on
each rerun — one forward and one backward pass, well under a millisecond — and
the position in it is the only thing kept: `state.STEP_INDEX`, which follows the
diagram (bpviz/ui/step/diagram.py), where the stepping happens.
"""
import numpy as np
import streamlit as st

from bpviz.engine import LEAST_LEARNING_RATE, MAX_LEARNING_RATE, NetworkError, loss_value, step_sequence
from bpviz.ui import address, frame, state
from bpviz.ui.i18n import error_text, t
from bpviz.ui.step import diagram
from bpviz.ui.strings import Message
from bpviz.viz import labelling, tutorial_names_fit


def settings():
    """The example on show, and the learning rate, granularity and bias switch.

    A classroom link may hide the learning rate and bias switch: then they are
    shown as text and keep the link's values."""
    x, y = state.example()
    st.markdown(t("step.example", x=_vector(x), y=_vector(y)))
    lr_column, granularity_column, bias_column = st.columns(3)
    granularity = granularity_column.radio(
        t("step.granularity"), ("layer", "pass"), horizontal=True, key="step_granularity",
        index=("layer", "pass").index(state.granularity()),
        format_func=lambda g: t(f"step.granularity.{g}"))
    if granularity != state.granularity():
        state.set_granularity(granularity)
        state.restart_steps()
    if not address.visible("learning_rate"):
        lr_column.markdown(t("step.fixed_settings", learning_rate=f"{state.learning_rate():.4g}",
                             biases=t("step.biases_updated" if state.update_biases()
                                      else "step.biases_kept")))
        return
    learning_rate = lr_column.number_input(
        t("step.learning_rate"), min_value=LEAST_LEARNING_RATE, max_value=MAX_LEARNING_RATE,
        value=state.learning_rate(), step=0.1, format="%.4g", key="step_lr",
        help=t("step.learning_rate_help"))
    update_biases = bias_column.checkbox(t("step.update_biases"), value=state.update_biases(),
                                         key="step_update_biases")
    state.set_step_settings(learning_rate, update_biases)


def current_steps():
    """The whole pass as steps, or None (with the reason shown) if it cannot be computed."""
    x, y = state.example()
    try:
        return step_sequence(state.network(), x, y, state.learning_rate(), state.granularity(),
                             state.update_biases())
    except NetworkError as error:
        st.error(t("step.cannot_step", message=error_text(error)))
        return None


def _apply_update(step):
    """Commit the update: the session's network becomes the updated one."""
    x, y = state.example()
    before, after = step.gradients.loss, loss_value(step.updated, x, y)
    state.set_last_update({"old": step.network, "new": step.updated, "loss_before": before, "loss_after": after})
    state.set_network(step.updated)
    state.notify("success", Message("step.update_applied", {"before": f"{before:.9g}", "after": f"{after:.9g}"}))


def position(steps):
    """The step on show: the session's position (the diagram's last report, or where the
    server moved it), within the pass."""
    return steps[min(state.step_index(), len(steps) - 1)]   # state keeps it ≥ 0


def display_options(steps):
    """Apply update, and the diagram's switches: tutorial names (2-2-2 networks; on by default
    for the worked example), z on the diagram, motion. Returns (tutorial_names, show_z, animate)."""
    net = steps[0].network
    row = st.container(horizontal=True, gap="medium", key="step_display", vertical_alignment="center")
    row.button(t("step.apply_update"), key="step_apply", on_click=_apply_update, args=(steps[-1],),
               icon=":material/check:", help=t("step.apply_update_help"))
    tutorial = False
    if tutorial_names_fit(net.sizes):
        state.set_widget_default("step_tutorial_names", state.preset_name() == "worked_example")
        tutorial = row.toggle(t("step.tutorial_names"), key="step_tutorial_names", help=t("step.tutorial_names_help"))
    show_z = row.toggle(t("step.show_z"), key="step_show_z")
    animate = row.toggle(t("step.animate"), value=True, key="step_animate", help=t("step.animate_help"))
    return tutorial, show_z, animate


def step_view(steps, revealed, question=None):
    """The diagram (it steps by itself in the browser), its switches and the caption for big
    networks. Returns whether tutorial names are on (the readouts use them too)."""
    diagram_box = st.container()
    tutorial, show_z, animate = display_options(steps)
    frame.show_notice()       # below the diagram: a message must not push the diagram down
    fits = labelling(steps[0].network.sizes)
    if not fits.complete:
        st.caption(t("step.diagram_fallback", shown=fits.edges, total=fits.total) if fits.edges
                   else t("step.diagram_fallback_hover", total=fits.total))
    with diagram_box:
        diagram.show(steps, revealed, tutorial_names=tutorial, show_z=show_z, animate=animate, question=question)
    return tutorial


def _vector(values):
    return "(" + ", ".join(f"{v:.6g}" for v in np.ravel(values)) + ")"
