"""The texts printed on the Step page's diagram (bpviz.viz.step_pass), formatted once, here:
the δ badge, the bias chip (b, ∂E/∂b, old → new, z on demand), each connection's label
(w, ∂E/∂w, old → new), the input names and targets, and the 9-digit hovers.

Every name is in the notation on show: a `Names` (bpviz.engine.names; tutorial names h1, w5,
yₒ₁ for a 2-2-2 network with the switch on, else a⁽¹⁾₀, w⁽²⁾₀₀, y₀). A gradient is always
named whole, ∂E/∂w or ∂E/∂b, never a bare ∂.

A label is a list of lines (plain text, no markup). Wide diagrams print style.DIGITS,
phones (`narrow`) style.NARROW_DIGITS and shorter lines, and networks with more than a few
neurons in a layer style.SMALL_DIGITS inside their small neurons; hovers style.HOVER_FORMAT."""
from bpviz.engine import LAYER_NAMES
from bpviz.viz.network_diagram import DEFAULT_TEXT as DIAGRAM_TEXT
from bpviz.viz.style import DIGITS, HOVER_FORMAT, NARROW_DIGITS, new_value, number
from bpviz.viz.text import label

DEFAULT_TEXT = {
    "viz.step.legend_a": "a",
    "viz.step.legend_delta": "δ",
    "viz.loss_example": "Loss E{example} = {loss}",
    "viz.loss_example_unknown": "Loss E{example} = ? (not computed yet)",
}
WORDS = {**DEFAULT_TEXT, **DIAGRAM_TEXT}   # the network diagram's words: neuron, connection, x, y, loss
LABEL_AT = (0.35, 0.55, 0.45)   # an edge's label sits this far along it: going down, level, going up
NARROW_LABEL_AT = (0.33, 0.5, 0.42)  # phones: crossing labels clear of the δ badge and bias chip beside them
WEIGHT_GRAD, BIAS_GRAD = "∂E/∂w", "∂E/∂b"   # the gradient's name, always whole (never a bare ∂)
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def label_at(drop, narrow=False):
    """Where along an edge its label goes, by the edge's rise (`drop` = y of target − y of
    source): falling edges near their source, rising ones a little later (clear of the
    bias chip above their source), level ones past the middle."""
    at = NARROW_LABEL_AT if narrow else LABEL_AT
    return at[1] if abs(drop) < 1e-9 else (at[0] if drop < 0 else at[2])


def delta_text(value, digits=DIGITS):
    return f"δ {number(value, digits)}"


def bias_lines(step, l, j, bias_name, show_z, narrow, example=0):
    """The chip above neuron j of layer l: its bias, then ∂E/∂b once known, or old → new at
    the update (when biases are updated); z first when asked and known. Wide: the bias facts
    on one line; phones: one fact a line ('b1 0.35', then '∂E/∂b 0.00877' or '→ 0.345')."""
    net, digits = step.network, NARROW_DIGITS if narrow else DIGITS
    bias = float(net.biases[l - 1][j])
    first, second = f"{bias_name(l, j)} {number(bias, digits)}", None
    bias_grad = step.bias_grad(l)
    if bias_grad is not None and step.updated is not None and step.update_biases:
        new = float(step.updated.biases[l - 1][j])
        second = f"→ {new_value(bias, new) if narrow else number(new)}"
    elif bias_grad is not None:
        second = f"{BIAS_GRAD} {number(bias_grad[j], digits)}"
    lines = [first, second] if narrow and second else [f"{first}  {second}" if second else first]
    z = step.preactivation(l)
    if show_z and z is not None:
        lines.insert(0, f"z {number(z[example, j], digits)}")
    return lines


def edge_lines(step, l, j, k, weight_name_of, narrow):
    """A connection's label and the value it is ranked by (|∂E/∂w| once known, else |w|):
    the name and weight, then ∂E/∂w once known; at the update old → new (wide: and ∂E/∂w
    below; phones: the new weight below, as many digits as it takes to differ)."""
    net, digits = step.network, NARROW_DIGITS if narrow else DIGITS
    weight = float(net.weights[l - 1][j, k])
    gradient = step.weight_grad(l)
    name = weight_name_of(l, j, k)
    if gradient is None:
        return [f"{name} {number(weight, digits)}"], abs(weight)
    grad = float(gradient[j, k])
    if step.updated is None:
        return [f"{name} {number(weight, digits)}", f"{WEIGHT_GRAD} {number(grad, digits)}"], abs(grad)
    new = float(step.updated.weights[l - 1][j, k])
    if narrow:
        return [f"{name} {number(weight, digits)}", f"→ {new_value(weight, new)}"], abs(grad)
    return [f"{name} {number(weight)} → {number(new)}", f"{WEIGHT_GRAD} {number(grad)}"], abs(grad)


