"""Training: epochs of gradient descent with mini-batches, momentum, learning-rate
decay, stop criteria and divergence detection, as pure functions over immutable values.

`train(state_or_network, X, Y, config)` returns a `TrainingResult` whose `.state` can
be passed to `train` again: two calls of 50 epochs give exactly what one call of 100
gives, because everything a later epoch needs is in the state (network, momentum
buffers, epoch count) and the shuffling order of epoch e comes from (seed, e) alone.

One epoch is one pass over the training rows in batches of `batch_size` (1: online,
one update per example, as in the classic pseudocode; ≥ n: full batch). For epoch
e = 0, 1, … the learning rate is η_e = η / (1 + decay·e), and each batch does
    v ← m·v − η_e ∂E/∂θ,   θ ← θ + v      (m = 0: plain θ ← θ − η_e ∂E/∂θ)
where E is the batch-mean loss. Full batches are never shuffled (the mean gradient
does not depend on the order). The loss and accuracies in the history are those of
the network at the end of each epoch, on the whole training (and test) set.

Divergence: the epoch is rejected, and the network (and momentum) from the end of
the previous epoch is kept, when after it a parameter is NaN, infinite or beyond
±MAX_PARAMETER_MAGNITUDE, or the training loss is NaN, infinite or more than
EXPLODING_FACTOR × max(initial loss, 1), the initial loss being the training loss
before the state's first epoch.

Accuracy (classification targets only, see `label_rule`): one-hot rows are correct
when the output's argmax is the target's; labels in {0, 1} are cut at 0.5 and labels
in {−1, 1} at 0 — the midpoint between the two labels whatever the output activation,
so a tanh output trained on 0/1 targets is cut at 0.5 — and a row is correct when
every output is on its target's side. The rule is decided once per call from the
training and test targets together.

The inner loop (`_fit`) works on one flat float64 vector θ holding, per layer, the
matrix [Wᵀ; b] of shape (sizes[l] + 1, sizes[l+1]), so that with a column of ones
appended to the activations, z = [a 1]·[Wᵀ; b] and ∂E/∂[Wᵀ; b] = [a 1]ᵀ δ / n are one
matrix product each. Networks are built only at the end of a call.
"""
import numpy as np

from . import budget
from .datasets import label_rule
from .errors import NetworkError
from .fastpath import FlatData, FlatModel, pack, unpack
from .limits import MAX_PARAMETER_MAGNITUDE, MAX_ROWS
from .messages import english
from .network import Network, ParameterGradients
from .propagation import trusted_forward
from .training_state import EpochRecord, TrainingConfig, TrainingResult, TrainingState
from .validation import check_data, check_type

EXPLODING_FACTOR = 1e6


# ---- classification ---------------------------------------------------------------

def _truth(Y, rule):
    """The right answers for targets Y under `rule`: each row's class (one-hot), or which
    side of the cut each target is on; None for regression."""
    if rule is None:
        return None
    return Y.argmax(axis=1) if rule == "one-hot" else Y > rule


def _accuracy(output, truth, rule):
    """The fraction of rows whose output gives the right answer; None for regression."""
    if rule is None:
        return None
    right = (output.argmax(axis=1) == truth if rule == "one-hot"
             else ((output > rule) == truth).all(axis=1))
    return float(right.sum() / len(right))


def accuracy(net, X, Y):
    """Fraction of the rows of (X, Y) that `net` classifies right, or None for regression."""
    check_type(net, Network, "net")
    X, Y = check_data(X, Y, net.sizes)
    rule = label_rule(Y)
    return _accuracy(trusted_forward(net, X).output, _truth(Y, rule), rule)


# ---- training -----------------------------------------------------------------------

def train(state_or_network, X, Y, config, X_test=None, Y_test=None) -> TrainingResult:
    """Train for up to `config.epochs` epochs on (X, Y); see the module docstring.

    state_or_network: a `TrainingState` to continue, or a `Network` to start from.
    X `(n, sizes[0])`, Y `(n, sizes[L])`; X_test, Y_test likewise (both or neither;
    train and test rows together at most MAX_ROWS). Raises `NetworkError` for bad
    input, or if the loss is undefined for the starting network's output.
    """
    state = state_or_network
    if isinstance(state, Network):
        state = TrainingState(state)
    check_type(state, TrainingState, "state_or_network", "TrainingState or a Network")
    check_type(config, TrainingConfig, "config")
    X, Y = check_data(X, Y, state.network.sizes)
    if (X_test is None) != (Y_test is None):
        raise NetworkError("test_data_pair")
    if X_test is not None:
        X_test, Y_test = check_data(X_test, Y_test, state.network.sizes, "X_test", "Y_test")
        if len(X) + len(X_test) > MAX_ROWS:
            raise NetworkError("rows_limit", limit=MAX_ROWS, train=len(X), test=len(X_test))
    _check_work(state.network.sizes, config, len(X), 0 if X_test is None else len(X_test))
    with np.errstate(all="ignore"):   # NaN and overflow are detected, not warned about
        return _train_checked(state, X, Y, config, X_test, Y_test)


def _check_work(sizes, config, rows, test_rows):
    """Bound the work of one call (one click on a shared server) by the work budget."""
    per_epoch = budget.epoch_work(sizes, rows, test_rows, config.batch_size)
    most = budget.max_epochs(sizes, rows, test_rows, config.batch_size)
    if most == 0:
        raise NetworkError("budget_one_epoch", rows=rows, test=test_rows, batch=config.batch_size)
    if budget.over_budget(config.epochs * per_epoch):
        raise NetworkError("budget_epochs", epochs=config.epochs, rows=rows, test=test_rows, most=most)


