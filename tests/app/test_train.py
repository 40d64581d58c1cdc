"""The Train page: a few epochs lower the loss on XOR; bad data and settings change nothing."""
import numpy as np

from bpviz.engine import TrainingConfig, forward, loss_value, train, truth_table
from tests.app.apptest import open_app, rerun


def _load_xor_preset(at):
    from bpviz.engine import preset
    p = preset("xor")
    at.session_state["network"] = p.network
    return p.network


def test_default_data_are_the_xor_table_and_the_network_is_adapted_to_them():
    at = open_app("train")     # the worked example has 2 outputs, XOR has 1
    assert any("does not fit" in w.value for w in at.warning)
    at.button(key="train_adapt").click()
    rerun(at)
    net = at.session_state["network"]
    assert net.sizes == (2, 2, 1)
    assert not at.warning


def test_n_epochs_lower_the_loss_and_equal_the_engines_training():
    at = open_app("train")
    start = _load_xor_preset(at)
    rerun(at)
    table = truth_table("xor")
    before = loss_value(start, table.X, table.Y)
    at.number_input(key="train_epochs_n").set_value(200)
    at.number_input(key="train_lr").set_value(2.0)
    rerun(at)
    at.button(key="train_epochs").click()
    rerun(at)
    net = at.session_state["network"]
    after = loss_value(net, table.X, table.Y)
    assert after < before
    expected = train(start, table.X, table.Y, TrainingConfig(learning_rate=2.0, batch_size=4, epochs=200)).network
    assert net == expected            # the page trains exactly what the engine trains
    assert at.session_state["train_state"].epoch == 200
    assert at.metric[0].value == "200"
    assert at.get("plotly_chart"), "the loss curve is drawn"


def test_divergence_keeps_the_last_good_network_and_says_why():
    at = open_app("train")
    from bpviz.engine import Network
    net = Network([[[3.0, 3.0]], [[3.0]]], [[0.0], [0.0]], ["linear", "linear"], "squared_error")
    at.session_state["network"] = net
    rerun(at)
    at.number_input(key="train_lr").set_value(100.0)
    at.number_input(key="train_epochs_n").set_value(50)
    rerun(at)
    at.button(key="train_epochs").click()
    rerun(at)
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
