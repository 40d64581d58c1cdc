"""`numpy_script`: one pass of a network as a standalone NumPy script whose backward
pass is written by hand, line by line in the order of the inspector's formulas:
δ of the output layer from the loss, δ of each hidden layer from the one after it,
then ∂E/∂w = mean_n δ aᵀ (+ the penalty), then the update. See script_common.py for
what every script holds and prints.
"""
from .activations import LEAKY_SLOPE
from .script_common import (
    check_script_input,
    data_lines,
    deltas_of,
    header_lines,
    neurons_of,
    number,
    parameter_lines,
    print_helper,
    show_lines,
)

# f(z) and f′(z) of each elementwise activation, in the engine's forms (activations.py)
FUNCTIONS = {
    "sigmoid": ["def sigmoid(z):",
                "    return 1.0 / (1.0 + np.exp(-z))   # σ(z) = 1 / (1 + e^-z)",
                "",
                "def sigmoid_prime(z, a):",
                "    return a * (1.0 - a)   # σ′(z) = σ(z)(1 − σ(z)) = a(1 − a)"],
    "tanh": ["def tanh(z):",
             "    return np.tanh(z)",
             "",
             "def tanh_prime(z, a):",
             "    return 1.0 - a * a   # tanh′(z) = 1 − tanh²(z) = 1 − a²"],
    "relu": ["def relu(z):",
             "    return np.maximum(z, 0.0)",
             "",
             "def relu_prime(z, a):",
             "    return (z > 0).astype(float)   # 1 where z > 0, else 0 (0 at the kink)"],
    "leaky_relu": ["def leaky_relu(z):",
                   f"    return np.where(z > 0, z, {number(LEAKY_SLOPE)} * z)",
                   "",
                   "def leaky_relu_prime(z, a):",
                   f"    return np.where(z > 0, 1.0, {number(LEAKY_SLOPE)})"],
    "linear": ["def linear(z):",
               "    return z + 0.0",
               "",
               "def linear_prime(z, a):",
               "    return np.ones_like(z)"],
    "softmax": ["def softmax(z):",
                "    e = np.exp(z - z.max(axis=1, keepdims=True))   # shifted: no overflow",
                "    return e / e.sum(axis=1, keepdims=True)   # a_j = e^z_j / Σ_i e^z_i"],
}


def numpy_script(net, X, Y, learning_rate, l1=0.0, l2=0.0, update_biases=True, names=None) -> str:
    """A self-contained Python script (NumPy only, never bpviz) that runs one forward pass,
    a hand-written backward pass and one gradient-descent step of `net` on (X, Y) in
    float64 and prints the objective E, every gradient and every updated parameter.

    X `(n, sizes[0])`, Y `(n, sizes[L])` with n ≤ MAX_SCRIPT_ROWS; η, λ₁ = l1, λ₂ = l2 as in
    `backward` and `sgd_step`; update_biases=False keeps the biases; `names` as in
    script_common.py. Raises `NetworkError` for bad arguments.
    """
    script = check_script_input(net, X, Y, learning_rate, l1, l2, update_biases, names)
    lines = header_lines(script, "by hand in NumPy") + ["", "import numpy as np", ""]
    lines += data_lines(script, "np.array(", lambda trainable: ")") + [""]
    lines += parameter_lines(script, "np.array(", lambda trainable: ")") + [""]
    for name in dict.fromkeys(script.net.activations):   # each function used, once
        lines += FUNCTIONS[name] + ["", ""]
    lines += _forward(script) + [""] + _loss(script) + [""] + _backward(script) + [""]
    lines += _update(script) + [""] + print_helper() + [""]
    lines += show_lines(script, "float(E)", lambda kind, l: f"d{kind}{l}.ravel()",
                        lambda kind, l: f"{kind}{l}_new.ravel()")
    return "\n".join(lines) + "\n"


def _forward(script):
    net, names = script.net, script.names
    lines = ["# Forward pass, layer by layer: z = a W^T + b (z_j = Σ_k w_jk a_k + b_j), then a = f(z)", "a0 = X"]
    for l, name in enumerate(net.activations, start=1):
        lines += [f"z{l} = a{l - 1} @ W{l}.T + b{l}   # z of {neurons_of(names, l, net.sizes[l])}",
                  f"a{l} = {name}(z{l})"]
    return lines


def _log_lines(script, L):
    """log_a (and log_1ma for binary cross-entropy) of the output, stably from z where the engine does."""
    out, loss = script.net.activations[-1], script.net.loss
    if out == "sigmoid":
        lines = [f"log_a = -np.logaddexp(0.0, -z{L})   # ln σ(z) = −ln(1 + e^-z)"]
    elif out == "softmax":
        lines = [f"shifted = z{L} - z{L}.max(axis=1, keepdims=True)",
                 "log_a = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))   # ln a_j = z_j − ln Σ e^z_i"]
    else:
        lines = [f"log_a = np.log(np.where(Y != 0, a{L}, 1.0))   # only where y ≠ 0 (0 · ln 0 counts as 0)"]
    if loss == "binary_cross_entropy":
        if out == "sigmoid":
            lines.append(f"log_1ma = -np.logaddexp(0.0, z{L})   # ln(1 − σ(z)) = −ln(1 + e^z)")
        else:
            lines.append(f"log_1ma = np.log1p(-np.where(Y != 1, a{L}, 0.0))   # ln(1 − a), only where y ≠ 1")
    return lines


