"""Activation functions, each with its derivative beside it, in a name registry.

Every function works on a batch: `z` and `a` have shape `(n, neurons)`.
`derivative(z, a)` is the elementwise da/dz, written in terms of whichever of
z or a gives the simplest (and cheapest) expression. Softmax is not elementwise:
it supplies `backprop(z, a, grad_a)`, the Jacobian-vector product, instead.
"""
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

LEAKY_SLOPE = 0.01


@dataclass(frozen=True)
class Activation:
    name: str
    function: Callable[[np.ndarray], np.ndarray]
    # d a / d z elementwise, from (z, a); None for softmax (not elementwise).
    derivative: Callable[[np.ndarray, np.ndarray], np.ndarray] | None
    output_only: bool = False

    def backprop(self, z: np.ndarray, a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        """∂E/∂z from ∂E/∂a (all shaped `(n, neurons)`): the chain rule through f."""
        if self.derivative is not None:
            return grad_a * self.derivative(z, a)
        # softmax: ∂a_i/∂z_j = a_i (1[i=j] − a_j), so (Jᵀ g)_j = a_j (g_j − Σ_i g_i a_i)
        return a * (grad_a - np.sum(grad_a * a, axis=1, keepdims=True))


def _sigmoid(z):
    # exp of a non-positive number only: no overflow for large |z|
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _softmax(z):
    shifted = np.exp(z - np.max(z, axis=1, keepdims=True))
    return shifted / np.sum(shifted, axis=1, keepdims=True)


ACTIVATIONS = {
    act.name: act
    for act in (
        # σ(z) = 1/(1+e^−z);  σ′ = σ(1−σ) = a(1−a)
        Activation("sigmoid", _sigmoid, lambda z, a: a * (1.0 - a)),
        # tanh′ = 1 − tanh² = 1 − a²
        Activation("tanh", np.tanh, lambda z, a: 1.0 - a * a),
        # relu′ = 1 for z > 0, else 0 (0 at the kink, by convention)
        Activation("relu", lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(np.float64)),
        # leaky_relu′ = 1 for z > 0, else 0.01
        Activation("leaky_relu", lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
                   lambda z, a: np.where(z > 0, 1.0, LEAKY_SLOPE)),
        # linear′ = 1
        Activation("linear", lambda z: z + 0.0, lambda z, a: np.ones_like(z)),
        # softmax: a_j = e^{z_j} / Σ_i e^{z_i}; Jacobian in `backprop`
        Activation("softmax", _softmax, None, output_only=True),
    )
}

ACTIVATION_NAMES = tuple(ACTIVATIONS)
HIDDEN_ACTIVATION_NAMES = tuple(n for n, a in ACTIVATIONS.items() if not a.output_only)
