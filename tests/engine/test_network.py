"""`Network`: construction, immutability, equality, copying, random initialisation, limits."""
import copy
import json
import pickle

import numpy as np
import pytest

from bpviz.engine.errors import NetworkError
from bpviz.engine.limits import MAX_HIDDEN_LAYERS, MAX_INPUTS, MAX_NEURONS_PER_LAYER, MAX_OUTPUTS
from bpviz.engine.network import INITS, Network

WEIGHTS = [[[0.15, 0.20], [0.25, 0.30], [0.1, -0.1]], [[0.40, 0.45, 0.5]]]   # 2-3-1
BIASES = [[0.35, 0.35, 0.0], [0.60]]


def _net(weights=WEIGHTS, biases=BIASES, activations=("tanh", "sigmoid"), loss="squared_error"):
    return Network(weights, biases, activations if isinstance(activations, str) else list(activations), loss)


def test_sizes_shapes_and_dtypes_follow_the_convention():
    net = _net()
    assert net.sizes == (2, 3, 1)
    assert [w.shape for w in net.weights] == [(3, 2), (1, 3)]   # (sizes[l+1], sizes[l])
    assert [b.shape for b in net.biases] == [(3,), (1,)]
    assert all(a.dtype == np.float64 for a in net.weights + net.biases)
    assert net.weights[0][2, 1] == -0.1                           # weights[l][j, k]: k → j
    assert net.activations == ("tanh", "sigmoid") and net.loss == "squared_error"
    assert net.layer_count == 3 and net.parameter_count == 6 + 3 + 3 + 1


def test_one_activation_name_is_used_for_every_layer():
    assert _net(activations="tanh").activations == ("tanh", "tanh")


def test_parameters_are_copied_and_read_only():
    weights = [np.array(w) for w in WEIGHTS]
    net = _net(weights=weights)
    weights[0][0, 0] = 99.0
    assert net.weights[0][0, 0] == 0.15
    for array in net.weights + net.biases:
        assert not array.flags.writeable
        with pytest.raises(ValueError):
            array[...] = 0.0


@pytest.mark.parametrize("name", ["weights", "biases", "activations", "loss", "sizes", "extra"])
def test_attributes_cannot_be_set(name):
    net = _net()
    with pytest.raises(AttributeError):
        setattr(net, name, None)
    assert net == _net()


def test_equality_is_exact_and_hash_is_consistent():
    assert _net() == _net() and hash(_net()) == hash(_net())
    nudged = [[[0.15, 0.20], [0.25, 0.30], [0.1, np.nextafter(-0.1, 0)]], WEIGHTS[1]]
    assert _net(weights=nudged) != _net()
    assert _net(loss="binary_cross_entropy") != _net()
    assert _net(activations=("sigmoid", "sigmoid")) != _net()
    assert _net() != "network"


def test_networks_equal_under_eq_have_equal_hashes():
    """0.0 == −0.0, so networks differing only in the sign of a zero are equal and
    must hash alike (a == b ⇒ hash(a) == hash(b), or sets and caches misbehave)."""
    plus = Network([[[0.0]]], [[0.0]], ["linear"], "squared_error")
    minus = Network([[[-0.0]]], [[0.0]], ["linear"], "squared_error")
    assert plus == minus
    assert hash(plus) == hash(minus)
    assert len({plus, minus}) == 1


@pytest.mark.parametrize("duplicate", [copy.copy, copy.deepcopy, lambda n: pickle.loads(pickle.dumps(n))],
                         ids=["copy", "deepcopy", "pickle"])
def test_networks_can_be_copied_and_pickled(duplicate):
    """Immutability must not break copy.deepcopy or pickle (used by caches, session
    state serialisation and tests that snapshot a network)."""
    net = _net()
    twin = duplicate(net)
    assert twin == net and twin.sizes == net.sizes
    assert all(not a.flags.writeable for a in twin.weights + twin.biases)


def test_to_dict_is_plain_json_data():
    data = _net().to_dict()
    assert data == json.loads(json.dumps(data))
    assert data["sizes"] == [2, 3, 1] and data["activations"] == ["tanh", "sigmoid"]
    assert data["weights"] == WEIGHTS and data["biases"] == BIASES
    assert data["format"] == "bpviz.network" and data["version"] == 1


