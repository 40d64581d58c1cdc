"""Every number of a step, explained: the formula in symbols, the same formula
with the step's numbers substituted, and the result, as LaTeX strings.

    explain(step, "delta", layer=2, j=0)  ->  Explanation(
        formula     = δ^{(2)}_{0} = (a^{(2)}_{0} − y_{0}) · a^{(2)}_{0}(1 − a^{(2)}_{0})
        substituted = = (0.75136507 − 0.01) · 0.75136507 (1 − 0.75136507)
        result      = = 0.138498562, value = 0.13849856...)

Notation: layers 0 (input) … L, neurons from 0, w^{(l)}_{jk} = weights[l-1][j, k]
from neuron k of layer l−1 to neuron j of layer l, b^{(l)}_j = biases[l-1][j],
δ^{(l)}_j = ∂E/∂z^{(l)}_j; `names` (names.Names, default layer names) writes
every name, so a 2-2-2 network can be explained in the tutorial's w1…w8, h1, o1.
Per-example
quantities (z, a, E, δ) are those of example `example`; gradients are batch
means, as the engine computes them. The derivative written is the one of the
activation the layer actually uses, and the output δ follows the loss.

With a weight penalty (step.l1 = λ₁, step.l2 = λ₂) the objective is
E = Ē + λ₁ Σ|w| + (λ₂/2) Σ w², Ē = (1/n) Σ_n E_n the mean loss: "objective"
explains E, and a weight's gradient and update show the penalty's
λ₁ sign(w) + λ₂ w beside the loss's part. Stepping a batch example by example,
a step's numbers are those of example `step.example` alone (E_n, ∂E_n/∂w), and
the "average" step shows ∂E/∂w as the mean of the examples' gradients.
"""
from dataclasses import dataclass

from .errors import NetworkError
from .explanation_terms import activation_term, derivative_term, loss_term, output_delta_term
from .formatting import latex_number, paren
from .names import LAYER, Names
from .penalty import penalty_gradient
from .propagation import example_losses
from .steps import Step
from .validation import check_int, check_type

QUANTITIES = ("z", "a", "loss", "objective", "delta", "bias_grad", "weight_grad", "new_weight", "new_bias")
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
        if _penalised(step) and step.example is None:
            known.append("objective")
    if step.delta(layer) is not None:
        known += ["delta", "bias_grad", "weight_grad"]
    if step.updated is not None:
        known += ["new_bias", "new_weight"]
    return tuple(known)


def explain(step, quantity, layer, j, k=None, example=0, names=LAYER) -> Explanation:
    """The explanation of `quantity` for neuron j of `layer` (k: the incoming
    neuron, for "weight_grad" and "new_weight") on row `example` of the batch,
    in the notation of `names` (a `Names`; see bpviz.engine.names_for)."""
    _check_step(step)
    check_type(names, Names, "names", "Names from names_for")
    if quantity not in QUANTITIES:
        raise NetworkError("unknown_choice", field="quantity", choices=", ".join(QUANTITIES), got=quantity)
    layer, j = _check_neuron(step, layer, j)
    example = check_int(example, "example", 0, step.X.shape[0] - 1)
    if quantity not in available_quantities(step, layer, j):
        raise NetworkError("not_known_yet", quantity=quantity, layer=layer, j=j, number=step.index + 1,
                           known=", ".join(available_quantities(step, layer, j)) or "-")
    if quantity in ("weight_grad", "new_weight"):
        k = check_int(k, "k", 0, step.network.sizes[layer - 1] - 1)
    return _EXPLAINERS[quantity](step, layer, j, k, example, names)


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

def _z(step, l, j, k, n, names):
    weights, bias = step.network.weights[l - 1][j], step.network.biases[l - 1][j]
    inputs = step.activation(l - 1)[n]
    formula = names.over(len(weights), lambda i: rf"{names.weight(l, j, i)}\, {names.a(l - 1, i)}") \
        + rf" + {names.bias(l, j)}"
    terms = [rf"{paren(w)} \cdot {paren(a)}" for w, a in zip(weights, inputs)]
    substituted = " + ".join(terms + [paren(bias)])
    return _made("z", names.z(l, j), formula, substituted, step.preactivation(l)[n, j])


def _a(step, l, j, k, n, names):
    symbol = names.a(l, j)
    value = step.activation(l)[n, j]
    if l == 0:
        return _made("a", symbol, names.x(j), latex_number(value), value)
    formula, substituted = activation_term(step.network.activations[l - 1], l, j, step.preactivation(l)[n], names)
    return _made("a", symbol, formula, substituted, value)


