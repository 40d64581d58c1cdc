"""The network of a worksheet: where everything goes (`network_layout`, plain
numbers a test can check) and the Typst code that draws it (`network_drawing`).

Coordinates are mm from the top left of a box `width` wide, y downwards.
Neurons are circles, layer by layer from the input on the left. Each edge's
weight sits on the edge itself, centred on a point a fraction t of the way
from the source neuron; t is chosen per edge from T_CHOICES, nearest first to
a preferred t that alternates between the source neurons (staggered), so that
no label box meets another label, a bias or input label, or a neuron. A label
box is the white patch the label is printed on, sized for its text at
LABEL_SIZE. A network whose labels cannot all be placed (or that has more than
MAX_LABELLED edges) is drawn without them: the sheet lists its parameters.
Neurons and biases are named in the notation of a `Names` (bpviz.engine.names):
x_0, a^(1)_0 and "b = …" in layer names, i1, h1 and "b1 = …" in the tutorial's.
"""
from dataclasses import dataclass

from bpviz.engine import LAYER_NAMES, latex_number

from .typst_math import latex_to_typst

WIDTH = 150.0
MAX_HEIGHT = 70.0
ROW = 15.0                  # mm between neurons of a layer (less for tall layers)
MAX_LABELLED = 24
LABEL_SIZE = 7.0            # pt
CHAR_WIDTH = 1.45           # mm per character at LABEL_SIZE (Libertinus digits are 0.5 em = 1.23 mm)
LABEL_PAD = 1.0             # mm added to a label's text width
LABEL_HEIGHT = 3.4          # mm
GAP = 0.5                   # mm kept free around a label box
PREFERRED_T = (1 / 3, 0.52)  # preferred positions along an edge, for even and odd source neurons
T_CHOICES = tuple(round(0.2 + 0.02 * i, 2) for i in range(31))   # 0.2 … 0.8


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: centre (x, y) and size, in mm."""
    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other, gap=0.0) -> bool:
        return (abs(self.x - other.x) < (self.width + other.width) / 2 + gap
                and abs(self.y - other.y) < (self.height + other.height) / 2 + gap)

    def meets_circle(self, cx, cy, radius, gap=0.0) -> bool:
        nearest_x = min(max(cx, self.x - self.width / 2), self.x + self.width / 2)
        nearest_y = min(max(cy, self.y - self.height / 2), self.y + self.height / 2)
        return (nearest_x - cx) ** 2 + (nearest_y - cy) ** 2 < (radius + gap) ** 2


@dataclass(frozen=True)
class Label:
    """A printed number: `text` (plain, "−" for minus; a bias label starts with its name and " = ",
    "b = " or "b1 = ", and `name` is that name in LaTeX) in `box`.
    `edge` is (l, j, k) for the weight w^(l+1)_jk and `t` its place along that edge; None for
    bias and input labels, which sit under their neuron."""
    text: str
    box: Box
    edge: tuple | None = None
    t: float | None = None
    name: str | None = None


@dataclass(frozen=True)
class Layout:
    """Everything the drawing places: `neurons[l][j]` = (x, y) centre; `edges` = ((l, j, k), start, end);
    `labels` (empty when the network is drawn without numbers); `names[l][j]` the LaTeX name
    printed in neuron (l, j)."""
    width: float
    height: float
    radius: float
    neurons: tuple
    edges: tuple
    labels: tuple
    names: tuple


def network_layout(net, x, names=LAYER_NAMES, width=WIDTH) -> Layout:
    """Where the neurons, edges and labels of `net` with input `x` go, named in the notation of `names`."""
    sizes = net.sizes
    row = min(ROW, MAX_HEIGHT / max(sizes))
    radius = min(4.2, row * 0.32)
    height = row * max(sizes) + 4
    column = (width - 30) / (len(sizes) - 1)
    neurons = tuple(tuple((15 + column * l, height / 2 + (j - (n - 1) / 2) * row) for j in range(n))
                    for l, n in enumerate(sizes))
    edges = tuple(((l, j, k), neurons[l][k], neurons[l + 1][j])
                  for l, weights in enumerate(net.weights)
                  for k in range(weights.shape[1]) for j in range(weights.shape[0]))
    labels = _labels(net, x, neurons, edges, radius, names) if len(edges) <= MAX_LABELLED else None
    if labels is None:
        labels = ()
    else:
        height = max(height, max(label.box.y + label.box.height / 2 for label in labels) + 1)
    neuron_names = tuple(tuple(names.x(j) if l == 0 else names.a(l, j) for j in range(n))
                         for l, n in enumerate(sizes))
    return Layout(width, height, radius, neurons, edges, labels, neuron_names)


def _labels(net, x, neurons, edges, radius, names):
    """Bias and input labels under their neurons, then every weight on its edge; None if one has no room."""
    fixed = []
    for l, layer in enumerate(neurons):
        for j, (cx, cy) in enumerate(layer):
            if l == 0:
                text, name = _number(x[j]), None
            else:   # the bias by its short name: the neuron it belongs to is right above it
                short = names.bias_text(l, j, short=True) if names.tutorial else "b"
                text, name = f"{short} = {_number(net.biases[l - 1][j])}", latex_of(short)
            fixed.append(Label(text, _box(cx, cy + radius + 0.6 + LABEL_HEIGHT / 2, text), name=name))
    placed = list(fixed)
    circles = [centre for layer in neurons for centre in layer]
    for (l, j, k), (x0, y0), (x1, y1) in edges:
        text = _number(net.weights[l][j, k])
        preferred = PREFERRED_T[k % 2]
        for t in sorted(T_CHOICES, key=lambda t: abs(t - preferred)):
            box = _box(x0 + t * (x1 - x0), y0 + t * (y1 - y0), text)
            if not any(box.overlaps(other.box, GAP) for other in placed) and \
                    not any(box.meets_circle(cx, cy, radius, GAP) for cx, cy in circles):
                placed.append(Label(text, box, (l, j, k), t))
                break
        else:
            return None
    return tuple(placed)


def _box(cx, cy, text):
    return Box(cx, cy, CHAR_WIDTH * len(text) + LABEL_PAD, LABEL_HEIGHT)


def _number(value):
    return latex_number(value).replace("-", "\u2212")


def latex_of(short):
    """A short plain name as LaTeX: "b" stays, "b1" becomes "b_{1}"."""
    return short[0] + (f"_{{{short[1:]}}}" if len(short) > 1 else "")


def network_drawing(layout: Layout) -> str:
    """Typst code of a box holding the drawing `layout` describes."""
    parts = [f"place(line(start: ({x0:.2f}mm, {y0:.2f}mm), end: ({x1:.2f}mm, {y1:.2f}mm), stroke: 0.5pt + gray))"
             for _, (x0, y0), (x1, y1) in layout.edges]
    r = layout.radius
    for l, layer in enumerate(layout.neurons):
        for j, (cx, cy) in enumerate(layer):
            name = latex_to_typst(layout.names[l][j])
            parts.append(f"place(dx: {cx - r:.2f}mm, dy: {cy - r:.2f}mm, circle(radius: {r:.2f}mm, fill: white, "
                         f"stroke: 0.8pt, inset: 0pt, align(center + horizon, text(size: 6.5pt, ${name}$))))")
    for label in layout.labels:
        b = label.box
        words = (f'[${latex_to_typst(label.name)}$ = {label.text.split(" = ", 1)[1]}]' if label.name
                 else f'"{label.text}"')
        parts.append(f"place(dx: {b.x - b.width / 2:.2f}mm, dy: {b.y - b.height / 2:.2f}mm, "
                     f"box(width: {b.width:.2f}mm, height: {b.height:.2f}mm, fill: white, "
                     f"align(center + horizon, text(size: {LABEL_SIZE}pt, {words}))))")
    return (f"align(center, box(width: {layout.width:.0f}mm, height: {layout.height:.2f}mm, {{\n  "
            + "\n  ".join(parts) + "\n}))")
