"""Starting points for training: the fit check, the output-layer rule, measured
defaults that learn, and plateau detection."""
import numpy as np
import pytest

from bpviz.engine import Network, TrainingConfig, preset, train, truth_table
from bpviz.engine.plateau import plateau
from bpviz.engine.training_setup import SETUPS, fits, learning_rate_for, network_for, output_layer, setup_for


def test_fits_compares_input_and_output_widths():
    table = truth_table("xor")
    assert fits(preset("xor").network, table.X, table.Y)
    assert not fits(preset("worked_example").network, table.X, table.Y)     # 2 outputs, 1 target


def test_output_layer_rule():
    zero_one, one_hot, real = [[0.0], [1.0]], [[1.0, 0.0], [0.0, 1.0]], [[0.3], [1.7]]
    assert output_layer(real, "sigmoid", "binary_cross_entropy") == ("linear", "squared_error")
    assert output_layer(zero_one) == ("sigmoid", "binary_cross_entropy")
    assert output_layer(one_hot) == ("softmax", "cross_entropy")
    assert output_layer(zero_one, "tanh", "squared_error") == ("sigmoid", "squared_error")
    assert output_layer(zero_one, "sigmoid", "cross_entropy") == ("sigmoid", "binary_cross_entropy")
    assert output_layer(one_hot, "softmax", "cross_entropy") == ("softmax", "cross_entropy")


@pytest.mark.parametrize("name", ["xor", "and", "or"])
def test_the_measured_setup_learns_each_truth_table_within_100_epochs(name):
    table, key = truth_table(name), f"truth_table:{name}"
    net = network_for(key, table.X, table.Y)
    assert net.sizes == (2, 4, 1) and net.activations == ("tanh", "sigmoid")
    result = train(net, table.X, table.Y, TrainingConfig(learning_rate=learning_rate_for(key), batch_size=4,
                                                         epochs=100, stop_when_all_correct=True))
    assert result.stop_reason == "all_correct"


def test_the_xor_preset_trains_with_its_own_learning_rate_on_its_own_data():
    assert learning_rate_for("truth_table:xor", "xor") == preset("xor").learning_rate == 2.0
    assert learning_rate_for("two_d:circle", "xor") == setup_for("two_d:circle").learning_rate
    table = truth_table("xor")
    result = train(preset("xor").network, table.X, table.Y,
                   TrainingConfig(learning_rate=2.0, batch_size=4, epochs=1500, stop_when_all_correct=True))
    assert result.stop_reason == "all_correct"


def test_every_setup_builds_a_legal_network_for_its_data():
    X2, Y01 = np.zeros((3, 2)), np.array([[0.0], [1.0], [1.0]])
    for key in SETUPS:
        X = np.zeros((3, 1)) if key == "sine" else X2
        Y = np.array([[0.1], [0.5], [-0.2]]) if key == "sine" else Y01
        net = network_for(key, X, Y)
        assert isinstance(net, Network) and fits(net, X, Y)
    assert network_for("csv", np.zeros((2, 3)), np.eye(2)).activations[-1] == "softmax"


def test_plateau_on_hand_made_curves():
    falling = 1.0 / np.arange(1, 1000)                      # keeps improving in relative terms: no plateau
    assert not plateau(falling, window=100)
    stuck = np.concatenate([np.linspace(0.7, 0.5, 50), np.full(200, 0.5)])
    assert plateau(stuck, window=100)
    assert not plateau(stuck[:100], window=100)              # too few epochs to tell
    settled = np.concatenate([np.linspace(1.0, 0.01, 50), np.full(200, 0.01)])
    assert not plateau(settled, window=100)                  # converged, not stuck
    creeping = 0.5 * 0.999 ** np.arange(300)                 # 0.1 % per epoch: about 9.5 % per 100 epochs
    assert not plateau(creeping, window=100)


def test_the_slow_2_2_1_sigmoid_network_on_xor_is_flagged_as_a_plateau():
    # The case: 2-2-1 sigmoid, η 0.5, sits near loss 0.125 for thousands of epochs.
    table = truth_table("xor")
    net = Network.random([2, 2, 1], "sigmoid", "squared_error", seed=0)
    history = train(net, table.X, table.Y, TrainingConfig(learning_rate=0.5, batch_size=4, epochs=600)).state.history
    losses = [record.train_loss for record in history]
    assert max(record.train_accuracy for record in history) < 1.0
    assert 0.12 < losses[-1] < 0.13 and plateau(losses)
    assert not plateau(losses[:301])        # the first 300 epochs still bring the loss down from 0.143
