"""Loss functions per example, each with its derivative beside it, in a name registry.

`per_example(y, a, log_a, log_1ma)` returns shape `(n,)`; the batch loss is the
mean. `grad(y, a)` is ∂E_n/∂a, shape `(n, outputs)`. The logarithms are passed in
so the caller can compute them stably from z when the output is sigmoid or
softmax (see `propagation.output_logs`).

Where the output activation makes the chain rule collapse, `fused_deltas` maps
that activation's name to ∂E/∂z computed directly (e.g. a − y for sigmoid with
binary cross-entropy), which stays exact when a rounds to 0 or 1.
"""
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Loss:
    name: str
    per_example: Callable[..., np.ndarray]
    grad: Callable[[np.ndarray, np.ndarray], np.ndarray]
    # output activation name -> ∂E/∂z from (y, a), skipping the division by a
    fused_deltas: Mapping[str, Callable[[np.ndarray, np.ndarray], np.ndarray]]


def _xlogy(y, log_a):
    # y·ln a with the convention 0·ln 0 = 0 (a target of 0 ignores that output); the
    # mask comes before the product, so 0·(−inf) is never formed
    return y * np.where(y == 0, 0.0, log_a)


def _x_over(y, a):
    # y / a with 0 where y = 0: a target of 0 contributes nothing, even where a = 0
    return np.where(y == 0, 0.0, y / np.where(y == 0, 1.0, a))


LOSSES = {
    loss.name: loss
    for loss in (
        # E = ½ Σ_k (y_k − a_k)²;  ∂E/∂a_k = a_k − y_k
        Loss("squared_error",
             lambda y, a, log_a, log_1ma: 0.5 * np.sum((y - a) ** 2, axis=1),
             lambda y, a: a - y,
             fused_deltas={}),
        # E = −Σ_k y_k ln a_k;  ∂E/∂a_k = −y_k / a_k (0 where y_k = 0, even at a_k = 0)
        Loss("cross_entropy",
             lambda y, a, log_a, log_1ma: -np.sum(_xlogy(y, log_a), axis=1),
             lambda y, a: -_x_over(y, a),
             # softmax: ∂E/∂z_j = a_j Σ_k y_k − y_j (= a_j − y_j when Σ y = 1)
             fused_deltas={"softmax": lambda y, a: a * np.sum(y, axis=1, keepdims=True) - y}),
        # E = −Σ_k [y_k ln a_k + (1−y_k) ln(1−a_k)];
        # ∂E/∂a_k = −y_k / a_k + (1 − y_k) / (1 − a_k)  (= (a_k − y_k) / (a_k (1 − a_k)))
        Loss("binary_cross_entropy",
             lambda y, a, log_a, log_1ma: -np.sum(_xlogy(y, log_a) + _xlogy(1.0 - y, log_1ma), axis=1),
             lambda y, a: -_x_over(y, a) + _x_over(1.0 - y, 1.0 - a),
             # sigmoid: ∂E/∂z_k = a_k − y_k
             fused_deltas={"sigmoid": lambda y, a: a - y}),
    )
}

LOSS_NAMES = tuple(LOSSES)
