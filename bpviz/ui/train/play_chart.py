"""Train's live chart, paced by the browser: the loss curves and the boundary (or the
regression curve) in one small st.components.v2 component (play_chart.js).

While Play runs, the browser asks for the next chunk only once it has drawn the last
one, and no sooner than PLAY_INTERVAL_MS after its previous request (longer when its
chunks come back slowly: TRIP_SHARE times the recent time from asking to having painted
the answer, up to SLOWEST_INTERVAL_MS; play_pacing.js), so a busy browser or server gets
fewer chunks, and tabs sharing one machine leave room for each other: it reports what its
chart holds ("drawn": the run and the last epoch drawn, and the loss traces it has). The
report reruns the Train fragment, which trains one chunk (its size comes from
the engine's chunk budget) and sends only what is new: the loss and accuracy points
after the reported epoch and the boundary's grid as numbers, which the browser appends
or swaps in. A busy server answers later, so a playing session gets fewer chunks per
second; there is no timer to cut a run off, and a hidden tab (no animation frames)
asks for nothing.

While Play runs, the browser paints each chunk's curves, boundary and colour scale on a
canvas under Plotly's axes (play_layers.js): a Plotly redraw costs about 35 ms of the
browser's CPU per chart, whatever changed, and Plotly draws again only when the axes must
change; once Play stops, Plotly draws the full figures.

Full figures go out only when the browser's chart cannot be extended: a fresh mount
(another page, a reload), another run (Reset, another network or data set), a new
loss trace (the first test loss), or a report that does not match the history.
The browser's report is outside input: anything malformed just means full figures.
"""
import threading
from pathlib import Path

import numpy as np
import plotly.io
import streamlit as st

from bpviz import viz
from bpviz.ui.charts import CHART_CONFIG
from bpviz.ui.session import state
from bpviz.ui.train.live_chart import LOADER

KEY = "train_play_chart"
PLAY_INTERVAL_MS = 450          # the browser asks at most this often: ≤ 2.2 chunks a second ...
SLOWEST_INTERVAL_MS = 1800      # ... and, when its chunks come back slowly, no less often than this
TRIP_SHARE = 8                  # the gap between asks: this many times the recent ask-to-painted time
                                # (play_pacing.js: a tab has a chunk under way an eighth of the time)
RETRY_MS = 5000                 # an ask with no answer after this long is asked again (a lost rerun)
GRID_DIGITS = 3                 # the boundary's values are sent to this many decimals ...
GRID_RESOLUTION = 40            # ... on a grid this many points a side (about 20 KB a chunk)

_mount = st.components.v2.component(
    "bpviz_play_chart", js=LOADER + "".join(Path(__file__).with_name(name).read_text(encoding="utf-8")
                                            for name in ("play_layers.js", "play_pacing.js", "play_chart.js")),
    isolate_styles=False)


@st.cache_resource(show_spinner=False)
def chunk_turns() -> threading.Lock:
    """One chunk at a time in this server process. Every session's script runs in its own
    thread, and Python shares the CPU between runnable threads alike: thirty playing
    sessions computing at once would leave a learner's click a thirtieth of it. Waiting
    for this lock costs no CPU, so a click competes with one chunk at most. (Shared by
    every session; it holds nothing of theirs.)"""
    return threading.Lock()


def run_token(training, sizes):
    """Names one training run: its loss before the first epoch and the architecture
    ("" before the first epoch, when any later history extends what is drawn)."""
    return "" if training.initial_loss is None else f"{training.initial_loss!r}|{list(sizes)}"


def drawn_epoch(reported, training, sizes):
    """The last epoch of this run that the browser reports on its chart, or None when the
    report cannot be extended (then full figures go out). `reported`: the browser's
    "drawn" value, untrusted."""
    if not isinstance(reported, dict):
        return None
    epoch, run, fields = reported.get("epoch"), reported.get("run"), reported.get("fields")
    if not isinstance(epoch, int) or isinstance(epoch, bool) or not isinstance(fields, list):
        return None
    history = training.history
    last = history[-1].epoch if history else 0
    if tuple(fields) != viz.loss_fields(history) or not 0 <= epoch <= last:
        return None
    if run == run_token(training, sizes) or (run == "" and epoch == 0):
        return epoch
    return None


def caught_up(reported, training, sizes):
    """True when the browser has drawn every epoch of this run: Play's cue for a chunk."""
    history = training.history
    return drawn_epoch(reported, training, sizes) == (history[-1].epoch if history else 0)


