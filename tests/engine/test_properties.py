"""Properties that hold for every legal network (Hypothesis, small examples for speed).

Networks have 1 to 3 weight layers of 1 to 4 neurons (all within the limits),
any activation/loss pair, 1 to 4 example rows. Parameters come from the plain-
Python reference's seeded generator with outputs started near 0.5, so that the
log losses are defined; examples too close to a ReLU kink or outside a log
loss's domain are skipped with `assume`.
"""
import json

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bpviz.engine.activations import ACTIVATION_NAMES, HIDDEN_ACTIVATION_NAMES
from bpviz.engine.gradient_check import numerical_gradient
from bpviz.engine.losses import LOSS_NAMES
from bpviz.engine.network import Network
from bpviz.engine.propagation import backward, forward
from bpviz.engine.serialization import network_from_json, network_to_json
from bpviz.engine.update import sgd_step
from tests.engine import reference
from tests.examples import examples

SETTINGS = settings(max_examples=examples(30), deadline=None)
KINK_MARGIN = 1e-3


@st.composite
def architectures(draw, max_width=4, max_weight_layers=3):
    """(sizes, activations, loss) of a small legal network."""
    sizes = draw(st.lists(st.integers(1, max_width), min_size=2, max_size=max_weight_layers + 1))
    hidden = draw(st.lists(st.sampled_from(HIDDEN_ACTIVATION_NAMES), min_size=len(sizes) - 2,
                           max_size=len(sizes) - 2))
    return sizes, hidden + [draw(st.sampled_from(ACTIVATION_NAMES))], draw(st.sampled_from(LOSS_NAMES))


@st.composite
def cases(draw):
    """(net, X, Y): a network, inputs in [−1, 1] and targets suited to its loss."""
    sizes, activations, loss = draw(architectures())
    seed = draw(st.integers(0, 2**32 - 1))
    rows = draw(st.integers(1, 4))
    weights, biases = reference.random_parameters(sizes, seed, scale=1.0, output_bias=0.5, output_scale=0.2)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1.0, 1.0, (rows, sizes[0]))
    low = -1.0 if loss == "squared_error" else 0.0
    Y = rng.uniform(low, 1.0, (rows, sizes[-1]))
    return Network(weights, biases, activations, loss), X, Y


def _usable(net, trace):
    """Clear of ReLU kinks and inside the loss's domain."""
    if any((np.abs(z) <= KINK_MARGIN).any() for z in trace.preactivations):
        return False
    a = trace.output
    if net.loss == "cross_entropy":
        return bool((a > 0).all())
    if net.loss == "binary_cross_entropy":
        return bool(((a > 0) & (a < 1)).all())
    return True


def _usable_trace(net, X):
    trace = forward(net, X)
    assume(_usable(net, trace))
    return trace


@SETTINGS
@given(cases())
def test_analytic_and_numerical_gradients_agree(case):
    net, X, Y = case
    grads = backward(net, _usable_trace(net, X), Y)
    numeric = numerical_gradient(net, X, Y)
    analytic = list(grads.weights) + list(grads.biases)
    numbers = list(numeric.weights) + list(numeric.biases)
    # relative error, with an absolute floor for gradients that are all (almost) 0
    error = reference.relative_error(analytic, numbers)
    scale = max(np.abs(np.concatenate([g.ravel() for g in analytic])).max(), 0.0)
    assert error < 1e-6 or scale < 1e-8


