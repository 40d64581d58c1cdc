"""Explanations: the published worked-example figures appear in the strings, every
formula is valid LaTeX with the derivative of the activation actually used, and
nothing unknown at a step can be explained."""
import itertools
import re

import numpy as np
import pytest

from bpviz.engine import ACTIVATION_NAMES, HIDDEN_ACTIVATION_NAMES, LOSS_NAMES, Network, NetworkError, step_sequence
from bpviz.engine.explanations import available_quantities, explain
from bpviz.engine.formatting import latex_number

WORKED = Network([[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]], [[0.35, 0.35], [0.60, 0.60]],
                 ["sigmoid", "sigmoid"], "squared_error")
STEPS = step_sequence(WORKED, [0.05, 0.10], [0.01, 0.99], 0.5, "layer", update_biases=False)
LAST = STEPS[-1]

# (quantity, layer, j, k, published figure): the classic hand calculation
PUBLISHED = [
    ("loss", 2, 0, None, 0.298371109), ("z", 1, 0, None, 0.3775), ("a", 1, 0, None, 0.593269992),
    ("a", 2, 0, None, 0.75136507), ("delta", 2, 0, None, 0.138498562), ("weight_grad", 2, 0, 0, 0.082167041),
    ("new_weight", 2, 0, 0, 0.35891648), ("weight_grad", 1, 0, 0, 0.000438568), ("new_weight", 1, 0, 0, 0.149780716),
]


@pytest.mark.parametrize("quantity, layer, j, k, published", PUBLISHED)
def test_worked_example_figures_appear_in_the_explanations(quantity, layer, j, k, published):
    explanation = explain(LAST, quantity, layer, j, k)
    decimals = len(str(published).split(".")[1])
    # within the published rounding (≤ 1e-9 for 9 digits)
    assert abs(explanation.value - published) <= 0.5 * 10 ** -decimals
    assert str(published) in explanation.result


def test_the_substituted_numbers_are_the_hand_calculation():
    # δ_o1 = (out_o1 − target_o1) · out_o1 (1 − out_o1), the published chain of three factors
    delta = explain(LAST, "delta", 2, 0)
    assert "(0.75136507 - 0.01)" in delta.substituted and "(1 - 0.75136507)" in delta.substituted
    # ∂E/∂w5 = δ_o1 · out_h1, and the hidden δ sums over both output neurons with w5 and w7
    assert explain(LAST, "weight_grad", 2, 0, 0).substituted == r"= 0.138498562 \cdot 0.593269992"
    hidden = explain(LAST, "delta", 1, 0)
    assert hidden.kind == "delta_hidden"
    assert r"0.4 \cdot 0.138498562" in hidden.substituted
    assert r"0.5 \cdot \left(-0.038098237\right)" in hidden.substituted
    assert explain(LAST, "z", 1, 0).substituted == r"= 0.15 \cdot 0.05 + 0.2 \cdot 0.1 + 0.35"


def test_the_product_shown_for_a_gradient_is_its_value():
    for l, j, k in [(1, 0, 0), (1, 1, 1), (2, 1, 0)]:
        e = explain(LAST, "weight_grad", l, j, k)
        plain = e.substituted.replace(r"\left(", "").replace(r"\right)", "")
        factors = [float(x) for x in re.findall(r"-?\d+\.\d+|\d+", plain)]
        assert abs(np.prod(factors) - e.value) < 1e-8


def test_kept_biases_keep_their_value():
    e = explain(LAST, "new_bias", 1, 0)
    assert e.value == 0.35 and "eta" not in e.formula


def _random_step(hidden, output, loss, seed):
    net = Network.random([2, 3, 2], [hidden, output], loss, seed=seed)
    y = [0.3, 0.7] if loss != "squared_error" else [0.2, -0.4]
    if output in ("relu", "leaky_relu", "linear", "tanh") and loss != "squared_error":
        net = Network.random([2, 3, 2], [hidden, "sigmoid"], loss, seed=seed)
    return step_sequence(net, [[0.4, -0.9], [1.2, 0.3]], [y, y[::-1]], 0.1, "layer")


def _balanced(latex):
    depth = 0
    for char in latex.replace(r"\{", "").replace(r"\}", ""):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("hidden, output, loss", list(itertools.product(HIDDEN_ACTIVATION_NAMES, ACTIVATION_NAMES,
                                                                         LOSS_NAMES)))
def test_every_quantity_of_every_pair_is_valid_latex_and_the_engines_value(hidden, output, loss):
    step = _random_step(hidden, output, loss, seed=3)[-1]
    net = step.network
    for layer, j in [(l, j) for l in range(len(net.sizes)) for j in range(net.sizes[l])]:
        for quantity in available_quantities(step, layer, j):
            ks = range(net.sizes[layer - 1]) if quantity in ("weight_grad", "new_weight") else [None]
            for k in ks:
                for example in (0, 1):
                    e = explain(step, quantity, layer, j, k, example)
                    for part in (e.formula, e.substituted, e.result):
                        assert _balanced(part), (quantity, part)
                        assert "nan" not in part.lower()
                    assert np.isfinite(e.value)


