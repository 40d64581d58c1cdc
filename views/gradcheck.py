"""Gradient check: backprop against numerical gradients, with mistakes to catch."""
import streamlit as st

from bpviz.ui import landscape_controls, state
from bpviz.ui.i18n import t

st.title(t("gradcheck.title"))
st.caption(t("gradcheck.intro"))
state.show_notice()
X, Y = landscape_controls.data_choice("gradcheck_data")
landscape_controls.check_view(X, Y)
