"""Pure edits of a network (bpviz/engine/edit.py): what changes, what stays aligned.

The test network has distinct parameters (weights[l][j, k] = 100(l+1) + 10j + k,
biases[l][j] = −(100(l+1) + j)), so a moved row or column is recognised by value.
"""
import numpy as np
import pytest

from bpviz.engine.edit import insert_neuron, remove_neuron, reshape_network, set_bias, set_weight
from bpviz.engine.errors import NetworkError
from bpviz.engine.network import Network
from bpviz.engine.propagation import forward

SIZES = [3, 4, 2, 2]   # input, two hidden layers, output
ACTIVATIONS = ["tanh", "sigmoid", "softmax"]


def _labelled(sizes=SIZES, activations=ACTIVATIONS, loss="cross_entropy"):
    weights = [[[100 * (l + 1) + 10 * j + k for k in range(sizes[l])] for j in range(sizes[l + 1])]
               for l in range(len(sizes) - 1)]
    biases = [[-(100 * (l + 1) + j) for j in range(sizes[l + 1])] for l in range(len(sizes) - 1)]
    return Network(weights, biases, activations, loss)


def _unchanged_except(old, new, weight_layers=(), bias_layers=()):
    for l, (a, b) in enumerate(zip(old.weights, new.weights)):
        if l not in weight_layers:
            np.testing.assert_array_equal(a, b)
    for l, (a, b) in enumerate(zip(old.biases, new.biases)):
        if l not in bias_layers:
            np.testing.assert_array_equal(a, b)


# --- set_weight / set_bias ---------------------------------------------------------------

def test_set_weight_changes_exactly_one_parameter():
    net = _labelled()
    before = net.to_dict()
    new = set_weight(net, 1, 1, 3, 0.125)      # weights[1][1, 3]: neuron 3 of layer 1 → neuron 1 of layer 2
    assert isinstance(new, Network) and new is not net
    assert new.weights[1][1, 3] == 0.125
    changed = new.weights[1] != net.weights[1]
    assert changed.sum() == 1 and changed[1, 3]
    _unchanged_except(net, new, weight_layers=(1,))
    assert net.to_dict() == before and net.weights[1][1, 3] == 213
    assert (new.activations, new.loss) == (net.activations, net.loss)


def test_set_bias_changes_exactly_one_parameter():
    net = _labelled()
    new = set_bias(net, 2, 0, -0.5)
    assert new.biases[2].tolist() == [-0.5, -301]
    _unchanged_except(net, new, bias_layers=(2,))
    assert net.biases[2].tolist() == [-300, -301]


@pytest.mark.parametrize("args, field", [
    ((3, 0, 0), "layer"), ((-1, 0, 0), "layer"), ((0, 4, 0), "j"), ((0, 0, 3), "k"),
    ((0, -1, 0), "j"), ((1.0, 0, 0), "layer"), ((True, 0, 0), "layer"), (("0", 0, 0), "layer"),
    ((0, None, 0), "j"),
])
def test_set_weight_rejects_bad_indices(args, field):
    with pytest.raises(NetworkError, match=field):
        set_weight(_labelled(), *args, 0.5)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 1e7, -1e6 - 1, "0.5", True, None, [0.5]])
def test_set_weight_and_set_bias_reject_bad_values(value):
    with pytest.raises(NetworkError, match=r"weights\[0\]\[1, 2\]"):
        set_weight(_labelled(), 0, 1, 2, value)
    with pytest.raises(NetworkError, match=r"biases\[1\]\[1\]"):
        set_bias(_labelled(), 1, 1, value)


@pytest.mark.parametrize("args, field", [((3, 0), "layer"), ((0, 4), "j"), ((2, 2), "j"), ((-1, 0), "layer")])
def test_set_bias_rejects_bad_indices(args, field):
    with pytest.raises(NetworkError, match=field):
        set_bias(_labelled(), *args, 0.5)


def test_parameter_limits_are_inclusive():
    assert set_weight(_labelled(), 0, 0, 0, 1e6).weights[0][0, 0] == 1e6
    assert set_bias(_labelled(), 0, 0, -1e6).biases[0][0] == -1e6


# --- remove_neuron -------------------------------------------------------------------------

