"""The Train page's live view: the last stop's message, a plateau warning, the
metrics, the loss curves, the boundary (or regression curve) and the diagram.

While Play runs, a fragment trains and redraws on a timer. Every redraw builds the
same elements in the same order (message slots always present, the loss chart
drawn even before the first epoch), so the browser updates each chart in place
instead of removing and re-creating it: no blank frame between two redraws.
"""
import streamlit as st

from bpviz import viz
from bpviz.engine import PLATEAU_WINDOW, plateau
from bpviz.ui import state
from bpviz.ui.i18n import catalogue, t
from bpviz.ui.train import controls as train_controls
from bpviz.ui.train.live_chart import live_chart


def live_view(data, config, per_redraw):
    """Curves, boundary and diagram; while playing, a fragment trains and redraws on a timer."""
    playing = state.playing()

    @st.fragment(run_every=train_controls.PLAY_INTERVAL if playing else None)
    def view():
        if state.playing() and \
                not train_controls.play_step(data, config, per_redraw):
            state.set_playing(False)
            st.rerun()   # the whole page: the timer stops and the buttons come back
        show_progress(data)
    view()


def show_progress(data):
    outcome, advice = st.empty(), st.empty()
    message = state.outcome()
    if message:
        getattr(outcome, message[0])(message[1])
    current = train_controls.training_state(data)
    history = current.history
    record = history[-1] if history else None
    losses = [r.train_loss for r in history]
    if record is not None and record.train_accuracy != 1.0 and plateau(losses):
        advice.info(t("train.plateau", window=PLATEAU_WINDOW, before=f"{losses[-PLATEAU_WINDOW - 1]:.4g}",
                      now=f"{losses[-1]:.4g}"))
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
        live_chart(viz.loss_figure(history, text=text), key="train_loss")
        st.caption(t("train.no_history") if not history else " ")
    with right:
        net, train_set, test = state.network(), data.train, data.test
        if net.sizes[0] == 2:
            live_chart(viz.decision_boundary_figure(
                net, train_set.X, train_set.Y, X_test=None if test is None else test.X,
                Y_test=None if test is None else test.Y, text=text), key="train_boundary")
        elif net.sizes[0] == 1:
            live_chart(viz.regression_figure(net, train_set.X, train_set.Y, text=text), key="train_regression")
        else:
            st.caption(t("train.no_boundary"))
    live_chart(viz.network_figure(state.network(), text={**text, "viz.no_values": t("train.diagram_title")}),
               key="train_diagram")
