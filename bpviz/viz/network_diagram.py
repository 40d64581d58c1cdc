"""The network diagram: neurons as clickable markers coloured by a chosen quantity,
connections by the sign and size of weights or gradients, unknowns drawn as unknown.

`network_figure(source, node_quantity, edge_quantity, selected, example, text)`
draws a bare `Network` (Build page: only parameters exist) or an engine `Step`
(Step page: exactly what is known at that step). Every neuron marker carries
`customdata = [layer, j]`, which is how the app learns which neuron was clicked.
"""
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpviz.engine import Network, Step
from bpviz.viz import style
from bpviz.viz.geometry import (
    EDGE_GROUPS,
    HOVER_AT,
    WIDTHS,
    axis_ranges,
    edge_endpoints,
    edge_values,
    edges,
    neuron_positions,
    packed,
    segments,
)
from bpviz.viz.notation import neuron_name, weight_name
from bpviz.viz.text import label

DEFAULT_TEXT = {
    "viz.quantity.a": "activation a",
    "viz.quantity.z": "weighted input z",
    "viz.quantity.delta": "error term δ",
    "viz.quantity.none": "bias b",
    "viz.edge.weight": "weight",
    "viz.edge.grad": "gradient ∂E/∂w",
    "viz.neuron": "neuron {j} of layer {layer}",
    "viz.edge_between": "from neuron {k} of layer {source} to neuron {j} of layer {target}",
    "viz.unknown": "not computed yet",
    "viz.loss": "Loss E = {loss}",
    "viz.loss_unknown": "Loss E = ? (not computed yet)",
    "viz.no_values": "Parameters only: step through a pass to see activations, deltas and gradients",
    "viz.input": "x",
    "viz.target": "y",
}
SYMBOLS = {"a": "a", "z": "z", "delta": "δ", "none": "b"}


@dataclass(frozen=True)
class DiagramValues:
    """What one picture of the network shows. Per layer, `nodes[l]` is a vector of
    values or None (unknown); `edge_matrices[l-1]` is the matrix for the
    connections into layer l or None (unknown)."""
    network: Network
    node_quantity: str
    nodes: Sequence[np.ndarray | None]
    edge_quantity: str
    edge_matrices: Sequence[np.ndarray | None]
    x: np.ndarray | None
    y: np.ndarray | None
    loss: float | None


def values_of(source, node_quantity="a", edge_quantity="weight", example=0):
    """DiagramValues of a `Network` (parameters only) or of a `Step` (what it knows)."""
    if node_quantity not in style.NODE_QUANTITIES:
        raise ValueError(f"node_quantity must be one of {style.NODE_QUANTITIES}")
    if edge_quantity not in style.EDGE_QUANTITIES:
        raise ValueError(f"edge_quantity must be one of {style.EDGE_QUANTITIES}")
    if isinstance(source, Network):
        net = source
        nodes = [None] + [b for b in net.biases]
        return DiagramValues(net, "none", nodes, "weight", list(net.weights), None, None, None)
    if not isinstance(source, Step):
        raise TypeError("source must be a Network or a Step")
    step, net = source, source.network
    example = min(max(int(example), 0), step.X.shape[0] - 1)

    def row(matrix):
        return None if matrix is None else matrix[example]
    layers = range(len(net.sizes))
    if node_quantity == "a":
        nodes = [row(step.activation(l)) for l in layers]
    elif node_quantity == "z":
        nodes = [row(step.activation(0))] + [row(step.preactivation(l)) for l in layers[1:]]
    else:
        nodes = [row(step.activation(0))] + [row(step.delta(l)) for l in layers[1:]]
    matrices = (list(net.weights) if edge_quantity == "weight"
                else [step.weight_grad(l) for l in layers[1:]])
    return DiagramValues(net, node_quantity, nodes, edge_quantity, matrices, step.X[example], step.Y[example],
                         step.loss)


