"""Session state: the learner's network, example and step position, per session.

Every key is initialised behind a guard in `init()`, which each page's run
calls through app.py. The network is an immutable `Network`; changing it means
storing a new one with `set_network`, which also resets what depends on it.

A classroom link can fix controls (`HIDEABLE`): then the setters here refuse a
change to what the link fixed, whichever page asks, and say why (a notice). They
return True when they stored the change, False when they refused it. Only the
link's own state (`load_shared`) is stored unchecked.
"""
import numpy as np
import streamlit as st

from bpviz.engine import GRANULARITIES, Network, preset
from bpviz.ui.i18n import t

NETWORK = "network"
NETWORK_VERSION = "network_version"   # bumped when the network changes from outside the tables
EXAMPLE_X = "example_x"
EXAMPLE_Y = "example_y"
LEARNING_RATE = "learning_rate"
UPDATE_BIASES = "update_biases"
GRANULARITY = "granularity"
STEP_INDEX = "step_index"
SELECTED = "selected_neuron"          # (layer, j) or None
LAST_UPDATE = "last_update"           # what the last applied update changed, or None
PRESET = "preset"
NOTICE = "notice"                     # (kind, text) to show once after a rerun
LINK_READ = "link_read"               # the address has been read for this session (links.read_link_once)
ADDRESS_WRITTEN = "address_written"   # the query string last handed to the address bar (address.write)
DATA_TEXT = "train_data_text"         # (TrainData, its address text): the last described or rebuilt (data_link)
HIDDEN = "hidden_controls"            # frozenset of HIDEABLE names a classroom link fixed
QUIZ = "quiz"                         # True when a classroom link switched quiz mode on

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
    st.session_state[STEP_INDEX] = max(int(index), 0)


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
        st.session_state[SELECTED] = None
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
    st.session_state[STEP_INDEX] = 0


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
    st.session_state[SELECTED] = None
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
