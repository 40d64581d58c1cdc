"""The Step page's pieces: settings, the room for the diagram with its switches and Apply update.

The pass is recomputed from (network, example, learning rate, granularity) on
each run of the Step page's fragment (views/step.py) — one forward and one backward
pass, well under a millisecond — but not for a position change, which reruns only
the page's small fragment that writes the address; the position in it is the only
thing kept: `state.STEP_INDEX`, which follows the diagram (bpviz/ui/step/diagram.py),
where the stepping happens.
"""
import numpy as np
import streamlit as st

from bpviz.engine import (
    LEAST_LEARNING_RATE,
    MAX_LEARNING_RATE,
    MAX_PENALTY,
    loss_value,
    penalty_value,
)
from bpviz.ui import address, frame, lesson
from bpviz.ui.i18n import t
from bpviz.ui.session import state
from bpviz.ui.step import batch, diagram, quiz
from bpviz.ui.strings import Message
from bpviz.viz import labelling

MOTION_SWITCH = "step_animate"


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
    batch.settings(quiz.active())
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
    penalty_settings()


def penalty_settings():
    """The L1 and L2 penalty λ₁, λ₂ (0 to 1; 0 and 0: plain gradient descent)."""
    l1_column, l2_column, _ = st.columns(3)
    l1, l2 = state.step_penalty()
    chosen = [column.number_input(t(f"step.{name}"), 0.0, MAX_PENALTY, value, step=0.001, format="%.4g",
                                  key=f"step_{name}", help=t(f"step.{name}_help"))
              for column, name, value in ((l1_column, "l1", l1), (l2_column, "l2", l2))]
    state.set_step_settings(state.learning_rate(), state.update_biases(), chosen)


def _apply_update(step):
    """Commit the update: the session's network becomes the updated one."""
    source = step.batch or step   # the batch stepped example by example, or the example
    before = step.gradients.loss   # E: the mean loss plus the penalty
    after = loss_value(step.updated, source.X, source.Y) + penalty_value(step.updated.weights, step.l1, step.l2)
    state.set_last_update({"old": step.network, "new": step.updated, "loss_before": before, "loss_after": after})
    state.set_network(step.updated)
    state.notify("success", Message("step.update_applied", {"before": f"{before:.9g}", "after": f"{after:.9g}"}))


def position(steps):
    """The step on show: the session's position (the diagram's last report, or where the
    server moved it), within the pass."""
    return steps[min(state.step_index(), len(steps) - 1)]   # state keeps it ≥ 0


def display_options(steps):
    """Apply update, and the diagram's switches: tutorial names (2-2-2 networks; on by default,
    lesson.py), z on the diagram, motion. Returns (names, show_z, animate): `names` the
    notation on show (a Names)."""
    net = steps[0].network
    row = st.container(horizontal=True, gap="medium", key="step_display", vertical_alignment="center")
    locked = lesson.locked(steps)   # quiz mode: the new weights come after the pass's questions
    row.button(t("step.apply_update"), key="step_apply", on_click=_apply_update, args=(steps[-1],),
               icon=":material/lock:" if locked else ":material/check:", disabled=locked,
               help=t("lock.why.update") + " " + t("lock.unlock", done=lesson.progress(steps)[0],
                                                      total=len(steps) - 1) if locked else t("step.apply_update_help"))
    lesson.names_switch(row, key="step_tutorial_names")
    names = lesson.names(net)
    show_z = row.toggle(t("step.show_z"), key="step_show_z")
    state.set_widget_value(MOTION_SWITCH, bool(lesson.setting("motion")))
    animate = row.toggle(t("step.animate"), key=MOTION_SWITCH, help=t("step.animate_help"), on_change=_store_motion)
    return names, show_z, animate


def _store_motion():
    lesson.set_setting("motion", bool(state.widget_value(MOTION_SWITCH)))


def step_view(steps, revealed, question=None, reporting=None):
    """The diagram (it steps by itself in the browser), its switches and the caption for big
    networks; `reporting`: how the diagram tells the server its position (readouts.reporting).
    Returns the notation on show (a Names: the readouts use it too)."""
    diagram_box = st.container()
    names, show_z, animate = display_options(steps)
    frame.show_notice()       # below the diagram: a message must not push the diagram down
    fits = labelling(steps[0].network.sizes)
    if not fits.complete:
        st.caption(t("step.diagram_fallback", shown=fits.edges, total=fits.total) if fits.edges
                   else t("step.diagram_fallback_hover", total=fits.total))
    with diagram_box:
        diagram.show(steps, revealed, names=names, show_z=show_z, animate=animate, question=question,
                     reporting=reporting)
    return names


def _vector(values):
    return "(" + ", ".join(f"{v:.6g}" for v in np.ravel(values)) + ")"
