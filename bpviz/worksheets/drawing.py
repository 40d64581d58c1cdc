"""The network of a worksheet drawn in Typst: neurons as circles, layer by layer
from the input on the left, each edge labelled with its weight and each
neuron with its bias (and each input with its value). Positions are in mm,
from the top left of a box WIDTH wide.

Edge labels sit LABEL_AT of the way from the source neuron, where edges from
different neurons have not met yet; a network with more than MAX_LABELLED
edges or more than MAX_LABELLED_LAYER neurons in a layer is drawn without
them (its parameters are listed in the table under the drawing anyway).
"""
from bpviz.engine import LAYER_NAMES, latex_number

from .typst_math import latex_to_typst

WIDTH = 150.0
MAX_HEIGHT = 80.0
ROW = 16.0           # mm between neurons of a layer
LABEL_AT = 0.28
MAX_LABELLED = 18
MAX_LABELLED_LAYER = 3


def network_drawing(net, x, names=LAYER_NAMES) -> str:
    """Typst code of a box holding the drawing of `net` with input `x`, its neurons named
    in the notation of `names`."""
    sizes = net.sizes
    row = min(ROW, MAX_HEIGHT / max(sizes))
    radius = min(4.5, row * 0.35)
    height = row * max(sizes) + 6
    column = (WIDTH - 30) / (len(sizes) - 1)
    centres = [[(15 + column * l, height / 2 + (j - (n - 1) / 2) * row) for j in range(n)]
               for l, n in enumerate(sizes)]
    labelled = sum(w.size for w in net.weights) <= MAX_LABELLED and max(sizes) <= MAX_LABELLED_LAYER
    parts = []
    for l, weights in enumerate(net.weights):
        for (j, k), value in _entries(weights):
            (x0, y0), (x1, y1) = centres[l][k], centres[l + 1][j]
            parts.append(f"place(line(start: ({x0:.2f}mm, {y0:.2f}mm), end: ({x1:.2f}mm, {y1:.2f}mm), "
                         f"stroke: 0.5pt + gray))")
            if labelled:
                lx, ly = x0 + LABEL_AT * (x1 - x0), y0 + LABEL_AT * (y1 - y0)
                parts.append(_label(lx, ly, latex_number(value)))
    for l, layer in enumerate(centres):
        for j, (cx, cy) in enumerate(layer):
            name = names.x(j) if l == 0 else names.a(l, j)
            parts.append(f"place(dx: {cx - radius:.2f}mm, dy: {cy - radius:.2f}mm, circle(radius: {radius:.2f}mm, "
                         f"fill: white, stroke: 0.8pt, inset: 0pt, align(center + horizon, "
                         f"text(size: 7pt, ${latex_to_typst(name)}$))))")
            under = latex_number(x[j]) if l == 0 else rf"b = {latex_number(net.biases[l - 1][j])}"
            if labelled:
                parts.append(_label(cx, cy + radius + 2.2, under))
    return (f"#align(center, box(width: {WIDTH:.0f}mm, height: {height:.2f}mm, {{\n  "
            + "\n  ".join(parts) + "\n}))\n")


def _entries(weights):
    return [((j, k), weights[j, k]) for j in range(weights.shape[0]) for k in range(weights.shape[1])]


def _label(x, y, latex):
    """A small white-backed label centred on (x, y) mm."""
    return (f"place(dx: {x - 10:.2f}mm, dy: {y - 1.8:.2f}mm, box(width: 20mm, height: 3.6mm, "
            f"align(center + horizon, box(fill: white, inset: 0.6pt, text(size: 7pt, "
            f"${latex_to_typst(latex)}$)))))")
