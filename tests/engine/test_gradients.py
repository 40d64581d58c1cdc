"""Gradients checked three independent ways, for every activation × loss pair.

1. `numerical_gradient` (the engine's central differences),
2. a central difference written here from `loss_value` alone, building each
   perturbed network through the public constructor,
3. the plain-Python reference in `tests/engine/reference.py` (to 1e-12).

Gradients agree when ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖) < 1e-6 over
all parameters together (an elementwise ratio would be dominated by rounding noise
on gradients near 0). Networks are seeded and chosen so that no pre-activation
lies within 1e-3 of a ReLU kink and, for the log losses, every output lies where
the logarithm is defined.
"""
import itertools
import warnings

import numpy as np
import pytest

from bpviz.engine.activations import ACTIVATION_NAMES, HIDDEN_ACTIVATION_NAMES
from bpviz.engine.errors import NetworkError
from bpviz.engine.gradient_check import numerical_gradient
from bpviz.engine.losses import LOSS_NAMES
from bpviz.engine.network import Network
from bpviz.engine.propagation import backward, forward, loss_value
from bpviz.engine.steps import step_sequence
from tests.engine import reference

SIZES = (3, 4, 3, 3)   # two hidden layers, so the hidden-layer recursion runs twice
ROWS = 4
EPSILON = 1e-6
KINK_MARGIN = 1e-3

COMBINATIONS = list(itertools.product(HIDDEN_ACTIVATION_NAMES, ACTIVATION_NAMES, LOSS_NAMES))


def test_every_activation_and_loss_is_covered():
    assert set(HIDDEN_ACTIVATION_NAMES) == {"sigmoid", "tanh", "relu", "leaky_relu", "linear"}
    assert set(ACTIVATION_NAMES) == set(HIDDEN_ACTIVATION_NAMES) | {"softmax"}
    assert set(LOSS_NAMES) == {"squared_error", "cross_entropy", "binary_cross_entropy"}
    assert len(COMBINATIONS) == 90


def _targets(loss, output_activation, rng):
    """Targets the loss is meant for: probabilities for the log losses (rows summing
    to 1 for softmax with cross-entropy), any reals for squared error."""
    if loss == "squared_error":
        return rng.uniform(-1.0, 1.0, (ROWS, SIZES[-1]))
    if loss == "cross_entropy" and output_activation == "softmax":
        return rng.dirichlet(np.ones(SIZES[-1]), ROWS)
    return rng.uniform(0.0, 1.0, (ROWS, SIZES[-1]))


def _in_domain(loss, outputs):
    if loss == "cross_entropy":
        return bool((outputs > 0).all())
    if loss == "binary_cross_entropy":
        return bool(((outputs > 0) & (outputs < 1)).all())
    return True


def gradient_case(hidden, output, loss):
    """A seeded (net, X, Y) away from ReLU kinks, with outputs inside the loss's domain.

    Output weights are small and output biases 0.5, so every output starts near
    0.5 (f(0.5) for the elementwise activations), where all three losses are defined.
    """
    activations = [hidden] * (len(SIZES) - 2) + [output]
    for seed in range(500):
        weights, biases = reference.random_parameters(SIZES, seed, scale=0.8, output_bias=0.5,
                                                      output_scale=0.15)
        rng = np.random.default_rng(seed)
        X = rng.uniform(-1.0, 1.0, (ROWS, SIZES[0]))
        Y = _targets(loss, output, rng)
        net = Network(weights, biases, activations, loss)
        trace = forward(net, X)
        clear_of_kinks = all((np.abs(z) > KINK_MARGIN).all() for z in trace.preactivations)
        if clear_of_kinks and _in_domain(loss, trace.output):
            return net, X, Y
    raise AssertionError("no seed gave a usable case")  # pragma: no cover


