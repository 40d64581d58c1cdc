"""Landscape: the loss against one parameter (tangent = gradient, update arrow), and
over two parameters with a gradient-descent path. Only the view on show is computed."""
import streamlit as st

from bpviz.ui import frame, landscape
from bpviz.ui.i18n import t

st.title(t("landscape.title"))
st.caption(t("landscape.intro"))
frame.show_notice()
X, Y = landscape.data_choice("landscape_data")
if landscape.view_choice() == "one":
    landscape.one_parameter(X, Y)
else:
    landscape.two_parameters(X, Y)
