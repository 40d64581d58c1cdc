"""`pytorch_script`: one pass of a network as a standalone PyTorch script. The network
is rebuilt from float64 tensors, the forward pass and the objective are written out,
autograd does the backward pass and `torch.optim.SGD` the update, so the learner sees
the same numbers come out of the tool they move on to. See script_common.py for what
every script holds and prints.
"""
from .activations import LEAKY_SLOPE
from .script_common import (
    check_script_input,
    data_lines,
    header_lines,
    neurons_of,
    number,
    parameter_lines,
    print_helper,
    show_lines,
)

# a = f(z) in PyTorch, for each activation (the derivatives are autograd's)
FUNCTIONS = {
    "sigmoid": "torch.sigmoid({z})",
    "tanh": "torch.tanh({z})",
    "relu": "torch.relu({z})",
    "leaky_relu": "torch.nn.functional.leaky_relu({z}, negative_slope=" + number(LEAKY_SLOPE) + ")",
    "linear": "{z}",
    "softmax": "torch.softmax({z}, dim=1)",
}


def _tensor_close(trainable):
    return ", dtype=torch.float64" + (", requires_grad=True)" if trainable else ")")


def pytorch_script(net, X, Y, learning_rate, l1=0.0, l2=0.0, update_biases=True, names=None) -> str:
    """A self-contained Python script (PyTorch, never bpviz) that rebuilds `net` in float64,
    runs one forward pass, the backward pass by autograd and one SGD step on (X, Y), and
    prints the objective E, every gradient and every updated parameter.

    E = mean_n E_n + λ₁ Σ|w| + (λ₂/2) Σ w² (l1 = λ₁, l2 = λ₂, weights only) is written
    into the loss, so autograd differentiates the penalty too; update_biases=False leaves
    the biases out of the optimiser. X, Y, η and `names` as in `numpy_script`.
    """
    script = check_script_input(net, X, Y, learning_rate, l1, l2, update_biases, names)
    net = script.net
    L = len(net.weights)
    lines = header_lines(script, "with PyTorch autograd") + ["", "import torch", ""]
    lines += data_lines(script, "torch.tensor(", _tensor_close) + [""]
    lines += parameter_lines(script, "torch.tensor(", _tensor_close) + [""]
    lines += ["# Forward pass, layer by layer: z = a W^T + b (z_j = Σ_k w_jk a_k + b_j), then a = f(z)", "a0 = X"]
    for l, name in enumerate(net.activations, start=1):
        lines += [f"z{l} = a{l - 1} @ W{l}.T + b{l}   # z of {neurons_of(script.names, l, net.sizes[l])}",
                  f"a{l} = " + FUNCTIONS[name].format(z=f"z{l}")]
    lines += [""] + _loss(script, L) + [""]
    trained = ", ".join(f"W{l}" for l in range(1, L + 1))
    if script.update_biases:
        trained += ", " + ", ".join(f"b{l}" for l in range(1, L + 1))
    lines += [
        "# Backward pass: autograd fills .grad of every tensor made with requires_grad=True",
        "E.backward()",
        "",
        "# Update: plain SGD, w ← w − η ∂E/∂w"
        + ("" if script.update_biases else " (the biases are kept: not given to it)"),
        f"optimizer = torch.optim.SGD([{trained}], lr=learning_rate)",
        "optimizer.step()",
        "",
    ]
    lines += print_helper() + [""]
    lines += show_lines(script, "E.item()", lambda kind, l: f"{kind}{l}.grad.ravel()",
                        lambda kind, l: f"{kind}{l}.detach().ravel()")
    return "\n".join(lines) + "\n"


def _loss(script, L):
    """E_n of each example (stable logs from z where the engine uses them), then E."""
    out, loss = script.net.activations[-1], script.net.loss
    lines = ["# Loss of each example E_n, then the objective E = mean_n E_n + the penalty"]
    if loss == "squared_error":
        lines.append(f"losses = 0.5 * ((Y - a{L}) ** 2).sum(dim=1)   # E_n = ½ Σ_k (y_k − a_k)²")
    else:
        if out == "sigmoid":
            lines.append(f"log_a = torch.nn.functional.logsigmoid(z{L})   # ln σ(z), stable")
        elif out == "softmax":
            lines.append(f"log_a = torch.log_softmax(z{L}, dim=1)   # ln a_j = z_j − ln Σ e^z_i, stable")
        else:
            lines.append(f"log_a = torch.log(torch.where(Y != 0, a{L}, torch.ones_like(a{L})))"
                         "   # only where y ≠ 0 (0 · ln 0 counts as 0)")
        if loss == "binary_cross_entropy":
            if out == "sigmoid":
                lines.append(f"log_1ma = torch.nn.functional.logsigmoid(-z{L})   # ln(1 − σ(z)) = ln σ(−z)")
            else:
                lines.append(f"log_1ma = torch.log1p(-torch.where(Y != 1, a{L}, torch.zeros_like(a{L})))"
                             "   # ln(1 − a), only where y ≠ 1")
            lines += ["terms = (torch.where(Y != 0, Y * log_a, torch.zeros_like(Y))",
                      "         + torch.where(Y != 1, (1 - Y) * log_1ma, torch.zeros_like(Y)))",
                      "losses = -terms.sum(dim=1)   # E_n = −Σ_k [y_k ln a_k + (1 − y_k) ln(1 − a_k)]"]
        else:
            lines.append("losses = -torch.where(Y != 0, Y * log_a, torch.zeros_like(Y)).sum(dim=1)"
                         "   # E_n = −Σ_k y_k ln a_k")
    weights = range(1, L + 1)
    lines += ["penalty = (l1 * (" + " + ".join(f"W{l}.abs().sum()" for l in weights) + ")",
              "           + l2 / 2 * (" + " + ".join(f"(W{l} ** 2).sum()" for l in weights) + "))",
              "E = losses.mean() + penalty"]
    return lines
