"""Session state: the learner's network, example and step position, per session.

Every key is initialised behind a guard in `init()`, which each page's run
calls through app.py. The network is an immutable `Network`; changing it means
storing a new one with `set_network`, which also resets what depends on it.

A classroom link can fix controls (`HIDEABLE`): then the setters here refuse a
change to what the link fixed, whichever page asks, and say why (a notice). They
return True when they stored the change, False when they refused it. Only the
link's own state (`load_shared`) is stored unchecked.

This is the one module that indexes `st.session_state` (tests/test_layering.py checks
it): every key is declared here, grouped by page, each domain value behind a typed
getter and setter. A widget owns its own key (the value Streamlit keeps for a widget
created with key=...): those key names stay in the module that creates the widget,
which reads or pre-sets the value through `widget_value` and `set_widget_value`.

`bpviz.ui.i18n` reads the language from here, so this module imports `t` lazily
(in `_refuse`), the one place it needs it: a top-level import would be circular.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import streamlit as st

from bpviz.engine import GRANULARITIES, Network, TrainingState, preset

if TYPE_CHECKING:
    from bpviz.ui.train_data import TrainData

NETWORK = "network"
NETWORK_VERSION = "network_version"   # bumped when the network changes from outside the tables
EXAMPLE_X = "example_x"
EXAMPLE_Y = "example_y"
LEARNING_RATE = "learning_rate"
UPDATE_BIASES = "update_biases"
GRANULARITY = "granularity"
STEP_INDEX = "step_index"
STEP_MOVED = "step_moved"              # bumped when the server moves the position (not the diagram's own report)
SELECTED_MOVED = "selected_moved"      # bumped when the server changes the selection (not the diagram's report)
SELECTED = "selected_neuron"          # (layer, j) or None
LAST_UPDATE = "last_update"           # what the last applied update changed, or None
PRESET = "preset"
NOTICE = "notice"                     # (kind, text) to show once after a rerun
LINK_READ = "link_read"               # the address has been read for this session (links.read_link_once)
ADDRESS_WRITTEN = "address_written"   # the query string last handed to the address bar (address.write)
DATA_TEXT = "train_data_text"         # (TrainData, its address text): the last described or rebuilt (data_link)
HIDDEN = "hidden_controls"            # frozenset of HIDEABLE names a classroom link fixed
QUIZ = "quiz"                         # True when a classroom link switched quiz mode on

# Every page
LANGUAGE = "lang"                     # the sidebar's language box owns it (layout.py); a link may pre-set it
MEMO = "memo"                         # memo.remembered: {slot: (digest, result)}
DIAGRAM_ROOM = "diagram_room"         # (height, width) the browser last reported for the diagram (step_diagram)

# Build
UPLOAD_COUNTER = "build_upload_counter"   # bumped for a fresh, empty network uploader

# Step (quiz mode)
QUIZ_PASS = "quiz_pass"               # what the attempts below belong to: (network, example, η, steps, biases)
QUIZ_ATTEMPTS = "quiz_attempts"       # {(step index, turn): practice.Attempt} of this pass
QUIZ_TURNS = "quiz_turns"             # {step index: questions asked at that step so far}
QUIZ_REACHED = "quiz_reached"         # the furthest step the learner may see

# Train
TRAINING = "train_state"              # TrainingState
TRAINING_DATA = "train_state_data"    # the TrainData that TRAINING was trained on
TRAIN_TASK = "train_task"             # (data, sizes, preset) the learning rate was chosen for
PLAYING = "train_playing"
PLAY_START = "train_play_start"       # (time.monotonic(), epoch) when Play was pressed
OUTCOME = "train_outcome"             # (kind, text) of the last stop, shown until the next action
TRAIN_DATA = "train_data"             # the session's TrainData
CSV_COUNTER = "train_csv_counter"     # bumped for a fresh, empty CSV uploader
LINK_WARNING = "train_link_warning"   # a link's warning about the data, until a finished Train run showed it
LINK_WARNING_RUN = "train_link_warning_run"   # this run: {"on_page": it is on the page, "train": Train's picker ran}

# Worksheets
WORKSHEETS_MADE = "worksheets_made"   # (settings, files) of the last click

DEFAULT_PRESET = "worked_example"
# What a classroom link can hide, and so fix: presets (loading one), files (download and
# upload), architecture (sizes, activations, loss), tables (editing weights by hand),
# example (x and y), learning_rate (η and the bias switch of the Step page).
HIDEABLE = ("presets", "files", "architecture", "tables", "example", "learning_rate")


def init():
    """Give every key its starting value, once per session."""
    if NETWORK not in st.session_state:
        load_shared(preset(DEFAULT_PRESET))
        st.session_state[PRESET] = DEFAULT_PRESET
    st.session_state.setdefault(GRANULARITY, GRANULARITIES[0])
    st.session_state.setdefault(NOTICE, None)
    st.session_state.setdefault(HIDDEN, frozenset())
    st.session_state.setdefault(QUIZ, False)


# ---- what a classroom link fixed ------------------------------------------------------

def fixed(control):
    """True if the link that opened this session hides, and so fixes, `control` (in HIDEABLE)."""
    return control in st.session_state.get(HIDDEN, frozenset())


def set_fixed(controls):
    """The controls a link fixes (names in HIDEABLE; others are ignored)."""
    st.session_state[HIDDEN] = frozenset(name for name in controls if name in HIDEABLE)


def quiz_mode() -> bool:
    """True when a classroom link switched quiz mode on (`?quiz=1`)."""
    return bool(st.session_state.get(QUIZ, False))


def set_quiz_mode(on):
    st.session_state[QUIZ] = bool(on)


def _refuse(control):
    from bpviz.ui.i18n import t  # lazily: i18n reads the language from this module
    notify("warning", t("link.fixed", control=t(f"share.control.{control}")))
    return False


def _architecture(net):
    return net.sizes, net.activations, net.loss


# ---- getters and setters ----------------------------------------------------------------


def network() -> Network:
    return st.session_state[NETWORK]


def example():
    """The stepping example: (x of shape (sizes[0],), y of shape (sizes[L],))."""
    return np.array(st.session_state[EXAMPLE_X]), np.array(st.session_state[EXAMPLE_Y])


def learning_rate() -> float:
    return float(st.session_state[LEARNING_RATE])


def update_biases() -> bool:
    return bool(st.session_state[UPDATE_BIASES])


def set_step_settings(rate, biases) -> bool:
    """The Step page's learning rate and bias switch; refused if the link fixed them."""
    rate, biases = float(rate), bool(biases)
    if (rate, biases) == (learning_rate(), update_biases()):
        return True
    if fixed("learning_rate"):
        return _refuse("learning_rate")
    st.session_state[LEARNING_RATE] = rate
    st.session_state[UPDATE_BIASES] = biases
    return True


