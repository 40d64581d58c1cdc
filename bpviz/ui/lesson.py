"""The lesson's shared rules, for every page: which names the class sees, and what quiz
mode keeps hidden until the pass's questions are done.

Names: one notation per network (bpviz.engine.names): the tutorial's w1…w8, h1, o1
where the network has them (2-2-2) and the switch is on (the default), else layer names
w⁽²⁾₀₀. `names()` is what every page passes to the explanations, figures, pickers and
worksheets; `names_switch()` is the switch (Step page).

The lesson's switches (names, motion, the Step readout, the learner's quiz switch) are kept
in one session slot (state.LESSON) for every page, and the address carries them
(address.py's `names`, `motion`, `view`, `practice`, `qa` parameters).

Quiz mode (the learner's switch or a `quiz=1` link): until every question of the current
pass has been tried or revealed on the Step page, `locked()` is True and the pages that
would show a number of the pass (Landscape, Gradient check, the current network's answer
key, Apply update) show `explain_lock(what)` instead: why it is hidden and what unlocks
it, with a link to the Step page. Hiding is a classroom convenience, not security.
"""
import streamlit as st

from bpviz.engine import NetworkError, attempts_to_text, names_for, step_sequence, tutorial_names_fit
from bpviz.ui.i18n import error_text, t
from bpviz.ui.session import state
from bpviz.ui.step import batch

NAMES_SWITCH = "lesson_tutorial_names"   # the switch's widget key (one per page run)
DEFAULTS = {"names": "tutorial", "motion": True, "view": "neuron", "practice": False, "restore": None}
VIEWS = ("neuron", "matrix", "update", "code")   # the Step page's readouts (code: the Code panel)


def setting(name):
    """One of the lesson's settings (DEFAULTS' names): its value, or its default until set."""
    return state.lesson().get(name, DEFAULTS[name])


def set_setting(name, value):
    state.set_lesson({**state.lesson(), name: value})


def tutorial_on() -> bool:
    return setting("names") == "tutorial"


def names(net=None):
    """The `Names` of the session's network (or `net`) in the notation on show."""
    net = state.network() if net is None else net
    return names_for(net.sizes, tutorial_on())


def _store_names(key):
    set_setting("names", "tutorial" if state.widget_value(key) else "layer")


def names_switch(container=None, key=NAMES_SWITCH):
    """The tutorial-names switch (only for networks that have the names); returns whether on."""
    if not tutorial_names_fit(state.network().sizes):
        return False
    state.set_widget_value(key, tutorial_on())
    (container or st).toggle(t("step.tutorial_names"), key=key, help=t("step.tutorial_names_help"),
                             on_change=_store_names, args=(key,))
    return tutorial_on()


# ---- quiz mode ---------------------------------------------------------------------------

def quiz_on() -> bool:
    """Quiz mode is on (by the learner's switch or by the link that opened the session)."""
    return bool(state.quiz_mode() or setting("practice"))


def pass_identity(steps):
    """What a pass's quiz work belongs to: the network, example, η, step count, bias switch and penalty."""
    first = steps[0]
    return (repr(first.network.to_dict()), first.X.tobytes(), first.Y.tobytes(), first.learning_rate,
            len(steps), first.update_biases, first.l1, first.l2)   # a new penalty is a new pass


def current_steps(say_why=False):
    """The session's pass as steps: on the stepping example, or on the batch stepped example by
    example (step/batch.py; never in quiz mode); None if it cannot be computed, with the reason
    shown when `say_why` (the Step page)."""
    rows = batch.rows(quiz_on())
    try:
        return step_sequence(state.network(), *(rows or state.example()), state.learning_rate(), state.granularity(),
                             state.update_biases(), *state.step_penalty(), by_example=rows is not None)
    except NetworkError as error:
        if say_why:
            st.error(t("step.cannot_step", message=error_text(error)))
        return None


def ensure_pass(steps):
    """Make `steps` the quiz's pass: kept if it is already, else started afresh, or with the
    work the address brought (a reload), whichever page the reload opened."""
    identity = pass_identity(steps)
    if state.quiz_pass() == identity:
        return
    restore = setting("restore")
    set_setting("restore", None)
    if restore is None:
        state.start_quiz_pass(identity, reached=state.step_index())
        return
    reached, attempts = restore
    state.start_quiz_pass(identity, reached=min(reached, len(steps) - 1))
    state.quiz_attempts().update(attempts)       # the stored dicts: changes stay
    for index, turn in attempts:                 # each step's turn: the last one asked
        state.quiz_turns()[index] = max(state.quiz_turns().get(index, 0), turn)


def pass_done(steps=None) -> bool:
    """Every question of the current pass was tried or revealed (the quiz reached the last step)."""
    done, total = progress(steps)
    return done >= total


def progress(steps=None):
    """(steps reached, steps in the pass) of the current pass's quiz."""
    steps = current_steps() if steps is None else steps
    if steps is None:
        return 0, 0
    ensure_pass(steps)
    return min(state.quiz_reached(), len(steps) - 1), len(steps) - 1


def quiz_work():
    """The pass's quiz work as the address writes it (engine.attempts_to_text), or None: quiz
    mode off, nothing done yet, or the work belongs to another pass."""
    restore = setting("restore")
    if restore is not None:      # read from the address, not adopted by a pass yet
        return attempts_to_text(*restore)
    if not quiz_on() or state.quiz_pass() is None or not (state.quiz_attempts() or state.quiz_reached()):
        return None
    steps = current_steps()
    if steps is None or state.quiz_pass() != pass_identity(steps):
        return None
    return attempts_to_text(state.quiz_reached(), state.quiz_attempts())


def selected_text():
    """The selected neuron as "layer.j" for the address, or None at the inspector's own choice."""
    selected = state.selected_neuron()
    if selected is None or tuple(selected) == (len(state.network().sizes) - 1, 0):
        return None
    return f"{selected[0]}.{selected[1]}"


def locked(steps=None) -> bool:
    """Quiz mode is on and the current pass still has questions to answer."""
    return quiz_on() and not pass_done(steps)


def explain_lock(what):
    """In place of a hidden part: why it is hidden, what unlocks it, and the way there.
    `what` names the part ("landscape", "gradcheck", "key", "update", …)."""
    done, total = progress()
    with st.container(border=True, key=f"quiz_lock_{what}"):
        st.markdown(":material/lock: **" + t("lock.title") + "**")
        st.write(t(f"lock.why.{what}"))
        st.write(t("lock.unlock_key") if what == "key" else t("lock.unlock", done=done, total=total))
        st.page_link("views/step.py", label=t("lock.go_step"), icon=":material/footprint:")
