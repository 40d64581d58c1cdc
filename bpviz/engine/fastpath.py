"""The training loop's inner machinery: one flat parameter vector θ, no re-validation.

θ holds, per layer, the matrix [Wᵀ; b] of shape (sizes[l] + 1, sizes[l+1]). With a
column of ones appended to the activations, the forward step z = [a 1]·[Wᵀ; b] and
the gradient Σ_n [a 1]ᵀ δ are one matrix product each, written into buffers reused
across batches. Everything here trusts its inputs: `training.train` validates once
per call, and the tests check that the result equals repeated
`sgd_step(backward(forward(...)))` to 1e-12.
"""
import numpy as np

from .activations import ACTIVATIONS
from .propagation import Trace, delta_recursion, example_losses, output_delta_rule

# ---- the inner loop on the flat parameter vector -------------------------------------

def layer_views(flat, sizes):
    """Views of `flat` as the per-layer matrices [Wᵀ; b], shape (sizes[l] + 1, sizes[l+1])."""
    views, start = [], 0
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        stop = start + (fan_in + 1) * fan_out
        views.append(flat[start:stop].reshape(fan_in + 1, fan_out))
        start = stop
    return views


def pack(weights, biases, sizes):
    """θ: a fresh flat vector holding [Wᵀ; b] of every layer."""
    flat = np.empty(sum((fan_in + 1) * fan_out for fan_in, fan_out in zip(sizes[:-1], sizes[1:])))
    for view, w, b in zip(layer_views(flat, sizes), weights, biases):
        view[:-1] = w.T
        view[-1] = b
    return flat


def unpack(flat, sizes):
    """Fresh (weights, biases) lists (copies, never views of `flat`) from θ."""
    views = layer_views(flat, sizes)
    return [v[:-1].T.copy() for v in views], [v[-1].copy() for v in views]


class FlatData:
    """One data set inside a call: rows x = [X 1] (the ones are the bias input), targets
    y, and reusable buffers [a 1] of the hidden layers per
    batch length, as (buffer, view of a) pairs (a call's own scratch space)."""

    def __init__(self, X, Y, sizes):
        self.x, self.y = np.hstack([X, np.ones((len(X), 1))]), Y
        self._sizes, self._buffers = sizes, {}

    def hidden(self, rows):
        if rows not in self._buffers:
            buffers = [np.ones((rows, n + 1)) for n in self._sizes[1:-1]]
            self._buffers[rows] = [(buffer, buffer[:, :-1]) for buffer in buffers]
        return self._buffers[rows]


class FlatModel:
    """The network's functions, resolved once, over θ (`theta`) and a gradient buffer."""

    def __init__(self, net, theta):
        self.net, self.theta = net, theta
        self.views = layer_views(theta, net.sizes)
        self.weights_t = [view[:-1].T for view in self.views]   # W⁽ˡ⁾ as a view of θ
        self.gradient = np.empty_like(theta)
        self.gradient_views = layer_views(self.gradient, net.sizes)
        self.functions = [ACTIVATIONS[name].function for name in net.activations]
        self.hidden_activations = [ACTIVATIONS[name] for name in net.activations[:-1]]
        self.output_delta = output_delta_rule(net.loss, net.activations[-1])

    def forward(self, x, hidden):
        """(z, [a 1] and a of layers 1..L) for the batch x = [a⁽⁰⁾ 1]; hidden a go into `hidden`."""
        zs, augmented, plain = [], [x], []
        last = len(self.views) - 1
        for l, (view, function) in enumerate(zip(self.views, self.functions)):
            z = augmented[-1].dot(view)          # z = [a 1]·[Wᵀ; b] = a Wᵀ + b
            if l < last:
                buffer, a = hidden[l]
                a[...] = function(z)             # a = f(z), beside the column of ones
                augmented.append(buffer)
            else:
                a = function(z)
            zs.append(z)
            plain.append(a)
        return zs, augmented, plain

    def gradient_sum(self, y, forward):
        """Σ over the batch of ∂E_n/∂θ, flat, from a forward pass (in this model's buffer,
        overwritten by the next call)."""
        zs, augmented, plain = forward
        deltas = delta_recursion(self.output_delta(y, zs[-1], plain[-1]), zs, plain, self.weights_t,
                                 self.hidden_activations)                # δ⁽ᴸ⁾, δ⁽ᴸ⁻¹⁾, …, δ⁽¹⁾
        for l, delta in enumerate(reversed(deltas)):
            augmented[l].T.dot(delta, out=self.gradient_views[l])      # Σ_n [a 1]ᵀ δ
        return self.gradient

    def evaluate(self, data):
        """(mean loss, output activations, the forward pass) of the current θ on a data set."""
        forward = self.forward(data.x, data.hidden(len(data.y)))
        zs, _, plain = forward
        losses = example_losses(self.net, Trace((zs[-1],), (plain[-1],)), data.y)
        return float(losses.sum() / len(losses)), plain[-1], forward