def granularity() -> str:
    """ "layer" (one step per layer) or "pass" (one step per pass)."""
    return st.session_state[GRANULARITY]


def step_index() -> int:
    """The position in the Step page's sequence (0 = the first step; pages clamp it to the last)."""
    return int(st.session_state.get(STEP_INDEX, 0))


def set_step_index(index):
    """Move the position from the server (a button, a link, the quiz's hold): the diagram,
    which steps by itself in the browser, is told to go there (`step_moved`)."""
    st.session_state[STEP_INDEX] = max(int(index), 0)
    st.session_state[STEP_MOVED] = step_moved() + 1


def follow_step_index(index):
    """The position the diagram reported: the server follows it and tells the diagram nothing."""
    st.session_state[STEP_INDEX] = max(int(index), 0)


def step_moved() -> int:
    """How many times the server moved the position this session."""
    return st.session_state.get(STEP_MOVED, 0)


def set_network(net: Network, from_tables=False) -> bool:
    """Store a new network; the example is resized to fit and stepping restarts.

    `from_tables`: the change came from the weight tables themselves, which
    already show it, so their widgets keep their state.
    Refused if a link fixed the architecture and `net` has another one, or fixed
    the tables and the change comes from them.
    """
    old = st.session_state.get(NETWORK)
    if from_tables and fixed("tables") and net != old:
        return _refuse("tables")
    if fixed("architecture") and old is not None and _architecture(net) != _architecture(old):
        return _refuse("architecture")
    _store_network(net, from_tables)
    return True


def _store_network(net, from_tables=False):
    st.session_state[NETWORK] = net
    if not from_tables:
        st.session_state[NETWORK_VERSION] = st.session_state.get(NETWORK_VERSION, 0) + 1
    st.session_state[EXAMPLE_X] = _fit(st.session_state.get(EXAMPLE_X, ()), net.sizes[0])
    st.session_state[EXAMPLE_Y] = _fit(st.session_state.get(EXAMPLE_Y, ()), net.sizes[-1])
    selected = st.session_state.get(SELECTED)
    if selected and not (selected[0] < len(net.sizes) and selected[1] < net.sizes[selected[0]]):
        set_selected_neuron(None)
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
    st.session_state[EXAMPLE_X] = tuple(float(v) for v in x)
    st.session_state[EXAMPLE_Y] = tuple(float(v) for v in y)
    restart_steps()


