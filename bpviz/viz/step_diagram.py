"""The Step page's hero diagram: every number of the step printed on the picture.

`step_figure(step, ...)` draws one engine `Step` of one example:
- each neuron shows its activation a inside (inputs: x), once known; a badge
  under it shows δ once known; above it the bias b (and ∂E/∂b once known), and
  z on demand;
- each connection is labelled with its weight, then its gradient ∂E/∂w once
  known; at the update step, old → new;
- colours use one fixed scale per quantity for the whole pass (a: fill of the
  neurons, δ: fill of the badges, w: the lines), each with its colour bar, so a
  value keeps its colour from step to step; every coloured value is also printed.
Networks with more than LABELLED_EDGES connections label the largest ones only,
and with more than FULL_LAYER neurons in a layer keep δ, biases and connections in
the hover (and print a in two decimals, in small type);
`labelling(step)` says which, for the page's caption.

`layout.meta` carries what the browser needs to animate the step (see
bpviz/ui/step/diagram.js): for this step and the next, per travelling value,
where it starts and ends (data coordinates) and its text.
"""
from dataclasses import dataclass

import numpy as np

from bpviz.engine import Step
from bpviz.viz import style
from bpviz.viz.geometry import DEFAULT_CANVAS, Canvas, edges, neuron_positions
from bpviz.viz.network_diagram import diagram_layout, edge_traces, node_traces, title_of, values_of
from bpviz.viz.notation import neuron_name, parameter_names, tutorial_names_fit, tutorial_neuron
from bpviz.viz.step_labels import FONT_PX, NARROW_FONT_PX, edge_labels, label_at, neuron_labels, side_labels
from bpviz.viz.style import DIGITS, NARROW_DIGITS, SMALL_DIGITS, number
from bpviz.viz.text import label

DEFAULT_TEXT = {
    "viz.step.legend_a": "a",
    "viz.step.legend_delta": "δ",
}
LABELLED_EDGES = 40        # connections labelled with their numbers; bigger networks label the largest
FULL_LAYER = 5             # up to this many neurons in every layer: δ badges and bias labels on the picture
NARROW = 600               # px: below this width (phones) labels are shorter and colour bars go below
NARROW_MARGIN, NARROW_BARS = 4, 64   # phones: px beside the plot, px under it for the colour bars
NARROW_HEIGHT = 1.15       # phones: at least this many times the width tall (rows far apart, bars on screen)
SMALL_FONT_PX = 11         # the values inside the small neurons of big networks


@dataclass(frozen=True)
class Labelling:
    """How much of a network fits on the picture: connections labelled (all or the largest
    `edges` of `total`), and whether δ badges and bias labels are drawn."""
    edges: int
    total: int
    badges: bool

    @property
    def complete(self):
        return self.edges == self.total and self.badges


def labelling(sizes):
    """What fits: with more than FULL_LAYER neurons in a layer the rows are too close for
    any label beside a neuron, so connections are left to the hover too."""
    total, roomy = len(edges(sizes)), max(sizes) <= FULL_LAYER
    return Labelling(min(total, LABELLED_EDGES) if roomy else 0, total, roomy)


def pass_limits(step, example=0):
    """Fixed colour-scale half-ranges for the whole pass of `step` (whatever it knows yet):
    a over every layer (inputs too), δ over every layer, w over the old and new weights."""
    trace, gradients = step.trace, step.gradients
    activations = np.concatenate([a[example] for a in trace.activations])
    deltas = np.concatenate([d[example] for d in gradients.deltas])
    return {"a": style.symmetric_limit(activations), "delta": style.symmetric_limit(deltas)}


def x_range(sizes, narrow=False):
    """The x axis: room for the input names on the left and the targets on the right
    (on phones measured for 12-px labels beside 36-px neurons: "i1" left, "y₀ = 0.01" right)."""
    return [-0.36, len(sizes) - 1 + 0.74] if narrow else [-0.45, len(sizes) - 1 + 0.65]


