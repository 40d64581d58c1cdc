"""The Step page's diagram: one browser-side component (diagram.js, diagram.css) that holds
the whole pass and steps through it without a round trip.

The server sends the pass's drawable data (bpviz.viz.step_pass) once for each (network,
example or batch rows, η, λ₁, λ₂, granularity, bias switch, names, z, phone or not, language,
steps revealed), and again only if the browser says it holds another one. Each run sends a
few small facts beside it: where the server moved the position or the selection itself
(`moves`), the motion switch, the quiz's question and how soon to report. The browser reports
(position, selected neuron, the pass it holds, its room) once the learner settles after a
burst of presses; `_follow` makes the session follow, so the quiz and the address show the
same step (the readout beside the diagram follows in the page: step/readouts.py). A new
position alone reruns only `follow_position`, the fragment that holds the component and the
address: no switch, no readout and no pass is sent again for it.

In quiz mode only the revealed steps are sent: the browser has no number the learner has
not tried.
"""
from pathlib import Path

import streamlit as st

from bpviz.engine import LAYER_NAMES, practice
from bpviz.ui import address, lesson
from bpviz.ui.i18n import catalogue, language, plain_text
from bpviz.ui.session import memo, state
from bpviz.viz import PHONE_WIDTH, step_pass, step_target

KEY = "step_diagram"
STEPPER = "step_stepper"       # the Step page's fragments (views/step.py): the one that holds the diagram,
FOLLOWER = "step_follower"     # the one nested in it that holds the diagram itself and the address,
READOUT = "step_readout"       # and the one beside it that draws the readout when the page does not
DEFAULT_ROOM = (460, 900)          # (height, width) in px until the browser has reported
MIN_HEIGHT, MAX_HEIGHT = 300, 1400
BUTTONS = ("first", "prev", "next", "forward", "backward")
_HERE = Path(__file__).parent
_mount = st.components.v2.component(
    "bpviz_step_diagram", js=(_HERE / "diagram.js").read_text(encoding="utf-8"),
    css=(_HERE / "diagram.css").read_text(encoding="utf-8"), isolate_styles=False)


def show(steps, revealed, names=LAYER_NAMES, show_z=False, animate=True, question=None, settle=120):
    """Mount the diagram of `steps` (the whole pass), of which the browser gets the first
    `revealed` (all of them outside quiz mode). `names`: the notation on show (lesson.names()).
    `question`: the quiz's (practice.Question, waiting for an answer) at the current step, or None.
    `settle`: ms after the last press the browser reports its position (step/readouts.py)."""
    revealed = min(max(int(revealed), 1), len(steps))
    first = steps[0]
    narrow = room_now()[1] < PHONE_WIDTH
    # the pass's identity: a batch's rows are first.X, first.Y (the start step holds the whole batch)
    parts = (first.network, first.X, first.Y, first.learning_rate, first.update_biases, first.l1, first.l2,
             first.batch is not None, tuple(step.phase for step in steps), revealed, names.notation, bool(show_z),
             narrow, language())
    pass_id = memo.digest(parts)[:20]

    def build():
        drawable = step_pass(steps[:revealed], text=catalogue(), names=names, show_z=show_z, narrow=narrow)
        drawable["headings"] = [_heading(step, len(steps)) for step in steps[:revealed]]
        phases = [step.phase for step in steps]
        drawable["jumps"] = {"forward": phases.index("loss"), "backward": len(steps) - 2}
        return drawable

    data = {"pass_id": pass_id, "count": len(steps), "motion": bool(animate), "settle": int(settle),
            "quiz": _quiz(question, first.network.sizes, state.step_index()), "words": _words()}
    follow_position(data, parts, build, revealed)


@st.fragment(key=FOLLOWER)
def follow_position(data, parts, build, revealed):
    """The diagram, and the address after it. The diagram's report of a new position reruns
    only this, with the enclosing run's arguments: the pass is neither recomputed nor sent
    again (the browser holds it), no switch is drawn again, and the readout beside the diagram
    already shows the position (step/readouts.py); what the server does for a position is
    mount the same component again and write the address."""
    reported = _reported()
    # built once per pass (kept for this session only); sent only while the browser lacks it
    drawable = memo.remembered("step_pass", parts, build) if reported.get("have") != data["pass_id"] else None
    goto = moves(reported, min(state.step_index(), revealed - 1), state.selected_neuron())
    _mount(key=KEY, data={**data, "pass": drawable, "goto": goto}, default={"report": None},
           on_report_change=_follow)
    address.write()   # a fragment rerun skips app.py's end: the address follows the position