def node_traces(values, text=None, show_scale=True, brief=False, limit=None, marker_size=None, font_size=None,
                number_format=style.NUMBER_FORMAT):
    """[known neurons, unknown neurons, labels in black, labels in white]: four scatter
    traces, always all four (maybe empty). A known neuron's number is drawn by a text
    trace of its own colour, black or white, whichever reads better on that neuron's
    fill: each text trace has one colour, so a click that selects a neuron (plotly then
    restyles selected and unselected points) cannot change it.
    `brief`: hover names and values only (animation frames, where size counts).
    `limit`: the colour scale's half-range (default: the largest value shown); marker
    and font sizes in px (default: by the network's size)."""
    net, positions = values.network, neuron_positions(values.network.sizes)
    known, unknown = [], []
    for l, n in enumerate(net.sizes):
        for j in range(n):
            (known if values.nodes[l] is not None else unknown).append((l, j))
    quantity = values.node_quantity if values.node_quantity != "none" else "none"
    shown = [float(values.nodes[l][j]) for l, j in known]
    # inputs show x, not z or δ: they keep the scale's neutral middle and stay off its range
    on_scale = [v if l > 0 or quantity in ("a", "none") else 0.0 for (l, _), v in zip(known, shown)]
    limit = limit or style.symmetric_limit(on_scale)
    symbol = SYMBOLS[quantity]

    def hover(l, j, value=None):
        head = f"{neuron_name(symbol if l or quantity == 'none' else 'a', l, j)}"
        if l == 0 and quantity != "none":
            head = neuron_name("a", 0, j)
        if brief:
            return f"{head} = {'?' if value is None else format(value, style.HOVER_FORMAT)}"
        where = label(text, DEFAULT_TEXT, "viz.neuron", j=j, layer=l)
        return f"{head} = {value:{style.HOVER_FORMAT}}<br>{where}" if value is not None else \
            f"{head} = ?<br>{where}<br>{label(text, DEFAULT_TEXT, 'viz.unknown')}"
    marker_size = marker_size or (34 if max(net.sizes) <= 6 else 26)
    font_size = font_size or (10 if marker_size > 30 else 8)
    known_trace = dict(
        type="scatter", mode="markers", name=label(text, DEFAULT_TEXT, f"viz.quantity.{quantity}"),
        x=[positions[p][0] for p in known], y=[positions[p][1] for p in known],
        customdata=[list(p) for p in known],
        hovertext=[hover(l, j, v) for (l, j), v in zip(known, shown)], hoverinfo="text",
        marker=dict(size=marker_size, color=on_scale, colorscale=[list(s) for s in style.DIVERGING], cmin=-limit,
                    cmax=limit, showscale=bool(show_scale and known),
                    colorbar=dict(title=dict(text=symbol), thickness=12, len=0.6),
                    line=dict(width=1, color=style.NEUTRAL_COLOUR)),
        showlegend=False)
    unknown_trace = dict(
        type="scatter", mode="markers+text", name=label(text, DEFAULT_TEXT, "viz.unknown"),
        x=[positions[p][0] for p in unknown], y=[positions[p][1] for p in unknown],
        customdata=[list(p) for p in unknown], text=[style.UNKNOWN_LABEL] * len(unknown),
        textfont=dict(size=max(12, font_size), color=style.TEXT_ON_LIGHT),
        hovertext=[hover(l, j) for l, j in unknown], hoverinfo="text",
        marker=dict(size=marker_size, color=style.UNKNOWN_FILL, line=dict(width=2, color=style.UNKNOWN_COLOUR)),
        showlegend=False)
    # a click selects a point: plotly then restyles every point; keep each as it was
    as_drawn = dict(marker=dict(opacity=1))
    known_trace.update(selected=as_drawn, unselected=as_drawn)
    as_drawn = dict(marker=dict(opacity=1), textfont=dict(color=style.TEXT_ON_LIGHT))
    unknown_trace.update(selected=as_drawn, unselected=as_drawn)
    numbers = [f"{v:{number_format}}" for v in shown]
    label_colours = style.label_colours(on_scale, limit)
    labels = []
    for colour in (style.TEXT_ON_LIGHT, style.TEXT_ON_DARK):
        mine = [i for i, c in enumerate(label_colours) if c == colour]
        as_drawn = dict(textfont=dict(color=colour))
        labels.append(packed(dict(
            type="scatter", mode="text", hoverinfo="skip", showlegend=False,
            x=[known_trace["x"][i] for i in mine], y=[known_trace["y"][i] for i in mine],
            text=[numbers[i] for i in mine], textfont=dict(size=font_size, color=colour),
            selected=as_drawn, unselected=as_drawn)))
    return [packed(known_trace), packed(unknown_trace)] + labels


