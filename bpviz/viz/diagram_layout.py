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


def width_class(magnitude, limit):
    """0..len(WIDTHS)−1 from |value| / limit (limit > 0)."""
    share = min(magnitude / limit, 1.0)
    return min(int(share * len(WIDTHS)), len(WIDTHS) - 1)


def segment_arrays(pairs, positions):
    """x and y arrays for one line trace of many segments (a gap, NaN, between segments;
    it is written as null in the figure JSON)."""
    # float32 holds every position exactly (whole and half numbers) at half the size of
    # float64 in the figure's binary JSON encoding
    xs, ys = np.full(3 * len(pairs), np.nan, np.float32), np.full(3 * len(pairs), np.nan, np.float32)
    for i, (source, target) in enumerate(pairs):
        (xs[3 * i], ys[3 * i]), (xs[3 * i + 1], ys[3 * i + 1]) = positions[source], positions[target]
    return xs, ys


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


def hover_point(source, target, positions):
    (x0, y0), (x1, y1) = positions[source], positions[target]
    return x0 + HOVER_AT * (x1 - x0), y0 + HOVER_AT * (y1 - y0)


def edge_values(weights_or_grads):
    """The values of `edges(sizes)` in the same order, from per-layer matrices."""
    return np.concatenate([np.ravel(m) for m in weights_or_grads]) if weights_or_grads else np.array([])