def moves(reported, index, selected):
    """Where the server moved the diagram itself: {"step": index or None, "selected": [neuron]
    or None}. The position (selection) is sent only while it differs from the browser's last
    report: a link's step, Apply update, the quiz's hold, the inspector's list. A position the
    browser has reported is never sent back, so a press it has drawn since is never undone."""
    chosen = list(selected) if selected is not None else None
    return {"step": None if reported.get("position") == index else int(index),
            "selected": None if reported.get("selected", "unreported") == chosen else [chosen]}


def _reported():
    """The browser's last report as a dict (empty before the first)."""
    value = state.widget_value(KEY)
    report = value.get("report") if isinstance(value, dict) else getattr(value, "report", None)
    return report if isinstance(report, dict) else {}


def _follow():
    """The browser moved or selected: the session follows (what it reports is checked). A new
    position alone reruns only `follow_position` (the default for its widget): the diagram
    and the readout already show it, and the switches do not change. A new selection or room,
    or any report in quiz mode (the quiz's card and the diagram's marks follow the position),
    reruns the fragment that holds the diagram (`STEPPER`); where the server draws the readout
    of each position (state.readout_served), its fragment (`READOUT`) reruns too."""
    report = _reported()
    followed = follow(report, state.network().sizes)
    whole = lesson.quiz_on()
    if followed["position"] is not None:
        state.set_step_index(followed["position"])
    if followed["selected"] is not None and followed["selected"] != state.selected_neuron():
        state.set_selected_neuron(followed["selected"])
        whole = True
    if followed["room"] is not None and followed["room"] != state.diagram_room():
        state.set_diagram_room(followed["room"])
        whole = True
    if whole:
        st.rerun(STEPPER)
    if state.readout_served():
        st.rerun([FOLLOWER, READOUT])


def follow(report, sizes):
    """What of a report to follow: {"position": int ≥ 0 | None, "selected": (layer, j) of a
    neuron of `sizes` | None, "room": (height, width) | None}. Anything else is ignored (it
    comes from the browser); the pages clamp the position to their pass."""
    followed = {"position": None, "selected": None, "room": None}
    position = report.get("position") if isinstance(report, dict) else None
    if isinstance(position, int) and not isinstance(position, bool) and 0 <= position < 10_000:
        followed["position"] = position
    selected = report.get("selected") if isinstance(report, dict) else None
    if (isinstance(selected, list) and len(selected) == 2 and all(type(v) is int for v in selected)
            and 0 <= selected[0] < len(sizes) and 0 <= selected[1] < sizes[selected[0]]):
        followed["selected"] = (selected[0], selected[1])
    if isinstance(report, dict) and report.get("room") is not None:
        followed["room"] = room(report.get("room"))
    return followed


def room(reported):
    """(height, width) from what the browser reported, or DEFAULT_ROOM; anything not two
    positive numbers is ignored."""
    try:
        height, width = (int(v) for v in reported)
    except (TypeError, ValueError):
        return DEFAULT_ROOM
    if height <= 0 or width <= 0:
        return DEFAULT_ROOM
    return min(max(height, MIN_HEIGHT), MAX_HEIGHT), min(max(width, 200), 4000)


def side_height():
    """px of the box beside the diagram (the quiz card and the readouts, scrolling inside):
    as tall as the diagram with its buttons and caption, from the room the browser reported."""
    return min(max(room_now()[0] + 130, 420), MAX_HEIGHT)


def room_now():
    """(height, width) in px the diagram has, as last reported by the browser."""
    return state.diagram_room() or DEFAULT_ROOM


def _quiz(question, sizes, index):
    """The quiz's question at step `index` for the picture: what to mark, and whether → waits."""
    if question is None:
        return None
    asked, waiting = question
    marked = step_target(sizes, asked.quantity, asked.layer, asked.j, asked.k) if isinstance(asked, practice.Question) \
        else {"neuron": None, "edge": None}
    return {"step": int(index), **marked, "waiting": bool(waiting)}


def _heading(step, count):
    """[the position line, the step's explanation and the keys], in the session's language;
    a step of a batch stepped example by example says which example."""
    phase = plain_text(f"phase.{step.phase}")
    name = phase if step.layer is None else plain_text("step.phase_layer", phase=phase, layer=step.layer)
    if step.example is not None:
        name = plain_text("step.example_step", example=step.example + 1, count=len(step.batch.X), label=name)
    return [plain_text("step.position", number=step.index + 1, count=count, label=name),
            plain_text(f"step.explain.{step.phase}") + " " + plain_text("step.key_hint")]


def _words():
    names = {"first": "step.reset", "prev": "step.previous", "next": "step.next", "forward": "step.forward_pass",
             "backward": "step.backward_pass"}
    helps = {"first": "step.key_help.reset", "prev": "step.key_help.previous", "next": "step.key_help.next"}
    words = {name: plain_text(key) for name, key in names.items()}
    words.update({f"{name}_help": plain_text(key) for name, key in helps.items()})
    words["quiz_wait"] = plain_text("quiz.wait_key")
    return words
