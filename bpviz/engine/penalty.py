"""The weight penalty (regularisation) added to the loss, with its derivative beside it.

    E = mean_n E_n + λ₁ Σ|w| + (λ₂/2) Σ w²

The sums run over every weight of every layer, never over biases. Derivatives:
∂/∂w (λ₁|w|) = λ₁ sign(w), taken as 0 at w = 0, and ∂/∂w ((λ₂/2) w²) = λ₂ w.
λ₁ (`l1`) and λ₂ (`l2`) are in [0, MAX_PENALTY]; 0 and 0 is plain gradient descent.
"""
import numpy as np

from .validation import check_number

MAX_PENALTY = 1.0


def check_penalties(l1, l2):
    """(λ₁, λ₂) as floats in [0, MAX_PENALTY]; `NetworkError` names the field and its range."""
    return check_number(l1, "l1", 0.0, MAX_PENALTY), check_number(l2, "l2", 0.0, MAX_PENALTY)


def penalty_value(weights, l1, l2):
    """λ₁ Σ|w| + (λ₂/2) Σ w² over every matrix in `weights` (a float)."""
    if l1 == 0 and l2 == 0:
        return 0.0
    return float(sum(l1 * np.abs(w).sum() + 0.5 * l2 * np.square(w).sum() for w in weights))


def penalty_gradient(w, l1, l2):
    """∂/∂w of the penalty for one weight array: λ₁ sign(w) + λ₂ w (sign(0) = 0), shaped like w."""
    return l1 * np.sign(w) + l2 * w
