"""Step: one forward pass, the loss, one backward pass and the update, a step at a time."""
import streamlit as st

from bpviz.ui import frame
from bpviz.ui.i18n import t
from bpviz.ui.step import controls as step_controls
from bpviz.ui.step import quiz

# less room above the title than Streamlit's default 6 rem: the diagram needs the height
st.html("<style>.stMainBlockContainer { padding-top: 2.5rem; }</style>")
# Quiz mode: the question card in a column beside the diagram, which keeps 4-digit labels
# (≥ 600 px, bpviz.viz.step_diagram.NARROW: the page's side margins shrink to make room).
# On a phone the two stack, and the diagram's column is unwrapped so that the card comes
# right after the diagram, before the readouts.
QUIZ_CARD_PX = 290
st.html("""<style>
@media (min-width: 641px) {
  .stMainBlockContainer:has(.st-key-quiz_layout) { padding-left: 1.5rem; padding-right: 1.5rem; }
}
@media (max-width: 640px) {
  .st-key-quiz_layout { flex-direction: column; flex-wrap: nowrap; align-items: stretch; gap: 1rem; }
  .st-key-quiz_layout > :has(> .st-key-quiz_column) { width: 100% !important; order: 1; }
  .st-key-quiz_layout > :has(> .st-key-quiz_view), .st-key-quiz_view { display: contents; }
  .st-key-quiz_view > :has(.st-key-step_diagram) ~ * { order: 2; }
}</style>""")
st.title(t("step.title"))
frame.show_notice()
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
    quiz.switch()
    buttons = st.container()
    if quiz.active():
        # the question beside the diagram (below it on a phone, where columns stack): the buttons and
        # the network come first, and the card asking about it stays in sight
        row = st.container(horizontal=True, gap="medium", key="quiz_layout")
        view, card = row.container(key="quiz_view"), row.container(width=QUIZ_CARD_PX, key="quiz_column")
        quiz.panel(steps, card)   # before the buttons: holds the position until the learner tried
    else:
        view = st.container()
    with buttons:
        step = step_controls.buttons(steps)
    with view:
        step_controls.step_view(step, len(steps), steps[step.index + 1] if step.index + 1 < len(steps) else None)
    frame.end()   # a fragment rerun skips app.py's end: keep the step and an applied update


with hero:
    stepper()