def test_remove_hidden_neuron_removes_its_row_bias_and_column():
    net = _labelled()
    new = remove_neuron(net, 1, 2)   # neuron 2 of hidden layer 1
    assert new.sizes == (3, 3, 2, 2)
    assert new.weights[0].tolist() == [net.weights[0][j].tolist() for j in (0, 1, 3)]   # incoming rows
    assert new.biases[0].tolist() == [-100, -101, -103]
    assert new.weights[1].tolist() == [[200, 201, 203], [210, 211, 213]]                 # outgoing columns
    _unchanged_except(net, new, weight_layers=(0, 1), bias_layers=(0,))


def test_remove_input_neuron_removes_a_column_only():
    net = _labelled()
    new = remove_neuron(net, 0, 0)
    assert new.sizes == (2, 4, 2, 2)
    assert new.weights[0].tolist() == [[101 + 10 * j, 102 + 10 * j] for j in range(4)]
    _unchanged_except(net, new, weight_layers=(0,))


def test_remove_output_neuron_removes_a_row_and_bias():
    net = _labelled(sizes=[3, 4, 2, 3])
    new = remove_neuron(net, 3, 1)
    assert new.sizes == (3, 4, 2, 2)
    assert new.weights[2].tolist() == [[300, 301], [320, 321]]
    assert new.biases[2].tolist() == [-300, -302]
    _unchanged_except(net, new, weight_layers=(2,), bias_layers=(2,))


def test_removing_a_neuron_without_outgoing_weight_keeps_the_outputs():
    """A hidden neuron whose outgoing weights are 0 contributes nothing: removing it
    leaves every output unchanged (an independent check of the alignment)."""
    net = Network.random(SIZES, ACTIVATIONS, "cross_entropy", seed=5, init="uniform")
    for j in range(SIZES[2]):
        net = set_weight(net, 1, j, 1, 0.0)
    X = np.random.default_rng(0).uniform(-1, 1, (5, 3))
    np.testing.assert_allclose(forward(remove_neuron(net, 1, 1), X).output, forward(net, X).output,
                               rtol=1e-14, atol=1e-15)


@pytest.mark.parametrize("layer, neuron, field", [(4, 0, "layer"), (1, 4, "neuron"), (1, -1, "neuron"),
                                                  (-1, 0, "layer"), ("1", 0, "layer")])
def test_remove_neuron_rejects_bad_indices(layer, neuron, field):
    with pytest.raises(NetworkError, match=field):
        remove_neuron(_labelled(), layer, neuron)


def test_a_layer_keeps_at_least_one_neuron():
    with pytest.raises(NetworkError, match="layer 1"):
        remove_neuron(_labelled(sizes=[3, 1, 2, 2]), 1, 0)


# --- insert_neuron ---------------------------------------------------------------------------

@pytest.mark.parametrize("position", [0, 2, 4])
def test_insert_hidden_neuron_shifts_rows_and_columns(position):
    net = _labelled()
    new = insert_neuron(net, 1, position, seed=3, scale=0.5)
    assert new.sizes == (3, 5, 2, 2)
    others = [j for j in range(5) if j != position]
    np.testing.assert_array_equal(new.weights[0][others], net.weights[0])      # old rows, in order
    np.testing.assert_array_equal(new.biases[0][others], net.biases[0])
    np.testing.assert_array_equal(new.weights[1][:, others], net.weights[1])   # old columns, in order
    assert new.biases[0][position] == 0.0
    assert np.abs(new.weights[0][position]).max() <= 0.5 and np.abs(new.weights[1][:, position]).max() <= 0.5
    _unchanged_except(net, new, weight_layers=(0, 1), bias_layers=(0,))
    # removing the inserted neuron gives the network back
    assert remove_neuron(new, 1, position) == net


def test_insert_input_and_output_neurons():
    net = _labelled()
    with_input = insert_neuron(net, 0, 1)
    np.testing.assert_array_equal(with_input.weights[0][:, [0, 2, 3]], net.weights[0])
    _unchanged_except(net, with_input, weight_layers=(0,))
    with_output = insert_neuron(net, 3, 2)
    np.testing.assert_array_equal(with_output.weights[2][:2], net.weights[2])
    assert with_output.biases[2].tolist() == [-300, -301, 0.0]
    _unchanged_except(net, with_output, weight_layers=(2,), bias_layers=(2,))


def test_insert_is_seeded():
    assert insert_neuron(_labelled(), 2, 1, seed=4) == insert_neuron(_labelled(), 2, 1, seed=4)
    assert insert_neuron(_labelled(), 2, 1, seed=4) != insert_neuron(_labelled(), 2, 1, seed=5)


@pytest.mark.parametrize("layer, position, field", [(1, 5, "position"), (1, -1, "position"), (4, 0, "layer"),
                                                    (1, 1.5, "position")])
