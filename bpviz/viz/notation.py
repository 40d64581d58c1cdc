"""Names of neurons and parameters in figure text: the one naming function of bpviz.

`names_for(sizes, tutorial)` (from the engine, re-exported here and from bpviz.viz) gives a
`Names` value whose methods name every neuron and parameter, as plain text (figures, pickers,
tables, axis titles: w⁽²⁾₀₀ or w5, a⁽¹⁾₀ or h1, b⁽¹⁾₀ or b1 (h1)) and as LaTeX (the
explanations, the quiz, worksheets). Every page asks it, so one notation shows everywhere.

The functions below are the older per-name helpers, kept as thin shorthands over it.
"""
from bpviz.engine import LAYER_NAMES, TUTORIAL_NAMES, Names, names_for, tutorial_names_fit

_SUPER = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")

__all__ = ["Names", "names_for", "tutorial_names_fit", "neuron_name", "weight_name", "layer_mark",
           "tutorial_neuron", "tutorial_weight", "tutorial_bias", "parameter_names"]


def neuron_name(symbol, layer, j):
    """e.g. a⁽¹⁾₀ for symbol "a", layer 1, neuron 0 (layer notation)."""
    return LAYER_NAMES.quantity_text(symbol, layer, j)


def weight_name(layer, j, k):
    """w⁽ˡ⁾ⱼₖ: weights[layer-1][j, k], from neuron k of layer−1 to neuron j of layer."""
    return LAYER_NAMES.weight_text(layer, j, k)


def layer_mark(layer):
    """The layer superscript alone: ⁽²⁾."""
    return f"({layer})".translate(_SUPER)


def tutorial_neuron(layer, j):
    """i1, i2 (inputs), h1, h2 (hidden), o1, o2 (outputs) of a 2-2-2 network."""
    return TUTORIAL_NAMES.neuron_text(layer, j)


def tutorial_weight(layer, j, k):
    """w1…w8 of a 2-2-2 network (see bpviz.engine.names)."""
    return TUTORIAL_NAMES.weight_text(layer, j, k)


def tutorial_bias(layer):
    """b1 (the hidden layer's bias), b2 (the output layer's): the tutorial shares one per layer."""
    return TUTORIAL_NAMES.bias_text(layer, 0, short=True)


def parameter_names(sizes, tutorial=False):
    """Names of every weight and bias as two functions, (weight(l, j, k), bias(l, j)): the tutorial's
    w1…w8, b1, b2 when asked for and the network is 2-2-2, else w⁽ˡ⁾ⱼₖ and b⁽ˡ⁾ⱼ."""
    names = names_for(sizes, tutorial)
    return names.weight_text, lambda layer, j: names.bias_text(layer, j, short=True)


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