def _edge_numbers(values):
    """The value of every connection of `edges(sizes)` (0 where unknown) and which are known."""
    sizes = values.network.sizes
    layer_of_edge = np.repeat(np.arange(1, len(sizes)), [a * b for a, b in zip(sizes[:-1], sizes[1:])])
    known_layers = np.array([m is not None for m in values.edge_matrices])
    known = known_layers[layer_of_edge - 1]
    numbers = np.zeros(len(known))
    numbers[known] = edge_values([m for m in values.edge_matrices if m is not None])
    return numbers, known


def edge_traces(values, text=None, hover=True, hover_values=None):
    """One line trace per EDGE_GROUPS entry, one for unknown values, and one trace of
    invisible hover points naming every connection (always len(EDGE_GROUPS) + 2 traces;
    without `hover` the last one is empty). Grouping is vectorised. `hover_values`: what
    the hover tells, when not the lines' values (the Step page draws weights and hovers
    gradients too)."""
    sizes = values.network.sizes
    sources, targets = edge_endpoints(sizes)
    numbers, known = _edge_numbers(values)
    limit = style.symmetric_limit(numbers[known])
    classes = np.minimum((np.abs(numbers) / limit * len(WIDTHS)).astype(int), len(WIDTHS) - 1)
    traces = []
    for sign, width in EDGE_GROUPS:
        chosen = known & ((numbers < 0) if sign == "negative" else (numbers >= 0)) & (classes == width)
        xs, ys = segments(sources, targets, chosen)
        colour = style.NEGATIVE_COLOUR if sign == "negative" else style.POSITIVE_COLOUR
        traces.append(dict(type="scatter", mode="lines", x=xs, y=ys, hoverinfo="skip", showlegend=False,
                           line=dict(color=colour, width=WIDTHS[width])))
    xs, ys = segments(sources, targets, ~known)
    traces.append(dict(type="scatter", mode="lines", x=xs, y=ys, hoverinfo="skip", showlegend=False,
                       line=dict(color=style.UNKNOWN_COLOUR, width=1, dash="dot")))
    hover_layer = dict(type="scatter", mode="markers", showlegend=False, marker=dict(size=9, color="rgba(0,0,0,0)"))
    if hover:
        points = sources + HOVER_AT * (targets - sources)
        hovered = hover_values or values
        template, rows = _edge_hovers(hovered, *(_edge_numbers(hovered) if hover_values else (numbers, known)), text)
        hover_layer.update(x=points[:, 0], y=points[:, 1], customdata=rows, hovertemplate=template)
    else:
        hover_layer.update(x=[], y=[], hoverinfo="skip")
    traces.append(hover_layer)
    return [packed(trace) for trace in traces]