def _train_checked(state, X, Y, config, X_test, Y_test):
    net, sizes = state.network, state.network.sizes
    rule = label_rule(Y if Y_test is None else np.vstack([Y, Y_test]))
    theta = pack(net.weights, net.biases, sizes)
    model = FlatModel(net, theta)
    mask = None if config.update_biases else pack([np.ones_like(w) for w in net.weights],
                                                   [np.zeros_like(b) for b in net.biases], sizes)
    velocity = None
    if config.momentum > 0:
        velocity = (np.zeros_like(theta) if state.velocity is None
                    else pack(state.velocity.weights, state.velocity.biases, sizes))
        if mask is not None:
            velocity *= mask
    train_set = FlatData(X, Y, sizes)
    test_set = None if X_test is None else FlatData(X_test, Y_test, sizes)

    initial_loss = state.initial_loss
    if initial_loss is None:
        initial_loss = model.evaluate(train_set)[0]
        if not np.isfinite(initial_loss):
            raise NetworkError("loss_undefined_on_data", loss=net.loss)
    records, reason, detail = _fit(model, velocity, mask, train_set, test_set, rule, config,
                                   state.epoch, EXPLODING_FACTOR * max(abs(initial_loss), 1.0))

    weights, biases = unpack(theta, sizes)
    network = Network.trusted(weights, biases, net.activations, net.loss, sizes)
    if velocity is not None:
        velocity = ParameterGradients(*(tuple(arrays) for arrays in unpack(velocity, sizes)))
    new_state = TrainingState(network, velocity, state.epoch + len(records),
                              state.history + tuple(records), reason, initial_loss)
    return TrainingResult(new_state, reason, _message(reason, detail, new_state, config))


def _fit(model, velocity, mask, train_set, test_set, rule, config, first_epoch, loss_limit):
    """Run the epochs, changing θ and v in place (they are this call's own arrays).

    Returns (records, stop reason, detail): on divergence θ and v are set back to
    their values at the start of the failing epoch and detail says what went wrong.
    """
    records, theta = [], model.theta
    train_truth = _truth(train_set.y, rule)
    test_truth = None if test_set is None else _truth(test_set.y, rule)
    n, batch = len(train_set.y), min(config.batch_size, len(train_set.y))
    ready = None   # full batch: the forward pass of the epoch-end evaluation, reused
    for epoch in range(first_epoch, first_epoch + config.epochs):
        learning_rate = config.learning_rate_at(epoch)
        theta_before = theta.copy()
        velocity_before = None if velocity is None else velocity.copy()
        x_all, y_all = train_set.x, train_set.y
        if config.shuffle and batch < n:
            order = np.random.default_rng([config.seed, epoch]).permutation(n)
            x_all, y_all = x_all[order], y_all[order]
        for start in range(0, n, batch):
            x, y = x_all[start:start + batch], y_all[start:start + batch]
            gradient_sum = model.gradient_sum(y, ready or model.forward(x, train_set.hidden(len(y))))
            if mask is not None:
                gradient_sum *= mask
            step = learning_rate / len(y)   # η / n turns the sum into η × the batch mean
            if velocity is None:
                theta -= step * gradient_sum                     # θ ← θ − η ∂E/∂θ
            else:
                velocity *= config.momentum                      # v ← m v − η ∂E/∂θ
                velocity -= step * gradient_sum
                theta += velocity                                # θ ← θ + v
        train_loss, train_output, forward = model.evaluate(train_set)
        train_accuracy = _accuracy(train_output, train_truth, rule)
        ready = forward if batch == n else None
        problem = _divergence(theta, train_loss, loss_limit)
        if problem:
            theta[:] = theta_before
            if velocity is not None:
                velocity[:] = velocity_before
            return records, "diverged", (epoch + 1, learning_rate, problem)
        test_loss, test_accuracy = None, None
        if test_set is not None:
            test_loss, test_output, _ = model.evaluate(test_set)
            test_accuracy = _accuracy(test_output, test_truth, rule)
        records.append(EpochRecord(epoch + 1, train_loss, test_loss, train_accuracy, test_accuracy,
                                   learning_rate))
        if config.target_loss is not None and train_loss <= config.target_loss:
            return records, "target_loss", None
        if config.stop_when_all_correct and train_accuracy == 1.0:
            return records, "all_correct", None
    return records, "epochs", None


def _divergence(theta, loss, loss_limit):
    """What went wrong after an epoch, as (code, values) of wording's "divergence.<code>",
    or None if nothing did."""
    if not np.abs(theta).max() <= MAX_PARAMETER_MAGNITUDE:   # also catches NaN
        if not np.isfinite(theta).all():
            return "parameter_not_finite", {}
        return "parameter_too_big", {"limit": MAX_PARAMETER_MAGNITUDE}
    if not np.isfinite(loss):
        return "loss_not_finite", {}
    if abs(loss) > loss_limit:
        return "loss_exploded", {"loss": loss, "factor": EXPLODING_FACTOR}
    return None


def _message(reason, detail, state, config):
    """How the call ended, in English (messages.py)."""
    if reason == "diverged":
        epoch, learning_rate, (problem, values) = detail
        kept = english("training.kept_epoch", epoch=epoch - 1) if epoch > 1 else english("training.kept_start")
        return english("training.diverged", epoch=epoch, problem=english(f"divergence.{problem}", **values),
                       learning_rate=learning_rate, kept=kept)
    last = state.history[-1]
    if reason == "target_loss":
        return english("training.target_loss", epoch=last.epoch, loss=last.train_loss, target=config.target_loss)
    if reason == "all_correct":
        return english("training.all_correct", epoch=last.epoch)
    return english("training.epochs", config.epochs, epochs=config.epochs, total=last.epoch, loss=last.train_loss)
