"""Gradient health: `EpochRecord.gradient_rms` against PyTorch autograd at the network of
the end of each epoch; the deep sigmoid / deep ReLU presets show the vanishing gradient;
`delta_shrink` explains each layer's factor with numbers that torch confirms."""
import numpy as np
import pytest

from bpviz.engine import (
    COMPARISONS,
    SIGMOID_SLOPE_BOUND,
    NetworkError,
    TrainingConfig,
    budget,
    data_for,
    delta_shrink,
    delta_shrink_bound,
    delta_shrink_total,
    preset,
    step_sequence,
    train,
    train_comparison,
)
from tests.engine import torch_reference
from tests.engine.test_gradients import gradient_case


def _rms(arrays):
    return [float(np.sqrt(np.mean(np.square(a)))) for a in arrays]


@pytest.mark.parametrize("batch_size, l1, l2", [(8, 0.0, 0.0), (3, 0.0, 0.0), (8, 0.02, 0.1), (1, 0.0, 0.3)])
@pytest.mark.parametrize("hidden, output, loss", [("sigmoid", "sigmoid", "squared_error"),
                                                  ("tanh", "softmax", "cross_entropy"),
                                                  ("relu", "linear", "squared_error")])
def test_gradient_rms_is_that_of_the_network_at_each_epochs_end(hidden, output, loss, batch_size, l1, l2):
    net, X, Y = gradient_case(hidden, output, loss)
    X, Y = np.vstack([X, -X]), np.vstack([Y, Y[::-1]])   # 8 rows
    config = TrainingConfig(learning_rate=0.3, batch_size=batch_size, epochs=1, l1=l1, l2=l2)
    state = net
    for epoch in range(1, 4):   # one epoch per call: the network at each epoch's end is the state's
        state = train(state, X, Y, config).state
        record = state.history[-1]
        assert record.epoch == epoch and len(record.gradient_rms) == len(net.weights)
        _, weight_grads, _, _ = torch_reference.gradients(state.network, X, Y, l1, l2)
        assert record.gradient_rms == pytest.approx(_rms(weight_grads), rel=1e-10, abs=1e-14)
        penalty = sum(l1 * np.abs(w).sum() + l2 / 2 * (w ** 2).sum() for w in state.network.weights)
        assert record.penalty == pytest.approx(penalty, rel=1e-12, abs=1e-15)


def test_one_call_records_the_same_health_as_one_epoch_calls():
    net, X, Y = gradient_case("tanh", "sigmoid", "binary_cross_entropy")
    whole = train(net, X, Y, TrainingConfig(learning_rate=0.5, batch_size=4, epochs=6, l2=0.01)).state
    state = net
    for _ in range(6):
        state = train(state, X, Y, TrainingConfig(learning_rate=0.5, batch_size=4, epochs=1, l2=0.01)).state
    assert [r.gradient_rms for r in whole.history] == pytest.approx([r.gradient_rms for r in state.history],
                                                                   rel=1e-12)


def test_health_of_mini_batches_is_counted_in_the_work_budget():
    sizes, rows = (10, 10, 10, 10, 10, 10, 10, 10), 5000
    full, mini = budget.epoch_work(sizes, rows, 0, rows), budget.epoch_work(sizes, rows, 0, 50)
    P = budget.parameter_count(sizes)
    # mini-batches: the backward pass of the health gradient over every row is counted on top
    assert mini - full == 2 * rows * P + (100 - 1) * budget.overhead(sizes) + budget.overhead(sizes)


def _deep_run(name, epochs):
    p = preset(name)
    X, Y = data_for(COMPARISONS["deep_sigmoid_vs_relu"].data_key)
    return train(p.network, X, Y, TrainingConfig(learning_rate=p.learning_rate, batch_size=len(X), epochs=epochs))


def test_deep_presets_show_the_vanishing_gradient():
    sigmoid, relu = preset("deep_sigmoid"), preset("deep_relu")
    assert sigmoid.network.sizes == relu.network.sizes == (2, 6, 6, 6, 6, 6, 6, 1)
    assert all((a == b).all() for a, b in zip(sigmoid.network.weights, relu.network.weights))   # only f differs
    first = {name: _deep_run(name, 1).state.history[0].gradient_rms for name in ("deep_sigmoid", "deep_relu")}
    # sigmoid: the first layer's gradient is more than 100 times smaller than the last layer's
    assert first["deep_sigmoid"][0] < first["deep_sigmoid"][-1] / 100
    # ReLU: within a factor 10 from the first layer to the last
    assert first["deep_relu"][0] > first["deep_relu"][-1] / 10
    # and the ReLU network's first layer gets a gradient over 100 times larger than the sigmoid's
    assert first["deep_relu"][0] > 100 * first["deep_sigmoid"][0]


