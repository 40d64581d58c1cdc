"""The Step diagram's companion component (diagram_motion.js): it animates the step in
the diagram, gives the presenter's extra keys, and reports the room the diagram has.

Registered once, at import, with st.components.v2 (inline JavaScript of a few KB; it
uses the Plotly the page's diagram already loaded, so nothing large is sent).
"""
from pathlib import Path

import streamlit as st

DEFAULT_ROOM = (460, 900)          # (height, width) in px until the browser has reported
MIN_HEIGHT, MAX_HEIGHT = 300, 1400

_mount = st.components.v2.component(
    "bpviz_diagram_motion", js=(Path(__file__).with_name("diagram_motion.js")).read_text(encoding="utf-8"))


ROOM = "diagram_room"              # session state: the last room the browser reported


def _remember_room(key):
    """Keep the reported room beyond the component's own state, which Streamlit drops when
    the learner visits another page."""
    value = st.session_state.get(key)
    reported = value.get("room") if isinstance(value, dict) else getattr(value, "room", None)
    if reported is not None:
        st.session_state[ROOM] = room(reported)


def room_now():
    """(height, width) in px the diagram has, as last reported by the browser."""
    return st.session_state.get(ROOM) or DEFAULT_ROOM


def motion(step_index, animate, key="step_motion"):
    """Mount the component after the diagram of step `step_index`; returns the room the
    diagram has next time, (height, width) in px (see `room`)."""
    _mount(key=key, data={"step": int(step_index), "motion": bool(animate)}, default={"room": None},
           on_room_change=lambda: _remember_room(key), height=0)


def room(reported):
    """(height, width) from what the browser reported, or DEFAULT_ROOM; anything not two
    positive numbers is ignored (it comes from the browser)."""
    try:
        height, width = (int(v) for v in reported)
    except (TypeError, ValueError):
        return DEFAULT_ROOM
    if height <= 0 or width <= 0:
        return DEFAULT_ROOM
    return min(max(height, MIN_HEIGHT), MAX_HEIGHT), min(max(width, 200), 4000)
