"""Forward and backward passes: `forward(net, X) -> Trace`, `backward(net, trace, Y) -> Gradients`.

Batch convention: rows are examples. For a batch of n examples, layer l's
values have shape `(n, sizes[l])`; with Nielsen's `weights[l]` of shape
`(sizes[l+1], sizes[l])` the forward step reads z = a Wᵀ + b row by row, i.e.
z_j = Σ_k w_jk a_k + b_j for each example.

`forward` and `backward` validate their inputs; `trusted_forward` and
`trusted_backward` trust them (the engine's own callers, which validated once).
The hidden-layer recursion δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾) is written once, in
`delta_recursion`: the display path, the deliberate mistakes (mistakes.py) and the
training loop's flat fast path (fastpath.py) all run it.
"""
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .errors import NetworkError
from .limits import MAX_ROWS
from .losses import LOSSES
from .network import Network
from .validation import check_batch, check_data, check_same_rows, check_type


@dataclass(frozen=True)
class Trace:
    """What the forward pass recorded.

    preactivations: L arrays, z of layers 1..L, each `(n, sizes[l+1])`.
    activations:    L+1 arrays, `[0]` is the input X, `[l]` is a of layer l.
    """
    preactivations: tuple[np.ndarray, ...]
    activations: tuple[np.ndarray, ...]

    @property
    def output(self) -> np.ndarray:
        """a of the output layer L, `(n, sizes[L])`."""
        return self.activations[-1]


@dataclass(frozen=True)
class Gradients:
    """What the backward pass computed.

    deltas:   L arrays; `deltas[l]` is δ = ∂E_n/∂z of layer l+1 for each example n,
              shape `(n, sizes[l+1])` (E_n is the loss of example n alone).
    weights:  ∂E/∂weights[l] of the batch-mean loss E, shaped like `weights[l]`.
    biases:   ∂E/∂biases[l], shaped like `biases[l]`.
    loss:     the batch-mean loss E, a float.
    """
    deltas: tuple[np.ndarray, ...]
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    loss: float


def forward(net: Network, X) -> Trace:
    """Run X (`(n, sizes[0])` or one example `(sizes[0],)`) through `net`."""
    check_type(net, Network, "net")
    return trusted_forward(net, check_batch(X, "X (inputs)", net.sizes[0], MAX_ROWS))


def backward(net: Network, trace: Trace, Y) -> Gradients:
    """Deltas, gradients of the batch-mean loss and the loss, for targets Y `(n, sizes[L])`."""
    check_type(net, Network, "net")
    _check_trace(net, trace)
    Y = check_batch(Y, "Y (targets)", net.sizes[-1], MAX_ROWS)
    check_same_rows(trace.output.shape[0], Y.shape[0])
    return trusted_backward(net, trace, Y)


def loss_value(net: Network, X, Y) -> float:
    """The batch-mean loss of `net` on (X, Y), without the backward pass."""
    check_type(net, Network, "net")
    X, Y = check_data(X, Y, net.sizes)
    return float(np.mean(example_losses(net, trusted_forward(net, X), Y)))


def _check_trace(net, trace):
    """The trace must be what forward(net, X) returns: every array (n, sizes[l]) float."""
    if not isinstance(trace, Trace) or len(trace.activations) != net.layer_count or \
            len(trace.preactivations) != net.layer_count - 1:
        raise NetworkError("bad_trace")
    arrays = list(zip(trace.activations, net.sizes)) + list(zip(trace.preactivations, net.sizes[1:]))
    rows = getattr(trace.activations[0], "shape", (None,))[0]
    for array, width in arrays:
        if not isinstance(array, np.ndarray) or array.dtype.kind != "f" or array.shape != (rows, width):
            raise NetworkError("bad_trace")


def trusted_forward(net, X) -> Trace:
    """The forward pass without validation: X must be a float64 `(n, sizes[0])` array.

    Feedforward, layer by layer: z = a Wᵀ + b, a = f(z).
    """
    zs, activations = [], [X]
    a = X
    for W, b, name in zip(net.weights, net.biases, net.activations):
        z = a @ W.T + b                  # z_j = Σ_k w_jk a_k + b_j
        a = ACTIVATIONS[name].function(z)  # a_j = f(z_j)
        zs.append(z)
        activations.append(a)
    return Trace(tuple(zs), tuple(activations))


