"""The gradient check, and deliberate backward-pass mistakes for it to catch.

`gradient_check(net, X, Y, mistake)` compares the backward pass — the correct one,
or one with a classic mistake switched on, for teaching only (training never uses
these) — with central differences of the loss, parameter by parameter:

    relative error = |analytic − numerical| / max(|analytic| + |numerical|, 1e-12)
    verdict: "pass" if the largest is < 1e-5, "warn" if < 1e-3, else "fail"
"""
from dataclasses import dataclass
from typing import Tuple

import numpy as np

from .activations import ACTIVATIONS
from .errors import NetworkError
from .gradcheck import check_rows_budget, numerical_gradient
from .landscape import ParameterRef, _check_data, parameter_refs
from .propagation import _backward_unchecked, _forward_unchecked, output_delta
from .update import check_learning_rate

PASS_BELOW, WARN_BELOW = 1e-5, 1e-3


def _correct(net, X, Y, learning_rate):
    grads = _backward_unchecked(net, _forward_unchecked(net, X), Y)
    return grads.weights, grads.biases


def _hidden_deltas(net, trace, Y, weights_for_hidden, use_derivative=True):
    """δ of every layer, output first, with the given weights carrying δ backwards."""
    L = len(net.weights)
    deltas = [None] * L
    deltas[-1] = output_delta(net, trace, Y)
    for l in range(L - 2, -1, -1):
        activation = ACTIVATIONS[net.activations[l]]
        carried = deltas[l + 1] @ weights_for_hidden[l + 1]
        deltas[l] = (activation.backprop(trace.preactivations[l], trace.activations[l + 1], carried)
                     if use_derivative else carried)
    return deltas


def _gradients(trace, deltas, divide_by):
    return ([d.T @ trace.activations[l] / divide_by for l, d in enumerate(deltas)],
            [d.sum(axis=0) / divide_by for d in deltas])


def _no_activation_derivative(net, X, Y, learning_rate):
    """Forgets f′(z) when carrying δ back into a hidden layer: δ⁽ˡ⁾ = W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾."""
    trace = _forward_unchecked(net, X)
    return _gradients(trace, _hidden_deltas(net, trace, Y, net.weights, use_derivative=False), len(X))


def _updated_weights_for_hidden_deltas(net, X, Y, learning_rate):
    """Updates the output layer first, then carries δ back with the already-updated weights."""
    trace = _forward_unchecked(net, X)
    correct = _backward_unchecked(net, trace, Y)
    updated = [w - learning_rate * g for w, g in zip(net.weights, correct.weights)]
    return _gradients(trace, _hidden_deltas(net, trace, Y, updated), len(X))


def _sum_not_mean(net, X, Y, learning_rate):
    """Sums the examples' gradients instead of averaging them (wrong whenever n > 1)."""
    trace = _forward_unchecked(net, X)
    return _gradients(trace, _hidden_deltas(net, trace, Y, net.weights), 1.0)


MISTAKES = {"none": _correct, "no_activation_derivative": _no_activation_derivative,
            "updated_weights_for_hidden_deltas": _updated_weights_for_hidden_deltas,
            "sum_not_mean": _sum_not_mean}


@dataclass(frozen=True)
class CheckRow:
    ref: ParameterRef
    analytic: float
    numerical: float
    relative_error: float


@dataclass(frozen=True)
class GradientCheckReport:
    mistake: str
    rows: Tuple[CheckRow, ...]
    max_relative_error: float
    verdict: str            # "pass", "warn" or "fail"


def relative_error(analytic, numerical):
    return abs(analytic - numerical) / max(abs(analytic) + abs(numerical), 1e-12)


def verdict_of(error):
    return "pass" if error < PASS_BELOW else ("warn" if error < WARN_BELOW else "fail")


def gradient_check(net, X, Y, mistake="none", epsilon=1e-6, learning_rate=0.5) -> GradientCheckReport:
    """Backward pass (with `mistake`, one of MISTAKES) against central differences."""
    X, Y = _check_data(net, X, Y)
    if mistake not in MISTAKES:
        raise NetworkError("unknown_choice", field="mistake", choices=", ".join(MISTAKES), got=mistake)
    learning_rate = check_learning_rate(learning_rate)
    check_rows_budget(net.sizes, len(X))
    numerical = numerical_gradient(net, X, Y, epsilon)
    with np.errstate(all="ignore"):
        weights, biases = MISTAKES[mistake](net, X, Y, learning_rate)
    rows = []
    for ref in parameter_refs(net):
        if ref.kind == "weight":
            a, n = weights[ref.layer - 1][ref.j, ref.k], numerical.weights[ref.layer - 1][ref.j, ref.k]
        else:
            a, n = biases[ref.layer - 1][ref.j], numerical.biases[ref.layer - 1][ref.j]
        rows.append(CheckRow(ref, float(a), float(n), relative_error(float(a), float(n))))
    worst = max(row.relative_error for row in rows)
    if not np.isfinite(worst):
        worst = float("inf")
    return GradientCheckReport(mistake, tuple(rows), worst, verdict_of(worst))
