"""The loss as a function of one or two parameters, the others held fixed: the
"error against one weight" picture, its tangent, and gradient-descent paths.

A parameter is addressed by a `ParameterRef` (network.py), in the explanations' numbering.
"""

import numpy as np

from . import budget
from .activations import ACTIVATIONS
from .errors import NetworkError
from .limits import MAX_PARAMETER_MAGNITUDE
from .network import Network, check_ref, parameter_refs
from .propagation import Trace, example_losses, trusted_backward, trusted_forward
from .update import check_learning_rate
from .validation import check_batch, check_data, check_int, check_type

MAX_POINTS = 400          # values along one parameter
MAX_GRID = 100            # values per axis of a two-parameter grid
MAX_PATH_STEPS = 500
VIEW_RISE = 0.5           # the default window: the tangent rises by this × 2 × the loss across it
MIN_HALF_WIDTH, MAX_HALF_WIDTH = 1.0, 10.0


def parameter_value(net, ref):
    check_ref(net, ref)
    return float(ref.value_in(net))


def with_parameter(net, ref, value):
    """`net` with that one parameter set to `value` (validated)."""
    check_ref(net, ref)
    weights, biases = [w.copy() for w in net.weights], [b.copy() for b in net.biases]
    ref.array_in(weights, biases)[ref.index] = value
    return Network(weights, biases, net.activations, net.loss)


def gradient_of(net, X, Y, ref):
    """∂E/∂(that parameter) by backpropagation, E the batch-mean loss. Raises
    `NetworkError` where the loss is not defined (e.g. the log of an output ≤ 0)."""
    return _loss_and_gradient(net, X, Y, ref)[1]


def _check_values(values, field, limit):
    values = np.asarray(values, dtype=float) if isinstance(values, np.ndarray) else values
    column = np.reshape(values, (-1, 1)) if isinstance(values, np.ndarray) else [[v] for v in values]
    return check_batch(column, field, 1, limit, MAX_PARAMETER_MAGNITUDE)[:, 0]


CHUNK_ROWS = 20_000       # settings × examples evaluated at once (bounds the memory used)


