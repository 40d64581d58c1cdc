"""Build: choose a preset or an architecture, edit every weight, set the example."""
import streamlit as st

from bpviz.ui import address, charts, frame
from bpviz.ui.build import controls as build_controls
from bpviz.ui.i18n import t
from bpviz.ui.session import state

st.title(t("build.title"))
st.caption(t("build.intro"))
frame.show_notice()

top_left, top_right = st.columns([3, 2])
if address.visible("presets"):
    with top_left:
        build_controls.preset_picker()
if address.visible("files"):
    with top_right:
        build_controls.file_controls()

if address.visible("architecture"):
    with st.expander(t("build.architecture"), expanded=False):
        build_controls.architecture_form()

diagram_slot, neuron_column = st.columns([3, 2])
with neuron_column:
    build_controls.selected_neuron_panel(editable=address.visible("tables"))
if address.visible("tables"):
    with st.expander(t("build.tables"), expanded=True):
        build_controls.weight_tables()
if address.visible("example"):
    build_controls.example_editor()

with diagram_slot:  # drawn last, so it shows every edit made above in this run
    charts.network_diagram(state.network(), key="build_diagram")
