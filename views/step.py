"""Step: one forward pass, the loss, one backward pass and the update, a step at a time."""
import streamlit as st

from bpviz.ui import address, quiz, state, step_controls
from bpviz.ui.i18n import t

# less room above the title than Streamlit's default 6 rem: the diagram needs the height
st.html("<style>.stMainBlockContainer { padding-top: 2.5rem; }</style>")
st.title(t("step.title"))
state.show_notice()
hero = st.container()          # the buttons and the diagram first, on screen without scrolling
with st.expander(t("step.settings")):
    step_controls.settings()   # runs before the stepper, so a changed setting is used at once
st.caption(t("step.intro"))


@st.fragment
def stepper():
    """Buttons, diagram and readouts: a click reruns only this fragment."""
    steps = step_controls.current_steps()
    if steps is None:
        return
    quiz.panel(steps)   # quiz mode: asks before the next step, and holds the position until the learner tried
    step = step_controls.buttons(steps)
    step_controls.step_view(step, len(steps), steps[step.index + 1] if step.index + 1 < len(steps) else None)
    address.write()   # a fragment rerun skips app.py's write: keep the step and an applied update


with hero:
    stepper()
