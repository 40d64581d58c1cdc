"""What the PyTorch and the NumPy script of one pass share: checking the arguments,
the names of the learner's notation, the network and data written as literals, and
the lines that print the results.

A script holds the network's parameters, the data, η, λ₁ and λ₂ as literals (what
the learner typed or trained) and computes everything else: no gradient, loss or
updated weight appears in it as a number. It prints one result per line as
`label = value`, each value with 12 significant digits (`PRINTED`), in this order:
the objective E, then per layer (input side first) every ∂E/∂w, every ∂E/∂b, every
updated weight and every updated (or kept) bias.

Names. `names` maps keys to the learner's names, used in comments and printed labels:
("weight", l, j, k) -> e.g. "w5" (weights[l-1][j, k]), ("bias", l, j) -> "b1",
("neuron", l, j) -> "h1" (layer l, neuron j; δ and a are named after it: "δh1").
Missing keys fall back to the matrix notation W2[0,1], b2[0], "neuron 0 of layer 2".
"""
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .errors import NetworkError
from .network import Network
from .penalty import check_penalties
from .update import check_learning_rate
from .validation import check_batch, check_bool, check_same_rows, check_type

MAX_SCRIPT_ROWS = 100      # rows a script carries as literals
MAX_NAME_CHARS = 24
NAME = re.compile(r"[^\x00-\x1f\x7f\"'\\#]{1,24}")   # MAX_NAME_CHARS on one line, no quotes, backslashes or #
PRINTED = "#.12g"          # the format of every printed number: 12 significant digits, zeros kept


@dataclass(frozen=True)
class ScriptInput:
    """The checked arguments of a script: network, data (float64), η, λ₁, λ₂, whether
    biases are updated, and the names."""
    net: Network
    X: np.ndarray
    Y: np.ndarray
    learning_rate: float
    l1: float
    l2: float
    update_biases: bool
    names: Mapping


def check_script_input(net, X, Y, learning_rate, l1, l2, update_biases, names) -> ScriptInput:
    """Every argument of `pytorch_script` / `numpy_script`, checked (`NetworkError`)."""
    check_type(net, Network, "net")
    X = check_batch(X, "X (inputs)", net.sizes[0], MAX_SCRIPT_ROWS)
    Y = check_batch(Y, "Y (targets)", net.sizes[-1], MAX_SCRIPT_ROWS)
    check_same_rows(len(X), len(Y))
    learning_rate = check_learning_rate(learning_rate)
    l1, l2 = check_penalties(l1, l2)
    update_biases = check_bool(update_biases, "update_biases")
    names = {} if names is None else names
    if not isinstance(names, Mapping) or not all(isinstance(v, str) and NAME.fullmatch(v) for v in names.values()):
        raise NetworkError("script_names", most=MAX_NAME_CHARS)
    return ScriptInput(net, X, Y, learning_rate, l1, l2, update_biases, dict(names))


# ---- names --------------------------------------------------------------------------------

def weight_label(names, l, j, k):
    """The name of weights[l-1][j, k]: the learner's, or W{l}[j,k]."""
    return names.get(("weight", l, j, k), f"W{l}[{j},{k}]")


def bias_labels(names, l, count):
    """The names of the biases of layer l: the learner's where they are all distinct, else b{l}[j]
    (the classic worked example shares one b1 between two neurons: b1[0], b1[1] keep them apart)."""
    given = [names.get(("bias", l, j)) for j in range(count)]
    if None not in given and len(set(given)) == count:
        return given
    return [f"b{l}[{j}]" for j in range(count)]


def neuron_label(names, l, j):
    return names.get(("neuron", l, j), f"neuron {j} of layer {l}")


def neurons_of(names, l, count):
    """'h1, h2' or 'neurons 0-1 of layer 1': the neurons of layer l, for a comment."""
    if all(("neuron", l, j) in names for j in range(count)):
        return ", ".join(names[("neuron", l, j)] for j in range(count))
    return f"neuron 0 of layer {l}" if count == 1 else f"neurons 0-{count - 1} of layer {l}"


def deltas_of(names, l, count):
    """'δh1, δh2' or 'δ of neurons 0-1 of layer 1'."""
    if all(("neuron", l, j) in names for j in range(count)):
        return ", ".join("δ" + names[("neuron", l, j)] for j in range(count))
    return "δ of " + neurons_of(names, l, count)


# ---- literals -----------------------------------------------------------------------------

def number(value):
    """A float64 as a Python literal that reads back to the same float."""
    return repr(float(value))


