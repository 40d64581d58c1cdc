"""Session state: the one module that indexes `st.session_state` (tests/test_layering.py).

`SLOTS` (slots.py) is the table of every key the app keeps (type, default, page, meaning); each has a typed
getter and setter here (`_pair` makes the plain ones). A widget owns its key (`widget_value` /
`set_widget_value`). A link can fix controls (`HIDEABLE`): setters then refuse, return False and say why in a
notice of `Message`s (`frame.show_notice`).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from bpviz.engine import Network, TrainingState, preset
from bpviz.ui.session.reader import member
from bpviz.ui.session.slots import (  # the keys; state re-exports them
    ADDRESS_WRITTEN,
    BATCH,
    DATA_TEXT,
    DEFAULT_PRESET,
    DIAGRAM_ROOM,
    EXAMPLE_X,
    EXAMPLE_Y,
    GRANULARITY,
    HIDDEN,
    HIDEABLE,
    LANGUAGE,
    LAST_UPDATE,
    LEARNING_RATE,
    LESSON,
    LINK_READ,
    LINK_WARNING,
    LINK_WARNING_RUN,
    MEMO,
    NETWORK,
    NETWORK_VERSION,
    NOTICE,
    OUTCOME,
    PENALTY,
    PLAY_ADDRESS,
    PLAY_START,
    PLAYING,
    PRESET,
    QUIZ,
    QUIZ_ATTEMPTS,
    QUIZ_PASS,
    QUIZ_REACHED,
    QUIZ_TURNS,
    READOUT_SERVED,
    SELECTED,
    SESSION_NAME,
    SLOTS,
    STEP_INDEX,
    STEP_MOVES,
    TRAIN_DATA,
    TRAIN_NETWORK,
    TRAIN_TASK,
    TRAINING,
    TRAINING_DATA,
    UPDATE_BIASES,
    WIDGET_KINDS,
    WORKSHEETS_JOB,
    WORKSHEETS_MADE,
)
from bpviz.ui.strings import Message


def _get(key):
    return st.session_state.get(key, SLOTS[key].default)


def _put(key, value):
    st.session_state[key] = value


def init():
    """Give the session its starting network, example and settings, once per session."""
    if NETWORK not in st.session_state:
        load_shared(preset(DEFAULT_PRESET))
        _put(PRESET, DEFAULT_PRESET)
    for key in (GRANULARITY, NOTICE, HIDDEN, QUIZ):
        st.session_state.setdefault(key, SLOTS[key].default)


# ---- what a classroom link fixed ------------------------------------------------------

def fixed(control):
    """True if the link that opened this session hides, and so fixes, `control` (in HIDEABLE)."""
    return control in _get(HIDDEN)


def set_fixed(controls):
    """The controls a link fixes (names in HIDEABLE; others are ignored)."""
    _put(HIDDEN, frozenset(name for name in controls if name in HIDEABLE))


def _refuse(control):
    notify("warning", Message("link.fixed", {"control": Message(f"share.control.{control}")}))
    return False


def _architecture(net):
    return net.sizes, net.activations, net.loss


# ---- the network, the example, the Step page's settings ----------------------------------

def network() -> Network:
    return st.session_state[NETWORK]


def example():
    """The stepping example: (x of shape (sizes[0],), y of shape (sizes[L],))."""
    return np.array(st.session_state[EXAMPLE_X]), np.array(st.session_state[EXAMPLE_Y])


def learning_rate() -> float:
    return float(st.session_state[LEARNING_RATE])


def update_biases() -> bool:
    return bool(st.session_state[UPDATE_BIASES])


def set_step_settings(rate, biases, penalty=None) -> bool:
    """The Step page's η, bias switch and (λ₁, λ₂) penalty (None: kept); refused if the link fixed them."""
    chosen = (float(rate), bool(biases), step_penalty() if penalty is None else tuple(map(float, penalty)))
    if chosen == (learning_rate(), update_biases(), step_penalty()):
        return True
    if fixed("learning_rate"):
        return _refuse("learning_rate")
    for key, value in zip((LEARNING_RATE, UPDATE_BIASES, PENALTY), chosen):
        _put(key, value)
    return True


def step_index() -> int:
    """The position in the Step page's sequence (0 = the first step; pages clamp it to the last)."""
    return int(_get(STEP_INDEX))


def set_step_index(index):
    """The server moves the position itself (a link, the quiz's hold): counted in step_moves."""
    _put(STEP_INDEX, max(int(index), 0))
    _put(STEP_MOVES, step_moves() + 1)


def follow_step_index(index):
    """The position the browser reports (the Step diagram): not a move of the server's."""
    _put(STEP_INDEX, max(int(index), 0))


def restart_steps():
    set_step_index(0)


