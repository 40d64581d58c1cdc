"""Quiz mode on the Step page: predict the next value before the step shows it.

`switch()` draws the learner's switch. `panel(steps, card)` runs before the
diagram: while quiz mode is on it keeps the step position at most one past the
last step whose question was tried, and `revealed(steps)` says how many steps the
diagram may send to the browser (so no key, button or websocket frame reveals
anything early). It draws into `card`, a container the page places beside
the diagram (below it on a phone), so the learner sees the network the question
is about: it asks one number that the next step computes (of the selected neuron
when it has one), checks the prediction (Enter submits the form) and offers
hints after a miss. The checking, hints and scores are bpviz.engine.practice;
this module keeps the attempts of the current pass in session state and draws them.

The prediction box's example is never the asked value (`example_for`): an
example taken from the pass would give an answer away.

A classroom link with `quiz=1` switches quiz mode on for the session and hides
the switch (state.quiz_mode()); a one-line caption in the card says so. While
quiz mode is on the inspector offers no animation of the pass, which would show
every value at once.
"""
import streamlit as st

from bpviz.engine import explain, practice
from bpviz.ui import lesson
from bpviz.ui.i18n import t
from bpviz.ui.session import state

ON = "quiz_on"               # the learner's switch (widget key); the pass's own keys are in state.py
FORM = "quiz_form"
PREDICTION = "quiz_prediction"
CARD = "quiz_card"
# Examples of how to type a number, for the box and the refusal: the first one not near
# the asked value is shown. They differ by far more than the tolerance, so one always fits.
EXAMPLES = ("-1.25e-3", "42.5")


def active():
    """Quiz mode is on (by the learner's switch or by the link that opened the session)."""
    return lesson.quiz_on()


def _store_switch():
    lesson.set_setting("practice", bool(state.widget_value(ON)))


def switch():
    """The learner's switch (nothing when a classroom link switched quiz mode on); kept
    for every page and the address (lesson.setting("practice"))."""
    if not state.quiz_mode():
        state.set_widget_value(ON, bool(lesson.setting("practice")))
        st.toggle(t("quiz.toggle"), key=ON, help=t("quiz.toggle_help"), on_change=_store_switch)


def panel(steps, card=None):
    """The quiz for the step on show (nothing when quiz mode is off). Runs before the
    diagram (it holds the position until the learner tried) and draws into `card` (a
    container placed beside or below the diagram; default: here). Returns the question
    asked and whether it waits for an answer, (practice.Question, bool), or None."""
    if not active():
        return None
    card = st.container() if card is None else card
    lesson.ensure_pass(steps)
    index = state.step_index()
    with card:
        if state.quiz_mode():
            st.caption(":material/school: " + t("quiz.from_link"))
        if index > state.quiz_reached():
            index = state.quiz_reached()
            state.set_step_index(index)
            st.warning(t("quiz.locked"), icon=":material/lock:")
        with st.container(border=True, key=CARD):
            asked = None
            if index >= len(steps) - 1:
                st.success(t("quiz.done"))
            else:
                asked = _question(steps, index)
            _score()
    return asked


def revealed(steps):
    """How many steps of the pass the learner may see: all of them outside quiz mode."""
    return min(state.quiz_reached(), len(steps) - 1) + 1 if active() else len(steps)


def example_for(value):
    """How to type a number, by example: one of EXAMPLES, never near `value` (the answer)."""
    return next((text for text in EXAMPLES if abs(float(text) - value) > 0.5 * abs(float(text))), EXAMPLES[0])


def _question(steps, index):
    """Ask about one number the next step reveals; returns (the question, waiting for a try)."""
    turn = state.quiz_turns().get(index, 0)
    question = practice.pick(practice.revealed(steps[index], steps[index + 1]),
                             state.selected_neuron(), turn)
    key = (index, turn)
    attempt = state.quiz_attempts().get(key) or practice.Attempt(
        question, practice.kind(question, steps[index].output_layer))
    answer = explain(steps[index + 1], question.quantity, question.layer, question.j, question.k,
                     names=lesson.names(steps[index].network))
    example = example_for(answer.value)
    st.markdown(t("quiz.ask", quantity=t(f"quantity.{answer.kind}")))
    st.latex(answer.symbol + r" = \;?")
    with st.form(FORM, clear_on_submit=True, border=False):
        typed = st.text_input(t("quiz.prediction"), key=PREDICTION, placeholder=t("quiz.placeholder", example=example),
                              max_chars=practice.MAX_PREDICTION_CHARS, disabled=attempt.finished)
        checked = st.form_submit_button(t("quiz.check"), key="quiz_check", disabled=attempt.finished,
                                        icon=":material/check:")
    st.caption(t("quiz.tolerance"))   # below the box: the box stays in sight beside the diagram
    if checked:
        prediction = practice.parse_prediction(typed)
        if prediction is None:
            st.error(t("quiz.bad_prediction", example=example, limit=practice.MAX_PREDICTION_CHARS))
        else:
            attempt = _store(key, practice.submit(attempt, prediction, answer.value), index)
    _feedback(attempt, answer, key, index)
    return question, not (attempt.tried or attempt.finished)


def _store(key, attempt, index):
    state.quiz_attempts()[key] = attempt
    if attempt.tried or attempt.finished:
        state.set_quiz_reached(max(state.quiz_reached(), index + 1))
    return attempt


def _take_hint(key, attempt, index):
    _store(key, practice.take_hint(attempt), index)


def _another(index):
    turns = state.quiz_turns()
    turns[index] = turns.get(index, 0) + 1


def _feedback(attempt, answer, key, index):
    """What the attempt has earned so far: the verdict, the hints shown, the next hint's button."""
    if attempt.solved:
        st.success(t("quiz.right", value=f"{answer.value:.9g}", points=attempt.points, most=practice.MAX_POINTS))
    elif attempt.finished:
        st.info(t("quiz.answer_shown"))
    elif attempt.tries:
        st.warning(t("quiz.miss", tries=attempt.tries))
    hints = (answer.formula, answer.substituted, answer.result)
    for level in range(attempt.hints):
        st.caption(t("quiz.hint", number=level + 1, count=practice.HINT_LEVELS) + " · "
                   + t(f"quiz.hint.{level + 1}"))
        st.latex(hints[level] if level < 2 else answer.symbol + " " + answer.result)
    row = st.container(horizontal=True, gap="small")   # wraps in the narrow card rather than cut a label
    if attempt.tries and not attempt.finished:
        level = attempt.hints + 1
        # what the hint is, in its tooltip: the whole label would be cut in the narrow card
        row.button(t("quiz.hint", number=level, count=practice.HINT_LEVELS), key="quiz_hint",
                   on_click=_take_hint, args=(key, attempt, index), icon=":material/lightbulb:",
                   help=t(f"quiz.hint.{level}"))
    if attempt.tried or attempt.finished:
        st.caption(t("quiz.unlocked"))
        row.button(t("quiz.another"), key="quiz_another", on_click=_another, args=(index,),
                   icon=":material/refresh:")


def _score():
    """The pass's score per kind of number."""
    scores = practice.score(state.quiz_attempts().values())
    st.markdown(f"**{t('quiz.score')}**")
    if not scores:
        st.caption(t("quiz.no_score"))
        return
    st.markdown("\n".join("- " + t("quiz.score_line", kind=t(f"quantity.{s.kind}"), right=s.right, asked=s.asked,
                                   points=s.points, most=s.most) for s in scores))
