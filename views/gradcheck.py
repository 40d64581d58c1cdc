"""Gradient check: backprop against numerical gradients, with mistakes to catch."""
import streamlit as st

from bpviz.ui import gradcheck, landscape, state
from bpviz.ui.i18n import t

st.title(t("gradcheck.title"))
st.caption(t("gradcheck.intro"))
state.show_notice()
X, Y = landscape.data_choice("gradcheck_data")
gradcheck.check_view(X, Y)