def matrix_literal(rows, indent):
    """[[...], [...]] with one row per line, each number exact."""
    lines = ["[" + ", ".join(number(v) for v in row) + "]" for row in np.atleast_2d(rows)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def vector_literal(values):
    return "[" + ", ".join(number(v) for v in values) + "]"


def name_grid(names, l, shape):
    """Comment lines showing which learner's name sits where in weights[l-1]."""
    fan_out, fan_in = shape
    width = max(len(weight_label(names, l, j, k)) for j in range(fan_out) for k in range(fan_in))
    rows = ["[" + ", ".join(weight_label(names, l, j, k).ljust(width) for k in range(fan_in)) + "]"
            for j in range(fan_out)]
    return [f"#   {row}" for row in rows]


def layer_kind(net, l):
    return "output" if l == len(net.weights) else "hidden"


def penalty_comment(script):
    if script.l1 == 0 and script.l2 == 0:
        return "no penalty: l1 = l2 = 0"
    return "E = mean loss + l1·Σ|w| + (l2/2)·Σw², over every weight (never the biases)"


# ---- printing the results -----------------------------------------------------------------

def print_helper():
    """The script's `show` function: one `label = value` line per entry."""
    return [
        "def show(prefix, labels, values):",
        '    """Print each value with its label, 12 significant digits."""',
        "    for label, value in zip(labels, values):",
        f'        print(f"{{prefix}}{{label}} = {{float(value):{PRINTED}}}")',
    ]


def label_lists(script):
    """Per layer l = 1..L: (weight labels row by row, bias labels), as Python literals."""
    net, names = script.net, script.names
    out = []
    for l, w in enumerate(net.weights, start=1):
        weights = [weight_label(names, l, j, k) for j in range(w.shape[0]) for k in range(w.shape[1])]
        out.append((repr(weights), repr(bias_labels(names, l, w.shape[0]))))
    return out


def show_lines(script, loss, grad, new):
    """The print lines: the objective (expression `loss`), then per layer ∂E/∂w and ∂E/∂b, then
    per layer new w and new b. `grad(kind, l)` and `new(kind, l)` give the expression of the
    gradient / updated value of "W" or "b" of layer l as a flat sequence."""
    lines = ['print(f"loss E = {' + loss + ':' + PRINTED + '}")']
    for l, (weights, biases) in enumerate(label_lists(script), start=1):
        lines += [f'show("dE/d", {weights}, {grad("W", l)})',
                  f'show("dE/d", {biases}, {grad("b", l)})']
    for l, (weights, biases) in enumerate(label_lists(script), start=1):
        lines += [f'show("new ", {weights}, {new("W", l)})',
                  f'show("new ", {biases}, {new("b", l)})']
    return lines


# ---- the sections both scripts share ------------------------------------------------------

def header_lines(script, how):
    """The opening comment: what the script does, for which network, and the conventions."""
    net = script.net
    sizes = "-".join(str(s) for s in net.sizes)
    return [
        f"# One step of gradient descent on a {sizes} network, {how}:",
        "# forward pass, loss, backward pass, update. Written by bpviz; it needs no bpviz to run.",
        f"# Activations (layers 1..{len(net.weights)}): {', '.join(net.activations)}. Loss: {net.loss}, "
        "averaged over the examples.",
        "# Conventions: row n of X is example n; W{l}[j, k] is the weight from neuron k of layer l-1",
        "# to neuron j of layer l, so a layer computes z = a @ W.T + b, then a = f(z).",
    ]


def data_lines(script, opener, close):
    """X, Y, η, λ₁, λ₂ and n as literals. A literal array is written `opener` + nested list +
    `close(trainable)` (e.g. "np.array(" … ")")."""
    net, names = script.net, script.names
    L = len(net.weights)
    indent = len("X = ") + len(opener)
    return [
        f"# inputs, one example per row ({neurons_of(names, 0, net.sizes[0])})",
        "X = " + opener + matrix_literal(script.X, indent) + close(False),
        f"# targets ({neurons_of(names, L, net.sizes[-1])})",
        "Y = " + opener + matrix_literal(script.Y, indent) + close(False),
        f"learning_rate = {number(script.learning_rate)}   # η",
        f"l1 = {number(script.l1)}   # λ₁ ({penalty_comment(script)})",
        f"l2 = {number(script.l2)}   # λ₂",
    ]


def parameter_lines(script, opener, close):
    """Every layer's W and b as literals, with the learner's names of the weights as a grid."""
    net, names = script.net, script.names
    lines = []
    for l, (w, b) in enumerate(zip(net.weights, net.biases), start=1):
        lines.append(f"# Layer {l} ({layer_kind(net, l)}, {net.activations[l - 1]}): "
                     f"{neurons_of(names, l, w.shape[0])}. Its weights W{l}, by name:")
        lines += name_grid(names, l, w.shape)
        prefix = f"W{l} = {opener}"
        lines.append(prefix + matrix_literal(w, len(prefix)) + close(True))
        lines.append(f"# its biases b{l}: {', '.join(bias_labels(names, l, len(b)))}")
        lines.append(f"b{l} = {opener}{vector_literal(b)}{close(True)}")
    return lines
