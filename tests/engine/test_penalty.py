"""The weight penalty (L1, L2 regularisation) against float64 PyTorch autograd:
E = mean_n E_n + λ₁ Σ|w| + (λ₂/2) Σ w² over every weight (never the biases), its
gradients from `backward`, the update of the step sequence, and `train` against
torch.optim.SGD on the same objective; the explanations show the penalty's numbers."""
import itertools

import numpy as np
import pytest

from bpviz.engine import (
    ACTIVATION_NAMES,
    HIDDEN_ACTIVATION_NAMES,
    LOSS_NAMES,
    Network,
    NetworkError,
    TrainingConfig,
    backward,
    explain,
    forward,
    preset,
    step_sequence,
    train,
)
from tests.engine import torch_reference
from tests.engine.test_gradients import gradient_case

PENALTIES = [(0.0, 0.0), (0.01, 0.0), (0.0, 0.05), (0.03, 0.2), (1.0, 1.0)]
# every output activation × loss, each with a different hidden activation, cycling
PAIRS = [(HIDDEN_ACTIVATION_NAMES[i % len(HIDDEN_ACTIVATION_NAMES)], output, loss)
         for i, (output, loss) in enumerate(itertools.product(ACTIVATION_NAMES, LOSS_NAMES))]


def _close(a, b, tol=1e-10):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    assert a.shape == b.shape
    assert np.allclose(a, b, rtol=tol, atol=tol), np.max(np.abs(a - b))


def _worked_example():
    p = preset("worked_example")
    return p.network, np.array([p.x]), np.array([p.y])


@pytest.mark.parametrize("l1, l2", PENALTIES)
@pytest.mark.parametrize("hidden, output, loss", PAIRS)
def test_backward_matches_torch_autograd(hidden, output, loss, l1, l2):
    net, X, Y = gradient_case(hidden, output, loss)
    grads = backward(net, forward(net, X), Y, l1=l1, l2=l2)
    E, weight_grads, bias_grads, deltas = torch_reference.gradients(net, X, Y, l1, l2)
    _close(grads.loss, E)
    for mine, theirs in zip(grads.weights + grads.biases + grads.deltas, weight_grads + bias_grads + deltas):
        _close(mine, theirs)
    penalty = sum(l1 * np.abs(w).sum() + l2 / 2 * (w ** 2).sum() for w in net.weights)
    _close(grads.penalty, penalty)
    _close(grads.loss - grads.penalty, backward(net, forward(net, X), Y).loss)


@pytest.mark.parametrize("l1, l2", PENALTIES)
def test_worked_example_with_a_penalty_matches_torch(l1, l2):
    net, X, Y = _worked_example()
    grads = backward(net, forward(net, X), Y, l1, l2)
    E, weight_grads, bias_grads, _ = torch_reference.gradients(net, X, Y, l1, l2)
    _close(grads.loss, E)
    for mine, theirs in zip(grads.weights + grads.biases, weight_grads + bias_grads):
        _close(mine, theirs)
    # by hand: ∂E/∂w5 = 0.082167041 (the published value) + λ₁·sign(0.40) + λ₂·0.40
    assert grads.weights[1][0, 0] == pytest.approx(0.0821670405642 + l1 + l2 * 0.40, abs=1e-11)
    assert grads.biases[1][0] == pytest.approx(0.138498561629, abs=1e-11)   # biases carry no penalty


def test_the_penalty_has_slope_zero_at_a_zero_weight():
    net = Network([np.array([[0.0, 0.5]]), np.array([[0.0]])], [np.array([0.1]), np.array([0.2])],
                  ["tanh", "sigmoid"], "squared_error")
    X, Y = np.array([[0.3, -0.7]]), np.array([[0.9]])
    plain, penalised = (backward(net, forward(net, X), Y, l1, 0.0) for l1 in (0.0, 0.5))
    assert penalised.weights[0][0, 0] == plain.weights[0][0, 0]   # d|w|/dw at 0 is 0
    assert penalised.weights[1][0, 0] == plain.weights[1][0, 0]
    assert penalised.weights[0][0, 1] == pytest.approx(plain.weights[0][0, 1] + 0.5, abs=1e-15)
    E, weight_grads, _, _ = torch_reference.gradients(net, X, Y, 0.5, 0.0)
    for mine, theirs in zip(penalised.weights, weight_grads):
        _close(mine, theirs)


@pytest.mark.parametrize("field", ["l1", "l2"])
@pytest.mark.parametrize("bad", [-0.001, 1.001, float("nan"), float("inf"), "0.1", True, None])
def test_penalties_out_of_range_are_refused_naming_the_field(field, bad):
    net, X, Y = _worked_example()
    with pytest.raises(NetworkError) as error:
        TrainingConfig(**{field: bad})
    assert field in str(error.value)
    if not isinstance(bad, (str, bool)) and bad is not None:
        assert "[0, 1]" in str(error.value)
    for call in (lambda: backward(net, forward(net, X), Y, **{field: bad}),
                 lambda: step_sequence(net, X, Y, 0.5, **{field: bad})):
        with pytest.raises(NetworkError, match=field):
            call()


def test_the_edges_of_the_range_are_accepted():
    assert TrainingConfig(l1=0, l2=1).l2 == 1.0 and TrainingConfig(l1=1.0).l1 == 1.0


