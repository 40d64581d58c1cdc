"""Training figures: loss (train and test) and accuracy per epoch; the network's
output over the input plane with the data on top (2 inputs), or its curve
through the data (1 input).

The output heatmap uses the same diverging scale as the diagram, centred on the
decision threshold (0.5 for 0/1 targets, 0 for ±1 targets); classes are told
apart by colour and by marker shape, and test points are hollow.
"""
import numpy as np

from bpviz.engine import label_rule, trusted_forward
from bpviz.viz import style
from bpviz.viz.text import label

DEFAULT_TEXT = {
    "viz.epoch": "epoch",
    "viz.train_loss": "training loss",
    "viz.test_loss": "test loss",
    "viz.train_accuracy": "training accuracy",
    "viz.test_accuracy": "test accuracy",
    "viz.loss_axis": "loss E",
    "viz.accuracy_axis": "accuracy",
    "viz.loss_title": "Loss per epoch",
    "viz.boundary_title": "Network output over the inputs",
    "viz.regression_title": "Network output and the data",
    "viz.class": "class {label}",
    "viz.test_points": "test, class {label}",
    "viz.output": "output",
    "viz.boundary": "decision boundary",
    "viz.network_curve": "network",
    "viz.data": "data",
}
MAX_RESOLUTION = 120


def loss_fields(history):
    """The EpochRecord fields `loss_figure` draws, one trace each and in this order:
    train_loss, then test_loss, train_accuracy and test_accuracy where recorded."""
    optional = ("test_loss", "train_accuracy", "test_accuracy")
    return ("train_loss",) + tuple(f for f in optional if any(getattr(r, f) is not None for r in history))


def loss_figure(history, text=None, log_y=False):
    """Loss per epoch (train; test where recorded) and, for classification, accuracy on
    a second axis; one trace per `loss_fields(history)`. `history`: a sequence of
    EpochRecord-like rows."""
    epochs = [record.epoch for record in history]
    fields = loss_fields(history)
    traces = [dict(type="scatter", mode="lines", x=epochs, y=[r.train_loss for r in history],
                   name=label(text, DEFAULT_TEXT, "viz.train_loss"), line=dict(color=style.TRAIN_COLOUR, width=2))]
    if "test_loss" in fields:
        traces.append(dict(type="scatter", mode="lines", x=epochs, y=[r.test_loss for r in history],
                           name=label(text, DEFAULT_TEXT, "viz.test_loss"),
                           line=dict(color=style.TEST_COLOUR, width=2, dash="dash")))
    for key, field, colour in (("viz.train_accuracy", "train_accuracy", style.TRAIN_COLOUR),
                               ("viz.test_accuracy", "test_accuracy", style.TEST_COLOUR)):
        if field in fields:
            traces.append(dict(type="scatter", mode="lines", x=epochs, y=[getattr(r, field) for r in history],
                               yaxis="y2",
                               name=label(text, DEFAULT_TEXT, key), line=dict(color=colour, width=1, dash="dot")))
    layout = style.base_layout(title=label(text, DEFAULT_TEXT, "viz.loss_title"), height=340)
    layout.update(xaxis=dict(title=label(text, DEFAULT_TEXT, "viz.epoch")),
                  yaxis=dict(title=label(text, DEFAULT_TEXT, "viz.loss_axis"), type="log" if log_y else "linear"),
                  yaxis2=dict(title=label(text, DEFAULT_TEXT, "viz.accuracy_axis"), overlaying="y", side="right",
                              range=[0, 1.02], tickvals=[0, 0.25, 0.5, 0.75, 1],
                              tickformat=".0%", showgrid=False),
                  legend=dict(orientation="h", y=-0.35), hovermode="x unified")
    return style.figure(traces, layout)


def output_grid(net, X, resolution=60, neuron=None, margin=0.15):
    """(xs, ys, values): the output (or neuron (layer, j)'s activation) on a grid over
    the data's bounding box widened by `margin`; values shape (len(ys), len(xs))."""
    resolution = int(min(max(resolution, 2), MAX_RESOLUTION))
    low, high = X.min(axis=0), X.max(axis=0)
    pad = (high - low) * margin + 1e-9
    xs = np.linspace(low[0] - pad[0], high[0] + pad[0], resolution)
    ys = np.linspace(low[1] - pad[1], high[1] + pad[1], resolution)
    grid = np.column_stack([np.tile(xs, resolution), np.repeat(ys, resolution)])
    layer, j = (len(net.sizes) - 1, 0) if neuron is None else neuron
    with np.errstate(all="ignore"):
        values = trusted_forward(net, grid).activations[layer][:, j]
    return xs, ys, np.nan_to_num(values).reshape(resolution, resolution)


def _points(X, Y, rule, text, test=False):
    """Data points, one trace per class: colour and symbol both differ."""
    classes = (Y[:, 0] > (0.5 if rule is None or rule == "one-hot" else rule)).astype(int)
    if rule == "one-hot":
        classes = Y.argmax(axis=1) % 2
    traces = []
    for value in (0, 1):
        chosen = classes == value
        key = "viz.test_points" if test else "viz.class"
        traces.append(dict(
            type="scatter", mode="markers", x=X[chosen, 0], y=X[chosen, 1],
            name=label(text, DEFAULT_TEXT, key, label=value),
            marker=dict(color="rgba(0,0,0,0)" if test else style.CLASS_COLOURS[value],
                        symbol=style.CLASS_SYMBOLS[value], size=8,
                        line=dict(width=1.5, color=style.CLASS_COLOURS[value] if test else "white"))))
    return traces


