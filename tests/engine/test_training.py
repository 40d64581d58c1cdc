"""Training: checked against the engine's own one-step functions applied by hand (the
classic pseudocode), a plain-NumPy momentum reference written here, a published worked
example and hand-computed schedules."""
import dataclasses
import warnings

import numpy as np
import pytest

from bpviz.engine.datasets import is_classification, truth_table
from bpviz.engine.errors import NetworkError
from bpviz.engine.network import Network
from bpviz.engine.propagation import backward, forward, loss_value
from bpviz.engine.training import accuracy, train
from bpviz.engine.training_state import EpochRecord, TrainingConfig, TrainingState
from bpviz.engine.update import sgd_step

RNG = np.random.default_rng(7)
X6 = RNG.uniform(-1, 1, (6, 2))
Y6 = RNG.uniform(0.1, 0.9, (6, 1))


def assert_networks_close(a, b, tolerance=1e-12):
    for x, y in zip(a.weights + a.biases, b.weights + b.biases):
        np.testing.assert_allclose(x, y, rtol=0, atol=tolerance)


def manual_sgd(net, X, Y, learning_rate, batch_size, epochs, update_biases=True):
    """The classic loop: for each batch in order, forward, backward, w ← w − η ∂E/∂w."""
    for _ in range(epochs):
        for start in range(0, len(X), batch_size):
            x, y = X[start:start + batch_size], Y[start:start + batch_size]
            net = sgd_step(net, backward(net, forward(net, x), y), learning_rate, update_biases)
    return net


@pytest.mark.parametrize("sizes, activations, loss", [
    ([2, 3, 1], ["sigmoid", "sigmoid"], "squared_error"),
    ([2, 4, 3, 1], ["tanh", "relu", "sigmoid"], "binary_cross_entropy"),
    ([2, 3, 2], ["leaky_relu", "softmax"], "cross_entropy"),
    ([2, 1], ["linear"], "squared_error"),
])
@pytest.mark.parametrize("batch_size", [1, 4, 6, 100])
def test_training_equals_repeated_sgd_steps(sizes, activations, loss, batch_size):
    net = Network.random(sizes, activations, loss, seed=3, init="uniform")
    Y = Y6 if sizes[-1] == 1 else np.column_stack([Y6[:, 0], 1 - Y6[:, 0]])
    result = train(net, X6, Y, TrainingConfig(learning_rate=0.3, batch_size=batch_size, epochs=5))
    assert result.stop_reason == "epochs" and result.state.epoch == 5
    assert_networks_close(result.network, manual_sgd(net, X6, Y, 0.3, batch_size, 5))


def test_frozen_biases_stay_put_and_weights_follow_sgd():
    net = Network.random([2, 3, 1], ["tanh", "sigmoid"], "squared_error", seed=1, init="uniform")
    for momentum in (0.0, 0.8):
        result = train(net, X6, Y6, TrainingConfig(learning_rate=0.5, batch_size=2, epochs=4,
                                                   update_biases=False, momentum=momentum))
        for before, after in zip(net.biases, result.network.biases):
            assert np.array_equal(before, after)
    result = train(net, X6, Y6, TrainingConfig(learning_rate=0.5, batch_size=2, epochs=4, update_biases=False))
    assert_networks_close(result.network, manual_sgd(net, X6, Y6, 0.5, 2, 4, update_biases=False))


def test_one_online_step_reproduces_the_classic_worked_example():
    # Published 2-2-2 example: w5 → 0.35891648, w1 → 0.149780716 after one step with η = 0.5
    net = Network([[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]],
                  [[0.35, 0.35], [0.60, 0.60]], "sigmoid", "squared_error")
    result = train(net, [[0.05, 0.10]], [[0.01, 0.99]],
                   TrainingConfig(learning_rate=0.5, batch_size=1, epochs=1, update_biases=False))
    assert result.network.weights[1][0, 0] == pytest.approx(0.35891648, abs=1e-8)
    assert result.network.weights[0][0, 0] == pytest.approx(0.149780716, abs=1e-9)


