"""The Train page's live view: the last stop's message, Play's chart (the readouts, a
plateau warning, the loss curves, the boundary or regression curve), the gradient
health and the diagram (with the weights' size, which a penalty shrinks).

While Play runs, the browser paces it (play_chart): its chart asks for the next chunk
once it has drawn the last, which reruns this page's fragment; the fragment trains one
chunk, or two when they fit one chunk's work budget (a rerun costs the browser about
60 ms of CPU whatever it carries; the browser shows the two in turn), and sends only what
is new. No timer: a busy server just answers later. While
playing, a chunk's run emits one element, the chart (its readouts inside it), so the
browser has one element to update per chunk. The diagram of the network sits
outside the fragment, with the gradient health and the weights' size: they are redrawn
when Play stops or is paused, not after every chunk (building them costs more than a chunk
of training).
"""
import time

import streamlit as st

from bpviz import viz
from bpviz.ui import address
from bpviz.ui.i18n import catalogue, t
from bpviz.ui.session import state
from bpviz.ui.train import controls as train_controls
from bpviz.ui.train import play_chart
from bpviz.ui.train.health import health_chart
from bpviz.ui.train.live_chart import live_chart
from bpviz.ui.train.readouts import readouts

ADDRESS_EVERY_S = 10   # while playing, the address catches up with the training this often


def live_view(data, config, per_chunk):
    """Curves and boundary in a fragment that Play's chart reruns chunk by chunk; the diagram."""
    @st.fragment
    def view():
        training = train_controls.training_state(data)
        if state.playing() and play_chart.caught_up(play_chart.reported_drawn(), training, state.train_network().sizes):
            frames = []   # every chunk but the last, which the browser shows first, in turn
            with play_chart.chunk_turns():   # one ask's chunks at a time in this process
                chunks = train_controls.chunks_per_ask(state.train_network().sizes, data, config.batch_size, per_chunk)
                for chunk in range(chunks):
                    if chunk:
                        frames.append(play_chart.frame(train_controls.training_state(data), state.train_network(),
                                                       data, readouts))
                    if not train_controls.play_step(data, config, per_chunk):
                        state.set_playing(False)
                        st.rerun()   # the whole page: the buttons come back and the diagram catches up
            show_progress(data, frames)
            follow_in_address()
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


def follow_in_address(now=None):
    """While playing, put the training in the address every ADDRESS_EVERY_S seconds (a chunk's
    run writes nothing else), so that a reload during Play keeps most of it; the full run
    after Play stops writes it anyway."""
    now = time.monotonic() if now is None else now
    last = state.play_address_time()
    if last is None or now - last >= ADDRESS_EVERY_S:
        state.set_play_address_time(now)
        if last is not None:    # the full run that pressed Play has just written it
            address.write()


def show_progress(data, frames=()):
    """The last stop's message (never while playing: Play clears it), then Play's chart,
    which carries the readouts (epoch, losses, accuracy, plateau advice): a chunk's run
    emits that one element. `frames`: what the browser shows before the last chunk, when
    one ask trained several (play_chart.frame)."""
    message = state.outcome()
    if message and not state.playing():
        getattr(st, message[0])(message[1])
    current = train_controls.training_state(data)
    net = state.train_network()
    play_chart.show(current, net, data, state.playing(), catalogue(), readouts(current, net.sizes[0]), frames)


def weight_size(record):
    """Σ|w| of Train's network now and, with a penalty, the penalty's value: a penalty shrinks them."""
    net = state.train_network()
    size = sum(float(abs(w).sum()) for w in net.weights)
    penalty = "–" if record is None else f"{record.penalty:.4g}"
    st.caption(t("train.weights_now", size=f"{size:.4g}", penalty=penalty))
