"""The Step page's diagram: one browser-side component (diagram.js, diagram.css) that holds
the whole pass and steps through it without a round trip.

The server sends the pass's drawable data (bpviz.viz.step_pass) once for each (network,
example or batch rows, η, λ₁, λ₂, granularity, bias switch, names, z, phone or not, language,
steps revealed), and again only if the browser says it holds another one. Each run sends a
few small facts beside it: where the server moved the position or the selection itself
(`moves`), the motion switch, the quiz's question and how to report (readouts.reporting). The
browser reports (position, selected neuron, the pass it holds, its room); `_follow` makes the
session follow, so the quiz and the address show the same step. When every readout is in the
page (step/readouts.py), a settled position is only written into the address by the browser,
and goes to the server ahead of the learner's next click, focus or typing; in quiz mode it
goes once the learner settles after a burst of presses. A new position alone goes through a
component of its own (`position_component`), alone in a fragment at the page's top level
(views/step.py follow_position): its run writes the address, and no switch, no readout and no
pass is sent again for it.

In quiz mode only the revealed steps are sent: the browser has no number the learner has
not tried.
"""
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from bpviz.engine import LAYER_NAMES, practice
from bpviz.ui import address
from bpviz.ui.i18n import catalogue, language, plain_text
from bpviz.ui.session import memo, state
from bpviz.viz import PHONE_WIDTH, step_pass, step_target

KEY = "step_diagram"
POSITION_KEY = "step_position"   # the component the diagram reports a settled position through
STEPPER = "step_stepper"       # the Step page's fragments (views/step.py): the one that holds the diagram,
FOLLOWER = "step_follower"     # and the one that holds only the position's component (and writes the address)
DEFAULT_ROOM = (460, 900)          # (height, width) in px until the browser has reported
MIN_HEIGHT, MAX_HEIGHT = 300, 1400
BUTTONS = ("first", "prev", "next", "forward", "backward")
ADDRESS_ORDER = tuple(parameter.name for parameter in address.PARAMETERS)   # diagram.js writes step= among them
_HERE = Path(__file__).parent
_mount = st.components.v2.component(
    "bpviz_step_diagram", js=(_HERE / "diagram.js").read_text(encoding="utf-8"),
    css=(_HERE / "diagram.css").read_text(encoding="utf-8"), isolate_styles=False)
# The position's own component: draws nothing; the diagram reports a settled position through
# it (window.bpvizStepReport), and it puts the query it is given in the address bar, keeping
# the history entry (as bpviz/ui/address.py's component does).
POSITION_JS = """
export default function (component) {
  window.bpvizStepReport = report => component.setStateValue("report", report);
  const url = new URL(window.location.href);
  const search = component.data ? "?" + component.data : "";
  if (url.search !== search) {
    url.search = search;
    window.history.replaceState(window.history.state, "", url.toString());
  }
}
"""
_mount_position = st.components.v2.component("bpviz_step_position", js=POSITION_JS)


def show(steps, revealed, names=LAYER_NAMES, show_z=False, animate=True, question=None, reporting=None):
    """Mount the diagram of `steps` (the whole pass), of which the browser gets the first
    `revealed` (all of them outside quiz mode). `names`: the notation on show (lesson.names()).
    `question`: the quiz's (practice.Question, waiting for an answer) at the current step, or None.
    `reporting`: {"settle": ms, "lazy": bool}, how the browser tells the position
    (readouts.reporting; None: diagram.js's defaults, reported soon after the last press)."""
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

    reported = _reported()
    # built once per pass (kept for this session only); sent only while the browser lacks it
    drawable = memo.remembered("step_pass", parts, build) if reported.get("have") != pass_id else None
    browser_at = {**reported, "position": latest(reported, position_report()).get("position")}
    goto = moves(browser_at, min(state.step_index(), revealed - 1), state.selected_neuron())
    data = {"pass_id": pass_id, "pass": drawable, "count": len(steps), "goto": goto, "moved": state.step_moves(),
            "motion": bool(animate), **(reporting or {}), "address_order": ADDRESS_ORDER,
            "quiz": _quiz(question, first.network.sizes, state.step_index()), "words": _words()}
    _mount(key=KEY, data=data, default={"report": None}, on_report_change=_follow)


