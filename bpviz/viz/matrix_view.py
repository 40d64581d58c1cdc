"""The matrix view of one layer at one step: the same numbers as the diagram, as
the matrix products the engine computes.

Forward:  W⁽ˡ⁾ · a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ = z⁽ˡ⁾,  then  f(z⁽ˡ⁾) = a⁽ˡ⁾
Backward: δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾) ⊙ f′(z⁽ˡ⁾)  (output layer: δ⁽ᴸ⁾ = ∂E/∂z⁽ᴸ⁾),
          ∂E/∂W⁽ˡ⁾ = δ⁽ˡ⁾ a⁽ˡ⁻¹⁾ᵀ  (the batch mean over the examples)
Each matrix is a grid of square cells coloured on the diverging scale with its
number printed; a value not known at the step is a grey "?" cell.
"""
import numpy as np

from bpviz.engine import ACTIVATIONS
from bpviz.viz import style
from bpviz.viz.notation import layer_mark
from bpviz.viz.text import label

DEFAULT_TEXT = {
    "viz.matrix.title": "Layer {layer} as matrices (example {example})",
    "viz.matrix.forward": "forward",
    "viz.matrix.backward": "backward",
    "viz.matrix.gradient": "gradient (batch mean)",
    "viz.matrix.output_delta": "δ of the output layer: ∂E/∂z",
}
GAP = 1.2    # columns between two blocks


def _block(name, values, rows, cols):
    """A named matrix block: values (rows × cols array) or None (unknown)."""
    return dict(name=name, values=None if values is None else np.asarray(values, dtype=float).reshape(rows, cols),
                rows=rows, cols=cols)


def _row_blocks(step, layer, example):
    net = step.network
    n_in, n_out = net.sizes[layer - 1], net.sizes[layer]
    a_prev, z, a = step.activation(layer - 1), step.preactivation(layer), step.activation(layer)

    def pick(m):
        return None if m is None else m[example]

    forward = [_block(f"W{layer_mark(layer)}", net.weights[layer - 1], n_out, n_in), "·",
               _block(f"a{layer_mark(layer - 1)}", pick(a_prev), n_in, 1), "+",
               _block(f"b{layer_mark(layer)}", net.biases[layer - 1], n_out, 1), "=",
               _block(f"z{layer_mark(layer)}", pick(z), n_out, 1), "f →",
               _block(f"a{layer_mark(layer)}", pick(a), n_out, 1)]
    delta = pick(step.delta(layer))
    if layer == step.output_layer:
        backward = [_block(f"δ{layer_mark(layer)}", delta, n_out, 1)]
    else:
        derivative = None
        if z is not None and ACTIVATIONS[net.activations[layer - 1]].derivative is not None:
            derivative = ACTIVATIONS[net.activations[layer - 1]].derivative(z[example], a[example])
        following = pick(step.delta(layer + 1))
        backward = [_block(f"W{layer_mark(layer + 1)}ᵀ", net.weights[layer].T, n_out, net.sizes[layer + 1]), "·",
                    _block(f"δ{layer_mark(layer + 1)}", following, net.sizes[layer + 1], 1), "⊙",
                    _block(f"f′(z{layer_mark(layer)})", derivative if delta is not None else None, n_out, 1), "=",
                    _block(f"δ{layer_mark(layer)}", delta, n_out, 1)]
    gradient = [_block(f"∂E/∂W{layer_mark(layer)} = δ{layer_mark(layer)} a{layer_mark(layer - 1)}ᵀ",
                       step.weight_grad(layer), n_out, n_in)]
    return [forward, backward, gradient]


def matrix_figure(step, layer, text=None, example=0):
    """The matrix view of `layer` (1..L) at `step` for batch row `example`."""
    net = step.network
    layer = min(max(int(layer), 1), step.output_layer)
    example = min(max(int(example), 0), step.X.shape[0] - 1)
    rows = _row_blocks(step, layer, example)
    titles = [label(text, DEFAULT_TEXT, "viz.matrix.forward"),
              label(text, DEFAULT_TEXT, "viz.matrix.output_delta" if layer == step.output_layer
                    else "viz.matrix.backward"),
              label(text, DEFAULT_TEXT, "viz.matrix.gradient")]
    known = dict(x=[], y=[], text=[], hover=[], colour=[])
    unknown = dict(x=[], y=[], hover=[])
    notes, top = [], 0.0
    all_values = [b["values"] for row in rows for b in row if isinstance(b, dict) and b["values"] is not None]
    limit = style.symmetric_limit(np.concatenate([v.ravel() for v in all_values]) if all_values else [])
    for row, title in zip(rows, titles):
        height = max(b["rows"] for b in row if isinstance(b, dict))
        notes.append(dict(x=-0.6, y=top + 0.9, text=f"<b>{title}</b>", xanchor="left", showarrow=False))
        column = 0.0
        for block in row:
            if isinstance(block, str):
                notes.append(dict(x=column + 0.1, y=top - (height - 1) / 2, text=f"<b>{block}</b>", showarrow=False,
                                  font=dict(size=16)))
                column += GAP
                continue
            offset = top - (height - block["rows"]) / 2
            notes.append(dict(x=column + (block["cols"] - 1) / 2, y=offset + 0.6, text=block["name"],
                              showarrow=False))
            for i in range(block["rows"]):
                for k in range(block["cols"]):
                    x, y = column + k, offset - i
                    where = f"{block['name']}[{i}, {k}]" if block["cols"] > 1 else f"{block['name']}[{i}]"
                    if block["values"] is None:
                        unknown["x"].append(x), unknown["y"].append(y), unknown["hover"].append(f"{where} = ?")
                    else:
                        value = float(block["values"][i, k])
                        known["x"].append(x), known["y"].append(y), known["colour"].append(value)
                        known["text"].append(style.number(value, style.NUMBER_FORMAT))
                        known["hover"].append(f"{where} = {style.number(value, style.HOVER_FORMAT)}")
            column += block["cols"] + GAP - 1
        top -= height + 2
    small = max(net.sizes) <= 5
    size, unit, font = (44, 56, 13) if small else (30, 36, 10)   # px: cell, cell pitch, number
    traces = [
        dict(type="scatter", mode="markers+text", x=known["x"], y=known["y"], text=known["text"],
             hovertext=known["hover"], hoverinfo="text", showlegend=False,
             textfont=dict(size=font, color=style.label_colours(known["colour"], limit)),
             marker=dict(symbol="square", size=size, color=known["colour"], cmin=-limit, cmax=limit,
                         colorscale=[list(s) for s in style.DIVERGING],
                         line=dict(width=1, color=style.NEUTRAL_COLOUR))),
        dict(type="scatter", mode="markers+text", x=unknown["x"], y=unknown["y"],
             text=[style.UNKNOWN_LABEL] * len(unknown["x"]), hovertext=unknown["hover"], hoverinfo="text",
             showlegend=False,     # "?" in the theme's text colour, on the page's background
             marker=dict(symbol="square-open", size=size, color=style.UNKNOWN_COLOUR)),
    ]
    layout = style.base_layout(title=label(text, DEFAULT_TEXT, "viz.matrix.title", layer=layer, example=example),
                               height=int(max(300, unit * (-top) + 80)))
    layout.update(xaxis=dict(visible=False, scaleanchor="y"), yaxis=dict(visible=False), annotations=notes,
                  hovermode="closest")
    return style.figure(traces, layout)
