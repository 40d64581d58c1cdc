"""The numbers printed on the Step page's hero diagram (bpviz.viz.step_diagram): chips
for the neurons (δ badge, bias with ∂E/∂b, z), the connections (w, ∂E/∂w, old → new) and
the inputs and targets, in one style: black or white text on a chip, 14 px and 4
significant digits, or on phones (`narrow`) 12 px and 3 digits."""
from bpviz.viz import style
from bpviz.viz.geometry import edges
from bpviz.viz.network_diagram import DEFAULT_TEXT as SIDE_TEXT
from bpviz.viz.notation import tutorial_neuron
from bpviz.viz.style import DIGITS, NARROW_DIGITS, new_value, number
from bpviz.viz.text import label

LABEL_AT = (0.35, 0.55, 0.45)   # an edge's label sits this far along it: going down, level, going up
FONT_PX = 14               # every label on the diagram
NARROW_FONT_PX = 12
NARROW_LABEL_AT = (0.33, 0.5, 0.42)  # phones: crossing labels clear of the δ badge and bias chip beside them


def chip(x, y, text, fill=style.LABEL_CHIP, xshift=0, yshift=0, name=None, size=FONT_PX):
    """An annotation: black or white text (whichever reads on `fill`) on a chip of `fill`."""
    return dict(x=x, y=y, text=text, showarrow=False, xshift=xshift, yshift=yshift, bgcolor=fill,
                font=dict(size=size, color=style.text_colour_on(fill)), borderpad=2 if size >= FONT_PX else 1,
                name=name or "")


def neuron_labels(step, limits, positions, marker, names, show_z, example, tutorial=False, narrow=False):
    """δ badges under the neurons; above each, its bias with ∂E/∂b once known (old → new at
    the update), led by the neuron's tutorial name (h1) when asked, and z on demand.
    Wide: 14 px, 4 digits, the bias facts on one line. `narrow` (phones): 12 px, 3 digits,
    one fact a line, chips anchored by their edges so a second line grows away from the
    neuron: '<b>h1</b> b1 0.35', then '∂ 0.00877', or '→ 0.345' at the update."""
    net, bias_name = step.network, names[1]
    size, digits = (NARROW_FONT_PX, NARROW_DIGITS) if narrow else (FONT_PX, DIGITS)
    gap = marker / 2 + (2 if narrow else size - 2)
    notes = []
    for l in range(1, len(net.sizes)):
        z, delta, bias_grad = step.preactivation(l), step.delta(l), step.bias_grad(l)
        for j in range(net.sizes[l]):
            x, y = positions[(l, j)]
            if delta is not None:
                value = float(delta[example, j])
                badge = chip(x, y, f"δ {number(value, digits)}", style.diverging_colour(value, limits["delta"]),
                             yshift=-gap, name=f"delta {l} {j}", size=size)
                notes.append(dict(badge, yanchor="top") if narrow else badge)
            bias = float(net.biases[l - 1][j])
            text = f"{bias_name(l, j)} {number(bias, digits)}"
            if bias_grad is not None and step.updated is not None and step.update_biases:
                new = float(step.updated.biases[l - 1][j])
                text += f"<br>→ {new_value(bias, new)}" if narrow else f" → {number(new)}"
            elif bias_grad is not None:
                text += f"{'<br>' if narrow else '  '}∂ {number(bias_grad[j], digits)}"
            if tutorial:
                text = f"<b>{tutorial_neuron(l, j)}</b>{' ' if narrow else '  '}{text}"
            with_z = show_z and z is not None
            if with_z:
                text = f"z {number(z[example, j], digits)}<br>{text}"
            if narrow:
                notes.append(dict(chip(x, y, text, yshift=gap, name=f"bias {l} {j}", size=size), yanchor="bottom"))
            else:
                notes.append(chip(x, y, text, yshift=gap + (8 if with_z else 0), name=f"bias {l} {j}"))
    return notes


def edge_labels(step, positions, names, count, narrow=False):
    """Labels of the connections: the weight, ∂E/∂w once known, old → new at the update.
    With more connections than `count`, only the `count` largest (by the value shown).
    `narrow` (phones): small type, 3 digits, at most two short lines, each label whole: the
    name and weight, then ∂E/∂w once known, or the new weight at the update."""
    net, weight_name = step.network, names[0]
    digits = NARROW_DIGITS if narrow else DIGITS
    rows = []
    for l, j, k in edges(net.sizes):
        weight = float(net.weights[l - 1][j, k])
        gradient = step.weight_grad(l)
        text = f"{weight_name(l, j, k)} {number(weight, digits)}"
        shown = weight
        if gradient is not None:
            shown = float(gradient[j, k])
            new = None
            if step.updated is not None:
                new = number(step.updated.weights[l - 1][j, k])
                if narrow:
                    new = new_value(weight, float(step.updated.weights[l - 1][j, k]))
            if narrow:
                text += f"<br>→ {new}" if new is not None else f"<br>∂ {number(shown, digits)}"
            else:
                if new is not None:
                    text = f"{weight_name(l, j, k)} {number(weight)} → {new}"
                text += f"<br>∂ {number(shown)}"
        (x0, y0), (x1, y1) = positions[(l - 1, k)], positions[(l, j)]
        at = label_at(y1 - y0, narrow)
        rows.append((abs(shown), x0 + at * (x1 - x0), y0 + at * (y1 - y0), text, (l, j, k)))
    if len(rows) > count:
        rows = sorted(rows, key=lambda r: -r[0])[:count]
    size = NARROW_FONT_PX if narrow else FONT_PX
    return [chip(x, y, text, name=f"edge {l} {j} {k}", size=size) for _, x, y, text, (l, j, k) in rows]


def label_at(drop, narrow=False):
    """Where along an edge its label goes, by the edge's rise (`drop` = y of target − y of
    source): falling edges near their source, rising ones a little later (clear of the
    bias label above their source), level ones past the middle (measured on the 2-2-2
    worked example at 1280×720 and, with NARROW_LABEL_AT, at 390 px: no two labels overlap)."""
    at = NARROW_LABEL_AT if narrow else LABEL_AT
    return at[1] if abs(drop) < 1e-9 else (at[0] if drop < 0 else at[2])


def side_labels(step, positions, marker, tutorial, text, example, size=FONT_PX):
    """Left of each input its name (its value x is in the neuron); right of each output its
    target y."""
    sizes, notes = step.network.sizes, []
    for j in range(sizes[0]):
        x, y = positions[(0, j)]
        name = tutorial_neuron(0, j) if tutorial else f"{label(text, SIDE_TEXT, 'viz.input')}<sub>{j}</sub>"
        notes.append(dict(chip(x, y, name, xshift=-(marker / 2 + 4), name=f"input {j}", size=size),
                          xanchor="right"))
    last = len(sizes) - 1
    for j in range(sizes[last]):
        x, y = positions[(last, j)]
        digits = DIGITS if size >= FONT_PX else NARROW_DIGITS
        value = f"{label(text, SIDE_TEXT, 'viz.target')}<sub>{j}</sub> = {number(step.Y[example, j], digits)}"
        notes.append(dict(chip(x, y, value, xshift=marker / 2 + 2, name=f"target {j}", size=size),
                          xanchor="left"))
    return notes
