"""bpviz entry point: `streamlit run app.py`.

Sets up the page, the session state (and a share link's settings, once per
session), the navigation and the sidebar; each page is a thin script in views/.
"""
import streamlit as st

from bpviz.ui import layout, links, state

st.set_page_config(page_title="bpviz · backpropagation, step by step", page_icon="🧮", layout="wide")
state.init()
links.read_link_once()
page = st.navigation(layout.pages())
layout.sidebar()
page.run()
