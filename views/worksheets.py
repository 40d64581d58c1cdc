"""Worksheets: printable sheets for working one pass by hand, with their answer keys."""
import streamlit as st

from bpviz.ui import state, worksheet_controls
from bpviz.ui.i18n import t

st.title(t("ws.title"))
st.caption(t("ws.intro"))
state.show_notice()
choice = worksheet_controls.settings()
if st.button(t("ws.generate"), key="ws_generate", type="primary", icon=":material/print:"):
    worksheet_controls.make(choice)   # a second click while waiting replaces the request
worksheet_controls.wait()
worksheet_controls.downloads(choice)
