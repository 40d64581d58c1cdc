"""The Step diagram's companion component (diagram.js): it animates the step in
the diagram, gives the presenter's extra keys, and reports the room the diagram has.

Why a component and not Plotly frames: st.plotly_chart mounts a new plot for every
changed figure (its element id hashes the figure), so nothing can be animated inside it
from one step to the next; frames played in the plot would need the whole pass in one
figure and a second way to click a neuron. The component draws the moving values over
the plot in SVG, reading the plot's axes, so the figure stays built by bpviz.viz and
clicks keep selecting neurons. Registered once, at import (inline JavaScript of a few KB).
"""
from pathlib import Path

import streamlit as st

from bpviz.ui import state
from bpviz.viz import Canvas

DEFAULT_ROOM = (Canvas().height, Canvas().width)   # (height, width) in px until the browser has reported
MIN_HEIGHT, MAX_HEIGHT = 300, 1400

_mount = st.components.v2.component(
    "bpviz_diagram_motion", js=(Path(__file__).with_name("diagram.js")).read_text(encoding="utf-8"))


def _remember_room(key):
    """Keep the reported room beyond the component's own state, which Streamlit drops when
    the learner visits another page."""
    value = state.widget_value(key)
    reported = value.get("room") if isinstance(value, dict) else getattr(value, "room", None)
    if reported is not None:
        state.set_diagram_room(room(reported))


def room_now():
    """(height, width) in px the diagram has, as last reported by the browser."""
    return state.diagram_room() or DEFAULT_ROOM


def motion(step_index, animate, key="step_motion"):
    """Mount the component after the diagram of step `step_index` (`animate`: the page's
    motion switch). What it reports lands in `room_now()` for the next run."""
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