def loss_value_central_difference(net, X, Y, epsilon=EPSILON):
    """(weight_grads, bias_grads) by (E(θ+ε) − E(θ−ε)) / 2ε, each E from `loss_value`
    of a network rebuilt through the public constructor."""
    weights = [w.tolist() for w in net.weights]
    biases = [b.tolist() for b in net.biases]

    def loss_at(ws, bs):
        return loss_value(Network(ws, bs, net.activations, net.loss), X, Y)

    def shifted(params, index, delta):
        copy = [np.array(p) for p in params]
        copy[index[0]][index[1:]] += delta
        return [c.tolist() for c in copy]

    def differences(params, is_weights):
        grads = [np.zeros(np.shape(p)) for p in params]
        for l, grad in enumerate(grads):
            for index in np.ndindex(grad.shape):
                plus, minus = shifted(params, (l, *index), epsilon), shifted(params, (l, *index), -epsilon)
                up = loss_at(plus, biases) if is_weights else loss_at(weights, plus)
                down = loss_at(minus, biases) if is_weights else loss_at(weights, minus)
                grad[index] = (up - down) / (2 * epsilon)
        return grads

    return differences(weights, True), differences(biases, False)


@pytest.mark.parametrize("hidden, output, loss", COMBINATIONS)
def test_backward_matches_both_central_differences(hidden, output, loss):
    net, X, Y = gradient_case(hidden, output, loss)
    grads = backward(net, forward(net, X), Y)
    analytic = list(grads.weights) + list(grads.biases)
    assert np.linalg.norm(np.concatenate([g.ravel() for g in analytic])) > 1e-6  # not vacuous

    engine_numeric = numerical_gradient(net, X, Y, epsilon=EPSILON)
    assert reference.relative_error(analytic, list(engine_numeric.weights) + list(engine_numeric.biases)) < 1e-6

    weight_diffs, bias_diffs = loss_value_central_difference(net, X, Y)
    assert reference.relative_error(analytic, weight_diffs + bias_diffs) < 1e-6


@pytest.mark.parametrize("hidden, output, loss", COMBINATIONS)
def test_engine_agrees_with_plain_python_reference(hidden, output, loss):
    net, X, Y = gradient_case(hidden, output, loss)
    ref = reference.batch_pass([w.tolist() for w in net.weights], [b.tolist() for b in net.biases],
                               list(net.activations), net.loss, X.tolist(), Y.tolist())
    trace = forward(net, X)
    grads = backward(net, trace, Y)

    def close(engine, expected):
        np.testing.assert_allclose(engine, expected, rtol=1e-12, atol=1e-12)

    for l in range(len(net.weights)):
        close(trace.preactivations[l], ref["zs"][l])
        close(grads.deltas[l], ref["deltas"][l])
        close(grads.weights[l], ref["weight_grads"][l])
        close(grads.biases[l], ref["bias_grads"][l])
    for l in range(len(net.sizes)):
        close(trace.activations[l], ref["outs"][l])
    close(grads.loss, ref["loss"])
    close(loss_value(net, X, Y), ref["loss"])


def test_softmax_cross_entropy_with_targets_not_summing_to_one():
    """∂E/∂z_j = a_j Σ_k y_k − y_j in general (a − y only when Σ y = 1)."""
    net = Network([[[0.3, -0.2], [0.1, 0.4], [-0.5, 0.2]]], [[0.1, 0.0, -0.1]], ["softmax"], "cross_entropy")
    X, Y = [[1.0, 2.0], [-0.5, 0.3]], [[0.5, 0.7, 0.0], [0.0, 0.0, 0.2]]
    grads = backward(net, forward(net, X), Y)
    numeric = numerical_gradient(net, X, Y)
    assert reference.relative_error(grads.weights + grads.biases, numeric.weights + numeric.biases) < 1e-6


# --- outputs where a log loss is undefined ------------------------------------------------