def restart_steps():
    set_step_index(0)


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
    st.session_state[PRESET] = name
    return True


def load_shared(shared):
    """Replace network, example and step settings by those of the link that opens the
    session or of a preset (anything with .network .x .y .learning_rate .update_biases).
    Unchecked: the link is what fixes the controls; pages call `load_preset`."""
    st.session_state[PRESET] = None
    st.session_state[LEARNING_RATE] = shared.learning_rate
    st.session_state[UPDATE_BIASES] = shared.update_biases
    st.session_state[LAST_UPDATE] = None
    set_selected_neuron(None)
    _store_example(shared.x, shared.y)
    _store_network(shared.network)


NOTICE_KINDS = ("success", "info", "warning", "error")   # least to most serious


def notify(kind, text):
    """Show `text` (kind: one of NOTICE_KINDS) once, after the next rerun. A pending notice
    of a more serious kind is kept: a page's "done" after a refused change must not hide
    the refusal."""
    pending = st.session_state.get(NOTICE)
    if pending and NOTICE_KINDS.index(pending[0]) > NOTICE_KINDS.index(kind):
        return
    st.session_state[NOTICE] = (kind, text)


def show_notice():
    notice = st.session_state.get(NOTICE)
    if notice:
        kind, text = notice
        getattr(st, kind)(text)
        st.session_state[NOTICE] = None


def _fit(values, size):
    values = tuple(float(v) for v in values)[:size]
    return values + (0.0,) * (size - len(values))


# ---- widget-owned keys ------------------------------------------------------------------
# A widget created with key=... keeps its value under that key; the module that creates
# the widget names the key, and reads or pre-sets the value (before the widget is drawn,
# or in its callback) through these two.

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

def network_version() -> int:
    """Bumped whenever the network changes from outside the weight tables (widget keys carry it)."""
    return st.session_state.get(NETWORK_VERSION, 0)


def preset_name() -> str | None:
    """The preset last loaded, or None once the network came from elsewhere."""
    return st.session_state.get(PRESET)


def forget_preset():
    st.session_state[PRESET] = None


def set_granularity(value):
    st.session_state[GRANULARITY] = value


def selected_neuron(default=None) -> tuple[int, int] | None:
    """The selected neuron (layer, j), or None."""
    return st.session_state.get(SELECTED, default)


def set_selected_neuron(neuron):
    """Select from the server (the inspector's list): the diagram is told (`selected_moved`)."""
    if st.session_state.get(SELECTED) != neuron:
        st.session_state[SELECTED_MOVED] = selected_moved() + 1
    st.session_state[SELECTED] = neuron


def follow_selected_neuron(neuron):
    """The neuron clicked on the diagram: the server follows it and tells the diagram nothing."""
    st.session_state[SELECTED] = neuron


def selected_moved() -> int:
    return st.session_state.get(SELECTED_MOVED, 0)


def last_update() -> dict | None:
    """What the last applied update changed: {"old", "new", "loss_before", "loss_after"}, or None."""
    return st.session_state.get(LAST_UPDATE)


def set_last_update(update):
    st.session_state[LAST_UPDATE] = update


def hidden_controls() -> frozenset:
    """The HIDEABLE names a classroom link fixed."""
    return st.session_state.get(HIDDEN, ())


def next_upload_counter(key) -> int:
    """The counter under `key` (UPLOAD_COUNTER or CSV_COUNTER) that names a file uploader; 0 at first."""
    return st.session_state.setdefault(key, 0)


def bump_upload_counter(key):
    """A fresh, empty uploader the next time it is drawn."""
    st.session_state[key] += 1


# ---- every page: language, link, address, memo, diagram size ---------------------------

def language() -> str | None:
    """The language code the learner chose (or a link set), or None before either."""
    return st.session_state.get(LANGUAGE)


def set_language(code):
    st.session_state[LANGUAGE] = code


def link_read() -> bool:
    """True once the address has been read for this session (links.read_link_once)."""
    return bool(st.session_state.get(LINK_READ))


def set_link_read():
    st.session_state[LINK_READ] = True


def address_written() -> str | None:
    """The query string last handed to the address bar."""
    return st.session_state.get(ADDRESS_WRITTEN)