@SETTINGS
@given(cases())
def test_engine_agrees_with_reference_on_random_architectures(case):
    net, X, Y = case
    trace = _usable_trace(net, X)
    grads = backward(net, trace, Y)
    ref = reference.batch_pass([w.tolist() for w in net.weights], [b.tolist() for b in net.biases],
                               list(net.activations), net.loss, X.tolist(), Y.tolist())
    for l in range(len(net.weights)):
        np.testing.assert_allclose(grads.deltas[l], ref["deltas"][l], rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(grads.weights[l], ref["weight_grads"][l], rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(grads.biases[l], ref["bias_grads"][l], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(trace.output, ref["outs"][-1], rtol=1e-12, atol=1e-12)
    assert grads.loss == pytest.approx(ref["loss"], rel=1e-12, abs=1e-12)


@SETTINGS
@given(cases())
def test_shapes_of_trace_deltas_and_gradients(case):
    net, X, Y = case
    n, sizes = X.shape[0], net.sizes
    trace = forward(net, X)
    grads = backward(net, trace, Y)
    L = len(sizes) - 1
    assert len(trace.preactivations) == L and len(trace.activations) == L + 1 and len(grads.deltas) == L
    for l in range(L):
        assert trace.preactivations[l].shape == (n, sizes[l + 1])
        assert grads.deltas[l].shape == (n, sizes[l + 1])
        assert grads.weights[l].shape == net.weights[l].shape == (sizes[l + 1], sizes[l])
        assert grads.biases[l].shape == net.biases[l].shape == (sizes[l + 1],)
    for l in range(L + 1):
        assert trace.activations[l].shape == (n, sizes[l])
    assert trace.output is trace.activations[-1]
    np.testing.assert_array_equal(trace.activations[0], X)
    assert all(a.dtype == np.float64 for a in trace.activations + trace.preactivations + grads.weights
               + grads.biases + grads.deltas)
    assert type(grads.loss) is float


@SETTINGS
@given(cases(), st.floats(1e-3, 10.0), st.booleans())
def test_sgd_step_never_mutates_and_applies_the_rule(case, learning_rate, update_biases):
    net, X, Y = case
    trace = forward(net, X)
    assume(_usable(net, trace))
    grads = backward(net, trace, Y)
    snapshot = ([w.copy() for w in net.weights], [b.copy() for b in net.biases])
    grad_snapshot = ([g.copy() for g in grads.weights], [g.copy() for g in grads.biases])
    new = sgd_step(net, grads, learning_rate, update_biases=update_biases)
    # the old network and the gradients are unchanged, bit for bit
    for old, before in zip(net.weights + net.biases, snapshot[0] + snapshot[1]):
        assert old.tobytes() == before.tobytes()
    for g, before in zip(grads.weights + grads.biases, grad_snapshot[0] + grad_snapshot[1]):
        assert g.tobytes() == before.tobytes()
    # w ← w − η ∂E/∂w; b likewise or unchanged
    for w_new, w, g in zip(new.weights, snapshot[0], grad_snapshot[0]):
        np.testing.assert_array_equal(w_new, w - learning_rate * g)
    for b_new, b, g in zip(new.biases, snapshot[1], grad_snapshot[1]):
        np.testing.assert_array_equal(b_new, b - learning_rate * g if update_biases else b)
    # both networks' arrays are read-only and the new one shares nothing writable
    for array in net.weights + net.biases + new.weights + new.biases:
        assert not array.flags.writeable
        with pytest.raises(ValueError):
            array[(0,) * array.ndim] = 1.0
    assert (new.sizes, new.activations, new.loss) == (net.sizes, net.activations, net.loss)


finite_parameters = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@st.composite
def arbitrary_networks(draw):
    """Networks whose parameters are any float64 in range: subnormals, −0.0, long mantissas."""
    sizes, activations, loss = draw(architectures(max_width=3))
    weights = [draw(st.lists(st.lists(finite_parameters, min_size=sizes[l], max_size=sizes[l]),
                             min_size=sizes[l + 1], max_size=sizes[l + 1])) for l in range(len(sizes) - 1)]
    biases = [draw(st.lists(finite_parameters, min_size=n, max_size=n)) for n in sizes[1:]]
    return Network(weights, biases, activations, loss)


def _identical(a, b):
    """Equal, and bit for bit (so −0.0 stays −0.0)."""
    return a == b and all(x.tobytes() == y.tobytes() for x, y in zip(a.weights + a.biases, b.weights + b.biases))


@SETTINGS
@given(arbitrary_networks())
def test_dict_and_json_round_trips_are_exact(net):
    assert _identical(Network.from_dict(net.to_dict()), net)
    assert _identical(Network.from_dict(json.loads(json.dumps(net.to_dict()))), net)
    assert _identical(network_from_json(network_to_json(net)), net)
    assert _identical(network_from_json(network_to_json(net).encode("utf-8")), net)


@SETTINGS
@given(cases())
def test_forward_of_a_batch_stacks_the_forwards_of_its_rows(case):
    net, X, _ = case
    batch = forward(net, X)
    rows = [forward(net, x) for x in X]
    for l in range(len(net.sizes)):
        np.testing.assert_allclose(batch.activations[l], np.vstack([r.activations[l] for r in rows]),
                                   rtol=1e-13, atol=1e-15)
    for l in range(len(net.weights)):
        np.testing.assert_allclose(batch.preactivations[l], np.vstack([r.preactivations[l] for r in rows]),
                                   rtol=1e-13, atol=1e-15)


@SETTINGS
@given(cases())
def test_batch_gradient_is_the_mean_of_per_example_gradients(case):
    net, X, Y = case
    assume(_usable(net, forward(net, X)))
    batch = backward(net, forward(net, X), Y)
    singles = [backward(net, forward(net, x), y) for x, y in zip(X, Y)]
    for l in range(len(net.weights)):
        np.testing.assert_allclose(batch.weights[l], np.mean([s.weights[l] for s in singles], axis=0),
                                   rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(batch.biases[l], np.mean([s.biases[l] for s in singles], axis=0),
                                   rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(batch.deltas[l], np.vstack([s.deltas[l] for s in singles]),
                                   rtol=1e-13, atol=1e-15)
    assert batch.loss == pytest.approx(np.mean([s.loss for s in singles]), rel=1e-13, abs=1e-15)
