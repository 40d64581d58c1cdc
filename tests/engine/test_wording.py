"""The engine's prose comes from one English source (wording.WORDING) with plural forms;
the app's English catalogue takes the shared templates from it."""
import string

import numpy as np
import pytest

from bpviz.engine import WORDING, Network, TrainingConfig, english, plural_form, preset, step_sequence, train

X, Y = np.array([[0.0], [1.0]]), np.array([[0.0], [1.0]])
NET = Network([[[0.5]]], [[0.0]], ["linear"], "squared_error")


def fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", [key for key in WORDING if key.endswith(".one")])
def test_each_singular_has_its_plural_with_the_same_values(key):
    assert fields(WORDING[key]) == fields(WORDING[key.removesuffix(".one")])


def test_one_epoch_is_singular_and_two_are_plural():
    one = train(NET, X, Y, TrainingConfig(learning_rate=0.1, epochs=1)).message
    two = train(NET, X, Y, TrainingConfig(learning_rate=0.1, epochs=2)).message
    assert one.startswith("Trained 1 epoch (1 in total)")
    assert two.startswith("Trained 2 epochs (2 in total)")


def test_plural_form_falls_back_to_the_key_without_a_singular():
    texts = {"a": "{n} things", "a.one": "{n} thing", "b": "{n} 轮"}
    assert [plural_form(texts, "a", n).format(n=n) for n in (0, 1, 2)] == ["0 things", "1 thing", "2 things"]
    assert plural_form(texts, "b", 1) == "{n} 轮"


def test_english_passes_a_value_named_count_through():
    assert english("network.describe", layers="1-1", activations="linear", loss="squared_error", count=2) == \
        "1-1 · linear · squared_error · 2 parameters"


def test_descriptions_and_labels_read_as_before():
    net = preset("worked_example").network
    assert net.describe() == "2-2-2 · sigmoid, sigmoid · squared_error · 12 parameters"
    labels = [step.label for step in step_sequence(net, [0.05, 0.1], [0.01, 0.99], 0.5)]
    assert labels == ["start", "forward, layer 1", "forward, layer 2", "loss", "backward, layer 2",
                      "backward, layer 1", "update"]


def test_a_diverging_run_says_what_went_wrong_and_what_is_kept():
    message = train(Network([[[1.0]]], [[0.0]], ["linear"], "squared_error"), [[1.0]], [[0.0]],
                    TrainingConfig(learning_rate=2.5, epochs=100, update_biases=False)).message
    # w ← −1.5 w each epoch: after epoch 18 the loss ½ (1.5¹⁸)² ≈ 1.09e6 passes 1e6 (see test_training)
    assert message == ("Training diverged in epoch 18: the loss exploded to 1.09e+06, more than 1e+06 times its "
                       "starting value. The learning rate (2.5) is probably too high; try a smaller one. "
                       "The network from the end of epoch 17 is kept.")


def test_the_apps_english_uses_the_engines_templates():
    from bpviz.ui.strings.en import EN
    assert EN["sidebar.describe"] == WORDING["network.describe"]
    assert EN["step.phase_layer"] == WORDING["step.phase_layer"]
