"""Every number of a step, explained: the formula in symbols, the same formula
with the step's numbers substituted, and the result, as LaTeX strings.

    explain(step, "delta", layer=2, j=0)  ->  Explanation(
        formula     = δ^{(2)}_{0} = (a^{(2)}_{0} − y_{0}) · a^{(2)}_{0}(1 − a^{(2)}_{0})
        substituted = = (0.75136507 − 0.01) · 0.75136507 (1 − 0.75136507)
        result      = = 0.138498562, value = 0.13849856...)

Notation (the same everywhere in bpviz): layers 0 (input) … L, neurons from 0,
w^{(l)}_{jk} = weights[l-1][j, k] from neuron k of layer l−1 to neuron j of
layer l, b^{(l)}_j = biases[l-1][j], δ^{(l)}_j = ∂E/∂z^{(l)}_j. Per-example
quantities (z, a, E, δ) are those of example `example`; gradients are batch
means, as the engine computes them. The derivative written is the one of the
activation the layer actually uses, and the output δ follows the loss.
"""
from dataclasses import dataclass

from .errors import NetworkError
from .explanation_terms import activation_term, derivative_term, loss_term, output_delta_term
from .formatting import latex_number, paren
from .propagation import example_losses
from .steps import Step
from .validation import check_int, check_type

QUANTITIES = ("z", "a", "loss", "delta", "bias_grad", "weight_grad", "new_weight", "new_bias")
MAX_TERMS_SHOWN = 6   # a sum over more examples than this is shown with "…"


@dataclass(frozen=True)
class Explanation:
    """One number. kind: the quantity ("delta" is split into "delta_output" and
    "delta_hidden"); symbol: its LaTeX name; formula: "symbol = formula in symbols";
    substituted: "= the formula with numbers"; result: "= value"; value: the float."""
    kind: str
    symbol: str
    formula: str
    substituted: str
    result: str
    value: float

    @property
    def repeats_result(self) -> bool:
        """True when the numbers already are the result (an input's a = x, ∂E/∂b = δ on one
        example, a bias kept as it was): shown once, never as "= 0.05 = 0.05"."""
        return self.substituted == self.result

    @property
    def numbers_then_result(self) -> str:
        """What follows the formula: "= numbers = result", or "= result" if they repeat."""
        return self.result if self.repeats_result else f"{self.substituted} {self.result}"


def available_quantities(step, layer, j):
    """The quantities of neuron j of `layer` known at `step`, in reading order."""
    _check_step(step)
    layer, j = _check_neuron(step, layer, j)
    if layer == 0:
        return ("a",)
    known = []
    if step.preactivation(layer) is not None:
        known += ["z", "a"]
    if layer == step.output_layer and step.loss is not None:
        known.append("loss")
    if step.delta(layer) is not None:
        known += ["delta", "bias_grad", "weight_grad"]
    if step.updated is not None:
        known += ["new_bias", "new_weight"]
    return tuple(known)


def explain(step, quantity, layer, j, k=None, example=0) -> Explanation:
    """The explanation of `quantity` for neuron j of `layer` (k: the incoming
    neuron, for "weight_grad" and "new_weight") on row `example` of the batch."""
    _check_step(step)
    if quantity not in QUANTITIES:
        raise NetworkError("unknown_choice", field="quantity", choices=", ".join(QUANTITIES), got=quantity)
    layer, j = _check_neuron(step, layer, j)
    example = check_int(example, "example", 0, step.X.shape[0] - 1)
    if quantity not in available_quantities(step, layer, j):
        raise NetworkError("not_known_yet", quantity=quantity, layer=layer, j=j, number=step.index + 1,
                           known=", ".join(available_quantities(step, layer, j)) or "-")
    if quantity in ("weight_grad", "new_weight"):
        k = check_int(k, "k", 0, step.network.sizes[layer - 1] - 1)
    return _EXPLAINERS[quantity](step, layer, j, k, example)


def _check_step(step):
    check_type(step, Step, "step", "Step from step_sequence")


def _check_neuron(step, layer, j):
    layer = check_int(layer, "layer", 0, step.output_layer)
    j = check_int(j, "j", 0, step.network.sizes[layer] - 1)
    return layer, j


def _made(kind, symbol, formula, substituted, value):
    return Explanation(kind, symbol, f"{symbol} = {formula}", f"= {substituted}", f"= {latex_number(value)}",
                       float(value))


# ---- forward ---------------------------------------------------------------------------------

def _z(step, l, j, k, n):
    weights, bias = step.network.weights[l - 1][j], step.network.biases[l - 1][j]
    inputs = step.activation(l - 1)[n]
    formula = rf"\sum_{{k}} w^{{({l})}}_{{{j}k}}\, a^{{({l - 1})}}_{{k}} + b^{{({l})}}_{{{j}}}"
    terms = [rf"{paren(w)} \cdot {paren(a)}" for w, a in zip(weights, inputs)]
    substituted = " + ".join(terms + [paren(bias)])
    return _made("z", rf"z^{{({l})}}_{{{j}}}", formula, substituted, step.preactivation(l)[n, j])


def _a(step, l, j, k, n):
    symbol = rf"a^{{({l})}}_{{{j}}}"
    value = step.activation(l)[n, j]
    if l == 0:
        return _made("a", symbol, rf"x_{{{j}}}", latex_number(value), value)
    formula, substituted = activation_term(step.network.activations[l - 1], l, j, step.preactivation(l)[n])
    return _made("a", symbol, formula, substituted, value)


