"""Worksheets: printable sheets for working one pass by hand, with their answer keys."""
import streamlit as st

from bpviz.ui import frame, worksheets
from bpviz.ui.i18n import t

st.title(t("ws.title"))
st.caption(t("ws.intro"))
frame.show_notice()
choice = worksheets.settings()
if st.button(t("ws.generate"), key="ws_generate", type="primary", icon=":material/print:"):
    worksheets.make(choice)
worksheets.downloads(choice)
