"""Pure edits of a network's architecture and parameters, for the Build page.

Each function returns a new validated `Network`; the given one is unchanged.
Layers are numbered as in `Network` (0 = input … L = output), neurons from 0.
"""
import numpy as np

from .errors import NetworkError
from .limits import MAX_PARAMETER_MAGNITUDE, MAX_SEED
from .network import Network, check_activations, check_sizes, size_limit
from .validation import check_int, check_number, check_type

MAX_INSERT_SCALE = 100.0


def _copies(net):
    return [w.copy() for w in net.weights], [b.copy() for b in net.biases]


def _check_neuron(net, layer, neuron):
    layer = check_int(layer, "layer", 0, len(net.sizes) - 1)
    neuron = check_int(neuron, "neuron", 0, net.sizes[layer] - 1)
    return layer, neuron


def set_weight(net, layer, j, k, value):
    """Set `weights[layer][j, k]` (from neuron k of `layer` to neuron j of `layer`+1)."""
    check_type(net, Network, "net")
    layer = check_int(layer, "layer", 0, len(net.weights) - 1)
    j = check_int(j, "j", 0, net.sizes[layer + 1] - 1)
    k = check_int(k, "k", 0, net.sizes[layer] - 1)
    value = check_number(value, f"weights[{layer}][{j}, {k}]", -MAX_PARAMETER_MAGNITUDE, MAX_PARAMETER_MAGNITUDE)
    weights, biases = _copies(net)
    weights[layer][j, k] = value
    return net.with_parameters(weights, biases)


def set_bias(net, layer, j, value):
    """Set `biases[layer][j]`, the bias of neuron j of layer `layer`+1."""
    check_type(net, Network, "net")
    layer = check_int(layer, "layer", 0, len(net.biases) - 1)
    j = check_int(j, "j", 0, net.sizes[layer + 1] - 1)
    value = check_number(value, f"biases[{layer}][{j}]", -MAX_PARAMETER_MAGNITUDE, MAX_PARAMETER_MAGNITUDE)
    weights, biases = _copies(net)
    biases[layer][j] = value
    return net.with_parameters(weights, biases)


def remove_neuron(net, layer, neuron):
    """Remove a neuron with its incoming and outgoing weights (a layer keeps at least one)."""
    check_type(net, Network, "net")
    layer, neuron = _check_neuron(net, layer, neuron)
    if net.sizes[layer] == 1:
        raise NetworkError("layer_too_small", layer=layer)
    weights, biases = _copies(net)
    if layer > 0:   # incoming weights are rows of weights[layer-1]
        weights[layer - 1] = np.delete(weights[layer - 1], neuron, axis=0)
        biases[layer - 1] = np.delete(biases[layer - 1], neuron)
    if layer < len(net.sizes) - 1:   # outgoing weights are columns of weights[layer]
        weights[layer] = np.delete(weights[layer], neuron, axis=1)
    return Network(weights, biases, net.activations, net.loss)


def insert_neuron(net, layer, position, seed=0, scale=0.5):
    """Insert a neuron at `position` (0..sizes[layer]) of `layer`, with seeded random
    incoming and outgoing weights uniform in [−scale, scale] and a zero bias."""
    check_type(net, Network, "net")
    seed = check_int(seed, "seed", 0, MAX_SEED)
    scale = check_number(scale, "scale", 0.0, MAX_INSERT_SCALE)
    layer = check_int(layer, "layer", 0, len(net.sizes) - 1)
    limit = size_limit(layer, len(net.sizes))
    if net.sizes[layer] >= limit:
        raise NetworkError("layer_too_big", layer=layer, limit=limit)
    position = check_int(position, "position", 0, net.sizes[layer])
    rng = np.random.default_rng(seed)
    weights, biases = _copies(net)
    if layer > 0:
        weights[layer - 1] = np.insert(weights[layer - 1], position,
                                       rng.uniform(-scale, scale, net.sizes[layer - 1]), axis=0)
        biases[layer - 1] = np.insert(biases[layer - 1], position, 0.0)
    if layer < len(net.sizes) - 1:
        weights[layer] = np.insert(weights[layer], position,
                                   rng.uniform(-scale, scale, net.sizes[layer + 1]), axis=1)
    return Network(weights, biases, net.activations, net.loss)


def reshape_network(net, sizes, activations, loss, seed=0, init="xavier"):
    """A network of the new architecture that keeps the old parameters where they line
    up: hidden layer l with hidden layer l, output with output, neuron j with neuron j.
    The rest are drawn as in `Network.random(sizes, activations, loss, seed, init)`."""
    check_type(net, Network, "net")
    sizes = check_sizes(sizes)
    activations = check_activations(activations, len(sizes) - 1)
    fresh = Network.random(sizes, activations, loss, seed=seed, init=init)
    weights, biases = _copies(fresh)
    old_last, new_last = len(net.weights) - 1, len(weights) - 1
    # hidden layers line up by index; the output layer lines up with the old output layer
    pairs = [(l, l) for l in range(min(old_last, new_last))] + [(new_last, old_last)]
    for new_l, old_l in pairs:
        rows = min(net.sizes[old_l + 1], sizes[new_l + 1])
        cols = min(net.sizes[old_l], sizes[new_l])
        weights[new_l][:rows, :cols] = net.weights[old_l][:rows, :cols]
        biases[new_l][:rows] = net.biases[old_l][:rows]
    return Network(weights, biases, activations, loss)
