"""Train's readouts travel inside Play's chart (one element per chunk): the epoch, the
losses and the accuracy it shows are those of the trained network, computed here by a
forward pass written out in NumPy; in English and in 简体中文, shown as text."""
import json
import time

import numpy as np
import pytest

from bpviz.engine import Network, TrainingConfig, TrainingState, train, truth_table
from bpviz.ui.session import state
from bpviz.ui.train import readouts
from tests.app.apptest import open_app, rerun
from tests.app.test_play_chart import playing_page
from tests.app.test_train import play_payload, report_drawn

LABELS = {"en": ["Epoch", "Training loss", "Test loss", "Training accuracy"],
          "zh": ["轮次", "训练损失", "测试损失", "训练准确率"]}
ACTIVATIONS = {"tanh": np.tanh, "sigmoid": lambda z: 1 / (1 + np.exp(-z))}


def outputs(net, X):
    """The network's outputs, layer by layer: a = f(W a + b), W of shape (next, this)."""
    a = np.asarray(X, dtype=float)
    for W, b, name in zip(net.weights, net.biases, net.activations):
        a = ACTIVATIONS[name](a @ np.asarray(W).T + np.asarray(b))
    return a


def mean_cross_entropy(a, Y):
    """Binary cross-entropy summed over outputs, averaged over examples."""
    return float(np.mean(-np.sum(Y * np.log(a) + (1 - Y) * np.log(1 - a), axis=1)))


def _trained(epochs):
    at = open_app("train")
    at.checkbox(key="train_all_correct").uncheck()
    at.number_input(key="train_target_loss").set_value(0.0)
    at.number_input(key="train_epochs_n").set_value(epochs)
    rerun(at)
    at.button(key="train_epochs").click()
    return rerun(at)


def test_the_page_shows_the_trained_networks_epoch_loss_and_accuracy():
    at = _trained(30)
    net, table = at.session_state["train_network"], truth_table("xor")
    assert net.activations == ("tanh", "sigmoid")       # XOR's own network on Train
    a = outputs(net, table.X)
    right = np.mean((a > 0.5) == (table.Y > 0.5))
    shown = play_payload(at)["readouts"]
    assert shown["figures"] == [["Epoch", "30"], ["Training loss", f"{mean_cross_entropy(a, table.Y):.4g}"],
                                ["Test loss", "–"], ["Training accuracy", f"{100 * right:.1f} %"]]
    assert shown["note"] == ""          # two inputs: the boundary is drawn, nothing to explain


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_readouts_in_each_language(lang):
    """The readouts module in `lang` (AppTest cannot rerun a Chinese page with translated
    options, so the language is set as the page sets it), on a network trained here."""
    net = Network.random([2, 3, 1], ["tanh", "sigmoid"], "binary_cross_entropy", seed=5)
    table = truth_table("xor")
    trained = train(TrainingState(net), table.X, table.Y, TrainingConfig(learning_rate=0.5, batch_size=4, epochs=12))
    state.set_language(lang)
    try:
        shown = readouts.readouts(trained.state, 2)
        fresh = readouts.readouts(TrainingState(net), 3)
    finally:
        state.set_language(None)
    a = outputs(trained.state.network, table.X)
    accuracy = f"{100 * np.mean((a > 0.5) == (table.Y > 0.5)):.1f} %"
    assert shown["figures"] == [list(pair) for pair in zip(LABELS[lang], ["12", f"{mean_cross_entropy(a, table.Y):.4g}",
                                                                          "–", accuracy])]
    assert [value for _, value in fresh["figures"]] == ["0", "–", "–", "–"]
    assert fresh["note"] == {"en": "No epochs yet: press 1 epoch, N epochs or Play.",
                             "zh": "还没有训练：点击“1 轮”、“N 轮”或“播放”。"}[lang]
    assert fresh["advice"] is None


def test_every_chunk_of_play_carries_the_readouts_of_the_epoch_it_sends():
    at = playing_page()
    table = truth_table("xor")
    report_drawn(at)                  # the first chunk (its answer holds full figures)
    for _ in range(3):
        report_drawn(at)
        sent = play_payload(at)
        net = at.session_state["train_network"]
        assert "loss" not in sent and sent["points"]["epoch"][-1] == at.session_state["train_state"].epoch
        figures = dict(sent["readouts"]["figures"])
        assert figures["Epoch"] == str(sent["points"]["epoch"][-1])
        assert figures["Training loss"] == f"{mean_cross_entropy(outputs(net, table.X), table.Y):.4g}"
        assert sent["answer"] == at.session_state["train_play_chart"]["drawn"]["ask"]   # the ask, echoed


def test_a_chunks_fragment_run_emits_only_the_chart():
    """While playing, the fragment's run has no metric, alert or caption of its own: the
    chart is the one element the browser updates per chunk."""
    at = open_app("train")
    at.session_state["train_playing"] = True
    at.session_state["train_play_start"] = (time.monotonic(), 0)
    rerun(at)
    report_drawn(at)
    assert not at.metric
    assert not [e for e in at.info if "plateau" in e.value]
    sent = [json.loads(c.proto.json) for c in at.get("bidi_component")]
    assert sum(1 for d in sent if isinstance(d, dict) and "readouts" in d) == 1
