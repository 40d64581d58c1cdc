"""The Step page's diagram, every step of a pass at once, as plain JSON-able data for the
browser (bpviz/ui/step/diagram.js draws step k of it; it computes no number).

`step_pass(steps, ...)` returns one dict:
- geometry in data units: layer l at x = l, its neurons centred on y = 0, neuron 0 on top
  (bpviz.viz.geometry), `x_range` and `y_range` with room for the side labels;
- `neurons`: per neuron (layer by layer) its layer, index, position, tutorial name (h1)
  and side label (input name left; on the right the first step's target, which each
  step's `targets` replaces);
- `edges`: per connection (geometry.edges order) its source and target neuron,
  its line (colour by sign, width by |w|, as on the Build page) and where its label sits;
- `scales`: the fixed colour scales of a (neuron fill) and δ (badge fill): colours and
  ticks, printed; the same for every step of the pass;
- `steps`: per step, indices into `strings` (every text and colour, each stored once):
  per neuron [a, fill, ink, δ badge, its fill, its ink, bias chip, hover], per connection
  its label and hover, which labels are shown (all, or the largest `LABELLED_EDGES`, or
  none on dense networks, where the browser shows them for the selected neuron and on
  hover), the connections the step computes with (`highlight`, and `feeds`: per neuron of
  the step's layer the ones feeding it), the loss title, the targets beside the outputs,
  and the flow: what travels, from where to where (w·a forward, w·δ backward, −η∂E/∂w
  at the update).
- the strips under the network (step_strips): per step `gradient` (each weight layer's
  RMS(∂E/∂W) bar once computed, and the note comparing the first layer with the last), with
  `gradient_title` (`gradient_title_short` beside the colour bars); a batch stepped example
  by example (`batch` True) also per step `batch` (every example's E_n and output a or δ).
Every name is in the notation of `names` (bpviz.engine.names: the lesson's switch).

A batch stepped example by example (engine: step_sequence(…, by_example=True)): each
step of example m draws example m's numbers (its a, δ, ∂E_m/∂w and target: the step's
own X, Y, a batch of one); the start, the "average" step (∂E/∂w the mean of the
examples') and the update draw the first row's a and δ, as the inspector explains them
(`shown_row`). The colour scales span every example.
Lines of a multi-line text are joined by "\\n". `ink` is black or white, whichever reads
on the fill (style.text_colour_on). Unknown values print "?" on a grey fill.

Quiz mode passes only the revealed steps: then the colour scales span what the last of
them knows, so no tick tells a value not yet revealed.
"""
from dataclasses import dataclass

import numpy as np

from bpviz.engine import LAYER_NAMES, Step
from bpviz.viz import style
from bpviz.viz.geometry import WIDTHS, edges, neuron_positions
from bpviz.viz.notation import names_for
from bpviz.viz.step_labels import (
    WORDS,
    bias_lines,
    delta_text,
    edge_hover,
    edge_lines,
    edge_place,
    input_name,
    label_at,
    loss_title,
    neuron_hover,
    neuron_place,
    target_text,
)
from bpviz.viz.step_strips import DEFAULT_TEXT as STRIP_TEXT
from bpviz.viz.step_strips import batch_cells, batch_scale, gradient_bars, gradient_scale
from bpviz.viz.style import DIGITS, NARROW_DIGITS, NUMBER_FORMAT, SMALL_DIGITS, number
from bpviz.viz.text import label

LABELLED_EDGES = 40        # connections labelled with their numbers; bigger networks label the largest
FULL_LAYER = 5             # up to this many neurons in every layer: bias chips and edge labels on the picture
FONT_PX, NARROW_FONT_PX = 14, 12   # every label; dense networks and phones use the smaller size
PHONE_WIDTH = 600          # px: below this width (phones) labels are shorter


@dataclass(frozen=True)
class Labelling:
    """How much of a network fits on the picture: connections labelled (all or the largest
    `edges` of `total`), and whether bias chips are drawn (`roomy`); a and δ always are."""
    edges: int
    total: int
    roomy: bool

    @property
    def complete(self):
        return self.edges == self.total and self.roomy


