"""The whole pass as a Plotly animation: one frame per step of the engine's step
sequence (start, forward layer by layer, loss, backward layer by layer, update),
with play/pause buttons and a slider. It runs in the browser, with no server
round trip. Neurons show activations going forward and deltas going backward;
connections show weights going forward and gradients going backward.
"""

from bpviz.engine import step_sequence
from bpviz.viz import style
from bpviz.viz.network_diagram import diagram_layout, edge_traces, node_traces, side_labels, title_of, values_of
from bpviz.viz.text import label

DEFAULT_TEXT = {
    "viz.play": "▶ Play",
    "viz.pause": "❚❚ Pause",
    "viz.step_prefix": "Step: ",
    "viz.phase.start": "start",
    "viz.phase.forward": "forward",
    "viz.phase.loss": "loss",
    "viz.phase.backward": "backward",
    "viz.phase.update": "update",
    "viz.phase_layer": "{phase} {layer}",
}
FRAME_MS = 900


def _quantities(step):
    backward = step.phase in ("backward", "update")
    return ("delta", "grad") if backward else ("a", "weight")


def _frame_label(step, text):
    phase = label(text, DEFAULT_TEXT, f"viz.phase.{step.phase}")
    return phase if step.layer is None else label(text, DEFAULT_TEXT, "viz.phase_layer", phase=phase, layer=step.layer)


def animation_figure(net, X, Y, learning_rate, update_biases=True, text=None):
    """Frames of one pass of `net` on (X, Y) at layer granularity (example 0 is drawn)."""
    steps = step_sequence(net, X, Y, learning_rate, "layer", update_biases)
    # Traces: weight lines (fixed), gradient lines (filled in backward frames), the empty
    # hover layer, neurons (known, unknown), side labels. Forward frames only switch the
    # weight lines on and empty the gradient lines, so the weights are sent once.
    weight_lines = edge_traces(values_of(steps[0], "a", "weight"), text, hover=False)
    count = len(weight_lines) - 1                      # line traces (without the hover layer)
    node_index = 2 * count + 1
    frames = []
    for step in steps:
        node_quantity, edge_quantity = _quantities(step)
        values = values_of(step, node_quantity, edge_quantity)
        nodes = node_traces(values, text, show_scale=False, brief=True)
        if edge_quantity == "weight":
            lines = [dict(visible=True)] * count + [dict(x=[], y=[])] * count
        else:
            lines = [dict(visible=False)] * count + edge_traces(values, text, hover=False)[:count]
        frames.append(dict(name=str(step.index), data=lines + nodes,
                           traces=list(range(2 * count)) + list(range(node_index, node_index + len(nodes))),
                           layout=dict(title=dict(text=f"{_frame_label(step, text)} · {title_of(values, text)}"))))
    start = values_of(steps[0], "a", "weight")
    first = (weight_lines[:count] + [dict(line, x=[], y=[]) for line in weight_lines[:count]] + [weight_lines[-1]]
             + node_traces(start, text, show_scale=False, brief=True))
    layout = diagram_layout(net.sizes, frames[0]["layout"]["title"]["text"])
    layout["annotations"] = side_labels(start, text)
    layout["margin"]["b"] = 80
    slider_steps = [dict(method="animate", label=_frame_label(step, text),
                         args=[[str(step.index)], dict(mode="immediate", frame=dict(duration=0, redraw=True),
                                                       transition=dict(duration=0))]) for step in steps]
    layout.update(
        updatemenus=[dict(type="buttons", direction="left", x=0.0, y=-0.02, xanchor="left", yanchor="top",
                          showactive=False, buttons=[
                              dict(label=label(text, DEFAULT_TEXT, "viz.play"), method="animate",
                                   args=[None, dict(frame=dict(duration=FRAME_MS, redraw=True), fromcurrent=True,
                                                    transition=dict(duration=250))]),
                              dict(label=label(text, DEFAULT_TEXT, "viz.pause"), method="animate",
                                   args=[[None], dict(mode="immediate", frame=dict(duration=0, redraw=False))])])],
        sliders=[dict(active=0, x=0.18, len=0.82, y=-0.02, yanchor="top", steps=slider_steps,
                      currentvalue=dict(prefix=label(text, DEFAULT_TEXT, "viz.step_prefix")))])
    # Built from our own trusted dicts: plotly's per-property check would triple the time
    # for the largest network's 17 frames; tests check the figure validates.
    return style.figure(first, layout, frames)
