"""The two strips under the Step diagram (drawn by bpviz/ui/step/diagram.js from these numbers):

- the gradient strip: one bar per weight layer (layer l = the weights into layer l, 1 first),
  its height on a log scale of RMS(∂E/∂W) = sqrt(mean g²) of that layer (engine.layer_rms),
  shown from the backward step that computes that layer's gradient on, with the number
  printed; once the first and the last layer are known, a note says how many times smaller
  (or larger) the first layer's gradient is than the last's: the vanishing gradient of a deep
  sigmoid network, seen on one pass.
- the batch strip (a batch stepped example by example only): every example of the batch at
  once, one small panel each, with its loss E_n and its output layer's a (start, forward,
  loss) or δ (backward, average, update) as small bars, "?" where the pass has not reached
  that example yet; the example of the step is marked (at the average and the update every
  example is: they are all used).

Heights are fractions of the strip's room, fixed for the whole pass: the gradient's log scale
spans the smallest to the largest RMS of the steps given; a batch bar is its value over the
largest |value| of that quantity in the batch (−1 … 1, above or below the zero line).
Every text is an index into the pass's strings table (`s`)."""
import math

import numpy as np

from bpviz.engine import layer_rms
from bpviz.viz import style
from bpviz.viz.style import HOVER_FORMAT, LARGE_RATIO_FORMAT, RATIO_DIGITS, number
from bpviz.viz.text import label

DEFAULT_TEXT = {
    "viz.step.gradient_title": "Gradient size per layer: RMS of ∂E/∂W (log scale)",
    "viz.step.gradient_title_short": "RMS ∂E/∂W (log)",
    "viz.step.gradient_smaller": "layer 1: {ratio}× smaller than layer {last}",
    "viz.step.gradient_larger": "layer 1: {ratio}× larger than layer {last}",
    "viz.step.gradient_equal": "layer 1: as large as layer {last}",
    "viz.step.gradient_hover": "weights into layer {layer}: RMS of ∂E/∂W = {value}",
    "viz.step.batch_a": "The batch: each example's output a",
    "viz.step.batch_delta": "The batch: each example's output δ",
    "viz.step.batch_hover": "example {example}: x = {x}, y = {y}",
    "viz.step.batch_not_yet": "not reached yet",
}
LEAST_BAR = 0.12     # the smallest gradient's bar: still visible


def gradient_scale(steps):
    """(log10 of the smallest, of the largest) positive finite RMS(∂E/∂W) of any layer known
    at any of `steps`, or None when none is known."""
    values = [v for step in steps for v in _rms(step) if v is not None and v > 0 and math.isfinite(v)]
    if not values:
        return None
    return math.log10(min(values)), math.log10(max(values))


def _rms(step):
    """RMS(∂E/∂W) of each weight layer (1 … L) at `step`, None where not known yet."""
    layers = range(1, step.output_layer + 1)
    known = [step.weight_grad(layer) for layer in layers]
    return [None if g is None else layer_rms((g,))[0] for g in known]


def gradient_bars(step, scale, digits, text, s):
    """The gradient strip at `step`: {"bars": per weight layer [height fraction, printed
    number, hover] or None (not known yet), "note": the first layer against the last}."""
    bars = []
    rms = _rms(step)
    for layer, value in enumerate(rms, start=1):
        if value is None:
            bars.append(None)
            continue
        bars.append([round(_height(value, scale), 4), s(number(value, digits)),
                     s(label(text, DEFAULT_TEXT, "viz.step.gradient_hover", layer=layer,
                             value=number(value, HOVER_FORMAT)))])
    first, last = rms[0], rms[-1]
    note = ""
    if len(rms) > 1 and first is not None and last is not None:
        note = ratio_note(first, last, len(rms), text)
    return {"bars": bars, "note": s(note)}


def _height(value, scale):
    if not value > 0 or not math.isfinite(value) or scale is None:
        return 0.0
    low, high = scale
    if high - low < 1e-12:
        return 1.0
    return LEAST_BAR + (1 - LEAST_BAR) * (math.log10(value) - low) / (high - low)


