"""Home: what backpropagation does, its two phases, and where to start."""
import streamlit as st

from bpviz.ui import frame
from bpviz.ui.i18n import t

st.title(t("home.title"))
frame.show_notice()
st.markdown(t("home.intro"))
left, right = st.columns(2)
with left:
    st.subheader(t("home.phase1.title"))
    st.markdown(t("home.phase1.body"))
with right:
    st.subheader(t("home.phase2.title"))
    st.markdown(t("home.phase2.body"))
st.subheader(t("home.start.title"))
st.markdown(t("home.start.body"))
st.page_link("views/build.py", label=t("home.link.build"), icon=":material/schema:")
st.page_link("views/step.py", label=t("home.link.step"), icon=":material/footprint:")