def y_range(sizes, narrow=False):
    """The y axis: the tallest layer and room for the labels above and below its ends
    (on phones: two-line bias chips above the top row, a δ badge under the bottom row)."""
    half = (max(sizes) - 1) / 2.0
    return [-half - 0.3, half + 0.38] if narrow else [-half - 0.55, half + 0.55]


def _geometry(sizes, canvas):
    """Pixels per data unit across and down, and the neuron diameter that fits on `canvas`."""
    height, width = canvas.height, canvas.width
    narrow = width < NARROW
    y_range_, x_range_ = y_range(sizes, narrow), x_range(sizes, narrow)
    beside = 140 if not narrow else 2 * NARROW_MARGIN                  # colour bars and margins
    across = max(width - beside, 200) / (x_range_[1] - x_range_[0])
    down = max(height - (60 if not narrow else 40 + NARROW_BARS), 200) / (y_range_[1] - y_range_[0])
    room = down * (0.45 if max(sizes) <= FULL_LAYER else 0.8)
    if narrow:   # a phone: neurons just wide enough for a 3-digit number, the rest for the labels
        return across, down, int(np.clip(min(room, 0.32 * across), 22, 40))
    return across, down, int(np.clip(min(room, 0.25 * across), 22, 64))


def flow(step, example=0, narrow=False):
    """What travels at this step, as ([start (x, y)], [end (x, y)], [text]):
    forward into layer l: w·a from each neuron of layer l−1 to each of layer l;
    backward at a hidden layer l: w·δ from each neuron of layer l+1 back to each of layer l,
    where they sum; the loss: each output to its target; backward at the output layer: δ
    from the targets into the outputs;
    the update: −η ∂E/∂w from the middle of each connection to its label. Empty otherwise.
    `narrow`: the phone's label positions and number format."""
    positions = neuron_positions(step.network.sizes)
    digits = NARROW_DIGITS if narrow else DIGITS
    moves = {"forward": _forward_flow, "loss": _loss_flow, "backward": _backward_flow,
             "update": _update_flow}.get(step.phase)
    travelling = moves(step, example, positions, digits, narrow) if moves else []
    return [m[0] for m in travelling], [m[1] for m in travelling], [m[2] for m in travelling]


def _forward_flow(step, example, positions, digits, narrow):
    """(start, end, text) of w·a from each neuron of layer l−1 to each of layer l, for the
    step's layer (or every layer, a step of a whole pass)."""
    net = step.network
    layers = [step.layer] if step.layer is not None else range(1, step.output_layer + 1)
    moves = []
    for l in layers:
        a = step.trace.activations[l - 1][example]
        moves += [(positions[(l - 1, k)], positions[(l, j)], number(net.weights[l - 1][j, k] * a[k], digits))
                  for j in range(net.sizes[l]) for k in range(net.sizes[l - 1])]
    return moves


def _loss_flow(step, example, positions, digits, narrow):
    """Each output travels to its target, where the loss compares them."""
    last = step.output_layer
    output = step.trace.activations[last][example]
    moves = []
    for j in range(step.network.sizes[last]):
        x, y = positions[(last, j)]
        moves.append(((x, y), (x + 0.45, y), number(output[j], digits)))
    return moves


def _backward_flow(step, example, positions, digits, narrow):
    """δ from the targets into the outputs; at a hidden layer l, w·δ from each neuron of
    layer l+1 back to each of layer l (or all of them, a step of a whole pass)."""
    net, last = step.network, step.output_layer
    moves = []
    for l in [step.layer] if step.layer is not None else range(last, 0, -1):
        if l == last:
            for j in range(net.sizes[l]):
                x, y = positions[(l, j)]
                moves.append(((x + 0.55, y), (x, y), number(step.gradients.deltas[l - 1][example, j], digits)))
            continue
        following = step.gradients.deltas[l][example]
        moves += [(positions[(l + 1, j)], positions[(l, k)], number(net.weights[l][j, k] * following[j], digits))
                  for j in range(net.sizes[l + 1]) for k in range(net.sizes[l])]
    return moves


