"""Session state: the one module that indexes `st.session_state` (tests/test_layering.py).

`SLOTS` is the table of every key the app keeps (type, the getter's value before anything is stored,
owning page, meaning); each value has a typed getter and setter (`_pair` makes the plain ones). A widget
owns its own key: the module creating it reads or pre-sets the value with `widget_value` /
`set_widget_value`. A classroom link can fix controls (`HIDEABLE`): the setters then refuse such a
change, whichever page asks, return False and say why in a notice. Notices are `Message`s (key and
values), never text, so this module needs no catalogue: `frame.show_notice` renders them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import streamlit as st

from bpviz.engine import GRANULARITIES, Network, TrainingState, preset
from bpviz.ui.session.reader import member
from bpviz.ui.strings import Message


@dataclass(frozen=True)
class Slot:
    """One session-state key: its type, the getter's value before anything is stored, its page."""
    key: str
    type: Any
    default: Any
    page: str
    meaning: str


SLOTS: dict[str, Slot] = {}


def _slot(key, type_, default, page, meaning):
    SLOTS[key] = Slot(key, type_, default, page, meaning)
    return key


NETWORK = _slot("network", Network, None, "every", "the learner's Network (set by init)")
NETWORK_VERSION = _slot("network_version", int, 0, "build", "bumped when the network changes from outside the tables")
EXAMPLE_X = _slot("example_x", tuple, (), "every", "the stepping example's x, floats")
EXAMPLE_Y = _slot("example_y", tuple, (), "every", "the stepping example's y, floats")
LEARNING_RATE = _slot("learning_rate", float, None, "step", "η of the Step page")
UPDATE_BIASES = _slot("update_biases", bool, None, "step", "the Step page's bias switch")
GRANULARITY = _slot("granularity", str, GRANULARITIES[0], "step", "one step per layer or per pass")
STEP_INDEX = _slot("step_index", int, 0, "step", "the Step page's position (pages clamp it to the last step)")
PENALTY = _slot("step_penalty", tuple, (0.0, 0.0), "step", "(λ₁, λ₂): the Step page's L1 and L2 weight penalty")
SELECTED = _slot("selected_neuron", tuple, None, "build", "(layer, j) or None")
LAST_UPDATE = _slot("last_update", dict, None, "step", "what the last applied update changed, or None")
PRESET = _slot("preset", str, None, "build", "the preset last loaded, or None")
NOTICE = _slot("notice", tuple, None, "every", "(kind, messages) to show once after a rerun")
LINK_READ = _slot("link_read", bool, False, "every", "True once the address has been read for this session")
ADDRESS_WRITTEN = _slot("address_written", str, None, "every", "the query string last handed to the address bar")
DATA_TEXT = _slot("train_data_text", tuple, None, "train", "(TrainData, its address text), last described")
HIDDEN = _slot("hidden_controls", frozenset, frozenset(), "every", "the HIDEABLE names a classroom link fixed")
QUIZ = _slot("quiz", bool, False, "step", "True when a classroom link switched quiz mode on (`?quiz=1`)")
LANGUAGE = _slot("lang", str, None, "every", "the sidebar's language box owns it (frame.py); a link may pre-set it")
MEMO = _slot("memo", dict, None, "every", "memo.remembered: {slot: (digest, result)}")
DIAGRAM_ROOM = _slot("diagram_room", tuple, None, "step", "(height, width) the browser last reported for the diagram")
UPLOAD_COUNTER = _slot("build_upload_counter", int, 0, "build", "bumped for a fresh, empty network uploader")
QUIZ_PASS = _slot("quiz_pass", tuple, None, "step", "what the attempts belong to: the pass's network and settings")
QUIZ_ATTEMPTS = _slot("quiz_attempts", dict, None, "step", "{(step index, turn): practice.Attempt} of this pass")
QUIZ_TURNS = _slot("quiz_turns", dict, None, "step", "{step index: questions asked at that step so far}")
QUIZ_REACHED = _slot("quiz_reached", int, None, "step", "the furthest step the learner may see")
TRAIN_NETWORK = _slot("train_network", Network, None, "train", "Train's own network; None once the session's changes")
TRAINING = _slot("train_state", TrainingState, None, "train", "the TrainingState")
TRAINING_DATA = _slot("train_state_data", object, None, "train", "the TrainData that TRAINING was trained on")
TRAIN_TASK = _slot("train_task", tuple, None, "train", "(data, sizes, preset) the learning rate was chosen for")
PLAYING = _slot("train_playing", bool, False, "train", "Play is on")
PLAY_START = _slot("train_play_start", tuple, None, "train", "(time.monotonic(), epoch) when Play was pressed")
OUTCOME = _slot("train_outcome", tuple, None, "train", "(kind, text) of the last stop, until the next action")
TRAIN_DATA = _slot("train_data", object, None, "train", "the session's TrainData")
CSV_COUNTER = _slot("train_csv_counter", int, 0, "train", "bumped for a fresh, empty CSV uploader")
LINK_WARNING = _slot("train_link_warning", str, None, "train", "a link's warning about the data, until shown")
LINK_WARNING_RUN = _slot("train_link_warning_run", dict, None, "train",
                         'this run: {"on_page": the warning is on the page, "train": Train\'s picker ran}')
