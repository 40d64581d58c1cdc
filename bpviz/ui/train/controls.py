"""The Train page's controls: a network that fits the data, the hyper-parameters
(bounded by the work budget), the actions, and Play's stops.

Train has a network of its own (`state.train_network`): it starts as a copy of the
session's network when that fits the data, else as the data set's measured start, and
training never changes the network Build and Step show, until the learner presses "Use
this network on Step". Each call of `bpviz.engine.train` continues from the
`TrainingState` kept in session state; if the data changed, training starts afresh.
"""
import dataclasses
import time

import streamlit as st

from bpviz.engine import (
    LEAST_LEARNING_RATE,
    MAX_DECAY,
    MAX_EPOCHS_PER_CHUNK,
    MAX_LEARNING_RATE,
    MAX_PENALTY,
    MAX_ROWS,
    MAX_TARGET_LOSS,
    NetworkError,
    TrainingConfig,
    TrainingState,
    budget,
    fits,
    learning_rate_for,
    network_for,
    preset,
    stop_for,
    train,
)
from bpviz.ui import frame
from bpviz.ui.i18n import error_text, t, t_count
from bpviz.ui.session import state

LEARNING_RATE = "train_lr"        # the learning-rate box's key
TARGET_LOSS = "train_target_loss"
ALL_CORRECT = "train_all_correct"
MAX_EPOCHS_PER_CLICK = 1000
DEFAULT_EPOCHS_PER_CLICK = 200    # one click takes XOR's measured start to its default stop (106 epochs)
DEFAULT_EPOCHS_PER_REDRAW = 25   # epochs per chunk of Play, when the chunk budget allows
MAX_HISTORY = 5000                # epochs kept for the curves
PLAY_MAX_EPOCHS = 20_000          # one Play runs at most this many epochs ...
PLAY_MAX_MINUTES = 2              # ... or this long
CHUNKS_PER_ASK = 2                # Play's chunks per ask of the browser, when the chunk budget has room


def training_state(data):
    """The session's TrainingState, restarted if Train's network or the data changed."""
    current = state.training_state()
    if current is None or current.network != state.train_network() or state.training_data() is not data:
        current = TrainingState(state.train_network())
        state.set_training_state(current, data)
    return current


def preset_of(net):
    """The name of the preset `net` still is (the session's preset, untouched), or None."""
    name = state.preset_name()
    return name if name is not None and net == preset(name).network else None


def ensure_fit(data):
    """Train's own network for the data: kept while it fits; else a copy of the session's
    network if that fits, else the data set's measured start (said in a notice). A classroom
    link that fixed the architecture allows only the session's network. True if Train has a
    network that fits."""
    X, Y = data.train.X, data.train.Y
    current = state.train_network()
    if current is not None and fits(current, X, Y):
        return True
    own = state.network()
    if fits(own, X, Y):
        start, notice = own, None
    elif state.fixed("architecture"):   # a classroom link fixed it: no set-up, say why
        st.info(t("train.mismatch", network=frame.network_line(own), inputs=X.shape[1], outputs=Y.shape[1]))
        st.warning(t("link.fixed", control=t("share.control.architecture")))
        return False
    else:
        start = network_for(data.key, X, Y)
        notice = ("info", t("train.set_up", data=data.label, network=frame.network_line(start),
                            learning_rate=learning_rate_for(data.key)))
    state.set_train_network(start)
    reset_training(data)
    state.set_outcome(notice)
    return True


def use_on_step():
    """The button's action: Train's network becomes the session's (Build and Step show it)."""
    trained = state.train_network()
    if state.set_network(trained):
        state.forget_preset()
        state.set_train_network(trained)     # made from the session's network, which it now is
        state.set_outcome(("success", t("train.used_on_step")))


def choose_learning_rate(data):
    """Give the learning-rate box the measured η when the task (data, architecture,
    preset) changed since it was last chosen; the learner's own choice stays otherwise."""
    net = state.train_network()
    name = preset_of(net)
    task = (data, net.sizes, name)
    known = state.train_task()
    if known is None or known[0] is not data or known[1:] != task[1:]:
        state.set_train_task(task)
        state.set_widget_value(LEARNING_RATE, learning_rate_for(data.key, name))
        choose_stop(data)