def labelling(sizes):
    """What fits: with more than FULL_LAYER neurons in a layer the rows are too close for a
    label beside a neuron, so connections and biases are left to hover and selection."""
    total, roomy = len(edges(sizes)), max(sizes) <= FULL_LAYER
    return Labelling(min(total, LABELLED_EDGES) if roomy else 0, total, roomy)


def scale_limits(step, example=None):
    """Colour-scale half-ranges from what `step` knows: a over every known layer (inputs
    too), δ over every known layer, on row `example` of the step's X or (None) every row.
    The last step of a whole pass knows everything (a batch's update: every example's)."""
    rows = slice(None) if example is None else slice(example, example + 1)
    sizes = step.network.sizes
    activations = [a[rows].ravel() for a in (step.activation(l) for l in range(len(sizes))) if a is not None]
    deltas = [d[rows].ravel() for d in (step.delta(l) for l in range(1, len(sizes))) if d is not None]
    return {"a": style.symmetric_limit(np.concatenate(activations)),
            "delta": style.symmetric_limit(np.concatenate(deltas) if deltas else [])}


def shown_row(step, example=0):
    """The row of `step`'s X whose numbers the diagram draws: a step of a batch stepped
    example by example holds that example alone (row 0); otherwise `example`, within X."""
    return 0 if step.example is not None else min(max(int(example), 0), step.X.shape[0] - 1)


def x_range(sizes, narrow=False):
    """The x axis: room for the input names on the left and the targets on the right (more
    on dense networks, where the neurons are wide pills and the layers close together)."""
    if max(sizes) > FULL_LAYER:
        return [-0.95, len(sizes) - 1 + 1.3]
    return [-0.36, len(sizes) - 1 + 0.74] if narrow else [-0.45, len(sizes) - 1 + 0.65]


def y_range(sizes, narrow=False):
    """The y axis: the tallest layer and room for the chips above and below its ends."""
    half = (max(sizes) - 1) / 2.0
    if max(sizes) > FULL_LAYER:
        return [-half - 0.55, half + 0.5]
    return [-half - 0.45, half + 0.5] if narrow else [-half - 0.55, half + 0.55]


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
    feeding = _feeding(step)
    chosen = [e for edges_ in feeding.values() for e in edges_]
    mine = feeding.get(tuple(selected), []) if selected is not None else []
    return mine or sorted(chosen)


def _feeding(step):
    """{neuron of the step's layer: the connections its number is computed from}."""
    if step.layer is None or step.phase not in ("forward", "backward"):
        return {}
    sizes, l = step.network.sizes, step.layer
    if step.phase == "forward":
        return {(l, j): [(l, j, k) for k in range(sizes[l - 1])] for j in range(sizes[l])}
    if l < step.output_layer:
        return {(l, k): [(l + 1, j, k) for j in range(sizes[l + 1])] for k in range(sizes[l])}
    return {}


