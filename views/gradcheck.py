"""Gradient check: backprop against numerical gradients, with mistakes to catch."""
import streamlit as st

from bpviz.ui import frame, gradcheck, landscape
from bpviz.ui.i18n import t

st.title(t("gradcheck.title"))
st.caption(t("gradcheck.intro"))
frame.show_notice()
X, Y = landscape.data_choice("gradcheck_data")
gradcheck.check_view(X, Y)
