"""Names of quantities in figure text, in the explanations' notation with Unicode
super- and subscripts: a⁽¹⁾₀, δ⁽²⁾₁, w⁽²⁾₀₁ (weights[1][0, 1]), b⁽¹⁾₀."""

_SUPER = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
_SUB = str.maketrans("0123456789,", "₀₁₂₃₄₅₆₇₈₉,")


def _indices(*numbers):
    # two-digit indices are separated by a comma so w⁽¹⁾₁₀,₂ stays unambiguous
    joined = ("," if any(n >= 10 for n in numbers) else "").join(str(n) for n in numbers)
    return joined.translate(_SUB)


def neuron_name(symbol, layer, j):
    """e.g. a⁽¹⁾₀ for symbol "a", layer 1, neuron 0."""
    return f"{symbol}{f'({layer})'.translate(_SUPER)}{_indices(j)}"


def weight_name(layer, j, k):
    """w⁽ˡ⁾ⱼₖ: weights[layer-1][j, k], from neuron k of layer−1 to neuron j of layer."""
    return f"w{f'({layer})'.translate(_SUPER)}{_indices(j, k)}"


def layer_mark(layer):
    """The layer superscript alone: ⁽²⁾."""
    return f"({layer})".translate(_SUPER)


def tutorial_names_fit(sizes):
    """The tutorial's names (i1 i2, h1 h2, o1 o2, w1…w8, b1 b2) exist for 2-2-2 networks only."""
    return list(sizes) == [2, 2, 2]


def tutorial_neuron(layer, j):
    """i1, i2 (inputs), h1, h2 (hidden), o1, o2 (outputs) of a 2-2-2 network."""
    return f"{'iho'[layer]}{j + 1}"


def tutorial_weight(layer, j, k):
    """w1…w8 of a 2-2-2 network: w1 = weights[0][0, 0] (i1 → h1), w2 = weights[0][0, 1] (i2 → h1),
    w3 = weights[0][1, 0], w4 = weights[0][1, 1], then w5…w8 the same way into o1, o2."""
    return f"w{4 * (layer - 1) + 2 * j + k + 1}"


def tutorial_bias(layer):
    """b1 (the hidden layer's bias), b2 (the output layer's): the tutorial shares one per layer."""
    return f"b{layer}"


def parameter_names(sizes, tutorial=False):
    """Names of every weight and bias as two functions, (weight(l, j, k), bias(l, j)): the tutorial's
    w1…w8, b1, b2 when asked for and the network is 2-2-2, else w⁽ˡ⁾ⱼₖ and b⁽ˡ⁾ⱼ."""
    if tutorial and tutorial_names_fit(sizes):
        return tutorial_weight, lambda layer, j: tutorial_bias(layer)
    return weight_name, lambda layer, j: neuron_name("b", layer, j)


def script_names(sizes, tutorial=False):
    """The `names` of `pytorch_script` / `numpy_script` (keys ("weight", l, j, k), ("bias", l, j),
    ("neuron", l, j)): the tutorial's w1…w8, b1, b2 and i1, i2, h1, h2, o1, o2 when asked for and
    the network is 2-2-2 (δ is then named δo1, δh1), else the diagram's w⁽ˡ⁾ⱼₖ and b⁽ˡ⁾ⱼ."""
    weight, bias = parameter_names(sizes, tutorial)
    names = {}
    for layer, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        names.update({("weight", layer, j, k): weight(layer, j, k) for j in range(fan_out) for k in range(fan_in)})
        names.update({("bias", layer, j): bias(layer, j) for j in range(fan_out)})
    if tutorial and tutorial_names_fit(sizes):
        names.update({("neuron", layer, j): tutorial_neuron(layer, j)
                      for layer, count in enumerate(sizes) for j in range(count)})
    return names