def step_pass(steps, text=None, names=LAYER_NAMES, show_z=False, narrow=False, example=0):
    """The drawable data of `steps` (one pass, or its first revealed steps); see the module
    docstring. `narrow`: a phone's shorter labels; `names`: the notation on show (a `Names`;
    tutorial names only where the network has them); `show_z`: z above each neuron."""
    steps = list(steps)
    if not steps or not all(isinstance(s, Step) for s in steps):
        raise TypeError("steps must be a non-empty sequence of engine Steps")
    first = steps[0]
    sizes = first.network.sizes
    names = names_for(sizes, names.tutorial)
    tutorial = names.tutorial
    fits = labelling(sizes)
    dense = not fits.roomy
    positions = neuron_positions(sizes)
    neurons = [(l, j) for l, n in enumerate(sizes) for j in range(n)]
    index_of = {n: i for i, n in enumerate(neurons)}
    connections = edges(sizes)
    edge_index = {e: i for i, e in enumerate(connections)}
    strings, ids = [], {}

    def s(value):
        """The index of `value` (a string, or lines joined by \\n) in the strings table."""
        value = "\n".join(value) if isinstance(value, list) else value
        if value not in ids:
            ids[value] = len(strings)
            strings.append(value)
        return ids[value]

    limits = scale_limits(steps[-1], None if first.batch is not None else shown_row(first, example))
    last = len(sizes) - 1
    side = [input_name(j, names, text) if l == 0 else
            target_text(l, j, first.Y[shown_row(first, example), j], narrow, names, text) if l == last else ""
            for l, j in neurons]
    # a connection's label changes twice in a pass: when its gradient is known, then at the
    # update; each of these stages is formatted once, for the stages the steps reach
    # update (and, stepping a batch example by example, once per example: its ∂E_m/∂w, then
    # the average's ∂E/∂w); `stages` lists them, and a step says which one each layer is at
    stages = sorted({_stage(step, l) for step in steps for l in range(1, last + 1)}, key=_stage_order)
    staged = {stage: [edge_lines(representative, l, j, k, names.weight_text, narrow)
                      + (edge_hover(representative, l, j, k, names),)
                      for l, j, k in connections]
              for stage, representative in ((stage, _step_at(steps, stage)) for stage in stages)}
    weights = np.concatenate([w.ravel() for w in first.network.weights])
    weight_limit = style.symmetric_limit(weights)
    classes = np.minimum((np.abs(weights) / weight_limit * len(WIDTHS)).astype(int), len(WIDTHS) - 1)
    edge_data = []
    for i, ((l, j, k), w, width) in enumerate(zip(connections, weights, classes)):
        (x0, y0), (x1, y1) = positions[(l - 1, k)], positions[(l, j)]
        at = label_at(y1 - y0, narrow)
        edge_data.append([index_of[(l - 1, k)], index_of[(l, j)],
                          style.NEGATIVE_COLOUR if w < 0 else style.POSITIVE_COLOUR, WIDTHS[width],
                          round(x0 + at * (x1 - x0), 4), round(y0 + at * (y1 - y0), 4),
                          [s(staged[stage][i][0]) for stage in stages],
                          [s(staged[stage][i][2]) for stage in stages],
                          s(edge_place(l, j, k, text))])
    drawn = [_drawn_step(step, neurons, connections, names, limits, fits, narrow, show_z, example, text, s,
                         index_of, edge_index, staged, stages) for step in steps]
    # the strips under the network (step_strips): each layer's gradient size; a batch's examples
    digits = SMALL_DIGITS if not fits.roomy else NARROW_DIGITS if narrow else DIGITS
    scale = gradient_scale(steps)
    batch_limits = batch_scale(first.batch) if first.batch is not None else None
    for step, drawn_step in zip(steps, drawn):
        drawn_step["gradient"] = gradient_bars(step, scale, digits, text, s)
        if batch_limits is not None:
            drawn_step["batch"] = batch_cells(step, batch_limits, limits, digits, text, s)
    return {
        "sizes": list(sizes), "narrow": bool(narrow), "dense": dense, "tutorial": bool(tutorial),
        "font_px": NARROW_FONT_PX if narrow or dense else FONT_PX,
        "x_range": x_range(sizes, narrow), "y_range": y_range(sizes, narrow),
        "neurons": [[l, j, positions[(l, j)][0], positions[(l, j)][1], names.neuron_text(l, j) if tutorial else "",
                     side[i], s(neuron_place(l, j, text))] for i, (l, j) in enumerate(neurons)],
        "edges": edge_data,
        "scales": [_scale(label(text, WORDS, "viz.step.legend_a"), limits["a"]),
                   _scale(label(text, WORDS, "viz.step.legend_delta"), limits["delta"])],
        "labelled": fits.edges,
        "gradient_title": label(text, STRIP_TEXT, "viz.step.gradient_title_short" if narrow
                                else "viz.step.gradient_title"),
        "gradient_title_short": label(text, STRIP_TEXT, "viz.step.gradient_title_short"),
        "batch": first.batch is not None,
        "steps": drawn,
        "strings": strings,
    }


def _stage(step, layer):
    """The stage of the labels of the connections into `layer` at `step`, (kind, example):
    kind 0 the weight, 1 with ∂E/∂w (of example `example` of a batch stepped example by
    example, else None: the pass's), 2 old → new at the update."""
    if step.weight_grad(layer) is None:
        return (0, None)
    return (2, None) if step.updated is not None else (1, step.example)


