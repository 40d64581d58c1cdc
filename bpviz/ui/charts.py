"""Figures on the page: the network diagram with click-to-select, and friends (the Step
page's diagram is a component of its own: bpviz/ui/step/diagram.py).

The figures themselves come from `bpviz.viz`; this module only renders them and
turns a click on a neuron marker into `state.SELECTED`. Plotly clears a chart's
selection whenever the figure changes, so the selected neuron is kept in
session state by the `on_select` callback rather than read from the chart.
"""
from functools import partial

import streamlit as st

from bpviz import viz
from bpviz.ui import lesson
from bpviz.ui.i18n import catalogue
from bpviz.ui.session import state

CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def _remember_clicked_neuron(key):
    event = state.widget_value(key)
    points = (event or {}).get("selection", {}).get("points", [])
    net = state.network()
    for point in points:
        neuron = point.get("customdata")
        if isinstance(neuron, (list, tuple)) and len(neuron) >= 2:
            try:
                layer, j = int(neuron[0]), int(neuron[1])
            except (TypeError, ValueError):
                continue
            if 0 <= layer < len(net.sizes) and 0 <= j < net.sizes[layer]:
                state.set_selected_neuron((layer, j))
                return


def show(figure, key, selectable=False):
    """Render a figure; with `selectable`, a click on a neuron selects it."""
    if selectable:
        st.plotly_chart(figure, key=key, on_select=partial(_remember_clicked_neuron, key),
                        selection_mode="points", config=CHART_CONFIG)
    else:
        st.plotly_chart(figure, key=key, config=CHART_CONFIG)


def network_diagram(source, key, node_quantity="a", edge_quantity="weight", example=0):
    """The diagram of a bare network (Build page) or of a `Step` (Step page)."""
    figure = viz.network_figure(source, node_quantity=node_quantity, edge_quantity=edge_quantity,
                                selected=state.selected_neuron(), example=example,
                                text=catalogue(), names=lesson.names())
    show(figure, key, selectable=True)