def choose_stop(data):
    """Give the stop criteria the data set's measured defaults (the engine's `stop_for`)."""
    target_loss, all_correct = stop_for(data.key)
    state.set_widget_value(TARGET_LOSS, target_loss)
    state.set_widget_value(ALL_CORRECT, all_correct)


def bounded(key, default, high):
    """Prepare a widget's session value: the default the first time, never above `high`."""
    state.set_widget_value(key, min(state.widget_value(key, default), high))


def settings(data):
    """The hyper-parameter widgets, bounded by the work budget; returns (TrainingConfig
    for one epoch, epochs per click, epochs per live redraw: 0 when none fits) or None
    with the problem shown."""
    net, rows = state.train_network(), data.train.rows
    test_rows = 0 if data.test is None else data.test.rows
    left, middle, right = st.columns(3)
    choose_learning_rate(data)
    if state.fixed("learning_rate"):   # a classroom link hides η: the data set's measured one, shown
        learning_rate = learning_rate_for(data.key, preset_of(state.train_network()))
        left.markdown(t("train.fixed_learning_rate", learning_rate=f"{learning_rate:.4g}"))
    else:
        learning_rate = left.number_input(t("train.learning_rate"), LEAST_LEARNING_RATE, MAX_LEARNING_RATE,
                                          step=0.1, format="%.4g", key=LEARNING_RATE,
                                          help=t("train.learning_rate_help"))
    decay = left.number_input(t("train.decay"), 0.0, MAX_DECAY, 0.0, 0.001, format="%.4g", key="train_decay",
                              help=t("train.decay_help"))
    momentum = left.slider(t("train.momentum"), 0.0, 0.99, 0.0, 0.01, key="train_momentum",
                           help=t("train.momentum_help"))
    full_batch = middle.checkbox(t("train.full_batch"), value=True, key="train_full_batch")
    batch_size = rows if full_batch else int(middle.number_input(
        t("train.batch_size"), 1, MAX_ROWS, 1, key="train_batch_size", help=t("train.batch_size_help")))
    shuffle = middle.checkbox(t("train.shuffle"), value=True, key="train_shuffle", disabled=full_batch)
    batch_size = min(batch_size, rows)
    most = min(MAX_EPOCHS_PER_CLICK, budget.max_epochs(net.sizes, rows, test_rows, batch_size))
    most_per_redraw = budget.max_chunk_epochs(net.sizes, rows, test_rows, batch_size)
    if most == 0:
        st.error(t("train.no_room", count=net.parameter_count, rows=rows + test_rows))
        return None
    bounded("train_epochs_n", DEFAULT_EPOCHS_PER_CLICK, most)
    epochs = int(middle.number_input(t("train.epochs"), 1, most, step=10, key="train_epochs_n"))
    if most < MAX_EPOCHS_PER_CLICK:
        middle.caption(t("train.epochs_bound", most=most, count=net.parameter_count, rows=rows + test_rows))
    per_redraw = 0
    if most_per_redraw:
        bounded("train_per_redraw", DEFAULT_EPOCHS_PER_REDRAW, most_per_redraw)
        per_redraw = int(right.number_input(t("train.per_redraw"), 1, most_per_redraw, key="train_per_redraw",
                                            help=t("train.per_redraw_help")))
        if most_per_redraw < MAX_EPOCHS_PER_CHUNK:
            right.caption(t("train.redraw_bound", most=most_per_redraw, rows=rows + test_rows))
    else:
        right.caption(t("train.no_play"))
    target_loss = right.number_input(t("train.target_loss"), 0.0, MAX_TARGET_LOSS, step=0.01, format="%.4g",
                                     key=TARGET_LOSS, help=t("train.target_loss_help"))
    all_correct = right.checkbox(t("train.all_correct"), key=ALL_CORRECT, help=t("train.all_correct_help"))
    l1, l2 = (column.number_input(t(f"train.{name}"), 0.0, MAX_PENALTY, 0.0, 0.001, format="%.4g",
                                  key=f"train_{name}", help=t(f"train.{name}_help"))
              for column, name in ((left, "l1"), (middle, "l2")))
    try:
        config = TrainingConfig(learning_rate=learning_rate, batch_size=batch_size, momentum=momentum,
                                decay=decay, epochs=1, target_loss=target_loss or None,
                                stop_when_all_correct=all_correct, shuffle=shuffle and not full_batch,
                                update_biases=True, l1=l1, l2=l2)
    except NetworkError as error:
        st.error(t("train.bad_setting", message=error_text(error)))
        return None
    return config, epochs, per_redraw


