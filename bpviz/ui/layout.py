"""The frame every page shares: the page list and the sidebar."""
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
