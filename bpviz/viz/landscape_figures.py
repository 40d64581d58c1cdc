"""The loss landscape: the loss against one parameter with the tangent whose slope is
the backprop gradient and the update step drawn as an arrow; the loss over two
parameters as a contour with a gradient-descent path; the gradient check.

The update arrow goes from the current point (w, E(w)) along the tangent to
w − η·∂E/∂w: the step the update takes, and the loss it predicts to first order.
"""
import numpy as np

from bpviz.engine import verdict_of
from bpviz.viz import style
from bpviz.viz.text import label

DEFAULT_TEXT = {
    "viz.landscape.loss": "loss E",
    "viz.landscape.curve": "E as a function of {name}",
    "viz.landscape.current": "current value",
    "viz.landscape.tangent": "tangent, slope ∂E/∂{name} = {slope}",
    "viz.landscape.update": "update: −η·∂E/∂{name} = {step}",
    "viz.landscape.title": "Loss against one parameter",
    "viz.contour.title": "Loss over two parameters",
    "viz.contour.path": "gradient descent, {steps} steps",
    "viz.contour.start": "start",
    "viz.contour.end": "end",
    "viz.gradcheck.title": "Backprop against numerical gradient",
    "viz.gradcheck.numerical": "numerical ∂E/∂θ (central differences)",
    "viz.gradcheck.analytic": "backprop ∂E/∂θ",
    "viz.gradcheck.agree": "agreement (y = x)",
    "viz.gradcheck.error": "relative error",
    "viz.gradcheck.verdict.pass": "agrees",
    "viz.gradcheck.verdict.warn": "doubtful",
    "viz.gradcheck.verdict.fail": "wrong",
}
VERDICT_COLOURS = {"pass": style.DIVERGING_COLOURS[2], "warn": style.DIVERGING_COLOURS[7],
                   "fail": style.DIVERGING_COLOURS[-1]}
VERDICT_SYMBOLS = {"pass": "circle", "warn": "diamond", "fail": "x"}


def tangent_segment(current_value, current_loss, gradient, half_width):
    """The tangent's two end points: through (w, E) with slope ∂E/∂w."""
    xs = np.array([current_value - half_width, current_value + half_width])
    return xs, current_loss + gradient * (xs - current_value)


def one_weight_figure(values, losses, current_value, current_loss, gradient, learning_rate, name, text=None):
    values, losses = np.asarray(values, dtype=float), np.asarray(losses, dtype=float)
    finite = np.isfinite(losses)
    half = (values.max() - values.min()) / 6
    tangent_x, tangent_y = tangent_segment(current_value, current_loss, gradient, half)
    step = -learning_rate * gradient
    end_x, end_y = current_value + step, current_loss + gradient * step
    traces = [
        dict(type="scatter", mode="lines", x=values[finite], y=losses[finite], name=label(
            text, DEFAULT_TEXT, "viz.landscape.curve", name=name), line=dict(color=style.TRAIN_COLOUR, width=3)),
        dict(type="scatter", mode="lines", x=tangent_x, y=tangent_y, name=label(
            text, DEFAULT_TEXT, "viz.landscape.tangent", name=name, slope=style.number(gradient, style.PRECISE_DIGITS)),
            line=dict(color=style.TEST_COLOUR, width=2, dash="dash")),
        dict(type="scatter", mode="markers", x=[current_value], y=[current_loss],
             name=label(text, DEFAULT_TEXT, "viz.landscape.current"),
             marker=dict(size=12, color=style.TEST_COLOUR, line=dict(width=2, color="white"))),
    ]
    arrow = dict(x=end_x, y=end_y, ax=current_value, ay=current_loss, xref="x", yref="y", axref="x", ayref="y",
                 showarrow=True, arrowhead=3, arrowsize=1.4, arrowwidth=2.5, arrowcolor=style.HIGHLIGHT_COLOUR,
                 text="")
    note = dict(x=end_x, y=end_y, xref="x", yref="y", showarrow=False, yshift=16,
                text=label(text, DEFAULT_TEXT, "viz.landscape.update", name=name, step=style.number(step)))
    layout = style.base_layout(title=label(text, DEFAULT_TEXT, "viz.landscape.title"), height=400)
    layout.update(xaxis=dict(title=name), yaxis=dict(title=label(text, DEFAULT_TEXT, "viz.landscape.loss")),
                  annotations=[arrow, note], legend=dict(orientation="h", y=-0.2))
    return style.figure(traces, layout)