def test_the_comparison_trains_both_presets_as_promised():
    results = train_comparison("deep_sigmoid_vs_relu", epochs=40)
    assert set(results) == {"deep_sigmoid", "deep_relu"}
    assert all(len(r.state.history) == 40 for r in results.values())
    assert results["deep_sigmoid"].state.history[-1].gradient_rms == \
        pytest.approx(_deep_run("deep_sigmoid", 40).state.history[-1].gradient_rms, rel=1e-12)
    # the ReLU network learns the circle; the sigmoid one stays near chance
    assert results["deep_relu"].state.history[-1].train_loss < results["deep_sigmoid"].state.history[-1].train_loss
    with pytest.raises(NetworkError, match="comparison"):
        train_comparison("nope")
    with pytest.raises(NetworkError, match="epochs"):
        train_comparison("deep_sigmoid_vs_relu", epochs=10_000)   # over the budget of one call


@pytest.mark.parametrize("name", ["deep_sigmoid", "deep_relu", "worked_example"])
def test_delta_shrink_is_the_ratio_of_norms_torch_computes_and_within_its_bound(name):
    p = preset(name)
    X, Y = np.array([p.x]), np.array([p.y])
    steps = step_sequence(p.network, X, Y, p.learning_rate)
    last = steps[-1]
    _, _, _, deltas = torch_reference.gradients(p.network, X, Y)
    L = len(p.network.weights)
    for layer in range(1, L):
        shrink = delta_shrink(last, layer)
        expected = np.linalg.norm(deltas[layer - 1][0]) / np.linalg.norm(deltas[layer][0])
        assert shrink.value == pytest.approx(expected, rel=1e-9)
        # the bound ‖W‖₂ · max|f′|, from NumPy's own norm and the activation's slope at torch's z
        bound = delta_shrink_bound(last, layer)
        assert shrink.value <= bound.value * (1 + 1e-8)
        z = forward_trace_z(p, X, layer)
        slopes = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)) * (1 - 1 / (1 + np.exp(-z))),
                  "relu": lambda z: (z > 0).astype(float)}[p.network.activations[layer - 1]](z)
        assert bound.value == pytest.approx(np.linalg.svd(p.network.weights[layer])[1][0] * slopes.max(), rel=1e-9)
        if p.network.activations[layer - 1] == "sigmoid":
            assert "0.25" in bound.formula and r"\sigma(z)" in bound.formula
        total = delta_shrink_total(last, layer)
        assert total.value == pytest.approx(np.linalg.norm(deltas[layer - 1][0]) / np.linalg.norm(deltas[-1][0]),
                                            rel=1e-9)
    if name == "deep_sigmoid":   # every sigmoid layer shrinks δ: each f′ ≤ 1/4
        assert all(delta_shrink(last, layer).value < 1 for layer in range(1, L))
        assert delta_shrink_total(last, 1).value < 1e-2   # over a hundredfold from the output to layer 1


def forward_trace_z(p, X, layer):
    """z of `layer` for the first row, by torch."""
    weights, biases = torch_reference.tensors(p.network)
    zs, _ = torch_reference.run(p.network, weights, biases, X)
    return zs[layer - 1].detach().numpy()[0]


def test_delta_shrink_needs_a_known_delta_and_a_hidden_layer():
    p = preset("worked_example")
    steps = step_sequence(p.network, [p.x], [p.y], 0.5)
    with pytest.raises(NetworkError):
        delta_shrink(steps[1], 1)          # forward: δ not known yet
    with pytest.raises(NetworkError, match="layer"):
        delta_shrink(steps[-1], 2)         # the output layer: nothing after it
    single = preset("single_neuron")
    with pytest.raises(NetworkError, match="hidden layer"):
        delta_shrink(step_sequence(single.network, [single.x], [single.y], 0.5)[-1], 1)
    assert SIGMOID_SLOPE_BOUND == 0.25