UNDEFINED_CASES = [
    # (output activation, loss, weight w and bias b of a 1-1 net, input 1.0, target): a = f(w + b)
    ("linear", "cross_entropy", -1.0, 0.5, 0.5),        # a = −0.5: ln of a negative
    ("tanh", "cross_entropy", -1.0, 0.0, 0.5),          # a = tanh(−1) < 0
    ("leaky_relu", "cross_entropy", -1.0, 0.0, 0.5),    # a = −0.01
    ("relu", "cross_entropy", -1.0, 0.0, 0.5),          # a = 0: ln 0
    ("linear", "binary_cross_entropy", 1.0, 1.0, 0.5),  # a = 2: ln(1 − a) of a negative
    ("tanh", "binary_cross_entropy", -1.0, 0.0, 0.5),
    ("relu", "binary_cross_entropy", -1.0, 0.0, 0.5),
    ("leaky_relu", "binary_cross_entropy", 2.0, 0.0, 0.5),
]


@pytest.mark.parametrize("activation, loss, w, b, target", UNDEFINED_CASES)
def test_undefined_log_loss_is_reported_cleanly(activation, loss, w, b, target):
    """Where ln a or ln(1 − a) is undefined, the public functions either raise
    NetworkError or return a loss that is not finite (never a plausible-looking
    number), and nothing else escapes: no other exception, no RuntimeWarning.
    step_sequence, which shows the number to a learner, must refuse."""
    net = Network([[[w]]], [[b]], [activation], loss)
    X, Y = [[1.0]], [[target]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for compute in (lambda: loss_value(net, X, Y), lambda: backward(net, forward(net, X), Y).loss):
            try:
                value = compute()
            except NetworkError:
                continue
            assert not np.isfinite(value)
        try:
            numerical_gradient(net, X, Y)
        except NetworkError:
            pass
        with pytest.raises(NetworkError, match="loss"):
            step_sequence(net, X, Y, 0.5)


DEAD_OUTPUT_NET = dict(weights=[[[-1.0, 0.2], [0.5, 0.1]]], biases=[[0.0, 0.2]], activations=["relu"])
DEAD_OUTPUT_X = [[1.0, 0.5]]   # z = (−0.9, 0.75): output 0 is a dead relu at exactly 0
DEAD_OUTPUT_Y = {"cross_entropy": [[0.0, 1.0]], "binary_cross_entropy": [[0.0, 0.6]]}


@pytest.mark.parametrize("loss", ["cross_entropy", "binary_cross_entropy"])
def test_zero_target_on_a_dead_relu_output_gives_its_loss_without_warnings(loss):
    """A relu output at exactly 0 whose target is 0 adds nothing to the loss (y ln a
    with y = 0; for BCE also ln(1 − 0) = 0): the loss is the reference's, and the
    engine's own 0·ln 0 = 0 convention must not emit a RuntimeWarning on the way."""
    net = Network(**DEAD_OUTPUT_NET, loss=loss)
    X, Y = DEAD_OUTPUT_X, DEAD_OUTPUT_Y[loss]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trace = forward(net, X)
        assert trace.output[0, 0] == 0.0 and 0.0 < trace.output[0, 1] < 1.0
        expected = reference.example_loss(loss, Y[0], trace.output[0].tolist())
        assert loss_value(net, X, Y) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("loss", ["cross_entropy", "binary_cross_entropy"])
def test_zero_target_on_a_dead_relu_output_has_a_finite_correct_gradient(loss):
    """Same case: the loss does not depend on the dead output at all, so its δ is 0,
    not 0/0 = NaN (warnings are silenced here so that only the gradient is tested)."""
    net = Network(**DEAD_OUTPUT_NET, loss=loss)
    X, Y = DEAD_OUTPUT_X, DEAD_OUTPUT_Y[loss]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        grads = backward(net, forward(net, X), Y)
        weight_diffs, bias_diffs = loss_value_central_difference(net, X, Y)
    assert all(np.isfinite(g).all() for g in grads.weights + grads.biases + grads.deltas)
    assert reference.relative_error(grads.weights + grads.biases, weight_diffs + bias_diffs) < 1e-6