def _edge_hovers(values, numbers, known, text):
    """The hover of every connection as one template and a row of values per edge:
    'w⁽ˡ⁾ⱼₖ = value', the gradient (or ?) when edges show gradients, and where it goes.

    Rows are [name, weight, gradient, k, source layer, j, target layer], numbers already
    formatted; the sentences are in the template once, not repeated 700 times (the
    largest diagram's hover went from 90 KB to about a third of that)."""
    net = values.network
    between = label(text, DEFAULT_TEXT, "viz.edge_between", k="%{customdata[3]}", source="%{customdata[4]}",
                    j="%{customdata[5]}", target="%{customdata[6]}")
    unknown = f"? ({label(text, DEFAULT_TEXT, 'viz.unknown')})"
    show_gradient = values.edge_quantity == "grad" or not np.all(known)
    gradient_line = "<br>∂E/∂%{customdata[0]} = %{customdata[2]}" if show_gradient else ""
    template = f"%{{customdata[0]}} = %{{customdata[1]}}{gradient_line}<br>{between}<extra></extra>"
    rows = []
    for index, (l, j, k) in enumerate(edges(net.sizes)):
        if not known[index]:
            gradient = unknown
        else:
            gradient = style.number(numbers[index], style.HOVER_FORMAT) if values.edge_quantity == "grad" else ""
        weight = style.number(net.weights[l - 1][j, k], style.HOVER_FORMAT)
        rows.append([weight_name(l, j, k), weight, gradient, k, l - 1, j, l])
    return template, rows


def side_labels(values, text=None):
    """Layout annotations: input values left of the inputs, targets right of the outputs
    (none for a bare network). Black on a light chip, so they read the same on light and
    dark themes (a theme's own grey for figure text is below 4.5:1 on white)."""
    sizes = values.network.sizes
    positions = neuron_positions(sizes)
    annotations = []
    for layer, numbers, key, anchor, shift in ((0, values.x, "viz.input", "right", -0.2),
                                               (len(sizes) - 1, values.y, "viz.target", "left", 0.2)):
        name = label(text, DEFAULT_TEXT, key)
        for j, value in enumerate([] if numbers is None else numbers):
            x, y = positions[(layer, j)]
            annotations.append(dict(x=x + shift, y=y, xanchor=anchor, showarrow=False,
                                    text=f"{name}<sub>{j}</sub> = {style.number(value)}",
                                    font=dict(color=style.TEXT_ON_LIGHT),
                                    bgcolor=style.LABEL_CHIP))
    return annotations


def title_of(values, text=None):
    if values.x is None:
        return label(text, DEFAULT_TEXT, "viz.no_values")
    if values.loss is None:
        return label(text, DEFAULT_TEXT, "viz.loss_unknown")
    return label(text, DEFAULT_TEXT, "viz.loss", loss=style.number(values.loss, style.HOVER_FORMAT))


def diagram_layout(sizes, title, height=None):
    x_range, y_range = axis_ranges(sizes)
    layout = style.base_layout(title=title, height=height or max(320, 62 * max(sizes) + 110))
    axis = dict(visible=False, fixedrange=True)
    layout.update(xaxis=dict(range=x_range, **axis), yaxis=dict(range=y_range, **axis),
                  hovermode="closest", uirevision="network", clickmode="event+select", dragmode=False,
                  hoverlabel=dict(bgcolor="#FFFFFF", bordercolor="#000000",      # black on white: 21:1
                                  font=dict(color="#000000", size=14, family=style.FONT_FAMILY)))
    return layout


def network_figure(source, node_quantity="a", edge_quantity="weight", selected=None, example=0, text=None):
    """The diagram of a Network or a Step; see the module docstring."""
    values = values_of(source, node_quantity, edge_quantity, example)
    traces = edge_traces(values, text) + node_traces(values, text)
    sizes = values.network.sizes
    if selected is not None and 0 <= selected[0] < len(sizes) and 0 <= selected[1] < sizes[selected[0]]:
        x, y = neuron_positions(sizes)[tuple(selected)]
        traces.append(dict(type="scatter", mode="markers", x=[x], y=[y], customdata=[list(selected)],
                           hoverinfo="skip", showlegend=False, unselected=dict(marker=dict(opacity=1)),
                           marker=dict(size=48, symbol="circle-open", color=style.HIGHLIGHT_COLOUR,
                                       line=dict(width=4, color=style.HIGHLIGHT_COLOUR))))
    layout = diagram_layout(sizes, title_of(values, text))
    layout["annotations"] = side_labels(values, text)
    return style.figure(traces, layout)