def _stage_order(stage):
    kind, example = stage
    return kind, -1 if example is None else example


def _step_at(steps, stage):
    """A step whose connections into every layer show `stage`: the first (kind 0), the update
    (kind 2), or the last step before the update with that example's gradients, which knows
    every layer's."""
    kind, example = stage
    if kind == 0:
        return steps[0]
    if kind == 2:
        return steps[-1]
    return next(s for s in reversed(steps) if s.updated is None and s.example == example)


def _drawn_step(step, neurons, connections, names, limits, fits, narrow, show_z, example, text, s, index_of,
                edge_index, staged, stages):
    def bias_name(layer, j):
        return names.bias_text(layer, j, short=True)

    example = shown_row(step, example)
    last = len(step.network.sizes) - 1
    digits = SMALL_DIGITS if not fits.roomy else NARROW_DIGITS if narrow else DIGITS
    nodes = []
    for l, j in neurons:
        a = step.activation(l)
        if a is None:
            fill, shown = style.UNKNOWN_FILL, style.UNKNOWN_LABEL
        else:
            value = float(a[example, j])
            fill, shown = style.diverging_colour(value, limits["a"]), number(value, digits)
        delta = step.delta(l) if l else None
        if delta is None:
            badge = badge_fill = badge_ink = s("")
        else:
            value = float(delta[example, j])
            colour = style.diverging_colour(value, limits["delta"])
            badge, badge_fill, badge_ink = s(delta_text(value, digits)), s(colour), s(style.text_colour_on(colour))
        bias = s(bias_lines(step, l, j, bias_name, show_z, narrow, example)) if l and fits.roomy else s("")
        nodes.append([s(shown), s(fill), s(style.text_colour_on(fill)), badge, badge_fill, badge_ink, bias,
                      s(neuron_hover(step, l, j, example, names))])
    mine = [_stage(step, l) for l in range(1, len(step.network.sizes))]
    shown = []
    if fits.edges:
        ranked = [staged[mine[l - 1]][i][1] for i, (l, j, k) in enumerate(connections)]
        shown = sorted(sorted(range(len(connections)), key=lambda i: -ranked[i])[:fits.edges])
    feeding = _feeding(step)
    starts, ends, texts = flow(step, example, narrow)
    return {
        "index": step.index, "phase": step.phase, "layer": step.layer,
        "title": s(loss_title(step, text)),
        "example": step.example,
        "targets": [s(target_text(last, j, step.Y[example, j], narrow, names, text))
                    for j in range(step.network.sizes[last])],
        "nodes": nodes, "edge_stage": [stages.index(stage) for stage in mine], "shown": shown,
        "highlight": sorted(edge_index[e] for edges_ in feeding.values() for e in edges_),
        "feeds": {str(index_of[n]): [edge_index[e] for e in edges_] for n, edges_ in feeding.items()},
        "flow": [[round(x0, 4), round(y0, 4), round(x1, 4), round(y1, 4), s(t)]
                 for (x0, y0), (x1, y1), t in zip(starts, ends, texts)],
        "backward": step.phase == "backward",
    }


def _scale(title, limit):
    """A colour bar: its title, the scale's colours from −limit to +limit, and three printed ticks."""
    return {"title": title, "colours": list(style.DIVERGING_COLOURS),
            "ticks": [number(-limit, NUMBER_FORMAT), "0", number(limit, NUMBER_FORMAT)]}


def step_target(sizes, quantity, layer, j, k=None):
    """Where a quiz question's number is drawn, as indices into a pass's `neurons` and
    `edges`: the connection (layer, j, k) for weights, else neuron j of `layer` (none for
    the loss, which belongs to the whole output)."""
    if quantity == "loss":
        return {"neuron": None, "edge": None}
    if k is not None:
        before = sum(sizes[l] * sizes[l - 1] for l in range(1, layer))
        return {"neuron": None, "edge": before + j * sizes[layer - 1] + k}
    return {"neuron": sum(sizes[:layer]) + j, "edge": None}
