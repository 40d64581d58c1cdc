"""The Train page's controls: hyper-parameters, the actions, and the live view.

Training acts on the session's network (the one Build and Step use): each call
of `bpviz.engine.train` continues from the `TrainingState` kept in session
state, and the trained network is stored back with `state.set_network`. If the
network or the data changed elsewhere, training starts afresh from them.
"""
import dataclasses

import streamlit as st

from bpviz import viz
from bpviz.engine import MAX_LEARNING_RATE, MAX_ROWS, NetworkError, TrainingConfig, TrainingState, train
from bpviz.engine.edit import reshape_network
from bpviz.engine.limits import LEAST_LEARNING_RATE
from bpviz.engine.training import MAX_DECAY, MAX_TARGET_LOSS
from bpviz.ui import charts, layout, state, train_data
from bpviz.ui.i18n import catalogue, error_text, t

TRAINING = "train_state"          # TrainingState
TRAINING_DATA = "train_state_data"  # the TrainData that TRAINING was trained on
PLAYING = "train_playing"
OUTCOME = "train_outcome"         # (kind, text) of the last stop, shown until the next action
MAX_EPOCHS_PER_CLICK = 1000
MAX_HISTORY = 5000                # epochs kept for the curves
PLAY_INTERVAL = 0.2               # seconds between live redraws


def training_state(data):
    """The session's TrainingState, restarted if the network or data changed elsewhere."""
    current = st.session_state.get(TRAINING)
    if current is None or current.network != state.network() or st.session_state.get(TRAINING_DATA) is not data:
        current = TrainingState(state.network())
        st.session_state[TRAINING] = current
        st.session_state[TRAINING_DATA] = data
    return current


def fits(net, data):
    return net.sizes[0] == data.train.X.shape[1] and net.sizes[-1] == data.train.Y.shape[1]


def adapt_network(data):
    """Offer to give the network the data's input and output widths; True if it fits."""
    net = state.network()
    if fits(net, data):
        return True
    inputs, outputs = data.train.X.shape[1], data.train.Y.shape[1]
    st.warning(t("train.mismatch", network=layout.network_line(net), inputs=inputs, outputs=outputs))
    if st.button(t("train.adapt"), key="train_adapt", icon=":material/build:"):
        activations, loss = list(net.activations), net.loss
        if data.train.task == "regression":
            activations[-1], loss = "linear", "squared_error"
        elif activations[-1] not in ("sigmoid", "softmax"):
            activations[-1] = "sigmoid"
        if activations[-1] == "sigmoid" and loss == "cross_entropy":
            loss = "binary_cross_entropy"
        sizes = [inputs, *net.sizes[1:-1], outputs]
        try:
            state.set_network(reshape_network(net, sizes, activations, loss, seed=0))
        except NetworkError as error:
            st.error(t("build.error", message=error_text(error)))
            return False
        st.rerun()
    return False


def settings(rows):
    """The hyper-parameter widgets; returns (TrainingConfig for one epoch, epochs per click,
    epochs per live redraw) or None with the problem shown."""
    left, middle, right = st.columns(3)
    learning_rate = left.number_input(t("train.learning_rate"), LEAST_LEARNING_RATE, MAX_LEARNING_RATE, 0.5, 0.1,
                                      format="%.4g", key="train_lr", help=t("train.learning_rate_help"))
    decay = left.number_input(t("train.decay"), 0.0, MAX_DECAY, 0.0, 0.001, format="%.4g", key="train_decay",
                              help=t("train.decay_help"))
    momentum = left.slider(t("train.momentum"), 0.0, 0.99, 0.0, 0.01, key="train_momentum",
                           help=t("train.momentum_help"))
    full_batch = middle.checkbox(t("train.full_batch"), value=True, key="train_full_batch")
    batch_size = rows if full_batch else int(middle.number_input(
        t("train.batch_size"), 1, MAX_ROWS, 1, key="train_batch_size", help=t("train.batch_size_help")))
    shuffle = middle.checkbox(t("train.shuffle"), value=True, key="train_shuffle", disabled=full_batch)
    epochs = int(middle.number_input(t("train.epochs"), 1, MAX_EPOCHS_PER_CLICK, 100, 10, key="train_epochs_n"))
    per_redraw = int(right.number_input(t("train.per_redraw"), 1, 100, 10, key="train_per_redraw",
                                        help=t("train.per_redraw_help")))
    target_loss = right.number_input(t("train.target_loss"), 0.0, MAX_TARGET_LOSS, 0.0, 0.001, format="%.4g",
                                     key="train_target_loss", help=t("train.target_loss_help"))
    all_correct = right.checkbox(t("train.all_correct"), value=False, key="train_all_correct")
    try:
        config = TrainingConfig(learning_rate=learning_rate, batch_size=min(batch_size, rows), momentum=momentum,
                                decay=decay, epochs=1, target_loss=target_loss or None,
                                stop_when_all_correct=all_correct, shuffle=shuffle and not full_batch,
                                update_biases=True)
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
        st.session_state[OUTCOME] = ("error", t("train.cannot_train", message=error_text(error)))
        return False
    new = result.state
    if len(new.history) > MAX_HISTORY:
        new = dataclasses.replace(new, history=new.history[-MAX_HISTORY:])
    state.set_network(new.network)
    st.session_state[TRAINING] = new
    st.session_state[TRAINING_DATA] = data
    if result.stop_reason == "epochs":
        st.session_state[OUTCOME] = None
        return True
    kind = "error" if result.stop_reason == "diverged" else "success"
    st.session_state[OUTCOME] = (kind, t(f"train.stopped.{result.stop_reason}", epoch=new.epoch))
    return False