def reference_momentum(W1, b1, W2, b2, X, Y, learning_rate, momentum, batch_size, epochs):
    """Plain NumPy, written independently: 2-3-1 sigmoid net, squared error,
    v ← m v − η g, θ ← θ + v, batches taken in order."""
    params = [W1.copy(), b1.copy(), W2.copy(), b2.copy()]
    velocity = [np.zeros_like(p) for p in params]
    sigmoid = lambda z: 1.0 / (1.0 + np.exp(-z))  # noqa: E731
    for _ in range(epochs):
        for start in range(0, len(X), batch_size):
            x, y = X[start:start + batch_size], Y[start:start + batch_size]
            W1, b1, W2, b2 = params
            h = sigmoid(x @ W1.T + b1)
            o = sigmoid(h @ W2.T + b2)
            d2 = (o - y) * o * (1 - o)
            d1 = (d2 @ W2) * h * (1 - h)
            grads = [d1.T @ x / len(x), d1.mean(0), d2.T @ h / len(x), d2.mean(0)]
            for p, v, g in zip(params, velocity, grads):
                v *= momentum
                v -= learning_rate * g
                p += v
    return params, velocity


def test_momentum_matches_a_plain_numpy_reference():
    net = Network.random([2, 3, 1], "sigmoid", "squared_error", seed=5, init="uniform")
    result = train(net, X6, Y6, TrainingConfig(learning_rate=0.7, momentum=0.9, batch_size=4, epochs=6))
    params, velocity = reference_momentum(*net.weights[:1], net.biases[0], net.weights[1], net.biases[1],
                                          X6, Y6, 0.7, 0.9, 4, 6)
    got = [result.network.weights[0], result.network.biases[0], result.network.weights[1],
           result.network.biases[1]]
    got_velocity = [result.state.velocity.weights[0], result.state.velocity.biases[0],
                    result.state.velocity.weights[1], result.state.velocity.biases[1]]
    for a, b in zip(got + got_velocity, params + velocity):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
    assert not np.allclose(params[0], manual_sgd(net, X6, Y6, 0.7, 4, 6).weights[0])  # momentum mattered


def test_decay_schedule_by_hand():
    net = Network.random([2, 3, 1], "sigmoid", "squared_error", seed=2)
    result = train(net, X6, Y6, TrainingConfig(learning_rate=0.5, decay=0.25, batch_size=6, epochs=3))
    rates = [record.learning_rate for record in result.state.history]
    assert rates == pytest.approx([0.5, 0.5 / 1.25, 0.5 / 1.5], abs=1e-15)
    expected = net
    for rate in (0.5, 0.4, 1 / 3):
        expected = manual_sgd(expected, X6, Y6, rate, 6, 1)
    assert_networks_close(result.network, expected)


def test_continuing_a_state_equals_one_long_call():
    net = Network.random([2, 4, 1], ["tanh", "sigmoid"], "binary_cross_entropy", seed=9)
    data = truth_table("xor")
    X, Y = np.vstack([data.X] * 3), np.vstack([data.Y] * 3)
    config = dict(learning_rate=0.4, momentum=0.5, decay=0.05, batch_size=5, shuffle=True, seed=11)
    whole = train(net, X, Y, TrainingConfig(epochs=12, **config))
    part = train(net, X, Y, TrainingConfig(epochs=5, **config))
    part = train(part.state, X, Y, TrainingConfig(epochs=7, **config))
    assert part.network == whole.network
    for a, b in zip(part.state.velocity.weights + part.state.velocity.biases,
                    whole.state.velocity.weights + whole.state.velocity.biases):
        assert np.array_equal(a, b)
    assert part.state.history == whole.state.history and part.state.epoch == 12
    # shuffling changes the path (so the test above exercised it) and depends on the seed
    unshuffled = train(net, X, Y, TrainingConfig(epochs=12, **{**config, "shuffle": False}))
    reseeded = train(net, X, Y, TrainingConfig(epochs=12, **{**config, "seed": 12}))
    assert unshuffled.network != whole.network and reseeded.network != whole.network


def test_xor_is_learned_and_the_loss_falls():
    data = truth_table("xor")
    net = Network.random([2, 4, 1], ["tanh", "sigmoid"], "binary_cross_entropy", seed=0)
    result = train(net, data.X, data.Y, TrainingConfig(learning_rate=1.0, batch_size=4, epochs=2000,
                                                       stop_when_all_correct=True))
    assert result.stop_reason == "all_correct" and result.state.epoch < 2000
    outputs = forward(result.network, data.X).output
    assert ((outputs > 0.5) == (data.Y > 0.5)).all()   # checked directly, not via accuracy()
    assert result.state.history[-1].train_loss < loss_value(net, data.X, data.Y)
    assert result.state.history[-1].train_accuracy == 1.0


