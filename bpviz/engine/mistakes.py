"""Deliberately wrong backward passes, for the gradient check to catch (teaching only:
training never uses them). Each takes (net, X, Y, learning_rate) with checked float64
X `(n, sizes[0])` and Y `(n, sizes[L])` and returns `Gradients`; "none" is the correct
pass. All of them are the one backward pass, `trusted_backward`, with a switch thrown."""
from .propagation import trusted_backward, trusted_forward


def correct(net, X, Y, learning_rate):
    """The backward pass as it should be."""
    return trusted_backward(net, trusted_forward(net, X), Y)


def no_activation_derivative(net, X, Y, learning_rate):
    """Forgets f′(z) when carrying δ back into a hidden layer: δ⁽ˡ⁾ = W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾."""
    return trusted_backward(net, trusted_forward(net, X), Y, activation_derivative=False)


def updated_weights_for_hidden_deltas(net, X, Y, learning_rate):
    """Updates the output layer first, then carries δ back with the already-updated weights."""
    trace = trusted_forward(net, X)
    right = trusted_backward(net, trace, Y)
    updated = [w - learning_rate * g for w, g in zip(net.weights, right.weights)]
    return trusted_backward(net, trace, Y, carrying_weights=updated)


def sum_not_mean(net, X, Y, learning_rate):
    """Sums the examples' gradients instead of averaging them (wrong whenever n > 1)."""
    return trusted_backward(net, trusted_forward(net, X), Y, mean=False)


MISTAKES = {"none": correct, "no_activation_derivative": no_activation_derivative,
            "updated_weights_for_hidden_deltas": updated_weights_for_hidden_deltas,
            "sum_not_mean": sum_not_mean}