def contour_figure(xs, ys, grid, path, names, text=None):
    grid = np.nan_to_num(np.asarray(grid, dtype=float), nan=float(np.nanmax(grid)) if np.isfinite(grid).any() else 0.0)
    path = np.asarray(path, dtype=float)
    traces = [
        dict(type="contour", x=xs, y=ys, z=grid, colorscale="Cividis", ncontours=25, showlegend=False,
             name=label(text, DEFAULT_TEXT, "viz.landscape.loss"),
             colorbar=dict(title=dict(text=label(text, DEFAULT_TEXT, "viz.landscape.loss")), thickness=12),
             hovertemplate=(f"{names[0]} = %{{x:{style.DIGITS}}}<br>{names[1]} = %{{y:{style.DIGITS}}}"
                            f"<br>E = %{{z:{style.PRECISE_DIGITS}}}<extra></extra>")),
        dict(type="scatter", mode="lines+markers", x=path[:, 0], y=path[:, 1],
             name=label(text, DEFAULT_TEXT, "viz.contour.path", steps=len(path) - 1),
             line=dict(color=style.HIGHLIGHT_COLOUR, width=2), marker=dict(size=4, color=style.HIGHLIGHT_COLOUR)),
        dict(type="scatter", mode="markers", x=[path[0, 0], path[-1, 0]], y=[path[0, 1], path[-1, 1]],
             name=label(text, DEFAULT_TEXT, "viz.contour.start"), showlegend=False, hoverinfo="skip",
             marker=dict(size=[12, 10], symbol=["circle", "star"], color=["white", style.HIGHLIGHT_COLOUR],
                         line=dict(width=1, color="#222222"))),
    ]
    layout = style.base_layout(title=label(text, DEFAULT_TEXT, "viz.contour.title"), height=440)
    # "start" above its point and "end" below, on a dark box: readable on every colour of the
    # contour, and apart even when a short path ends where it began
    layout["annotations"] = [dict(x=float(x), y=float(y), text=label(text, DEFAULT_TEXT, key), showarrow=False,
                                  yshift=shift, font=dict(color=style.TEXT_ON_DARK), bgcolor=style.DARK_CHIP)
                             for (x, y), key, shift in ((path[0], "viz.contour.start", 14),
                                                         (path[-1], "viz.contour.end", -14))]
    layout.update(xaxis=dict(title=names[0]), yaxis=dict(title=names[1]), legend=dict(orientation="h", y=-0.2))
    return style.figure(traces, layout)


def gradcheck_figure(report, text=None):
    """Numerical against backprop gradient, one point per parameter, coloured and
    shaped by that parameter's verdict; the y = x line is perfect agreement."""
    numerical = np.array([row.numerical for row in report.rows])
    analytic = np.nan_to_num(np.array([row.analytic for row in report.rows]), posinf=0.0, neginf=0.0)
    verdicts = [verdict_of(row.relative_error) for row in report.rows]
    span = max(float(np.max(np.abs(np.concatenate([numerical, analytic])))), 1e-9)
    traces = [dict(type="scatter", mode="lines", x=[-span, span], y=[-span, span],
                   name=label(text, DEFAULT_TEXT, "viz.gradcheck.agree"),
                   line=dict(color=style.NEUTRAL_COLOUR, dash="dot"))]
    for verdict in ("pass", "warn", "fail"):
        chosen = [i for i, v in enumerate(verdicts) if v == verdict]
        if not chosen:
            continue
        traces.append(dict(
            type="scatter", mode="markers", x=numerical[chosen], y=analytic[chosen],
            name=label(text, DEFAULT_TEXT, f"viz.gradcheck.verdict.{verdict}"),
            text=[report.rows[i].ref.label for i in chosen],
            hovertemplate=(f"%{{text}}<br>numerical %{{x:{style.HOVER_FORMAT}}}"
                           f"<br>backprop %{{y:{style.HOVER_FORMAT}}}<extra></extra>"),
            marker=dict(size=10, color=VERDICT_COLOURS[verdict], symbol=VERDICT_SYMBOLS[verdict])))
    layout = style.base_layout(title=label(text, DEFAULT_TEXT, "viz.gradcheck.title"), height=420)
    layout.update(xaxis=dict(title=label(text, DEFAULT_TEXT, "viz.gradcheck.numerical")),
                  yaxis=dict(title=label(text, DEFAULT_TEXT, "viz.gradcheck.analytic")),
                  legend=dict(orientation="h", y=-0.2))
    return style.figure(traces, layout)
