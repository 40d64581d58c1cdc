"""The frame every page shares: the page list and the sidebar."""
import streamlit as st

from bpviz.ui import state
from bpviz.ui.i18n import t

PAGES = (  # (script, url path, title key, icon)
    ("pages/home.py", "home", "nav.home", ":material/home:"),
    ("pages/build.py", "build", "nav.build", ":material/schema:"),
    ("pages/step.py", "step", "nav.step", ":material/footprint:"),
)


def pages():
    return [st.Page(script, url_path=path, title=t(title), icon=icon, default=(path == "home"))
            for script, path, title, icon in PAGES]


def sidebar():
    """The current network in one line, and the session's settings."""
    with st.sidebar:
        st.caption(t("sidebar.network"))
        st.code(state.network().describe(), language=None, wrap_lines=True)