def _update_flow(step, example, positions, digits, narrow):
    """−η ∂E/∂w from the middle of each connection to its label."""
    if step.updated is None:
        return []
    net, moves = step.network, []
    for l, j, k in edges(net.sizes):
        (x0, y0), (x1, y1) = positions[(l - 1, k)], positions[(l, j)]
        at = label_at(y1 - y0, narrow)
        moves.append(((x0 + 0.5 * at * (x1 - x0), y0 + 0.5 * at * (y1 - y0)),
                      (x0 + at * (x1 - x0), y0 + at * (y1 - y0)),
                      number(step.updated.weights[l - 1][j, k] - net.weights[l - 1][j, k], digits)))
    return moves


def highlighted_edges(step, selected=None):
    """The connections the current step computes with, (l, j, k) each: into layer l going
    forward; from layer l+1 back into l going backward. With a neuron of that layer
    selected, only the ones feeding it."""
    if step.layer is None or step.phase not in ("forward", "backward"):
        return []
    sizes, l = step.network.sizes, step.layer
    if step.phase == "forward":
        chosen = [(l, j, k) for j in range(sizes[l]) for k in range(sizes[l - 1])]
        pick = (lambda e: (l, e[1]) == tuple(selected)) if selected else None
    elif l < step.output_layer:
        chosen = [(l + 1, j, k) for j in range(sizes[l + 1]) for k in range(sizes[l])]
        pick = (lambda e: (l, e[2]) == tuple(selected)) if selected else None
    else:
        return []
    mine = [e for e in chosen if pick and pick(e)]
    return mine or chosen


def _flow_meta(step, example, narrow=False):
    starts, ends, texts = flow(step, example, narrow)
    return dict(x0=[p[0] for p in starts], y0=[p[1] for p in starts], x1=[p[0] for p in ends],
                y1=[p[1] for p in ends], text=texts)