def _loss(step, l, j, k, n):
    formula, substituted = loss_term(step.network.loss, l, step.Y[n], step.activation(l)[n])
    value = example_losses(step.network, step.trace, step.Y)[n]
    symbol = "E" if step.X.shape[0] == 1 else rf"E_{{{n + 1}}}"
    return _made("loss", symbol, formula, substituted, value)


# ---- backward --------------------------------------------------------------------------------

def _delta(step, l, j, k, n):
    net = step.network
    symbol = rf"\delta^{{({l})}}_{{{j}}}"
    z, a = step.preactivation(l)[n], step.activation(l)[n]
    value = step.delta(l)[n, j]
    if l == step.output_layer:
        formula, substituted = output_delta_term(net.loss, net.activations[-1], l, j, step.Y[n], a, z)
        return _made("delta_output", symbol, formula, substituted, value)
    outgoing, deltas_next = net.weights[l][:, j], step.delta(l + 1)[n]
    d_formula, d_value = derivative_term(net.activations[l - 1], l, j, z[j], a[j])
    formula = (rf"\Big(\sum_{{i}} w^{{({l + 1})}}_{{i{j}}}\, \delta^{{({l + 1})}}_{{i}}\Big)\, {d_formula}")
    weighted = " + ".join(rf"{paren(w)} \cdot {paren(d)}" for w, d in zip(outgoing, deltas_next))
    substituted = rf"\big({weighted}\big) \cdot {d_value}"
    return _made("delta_hidden", symbol, formula, substituted, value)


def _batch_mean(pairs, count):
    """LaTeX of (1/n) Σ over the examples of the given per-example terms."""
    shown = list(pairs[:MAX_TERMS_SHOWN])
    body = " + ".join(shown) + (r" + \dots" if count > MAX_TERMS_SHOWN else "")
    return rf"\frac{{1}}{{{count}}}\big({body}\big)"


def _bias_grad(step, l, j, k, n):
    deltas = step.delta(l)[:, j]
    symbol = rf"\frac{{\partial E}}{{\partial b^{{({l})}}_{{{j}}}}}"
    if len(deltas) == 1:
        return _made("bias_grad", symbol, rf"\delta^{{({l})}}_{{{j}}}", latex_number(deltas[0]), step.bias_grad(l)[j])
    formula = rf"\frac{{1}}{{n}} \sum_{{n}} \delta^{{({l})}}_{{{j},n}}"
    return _made("bias_grad", symbol, formula, _batch_mean([paren(d) for d in deltas], len(deltas)),
                 step.bias_grad(l)[j])


def _weight_grad(step, l, j, k, n):
    deltas, inputs = step.delta(l)[:, j], step.activation(l - 1)[:, k]
    symbol = rf"\frac{{\partial E}}{{\partial w^{{({l})}}_{{{j}{k}}}}}"
    value = step.weight_grad(l)[j, k]
    if len(deltas) == 1:
        return _made("weight_grad", symbol, rf"\delta^{{({l})}}_{{{j}}}\, a^{{({l - 1})}}_{{{k}}}",
                     rf"{paren(deltas[0])} \cdot {paren(inputs[0])}", value)
    formula = rf"\frac{{1}}{{n}} \sum_{{n}} \delta^{{({l})}}_{{{j},n}}\, a^{{({l - 1})}}_{{{k},n}}"
    terms = [rf"{paren(d)} \cdot {paren(a)}" for d, a in zip(deltas, inputs)]
    return _made("weight_grad", symbol, formula, _batch_mean(terms, len(deltas)), value)


# ---- update ----------------------------------------------------------------------------------

def _new_weight(step, l, j, k, n):
    old, grad = step.network.weights[l - 1][j, k], step.weight_grad(l)[j, k]
    symbol = rf"w'^{{({l})}}_{{{j}{k}}}"
    formula = rf"w^{{({l})}}_{{{j}{k}}} - \eta\, \frac{{\partial E}}{{\partial w^{{({l})}}_{{{j}{k}}}}}"
    substituted = rf"{latex_number(old)} - {paren(step.learning_rate)} \cdot {paren(grad)}"
    return _made("new_weight", symbol, formula, substituted, step.updated.weights[l - 1][j, k])


def _new_bias(step, l, j, k, n):
    old, grad = step.network.biases[l - 1][j], step.bias_grad(l)[j]
    symbol = rf"b'^{{({l})}}_{{{j}}}"
    new = step.updated.biases[l - 1][j]
    if not step.update_biases:
        return _made("new_bias", symbol, rf"b^{{({l})}}_{{{j}}}", latex_number(old), new)   # biases kept
    formula = rf"b^{{({l})}}_{{{j}}} - \eta\, \frac{{\partial E}}{{\partial b^{{({l})}}_{{{j}}}}}"
    substituted = rf"{latex_number(old)} - {paren(step.learning_rate)} \cdot {paren(grad)}"
    return _made("new_bias", symbol, formula, substituted, new)


_EXPLAINERS = {"z": _z, "a": _a, "loss": _loss, "delta": _delta, "bias_grad": _bias_grad,
               "weight_grad": _weight_grad, "new_weight": _new_weight, "new_bias": _new_bias}
