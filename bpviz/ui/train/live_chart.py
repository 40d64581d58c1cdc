"""A chart that live redraws update in place: a small st.components.v2 component
(live_chart.js) that calls Plotly.react on the same <div> each rerun, so Play shows
no blank frame (st.plotly_chart re-creates a changed figure, hidden until sized).

Plotly's own plotly.min.js (from the installed plotly package) is served by this
app's server through a declared component path and loaded once per page.
"""
from pathlib import Path

import plotly
import plotly.io
import streamlit as st
import streamlit.components.v1 as components_v1

from bpviz.ui.charts import CHART_CONFIG

PLOTLY_FILES = Path(plotly.__file__).parent / "package_data"   # holds plotly.min.js
components_v1.declare_component("plotly", path=str(PLOTLY_FILES))   # served at component/<this module>.plotly/
_mount = st.components.v2.component(
    "bpviz_live_chart", js=Path(__file__).with_name("live_chart.js").read_text(encoding="utf-8"),
    isolate_styles=False)


def live_chart(figure, key):
    """Draw `figure` (a go.Figure) under `key`; a later call with the same key updates it."""
    height = figure.layout.height or 400
    _mount(key=key, data={"figure": plotly.io.to_json(figure, validate=False), "config": CHART_CONFIG},
           height=height)
