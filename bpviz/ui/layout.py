"""The frame every page shares: the page list and the sidebar."""
import streamlit as st

from bpviz.ui import state
from bpviz.ui.i18n import LANGUAGE_KEY, LANGUAGE_NAMES, t

PAGES = (  # (script, url path, title key, icon)
    ("pages/home.py", "home", "nav.home", ":material/home:"),
    ("pages/build.py", "build", "nav.build", ":material/schema:"),
    ("pages/step.py", "step", "nav.step", ":material/footprint:"),
    ("pages/train.py", "train", "nav.train", ":material/model_training:"),
    ("pages/share.py", "share", "nav.share", ":material/share:"),
)


FRAME_RUNNING = "frame_running"   # set while app.py runs the page


def run(page):
    """Run `page` inside the app's frame (app.py calls this)."""
    st.session_state[FRAME_RUNNING] = True
    try:
        page.run()
    finally:
        st.session_state[FRAME_RUNNING] = False


def require_frame():
    """Every page script calls this first.

    Streamlit runs the very first request of a fresh server process in its old
    "pages directory" mode when that request opens a page other than the home
    page (e.g. a classroom link to /step): the page script then runs without
    app.py, so without session set-up or navigation. Registering the navigation
    switches that mode off for the process; the rerun then goes through app.py.
    """
    if not st.session_state.get(FRAME_RUNNING):
        st.navigation(pages(), position="hidden")
        st.rerun()


def pages():
    return [st.Page(script, url_path=path, title=t(title), icon=icon, default=(path == "home"))
            for script, path, title, icon in PAGES]


def sidebar():
    """The language switch and the current network in one line."""
    with st.sidebar:
        codes = tuple(LANGUAGE_NAMES)
        if len(codes) > 1:
            st.selectbox(t("sidebar.language"), codes, key=LANGUAGE_KEY, format_func=LANGUAGE_NAMES.get)
        st.caption(t("sidebar.network"))
        st.code(state.network().describe(), language=None, wrap_lines=True)
