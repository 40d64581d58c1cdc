"""The readout beside the Step page's diagram follows its position in the page, with no
run of the server: each distinct readout the pass can show is drawn once, in its own keyed
container, and CSS shows the one of the position the diagram sets on the page
(`<html data-bpviz-step="k">`, diagram.js), in the frame that draws the step.

A readout changes at a few positions only: the neuron inspector when the neuron's known
quantities change (z and a, the loss, δ and the gradients, the new weights), the matrix
view when one of its layer's blocks becomes known, the update view at the update, the code
never. Positions whose readout depends on the same things form a group (`signature`), drawn
once. A view with more than MAX_GROUPS groups (a batch stepped example by example) follows
through the server as before, and so does quiz mode: the quiz is checked there, and the page
must hold no number of a step the learner has not tried.
"""
import streamlit as st

from bpviz.engine import available_quantities
from bpviz.ui import lesson
from bpviz.ui.session import state
from bpviz.ui.step import inspector

MAX_GROUPS = 12           # readouts drawn at once for one view (the largest network: 5 of 17 positions)
SETTLE_MS = 700           # the diagram writes a position into the address this long after the last press (diagram.js)
SERVER_SETTLE_MS = 120    # ... and this soon when the server draws the readout (quiz mode, many groups)
BOX = "step_readout_{}"   # the key of group n's container


def signature(step, chosen, neuron):
    """What the readout `chosen` of `neuron` at `step` depends on, beyond the pass itself: two
    steps of a pass with the same signature show the same readout. Arrays are told apart by
    identity (a step holds its example's trace and gradients; they stay alive with the steps)."""
    if chosen == "code":
        return ()
    if chosen == "update":
        return (id(step.updated) if step.updated is not None else None,)
    if chosen == "matrix":
        layer = min(max(neuron[0], 1), step.output_layer)
        following = step.delta(layer + 1) if layer < step.output_layer else None
        blocks = (step.activation(layer - 1), step.preactivation(layer), step.activation(layer),
                  step.delta(layer), following, step.weight_grad(layer))
        return tuple(None if block is None else id(block) for block in blocks)
    layer, j = neuron   # the new weights and bias come with the quantities ("new_weight", "new_bias")
    return available_quantities(step, layer, j), id(step.trace), id(step.gradients), id(step.X)


def groups(steps, chosen, neuron):
    """(the group of each position, the first step of each group) for the readout `chosen`."""
    numbers, firsts, of_position = {}, [], []
    for step in steps:
        key = signature(step, chosen, neuron)
        if key not in numbers:
            numbers[key] = len(firsts)
            firsts.append(step)
        of_position.append(numbers[key])
    return of_position, firsts


def plan(steps):
    """(group of each position, first step of each group) when the page follows the position by
    itself, or None when the server draws the readout (quiz mode, or too many groups); the
    session keeps which (state.readout_served: what the diagram's report reruns)."""
    planned = None
    if not lesson.quiz_on():
        first = steps[0]   # the neuron the inspector shows: the selection, or the first output neuron
        neuron = state.selected_neuron(default=(first.output_layer, 0))
        of_position, firsts = groups(steps, inspector.chosen_view(), neuron)
        planned = (of_position, firsts) if len(firsts) <= MAX_GROUPS else None
    state.set_readout_served(planned is None)
    return planned


def reporting(planned):
    """How the diagram tells the server its position (diagram.js): {"settle": ms after the
    last press, "lazy": bool}. Lazy when every readout is in the page (`planned` is not None):
    the server needs the position only for its next run, so once the presses settle the
    browser writes the address's step itself, and the position goes to the server with the
    learner's next pointer press, focus or typing, ahead of that control's run. A presenter
    stepping through a pass makes the server run not once. Otherwise (quiz mode, many
    readouts) the server draws the readout, so the position goes to it as soon as it settles."""
    if planned is not None:
        return {"settle": SETTLE_MS, "lazy": True}
    return {"settle": SERVER_SETTLE_MS, "lazy": False}


def show(planned, names):
    """Every group of `planned` (plan()), each in its keyed container, and the CSS that shows
    the one of the diagram's position (before the diagram has set one: the session's)."""
    of_position, firsts = planned
    st.html(_css(of_position, state.step_index()))
    for n, step in enumerate(firsts):
        with st.container(key=BOX.format(n)):
            inspector.readout(step, names, key=str(n))


def _css(of_position, position):
    """Hide every group but the one of the page's position: `<html data-bpviz-step>`, set by the
    diagram, else `position` (the attribute is not there before the diagram's first drawing)."""
    fallback = of_position[min(position, len(of_position) - 1)]
    rules = []
    for n in range(max(of_position) + 1):
        box = f".st-key-step_readouts > div:has(> .st-key-{BOX.format(n)})"
        mine = "".join(f":not([data-bpviz-step='{k}'])" for k, group in enumerate(of_position) if group == n)
        rules.append(f"html[data-bpviz-step]{mine} {box}")
        if n != fallback:
            rules.append(f"html:not([data-bpviz-step]) {box}")
    return "<style>" + ",\n".join(rules) + " { display: none; }</style>"