def set_network(net: Network, from_tables=False) -> bool:
    """Store a new network; the example is resized to fit and stepping restarts. `from_tables`: the change came
    from the weight tables (their widgets keep their state). Refused if a link fixed the architecture and `net`
    has another one, or fixed the tables and they changed."""
    old = st.session_state.get(NETWORK)
    if from_tables and fixed("tables") and net != old:
        return _refuse("tables")
    if fixed("architecture") and old is not None and _architecture(net) != _architecture(old):
        return _refuse("architecture")
    _store_network(net, from_tables)
    return True


def _store_network(net, from_tables=False):
    _put(NETWORK, net)
    if not from_tables:
        _put(NETWORK_VERSION, network_version() + 1)
    _put(EXAMPLE_X, _fit(_get(EXAMPLE_X), net.sizes[0]))
    _put(EXAMPLE_Y, _fit(_get(EXAMPLE_Y), net.sizes[-1]))
    _put(TRAIN_NETWORK, None)     # Train starts again from the new network (selected_neuron checks the selection)
    restart_steps()


def set_example(x, y) -> bool:
    """The stepping example; refused if the link fixed it."""
    x, y = tuple(float(v) for v in x), tuple(float(v) for v in y)
    if (x, y) == (st.session_state.get(EXAMPLE_X), st.session_state.get(EXAMPLE_Y)):
        return True
    if fixed("example"):
        return _refuse("example")
    _store_example(x, y)
    return True


def _store_example(x, y):
    _put(EXAMPLE_X, tuple(float(v) for v in x))
    _put(EXAMPLE_Y, tuple(float(v) for v in y))
    restart_steps()


def load_preset(name) -> bool:
    """Replace network, example and step settings by a preset's; refused if the link fixed the presets or
    something the preset would change."""
    chosen = preset(name)
    x, y = example()
    changes = {"presets": True,
               "architecture": _architecture(chosen.network) != _architecture(network()),
               "example": (tuple(chosen.x), tuple(chosen.y)) != (tuple(x), tuple(y)),
               "learning_rate": (chosen.learning_rate, chosen.update_biases) != (learning_rate(), update_biases())}
    for control, changed in changes.items():
        if changed and fixed(control):
            return _refuse(control)
    load_shared(chosen)
    _put(PRESET, name)
    return True


def load_shared(shared):
    """Replace network, example and step settings by those of the session's link or a preset (anything with
    .network .x .y .learning_rate .update_biases). Unchecked: the link fixes controls; pages call `load_preset`."""
    _put(PRESET, None)
    _put(LEARNING_RATE, shared.learning_rate)
    _put(UPDATE_BIASES, shared.update_biases)
    _put(LAST_UPDATE, None)
    _put(SELECTED, None)
    _store_example(shared.x, shared.y)
    _store_network(shared.network)


def _fit(values, size):
    values = tuple(float(v) for v in values)[:size]
    return values + (0.0,) * (size - len(values))


# ---- notices --------------------------------------------------------------------------

NOTICE_KINDS = ("success", "info", "warning", "error")   # least to most serious


def notify(kind, *messages: Message):
    """Show `messages` (kind: one of NOTICE_KINDS), one after the other, once, after the next rerun. A pending
    notice of a more serious kind is kept: a page's "done" after a refused change must not hide the refusal."""
    pending = _get(NOTICE)
    if pending and NOTICE_KINDS.index(pending[0]) > NOTICE_KINDS.index(kind):
        return
    _put(NOTICE, (kind, tuple(messages)))


def take_notice() -> tuple[str, tuple[Message, ...]] | None:
    """The pending notice (kind, messages), or None; it is shown once, so it is dropped here."""
    notice = _get(NOTICE)
    if notice:
        _put(NOTICE, None)
    return notice


# ---- values stored as they are given: a getter and a setter each, from the table ----------

def _pair(key):
    """(getter, setter) of a slot stored as given; the getter returns the slot's default before anything was
    stored. Their docstring is the slot's meaning."""
    def get():
        return _get(key)

    def put(value):
        _put(key, value)
    get.__doc__ = put.__doc__ = SLOTS[key].meaning
    return get, put


