"""Ready-made starting points: a network, the example to step through, and the
step settings that go with it. Parameters are written out (or, for the deep
pair, made by a fixed formula), not drawn from a random generator, so a preset
never changes when the initialisers do.

`COMPARISONS` pairs presets meant to be trained side by side on one data set:
"deep_sigmoid_vs_relu" shows the vanishing gradient.
"""
from dataclasses import dataclass

import numpy as np

from .errors import NetworkError
from .network import Network
from .share import SharedNetwork


@dataclass(frozen=True)
class Preset(SharedNetwork):
    """A named starting point: what a share link restores (the network, the stepping
    example x, y, the learning rate η and whether the update step changes biases: the
    classic worked example keeps them fixed), under a name."""
    name: str


def worked_example() -> Preset:
    """The classic hand-worked example: 2-2-2, sigmoid, squared error.

    w1…w4 feed the hidden layer (net_h1 = w1·i1 + w2·i2 + b1, net_h2 = w3·i1 +
    w4·i2 + b1), w5…w8 the output layer; one bias per layer, shared by its
    neurons (0.35 hidden, 0.60 output) and not updated; η = 0.5.
    """
    network = Network(
        weights=[np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])],
        biases=[np.array([0.35, 0.35]), np.array([0.60, 0.60])],
        activations=["sigmoid", "sigmoid"], loss="squared_error")
    return Preset(network, (0.05, 0.10), (0.01, 0.99), 0.5, False, name="worked_example")


def xor() -> Preset:
    """XOR with one hidden layer of two sigmoid neurons (2-2-1).

    These starting weights break the symmetry and reach 100 % accuracy on the
    four XOR rows with full-batch gradient descent (η = 2 in about 600 epochs).
    """
    network = Network(
        weights=[np.array([[-1.0, -0.6], [0.75, 0.2]]), np.array([[-1.15, -0.2]])],
        biases=[np.array([0.1, -0.1]), np.array([0.05])],
        activations=["sigmoid", "sigmoid"], loss="squared_error")
    return Preset(network, (1.0, 0.0), (1.0,), 2.0, True, name="xor")


def single_neuron() -> Preset:
    """One sigmoid neuron with two inputs: the delta is all there is to compute."""
    network = Network(weights=[np.array([[0.5, -0.3]])], biases=[np.array([0.1])],
                      activations=["sigmoid"], loss="squared_error")
    return Preset(network, (1.0, 0.5), (1.0,), 0.5, True, name="single_neuron")


DEEP_HIDDEN, DEEP_WIDTH = 6, 6          # six hidden layers of six neurons: 2-6-6-6-6-6-6-1
GOLDEN_RATIO = (1 + 5 ** 0.5) / 2


def deep_parameters(sizes):
    """The deep pair's weights and biases, by a fixed formula: weight number i (counting
    layer by layer, row by row from 1) is √(2/fan_in)·√3·(2 frac(i·φ) − 1), φ the golden
    ratio, an evenly spread stand-in for He-scaled uniform weights (variance 2/fan_in);
    every bias is 0.1."""
    weights, biases, counted = [], [], 0
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        spread = (np.arange(counted + 1, counted + fan_in * fan_out + 1) * GOLDEN_RATIO) % 1.0
        counted += fan_in * fan_out
        weights.append((np.sqrt(2.0 / fan_in) * np.sqrt(3.0) * (2.0 * spread - 1.0)).reshape(fan_out, fan_in))
        biases.append(np.full(fan_out, 0.1))
    return weights, biases


def _deep(hidden_activation, name):
    sizes = [2] + [DEEP_WIDTH] * DEEP_HIDDEN + [1]
    weights, biases = deep_parameters(sizes)
    network = Network(weights, biases, [hidden_activation] * DEEP_HIDDEN + ["sigmoid"], "binary_cross_entropy")
    return Preset(network, (0.3, -0.2), (1.0,), 0.1, True, name=name)


def deep_sigmoid() -> Preset:
    """Six hidden sigmoid layers (2-6-6-6-6-6-6-1, sigmoid output, binary cross-entropy):
    every layer multiplies δ by w·σ′(z) with σ′ ≤ 0.25, so the first layers' gradients
    are hundreds of times smaller than the last's and the network barely learns."""
    return _deep("sigmoid", "deep_sigmoid")


def deep_relu() -> Preset:
    """The same weights with ReLU hidden layers: f′ is 0 or 1, so δ keeps its size on the
    way back and every layer learns."""
    return _deep("relu", "deep_relu")


@dataclass(frozen=True)
class Comparison:
    """Presets trained side by side: their names, the data set key (training_setup's keys)
    and the epochs that show the point."""
    name: str
    presets: tuple[str, ...]
    data_key: str
    epochs: int


COMPARISONS = {"deep_sigmoid_vs_relu": Comparison("deep_sigmoid_vs_relu", ("deep_sigmoid", "deep_relu"),
                                                  "two_d:circle", 200)}

_BUILDERS = {"worked_example": worked_example, "xor": xor, "single_neuron": single_neuron,
             "deep_sigmoid": deep_sigmoid, "deep_relu": deep_relu}
PRESET_NAMES = tuple(_BUILDERS)


def preset(name) -> Preset:
    """The preset called `name` (one of PRESET_NAMES)."""
    if not isinstance(name, str) or name not in _BUILDERS:
        raise NetworkError("unknown_preset", got=name, choices=", ".join(PRESET_NAMES))
    return _BUILDERS[name]()
