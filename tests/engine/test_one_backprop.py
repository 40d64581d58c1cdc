"""Backprop is written once (propagation.trusted_backward with delta_recursion); the fast
training path and the stacked landscape forward pass, kept separate for speed, are
pinned to it at 1e-12; the deliberate mistakes are checked against NumPy by hand."""
import numpy as np
import pytest

from bpviz.engine import Network, backward, forward, loss_value, two_d
from bpviz.engine.fastpath import FlatData, FlatModel, pack, unpack
from bpviz.engine.landscape import loss_along, with_parameter
from bpviz.engine.mistakes import MISTAKES
from bpviz.engine.network import ParameterRef

DATA = two_d("xor", 12, 0.1, seed=5)
RNG = np.random.default_rng(11)
LARGEST_X = RNG.uniform(-1, 1, (7, 10))
LARGEST_Y = RNG.dirichlet(np.ones(10), 7)

CASES = [
    ([2, 3, 1], ["sigmoid", "sigmoid"], "squared_error"),
    ([2, 4, 3, 2], ["tanh", "relu", "softmax"], "cross_entropy"),
    ([2, 5, 1], ["leaky_relu", "sigmoid"], "binary_cross_entropy"),
    ([2, 3, 2], ["linear", "softmax"], "squared_error"),
    ([10] + [10] * 6 + [10], ["tanh"] * 6 + ["softmax"], "cross_entropy"),   # the largest legal network
]


def case_data(net):
    if net.sizes[0] == 10:
        return LARGEST_X, LARGEST_Y
    Y = DATA.Y if net.sizes[-1] == 1 else np.column_stack([DATA.Y[:, 0], 1 - DATA.Y[:, 0]])
    return DATA.X, Y


@pytest.fixture(params=CASES, ids=lambda case: "-".join(map(str, case[0])) + "-" + case[2])
def net(request):
    sizes, activations, loss = request.param
    return Network.random(sizes, activations, loss, seed=4, init="uniform")


def fast_model(net, X, Y):
    model = FlatModel(net, pack(net.weights, net.biases, net.sizes))
    data = FlatData(X, Y, net.sizes)
    return model, data, model.forward(data.x, data.hidden(len(Y)))


def test_fast_forward_equals_the_kernel_forward(net):
    X, Y = case_data(net)
    _, _, (zs, _, outputs) = fast_model(net, X, Y)
    trace = forward(net, X)
    for l in range(len(net.weights)):
        np.testing.assert_allclose(zs[l], trace.preactivations[l], rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(outputs[l], trace.activations[l + 1], rtol=1e-12, atol=1e-12)


def test_fast_gradient_equals_the_kernel_backward(net):
    X, Y = case_data(net)
    model, _, passed = fast_model(net, X, Y)
    weights, biases = unpack(model.gradient_sum(Y, passed) / len(Y), net.sizes)
    grads = backward(net, forward(net, X), Y)
    for l in range(len(net.weights)):
        np.testing.assert_allclose(weights[l], grads.weights[l], rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(biases[l], grads.biases[l], rtol=1e-12, atol=1e-12)


def test_stacked_landscape_forward_equals_the_kernel_in_every_layer(net):
    X, Y = case_data(net)
    values = np.linspace(-1.5, 1.5, 5)
    for layer in range(1, len(net.sizes)):
        j = net.sizes[layer] - 1
        for ref in (ParameterRef("weight", layer, j, net.sizes[layer - 1] - 1), ParameterRef("bias", layer, j)):
            expected = [loss_value(with_parameter(net, ref, v), X, Y) for v in values]
            np.testing.assert_allclose(loss_along(net, X, Y, ref, values), expected, rtol=1e-12, atol=1e-12)


# ---- the deliberate mistakes, each against NumPy written out by hand ------------------

MISTAKE_NET = Network.random([2, 3, 1], ["sigmoid", "sigmoid"], "squared_error", seed=8, init="uniform")


def by_hand(net, X, Y):
    """z, a of both layers and δ of the output, for a 2-3-1 sigmoid net with squared error."""
    W1, W2 = net.weights
    z1 = X @ W1.T + net.biases[0]
    a1 = 1 / (1 + np.exp(-z1))
    z2 = a1 @ W2.T + net.biases[1]
    a2 = 1 / (1 + np.exp(-z2))
    delta2 = (a2 - Y) * a2 * (1 - a2)             # ∂(½(y − a)²)/∂z = (a − y) σ′(z)
    return a1, delta2


def test_correct_is_the_checked_backward_pass():
    got = MISTAKES["none"](MISTAKE_NET, DATA.X, DATA.Y, 0.5)
    grads = backward(MISTAKE_NET, forward(MISTAKE_NET, DATA.X), DATA.Y)
    for a, b in zip(got.weights + got.biases, grads.weights + grads.biases):
        np.testing.assert_array_equal(a, b)


def test_forgetting_the_derivative_carries_delta_through_the_weights_only():
    a1, delta2 = by_hand(MISTAKE_NET, DATA.X, DATA.Y)
    delta1 = delta2 @ MISTAKE_NET.weights[1]          # no ⊙ σ′(z¹)
    got = MISTAKES["no_activation_derivative"](MISTAKE_NET, DATA.X, DATA.Y, 0.5)
    np.testing.assert_allclose(got.weights[0], delta1.T @ DATA.X / len(DATA.X), rtol=1e-12)
    np.testing.assert_allclose(got.weights[1], delta2.T @ a1 / len(DATA.X), rtol=1e-12)


def test_updated_weights_carry_delta_back_with_the_new_output_weights():
    a1, delta2 = by_hand(MISTAKE_NET, DATA.X, DATA.Y)
    W2_new = MISTAKE_NET.weights[1] - 0.5 * (delta2.T @ a1 / len(DATA.X))
    delta1 = (delta2 @ W2_new) * a1 * (1 - a1)
    got = MISTAKES["updated_weights_for_hidden_deltas"](MISTAKE_NET, DATA.X, DATA.Y, 0.5)
    np.testing.assert_allclose(got.weights[0], delta1.T @ DATA.X / len(DATA.X), rtol=1e-12)
    np.testing.assert_allclose(got.biases[0], delta1.mean(axis=0), rtol=1e-12)


def test_sum_not_mean_is_the_sum_of_the_examples_gradients():
    got = MISTAKES["sum_not_mean"](MISTAKE_NET, DATA.X, DATA.Y, 0.5)
    for l in range(2):
        total_w = sum(backward(MISTAKE_NET, forward(MISTAKE_NET, x), y).weights[l] for x, y in zip(DATA.X, DATA.Y))
        total_b = sum(backward(MISTAKE_NET, forward(MISTAKE_NET, x), y).biases[l] for x, y in zip(DATA.X, DATA.Y))
        np.testing.assert_allclose(got.weights[l], total_w, rtol=1e-12)
        np.testing.assert_allclose(got.biases[l], total_b, rtol=1e-12)