@pytest.mark.parametrize("activation, derivative", [
    ("sigmoid", r"(1 - a^{(1)}_{0})"), ("tanh", r"1 - (a^{(1)}_{0})^2"), ("relu", r"\mathbb{1}[z^{(1)}_{0} > 0]"),
    ("leaky_relu", "f'(z^{(1)}_{0})"), ("linear", r"\Big)\, 1")])
def test_hidden_delta_uses_the_layers_own_derivative(activation, derivative):
    net = Network.random([2, 2, 1], [activation, "sigmoid"], "squared_error", seed=5)
    step = step_sequence(net, [0.5, -0.25], [1.0], 0.1)[-1]
    assert derivative in explain(step, "delta", 1, 0).formula


def test_softmax_with_squared_error_shows_the_jacobian_and_matches_the_engine():
    net = Network.random([2, 3], ["softmax"], "squared_error", seed=2)
    step = step_sequence(net, [0.5, -1.0], [0.0, 1.0, 0.0], 0.1)[-1]
    e = explain(step, "delta", 1, 1)
    assert r"\sum_{i} g_{i}" in e.formula
    # independent: a_j (g_j − Σ g_i a_i) with g = a − y
    a = step.activation(1)[0]
    g = a - np.array([0.0, 1.0, 0.0])
    assert abs(e.value - a[1] * (g[1] - g @ a)) < 1e-12


def test_fused_output_deltas_are_a_minus_y():
    for output, loss in (("sigmoid", "binary_cross_entropy"), ("softmax", "cross_entropy")):
        net = Network.random([2, 2], [output], loss, seed=1)
        step = step_sequence(net, [0.3, 0.6], [1.0, 0.0], 0.1)[-1]
        assert explain(step, "delta", 1, 0).formula.endswith("a^{(1)}_{0} - y_{0}")


def test_a_batch_gradient_is_shown_as_a_mean():
    net = Network.random([2, 2, 1], "sigmoid", "squared_error", seed=4)
    X = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]
    step = step_sequence(net, X, [[1.0], [0.0], [1.0]], 0.1)[-1]
    e = explain(step, "weight_grad", 2, 0, 1)
    assert r"\frac{1}{3}" in e.substituted and r"\frac{1}{n}" in e.formula


def test_nothing_unknown_can_be_explained():
    start, after_forward_1 = STEPS[0], STEPS[1]
    assert available_quantities(start, 2, 0) == ()
    assert available_quantities(start, 0, 1) == ("a",)
    assert available_quantities(after_forward_1, 1, 0) == ("z", "a")
    with pytest.raises(NetworkError, match="not known"):
        explain(after_forward_1, "a", 2, 0)
    with pytest.raises(NetworkError, match="not known"):
        explain(STEPS[4], "delta", 1, 0)        # backward has only reached layer 2


@pytest.mark.parametrize("call, field", [
    (lambda: explain(LAST, "gradient", 1, 0), "quantity"), (lambda: explain(LAST, "z", 3, 0), "layer"),
    (lambda: explain(LAST, "z", 1, 2), "j"), (lambda: explain(LAST, "weight_grad", 1, 0, 5), "k"),
    (lambda: explain(LAST, "z", 1, 0, example=1), "example"), (lambda: explain("step", "z", 1, 0), "step"),
])
def test_bad_requests_name_the_field(call, field):
    with pytest.raises(NetworkError, match=field):
        call()


def test_number_format():
    assert latex_number(0.3775) == "0.3775" and latex_number(-2.0) == "-2" and latex_number(0) == "0"
    assert latex_number(1.5e-7) == r"1.5 \times 10^{-7}" and latex_number(0.000438567648) == "0.000438568"


def test_numbers_equal_to_the_symbols_are_not_repeated():
    """a⁽⁰⁾₀ = x₀ = 0.05 and ∂E/∂b = δ on one example: the numbers are the result, so what
    follows the formula is "= 0.05" once; a z keeps its numbers and its result."""
    assert explain(LAST, "a", 0, 0).numbers_then_result == "= 0.05"
    bias_grad = explain(LAST, "bias_grad", 2, 0)
    assert bias_grad.repeats_result and bias_grad.numbers_then_result == bias_grad.result
    assert bias_grad.result.startswith("= 0.13849856")                          # δ of o1, published
    z = explain(LAST, "z", 1, 0)
    assert not z.repeats_result and z.numbers_then_result == f"{z.substituted} {z.result}"
    assert "0.15" in z.numbers_then_result and z.numbers_then_result.endswith("= 0.3775")


def test_no_explanation_of_any_number_says_the_same_value_twice():
    kept = step_sequence(WORKED, [0.05, 0.10], [0.01, 0.99], 0.5, "layer", update_biases=False)[-1]
    batch = step_sequence(WORKED, [[0.05, 0.10], [0.3, -0.2]], [[0.01, 0.99], [0.5, 0.5]], 0.5, "layer")[-1]
    for step in (kept, batch):
        for layer, size in enumerate(step.network.sizes):
            for j, quantity in itertools.product(range(size), available_quantities(step, layer, 0)):
                shown = explain(step, quantity, layer, j, 0).numbers_then_result
                assert not re.search(r"(= [^=]+?) \1$", shown), (quantity, layer, j, shown)