def test_with_parameters_validates_and_keeps_the_architecture():
    net = _net()
    other = net.with_parameters([np.zeros((3, 2)), np.ones((1, 3))], [np.zeros(3), np.zeros(1)])
    assert other.activations == net.activations and other.loss == net.loss
    assert other.weights[1].tolist() == [[1.0, 1.0, 1.0]]
    with pytest.raises(NetworkError, match=r"weights\[1\]"):
        net.with_parameters([np.zeros((3, 2)), np.ones((1, 3)) * np.nan], net.biases)


def test_describe_and_repr():
    assert _net().describe() == "2-3-1 · tanh, sigmoid · squared_error · 13 parameters"
    assert repr(_net()) == "Network(2-3-1, activations=['tanh', 'sigmoid'], loss='squared_error')"


# --- random initialisation ---------------------------------------------------------------

def test_random_is_reproducible_and_seed_dependent():
    sizes = [3, 4, 2]
    def seeded(seed):
        return Network.random(sizes, "tanh", "squared_error", seed=seed)
    assert seeded(7) == seeded(7)
    assert seeded(7) != seeded(8)


@pytest.mark.parametrize("init", INITS)
def test_random_initialisers_respect_their_ranges(init):
    sizes = [10, 10, 10, 10]
    net = Network.random(sizes, "relu", "squared_error", seed=3, init=init)
    assert net.sizes == tuple(sizes)
    for l, (w, b) in enumerate(zip(net.weights, net.biases)):
        fan_in, fan_out = sizes[l], sizes[l + 1]
        if init == "xavier":
            assert np.abs(w).max() <= np.sqrt(6.0 / (fan_in + fan_out))
            assert np.abs(w).max() > 0.5 * np.sqrt(6.0 / (fan_in + fan_out))
        elif init == "he":
            # 100 draws of N(0, 2/fan_in): the sample std is within 30 % of √(2/fan_in)
            assert np.std(w) == pytest.approx(np.sqrt(2.0 / fan_in), rel=0.3)
        elif init == "uniform":
            assert np.abs(w).max() <= 1.0 and np.abs(b).max() <= 1.0 and np.abs(b).max() > 0
        else:
            assert not w.any()
        if init != "uniform":
            assert not b.any()


def test_largest_legal_network_and_one_more_neuron():
    sizes = [MAX_INPUTS] + [MAX_NEURONS_PER_LAYER] * MAX_HIDDEN_LAYERS + [MAX_OUTPUTS]
    # 7 weight layers of 10×10 plus 10 biases each (limits.py's docstring says 730)
    assert Network.random(sizes, "tanh", "squared_error").parameter_count == 7 * (10 * 10 + 10)
    for l in range(len(sizes)):
        bigger = list(sizes)
        bigger[l] += 1
        with pytest.raises(NetworkError, match=rf"sizes\[{l}\]"):
            Network.random(bigger, "tanh", "squared_error")
    with pytest.raises(NetworkError, match="sizes"):
        Network.random(sizes[:1] + [2] + sizes[1:], "tanh", "squared_error")


def test_softmax_only_on_the_output_layer():
    assert Network.random([2, 3, 2], ["tanh", "softmax"], "cross_entropy").activations[-1] == "softmax"
    with pytest.raises(NetworkError, match=r"activations\[0\]"):
        Network.random([2, 3, 2], ["softmax", "softmax"], "cross_entropy")
    with pytest.raises(NetworkError, match=r"activations\[0\]"):
        Network.random([2, 3, 2], "softmax", "cross_entropy")


@pytest.mark.parametrize("seed, init", [(-1, "xavier"), (2**32, "xavier"), (True, "xavier"), (1.5, "xavier"),
                                        ("1", "xavier"), (0, "glorot"), (0, None), (0, ["he"])])
def test_random_rejects_bad_seed_and_init(seed, init):
    field = "init" if seed == 0 else "seed"
    with pytest.raises(NetworkError, match=field):
        Network.random([2, 2], "sigmoid", "squared_error", seed=seed, init=init)

