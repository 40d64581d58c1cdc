"""The pieces of the explanations that depend on the activation or the loss:
each returns (formula in symbols, the same with numbers) as LaTeX.

Layer l, neuron j; `z`, `a` and `y` are one example's rows; `names` (names.Names)
writes every neuron's name, so the formulas follow the notation on show. The
formulas are the ones the engine computes (see activations.py and losses.py).
"""
from .activations import LEAKY_SLOPE
from .formatting import latex_number, paren
from .names import LAYER

LEAKY = latex_number(LEAKY_SLOPE)   # the slope the math uses, as the explanations write it


def activation_term(name, l, j, z, names=LAYER):
    """a = f(z) for the layer's activation `name`; `z` is the layer's row (softmax needs all)."""
    zj, value = names.z(l, j), z[j]
    if name == "sigmoid":
        return rf"\sigma({zj}) = \frac{{1}}{{1 + e^{{-{zj}}}}}", rf"\frac{{1}}{{1 + e^{{-{paren(value)}}}}}"
    if name == "tanh":
        return rf"\tanh({zj})", rf"\tanh({latex_number(value)})"
    if name == "relu":
        return rf"\max(0,\, {zj})", rf"\max(0,\, {latex_number(value)})"
    if name == "leaky_relu":
        formula = rf"\begin{{cases}} {zj} & {zj} > 0 \\ {LEAKY}\, {zj} & {zj} \le 0 \end{{cases}}"
        return formula, (latex_number(value) if value > 0 else rf"{LEAKY} \cdot {paren(value)}")
    if name == "linear":
        return zj, latex_number(value)
    # softmax
    denominator = " + ".join(rf"e^{{{latex_number(v)}}}" for v in z)
    exponentials = names.over(len(z), lambda i: "e^{" + names.z(l, i) + "}", "i")
    return (rf"\frac{{e^{{{zj}}}}}{{{exponentials}}}",
            rf"\frac{{e^{{{latex_number(value)}}}}}{{{denominator}}}")


def derivative_term(name, l, j, z, a, names=LAYER):
    """f′(z) of an elementwise activation, written through a or z as the engine does."""
    aj, zj = names.a(l, j), names.z(l, j)
    if name == "sigmoid":
        return rf"{aj}\,(1 - {aj})", rf"{paren(a)} \cdot (1 - {paren(a)})"
    if name == "tanh":
        return rf"\big(1 - ({aj})^2\big)", rf"\big(1 - {paren(a)}^2\big)"
    if name == "relu":
        return rf"\mathbb{{1}}[{zj} > 0]", "1" if z > 0 else "0"
    if name == "leaky_relu":
        return rf"f'({zj})", "1" if z > 0 else LEAKY
    if name == "linear":
        return "1", "1"
    raise ValueError(f"{name} has no elementwise derivative")


def loss_term(loss, l, y, a, names=LAYER):
    """E of one example for the output layer l."""
    count = len(y)

    def squared(k):
        return rf"({names.y(l, k)} - {names.a(l, k)})^2"

    def log_likelihood(k):
        return rf"{names.y(l, k)} \ln {names.a(l, k)}"

    def binary(k):
        return rf"{log_likelihood(k)} + (1 - {names.y(l, k)}) \ln(1 - {names.a(l, k)})"
    if loss == "squared_error":
        terms = " + ".join(rf"({paren(y[k])} - {paren(a[k])})^2" for k in range(count))
        return rf"\frac{{1}}{{2}} \big[{names.over(count, squared)}\big]", rf"\frac{{1}}{{2}}\big[{terms}\big]"
    if loss == "cross_entropy":
        terms = " + ".join(rf"{paren(y[k])} \ln {paren(a[k])}" for k in range(count) if y[k] != 0) or "0"
        return rf"-\big[{names.over(count, log_likelihood)}\big]", rf"-\big[{terms}\big]"
    terms = []
    for k in range(count):
        if y[k] != 0:
            terms.append(rf"{paren(y[k])} \ln {paren(a[k])}")
        if y[k] != 1:
            terms.append(rf"(1 - {paren(y[k])}) \ln(1 - {paren(a[k])})")
    return rf"-\big[{names.over(count, binary)}\big]", rf"-\big[{' + '.join(terms) or '0'}\big]"


def _loss_gradient(loss, l, j, y, a, names=LAYER):
    """∂E/∂a_j: (formula, with numbers, value)."""
    aj, yj = names.a(l, j), names.y(l, j)
    if loss == "squared_error":
        return rf"({aj} - {yj})", rf"({paren(a[j])} - {paren(y[j])})", a[j] - y[j]
    if loss == "cross_entropy":
        return (rf"\left(-\frac{{{yj}}}{{{aj}}}\right)",
                rf"\left(-\frac{{{latex_number(y[j])}}}{{{latex_number(a[j])}}}\right)",
                0.0 if y[j] == 0 else -y[j] / a[j])
    value = (a[j] - y[j]) / (a[j] * (1 - a[j])) if 0 < a[j] < 1 else float("nan")
    return (rf"\frac{{{aj} - {yj}}}{{{aj}\,(1 - {aj})}}",
            rf"\frac{{{paren(a[j])} - {paren(y[j])}}}{{{paren(a[j])}\,(1 - {paren(a[j])})}}", value)


def output_delta_term(loss, activation, l, j, y, a, z, names=LAYER):
    """δ of output neuron j: the loss's fused form where the engine uses one, else the chain rule."""
    aj, yj, count = names.a(l, j), names.y(l, j), len(a)
    if (loss, activation) == ("binary_cross_entropy", "sigmoid") or \
            ((loss, activation) == ("cross_entropy", "softmax") and abs(sum(y) - 1) < 1e-12):
        return rf"{aj} - {yj}", rf"{paren(a[j])} - {paren(y[j])}"
    if (loss, activation) == ("cross_entropy", "softmax"):
        targets = " + ".join(paren(v) for v in y)
        return (rf"{aj} \big({names.over(count, lambda k: names.y(l, k))}\big) - {yj}",
                rf"{paren(a[j])} \cdot ({targets}) - {paren(y[j])}")
    if activation == "softmax":   # the Jacobian: δ_j = a_j (g_j − Σ_i g_i a_i), g = ∂E/∂a
        gradients = [_loss_gradient(loss, l, i, y, a)[2] for i in range(count)]
        weighted = " + ".join(rf"{paren(g)} \cdot {paren(ai)}" for g, ai in zip(gradients, a))
        weighted_sum = names.over(count, lambda i: rf"{names.indexed('g', l, i)}\, {names.a(l, i)}", "i")
        formula = (rf"{aj} \Big({names.indexed('g', l, j)} - \big({weighted_sum}\big)\Big),\quad "
                   rf"g = \frac{{\partial E}}{{\partial a}}")
        return formula, rf"{paren(a[j])} \cdot \big({paren(gradients[j])} - ({weighted})\big)"
    g_formula, g_numbers, _ = _loss_gradient(loss, l, j, y, a, names)
    d_formula, d_numbers = derivative_term(activation, l, j, z[j], a[j], names)
    return rf"{g_formula} \cdot {d_formula}", rf"{g_numbers} \cdot {d_numbers}"