def _loss(script):
    net, L = script.net, len(script.net.weights)
    weights = range(1, L + 1)
    lines = ["# Loss of each example E_n, then the objective E = mean_n E_n + the penalty"]
    if net.loss == "squared_error":
        lines.append(f"losses = 0.5 * np.sum((Y - a{L}) ** 2, axis=1)   # E_n = ½ Σ_k (y_k − a_k)²")
    elif net.loss == "cross_entropy":
        lines += _log_lines(script, L)
        lines.append("losses = -np.sum(np.where(Y != 0, Y * log_a, 0.0), axis=1)   # E_n = −Σ_k y_k ln a_k")
    else:
        lines += _log_lines(script, L)
        lines += ["terms = np.where(Y != 0, Y * log_a, 0.0) + np.where(Y != 1, (1 - Y) * log_1ma, 0.0)",
                  "losses = -np.sum(terms, axis=1)   # E_n = −Σ_k [y_k ln a_k + (1 − y_k) ln(1 − a_k)]"]
    lines += ["penalty = (l1 * (" + " + ".join(f"np.abs(W{l}).sum()" for l in weights) + ")",
              "           + l2 / 2 * (" + " + ".join(f"(W{l} ** 2).sum()" for l in weights) + "))",
              "E = losses.mean() + penalty"]
    return lines


def _output_delta(script, L):
    """The lines computing δ of the output layer, the way the engine does for this pair."""
    net, names = script.net, script.names
    out, loss = net.activations[-1], net.loss
    deltas = deltas_of(names, L, net.sizes[-1])
    if (out, loss) == ("sigmoid", "binary_cross_entropy"):
        return [f"delta{L} = a{L} - Y   # {deltas}: δ = a − y (σ′ = a(1 − a) cancels the loss's denominator)"]
    if (out, loss) == ("softmax", "cross_entropy"):
        return [f"delta{L} = a{L} * Y.sum(axis=1, keepdims=True) - Y   # {deltas}: δ_j = a_j Σ_k y_k − y_j "
                "(= a − y for one-hot y)"]
    if loss == "squared_error":
        lines = [f"dE_da = a{L} - Y   # ∂E_n/∂a = a − y"]
    elif loss == "cross_entropy":
        lines = [f"dE_da = -np.where(Y != 0, Y / np.where(Y != 0, a{L}, 1.0), 0.0)   # ∂E_n/∂a = −y / a"]
    else:
        lines = [f"dE_da = (-np.where(Y != 0, Y / np.where(Y != 0, a{L}, 1.0), 0.0)",
                 f"         + np.where(Y != 1, (1 - Y) / np.where(Y != 1, 1 - a{L}, 1.0), 0.0))"
                 "   # ∂E_n/∂a = −y/a + (1 − y)/(1 − a)"]
    if out == "softmax":
        return lines + [f"delta{L} = a{L} * (dE_da - np.sum(dE_da * a{L}, axis=1, keepdims=True))"
                        f"   # {deltas}: the softmax Jacobian, δ_j = a_j (g_j − Σ_i g_i a_i), g = ∂E_n/∂a"]
    return lines + [f"delta{L} = dE_da * {out}_prime(z{L}, a{L})   # {deltas}: δ = ∂E_n/∂a · f′(z)"]


def _backward(script):
    net, names = script.net, script.names
    L = len(net.weights)
    lines = ["# Backward pass: δ = ∂E_n/∂z for each example, output layer first", "n = len(X)   # examples"]
    lines += _output_delta(script, L)
    for l in range(L - 1, 0, -1):
        lines.append(f"delta{l} = (delta{l + 1} @ W{l + 1}) * {net.activations[l - 1]}_prime(z{l}, a{l})"
                     f"   # {deltas_of(names, l, net.sizes[l])}: δ_j = (Σ_i w_ij δ_i) f′(z_j)")
    penalised = script.l1 > 0 or script.l2 > 0
    lines.append("# Gradients of E: ∂E/∂w_jk = mean_n δ_j a_k" + (" + λ₁ sign(w_jk) + λ₂ w_jk" if penalised else "")
                 + ",  ∂E/∂b_j = mean_n δ_j")
    for l in range(L, 0, -1):
        penalty = f" + l1 * np.sign(W{l}) + l2 * W{l}" if penalised else ""
        lines += [f"dW{l} = delta{l}.T @ a{l - 1} / n{penalty}",
                  f"db{l} = delta{l}.sum(axis=0) / n"]
    return lines


def _update(script):
    L = len(script.net.weights)
    lines = ["# Update: w ← w − η ∂E/∂w" + (",  b ← b − η ∂E/∂b" if script.update_biases else " (the biases are kept)")]
    for l in range(1, L + 1):
        lines.append(f"W{l}_new = W{l} - learning_rate * dW{l}")
        lines.append(f"b{l}_new = b{l} - learning_rate * db{l}" if script.update_biases else f"b{l}_new = b{l}.copy()")
    return lines
