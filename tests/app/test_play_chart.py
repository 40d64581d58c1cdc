"""Play paced by the browser: the page trains a chunk only when the chart reports that it
has drawn everything, and then sends only what is new (the points after the reported
epoch and the boundary's numbers); anything it cannot extend gets full figures."""
import time

import numpy as np
import pytest

from bpviz import viz
from bpviz.engine import Network, TrainingConfig, TrainingState, train, truth_table
from bpviz.ui.train import play_chart
from tests.app.apptest import open_app, rerun
from tests.app.test_train import play_payload, report_drawn


def playing_page():
    """Train playing XOR with nothing to stop it but Play's own limits."""
    at = open_app("train")
    at.checkbox(key="train_all_correct").uncheck()
    at.number_input(key="train_target_loss").set_value(0.0)
    rerun(at)
    at.session_state["train_playing"] = True
    at.session_state["train_play_start"] = (time.monotonic(), 0)
    return rerun(at)


def test_nothing_trains_until_the_browser_has_drawn_the_last_chunk():
    at = playing_page()
    per_chunk = at.number_input(key="train_per_redraw").value
    report_drawn(at)                                   # the first report: one ask, two chunks (XOR fits two)
    assert at.session_state["train_state"].epoch == 2 * per_chunk
    for _ in range(3):                                 # reruns without a new report: the browser is behind
        rerun(at)
    assert at.session_state["train_state"].epoch == 2 * per_chunk
    report_drawn(at)
    assert at.session_state["train_state"].epoch == 4 * per_chunk


def test_a_chunk_sends_only_the_new_points_and_the_boundarys_numbers():
    at = playing_page()
    per_chunk = at.number_input(key="train_per_redraw").value
    report_drawn(at)
    report_drawn(at)
    sent = play_payload(at)
    assert "loss" not in sent and "side" not in sent  # no figure, only numbers
    assert sent["after"] == 2 * per_chunk
    assert sent["points"]["epoch"] == list(range(2 * per_chunk + 1, 4 * per_chunk + 1))
    history = at.session_state["train_state"].history
    assert sent["points"]["train_loss"] == [r.train_loss for r in history[2 * per_chunk:]]
    assert sent["fields"] == ["train_loss", "train_accuracy"]     # XOR: no test set
    # the grid is the trained network's output over the data, GRID_RESOLUTION a side, to GRID_DIGITS
    table = truth_table("xor")
    side = play_chart.GRID_RESOLUTION
    grid = viz.boundary_grid(at.session_state["train_network"], table.X, table.Y, side)   # Train's own
    assert np.array(sent["numbers"]["z"]).shape == (side, side)
    assert np.allclose(sent["numbers"]["z"], grid["z"], atol=10 ** -play_chart.GRID_DIGITS)
    assert sent["numbers"]["zmax"] == pytest.approx(grid["zmax"])
    # where the browser paints it: the grid's axes and the decision threshold
    assert np.allclose(sent["grid"]["x"], grid["x"]) and np.allclose(sent["grid"]["y"], grid["y"])
    assert sent["grid"]["centre"] == 0.5                 # XOR's 0/1 targets


def test_an_ask_that_trained_two_chunks_sends_the_first_as_a_frame_with_its_own_numbers_and_readouts():
    """The browser shows the first chunk, then the second: the first's epoch, grid and
    readouts are the network's after it, which a replay of the same training gives."""
    at = playing_page()
    per_chunk = at.number_input(key="train_per_redraw").value
    report_drawn(at)
    start = at.session_state["train_state"]                    # after the first ask
    report_drawn(at)
    sent = play_payload(at)
    assert len(sent["frames"]) == 1
    frame = sent["frames"][0]
    assert frame["epoch"] == 3 * per_chunk
    table = truth_table("xor")
    config = TrainingConfig(learning_rate=at.number_input(key="train_lr").value, batch_size=4, epochs=per_chunk)
    middle = train(start, table.X, table.Y, config).state       # the first chunk of this ask, replayed
    grid = viz.boundary_grid(middle.network, table.X, table.Y, play_chart.GRID_RESOLUTION)
    assert np.allclose(frame["numbers"]["z"], grid["z"], atol=10 ** -play_chart.GRID_DIGITS)
    figures = dict(frame["readouts"]["figures"])
    assert figures["Epoch"] == str(3 * per_chunk)
    assert figures["Training loss"] == f"{middle.history[-1].train_loss:.4g}"
    # the last chunk is the message itself: its readouts say the ask's last epoch
    assert dict(sent["readouts"]["figures"])["Epoch"] == str(4 * per_chunk)