def _losses(net, X, Y, refs, values, dtype=np.float64):
    """Batch-mean loss for each row of `values` (S, len(refs)): parameter refs[i] set to
    values[s, i], the others as in `net`. The layers below the lowest changed layer are
    computed once; the others for a chunk of settings at a time, as stacked matrices,
    in `dtype` (float32 for pictures: about 5× faster, ~1e-6 relative), the loss itself
    in float64."""
    first = min(ref.layer for ref in refs)
    below = trusted_forward(net, X).activations[first - 1].astype(dtype)   # (n, sizes[first-1])
    n, out = len(X), np.empty(len(values))
    chunk = max(1, CHUNK_ROWS // n)
    with np.errstate(all="ignore"):
        for start in range(0, len(values), chunk):
            part = values[start:start + chunk]
            count = len(part)
            a = np.broadcast_to(below, (count,) + below.shape)
            for l in range(first, len(net.sizes)):
                W = np.repeat(net.weights[l - 1][None].astype(dtype), count, axis=0)   # (S, m, k)
                b = np.repeat(net.biases[l - 1][None].astype(dtype), count, axis=0)    # (S, m)
                for i, ref in enumerate(refs):
                    if ref.layer == l:
                        ref.pick(W, b)[(slice(None), *ref.index)] = part[:, i]   # every setting s
                z = np.matmul(a, W.transpose(0, 2, 1)) + b[:, None, :]           # z = a Wᵀ + b
                activation = ACTIVATIONS[net.activations[l - 1]]
                a = activation.function(z.reshape(-1, z.shape[2])).reshape(z.shape)
            flat_z = z.reshape(-1, z.shape[2]).astype(np.float64)
            flat_a = a.reshape(-1, a.shape[2]).astype(np.float64)
            targets = np.tile(Y, (count, 1))
            trace = Trace((flat_z,), (flat_a,))
            out[start:start + count] = example_losses(net, trace, targets).reshape(count, n).mean(axis=1)
    return out


def loss_along(net, X, Y, ref, values):
    """The batch-mean loss for each value of one parameter, shape (len(values),)."""
    check_type(net, Network, "net")
    X, Y = check_data(X, Y, net.sizes)
    check_ref(net, ref)
    values = _check_values(values, "values", MAX_POINTS)
    if budget.over_budget(budget.losses_work(net.sizes, len(X), len(values))):
        raise NetworkError("budget_points", count=len(values), rows=len(X), most=budget.max_points(net.sizes, len(X)))
    return _losses(net, X, Y, [ref], values[:, None])


def loss_grid(net, X, Y, ref_x, ref_y, xs, ys):
    """The loss over a grid of two parameters, shape (len(ys), len(xs)), for drawing:
    computed in float32 (relative error about 1e-6), which is what makes a 60×60 grid
    on 200 examples fast; `loss_along` (whose numbers are shown) stays float64."""
    check_type(net, Network, "net")
    X, Y = check_data(X, Y, net.sizes)
    check_ref(net, ref_x), check_ref(net, ref_y)
    if ref_x == ref_y:
        raise NetworkError("grid_same_parameter")
    xs, ys = _check_values(xs, "xs", MAX_GRID), _check_values(ys, "ys", MAX_GRID)
    if budget.over_budget(budget.losses_work(net.sizes, len(X), len(xs) * len(ys), budget.FLOAT32_SHARE)):
        raise NetworkError("budget_grid", count=len(xs) * len(ys), columns=len(xs), lines=len(ys), rows=len(X),
                           most=budget.max_grid_points(net.sizes, len(X)), side=budget.max_grid_side(net.sizes, len(X)))
    grid_x, grid_y = np.meshgrid(xs, ys)                      # row i: ys[i]; column j: xs[j]
    losses = _losses(net, X, Y, [ref_x, ref_y], np.column_stack([grid_x.ravel(), grid_y.ravel()]), np.float32)
    return losses.reshape(len(ys), len(xs))


def descent_path(net, X, Y, refs, learning_rate, steps):
    """`steps` gradient-descent steps on the parameters `refs` only (the others fixed),
    from their current values: an array (steps + 1, len(refs)), row 0 the start."""
    check_type(net, Network, "net")
    X, Y = check_data(X, Y, net.sizes)
    for ref in refs:
        check_ref(net, ref)
    learning_rate = check_learning_rate(learning_rate)
    steps = check_int(steps, "steps", 0, MAX_PATH_STEPS)
    if budget.over_budget(budget.path_work(net.sizes, len(X), steps)):
        raise NetworkError("budget_steps", steps=steps, rows=len(X), most=budget.max_path_steps(net.sizes, len(X)))
    path = [[parameter_value(net, ref) for ref in refs]]
    current = net
    with np.errstate(all="ignore"):
        for _ in range(steps):
            grads = trusted_backward(current, trusted_forward(current, X), Y)
            row = []
            for ref, value in zip(refs, path[-1]):
                row.append(value - learning_rate * ref.value_in(grads))
            if not np.all(np.isfinite(row)) or np.max(np.abs(row)) > MAX_PARAMETER_MAGNITUDE:
                break   # diverged: the path ends at the last finite point
            path.append(row)
            for ref, value in zip(refs, row):
                current = _set_trusted(current, ref, value)
    return np.array(path)


def _set_trusted(net, ref, value):
    weights, biases = list(net.weights), list(net.biases)
    for arrays in (weights, biases):   # fresh arrays for the changed layer only
        arrays[ref.layer - 1] = arrays[ref.layer - 1].copy()
    ref.array_in(weights, biases)[ref.index] = value
    return Network.trusted(weights, biases, net.activations, net.loss, net.sizes)


def default_window(net, X, Y, ref, half_width=None):
    """(low, high) around the current value, inside the legal range ±MAX_PARAMETER_MAGNITUDE.

    Without `half_width`, the window is sized by the gradient g = ∂E/∂θ at the current
    value: half-width VIEW_RISE · E / |g| (within [MIN_HALF_WIDTH, MAX_HALF_WIDTH]), so
    that the tangent rises or falls by VIEW_RISE × 2 × the loss E across the window: the
    tangent is visibly sloped and the curve has room to bend away from it. A steep
    parameter gets a narrow window, a nearly flat one (or one where the loss is undefined)
    the widest."""
    value = parameter_value(net, ref)
    if half_width is None:
        try:
            loss, gradient = _loss_and_gradient(net, X, Y, ref)
        except NetworkError:
            loss, gradient = 0.0, 0.0
        with np.errstate(all="ignore"):
            half_width = MAX_HALF_WIDTH if gradient == 0 else VIEW_RISE * abs(loss) / abs(gradient)
        if not np.isfinite(half_width):   # a gradient that is not a number (0·∞ at saturation): the widest
            half_width = MAX_HALF_WIDTH
        half_width = min(max(half_width, MIN_HALF_WIDTH), MAX_HALF_WIDTH)
    return max(value - half_width, -MAX_PARAMETER_MAGNITUDE), min(value + half_width, MAX_PARAMETER_MAGNITUDE)


def default_parameter(net, X, Y):
    """The weight to show first: the one whose gradient is largest in size (the first of
    equals), so the curve and its tangent have something to show."""
    grads = _gradients(net, X, Y)
    weights = [ref for ref in parameter_refs(net) if ref.kind == "weight"]
    return max(weights, key=lambda ref: abs(float(ref.value_in(grads))))


def _loss_and_gradient(net, X, Y, ref):
    """(batch-mean loss E, ∂E/∂θ) at the current value."""
    check_ref(net, ref)
    grads = _gradients(net, X, Y)
    return float(grads.loss), float(ref.value_in(grads))


def _gradients(net, X, Y):
    """The backward pass on (X, Y); `NetworkError` where the loss is not defined (e.g. the
    log of an output ≤ 0), so every gradient is finite."""
    check_type(net, Network, "net")
    X, Y = check_data(X, Y, net.sizes)
    with np.errstate(all="ignore"):   # an undefined loss is detected below, not warned about
        grads = trusted_backward(net, trusted_forward(net, X), Y)
    if not np.isfinite(grads.loss):
        raise NetworkError("loss_undefined_on_data", loss=net.loss)
    return grads