def position_component():
    """The component the diagram reports a settled position through, handed the session's
    query for the address bar. Alone in a fragment at the page's top level (views/step.py), so
    that a report's run does the least Streamlit allows: the callback, this mount, the address
    (in a run of this fragment alone, the query last written with the new step: only the
    position can have changed since)."""
    written = state.address_written()
    alone = written is not None and _lone_fragment_run()
    current = with_step(written, state.step_index()) if alone else address.query()
    state.set_address_written(current)
    _mount_position(key=POSITION_KEY, data=current.lstrip("?"), default={"report": None},
                    on_report_change=follow_settled_position)


def with_step(written, index):
    """What address.query() gives after a change of the Step position alone, from `written`
    (the query it gave before): its step replaced by `index`, without reading the whole
    session again (31 reads of session state, each costing Streamlit ~20 µs)."""
    params = dict(parse_qsl(written.lstrip("?"), keep_blank_values=True))
    params["step"] = address.BY_NAME["step"].write(index)
    ordered = {p.name: params[p.name] for p in address.PARAMETERS if params.get(p.name) is not None}
    return "?" + urlencode(ordered, safe=",:") if ordered else ""


def _lone_fragment_run():
    """This run is that of one fragment alone (the position's, after its report)."""
    ctx = get_script_run_ctx()
    return ctx is not None and len(ctx.fragment_ids_this_run or ()) == 1


def moves(reported, index, selected):
    """Where the server moved the diagram itself: {"step": index or None, "selected": [neuron]
    or None}. The position (selection) is sent only while it differs from the browser's last
    report: a link's step, Apply update, the quiz's hold, the inspector's list. A position the
    browser has reported is never sent back, so a press it has drawn since is never undone."""
    chosen = list(selected) if selected is not None else None
    return {"step": None if reported.get("position") == index else int(index),
            "selected": None if reported.get("selected", "unreported") == chosen else [chosen]}


def _reported():
    """The diagram's last report as a dict (empty before the first)."""
    return _report_of(KEY)


def position_report():
    """The last settled position the diagram reported through the position's own component
    (views/step.py follow_position): {"position", "seq"}, empty before the first."""
    return _report_of(POSITION_KEY)


def _report_of(key):
    value = state.widget_value(key)
    report = value.get("report") if isinstance(value, dict) else getattr(value, "report", None)
    return report if isinstance(report, dict) else {}


def latest(*reports):
    """Of the browser's reports, the one it sent last (each carries a sequence number "seq")."""
    def seq(report):
        number = report.get("seq")
        return number if isinstance(number, int) and not isinstance(number, bool) else -1
    return max(reports, key=seq)


def _follow():
    """The diagram reported a selection, its room or the pass it holds (and where it is): the
    session follows (what it reports is checked), and the fragment that holds the diagram
    (`STEPPER`, the default for its widget) reruns."""
    _follow_report(_reported(), position_report())


def follow_settled_position():
    """The diagram reported a settled position through the position's own component: the
    session follows, and only that component's fragment reruns (it writes the address; the
    diagram and the readout already show the position). Where the server draws the readout of
    each position (state.readout_served: quiz mode, whose card and marks follow the position
    too, or too many readouts), the fragment holding the diagram and the readout reruns. A
    report the browser sent just before another control's change (diagram.js) may arrive in
    one message with it, in the report's scope: it names the run that control needs."""
    report = position_report()
    _follow_report(report, _reported())
    if report.get("rerun") == "app":       # sent as another control was used: that control's run
        st.rerun()
    if state.readout_served() or report.get("rerun") == "stepper":
        st.rerun(STEPPER)


def _follow_report(report, other):
    """Follow `report` (the position only if it is newer than the `other` channel's)."""
    followed = follow(report, state.network().sizes)
    # the position, if this is the browser's last report and the server has not moved it since
    # the browser heard (Apply update, in a callback of the same message, runs before this one)
    current = report.get("moved") in (None, state.step_moves())
    if followed["position"] is not None and latest(report, other) is report and current:
        state.follow_step_index(followed["position"])
    if followed["selected"] is not None and followed["selected"] != state.selected_neuron():
        state.set_selected_neuron(followed["selected"])
    if followed["room"] is not None and followed["room"] != state.diagram_room():
        state.set_diagram_room(followed["room"])


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