def ratio_note(first, last, layers, text=None):
    """'layer 1: 1,230× smaller than layer 6' (or larger), from the two layers' RMS."""
    if first == last or (first > 0 and last > 0 and abs(math.log10(last / first)) < 0.02):
        return label(text, DEFAULT_TEXT, "viz.step.gradient_equal", last=layers)
    if first == 0 or last / first > 1:
        ratio = math.inf if first == 0 else last / first
        return label(text, DEFAULT_TEXT, "viz.step.gradient_smaller", ratio=times(ratio), last=layers)
    return label(text, DEFAULT_TEXT, "viz.step.gradient_larger", ratio=times(first / last), last=layers)


def times(ratio):
    """A ratio as a learner reads it: '1,230', '37', '2.5', '∞'."""
    if not math.isfinite(ratio):
        return "∞"
    if 100 <= ratio < 1e9:
        return number(ratio, LARGE_RATIO_FORMAT)
    return number(ratio, RATIO_DIGITS)


# ---- the batch strip ---------------------------------------------------------------------

def batch_scale(batch):
    """{"a": max |output a|, "delta": max |output δ|} over the batch (never 0)."""
    outputs = batch.trace.activations[-1]
    deltas = np.concatenate([g.deltas[-1] for g in batch.examples])
    return {"a": style.symmetric_limit(outputs), "delta": style.symmetric_limit(deltas)}


def batch_cells(step, batch_limits, colour_limits, digits, text, s):
    """The batch strip at `step` (a step of a batch stepped example by example): {"title", its
    quantity's "symbol" (a or δ, the label of the compact strip), "cells": per example [E_n
    text, bars (per output [fraction −1…1, fill] or None: not known), marked (bool), hover]}."""
    batch, last = step.batch, step.output_layer
    quantity = "a" if step.phase in ("start", "forward", "loss") else "delta"
    title = s(label(text, DEFAULT_TEXT, f"viz.step.batch_{quantity}"))
    cells = []
    for n, example in enumerate(batch.examples):
        a_known, delta_known, loss_known = _known(step, n)
        known = a_known if quantity == "a" else delta_known
        values = batch.trace.activations[last][n] if quantity == "a" else example.deltas[-1][0]
        bars = [[round(float(v) / batch_limits[quantity], 4), s(style.diverging_colour(float(v),
                 colour_limits[quantity]))] if known else None for v in values]
        loss = number(example.loss, digits) if loss_known else style.UNKNOWN_LABEL
        head = f"E{_subscript(n + 1)} {loss}"
        marked = step.example == n or step.phase in ("average", "update")
        cells.append([s(head), bars, bool(marked), s(_batch_hover(step, n, known, values, quantity, text))])
    return {"title": title, "symbol": s("a" if quantity == "a" else "δ"), "cells": cells}


def _known(step, n):
    """(output a, output δ, E_n) of example n known at `step`: every earlier example is done,
    the step's own as far as the step goes, later ones not yet; the average and update know all."""
    if step.phase in ("average", "update"):
        return True, True, True
    if step.example is None or n > step.example:
        return False, False, False
    if n < step.example:
        return True, True, True
    return step.activation(step.output_layer) is not None, step.delta(step.output_layer) is not None, step.loss_known


def _batch_hover(step, n, known, values, quantity, text):
    batch = step.batch
    lines = [label(text, DEFAULT_TEXT, "viz.step.batch_hover", example=n + 1, x=_vector(batch.X[n]),
                   y=_vector(batch.Y[n]))]
    name = "a" if quantity == "a" else "δ"
    lines.append(f"{name} = {_vector(values)}" if known
                 else f"{name}: {label(text, DEFAULT_TEXT, 'viz.step.batch_not_yet')}")
    return lines


def _vector(values):
    return "(" + ", ".join(number(float(v), HOVER_FORMAT) for v in np.ravel(values)) + ")"


_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _subscript(n):
    return str(n).translate(_SUB)
