"""Gradient check: backprop against numerical gradients, with mistakes to catch."""
import streamlit as st

from bpviz.ui import frame, gradcheck, landscape, lesson
from bpviz.ui.i18n import t

st.title(t("gradcheck.title"))
st.caption(t("gradcheck.intro"))
frame.show_notice()
if lesson.locked():   # quiz mode: every gradient here is an answer the pass still asks for
    lesson.explain_lock("gradcheck")
else:
    X, Y = landscape.data_choice("gradcheck_data")
    gradcheck.check_view(X, Y)
