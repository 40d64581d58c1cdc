"""The step sequence: the order of steps, what each step knows, and its values.

What is known after each step is derived here from the order of the pass alone
(forward layer 1..L, loss, backward layer L..1, update), independently of the
Step's own bookkeeping fields; the values are compared with `forward`,
`backward` and `sgd_step` called directly.
"""
import dataclasses

import numpy as np
import pytest

from bpviz.engine.errors import NetworkError
from bpviz.engine.network import Network
from bpviz.engine.propagation import backward, forward
from bpviz.engine.steps import step_sequence
from bpviz.engine.update import sgd_step

ARCHITECTURES = [
    ([2, 1], ["sigmoid"], "squared_error"),
    ([2, 2, 2], ["sigmoid", "sigmoid"], "squared_error"),
    ([3, 4, 3], ["tanh", "softmax"], "cross_entropy"),
    ([2, 3, 3, 1], ["relu", "leaky_relu", "sigmoid"], "binary_cross_entropy"),
    ([1, 2, 2, 2, 2], ["linear", "tanh", "sigmoid", "linear"], "squared_error"),
]
LEARNING_RATE = 0.3


def _case(sizes, activations, loss, rows=1):
    net = Network.random(sizes, activations, loss, seed=sum(sizes), init="uniform")
    rng = np.random.default_rng(len(sizes))
    X = rng.uniform(-1, 1, (rows, sizes[0]))
    Y = rng.dirichlet(np.ones(sizes[-1]), rows) if sizes[-1] > 1 else rng.uniform(0, 1, (rows, 1))
    return net, X, Y


def _expected_knowledge(phases_and_layers, L):
    """For each step: (highest layer with a and z known, loss known, lowest layer with δ known),
    replaying the pass: forward l makes layer l known, backward l makes δ^(l) known."""
    known, loss_known, delta_from, result = 0, False, L + 1, []
    for phase, layer in phases_and_layers:
        if phase == "forward":
            known = layer if layer is not None else L
        elif phase == "loss":
            loss_known = True
        elif phase == "backward":
            delta_from = layer if layer is not None else 1
        result.append((known, loss_known, delta_from))
    return result


@pytest.mark.parametrize("sizes, activations, loss", ARCHITECTURES)
def test_layer_granularity_has_2L_plus_3_steps_in_order(sizes, activations, loss):
    net, X, Y = _case(sizes, activations, loss)
    L = len(sizes) - 1
    steps = step_sequence(net, X, Y, LEARNING_RATE)
    assert len(steps) == 2 * L + 3
    expected = ([("start", None)] + [("forward", l) for l in range(1, L + 1)] + [("loss", None)]
                + [("backward", l) for l in range(L, 0, -1)] + [("update", None)])
    assert [(s.phase, s.layer) for s in steps] == expected
    assert [s.index for s in steps] == list(range(2 * L + 3))
    assert steps[1].label == "forward, layer 1" and steps[0].label == "start" and steps[-1].label == "update"
    assert all(s.output_layer == L for s in steps)


@pytest.mark.parametrize("sizes, activations, loss", ARCHITECTURES)
def test_pass_granularity_has_five_steps(sizes, activations, loss):
    net, X, Y = _case(sizes, activations, loss)
    steps = step_sequence(net, X, Y, LEARNING_RATE, granularity="pass")
    assert [(s.phase, s.layer) for s in steps] == [("start", None), ("forward", None), ("loss", None),
                                                   ("backward", None), ("update", None)]


