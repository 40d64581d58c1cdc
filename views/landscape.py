"""Landscape: the loss against one parameter (tangent = gradient, update arrow), and
over two parameters with a gradient-descent path."""
import streamlit as st

from bpviz.ui import landscape_controls, state
from bpviz.ui.i18n import t

st.title(t("landscape.title"))
st.caption(t("landscape.intro"))
state.show_notice()
X, Y = landscape_controls.data_choice("landscape_data")
one_tab, two_tab = st.tabs([t("landscape.one"), t("landscape.two")])
with one_tab:
    landscape_controls.one_parameter(X, Y)
with two_tab:
    landscape_controls.two_parameters(X, Y)