def _toggle_play():
    st.session_state[PLAYING] = not st.session_state.get(PLAYING, False)
    st.session_state[OUTCOME] = None


def reset_training(data):
    st.session_state[TRAINING] = TrainingState(state.network())
    st.session_state[TRAINING_DATA] = data
    st.session_state[OUTCOME] = None
    st.session_state[PLAYING] = False


def actions(data, config, epochs):
    """One epoch, N epochs, Play/Pause and Reset history."""
    playing = st.session_state.get(PLAYING, False)
    columns = st.columns(4)
    if columns[0].button(t("train.one_epoch"), key="train_one", icon=":material/skip_next:", disabled=playing,
                         width="stretch"):
        run_epochs(data, config, 1)
    if columns[1].button(t("train.n_epochs", epochs=epochs), key="train_epochs", icon=":material/fast_forward:",
                         disabled=playing, width="stretch"):
        run_epochs(data, config, epochs)
    columns[2].button(t("train.pause") if playing else t("train.play"), key="train_play", on_click=_toggle_play,
                      icon=":material/pause:" if playing else ":material/play_arrow:", type="primary",
                      width="stretch")
    columns[3].button(t("train.reset"), key="train_reset", on_click=reset_training, args=(data,),
                      icon=":material/history:", width="stretch", help=t("train.reset_help"))


def live_view(data, config, per_redraw):
    """Curves, boundary and diagram; while playing, a fragment trains and redraws on a timer."""
    playing = st.session_state.get(PLAYING, False)

    @st.fragment(run_every=PLAY_INTERVAL if playing else None)
    def view():
        if st.session_state.get(PLAYING, False) and not run_epochs(data, config, per_redraw):
            st.session_state[PLAYING] = False
            st.rerun()   # the whole page: the timer stops and the buttons come back
        show_progress(data)
    view()


def show_progress(data):
    outcome = st.session_state.get(OUTCOME)
    if outcome:
        getattr(st, outcome[0])(outcome[1])
    current = training_state(data)
    record = current.history[-1] if current.history else None
    columns = st.columns(4)
    columns[0].metric(t("train.epoch"), current.epoch)
    columns[1].metric(t("train.train_loss"), "–" if record is None else f"{record.train_loss:.4g}")
    columns[2].metric(t("train.test_loss"), "–" if record is None or record.test_loss is None
                      else f"{record.test_loss:.4g}")
    accuracy = None if record is None else record.train_accuracy
    columns[3].metric(t("train.accuracy"), "–" if accuracy is None else f"{100 * accuracy:.1f} %")
    text = catalogue()
    left, right = st.columns(2)
    with left:
        if current.history:
            charts.show(viz.loss_figure(current.history, text=text), key="train_loss")
        else:
            st.info(t("train.no_history"))
    with right:
        net, train_set, test = state.network(), data.train, data.test
        if net.sizes[0] == 2:
            charts.show(viz.decision_boundary_figure(
                net, train_set.X, train_set.Y, X_test=None if test is None else test.X,
                Y_test=None if test is None else test.Y, text=text), key="train_boundary")
        elif net.sizes[0] == 1:
            charts.show(viz.regression_figure(net, train_set.X, train_set.Y, text=text), key="train_regression")
        else:
            st.caption(t("train.no_boundary"))
    charts.network_diagram(state.network(), key="train_diagram")
