"""The frame every page shares: the page list, the sidebar, and a process-wide tuning.

The tuning (`freeze_startup_objects`) is applied once per server process, for a server
shared by a classroom. Streamlit runs a full garbage collection (`gc.collect(2)`) after every script
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

from bpviz.ui import state
from bpviz.ui.i18n import LANGUAGE_NAMES, plain_text, t

# Page scripts live in views/, not pages/: Streamlit treats a pages/ folder beside the
# entry point as its legacy multipage layout, which runs a deep-linked page without
# app.py on a fresh server and under AppTest.
PAGES = (  # (script, url path, title key, icon)
    ("views/home.py", "home", "nav.home", ":material/home:"),
    ("views/build.py", "build", "nav.build", ":material/schema:"),
    ("views/step.py", "step", "nav.step", ":material/footprint:"),
    ("views/train.py", "train", "nav.train", ":material/model_training:"),
    ("views/landscape.py", "landscape", "nav.landscape", ":material/landscape:"),
    ("views/gradcheck.py", "gradcheck", "nav.gradcheck", ":material/rule:"),
    ("views/share.py", "share", "nav.share", ":material/share:"),
    ("views/worksheets.py", "worksheets", "nav.worksheets", ":material/print:"),
)


def pages():
    return [st.Page(script, url_path=path, title=t(title), icon=icon, default=(path == "home"))
            for script, path, title, icon in PAGES]


def sidebar():
    """The language switch and the current network in one line."""
    with st.sidebar:
        codes = tuple(LANGUAGE_NAMES)
        if len(codes) > 1:
            st.selectbox(t("sidebar.language"), codes, key=state.LANGUAGE, format_func=LANGUAGE_NAMES.get)
        st.caption(t("sidebar.network"))
        st.code(network_line(state.network()), language=None, wrap_lines=True)


def network_line(net):
    """'2-2-2 · sigmoid, sigmoid · squared_error · 12 parameters', in the session's language."""
    return plain_text("sidebar.describe", **net.description_values())



@st.cache_resource(show_spinner=False)
def freeze_startup_objects() -> int:
    """Exempt the objects alive now (imported modules) from later collections.

    Call once every module the app uses has been imported. Cached as a resource,
    so it runs once per server process, not per session or per run. Returns the
    number of objects frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
