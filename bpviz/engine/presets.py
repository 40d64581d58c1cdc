"""Ready-made starting points: a network, the example to step through, and the
step settings that go with it. Parameters are written out, not drawn from a
random generator, so a preset never changes when the initialisers do.
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


_BUILDERS = {"worked_example": worked_example, "xor": xor, "single_neuron": single_neuron}
PRESET_NAMES = tuple(_BUILDERS)


def preset(name) -> Preset:
    """The preset called `name` (one of PRESET_NAMES)."""
    if not isinstance(name, str) or name not in _BUILDERS:
        raise NetworkError("unknown_preset", got=name, choices=", ".join(PRESET_NAMES))
    return _BUILDERS[name]()
