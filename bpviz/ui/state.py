"""Session state: the learner's network, example and step position, per session.

Every key is initialised behind a guard in `init()`, which each page's run
calls through app.py. The network is an immutable `Network`; changing it means
storing a new one with `set_network`, which also resets what depends on it.
"""
import numpy as np
import streamlit as st

from bpviz.engine import Network, preset

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

DEFAULT_PRESET = "worked_example"


def init():
    """Give every key its starting value, once per session."""
    if NETWORK not in st.session_state:
        load_preset(DEFAULT_PRESET)
    st.session_state.setdefault(GRANULARITY, "layer")
    st.session_state.setdefault(NOTICE, None)


def network() -> Network:
    return st.session_state[NETWORK]


def example():
    """The stepping example: (x of shape (sizes[0],), y of shape (sizes[L],))."""
    return np.array(st.session_state[EXAMPLE_X]), np.array(st.session_state[EXAMPLE_Y])


def set_network(net: Network, from_tables=False):
    """Store a new network; the example is resized to fit and stepping restarts.

    `from_tables`: the change came from the weight tables themselves, which
    already show it, so their widgets keep their state.
    """
    st.session_state[NETWORK] = net
    if not from_tables:
        st.session_state[NETWORK_VERSION] = st.session_state.get(NETWORK_VERSION, 0) + 1
    st.session_state[EXAMPLE_X] = _fit(st.session_state.get(EXAMPLE_X, ()), net.sizes[0])
    st.session_state[EXAMPLE_Y] = _fit(st.session_state.get(EXAMPLE_Y, ()), net.sizes[-1])
    selected = st.session_state.get(SELECTED)
    if selected and not (selected[0] < len(net.sizes) and selected[1] < net.sizes[selected[0]]):
        st.session_state[SELECTED] = None
    restart_steps()


def set_example(x, y):
    st.session_state[EXAMPLE_X] = tuple(float(v) for v in x)
    st.session_state[EXAMPLE_Y] = tuple(float(v) for v in y)
    restart_steps()


def restart_steps():
    st.session_state[STEP_INDEX] = 0


def load_preset(name):
    """Replace network, example and step settings by a preset's."""
    load_shared(preset(name))
    st.session_state[PRESET] = name


def load_shared(shared):
    """Replace network, example and step settings by those of a preset or a share
    link (anything with .network .x .y .learning_rate .update_biases)."""
    st.session_state[PRESET] = None
    st.session_state[LEARNING_RATE] = shared.learning_rate
    st.session_state[UPDATE_BIASES] = shared.update_biases
    st.session_state[LAST_UPDATE] = None
    st.session_state[SELECTED] = None
    set_example(shared.x, shared.y)
    set_network(shared.network)


def notify(kind, text):
    """Show `text` (kind: success, info, warning, error) once, after the next rerun."""
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
