"""The loss as a function of one or two parameters, the others held fixed: the
"error against one weight" picture, its tangent, and gradient-descent paths.

A parameter is addressed by `ParameterRef(kind, layer, j, k)` in the
explanations' numbering: ("weight", l, j, k) is w^{(l)}_{jk} = weights[l-1][j, k],
("bias", l, j) is b^{(l)}_j = biases[l-1][j].
"""
from dataclasses import dataclass
from typing import Optional

import numpy as np

from .errors import NetworkError
from .limits import MAX_PARAMETER_MAGNITUDE, MAX_ROWS
from .network import Network
from .activations import ACTIVATIONS
from .propagation import Trace, _backward_unchecked, _forward_unchecked, example_losses
from .update import check_learning_rate
from .validation import check_batch, check_int, check_same_rows, check_type

MAX_POINTS = 400          # values along one parameter
MAX_GRID = 100            # values per axis of a two-parameter grid
MAX_PATH_STEPS = 500


@dataclass(frozen=True)
class ParameterRef:
    kind: str             # "weight" or "bias"
    layer: int            # 1..L
    j: int
    k: Optional[int] = None

    @property
    def label(self):
        return f"w({self.layer})[{self.j},{self.k}]" if self.kind == "weight" else f"b({self.layer})[{self.j}]"

    @property
    def symbol(self):
        return (rf"w^{{({self.layer})}}_{{{self.j}{self.k}}}" if self.kind == "weight"
                else rf"b^{{({self.layer})}}_{{{self.j}}}")


def parameter_refs(net):
    """Every parameter of `net`, weights then bias of each neuron, layer by layer."""
    refs = []
    for l in range(1, len(net.sizes)):
        for j in range(net.sizes[l]):
            refs += [ParameterRef("weight", l, j, k) for k in range(net.sizes[l - 1])]
            refs.append(ParameterRef("bias", l, j))
    return refs


def check_ref(net, ref):
    if not isinstance(ref, ParameterRef) or ref.kind not in ("weight", "bias"):
        raise NetworkError("bad_parameter_ref")
    check_int(ref.layer, "parameter layer", 1, len(net.sizes) - 1)
    check_int(ref.j, "parameter j", 0, net.sizes[ref.layer] - 1)
    if ref.kind == "weight":
        check_int(ref.k, "parameter k", 0, net.sizes[ref.layer - 1] - 1)
    return ref


def parameter_value(net, ref):
    check_ref(net, ref)
    return float(net.weights[ref.layer - 1][ref.j, ref.k] if ref.kind == "weight" else net.biases[ref.layer - 1][ref.j])


def with_parameter(net, ref, value):
    """`net` with that one parameter set to `value` (validated)."""
    check_ref(net, ref)
    weights, biases = [w.copy() for w in net.weights], [b.copy() for b in net.biases]
    if ref.kind == "weight":
        weights[ref.layer - 1][ref.j, ref.k] = value
    else:
        biases[ref.layer - 1][ref.j] = value
    return Network(weights, biases, net.activations, net.loss)


def gradient_of(net, X, Y, ref):
    """∂E/∂(that parameter) by backpropagation, E the batch-mean loss. Raises
    `NetworkError` where the loss is not defined (e.g. the log of an output ≤ 0)."""
    X, Y = _check_data(net, X, Y)
    with np.errstate(all="ignore"):   # an undefined loss is detected below, not warned about
        grads = _backward_unchecked(net, _forward_unchecked(net, X), Y)
    if not np.isfinite(grads.loss):
        raise NetworkError("loss_undefined_on_data", loss=net.loss)
    return float(grads.weights[ref.layer - 1][ref.j, ref.k] if ref.kind == "weight"
                 else grads.biases[ref.layer - 1][ref.j])


def _check_data(net, X, Y):
    check_type(net, Network, "net")
    X = check_batch(X, "X (inputs)", net.sizes[0], MAX_ROWS)
    Y = check_batch(Y, "Y (targets)", net.sizes[-1], MAX_ROWS)
    check_same_rows(len(X), len(Y))
    return X, Y


def _check_values(values, field, limit):
    values = np.asarray(values, dtype=float) if isinstance(values, np.ndarray) else values
    column = np.reshape(values, (-1, 1)) if isinstance(values, np.ndarray) else [[v] for v in values]
    return check_batch(column, field, 1, limit, MAX_PARAMETER_MAGNITUDE)[:, 0]