def run_epochs(data, config, epochs):
    """Train `epochs` more epochs from the session's state; store the network; True if it
    may go on (False when it stopped for a reason other than the epoch count)."""
    current = training_state(data)
    test = data.test
    try:
        result = train(current, data.train.X, data.train.Y, dataclasses.replace(config, epochs=epochs),
                       None if test is None else test.X, None if test is None else test.Y)
    except NetworkError as error:
        state.set_outcome(("error", t("train.cannot_train", message=error_text(error))))
        return False
    new = result.state
    if len(new.history) > MAX_HISTORY:
        new = dataclasses.replace(new, history=new.history[-MAX_HISTORY:])
    state.set_train_network(new.network)
    state.set_training_state(new, data)
    if result.stop_reason == "epochs":
        state.set_outcome(None)
        return True
    kind = "error" if result.stop_reason == "diverged" else "success"
    reason = result.stop_reason
    if reason == "target_loss" and config.stop_when_all_correct:
        reason = "target_loss_all_correct"
    state.set_outcome((kind, t(f"train.stopped.{reason}", epoch=new.epoch)))
    return False


def play_step(data, config, per_redraw):
    """One live redraw's training; False (with the reason stored) when Play must stop:
    the engine stopped, or this Play has run its most epochs or minutes."""
    if not run_epochs(data, config, per_redraw):
        return False
    started, first_epoch = state.play_start((time.monotonic(), 0))
    done = training_state(data).epoch - first_epoch
    if done >= PLAY_MAX_EPOCHS:
        state.set_outcome(("info", t("train.stopped.play_epochs", epochs=done)))
        return False
    if time.monotonic() - started >= 60 * PLAY_MAX_MINUTES:
        state.set_outcome(("info", t("train.stopped.play_time", minutes=PLAY_MAX_MINUTES)))
        return False
    return True


def chunks_per_ask(sizes, data, batch_size, per_redraw):
    """How many chunks of Play one ask of the browser trains (CHUNKS_PER_ASK, the browser
    showing each in turn), as long as together they fit one chunk's work budget (the
    engine's `max_chunk_epochs` for a network of `sizes` on `data`); else 1. Every chunk
    still trains `per_redraw` epochs."""
    test_rows = 0 if data.test is None else data.test.rows
    most = budget.max_chunk_epochs(sizes, data.train.rows, test_rows, batch_size)
    return max(1, min(CHUNKS_PER_ASK, most // max(1, per_redraw)))


def _toggle_play(data):
    playing = not state.playing()
    state.set_playing(playing)
    state.set_outcome(None)
    if playing:
        state.set_play_start(time.monotonic(), training_state(data).epoch)


def reset_training(data):
    state.set_training_state(TrainingState(state.train_network()), data)
    state.set_outcome(None)
    state.set_playing(False)


def actions(data, config, epochs, per_redraw):
    """One epoch, N epochs, Play/Pause and Reset history."""
    playing = state.playing()
    columns = st.columns(4)
    if columns[0].button(t("train.one_epoch"), key="train_one", icon=":material/skip_next:", disabled=playing,
                         width="stretch"):
        run_epochs(data, config, 1)
    if columns[1].button(t_count("train.n_epochs", epochs, epochs=epochs), key="train_epochs",
                         icon=":material/fast_forward:", disabled=playing, width="stretch"):
        run_epochs(data, config, epochs)
    columns[2].button(t("train.pause") if playing else t("train.play"), key="train_play", on_click=_toggle_play,
                      args=(data,), icon=":material/pause:" if playing else ":material/play_arrow:", type="primary",
                      width="stretch", disabled=per_redraw == 0,
                      help=t("train.play_help", epochs=PLAY_MAX_EPOCHS, minutes=PLAY_MAX_MINUTES))
    columns[3].button(t("train.reset"), key="train_reset", on_click=reset_training, args=(data,),
                      icon=":material/history:", width="stretch", help=t("train.reset_help"))
    if state.train_network() != state.network():
        st.button(t("train.use_on_step"), key="train_use_on_step", on_click=use_on_step, disabled=playing,
                  icon=":material/footprint:", help=t("train.use_on_step_help"))
