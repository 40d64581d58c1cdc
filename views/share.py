"""Share: a link to the current network, or a classroom link for students."""
import streamlit as st

from bpviz.ui import frame, share
from bpviz.ui.i18n import t

st.title(t("share.title"))
st.caption(t("share.intro"))
frame.show_notice()
share.link_builder()