def step_figure(step, selected=None, example=0, text=None, tutorial_names=False, show_z=False,
                canvas=DEFAULT_CANVAS, next_step=None):
    """The hero diagram of `step` (see the module docstring). `canvas`: the room in px the
    page offers; `tutorial_names` names a 2-2-2 network as the tutorial does;
    `next_step` (the step after, if any) lets the browser start its flow before the server
    has drawn it."""
    if not isinstance(step, Step):
        raise TypeError("step must be an engine Step")
    sizes = step.network.sizes
    example = min(max(int(example), 0), step.X.shape[0] - 1)
    positions = neuron_positions(sizes)
    limits = pass_limits(step, example)
    fits = labelling(sizes)
    height, width = canvas.height, canvas.width
    narrow = width < NARROW
    if narrow:    # a phone: at least NARROW_HEIGHT × the width, else the room the page offers
        height = max(height, int(NARROW_HEIGHT * width))
    across, down, marker = _geometry(sizes, Canvas(height, width))
    names = parameter_names(sizes, tutorial_names)

    highlight = highlighted_edges(step, selected)
    xs, ys = [], []
    for l, j, k in highlight:
        (x0, y0), (x1, y1) = positions[(l - 1, k)], positions[(l, j)]
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    traces = [dict(type="scatter", mode="lines", x=xs, y=ys, hoverinfo="skip", showlegend=False,
                   line=dict(color=style.HIGHLIGHT_COLOUR, width=10), opacity=0.55, name="")]
    traces += edge_traces(values_of(step, "a", "weight", example), text,
                          hover_values=values_of(step, "a", "grad", example))
    nodes = node_traces(values_of(step, "a", "weight", example), text, limit=limits["a"], marker_size=marker,
                        font_size=(NARROW_FONT_PX if narrow else FONT_PX) if fits.badges else SMALL_FONT_PX,
                        number_format=(NARROW_DIGITS if narrow else DIGITS) if fits.badges else SMALL_DIGITS)
    bars = ((dict(orientation="h", x=0.0, xanchor="left", y=-0.02, yanchor="top"),
             dict(orientation="h", x=1.0, xanchor="right", y=-0.02, yanchor="top")) if narrow else
            (dict(y=1.0, yanchor="top"), dict(y=0.0, yanchor="bottom")))
    # colour bars on a light chip with black text: readable on either theme (a theme's grey
    # tick labels were 3.7:1 on white)
    on_chip = dict(bgcolor=style.LABEL_CHIP, tickfont=dict(color=style.TEXT_ON_LIGHT, size=12))
    nodes[0]["marker"]["colorbar"] = dict(title=dict(text=label(text, DEFAULT_TEXT, "viz.step.legend_a"),
                                                     font=dict(color=style.TEXT_ON_LIGHT)),
                                          thickness=12, len=0.45, **bars[0], **on_chip)
    nodes[0]["marker"]["showscale"] = True
    traces += nodes
    traces.append(dict(   # the δ colour bar: one point off the axes carries its scale
        type="scatter", mode="markers", x=[-10], y=[0], hoverinfo="skip", showlegend=False,
        name=label(text, DEFAULT_TEXT, "viz.step.legend_delta"),
        marker=dict(size=1, color=[0.0], cmin=-limits["delta"], cmax=limits["delta"],
                    colorscale=[list(s) for s in style.DIVERGING], showscale=True,
                    colorbar=dict(title=dict(text=label(text, DEFAULT_TEXT, "viz.step.legend_delta"),
                                             font=dict(color=style.TEXT_ON_LIGHT)),
                                  thickness=12, len=0.45, **bars[1], **on_chip))))
    if selected is not None and 0 <= selected[0] < len(sizes) and 0 <= selected[1] < sizes[selected[0]]:
        x, y = positions[tuple(selected)]
        traces.append(dict(type="scatter", mode="markers", x=[x], y=[y], customdata=[list(selected)],
                           hoverinfo="skip", showlegend=False, unselected=dict(marker=dict(opacity=1)),
                           marker=dict(size=marker + 14, symbol="circle-open", color=style.HIGHLIGHT_COLOUR,
                                       line=dict(width=4, color=style.HIGHLIGHT_COLOUR))))

    values = values_of(step, "a", "weight", example)
    layout = diagram_layout(sizes, title_of(values, text), height=height)
    layout["margin"] = (dict(l=NARROW_MARGIN, r=NARROW_MARGIN, t=40, b=NARROW_BARS) if narrow
                        else dict(l=10, r=10, t=40, b=10))
    layout["xaxis"]["range"], layout["yaxis"]["range"] = x_range(sizes, narrow), y_range(sizes, narrow)
    notes = side_labels(step, positions, marker, tutorial_names and tutorial_names_fit(sizes), text, example,
                         NARROW_FONT_PX if narrow else FONT_PX)
    notes += edge_labels(step, positions, names, fits.edges, narrow)
    if fits.badges:
        notes += neuron_labels(step, limits, positions, marker, names, show_z, example,
                                tutorial_names and tutorial_names_fit(sizes), narrow)
    layout["annotations"] = notes
    layout["meta"] = dict(step=step.index, phase=step.phase, flow=_flow_meta(step, example, narrow),
                          next=None if next_step is None else _flow_meta(next_step, example, narrow))
    return style.figure(traces, layout)


def neuron_title(layer, j, tutorial_names, sizes):
    """'h1 = a⁽¹⁾₀' with tutorial names on a 2-2-2 network, else 'a⁽¹⁾₀'."""
    engine = neuron_name("a", layer, j)
    return f"{tutorial_neuron(layer, j)} = {engine}" if tutorial_names and tutorial_names_fit(sizes) else engine
