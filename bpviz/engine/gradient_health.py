"""Gradient health: how big each layer's weight gradient is, and why δ shrinks on its
way back through a deep network.

`layer_rms(weight_grads)` is the figure `EpochRecord.gradient_rms` records, per
weight layer: sqrt(mean(g²)) over the entries g of ∂E/∂W.

Why it shrinks: going back one layer, δ⁽ˡ⁾ = ((W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾), so
    ‖δ⁽ˡ⁾‖ ≤ ‖W⁽ˡ⁺¹⁾‖₂ · max_j |f′(z⁽ˡ⁾_j)| · ‖δ⁽ˡ⁺¹⁾‖
(‖·‖ the Euclidean norm, ‖W‖₂ the largest singular value). Each layer multiplies δ
by about w·f′(z); for the sigmoid f′ = a(1 − a) ≤ 1/4, so with weights of order 1
every layer shrinks δ at least fourfold and ∂E/∂W = δ aᵀ with it. `delta_shrink`
explains one layer's factor with the step's numbers, `delta_shrink_bound` the most
it can be, `delta_shrink_total` the product from the output back to a layer.
"""
import numpy as np

from .activations import ACTIVATIONS
from .errors import NetworkError
from .explanations import Explanation
from .formatting import latex_number, paren
from .steps import Step
from .validation import check_int, check_type

SIGMOID_SLOPE_BOUND = 0.25   # σ′(z) = σ(z)(1 − σ(z)) ≤ 1/4, at z = 0


def layer_rms(weight_grads):
    """sqrt(mean(g²)) of each array in `weight_grads`, a tuple of floats."""
    return tuple(float(np.sqrt(np.mean(np.square(g)))) for g in weight_grads)


def _shrink_layer(step, layer, example):
    """The step's numbers for one layer going back: (‖δ⁽ˡ⁾‖, ‖δ⁽ˡ⁺¹⁾‖, ‖W⁽ˡ⁺¹⁾‖₂, max |f′(z⁽ˡ⁾)|)."""
    net = step.network
    z, a = step.preactivation(layer)[example:example + 1], step.activation(layer)[example:example + 1]
    slopes = ACTIVATIONS[net.activations[layer - 1]].derivative(z, a)
    return (float(np.linalg.norm(step.delta(layer)[example])), float(np.linalg.norm(step.delta(layer + 1)[example])),
            float(np.linalg.norm(net.weights[layer], 2)), float(np.max(np.abs(slopes))))


def _ratio(numerator, denominator):
    return numerator / denominator if denominator > 0 else 0.0   # δ⁽ˡ⁺¹⁾ = 0 carries nothing back


def _check(step, layer, example):
    check_type(step, Step, "step", "Step from step_sequence")
    if step.output_layer < 2:
        raise NetworkError("no_hidden_layer")
    layer = check_int(layer, "layer (a hidden layer)", 1, step.output_layer - 1)
    example = check_int(example, "example", 0, step.X.shape[0] - 1)
    if step.delta(layer) is None:
        raise NetworkError("not_known_yet", quantity="delta", layer=layer, j=0, number=step.index + 1,
                           known="-")
    return layer, example


def _delta_norm(layer):
    return rf"\lVert \delta^{{({layer})}} \rVert"


def delta_shrink(step, layer, example=0) -> Explanation:
    """How much δ shrinks (or grows) from hidden layer `layer` + 1 back to `layer` on row
    `example`: ρ⁽ˡ⁾ = ‖δ⁽ˡ⁾‖ / ‖δ⁽ˡ⁺¹⁾‖. Known once δ of `layer` is; kind "delta_shrink".
    `delta_shrink_bound` gives the most it can be."""
    layer, example = _check(step, layer, example)
    here, after, _, _ = _shrink_layer(step, layer, example)
    symbol = rf"\rho^{{({layer})}}"
    formula = rf"{symbol} = \frac{{{_delta_norm(layer)}}}{{{_delta_norm(layer + 1)}}}"
    value = _ratio(here, after)
    substituted = rf"= \frac{{{latex_number(here)}}}{{{latex_number(after)}}}"
    return Explanation("delta_shrink", symbol, formula, substituted, f"= {latex_number(value)}", float(value))


def delta_shrink_bound(step, layer, example=0) -> Explanation:
    """The most δ can grow from layer `layer` + 1 back to `layer` on row `example`:
    ρ⁽ˡ⁾ ≤ ‖W⁽ˡ⁺¹⁾‖₂ · max_j |f′(z⁽ˡ⁾_j)| (for the sigmoid f′ = σ(1 − σ) ≤ 1/4); kind
    "delta_shrink_bound"."""
    layer, example = _check(step, layer, example)
    _, _, spread, slope = _shrink_layer(step, layer, example)
    symbol = rf"\lVert W^{{({layer + 1})}} \rVert_2 \cdot \max_{{j}} \big|f'(z^{{({layer})}}_{{j}})\big|"
    formula = rf"\rho^{{({layer})}} \le {symbol}"
    if step.network.activations[layer - 1] == "sigmoid":
        formula += (rf",\quad f'(z) = \sigma(z)\big(1 - \sigma(z)\big) \le "
                    rf"{latex_number(SIGMOID_SLOPE_BOUND)}")
    value = spread * slope
    return Explanation("delta_shrink_bound", symbol, formula, rf"= {paren(spread)} \cdot {paren(slope)}",
                       f"= {latex_number(value)}", float(value))


def delta_shrink_total(step, layer, example=0) -> Explanation:
    """How much δ has shrunk from the output layer L back to hidden layer `layer` on row
    `example`: ‖δ⁽ˡ⁾‖ / ‖δ⁽ᴸ⁾‖ = ρ⁽ᴸ⁻¹⁾ ⋯ ρ⁽ˡ⁾, with each factor; kind "delta_shrink_total"."""
    layer, example = _check(step, layer, example)
    L = step.output_layer
    factors = [_ratio(*_shrink_layer(step, m, example)[:2]) for m in range(L - 1, layer - 1, -1)]
    value = _ratio(float(np.linalg.norm(step.delta(layer)[example])), float(np.linalg.norm(step.delta(L)[example])))
    symbol = rf"\frac{{{_delta_norm(layer)}}}{{{_delta_norm(L)}}}"
    formula = symbol + " = " + r" \cdot ".join(rf"\rho^{{({m})}}" for m in range(L - 1, layer - 1, -1))
    substituted = "= " + r" \cdot ".join(paren(f) for f in factors)
    return Explanation("delta_shrink_total", symbol, formula, substituted, f"= {latex_number(value)}", float(value))