def _loss(step, l, j, k, n, names):
    formula, substituted = loss_term(step.network.loss, l, step.Y[n], step.activation(l)[n], names)
    value = example_losses(step.network, step.trace, step.Y)[n]
    return _made("loss", _example_loss_symbol(step, n), formula, substituted, value)


def _example_loss_symbol(step, n):
    """E for a lone example, E_m (m from 1) for example m of a batch."""
    if step.example is not None:
        return rf"E_{{{step.example + 1}}}"
    return "E" if step.X.shape[0] == 1 and not _penalised(step) else rf"E_{{{n + 1}}}"


def _penalised(step):
    return step.l1 > 0 or step.l2 > 0


def _objective(step, l, j, k, n, names):
    """E = (1/n) Σ_n E_n + λ₁ Σ|w| + (λ₂/2) Σ w², with each sum's value."""
    losses = example_losses(step.network, step.trace, step.Y)
    if len(losses) == 1:
        formula, substituted = "E_{1}", paren(losses[0])
    else:
        formula, substituted = r"\frac{1}{n} \sum_{n} E_{n}", _batch_mean([paren(e) for e in losses], len(losses))
    weights = step.network.weights
    if step.l1 > 0:
        formula += r" + \lambda_1 \sum |w|"
        substituted += rf" + {paren(step.l1)} \cdot {paren(sum(abs(w).sum() for w in weights))}"
    if step.l2 > 0:
        formula += r" + \frac{\lambda_2}{2} \sum w^2"
        substituted += rf" + \frac{{{latex_number(step.l2)}}}{{2}} \cdot {paren(sum((w * w).sum() for w in weights))}"
    return _made("objective", "E", formula, substituted, step.gradients.loss)


# ---- backward --------------------------------------------------------------------------------

def _delta(step, l, j, k, n, names):
    net = step.network
    symbol = names.delta(l, j)
    z, a = step.preactivation(l)[n], step.activation(l)[n]
    value = step.delta(l)[n, j]
    if l == step.output_layer:
        formula, substituted = output_delta_term(net.loss, net.activations[-1], l, j, step.Y[n], a, z, names)
        return _made("delta_output", symbol, formula, substituted, value)
    outgoing, deltas_next = net.weights[l][:, j], step.delta(l + 1)[n]
    d_formula, d_value = derivative_term(net.activations[l - 1], l, j, z[j], a[j], names)
    weighted_sum = names.over(len(outgoing), lambda i: rf"{names.weight(l + 1, i, j)}\, {names.delta(l + 1, i)}",
                              "i")
    formula = rf"\Big({weighted_sum}\Big)\, {d_formula}"
    weighted = " + ".join(rf"{paren(w)} \cdot {paren(d)}" for w, d in zip(outgoing, deltas_next))
    substituted = rf"\big({weighted}\big) \cdot {d_value}"
    return _made("delta_hidden", symbol, formula, substituted, value)


def _batch_mean(pairs, count):
    """LaTeX of (1/n) Σ over the examples of the given per-example terms."""
    shown = list(pairs[:MAX_TERMS_SHOWN])
    body = " + ".join(shown) + (r" + \dots" if count > MAX_TERMS_SHOWN else "")
    return rf"\frac{{1}}{{{count}}}\big({body}\big)"


def _gradient_symbol(name, of="E"):
    """∂(of)/∂(name) as LaTeX: of is E, E_m for one example, or E_{n} inside a sum."""
    return rf"\frac{{\partial {of}}}{{\partial {name}}}"


def _bias_grad(step, l, j, k, n, names):
    deltas = step.delta(l)[:, j]
    symbol = _gradient_symbol(names.bias(l, j), _gradient_of(step))
    value = step.bias_grad(l)[j]
    if step.phase == "average":
        grads = [g.biases[l - 1][j] for g in step.batch.examples]
        formula = rf"\frac{{1}}{{n}} \sum_{{n}} {_gradient_symbol(names.bias(l, j), 'E_{n}')}"
        return _made("bias_grad", symbol, formula, _batch_mean([paren(g) for g in grads], len(grads)), value)
    if len(deltas) == 1:
        return _made("bias_grad", symbol, names.delta(l, j), latex_number(deltas[0]), value)
    formula = rf"\frac{{1}}{{n}} \sum_{{n}} {names.delta(l, j, 'n')}"
    return _made("bias_grad", symbol, formula, _batch_mean([paren(d) for d in deltas], len(deltas)), value)


