"""Numerical gradients by central differences, the independent check on `backward`.

∂E/∂θ ≈ (E(θ + ε) − E(θ − ε)) / 2ε for every weight and bias θ, where E is the
batch-mean loss. Error O(ε²); each parameter costs two forward passes.
"""
from dataclasses import dataclass
from typing import Tuple

import numpy as np

from . import budget
from .errors import NetworkError
from .limits import MAX_ROWS
from .network import Network
from .propagation import _forward_unchecked, example_losses
from .validation import check_batch, check_number, check_same_rows, check_type


@dataclass(frozen=True)
class ParameterGradients:
    """Gradients shaped like the network's parameters: `weights[l]`, `biases[l]`."""
    weights: Tuple[np.ndarray, ...]
    biases: Tuple[np.ndarray, ...]


def check_rows_budget(sizes, rows):
    """Refuse a gradient check whose central differences would exceed the work budget."""
    if budget.over_budget(budget.check_rows_work(sizes, rows)):
        raise NetworkError("budget_check_rows", rows=rows, count=budget.parameter_count(sizes),
                           most=budget.max_check_rows(sizes))


def numerical_gradient(net: Network, X, Y, epsilon=1e-6) -> ParameterGradients:
    """Central-difference gradients of the batch-mean loss of `net` on (X, Y)."""
    check_type(net, Network, "net")
    X = check_batch(X, "X (inputs)", net.sizes[0], MAX_ROWS)
    Y = check_batch(Y, "Y (targets)", net.sizes[-1], MAX_ROWS)
    check_same_rows(X.shape[0], Y.shape[0])
    epsilon = check_number(epsilon, "epsilon", 0.0, 1.0, low_open=True)
    check_rows_budget(net.sizes, len(X))

    def loss_with(weights, biases):
        trial = Network._trusted(weights, biases, net.activations, net.loss, net.sizes)
        return float(np.mean(example_losses(trial, _forward_unchecked(trial, X), Y)))

    def differences(params, other, params_first):
        grads = []
        for l, param in enumerate(params):
            grad = np.zeros_like(param)
            for index in np.ndindex(param.shape):
                values = []
                for sign in (1.0, -1.0):
                    shifted = param.copy()
                    shifted[index] += sign * epsilon
                    trial = list(params)
                    trial[l] = shifted
                    values.append(loss_with(trial, other) if params_first else loss_with(other, trial))
                grad[index] = (values[0] - values[1]) / (2.0 * epsilon)
            grads.append(grad)
        return tuple(grads)

    return ParameterGradients(differences(net.weights, net.biases, True),
                              differences(net.biases, net.weights, False))
