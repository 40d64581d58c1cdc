"""Where the diagram's neurons and connections go, and how connections are batched.

Layer l sits at x = l; its neurons are centred on y = 0, neuron 0 on top. Every
connection is a segment from neuron k of layer l−1 to neuron j of layer l (the
weight w^{(l)}_{jk} = weights[l-1][j, k]). Connections are drawn in a fixed set
of traces — one per (sign, width class) plus one for unknown values — so a
figure of the largest network has a handful of traces, and every animation frame
has the same ones.
"""
import numpy as np

WIDTHS = (0.8, 1.8, 3.2, 5.0)      # line widths of the magnitude classes, thin to thick
EDGE_GROUPS = tuple((sign, width) for sign in ("negative", "positive") for width in range(len(WIDTHS)))
HOVER_AT = 0.72                    # an edge's hover point: this far from its source neuron


def neuron_positions(sizes):
    """{(layer, j): (x, y)} for every neuron."""
    return {(l, j): (float(l), (n - 1) / 2.0 - j) for l, n in enumerate(sizes) for j in range(n)}


def axis_ranges(sizes):
    """Fixed x and y ranges (with room for the labels beside inputs and outputs)."""
    half = max(sizes) / 2.0
    return [-0.9, len(sizes) - 1 + 0.9], [-half - 0.3, half + 0.3]


def edges(sizes):
    """Every connection as (layer l ≥ 1, j, k), in a fixed order: by layer, then j, then k."""
    return [(l, j, k) for l in range(1, len(sizes)) for j in range(sizes[l]) for k in range(sizes[l - 1])]


def packed(trace):
    """The trace with its per-point lists as NumPy arrays: Plotly validates arrays far
    faster than lists (the largest diagram builds in about half the time)."""
    trace = dict(trace)
    for key in ("x", "y", "text", "hovertext"):   # customdata stays a plain list of [layer, j]
        if isinstance(trace.get(key), list) and trace[key]:
            trace[key] = np.array(trace[key], dtype=np.float32 if key in ("x", "y") else None)
    marker = trace.get("marker")
    if marker and isinstance(marker.get("color"), list) and marker["color"]:
        trace["marker"] = dict(marker, color=np.array(marker["color"], dtype=float))
    return trace


def edge_values(weights_or_grads):
    """The values of `edges(sizes)` in the same order, from per-layer matrices."""
    return np.concatenate([np.ravel(m) for m in weights_or_grads]) if weights_or_grads else np.array([])


def edge_endpoints(sizes):
    """Arrays (E, 2) of source and target positions of `edges(sizes)`, in that order."""
    positions = neuron_positions(sizes)
    pairs = [((l - 1, k), (l, j)) for l, j, k in edges(sizes)]
    return (np.array([positions[s] for s, _ in pairs], dtype=np.float32),
            np.array([positions[t] for _, t in pairs], dtype=np.float32))


def segments(sources, targets, chosen):
    """x and y arrays of the segments `chosen` (a boolean mask or indices), NaN between them."""
    picked_s, picked_t = sources[chosen], targets[chosen]
    xs = np.full(3 * len(picked_s), np.nan, np.float32)
    ys = np.full(3 * len(picked_s), np.nan, np.float32)
    xs[0::3], xs[1::3] = picked_s[:, 0], picked_t[:, 0]
    ys[0::3], ys[1::3] = picked_s[:, 1], picked_t[:, 1]
    return xs, ys