def test_insert_neuron_rejects_bad_positions(layer, position, field):
    with pytest.raises(NetworkError, match=field):
        insert_neuron(_labelled(), layer, position)


def test_insert_neuron_respects_the_size_limits():
    full = Network.random([10, 10, 10], "tanh", "squared_error")
    for layer in range(3):
        with pytest.raises(NetworkError, match=f"layer {layer}"):
            insert_neuron(full, layer, 0)


@pytest.mark.parametrize("seed", [-1, "x", 1.5, 2**32])
def test_insert_neuron_rejects_bad_seeds(seed):
    with pytest.raises(NetworkError, match="seed"):
        insert_neuron(_labelled(), 1, 0, seed=seed)


@pytest.mark.parametrize("edit", [lambda n: set_weight(n, 0, 0, 0, 1.0), lambda n: set_bias(n, 0, 0, 1.0),
                                  lambda n: remove_neuron(n, 1, 0), lambda n: insert_neuron(n, 1, 0),
                                  lambda n: reshape_network(n, [2, 2], ["sigmoid"], "squared_error")],
                         ids=["set_weight", "set_bias", "remove_neuron", "insert_neuron", "reshape_network"])
def test_edits_need_a_network(edit):
    with pytest.raises(NetworkError, match="net"):
        edit({"weights": []})


# --- reshape_network ---------------------------------------------------------------------------

def test_reshape_to_the_same_architecture_keeps_everything():
    net = _labelled()
    assert reshape_network(net, SIZES, ACTIVATIONS, "cross_entropy") == net


def test_reshape_changes_activations_and_loss_but_keeps_parameters():
    net = _labelled()
    new = reshape_network(net, SIZES, ["relu", "relu", "sigmoid"], "binary_cross_entropy")
    assert new.activations == ("relu", "relu", "sigmoid") and new.loss == "binary_cross_entropy"
    _unchanged_except(net, new)


def test_reshape_grows_and_shrinks_layers_keeping_the_aligned_block():
    net = _labelled()
    new = reshape_network(net, [2, 6, 2, 2], ACTIVATIONS, "cross_entropy", seed=1)
    np.testing.assert_array_equal(new.weights[0][:4, :2], net.weights[0][:, :2])   # neuron j with neuron j
    np.testing.assert_array_equal(new.biases[0][:4], net.biases[0])
    np.testing.assert_array_equal(new.weights[1][:, :4], net.weights[1])
    np.testing.assert_array_equal(new.weights[2], net.weights[2])
    np.testing.assert_array_equal(new.biases[1], net.biases[1])
    np.testing.assert_array_equal(new.biases[2], net.biases[2])
    fresh = new.weights[1][:, 4:]
    assert fresh.shape == (2, 2) and np.abs(fresh).max() < 100    # drawn, not copied


def test_reshape_adding_a_hidden_layer_keeps_the_first_and_output_layers():
    net = _labelled()
    new = reshape_network(net, [3, 4, 2, 3, 2], ["tanh", "sigmoid", "tanh", "softmax"], "cross_entropy")
    np.testing.assert_array_equal(new.weights[0], net.weights[0])
    np.testing.assert_array_equal(new.weights[1], net.weights[1])
    # the output layer lines up with the old output layer, neuron j with neuron j
    np.testing.assert_array_equal(new.weights[3][:, :2], net.weights[2])
    np.testing.assert_array_equal(new.biases[3], net.biases[2])
    assert np.abs(new.weights[2]).max() < 100                   # the new hidden layer is drawn


def test_reshape_removing_a_hidden_layer_keeps_the_output_biases():
    net = _labelled()
    new = reshape_network(net, [3, 4, 2], ["tanh", "softmax"], "cross_entropy")
    np.testing.assert_array_equal(new.weights[0], net.weights[0])
    np.testing.assert_array_equal(new.biases[1], net.biases[2])


@pytest.mark.parametrize("sizes, activations, field", [
    ([3, 11, 2], ["tanh", "softmax"], "sizes[1]"), ([3], [], "sizes"),
    ([3, 4, 2], ["softmax", "softmax"], "activations[0]"), ([3, 4, 2], ["tanh"], "activations"),
])
def test_reshape_rejects_illegal_architectures(sizes, activations, field):
    with pytest.raises(NetworkError, match=field.replace("[", r"\[").replace("]", r"\]")):
        reshape_network(_labelled(), sizes, activations, "cross_entropy")