def set_address_written(query):
    st.session_state[ADDRESS_WRITTEN] = query


def data_text() -> tuple | None:
    """(TrainData, its address text) last described or rebuilt, or None."""
    return st.session_state.get(DATA_TEXT)


def set_data_text(data, text):
    st.session_state[DATA_TEXT] = (data, text)


def memo() -> dict:
    """The session's memo: {slot: (digest, result)}, created empty."""
    return st.session_state.setdefault(MEMO, {})


def diagram_room() -> tuple[int, int] | None:
    """(height, width) in px the browser last reported for the diagram, or None."""
    return st.session_state.get(DIAGRAM_ROOM)


def set_diagram_room(room):
    st.session_state[DIAGRAM_ROOM] = room


# ---- Step: quiz mode ---------------------------------------------------------------------

def quiz_pass():
    """What the quiz's attempts belong to, or None before the first pass."""
    return st.session_state.get(QUIZ_PASS)


def start_quiz_pass(identity, reached):
    """A new pass: no attempts, no turns, the learner may see up to step `reached`."""
    st.session_state[QUIZ_PASS] = identity
    st.session_state[QUIZ_ATTEMPTS] = {}
    st.session_state[QUIZ_TURNS] = {}
    st.session_state[QUIZ_REACHED] = int(reached)


def quiz_attempts() -> dict:
    """{(step index, turn): practice.Attempt} of this pass (the stored dict: changes stay)."""
    return st.session_state[QUIZ_ATTEMPTS]


def quiz_turns() -> dict:
    """{step index: questions asked at that step so far} (the stored dict: changes stay)."""
    return st.session_state[QUIZ_TURNS]


def quiz_reached() -> int:
    return st.session_state[QUIZ_REACHED]


def set_quiz_reached(index):
    st.session_state[QUIZ_REACHED] = index


# ---- Train -------------------------------------------------------------------------------

def training_state() -> TrainingState | None:
    """The stored TrainingState, or None (train_controls.training_state restarts it as needed)."""
    return st.session_state.get(TRAINING)


def training_data() -> TrainData | None:
    """The TrainData that the stored TrainingState was trained on."""
    return st.session_state.get(TRAINING_DATA)


def set_training_state(training: TrainingState, data: TrainData):
    st.session_state[TRAINING] = training
    st.session_state[TRAINING_DATA] = data


def train_task() -> tuple | None:
    """(data, sizes, preset) the Train learning rate was last chosen for, or None."""
    return st.session_state.get(TRAIN_TASK)


def set_train_task(task):
    st.session_state[TRAIN_TASK] = task


def playing() -> bool:
    return st.session_state.get(PLAYING, False)


def set_playing(on):
    st.session_state[PLAYING] = on


def play_start(default) -> tuple[float, int]:
    """(time.monotonic(), epoch) when Play was pressed, or `default`."""
    return st.session_state.get(PLAY_START, default)


def set_play_start(started, epoch):
    st.session_state[PLAY_START] = (started, epoch)


def outcome() -> tuple[str, str] | None:
    """(kind, text) of the last stop, shown until the next action, or None."""
    return st.session_state.get(OUTCOME)


def set_outcome(outcome):
    st.session_state[OUTCOME] = outcome


def train_data() -> TrainData | None:
    """The session's Train data, or None before the Train page (or a link) made any."""
    return st.session_state.get(TRAIN_DATA)


def set_train_data(data: TrainData):
    st.session_state[TRAIN_DATA] = data


def link_warning() -> str | None:
    return st.session_state.get(LINK_WARNING)


def set_link_warning(text):
    st.session_state[LINK_WARNING] = text


def drop_link_warning():
    st.session_state.pop(LINK_WARNING, None)


def link_warning_run(default=None) -> dict | None:
    """This run's {"on_page", "train"}; with a `default`, stored first if there is none
    (the stored dict: changes stay)."""
    if default is None:
        return st.session_state.get(LINK_WARNING_RUN)
    return st.session_state.setdefault(LINK_WARNING_RUN, default)


def set_link_warning_run(run):
    st.session_state[LINK_WARNING_RUN] = run


# ---- Worksheets --------------------------------------------------------------------------

def worksheets_made() -> tuple | None:
    """(settings, sources, pdfs) of the last click, or None."""
    return st.session_state.get(WORKSHEETS_MADE)


def set_worksheets_made(made):
    st.session_state[WORKSHEETS_MADE] = made
