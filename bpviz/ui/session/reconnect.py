"""The page's reconnect watcher (reconnect.js): after the server or its replica restarts,
the page reruns by itself and, when the session that answers is a new one, reloads at
its address, so the learner's state comes back from the address and uploads reach the
new session without a manual reload.

Each session gets a random name once (`state.session_name`); every full run mounts the
watcher in the sidebar with it. The name says nothing about the learner and is shared
with nobody: it only lets the page tell its own session from a new one.
"""
import secrets
from pathlib import Path

import streamlit as st

from bpviz.ui.session import state

_mount = st.components.v2.component(
    "bpviz_reconnect", js=Path(__file__).with_name("reconnect.js").read_text(encoding="utf-8"),
    isolate_styles=False)


def session_name():
    """This session's random name (made on its first run)."""
    if state.session_name() is None:
        state.set_session_name(secrets.token_urlsafe(12))
    return state.session_name()


def watch():
    """Mount the watcher (in the sidebar: it draws nothing)."""
    with st.sidebar:
        _mount(key="bpviz_reconnect", data={"session": session_name()}, on_reconnected_change=lambda: None)