def _weight_grad(step, l, j, k, n, names):
    symbol = _gradient_symbol(names.weight(l, j, k), _gradient_of(step))
    value = step.weight_grad(l)[j, k]
    if step.phase == "average":
        formula, substituted = _average_of_examples(step, l, j, k, names)
    else:
        deltas, inputs = step.delta(l)[:, j], step.activation(l - 1)[:, k]
        if len(deltas) == 1:
            formula = rf"{names.delta(l, j)}\, {names.a(l - 1, k)}"
            substituted = rf"{paren(deltas[0])} \cdot {paren(inputs[0])}"
        else:
            formula = rf"\frac{{1}}{{n}} \sum_{{n}} {names.delta(l, j, 'n')}\, {names.a(l - 1, k, 'n')}"
            substituted = _batch_mean([rf"{paren(d)} \cdot {paren(a)}" for d, a in zip(deltas, inputs)], len(deltas))
    penalty_formula, penalty_numbers = _penalty_terms(step, l, j, k, names)
    return _made("weight_grad", symbol, formula + penalty_formula, substituted + penalty_numbers, value)


def _gradient_of(step):
    """What a gradient is of: E, or E_m for example m stepped alone."""
    return "E" if step.example is None else rf"E_{{{step.example + 1}}}"


def _average_of_examples(step, l, j, k, names):
    """(1/n) Σ_n ∂E_n/∂w with each example's gradient (the "average" step)."""
    grads = [g.weights[l - 1][j, k] for g in step.batch.examples]
    formula = rf"\frac{{1}}{{n}} \sum_{{n}} {_gradient_symbol(names.weight(l, j, k), 'E_{n}')}"
    return formula, _batch_mean([paren(g) for g in grads], len(grads))


def _penalty_terms(step, l, j, k, names):
    """The penalty's part of ∂E/∂w, (" + λ₁ sign(w) + λ₂ w" in symbols, with numbers); empty
    without a penalty, and for one example stepped alone (its E_n has none)."""
    if not _penalised(step) or step.example is not None:
        return "", ""
    w = step.network.weights[l - 1][j, k]
    name = names.weight(l, j, k)
    formula, numbers = "", ""
    if step.l1 > 0:
        formula += rf" + \lambda_1 \operatorname{{sign}}({name})"
        numbers += rf" + {paren(step.l1)} \cdot \operatorname{{sign}}({latex_number(w)})"
    if step.l2 > 0:
        formula += rf" + \lambda_2\, {name}"
        numbers += rf" + {paren(step.l2)} \cdot {paren(w)}"
    return formula, numbers


# ---- update ----------------------------------------------------------------------------------

def _new_weight(step, l, j, k, n, names):
    old, grad = step.network.weights[l - 1][j, k], step.weight_grad(l)[j, k]
    symbol = names.weight(l, j, k, prime=True)
    name = names.weight(l, j, k)
    new = step.updated.weights[l - 1][j, k]
    if not _penalised(step):
        formula = rf"{name} - \eta\, {_gradient_symbol(name)}"
        substituted = rf"{latex_number(old)} - {paren(step.learning_rate)} \cdot {paren(grad)}"
        return _made("new_weight", symbol, formula, substituted, new)
    # the loss's part and the penalty's part of the gradient, each with its number
    penalty = penalty_gradient(old, step.l1, step.l2)
    penalty_formula, penalty_numbers = _penalty_terms(step, l, j, k, names)
    mean_loss_gradient = _gradient_symbol(name, r"\bar{E}")
    formula = rf"{name} - \eta\Big({mean_loss_gradient}{penalty_formula}\Big)"
    substituted = (rf"{latex_number(old)} - {paren(step.learning_rate)} \cdot \Big({paren(grad - penalty)}"
                   rf"{penalty_numbers}\Big)")
    return _made("new_weight", symbol, formula, substituted, new)


def _new_bias(step, l, j, k, n, names):
    old, grad = step.network.biases[l - 1][j], step.bias_grad(l)[j]
    name, symbol = names.bias(l, j), names.bias(l, j, prime=True)
    new = step.updated.biases[l - 1][j]
    if not step.update_biases:
        return _made("new_bias", symbol, name, latex_number(old), new)   # biases kept
    formula = rf"{name} - \eta\, {_gradient_symbol(name)}"
    substituted = rf"{latex_number(old)} - {paren(step.learning_rate)} \cdot {paren(grad)}"
    return _made("new_bias", symbol, formula, substituted, new)


_EXPLAINERS = {"z": _z, "a": _a, "loss": _loss, "objective": _objective, "delta": _delta, "bias_grad": _bias_grad,
               "weight_grad": _weight_grad, "new_weight": _new_weight, "new_bias": _new_bias}