@pytest.mark.parametrize("granularity", ["layer", "pass"])
@pytest.mark.parametrize("sizes, activations, loss", ARCHITECTURES)
@pytest.mark.parametrize("rows", [1, 3])
def test_accessors_give_exactly_the_known_values(sizes, activations, loss, granularity, rows):
    net, X, Y = _case(sizes, activations, loss, rows)
    L = len(sizes) - 1
    trace = forward(net, X)
    grads = backward(net, trace, Y)
    steps = step_sequence(net, X, Y, LEARNING_RATE, granularity=granularity)
    knowledge = _expected_knowledge([(s.phase, s.layer) for s in steps], L)
    for step, (known, loss_known, delta_from) in zip(steps, knowledge):
        assert step.network is net
        for layer in range(L + 1):
            a = step.activation(layer)
            if layer <= known:
                np.testing.assert_array_equal(a, trace.activations[layer])
            else:
                assert a is None, (step.label, layer)
        assert step.preactivation(0) is None
        for layer in range(1, L + 1):
            z, delta = step.preactivation(layer), step.delta(layer)
            w_grad, b_grad = step.weight_grad(layer), step.bias_grad(layer)
            if layer <= known:
                np.testing.assert_array_equal(z, trace.preactivations[layer - 1])
            else:
                assert z is None, (step.label, layer)
            if layer >= delta_from:
                np.testing.assert_array_equal(delta, grads.deltas[layer - 1])
                np.testing.assert_array_equal(w_grad, grads.weights[layer - 1])
                np.testing.assert_array_equal(b_grad, grads.biases[layer - 1])
            else:
                assert delta is None and w_grad is None and b_grad is None, (step.label, layer)
        assert step.delta(0) is None and step.weight_grad(0) is None and step.bias_grad(0) is None
        if loss_known:
            assert step.loss == grads.loss
        else:
            assert step.loss is None


@pytest.mark.parametrize("update_biases", [True, False])
@pytest.mark.parametrize("sizes, activations, loss", ARCHITECTURES)
def test_update_step_holds_sgd_step_of_the_gradients(sizes, activations, loss, update_biases):
    net, X, Y = _case(sizes, activations, loss, rows=2)
    steps = step_sequence(net, X, Y, LEARNING_RATE, update_biases=update_biases)
    expected = sgd_step(net, backward(net, forward(net, X), Y), LEARNING_RATE, update_biases=update_biases)
    assert steps[-1].updated == expected
    assert steps[-1].learning_rate == LEARNING_RATE and steps[-1].update_biases is update_biases
    assert all(s.updated is None for s in steps[:-1])
    biases_kept = all(np.array_equal(new, old) for new, old in zip(steps[-1].updated.biases, net.biases))
    assert biases_kept is not update_biases


def test_steps_are_frozen_snapshots_and_the_network_is_untouched():
    net, X, Y = _case(*ARCHITECTURES[1])
    before = net.to_dict()
    steps = step_sequence(net, X, Y, LEARNING_RATE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        steps[0].phase = "update"
    assert net.to_dict() == before
    np.testing.assert_array_equal(steps[0].X, X)
    np.testing.assert_array_equal(steps[0].Y, Y)


def test_a_single_example_is_a_batch_of_one():
    net, X, Y = _case(*ARCHITECTURES[1])
    steps = step_sequence(net, X[0], Y[0], LEARNING_RATE)
    assert steps[-1].activation(2).shape == (1, 2) and steps[-1].delta(1).shape == (1, 2)


@pytest.mark.parametrize("layer_of", [lambda L: -1, lambda L: -L - 1, lambda L: L + 1, lambda L: 99],
                         ids=["minus_1", "minus_L_minus_1", "L_plus_1", "99"])
def test_nonexistent_layers_are_never_shown_as_known(layer_of):
    """Asking for a layer outside 0..L must not reveal values that are not known yet
    (activation(−1) at the start step would be the output) nor crash with IndexError:
    it returns None or raises NetworkError."""
    net, X, Y = _case(*ARCHITECTURES[3])
    L = len(net.sizes) - 1
    layer = layer_of(L)
    for step in step_sequence(net, X, Y, LEARNING_RATE):
        for accessor in (step.activation, step.preactivation, step.delta, step.weight_grad, step.bias_grad):
            try:
                value = accessor(layer)
            except NetworkError:
                continue
            assert value is None, (step.label, accessor.__name__, layer)