def test_history_losses_are_the_end_of_epoch_losses():
    net = Network.random([2, 3, 1], "sigmoid", "squared_error", seed=4)
    Xt, Yt = X6[:2] * 0.5, Y6[:2]
    result = train(net, X6, Y6, TrainingConfig(learning_rate=0.5, batch_size=2, epochs=3), Xt, Yt)
    last = result.state.history[-1]
    assert last.train_loss == pytest.approx(loss_value(result.network, X6, Y6), rel=1e-12)
    assert last.test_loss == pytest.approx(loss_value(result.network, Xt, Yt), rel=1e-12)
    assert last.train_accuracy is None and last.test_accuracy is None   # regression targets
    assert [r.epoch for r in result.state.history] == [1, 2, 3]


def test_a_huge_learning_rate_diverges_and_keeps_the_last_finite_network():
    X = np.array([[100.0], [-80.0], [60.0]])
    Y = np.array([[1.0], [2.0], [3.0]])
    net = Network([[[0.5]]], [[0.1]], ["linear"], "squared_error")
    config = TrainingConfig(learning_rate=100.0, batch_size=1, epochs=50)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = train(net, X, Y, config)
    assert result.stop_reason == "diverged" == result.state.stopped
    assert "learning rate" in result.message
    assert all(np.isfinite(p).all() for p in result.network.weights + result.network.biases)
    done = result.state.epoch
    if done == 0:
        assert result.network == net
    else:   # the kept network is the one a shorter run ends with, and that run did not diverge
        shorter = train(net, X, Y, TrainingConfig(learning_rate=100.0, batch_size=1, epochs=done))
        assert shorter.stop_reason == "epochs" and shorter.network == result.network


def test_divergence_after_some_good_epochs_keeps_the_epoch_before():
    # w ← w − η x (w x − y) x: with x = 1, y = 0 and η = 2.5 each epoch multiplies w by −1.5
    net = Network([[[1.0]]], [[0.0]], ["linear"], "squared_error")
    result = train(net, [[1.0]], [[0.0]], TrainingConfig(learning_rate=2.5, epochs=100, update_biases=False))
    assert result.stop_reason == "diverged"
    w = result.network.weights[0][0, 0]
    assert w == (-1.5) ** result.state.epoch
    # exploding rule: loss > 1e6 × max(initial loss ½, 1) = 1e6, i.e. |w| > √(2e6) ≈ 1414
    assert 0.5 * w ** 2 <= 1e6 < 0.5 * (1.5 * w) ** 2
    assert result.state.epoch == 17


def test_target_loss_stops_at_the_first_epoch_at_or_below_it():
    net = Network.random([2, 3, 1], "sigmoid", "squared_error", seed=4)
    free = train(net, X6, Y6, TrainingConfig(learning_rate=2.0, batch_size=6, epochs=300))
    losses = [r.train_loss for r in free.state.history]
    target = losses[120]
    result = train(net, X6, Y6, TrainingConfig(learning_rate=2.0, batch_size=6, epochs=300, target_loss=target))
    first = next(i for i, loss in enumerate(losses) if loss <= target)
    assert result.stop_reason == "target_loss" and result.state.epoch == first + 1
    assert "target" in result.message


def test_epochs_limit_is_the_default_stop():
    net = Network.random([2, 3, 1], "sigmoid", "squared_error", seed=4)
    result = train(net, X6, Y6, TrainingConfig(epochs=3, target_loss=0.0))
    assert result.stop_reason == "epochs" and len(result.state.history) == 3


@pytest.mark.parametrize("field, value", [
    ("learning_rate", 0), ("learning_rate", 101), ("learning_rate", float("nan")),
    ("batch_size", 0), ("batch_size", 1.5), ("batch_size", 5001),
    ("momentum", -0.1), ("momentum", 1.0), ("decay", -1), ("decay", float("inf")),
    ("epochs", 0), ("epochs", 10_001), ("target_loss", -1.0), ("target_loss", "low"),
    ("stop_when_all_correct", 1), ("shuffle", "yes"), ("seed", -1), ("update_biases", None),
])
def test_config_rejects_each_bad_field_by_name(field, value):
    with pytest.raises(NetworkError, match=field):
        TrainingConfig(**{field: value})


