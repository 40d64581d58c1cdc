"""Gradient check: backprop against numerical gradients, with mistakes to catch."""
import streamlit as st

from bpviz.ui import landscape_controls, lesson, state
from bpviz.ui.i18n import t

st.title(t("gradcheck.title"))
st.caption(t("gradcheck.intro"))
state.show_notice()
if lesson.locked():   # quiz mode: every gradient here is an answer the pass still asks for
    lesson.explain_lock("gradcheck")
else:
    X, Y = landscape_controls.data_choice("gradcheck_data")
    landscape_controls.check_view(X, Y)
