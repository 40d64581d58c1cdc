"""Gradient health: the size of each weight layer's gradient over the epochs.

One line per weight layer (W⁽¹⁾ next to the input … W⁽ᴸ⁾ into the output), the y
axis logarithmic so that a gradient a thousand times smaller than another is
still visible. Layers are told apart by colour (a sequential, colour-blind-safe
ramp from the input side to the output side) and by dash. A gradient of exactly
0 (dead ReLUs) cannot sit on a log axis: it is left out of the line (a gap) and
listed in the hover text as 0.
"""
from plotly.subplots import make_subplots

from bpviz.viz import style
from bpviz.viz.text import label

DEFAULT_TEXT = {
    "viz.health.title": "Gradient health: RMS of ∂E/∂W per layer",
    "viz.health.axis": "RMS of ∂E/∂W (log scale)",
    "viz.health.layer": "weights into layer {layer}",
    "viz.health.epoch": "epoch",
}
# input side dark blue → output side yellow (viridis stops): ordered, readable in both themes
LAYER_COLOURS = ("#440154", "#46327E", "#365C8D", "#277F8E", "#1FA187", "#4AC16D", "#A0DA39")
LAYER_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid")


def layer_style(layer, layers):
    """(colour, dash) of weight layer `layer` (1..layers), spread over the ramp."""
    position = 0 if layers == 1 else round((layer - 1) * (len(LAYER_COLOURS) - 1) / (layers - 1))
    return LAYER_COLOURS[position], LAYER_DASHES[(layer - 1) % len(LAYER_DASHES)]


def health_traces(history, text=None, legend=True, axis_suffix="", digits=None):
    """The per-layer lines of one training history (EpochRecord-like rows with
    `epoch` and `gradient_rms`); with `digits`, each value rounded to that many
    significant digits (a static chart sent as is: fewer bytes, the same picture)."""
    rows = [r for r in history if r.gradient_rms]
    if not rows:
        return []
    epochs = [r.epoch for r in rows]
    layers = len(rows[0].gradient_rms)
    traces = []
    for l in range(layers):
        values = [r.gradient_rms[l] for r in rows]
        if digits is not None:
            values = [float(f"{v:.{digits}g}") for v in values]
        colour, dash = layer_style(l + 1, layers)
        traces.append(dict(type="scatter", mode="lines", x=epochs, y=[v if v > 0 else None for v in values],
                           customdata=[[v] for v in values],
                           name=label(text, DEFAULT_TEXT, "viz.health.layer", layer=l + 1),
                           legendgroup=f"layer{l + 1}", showlegend=legend,
                           hovertemplate="%{customdata[0]:" + style.NUMBER_FORMAT + "}",
                           line=dict(color=colour, width=2, dash=dash),
                           xaxis="x" + axis_suffix, yaxis="y" + axis_suffix))
    return traces


def gradient_health_figure(history, text=None, title=None):
    """One training run's gradient health: one line per weight layer over the epochs, log y."""
    layout = style.base_layout(title=title or label(text, DEFAULT_TEXT, "viz.health.title"), height=360)
    layout.update(xaxis=dict(title=label(text, DEFAULT_TEXT, "viz.health.epoch")),
                  yaxis=dict(title=label(text, DEFAULT_TEXT, "viz.health.axis"), type="log", exponentformat="power",
                             **log_ticks(history)),
                  legend=dict(orientation="h", y=-0.3), hovermode="x unified")
    return style.figure(health_traces(history, text), layout)


def log_ticks(history):
    """Within two decades, ticks at 1, 2 and 5 of each (Plotly's "D2"), not at every digit;
    over a wider span Plotly's own choice (powers of ten) reads better."""
    values = [v for r in history for v in r.gradient_rms if v > 0]
    return {"dtick": "D2"} if values and max(values) < 100 * min(values) else {}


PANEL_TITLE_UNITS = 20   # "Deep sigmoid" above "(2-6-6-6-6-6-6-1)"
COMPARISON_DIGITS = 4   # the hover shows 3 (style.NUMBER_FORMAT); full floats doubled the Train page's bytes


def health_comparison_figure(histories, titles, text=None):
    """Runs side by side (e.g. deep sigmoid vs deep ReLU), one panel each, on one shared
    log axis so their sizes compare at a glance. `histories` and `titles` in the same order.
    Values are rounded to COMPARISON_DIGITS significant digits. Each panel's title wraps at
    PANEL_TITLE_UNITS (a phone's panel is about that wide), with the plot moved down for it."""
    panel_titles = [style.title_lines(title, PANEL_TITLE_UNITS) for title in titles]
    grid = make_subplots(rows=1, cols=len(histories), shared_yaxes=True, horizontal_spacing=0.04,
                         subplot_titles=["<br>".join(lines) for lines in panel_titles])
    layout = grid.layout.to_plotly_json()
    traces = []
    for i, history in enumerate(histories):
        suffix = "" if i == 0 else str(i + 1)
        traces += health_traces(history, text, legend=i == 0, axis_suffix=suffix, digits=COMPARISON_DIGITS)
        layout[f"xaxis{suffix}"].update(title=label(text, DEFAULT_TEXT, "viz.health.epoch"))
        layout[f"yaxis{suffix}"].update(type="log", exponentformat="power")
    layout["yaxis"]["title"] = label(text, DEFAULT_TEXT, "viz.health.axis")
    layout.update({k: v for k, v in style.base_layout(title=label(text, DEFAULT_TEXT, "viz.health.title"),
                                                         height=380).items()})
    extra_lines = max(len(lines) for lines in panel_titles) - 1
    layout["margin"]["t"] += style.TITLE_LINE_PX * extra_lines
    layout["title"].update(yref="container", y=1, yanchor="top", pad=dict(t=10))   # above the panels' titles
    layout["height"] += style.TITLE_LINE_PX * extra_lines
    layout.update(legend=dict(orientation="h", y=-0.3), hovermode="x unified")
    return style.figure(traces, layout)