def boundary_grid(net, X, Y, resolution=60, neuron=None, X_test=None):
    """What a decision-boundary heatmap shows, as numbers: {"x", "y" (grid axes), "z" (the
    output, shape (len(y), len(x))), "centre" (the decision threshold), "zmin", "zmax"
    (a scale symmetric about it)}. Play sends only these after each chunk."""
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float).reshape(len(X), -1)
    everything = X if X_test is None else np.vstack([X, np.asarray(X_test, dtype=float)])
    xs, ys, values = output_grid(net, everything, resolution, neuron)
    centre = 0.0 if label_rule(Y) == 0.0 else 0.5
    spread = max(float(np.max(np.abs(values - centre))), 1e-9)
    return {"x": xs, "y": ys, "z": values, "centre": centre, "zmin": centre - spread, "zmax": centre + spread}


def decision_boundary_figure(net, X, Y, resolution=60, neuron=None, X_test=None, Y_test=None, text=None):
    """For a 2-input network: its output as a heatmap with the data on top. Trace 0 is the
    heatmap and trace 1 the boundary contour, both over `boundary_grid`'s numbers."""
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float).reshape(len(X), -1)
    grid = boundary_grid(net, X, Y, resolution, neuron, X_test)
    xs, ys, values, centre = grid["x"], grid["y"], grid["z"], grid["centre"]
    rule = label_rule(Y)
    heat = dict(type="heatmap", x=xs, y=ys, z=values, zmin=grid["zmin"], zmax=grid["zmax"],
                name=label(text, DEFAULT_TEXT, "viz.output"), showlegend=False,
                colorscale=[list(s) for s in style.DIVERGING], opacity=0.75, hoverinfo="x+y+z",
                zsmooth="best",   # smoothed between grid points, as Play paints it (play_layers.js)
                colorbar=dict(title=dict(text=label(text, DEFAULT_TEXT, "viz.output")), thickness=12))
    traces = [heat, dict(type="contour", x=xs, y=ys, z=values, showscale=False, hoverinfo="skip", showlegend=False,
                         name=label(text, DEFAULT_TEXT, "viz.boundary"),
                         contours=dict(start=centre, end=centre, size=1, coloring="none"),
                         line=dict(color="#222222", width=2))]
    traces += _points(X, Y, rule, text)
    if X_test is not None and len(X_test):
        traces += _points(np.asarray(X_test, dtype=float), np.asarray(Y_test, dtype=float).reshape(len(X_test), -1),
                          rule, text, test=True)
    layout = style.base_layout(title=label(text, DEFAULT_TEXT, "viz.boundary_title"), height=380)
    layout.update(xaxis=dict(title="x₀", constrain="domain"), yaxis=dict(title="x₁", scaleanchor="x"),
                  legend=dict(orientation="h", y=-0.3))   # below the x title
    return style.figure(traces, layout)


def regression_curve(net, X, points=200):
    """(xs, curve): the network's output at `points` inputs evenly over the data's range;
    xs shape (points, 1), curve shape (points,)."""
    X = np.asarray(X, dtype=float).reshape(len(X), -1)
    xs = np.linspace(float(X.min()), float(X.max()), points).reshape(-1, 1)
    with np.errstate(all="ignore"):
        return xs, np.nan_to_num(trusted_forward(net, xs).output[:, 0])


def regression_figure(net, X, Y, X_test=None, Y_test=None, text=None, points=200):
    """For a 1-input network: the data and the network's output curve."""
    X, Y = np.asarray(X, dtype=float), np.asarray(Y, dtype=float).reshape(len(X), -1)
    xs, curve = regression_curve(net, X, points)
    traces = [dict(type="scatter", mode="markers", x=X[:, 0], y=Y[:, 0], name=label(text, DEFAULT_TEXT, "viz.data"),
                   marker=dict(color=style.TRAIN_COLOUR, size=6)),
              dict(type="scatter", mode="lines", x=xs[:, 0], y=curve,
                   name=label(text, DEFAULT_TEXT, "viz.network_curve"), line=dict(color=style.TEST_COLOUR, width=3))]
    # the network's curve is the last trace (Play replaces its y values after each chunk)
    if X_test is not None and len(X_test):
        traces.insert(1, dict(type="scatter", mode="markers", x=np.asarray(X_test)[:, 0], y=np.asarray(Y_test)[:, 0],
                              name=label(text, DEFAULT_TEXT, "viz.test_loss"),
                              marker=dict(color="rgba(0,0,0,0)", size=6,
                                          line=dict(width=1.5, color=style.TRAIN_COLOUR))))
    layout = style.base_layout(title=label(text, DEFAULT_TEXT, "viz.regression_title"), height=360)
    layout.update(xaxis=dict(title="x"), yaxis=dict(title="y"), legend=dict(orientation="h", y=-0.3))
    return style.figure(traces, layout)
