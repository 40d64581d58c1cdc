"""Process-wide tuning for a server shared by a classroom, applied once per process.

Streamlit runs a full garbage collection (`gc.collect(2)`) after every script
run, to keep memory flat. That collection walks every object in the process —
some 120 000 of them once NumPy, pandas and Plotly are loaded — and took about
55 ms of a 2-core machine's time per click, the biggest single cost of a click
under load. `gc.freeze()` moves the objects alive at start-up (the imported
libraries, which live as long as the process) to a permanent generation the
collector skips, so the collection after each run only walks what the runs
themselves created, and still frees it.
"""
import gc

import streamlit as st


@st.cache_resource(show_spinner=False)
def freeze_startup_objects() -> int:
    """Exempt the objects alive now (imported modules) from later collections.

    Call once every module the app uses has been imported. Cached as a resource,
    so it runs once per server process, not per session or per run. Returns the
    number of objects frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