def test_one_ask_trains_two_chunks_only_when_both_fit_one_chunks_work_budget():
    from bpviz.engine import MAX_HIDDEN_LAYERS, MAX_NEURONS_PER_LAYER, budget, two_d
    from bpviz.ui.train import controls

    class Data:                                       # what chunks_per_ask reads of Train's data
        def __init__(self, rows):
            self.train, self.test = two_d("circle", rows, 0.1, 0), None

    largest = [2, *[MAX_NEURONS_PER_LAYER] * MAX_HIDDEN_LAYERS, 1]
    most = budget.max_chunk_epochs(largest, 5000, 0, 5000)    # the engine's budget, not this module's
    assert most >= 1
    assert controls.chunks_per_ask(largest, Data(5000), 5000, most) == 1   # one chunk fills the budget
    if most >= 2:
        assert controls.chunks_per_ask(largest, Data(5000), 5000, most // 2) == 2
    assert controls.chunks_per_ask([2, 3, 1], Data(4), 4, 25) == 2          # XOR's default: room for two


def _state(epochs):
    net = Network.random([2, 3, 1], ["tanh", "sigmoid"], "binary_cross_entropy", seed=3)
    table = truth_table("xor")
    return train(TrainingState(net), table.X, table.Y, TrainingConfig(learning_rate=1.0, batch_size=4,
                                                                     epochs=epochs)).state


@pytest.mark.parametrize("reported", [
    None, "drawn", 7, [], {"epoch": 10}, {"epoch": True, "run": "", "fields": ["train_loss"]},
    {"epoch": 10.0, "fields": ["train_loss", "train_accuracy"]},
    {"epoch": 11, "fields": ["train_loss", "train_accuracy"]},            # beyond the history
    {"epoch": -1, "fields": ["train_loss", "train_accuracy"]},
    {"epoch": 5, "fields": ["train_loss"]},                               # an accuracy trace is missing
    {"epoch": 5, "run": "another run", "fields": ["train_loss", "train_accuracy"]},
])
def test_a_report_that_cannot_be_extended_means_full_figures(reported):
    training = _state(10)
    if isinstance(reported, dict) and "run" not in reported:
        reported = {**reported, "run": play_chart.run_token(training, training.network.sizes)}
    assert play_chart.drawn_epoch(reported, training, training.network.sizes) is None
    assert not play_chart.caught_up(reported, training, training.network.sizes)


def test_an_older_report_of_the_same_run_gets_every_point_after_it():
    training = _state(10)
    sizes = training.network.sizes
    reported = {"epoch": 4, "run": play_chart.run_token(training, sizes), "fields": ["train_loss", "train_accuracy"]}
    assert play_chart.drawn_epoch(reported, training, sizes) == 4
    assert not play_chart.caught_up(reported, training, sizes)
    assert play_chart.new_points(training.history, 4)["epoch"] == [5, 6, 7, 8, 9, 10]
    caught = {**reported, "epoch": 10}
    assert play_chart.caught_up(caught, training, sizes)
    # an empty chart (before the first epoch) is extended by any run
    empty = {"epoch": 0, "run": "", "fields": ["train_loss", "train_accuracy"]}
    assert play_chart.drawn_epoch(empty, training, sizes) == 0



def test_while_playing_the_address_catches_up_with_the_training_every_few_seconds_only(monkeypatch):
    """A chunk's run puts the training in the address only once ADDRESS_EVERY_S has passed
    since the last time (the run that pressed Play has just written it); then again later."""
    from bpviz.ui.train import view

    clock, writes = {"last": None}, []
    monkeypatch.setattr(view.state, "play_address_time", lambda: clock["last"])
    monkeypatch.setattr(view.state, "set_play_address_time", lambda now: clock.update(last=now))
    monkeypatch.setattr(view.address, "write", lambda: writes.append(clock["last"]))
    every = view.ADDRESS_EVERY_S
    view.follow_in_address(100.0)                    # the first chunk: the clock starts
    assert writes == [] and clock["last"] == 100.0
    view.follow_in_address(100.0 + every - 0.1)      # too soon
    assert writes == []
    view.follow_in_address(100.0 + every)            # due: written, the clock restarts
    assert writes == [100.0 + every]
    view.follow_in_address(100.0 + 1.5 * every)
    assert writes == [100.0 + every]
    view.follow_in_address(100.0 + 2 * every)
    assert writes == [100.0 + every, 100.0 + 2 * every]

