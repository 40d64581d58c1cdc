"""Step: one forward pass, the loss, one backward pass and the update, a step at a time."""
import streamlit as st

from bpviz.ui import address, frame, lesson
from bpviz.ui.i18n import t
from bpviz.ui.session import state
from bpviz.ui.step import controls as step_controls
from bpviz.ui.step import diagram, inspector, quiz

# less room above the title than Streamlit's default 6 rem, and narrower side margins on wide
# screens: the diagram needs the room. Beside the diagram a column for the quiz's card and
# the readouts (the inspector of a clicked neuron stays in sight), in a box of fixed height;
# on a phone the two stack, diagram first, then the card and the readouts. Formulas wrap,
# or scroll inside their own box.
SIDE_PX = 300
st.html("""<style>
.stMainBlockContainer { padding-top: 2.5rem; }
@media (min-width: 641px) {
  .stMainBlockContainer:has(.st-key-step_layout) { padding-left: 1.5rem; padding-right: 1.5rem; }
}
@media (max-width: 640px) {
  .st-key-step_layout { flex-direction: column; flex-wrap: nowrap; align-items: stretch; gap: 1rem; }
  .st-key-step_layout > :has(> .st-key-step_side) { width: 100% !important; }
}
/* a component with nothing to show (the address bar's) takes no room: the page keeps its height
   whether or not a run hands the address a new query */
.stElementContainer:has([data-testid^="stBidiComponent"]:empty) { display: none; }
.st-key-step_side .katex-display { overflow-x: auto; overflow-y: hidden; padding-bottom: 2px; }
.st-key-step_side .katex-display > .katex, .st-key-step_side .katex-display > .katex > .katex-html {
  white-space: normal; }
</style>""")
st.title(t("step.title"))
frame.show_notice()
hero = st.container()          # the diagram first, on screen without scrolling
with st.expander(t("step.settings")):
    step_controls.settings()   # runs before the stepper, so a changed setting is used at once
st.caption(t("step.intro"))


@st.fragment(key=diagram.STEPPER)
def stepper():
    """The diagram, its switches, the quiz and the readouts. Its switches rerun it whole; the
    diagram's report of a position reruns only `follow_position`, nested in it."""
    steps = lesson.current_steps(say_why=True)
    if steps is None:
        return
    quiz.switch()
    row = st.container(horizontal=True, gap="medium", key="step_layout")
    # the side column scrolls in a box as tall as the diagram: a longer readout at another step
    # never changes the page's height
    view = row.container(key="step_view_column")
    side = row.container(width=SIDE_PX, height=diagram.side_height(), key="step_side")
    card = side.container() if quiz.active() else None   # the quiz's card, above the readouts
    with view:
        diagram_box, look = step_controls.step_view(steps)
    with side, st.container(key="step_readouts"):
        inspector.picker(steps[0].network, look["names"])
        follow_position(steps, (card, diagram_box), look, drawn(steps))
    frame.end()   # a fragment rerun skips app.py's end: keep an applied update in the address


def drawn(steps):
    """What `stepper` draws that may change while only `follow_position` runs: Apply update's
    lock (and the quiz's progress in its help), the side column's height (from the diagram's
    room) and the neuron's drop-down. The diagram's report reruns `stepper` itself when the last
    two change (diagram._follow); this also catches what a quiz answer changes."""
    return lesson.locked(steps) and lesson.progress(steps), diagram.side_height(), state.selected_neuron()


@st.fragment
def follow_position(steps, places, look, was_drawn):
    """What follows the position: the quiz's card (`places[0]`, or None outside quiz mode),
    the diagram (into `places[1]`), the readout and the address. The diagram's report reruns
    only this: `steps`, `places`, `look` and `was_drawn` are the enclosing run's (a
    position change recomputes no pass and redraws no switch). If the quiz's progress or the
    diagram's room changed what the page around it shows, the page is drawn again."""
    card, diagram_box = places
    question = quiz.panel(steps, card)   # before the diagram: holds the position until the learner tried
    with diagram_box:
        # quiz mode: only the revealed steps reach the browser (quiz.revealed), so the diagram
        # holds no number of a step the learner has not earned yet
        diagram.show(steps, quiz.revealed(steps), question=question, **look)
    inspector.readout(step_controls.position(steps), look["names"])
    address.write()   # a fragment rerun skips app.py's end: the address follows the position
    if drawn(steps) != was_drawn:
        st.rerun()


with hero:
    stepper()