def new_points(history, after):
    """The loss-chart points after epoch `after`: {"epoch": [...], field: [...]} for
    every field of `viz.loss_fields(history)`."""
    fresh = [r for r in history if r.epoch > after]
    points = {"epoch": [r.epoch for r in fresh]}
    for field in viz.loss_fields(history):
        points[field] = [getattr(r, field) for r in fresh]
    return points


def side_numbers(net, data):
    """What changes on the right-hand chart after a chunk, and where it lies: the boundary's
    grid ({"z", "zmin", "zmax"}, and {"x", "y", "centre"}: the grid's axes and the decision
    threshold, which the browser needs to paint it) for 2 inputs, the regression curve
    ({"y"}, None) for 1 input, else (None, None)."""
    train_set, test = data.train, data.test
    if net.sizes[0] == 2:
        grid = viz.boundary_grid(net, train_set.X, train_set.Y, GRID_RESOLUTION,
                                 X_test=None if test is None else test.X)
        axes = {"x": grid["x"].tolist(), "y": grid["y"].tolist(), "centre": grid["centre"]}
        return {"z": np.round(grid["z"], GRID_DIGITS).tolist(), "zmin": grid["zmin"], "zmax": grid["zmax"]}, axes
    if net.sizes[0] == 1:
        return {"y": np.round(viz.regression_curve(net, train_set.X)[1], GRID_DIGITS).tolist()}, None
    return None, None


def side_figure(net, data, text):
    """The right-hand chart in full (boundary or regression curve), or None."""
    train_set, test = data.train, data.test
    if net.sizes[0] == 2:
        return viz.decision_boundary_figure(net, train_set.X, train_set.Y, GRID_RESOLUTION,
                                            X_test=None if test is None else test.X,
                                            Y_test=None if test is None else test.Y, text=text)
    if net.sizes[0] == 1:
        return viz.regression_figure(net, train_set.X, train_set.Y, text=text)
    return None


def frame(training, net, data, readouts_of):
    """What the browser shows for a chunk that is not the last of its ask: its last epoch,
    the side chart's numbers and the readouts then ({"epoch", "numbers", "readouts"});
    `readouts_of(training, inputs)` makes the readouts."""
    history = training.history
    return {"epoch": history[-1].epoch if history else 0, "numbers": side_numbers(net, data)[0],
            "readouts": readouts_of(training, net.sizes[0])}


def asked(reported):
    """The number of the browser's ask that `reported` carries (None if it carries none):
    echoed, so that every answer differs from the last and the browser draws it, even when
    nothing was trained (otherwise an unchanged message draws nothing and asks nothing)."""
    ask = reported.get("ask") if isinstance(reported, dict) else None
    return ask if isinstance(ask, int) and not isinstance(ask, bool) else None


def payload(training, net, data, reported, playing, text, readouts, frames=()):
    """What the component receives this run: the readouts (train/readouts.py) and everything
    new since what the browser reported, or full figures when that cannot be extended;
    `frames` (see `frame`), the chunks before the last of this ask, shown first in turn."""
    history = training.history
    after = drawn_epoch(reported, training, net.sizes)
    message = {"run": run_token(training, net.sizes), "fields": list(viz.loss_fields(history)),
               "first": history[0].epoch if history else 0, "playing": bool(playing),
               "pacing": {"fastest": PLAY_INTERVAL_MS, "slowest": SLOWEST_INTERVAL_MS, "share": TRIP_SHARE,
                          "retry": RETRY_MS},
               "answer": asked(reported), "readouts": readouts, "config": CHART_CONFIG, "frames": list(frames)}
    message["numbers"], message["grid"] = side_numbers(net, data)
    if after is None:
        side = side_figure(net, data, text)
        message["loss"] = plotly.io.to_json(viz.loss_figure(history, text=text), validate=False)
        message["side"] = None if side is None else plotly.io.to_json(side, validate=False)
    else:
        message["after"] = after
        message["points"] = new_points(history, after)
    return message


def reported_drawn():
    """What the browser last reported (None before its first report on this page)."""
    value = state.widget_value(KEY)
    return value.get("drawn") if isinstance(value, dict) else getattr(value, "drawn", None)


def show(training, net, data, playing, text, readouts, frames=()):
    """Mount the chart (keyed, so its DOM and figures stay between reruns) with `readouts`
    ({"figures", "advice", "note"}) above and below it, after `frames` (see `frame`)."""
    _mount(key=KEY, data=payload(training, net, data, reported_drawn(), playing, text, readouts, frames),
           default={"drawn": None}, on_drawn_change=lambda: None)