CHUNK_ROWS = 400_000      # settings × examples evaluated at once (bounds the memory used)


def _losses(net, X, Y, refs, values, dtype=np.float64):
    """Batch-mean loss for each row of `values` (S, len(refs)): parameter refs[i] set to
    values[s, i], the others as in `net`. The layers below the lowest changed layer are
    computed once; the others for a chunk of settings at a time, as stacked matrices,
    in `dtype` (float32 for pictures: about 5× faster, ~1e-6 relative), the loss itself
    in float64."""
    first = min(ref.layer for ref in refs)
    below = _forward_unchecked(net, X).activations[first - 1].astype(dtype)   # (n, sizes[first-1])
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
                    if ref.layer == l and ref.kind == "weight":
                        W[:, ref.j, ref.k] = part[:, i]
                    elif ref.layer == l:
                        b[:, ref.j] = part[:, i]
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
    X, Y = _check_data(net, X, Y)
    check_ref(net, ref)
    values = _check_values(values, "values", MAX_POINTS)
    return _losses(net, X, Y, [ref], values[:, None])


def loss_grid(net, X, Y, ref_x, ref_y, xs, ys):
    """The loss over a grid of two parameters, shape (len(ys), len(xs)), for drawing:
    computed in float32 (relative error about 1e-6), which is what makes a 60×60 grid
    on 200 examples fast; `loss_along` (whose numbers are shown) stays float64."""
    X, Y = _check_data(net, X, Y)
    check_ref(net, ref_x), check_ref(net, ref_y)
    if ref_x == ref_y:
        raise NetworkError("grid_same_parameter")
    xs, ys = _check_values(xs, "xs", MAX_GRID), _check_values(ys, "ys", MAX_GRID)
    grid_x, grid_y = np.meshgrid(xs, ys)                      # row i: ys[i]; column j: xs[j]
    losses = _losses(net, X, Y, [ref_x, ref_y], np.column_stack([grid_x.ravel(), grid_y.ravel()]), np.float32)
    return losses.reshape(len(ys), len(xs))


def descent_path(net, X, Y, refs, learning_rate, steps):
    """`steps` gradient-descent steps on the parameters `refs` only (the others fixed),
    from their current values: an array (steps + 1, len(refs)), row 0 the start."""
    X, Y = _check_data(net, X, Y)
    for ref in refs:
        check_ref(net, ref)
    learning_rate = check_learning_rate(learning_rate)
    steps = check_int(steps, "steps", 0, MAX_PATH_STEPS)
    path = [[parameter_value(net, ref) for ref in refs]]
    current = net
    with np.errstate(all="ignore"):
        for _ in range(steps):
            grads = _backward_unchecked(current, _forward_unchecked(current, X), Y)
            row = []
            for ref, value in zip(refs, path[-1]):
                g = grads.weights[ref.layer - 1][ref.j, ref.k] if ref.kind == "weight" else grads.biases[ref.layer - 1][ref.j]
                row.append(value - learning_rate * g)
            if not np.all(np.isfinite(row)) or np.max(np.abs(row)) > MAX_PARAMETER_MAGNITUDE:
                break   # diverged: the path ends at the last finite point
            path.append(row)
            for ref, value in zip(refs, row):
                current = _set_trusted(current, ref, value)
    return np.array(path)


def _set_trusted(net, ref, value):
    weights, biases = list(net.weights), list(net.biases)
    target = weights if ref.kind == "weight" else biases
    array = target[ref.layer - 1].copy()
    array[(ref.j, ref.k) if ref.kind == "weight" else ref.j] = value
    target[ref.layer - 1] = array
    return Network._trusted(weights, biases, net.activations, net.loss, net.sizes)


def default_window(net, X, Y, ref, half_width=None):
    """(low, high) around the current value: wide enough to show the curve's shape and
    the update step, and inside the legal range ±MAX_PARAMETER_MAGNITUDE."""
    value = parameter_value(net, ref)
    if half_width is None:
        half_width = max(2.0, 1.5 * abs(value))
    return max(value - half_width, -MAX_PARAMETER_MAGNITUDE), min(value + half_width, MAX_PARAMETER_MAGNITUDE)
