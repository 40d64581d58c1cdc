"""Deliberately wrong backward passes, for the gradient check to catch (teaching only:
training never uses them). Each takes (net, X, Y, learning_rate) with checked float64
X `(n, sizes[0])` and Y `(n, sizes[L])` and returns (weight gradients, bias gradients)
shaped like the parameters; "none" is the correct pass."""
from .activations import ACTIVATIONS
from .propagation import backward_pass, forward_pass, output_delta


def _correct(net, X, Y, learning_rate):
    grads = backward_pass(net, forward_pass(net, X), Y)
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
    trace = forward_pass(net, X)
    return _gradients(trace, _hidden_deltas(net, trace, Y, net.weights, use_derivative=False), len(X))


def _updated_weights_for_hidden_deltas(net, X, Y, learning_rate):
    """Updates the output layer first, then carries δ back with the already-updated weights."""
    trace = forward_pass(net, X)
    correct = backward_pass(net, trace, Y)
    updated = [w - learning_rate * g for w, g in zip(net.weights, correct.weights)]
    return _gradients(trace, _hidden_deltas(net, trace, Y, updated), len(X))


def _sum_not_mean(net, X, Y, learning_rate):
    """Sums the examples' gradients instead of averaging them (wrong whenever n > 1)."""
    trace = forward_pass(net, X)
    return _gradients(trace, _hidden_deltas(net, trace, Y, net.weights), 1.0)


MISTAKES = {"none": _correct, "no_activation_derivative": _no_activation_derivative,
            "updated_weights_for_hidden_deltas": _updated_weights_for_hidden_deltas,
            "sum_not_mean": _sum_not_mean}