def test_bad_training_input_raises_network_error():
    net = Network.random([2, 3, 1], "sigmoid", "squared_error", seed=4)
    config = TrainingConfig(epochs=1)
    for args in [(np.ones((3, 3)), np.ones((3, 1))), (np.ones((3, 2)), np.ones((4, 1))),
                 ([[np.nan, 1.0]], [[1.0]]), ("text", [[1.0]])]:
        with pytest.raises(NetworkError):
            train(net, *args, config)
    with pytest.raises(NetworkError, match="X_test"):
        train(net, X6, Y6, config, X_test=X6)
    with pytest.raises(NetworkError, match="config"):
        train(net, X6, Y6, {"epochs": 1})
    with pytest.raises(NetworkError, match="state_or_network"):
        train("net", X6, Y6, config)
    bad_output = Network([[[1.0, 1.0]]], [[0.0]], ["linear"], "cross_entropy")
    with pytest.raises(NetworkError, match="not defined"):   # ln of a negative output
        train(bad_output, [[-1.0, -1.0]], [[1.0]], config)
    with pytest.raises(NetworkError, match="velocity"):
        TrainingState(net, velocity="fast")


def test_is_classification_and_accuracy_by_hand():
    assert is_classification([[0.0], [1.0], [1.0]])
    assert is_classification([[-1.0], [1.0]])
    assert is_classification([[0.0, 1.0], [1.0, 0.0]])
    assert not is_classification([[0.5], [1.0]])
    for bad in ([[1.0], [1.0, 2.0]], "abc", None, [[np.nan]], np.ones((2, 11)), [[[1.0]]]):
        with pytest.raises(NetworkError, match="Y"):
            is_classification(bad)
    # one output, linear, w = 1: outputs equal the inputs; labels 0/1 are cut at 0.5
    net = Network([[[1.0]]], [[0.0]], ["linear"], "squared_error")
    assert accuracy(net, [[0.2], [0.7], [0.6], [0.4]], [[0.0], [1.0], [0.0], [0.0]]) == 0.75
    # labels ±1 are cut at 0
    assert accuracy(net, [[-0.2], [0.1], [0.3]], [[-1.0], [1.0], [-1.0]]) == pytest.approx(2 / 3)
    assert accuracy(net, [[0.2]], [[0.3]]) is None
    # one-hot: argmax of identity outputs
    net2 = Network([np.eye(2)], [np.zeros(2)], ["linear"], "squared_error")
    assert accuracy(net2, [[0.9, 0.1], [0.2, 0.3], [0.6, 0.5]], [[1, 0], [1, 0], [0, 1]]) == pytest.approx(1 / 3)


def test_state_and_record_types():
    net = Network.random([2, 2, 1], "sigmoid", "squared_error", seed=1)
    result = train(TrainingState(net), X6, Y6, TrainingConfig(epochs=2))
    assert isinstance(result.state.history[0], EpochRecord)
    assert result.state.velocity is None and result.state.initial_loss == pytest.approx(loss_value(net, X6, Y6))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.state.epoch = 5


def test_one_call_cannot_do_unbounded_work():
    from bpviz.engine import budget
    net = Network.random([2, 3, 1], "sigmoid", "squared_error", seed=0)
    X, Y = np.zeros((5000, 2)), np.zeros((5000, 1))
    for batch_size in (1, 5000):
        most = budget.max_epochs(net.sizes, 5000, 0, batch_size)
        assert 1 <= most < 10_000
        over = TrainingConfig(learning_rate=0.1, batch_size=batch_size, epochs=most + 1)
        with pytest.raises(NetworkError, match=f"use at most {most:,} epochs"):
            train(net, X, Y, over)


def test_with_both_stops_training_ends_only_when_both_hold():
    """A target loss together with "every row right": the first epoch where both hold, not
    the first where either does (the history of a free run says where each happens)."""
    data = truth_table("xor")
    net = Network.random([2, 4, 1], ["tanh", "sigmoid"], "binary_cross_entropy", seed=0)
    config = dict(learning_rate=1.0, batch_size=4, epochs=400)
    history = train(net, data.X, data.Y, TrainingConfig(**config)).state.history
    first_right = next(r.epoch for r in history if r.train_accuracy == 1.0)
    loose = history[first_right - 3].train_loss              # reached before every row is right
    strict = history[first_right + 20].train_loss            # reached well after
    loose_run = train(net, data.X, data.Y, TrainingConfig(**config, target_loss=loose, stop_when_all_correct=True))
    strict_run = train(net, data.X, data.Y, TrainingConfig(**config, target_loss=strict, stop_when_all_correct=True))
    assert loose_run.stop_reason == "target_loss" and loose_run.state.epoch == first_right
    first_strict = next(r.epoch for r in history if r.train_loss <= strict)
    assert strict_run.stop_reason == "target_loss" and strict_run.state.epoch == first_strict > first_right
    alone = train(net, data.X, data.Y, TrainingConfig(**config, target_loss=loose))
    assert alone.state.epoch < first_right                   # the target alone stops earlier
