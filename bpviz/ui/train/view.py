"""The Train page's live view: the last stop's message, a plateau warning, the
metrics, the loss curves, the boundary (or regression curve), the gradient health
and the diagram (with the weights' size, which a penalty shrinks).

While Play runs, the browser paces it (play_chart): its chart asks for the next chunk
once it has drawn the last, which reruns this page's fragment; the fragment trains one
chunk and sends only what is new. No timer: a busy server just answers later. Every
rerun builds the same elements in the same order (message slots always present), so
nothing is removed and re-created between two chunks. The diagram of the network sits
outside the fragment, with the gradient health and the weights' size: they are redrawn
when Play stops or is paused, not after every chunk (building them costs more than a chunk
of training).
"""
import streamlit as st

from bpviz import viz
from bpviz.engine import PLATEAU_WINDOW, plateau
from bpviz.ui.i18n import catalogue, t
from bpviz.ui.session import state
from bpviz.ui.train import controls as train_controls
from bpviz.ui.train import play_chart
from bpviz.ui.train.health import health_chart
from bpviz.ui.train.live_chart import live_chart


def live_view(data, config, per_chunk):
    """Curves and boundary in a fragment that Play's chart reruns chunk by chunk; the diagram."""
    @st.fragment
    def view():
        training = train_controls.training_state(data)
        if state.playing() and play_chart.caught_up(play_chart.reported_drawn(), training, state.train_network().sizes):
            with play_chart.chunk_turns():   # one chunk at a time in this process
                if not train_controls.play_step(data, config, per_chunk):
                    state.set_playing(False)
                    st.rerun()   # the whole page: the buttons come back and the diagram catches up
                show_progress(data)
        else:
            show_progress(data)
    view()
    text = catalogue()
    if state.playing():
        st.caption(t("train.diagram_while_playing"))
    history = train_controls.training_state(data).history
    health_chart(history)
    live_chart(viz.network_figure(state.train_network(), text={**text, "viz.no_values": t("train.diagram_title")}),
               key="train_diagram")
    weight_size(history[-1] if history else None)


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
    net = state.train_network()
    play_chart.show(current, net, data, state.playing(), catalogue())
    st.caption(t("train.no_history") if not history else t("train.no_boundary") if net.sizes[0] > 2 else " ")


def weight_size(record):
    """Σ|w| of Train's network now and, with a penalty, the penalty's value: a penalty shrinks them."""
    net = state.train_network()
    size = sum(float(abs(w).sum()) for w in net.weights)
    penalty = "–" if record is None else f"{record.penalty:.4g}"
    st.caption(t("train.weights_now", size=f"{size:.4g}", penalty=penalty))
