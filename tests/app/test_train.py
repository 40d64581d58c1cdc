"""The Train page: a few epochs lower the loss on XOR; bad data and settings change nothing."""
import time

import numpy as np

from bpviz.engine import TrainingConfig, loss_value, preset, train, truth_table
from tests.app.apptest import open_app, rerun


def _load_xor_preset(at):
    from bpviz.engine import preset
    p = preset("xor")
    at.session_state["network"] = p.network
    at.session_state["train_network"] = None   # as set_network does: Train starts again from it
    at.session_state["preset"] = "xor"
    return p.network


def _texts(elements):
    return " ".join(element.value for element in elements)


def readout(at, label):
    """The value Play's chart shows under `label` (its readouts travel in the chart's data)."""
    return dict(play_payload(at)["readouts"]["figures"])[label]


def test_a_fresh_session_sets_up_a_network_for_the_data_and_one_click_learns_xor():
    at = open_app("train")     # the worked example (2-2-2) does not fit XOR's one target
    assert not at.warning
    net = at.session_state["train_network"]
    assert net.sizes == (2, 4, 1) and net.activations == ("tanh", "sigmoid")
    assert "set up a network" in _texts(at.info) and at.number_input(key="train_lr").value == 1.0
    # the default stop: the loss at most 0.05 and every row right, so the curve shows the descent
    assert at.number_input(key="train_target_loss").value == 0.05 and at.checkbox(key="train_all_correct").value
    at.button(key="train_epochs").click()
    rerun(at)
    assert "reached the target and every training example is classified correctly" in _texts(at.success)
    assert readout(at, "Training accuracy") == "100.0 %"
    history = at.session_state["train_state"].history
    assert history[-1].train_loss <= 0.05 < history[-2].train_loss and history[0].train_loss > 0.5
    assert 50 < len(history) < 200          # more than the first all-correct epoch, within one click
    assert at.session_state["network"] == preset("worked_example").network     # Step's network untouched


def test_a_learners_own_network_is_kept_and_train_uses_its_own_until_asked():
    from bpviz.engine import Network
    at = open_app("train")
    own = Network.random([3, 5, 2], "tanh", "squared_error", seed=4)
    at.session_state["network"] = own
    at.session_state["train_network"] = None   # as set_network does: Train starts again from it
    at.session_state["preset"] = None
    rerun(at)
    assert at.session_state["network"] == own and not at.warning          # does not fit XOR: kept, not used
    assert at.session_state["train_network"].sizes == (2, 4, 1) and "set up a network" in _texts(at.info)
    at.button(key="train_epochs").click()
    rerun(at)
    trained = at.session_state["train_network"]
    assert at.session_state["network"] == own and trained != network_for_xor()
    at.button(key="train_use_on_step").click()                             # the learner asks
    rerun(at)
    assert at.session_state["network"] == trained
    assert "now show the trained network" in _texts(at.success)
    assert not [b for b in at.button if b.key == "train_use_on_step"]    # nothing left to hand over
    step = rerun(at.switch_page("views/step.py"))
    assert step.session_state["network"] == trained


def network_for_xor():
    from bpviz.engine import network_for
    table = truth_table("xor")
    return network_for("truth_table:xor", table.X, table.Y)


def test_the_xor_preset_trains_with_its_own_learning_rate():
    at = open_app("train")
    _load_xor_preset(at)
    rerun(at)
    assert at.number_input(key="train_lr").value == 2.0
    assert at.session_state["train_network"].sizes == (2, 2, 1)


def test_n_epochs_lower_the_loss_and_equal_the_engines_training():
    at = open_app("train")
    start = _load_xor_preset(at)
    rerun(at)
    table = truth_table("xor")
    before = loss_value(start, table.X, table.Y)
    at.number_input(key="train_epochs_n").set_value(200)
    at.number_input(key="train_lr").set_value(2.0)
    at.checkbox(key="train_all_correct").uncheck()
    rerun(at)
    at.button(key="train_epochs").click()
    rerun(at)
    net = at.session_state["train_network"]
    assert at.session_state["network"] == start      # training left the Step page's network alone
    after = loss_value(net, table.X, table.Y)
    assert after < before
    expected = train(start, table.X, table.Y, TrainingConfig(learning_rate=2.0, batch_size=4, epochs=200)).network
    assert net == expected            # the page trains exactly what the engine trains
    assert at.session_state["train_state"].epoch == 200
    assert readout(at, "Epoch") == "200"
    import json
    data = [json.loads(component.proto.json) for component in at.get("bidi_component")]
    play = [d for d in data if isinstance(d, dict) and "loss" in d]     # Play's chart, before any report: full
    assert len(play) == 1 and play[0]["side"] is not None                # the loss curves and the boundary
    assert len(json.loads(play[0]["loss"])["data"][0]["x"]) == 200, "the loss curve shows every epoch"
    charts = [json.loads(d["figure"]) for d in data if isinstance(d, dict) and "figure" in d]   # not the address
    assert len(charts) == 2       # gradient health, diagram
    health = charts[0]
    assert [trace["name"] for trace in health["data"]] == ["weights into layer 1", "weights into layer 2"]
    assert health["layout"]["yaxis"]["type"] == "log"
    rms = [record.gradient_rms for record in at.session_state["train_state"].history]
    assert [row[0] for row in health["data"][0]["customdata"]] == [r[0] for r in rms]


