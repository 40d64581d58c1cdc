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
