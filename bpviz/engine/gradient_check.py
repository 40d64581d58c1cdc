"""The gradient check: numerical gradients by central differences, the independent check
on `backward`, and the report comparing the two.

∂E/∂θ ≈ (E(θ + ε) − E(θ − ε)) / 2ε for every weight and bias θ, where E is the
batch-mean loss. Error O(ε²); each parameter costs two forward passes.

`gradient_check(net, X, Y, mistake)` compares the backward pass — the correct one,
or one with a classic mistake switched on (mistakes.py, for teaching only) — with
the numerical gradient, parameter by parameter:

    relative error = |analytic − numerical| / max(|analytic| + |numerical|, floor)
    verdict: "pass" if the largest is < 1e-5, "warn" if < 1e-3, else "fail"

The floor is where the numerical gradient stops being exact enough to judge: each
loss value carries a rounding error of about ε_mach·|E|, so a central difference
carries about ε_mach·|E|/ε. A gradient no larger than NOISE_SAFETY times that noise
over the pass threshold cannot be judged more finely (the first layers of a deep
sigmoid network have gradients near 1e-7, where the noise alone exceeds 1e-5).
"""
from dataclasses import dataclass

import numpy as np

from . import budget
from .errors import NetworkError
from .mistakes import MISTAKES
from .network import Network, ParameterGradients, ParameterRef, parameter_refs
from .propagation import example_losses, trusted_forward
from .update import check_learning_rate
from .validation import check_data, check_number, check_type

PASS_BELOW, WARN_BELOW = 1e-5, 1e-3
NOISE_SAFETY = 10          # how many times the rounding noise of one central difference


@dataclass(frozen=True)
class CheckRow:
    ref: ParameterRef
    analytic: float
    numerical: float
    relative_error: float


@dataclass(frozen=True)
class GradientCheckReport:
    mistake: str
    rows: tuple[CheckRow, ...]
    max_relative_error: float
    verdict: str            # "pass", "warn" or "fail"


def check_rows_budget(sizes, rows):
    """Refuse a gradient check whose central differences would exceed the work budget."""
    if budget.over_budget(budget.check_rows_work(sizes, rows)):
        raise NetworkError("budget_check_rows", rows=rows, count=budget.parameter_count(sizes),
                           most=budget.max_check_rows(sizes))


def numerical_gradient(net: Network, X, Y, epsilon=1e-6) -> ParameterGradients:
    """Central-difference gradients of the batch-mean loss of `net` on (X, Y)."""
    check_type(net, Network, "net")
    X, Y = check_data(X, Y, net.sizes)
    epsilon = check_number(epsilon, "epsilon", 0.0, 1.0, low_open=True)
    check_rows_budget(net.sizes, len(X))

    def loss_with(weights, biases):
        trial = Network.trusted(weights, biases, net.activations, net.loss, net.sizes)
        return float(np.mean(example_losses(trial, trusted_forward(trial, X), Y)))

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


def relative_error(analytic, numerical, floor=1e-12):
    """|a − n| / (|a| + |n|), the denominator never below `floor` (see noise_floor)."""
    return abs(analytic - numerical) / max(abs(analytic) + abs(numerical), floor)


def noise_floor(loss, epsilon):
    """The least denominator of a relative error, for a loss E and a step ε: the size of
    gradient whose central difference's rounding noise (≈ ε_mach·|E|/ε), times
    NOISE_SAFETY, would alone reach the pass threshold."""
    noise = np.finfo(float).eps * abs(loss) / epsilon
    return max(1e-12, NOISE_SAFETY * noise / PASS_BELOW)


def verdict_of(error):
    return "pass" if error < PASS_BELOW else ("warn" if error < WARN_BELOW else "fail")


def gradient_check(net, X, Y, mistake="none", epsilon=1e-6, learning_rate=0.5) -> GradientCheckReport:
    """Backward pass (with `mistake`, one of MISTAKES) against central differences."""
    check_type(net, Network, "net")
    X, Y = check_data(X, Y, net.sizes)
    if mistake not in MISTAKES:
        raise NetworkError("unknown_choice", field="mistake", choices=", ".join(MISTAKES), got=mistake)
    learning_rate = check_learning_rate(learning_rate)
    check_rows_budget(net.sizes, len(X))
    numerical = numerical_gradient(net, X, Y, epsilon)
    with np.errstate(all="ignore"):
        analytic = MISTAKES[mistake](net, X, Y, learning_rate)
    with np.errstate(all="ignore"):
        floor = noise_floor(float(np.mean(example_losses(net, trusted_forward(net, X), Y))), epsilon)
    if not np.isfinite(floor):
        floor = 1e-12
    rows = []
    for ref in parameter_refs(net):
        a, n = ref.value_in(analytic), ref.value_in(numerical)
        rows.append(CheckRow(ref, float(a), float(n), relative_error(float(a), float(n), floor)))
    worst = max(row.relative_error for row in rows)
    if not np.isfinite(worst):
        worst = float("inf")
    return GradientCheckReport(mistake, tuple(rows), worst, verdict_of(worst))