def play_payload(at):
    """What the page sent Play's chart on its last run."""
    import json
    sent = [json.loads(component.proto.json) for component in at.get("bidi_component")]
    return next(d for d in sent if isinstance(d, dict) and "run" in d)


def report_drawn(at):
    """Do what the browser's chart does once it has drawn everything it was sent: report
    the run, the last epoch and the loss traces (this reruns the page's fragment)."""
    sent, training = play_payload(at), at.session_state["train_state"]
    epoch = training.history[-1].epoch if training.history else 0
    at.session_state["train_play_chart"] = {"drawn": {"run": sent["run"], "epoch": epoch, "fields": sent["fields"],
                                                      "ask": time.monotonic_ns()}}
    return rerun(at)


def test_play_stops_at_full_accuracy_and_after_its_longest_time():
    import time
    at = open_app("train")
    at.session_state["train_playing"] = True
    at.session_state["train_play_start"] = (time.monotonic(), 0)
    rerun(at)
    for _ in range(10):
        report_drawn(at)
        if not at.session_state["train_playing"]:
            break
    assert not at.session_state["train_playing"]
    assert "reached the target and every training example is classified correctly" in _texts(at.success)
    at.button(key="train_reset").click()
    at.checkbox(key="train_all_correct").uncheck()
    at.number_input(key="train_target_loss").set_value(0.0)      # no stop but Play's own limits
    rerun(at)
    at.session_state["train_playing"] = True
    at.session_state["train_play_start"] = (time.monotonic() - 3600, 0)
    report_drawn(at)
    assert not at.session_state["train_playing"]
    assert "Play stopped after 2 minutes" in _texts(at.info)


def _trained(net, learning_rate, epochs):
    """The Train page after one click of `epochs` epochs of `net` at `learning_rate`."""
    at = open_app("train")
    at.session_state["network"] = net
    at.session_state["train_network"] = None   # as set_network does: Train starts again from it
    at.session_state["preset"] = None
    rerun(at)
    at.number_input(key="train_lr").set_value(learning_rate)
    at.number_input(key="train_epochs_n").set_value(epochs)
    rerun(at)
    at.button(key="train_epochs").click()
    return rerun(at)


def test_a_plateau_is_named_with_what_helps():
    from bpviz.engine import Network
    at = _trained(Network.random([2, 2, 1], "sigmoid", "squared_error", seed=0), 0.5, 600)
    advice = play_payload(at)["readouts"]["advice"]
    assert "plateau" in advice and "more hidden neurons" in advice


def test_epochs_per_click_are_bounded_by_the_work_budget_for_the_largest_network():
    from bpviz.engine import Network, budget, train_test_split
    from bpviz.engine.datasets import Dataset
    from bpviz.ui.train.data import TrainData
    rng = np.random.default_rng(0)
    whole = Dataset(rng.uniform(-1, 1, (5000, 10)), np.eye(10)[rng.integers(0, 10, 5000)], "big", "classification",
                    tuple(f"x{i}" for i in range(10)), tuple(f"y{i}" for i in range(10)))
    train_set, test_set = train_test_split(whole, 0.25, 0)
    at = open_app("train")
    at.session_state["train_data"] = TrainData(train_set, test_set, "big")
    at.session_state["network"] = Network.random([10] * 8, ["tanh"] * 6 + ["softmax"], "cross_entropy", seed=0)
    at.session_state["train_network"] = None   # as set_network does: Train starts again from it
    at.session_state["preset"] = None
    rerun(at)
    most = budget.max_epochs((10,) * 8, 3750, 1250, 3750)
    box = at.number_input(key="train_epochs_n")
    assert box.max == most < 1000 and box.value == most
    assert f"At most {most:,} epochs per click" in " ".join(c.value for c in at.caption)
    at.button(key="train_epochs").click()
    rerun(at)
    assert at.session_state["train_state"].epoch == most and not at.error


def test_divergence_keeps_the_last_good_network_and_says_why():
    from bpviz.engine import Network
    at = _trained(Network([[[3.0, 3.0]], [[3.0]]], [[0.0], [0.0]], ["linear", "linear"], "squared_error"), 100.0, 50)
    kept = at.session_state["network"]
    assert all(np.isfinite(w).all() for w in kept.weights)
    assert any("learning rate is too high" in e.value for e in at.error)


def test_a_bad_csv_is_rejected_and_the_data_stay():
    at = open_app("train")
    before = at.session_state["train_data"]
    at.radio(key="data_source").set_value("csv")
    rerun(at)
    at.file_uploader[0].set_value(("bad.csv", b"x1,x2,y\n1,2,3\n4,five,6\n", "text/csv"))
    rerun(at)
    at.button(key="data_csv_use").click()
    rerun(at)
    assert at.session_state["train_data"] is before
    message = " ".join(e.value for e in at.error)
    assert "unchanged" in message and "five" in message


def test_a_good_csv_becomes_the_training_data():
    at = open_app("train")
    rows = "\n".join(f"{x:.2f},{1.0 if x > 0 else 0.0}" for x in np.linspace(-1, 1, 40))
    at.radio(key="data_source").set_value("csv")
    rerun(at)
    at.file_uploader[0].set_value(("line.csv", ("x,label\n" + rows).encode(), "text/csv"))
    rerun(at)
    at.button(key="data_csv_use").click()
    rerun(at)
    data = at.session_state["train_data"]
    assert data.train.rows + data.test.rows == 40 and data.train.X.shape[1] == 1
