"""The pieces of the explanations that depend on the activation or the loss:
each returns (formula in symbols, the same with numbers) as LaTeX.

Layer l, neuron j; `z`, `a` and `y` are one example's rows. The formulas are
the ones the engine computes (see activations.py and losses.py).
"""
from .activations import LEAKY_SLOPE
from .formatting import latex_number, paren

LEAKY = latex_number(LEAKY_SLOPE)   # the slope the math uses, as the explanations write it


def _a(l, j):
    return rf"a^{{({l})}}_{{{j}}}"


def _z(l, j):
    return rf"z^{{({l})}}_{{{j}}}"


def activation_term(name, l, j, z):
    """a = f(z) for the layer's activation `name`; `z` is the layer's row (softmax needs all)."""
    zj, value = _z(l, j), z[j]
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
    return (rf"\frac{{e^{{{zj}}}}}{{\sum_{{i}} e^{{z^{{({l})}}_{{i}}}}}}",
            rf"\frac{{e^{{{latex_number(value)}}}}}{{{denominator}}}")


def derivative_term(name, l, j, z, a):
    """f′(z) of an elementwise activation, written through a or z as the engine does."""
    aj, zj = _a(l, j), _z(l, j)
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


def loss_term(loss, l, y, a):
    """E of one example for the output layer l."""
    count = len(y)
    if loss == "squared_error":
        terms = " + ".join(rf"({paren(y[k])} - {paren(a[k])})^2" for k in range(count))
        return (rf"\frac{{1}}{{2}} \sum_{{k}} (y_{{k}} - a^{{({l})}}_{{k}})^2", rf"\frac{{1}}{{2}}\big[{terms}\big]")
    if loss == "cross_entropy":
        terms = " + ".join(rf"{paren(y[k])} \ln {paren(a[k])}" for k in range(count) if y[k] != 0) or "0"
        return rf"-\sum_{{k}} y_{{k}} \ln a^{{({l})}}_{{k}}", rf"-\big[{terms}\big]"
    terms = []
    for k in range(count):
        if y[k] != 0:
            terms.append(rf"{paren(y[k])} \ln {paren(a[k])}")
        if y[k] != 1:
            terms.append(rf"(1 - {paren(y[k])}) \ln(1 - {paren(a[k])})")
    return (rf"-\sum_{{k}} \big[y_{{k}} \ln a^{{({l})}}_{{k}} + (1 - y_{{k}}) \ln(1 - a^{{({l})}}_{{k}})\big]",
            rf"-\big[{' + '.join(terms) or '0'}\big]")


def _loss_gradient(loss, l, j, y, a):
    """∂E/∂a_j: (formula, with numbers, value)."""
    aj = _a(l, j)
    if loss == "squared_error":
        return rf"({aj} - y_{{{j}}})", rf"({paren(a[j])} - {paren(y[j])})", a[j] - y[j]
    if loss == "cross_entropy":
        return (rf"\left(-\frac{{y_{{{j}}}}}{{{aj}}}\right)",
                rf"\left(-\frac{{{latex_number(y[j])}}}{{{latex_number(a[j])}}}\right)",
                0.0 if y[j] == 0 else -y[j] / a[j])
    value = (a[j] - y[j]) / (a[j] * (1 - a[j])) if 0 < a[j] < 1 else float("nan")
    return (rf"\frac{{{aj} - y_{{{j}}}}}{{{aj}\,(1 - {aj})}}",
            rf"\frac{{{paren(a[j])} - {paren(y[j])}}}{{{paren(a[j])}\,(1 - {paren(a[j])})}}", value)


def output_delta_term(loss, activation, l, j, y, a, z):
    """δ of output neuron j: the loss's fused form where the engine uses one, else the chain rule."""
    aj = _a(l, j)
    if (loss, activation) == ("binary_cross_entropy", "sigmoid") or \
            ((loss, activation) == ("cross_entropy", "softmax") and abs(sum(y) - 1) < 1e-12):
        return rf"{aj} - y_{{{j}}}", rf"{paren(a[j])} - {paren(y[j])}"
    if (loss, activation) == ("cross_entropy", "softmax"):
        targets = " + ".join(paren(v) for v in y)
        return (rf"{aj} \sum_{{k}} y_{{k}} - y_{{{j}}}", rf"{paren(a[j])} \cdot ({targets}) - {paren(y[j])}")
    if activation == "softmax":   # the Jacobian: δ_j = a_j (g_j − Σ_i g_i a_i), g = ∂E/∂a
        gradients = [_loss_gradient(loss, l, i, y, a)[2] for i in range(len(a))]
        weighted = " + ".join(rf"{paren(g)} \cdot {paren(ai)}" for g, ai in zip(gradients, a))
        formula = (rf"{aj} \Big(g_{{{j}}} - \sum_{{i}} g_{{i}}\, a^{{({l})}}_{{i}}\Big),\quad "
                   rf"g_{{i}} = \frac{{\partial E}}{{\partial a^{{({l})}}_{{i}}}}")
        return formula, rf"{paren(a[j])} \cdot \big({paren(gradients[j])} - ({weighted})\big)"
    g_formula, g_numbers, _ = _loss_gradient(loss, l, j, y, a)
    d_formula, d_numbers = derivative_term(activation, l, j, z[j], a[j])
    return rf"{g_formula} \cdot {d_formula}", rf"{g_numbers} \cdot {d_numbers}"