address_written, set_address_written = _pair(ADDRESS_WRITTEN)
play_address_time, set_play_address_time = _pair(PLAY_ADDRESS)
data_text, set_data_text = _pair(DATA_TEXT)
diagram_room, set_diagram_room = _pair(DIAGRAM_ROOM)
granularity, set_granularity = _pair(GRANULARITY)
hidden_controls, _ = _pair(HIDDEN)
language, set_language = _pair(LANGUAGE)
lesson, set_lesson = _pair(LESSON)
link_read, set_link_read = _pair(LINK_READ)
last_update, set_last_update = _pair(LAST_UPDATE)
link_warning, set_link_warning = _pair(LINK_WARNING)
network_version, _ = _pair(NETWORK_VERSION)
outcome, set_outcome = _pair(OUTCOME)
playing, set_playing = _pair(PLAYING)
preset_name, _ = _pair(PRESET)
quiz_attempts, _ = _pair(QUIZ_ATTEMPTS)   # the stored dict: changes stay
quiz_pass, _ = _pair(QUIZ_PASS)
quiz_mode, set_quiz_mode = _pair(QUIZ)
quiz_reached, set_quiz_reached = _pair(QUIZ_REACHED)
quiz_turns, _ = _pair(QUIZ_TURNS)   # the stored dict: changes stay
readout_served, set_readout_served = _pair(READOUT_SERVED)
step_penalty, _ = _pair(PENALTY)
step_moves, _ = _pair(STEP_MOVES)   # a browser's report sent before the last move does not undo it
step_batch, set_step_batch = _pair(BATCH)
_, set_link_warning_run = _pair(LINK_WARNING_RUN)
_, set_selected_neuron = _pair(SELECTED)
train_data, set_train_data = _pair(TRAIN_DATA)
train_network, set_train_network = _pair(TRAIN_NETWORK)
train_task, set_train_task = _pair(TRAIN_TASK)
training_data, _ = _pair(TRAINING_DATA)
training_state, _ = _pair(TRAINING)
worksheets_made, set_worksheets_made = _pair(WORKSHEETS_MADE)
widget_kinds, set_widget_kinds = _pair(WIDGET_KINDS)
worksheets_job, set_worksheets_job = _pair(WORKSHEETS_JOB)
session_name, set_session_name = _pair(SESSION_NAME)


# ---- widget-owned keys: pre-set before the widget is drawn this run, or from its callback ----

def widget_value(key, default=None) -> Any:
    """The value Streamlit keeps for the widget with this key, or `default` if it has none yet."""
    return st.session_state.get(key, default)


def set_widget_value(key, value):
    """Pre-set the widget with this key (before it is drawn this run, or from a callback)."""
    st.session_state[key] = value


def widget_items() -> dict:
    """{key: value} of every key in session state that is not a slot: the widgets' keys."""
    return {key: value for key, value in st.session_state.items() if key not in SLOTS}


def reissue_choices():
    """After a language change: write each choice's value back under its key, so Streamlit sends it
    to the browser again. A radio or a list sends its choice as the option's text, and the old
    language's text matches none of the new options (the browser would show nothing chosen)."""
    for key, value in widget_items().items():
        if isinstance(value, (str, int, float, tuple)) and not isinstance(value, bool):
            st.session_state[key] = value


def forget(key):
    """Remove the value under `key`: a slot's getter then returns its default, a widget is drawn from its own."""
    st.session_state.pop(key, None)


def set_widget_default(key, value):
    """Pre-set the widget with this key only if it has no value yet (its first run)."""
    st.session_state.setdefault(key, value)


# ---- Build, Step and the inspector -------------------------------------------------------

def forget_preset():
    _put(PRESET, None)


def selected_neuron(default=None) -> tuple[int, int] | None:
    """The selected neuron (layer, j) of the network, or `default` (none, or a crafted value that is not one)."""
    sizes = network().sizes
    chosen = member(st.session_state.get(SELECTED), [(l, j) for l in range(len(sizes)) for j in range(sizes[l])])
    return default if chosen is None else chosen


def next_upload_counter(key) -> int:
    """The counter under `key` (UPLOAD_COUNTER or CSV_COUNTER) that names a file uploader; 0 at first."""
    return st.session_state.setdefault(key, SLOTS[key].default)


def bump_upload_counter(key):
    """A fresh widget (an empty uploader; new weight tables, for NETWORK_VERSION) the next time it is drawn."""
    _put(key, _get(key) + 1)


def memo() -> dict:
    """Every page's: the session's memo, {slot: (digest, result)}, created empty."""
    return st.session_state.setdefault(MEMO, {})


# ---- Step: quiz mode ---------------------------------------------------------------------

def start_quiz_pass(identity, reached):
    """A new pass: no attempts, no turns, the learner may see up to step `reached`."""
    _put(QUIZ_PASS, identity)
    _put(QUIZ_ATTEMPTS, {})
    _put(QUIZ_TURNS, {})
    _put(QUIZ_REACHED, int(reached))


# ---- Train -------------------------------------------------------------------------------

def set_training_state(training: TrainingState, data):
    _put(TRAINING, training)
    _put(TRAINING_DATA, data)


def play_start(default) -> tuple[float, int]:
    """(time.monotonic(), epoch) when Play was pressed, or `default`."""
    return st.session_state.get(PLAY_START, default)


def set_play_start(started, epoch):
    _put(PLAY_START, (started, epoch))


def link_warning_run(default=None) -> dict | None:
    """This run's {"on_page", "train"}; with a `default`, stored first if none (the stored dict: changes stay)."""
    if default is None:
        return _get(LINK_WARNING_RUN)
    return st.session_state.setdefault(LINK_WARNING_RUN, default)
