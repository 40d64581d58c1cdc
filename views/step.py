"""Step: one forward pass, the loss, one backward pass and the update, a step at a time."""
import streamlit as st

from bpviz.ui import address, quiz, state, step_controls
from bpviz.ui.i18n import t

st.title(t("step.title"))
st.caption(t("step.intro"))
state.show_notice()
step_controls.settings()


@st.fragment
def stepper():
    """Buttons, diagram and readouts: a click reruns only this fragment."""
    steps = step_controls.current_steps()
    if steps is None:
        return
    quiz.panel(steps)   # quiz mode: asks before the next step, and holds the position until the learner tried
    step = step_controls.buttons(steps)
    step_controls.step_view(step, len(steps))
    address.write()   # a fragment rerun skips app.py's write: keep the step and an applied update


stepper()