def output_logs(activation_name, z, a):
    """(ln a, ln(1 − a)) of the output layer, computed from z where that is stabler."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if activation_name == "sigmoid":   # ln σ(z) = −ln(1 + e^−z), ln(1 − σ(z)) = −ln(1 + e^z)
            return -np.logaddexp(0.0, -z), -np.logaddexp(0.0, z)
        if activation_name == "softmax":   # ln a_j = z_j − ln Σ_i e^{z_i}
            shift = np.max(z, axis=1, keepdims=True)
            log_a = z - shift - np.log(np.sum(np.exp(z - shift), axis=1, keepdims=True))
            return log_a, np.log1p(-a)
        return np.log(a), np.log1p(-a)


def example_losses(net, trace, Y):
    """E_n for each example, shape `(n,)`. NaN or inf where the loss is undefined
    for the output (e.g. cross-entropy of a negative linear output)."""
    loss = LOSSES[net.loss]
    if net.loss == "squared_error":
        return loss.per_example(Y, trace.output, None, None)
    log_a, log_1ma = output_logs(net.activations[-1], trace.preactivations[-1], trace.output)
    return loss.per_example(Y, trace.output, log_a, log_1ma)


def output_delta_rule(loss_name, activation_name):
    """The function (y, z, a) -> δ of the output layer, ∂E_n/∂z, for this pair:

    the loss's fused form for this output activation if it has one (e.g. a − y
    for sigmoid with binary cross-entropy), else the chain rule f′(z) ⊙ ∂E_n/∂a
    (the Jacobian for softmax). Resolve it once, call it per batch.
    """
    loss, activation = LOSSES[loss_name], ACTIVATIONS[activation_name]
    fused = loss.fused_deltas.get(activation_name)
    if fused is not None:
        return lambda y, z, a: fused(y, a)
    if loss_name == "squared_error":   # ∂E/∂a = a − y: nothing can divide by zero
        return lambda y, z, a: activation.backprop(z, a, loss.grad(y, a))

    def chain_rule(y, z, a):
        with np.errstate(divide="ignore", invalid="ignore"):   # a = 0 or 1 gives ±inf, reported as such
            return activation.backprop(z, a, loss.grad(y, a))
    return chain_rule


def output_delta(net, trace, Y):
    """δ of the output layer L for each example, `(n, sizes[L])`."""
    return output_delta_rule(net.loss, net.activations[-1])(Y, trace.preactivations[-1], trace.output)


def delta_recursion(output_delta, preactivations, outputs, weights, activations, activation_derivative=True):
    """[δ of layer L, δ of layer L−1, …, δ of layer 1] (output first), from δ of the output layer L.

    preactivations[l], outputs[l]: z and a of layer l+1 (l = 0 … L−1), `(n, sizes[l+1])`;
    weights[l]: the matrix carrying δ back from layer l+1 to layer l, `(sizes[l+1], sizes[l])`
    (the forward pass's W, except in a deliberate mistake); activations[l]: the `Activation`
    of layer l+1 (the output's is never used). activation_derivative=False forgets f′(z)
    (a deliberate mistake).
    """
    deltas = [output_delta]
    for l in range(len(preactivations) - 2, -1, -1):
        carried = deltas[-1].dot(weights[l + 1])             # Σ_j δ_j⁽ˡ⁺¹⁾ w_jk⁽ˡ⁺¹⁾
        deltas.append(activations[l].backprop(preactivations[l], outputs[l], carried)   # ⊙ f′(z⁽ˡ⁾)
                      if activation_derivative else carried)
    return deltas


def trusted_backward(net, trace, Y, carrying_weights=None, activation_derivative=True, mean=True) -> Gradients:
    """The backward pass without validation: `trace` is trusted_forward(net, X) and Y a float64
    `(n, sizes[L])` array.

    The switches exist for the deliberate mistakes of mistakes.py only: `carrying_weights`
    carry δ back instead of net.weights; activation_derivative=False forgets f′(z) in the
    hidden layers; mean=False sums the examples' gradients instead of averaging them.
    """
    # Backward pass, output layer first: δ⁽ᴸ⁾ = ∂E/∂a ⊙ f′(z⁽ᴸ⁾), then each hidden layer
    activations = [ACTIVATIONS[name] for name in net.activations]
    deltas = list(delta_recursion(output_delta(net, trace, Y), trace.preactivations, trace.activations[1:],
                                  net.weights if carrying_weights is None else carrying_weights, activations,
                                  activation_derivative))[::-1]
    # Gradients of the batch mean: ∂E/∂w_jk = mean_n δ_j a_k,  ∂E/∂b_j = mean_n δ_j
    divide_by = Y.shape[0] if mean else 1.0
    weight_grads = tuple(delta.T @ a / divide_by for delta, a in zip(deltas, trace.activations))
    bias_grads = tuple(delta.sum(axis=0) / divide_by for delta in deltas)
    loss = float(np.mean(example_losses(net, trace, Y)))
    return Gradients(tuple(deltas), weight_grads, bias_grads, loss)
