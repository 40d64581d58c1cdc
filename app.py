"""bpviz entry point: `streamlit run app.py`.

Sets up the page, the session state (and a link's settings, once per session),
the navigation and the sidebar; each page is a thin script in views/; last, the
address bar gets the session's state.
"""
import streamlit as st

# Every page's modules (and pandas, plotly) are imported here, by the first run, not by
# the pages: several sessions importing pandas at the same moment can see it half
# initialised.
from bpviz.ui import address, inspector, landscape_controls, layout, links, server, state, train_controls  # noqa: F401
from bpviz.ui import quiz, worksheet_controls  # noqa: F401   (worksheet_controls loads the typst compiler)

st.set_page_config(page_title="bpviz · backpropagation, step by step", page_icon="🧮", layout="wide")
server.freeze_startup_objects()
state.init()
links.read_link_once()
page = st.navigation(layout.pages())
layout.sidebar()
page.run()
address.write()   # after the page: the address carries what this run changed
