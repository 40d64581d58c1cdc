"""Step: one forward pass, the loss, one backward pass and the update, a step at a time."""
import streamlit as st

from bpviz.ui import frame, lesson
from bpviz.ui.i18n import t
from bpviz.ui.step import controls as step_controls
from bpviz.ui.step import diagram, inspector, quiz, readouts

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
/* the diagram needs 560 px beside the side column: a narrower page (a phone, a 1024 px
   projector with the page list open) stacks the two, diagram first */
.stMainBlockContainer:has(.st-key-step_layout) { container-type: inline-size; }
@container (max-width: 880px) {
  .st-key-step_layout { flex-direction: column; flex-wrap: nowrap; align-items: stretch; gap: 1rem; }
  .st-key-step_layout > :has(> .st-key-step_side) { width: 100% !important; }
}
@media (max-width: 640px) {
  /* the matrix view keeps cells a finger wide: its box scrolls sideways rather than squeeze them */
  .st-key-step_readouts:has(.stPlotlyChart) { overflow-x: auto; }
  .st-key-step_readouts .stElementContainer:has(.stPlotlyChart) { min-width: 900px; }
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
    """The diagram, its switches, the quiz and the readouts. The readout follows the diagram's
    position in the page (step/readouts.py); the diagram's report of a new position, once the
    learner settles, reruns only `follow_position` (at the page's top level), which writes the
    address; any other click here reruns this whole."""
    steps = lesson.current_steps(say_why=True)
    if steps is None:
        return
    quiz.switch()
    row = st.container(horizontal=True, gap="medium", key="step_layout")
    # the side column scrolls in a box as tall as the diagram: a longer readout at another step
    # never changes the page's height
    view = row.container(key="step_view_column")
    side = row.container(width=SIDE_PX, height=diagram.side_height(), key="step_side")
    question = quiz.panel(steps, side)   # before the diagram: holds the position until the learner tried
    planned = readouts.plan(steps)       # None: the server draws the readout of each position
    with view:
        # quiz mode: only the revealed steps reach the browser (quiz.revealed), so the diagram
        # holds no number of a step the learner has not earned yet
        names = step_controls.step_view(steps, quiz.revealed(steps), question, readouts.reporting(planned))
    with side:
        inspector.picker(steps[0].network, names)
    # the matrices need the page's width: under the diagram; every other readout beside it
    readout_box = st.container(key="step_readouts") if inspector.wide_view() else side.container(key="step_readouts")
    with readout_box:
        if planned is not None:
            readouts.show(planned, names)
        else:   # quiz mode, or too many readouts: the server draws the position's (diagram.follow_settled_position)
            inspector.readout(step_controls.position(steps), names)
    frame.end()   # a fragment rerun skips app.py's end: the address carries what this run changed


@st.fragment(key=diagram.FOLLOWER)
def follow_position():
    """The diagram's report of a settled position reruns only this: the position's own
    component, handed the address (diagram.position_component). At the page's top level, so
    its rerun is as cheap as a fragment's can be; the diagram and the readout already show
    the position."""
    diagram.position_component()


with hero:
    stepper()
follow_position()