WORKSHEETS_MADE = _slot("worksheets_made", tuple, None, "worksheets", "(settings, sources, pdfs) of the last click")
LESSON = _slot("lesson", dict, {}, "every", "names, motion, view, practice switches; quiz work to restore (ui.lesson)")
WORKSHEETS_JOB = _slot("worksheets_job", tuple, None, "worksheets", "(settings, jobs.Job) being made in the queue")
SESSION_NAME = _slot("session_name", str, None, "every", "a random name for the reconnect watcher (reconnect.py)")

DEFAULT_PRESET = "worked_example"
# What a classroom link can hide, and so fix: presets (loading one), files (download and
# upload), architecture (sizes, activations, loss), tables (editing weights by hand),
# example (x and y), learning_rate (η and the bias switch of the Step page).
HIDEABLE = ("presets", "files", "architecture", "tables", "example", "learning_rate")


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
    _put(STEP_INDEX, max(int(index), 0))


def restart_steps():
    _put(STEP_INDEX, 0)


def set_network(net: Network, from_tables=False) -> bool:
    """Store a new network; the example is resized to fit and stepping restarts. `from_tables`:
    the change came from the weight tables, whose widgets keep their state. Refused if a link
    fixed the architecture and `net` has another one, or fixed the tables and they changed."""
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
    """Replace network, example and step settings by a preset's; refused if the link
    fixed the presets, or fixed something the preset would change."""
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
    """Replace network, example and step settings by those of the link that opens the
    session or of a preset (anything with .network .x .y .learning_rate .update_biases).
    Unchecked: the link is what fixes the controls; pages call `load_preset`."""
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
    """Show `messages` (kind: one of NOTICE_KINDS), one after the other, once, after the next
    rerun. A pending notice of a more serious kind is kept: a page's "done" after a refused
    change must not hide the refusal."""
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
    """(getter, setter) of a slot stored as it is given; the getter returns the slot's
    default before anything was stored. Their docstring is the slot's meaning."""
    def get():
        return _get(key)

    def put(value):
        _put(key, value)
    get.__doc__ = put.__doc__ = SLOTS[key].meaning
    return get, put


address_written, set_address_written = _pair(ADDRESS_WRITTEN)
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
step_penalty, _ = _pair(PENALTY)
_, set_link_warning_run = _pair(LINK_WARNING_RUN)
_, set_selected_neuron = _pair(SELECTED)
train_data, set_train_data = _pair(TRAIN_DATA)
train_network, set_train_network = _pair(TRAIN_NETWORK)
train_task, set_train_task = _pair(TRAIN_TASK)
training_data, _ = _pair(TRAINING_DATA)
training_state, _ = _pair(TRAINING)
worksheets_made, set_worksheets_made = _pair(WORKSHEETS_MADE)
worksheets_job, set_worksheets_job = _pair(WORKSHEETS_JOB)
session_name, set_session_name = _pair(SESSION_NAME)


# ---- widget-owned keys ------------------------------------------------------------------
# pre-set before the widget is drawn this run, or from its callback

def widget_value(key, default=None) -> Any:
    """The value Streamlit keeps for the widget with this key, or `default` if it has none yet."""
    return st.session_state.get(key, default)


def set_widget_value(key, value):
    """Pre-set the widget with this key (before it is drawn this run, or from a callback)."""
    st.session_state[key] = value


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


# ---- every page: address, memo -----------------------------------------------------------

def memo() -> dict:
    """The session's memo: {slot: (digest, result)}, created empty."""
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


def drop_link_warning():
    st.session_state.pop(LINK_WARNING, None)


def link_warning_run(default=None) -> dict | None:
    """This run's {"on_page", "train"}; with a `default`, stored first if there is none
    (the stored dict: changes stay)."""
    if default is None:
        return _get(LINK_WARNING_RUN)
    return st.session_state.setdefault(LINK_WARNING_RUN, default)