def input_name(j, names=LAYER_NAMES, text=None):
    """Left of input j: its tutorial name (i1) or x₀ (its value x is in the neuron)."""
    return names.neuron_text(0, j) if names.tutorial else f"{label(text, WORDS, 'viz.input')}{str(j).translate(_SUB)}"


def target_text(layer, j, value, narrow, names=LAYER_NAMES, text=None):
    """Right of output j (of output layer `layer`): its target, 'y₀ = 0.01', or in tutorial
    names 'yₒ₁ = 0.01' (the inspector's y_{o1})."""
    name = label(text, WORDS, "viz.target")
    index = names.neuron_text(layer, j) if names.tutorial else str(j)
    return f"{name}{index.translate(_NAME_SUB)} = {number(value, NARROW_DIGITS if narrow else DIGITS)}"


_NAME_SUB = str.maketrans("0123456789iho", "₀₁₂₃₄₅₆₇₈₉ᵢₕₒ")


def neuron_hover(step, l, j, example=0, names=LAYER_NAMES):
    """Every known number of neuron j of layer l to 9 digits (where it is: `neuron_place`)."""
    lines = [f"{names.quantity_text('a', l, j)} = {_known(step.activation(l), example, j)}"]
    if l:
        bias = names.bias_text(l, j)
        lines.append(f"{names.quantity_text('z', l, j)} = {_known(step.preactivation(l), example, j)}")
        lines.append(f"{names.quantity_text('δ', l, j)} = {_known(step.delta(l), example, j)}")
        lines.append(f"{bias} = {number(step.network.biases[l - 1][j], HOVER_FORMAT)}")
        grad = step.bias_grad(l)
        if grad is not None:
            lines.append(f"∂E/∂{bias} = {number(grad[j], HOVER_FORMAT)}")
        if step.updated is not None and step.update_biases:
            lines.append(f"{bias} → {number(step.updated.biases[l - 1][j], HOVER_FORMAT)}")
    return lines


def neuron_place(l, j, text=None):
    return label(text, WORDS, "viz.neuron", j=j, layer=l)


def edge_hover(step, l, j, k, names=LAYER_NAMES):
    """'w⁽ˡ⁾ⱼₖ = value' (w5 in tutorial names), ∂E/∂w once known and the new weight at the
    update (where it goes: `edge_place`)."""
    name = names.weight_text(l, j, k)
    lines = [f"{name} = {number(step.network.weights[l - 1][j, k], HOVER_FORMAT)}"]
    gradient = step.weight_grad(l)
    if gradient is not None:
        lines.append(f"∂E/∂{name} = {number(gradient[j, k], HOVER_FORMAT)}")
    if step.updated is not None:
        lines.append(f"{name} → {number(step.updated.weights[l - 1][j, k], HOVER_FORMAT)}")
    return lines


def edge_place(l, j, k, text=None):
    return label(text, WORDS, "viz.edge_between", k=k, source=l - 1, j=j, target=l)


def loss_title(step, text=None):
    """'Loss E = …' of the pass (a batch's average and update: the mean E); on a step of one
    example of a batch stepped example by example, that example's own loss 'Loss E₂ = …',
    as the inspector names it."""
    if step.example is not None:
        example = str(step.example + 1).translate(_SUB)
        if step.loss is None:
            return label(text, WORDS, "viz.loss_example_unknown", example=example)
        return label(text, WORDS, "viz.loss_example", example=example, loss=number(step.loss, HOVER_FORMAT))
    if step.loss is None:
        return label(text, WORDS, "viz.loss_unknown")
    return label(text, WORDS, "viz.loss", loss=number(step.loss, HOVER_FORMAT))


def _known(values, example, j):
    return "?" if values is None else number(values[example, j], HOVER_FORMAT)