@pytest.mark.parametrize("hidden, output, loss", PAIRS[::3])
def test_the_step_update_is_torch_sgd_on_the_penalised_objective(hidden, output, loss):
    net, X, Y = gradient_case(hidden, output, loss)
    update = step_sequence(net, X, Y, 0.3, l1=0.02, l2=0.1)[-1]
    weights, biases = torch_reference.sgd(net, X, Y, 0.3, 0.02, 0.1)
    for mine, theirs in zip(update.updated.weights + update.updated.biases, weights + biases):
        _close(mine, theirs)


@pytest.mark.parametrize("batch_size, momentum", [(8, 0.0), (3, 0.0), (1, 0.0), (8, 0.9), (3, 0.5)])
@pytest.mark.parametrize("hidden, output, loss", [("tanh", "sigmoid", "binary_cross_entropy"),
                                                  ("relu", "softmax", "cross_entropy"),
                                                  ("sigmoid", "linear", "squared_error")])
def test_train_is_torch_sgd_on_the_penalised_objective(hidden, output, loss, batch_size, momentum):
    net, X, Y = gradient_case(hidden, output, loss)
    X, Y = np.vstack([X, X[::-1] * 0.5]), np.vstack([Y, Y[::-1]])   # 8 rows
    config = TrainingConfig(learning_rate=0.2, batch_size=batch_size, epochs=5, l1=0.01, l2=0.05,
                            momentum=momentum)
    result = train(net, X, Y, config)
    assert result.stop_reason == "epochs"
    # torch's momentum v ← m v + g, θ ← θ − η v is the engine's v ← m v − η g, θ ← θ + v (v scaled by −η)
    weights, biases = torch_reference.sgd(net, X, Y, 0.2, 0.01, 0.05, steps=5, batch_size=batch_size,
                                          momentum=momentum)
    for mine, theirs in zip(result.network.weights + result.network.biases, weights + biases):
        _close(mine, theirs, 1e-9)


def test_train_without_updating_biases_still_penalises_the_weights():
    net, X, Y = _worked_example()
    config = TrainingConfig(learning_rate=0.5, batch_size=1, epochs=3, l2=0.5, update_biases=False)
    result = train(net, X, Y, config)
    weights, biases = torch_reference.sgd(net, X, Y, 0.5, 0.0, 0.5, steps=3, update_biases=False)
    for mine, theirs in zip(result.network.weights + result.network.biases, weights + biases):
        _close(mine, theirs)
    assert all((b == b0).all() for b, b0 in zip(result.network.biases, net.biases))


def test_l2_shrinks_the_weights_of_a_trained_network():
    # with nothing to learn (targets equal to the outputs' midpoint) L2 alone pulls every weight
    # towards 0: each step multiplies it by (1 − η λ₂) plus the loss's part
    net, X, Y = gradient_case("tanh", "linear", "squared_error")
    plain = train(net, X, Y, TrainingConfig(learning_rate=0.1, batch_size=4, epochs=200))
    shrunk = train(net, X, Y, TrainingConfig(learning_rate=0.1, batch_size=4, epochs=200, l2=0.5))
    size = [sum(np.abs(w).sum() for w in r.network.weights) for r in (plain, shrunk)]
    assert size[1] < 0.7 * size[0]


def test_explanations_show_the_penalty_with_its_numbers():
    net, X, Y = _worked_example()
    steps = step_sequence(net, X, Y, 0.5, update_biases=False, l1=0.01, l2=0.1)
    update = steps[-1]
    grad = explain(update, "weight_grad", 2, 0, 0)
    # ∂E/∂w5 = δo1·a_h1 + λ₁ sign(w5) + λ₂ w5 = 0.082167041 + 0.01 + 0.04
    assert grad.value == pytest.approx(0.0821670405642 + 0.01 + 0.1 * 0.40, abs=1e-11)
    assert r"\lambda_1 \operatorname{sign}(w^{(2)}_{00})" in grad.formula
    assert r"\lambda_2\, w^{(2)}_{00}" in grad.formula
    assert r"0.01 \cdot \operatorname{sign}(0.4)" in grad.substituted and r"0.1 \cdot 0.4" in grad.substituted
    new = explain(update, "new_weight", 2, 0, 0)
    assert new.value == pytest.approx(0.40 - 0.5 * (0.0821670405642 + 0.05), abs=1e-11)
    assert r"\bar{E}" in new.formula and "0.082167041" in new.substituted and r"0.1 \cdot 0.4" in new.substituted
    objective = explain(update, "objective", 2, 0)
    loss = 0.298371108760   # the published E
    weights = np.array([0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55])
    assert objective.value == pytest.approx(loss + 0.01 * weights.sum() + 0.05 * (weights ** 2).sum(), abs=1e-11)
    assert r"\lambda_1 \sum |w|" in objective.formula and "2.8" in objective.substituted


def test_no_penalty_no_penalty_terms():
    net, X, Y = _worked_example()
    update = step_sequence(net, X, Y, 0.5)[-1]
    assert "lambda" not in explain(update, "weight_grad", 2, 0, 0).formula
    assert "lambda" not in explain(update, "new_weight", 2, 0, 0).formula
    with pytest.raises(NetworkError):
        explain(update, "objective", 2, 0)
