"""What to train on which data: does a network fit the data, which output layer and
loss suit the targets, and measured starting points per data set and preset.

A data set is named by a key: "truth_table:xor", "two_d:circle", "sine", or "csv"
(any uploaded file). `SETUPS` holds, per key, a hidden architecture and a learning
rate measured to work with full-batch gradient descent (benchmarks/bench_budget.py
and tests/engine/test_train_setup.py): on the XOR truth table, 2-4-1 with tanh hidden
neurons and a sigmoid output trained on binary cross-entropy at η = 1 classifies all
four rows within 50 epochs from every seed 0-7 (a 2-2-1 sigmoid network at η = 0.5
needs thousands). A preset made for a data set (`PRESET_DATA`) trains with its own
learning rate there.
"""
from dataclasses import dataclass

import numpy as np

from .datasets import label_rule
from .network import Network
from .presets import preset


@dataclass(frozen=True)
class TrainSetup:
    """A measured starting point: hidden layer sizes, their activation, η, seed."""
    hidden: tuple[int, ...]
    activation: str
    learning_rate: float
    seed: int = 0


TABLE_SETUP = TrainSetup((4,), "tanh", 1.0)
SETUPS = {
    "truth_table:xor": TABLE_SETUP,
    "truth_table:and": TABLE_SETUP,
    "truth_table:or": TABLE_SETUP,
    "two_d:circle": TrainSetup((4,), "tanh", 1.0),
    "two_d:xor": TrainSetup((4,), "tanh", 1.0),
    "two_d:gaussians": TrainSetup((2,), "tanh", 1.0),
    "two_d:spiral": TrainSetup((8, 8), "tanh", 2.0),
    "sine": TrainSetup((8,), "tanh", 0.1),
}
GENERIC_SETUP = TrainSetup((8,), "tanh", 0.1)   # uploaded data: a cautious start
PRESET_DATA = {"xor": "truth_table:xor"}        # preset -> the data set it was made for


def fits(net, X, Y):
    """True if `net` takes X's columns as inputs and gives Y's columns as outputs."""
    return net.sizes[0] == np.shape(X)[1] and net.sizes[-1] == np.shape(Y)[1]


def output_layer(Y, activation=None, loss=None):
    """(output activation, loss) for targets Y `(n, k)`, keeping the given ones where they
    suit: regression gets linear + squared error; classes keep a sigmoid or softmax output
    (else sigmoid; softmax + cross-entropy for one-hot rows when nothing is given), and
    a sigmoid output never gets the one-hot cross-entropy."""
    rule = label_rule(np.asarray(Y, dtype=float))
    if rule is None:
        return "linear", "squared_error"
    if activation is None:
        return ("softmax", "cross_entropy") if rule == "one-hot" else ("sigmoid", "binary_cross_entropy")
    if activation not in ("sigmoid", "softmax"):
        activation = "sigmoid"
    if activation == "sigmoid" and loss == "cross_entropy":
        loss = "binary_cross_entropy"
    return activation, loss


def setup_for(data_key):
    """The measured starting point for a data set key (GENERIC_SETUP if none)."""
    return SETUPS.get(data_key, GENERIC_SETUP)


def network_for(data_key, X, Y):
    """A fresh network for the data: the key's measured hidden layers, the output layer
    that suits Y, seeded."""
    setup = setup_for(data_key)
    activation, loss = output_layer(Y)
    sizes = [np.shape(X)[1], *setup.hidden, np.shape(Y)[1]]
    return Network.random(sizes, [setup.activation] * len(setup.hidden) + [activation], loss, seed=setup.seed)


def learning_rate_for(data_key, preset_name=None):
    """η to train with: the preset's own when the data are the ones it was made for,
    else the data set's measured one."""
    if preset_name is not None and PRESET_DATA.get(preset_name) == data_key:
        return preset(preset_name).learning_rate
    return setup_for(data_key).learning_rate
