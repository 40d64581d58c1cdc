"""AppTest helpers: run app.py on a page, rerun, and check that nothing raised."""
import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def open_app(page=None, query=None):
    """Run the app (on `page`, e.g. "build"; opened with link parameters `query`) and check
    that nothing raised."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query or {})
    at.run()
    if page:
        at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def formulas(at):
    """Every display formula on the page as one string: st.latex elements and the inspector's
    Markdown, which sends each number's formulas as `$$…$$` blocks in one element."""
    blocks = [element.value for element in at.latex]
    for element in at.markdown:
        blocks += re.findall(r"\$\$\n(.*?)\n\$\$", element.value, flags=re.S)
    return " ".join(blocks)


def step_by_example(rows=None):
    """The Step page stepping a batch example by example: `rows` moved copies of the example
    (None: the page's default number)."""
    at = open_app("step")
    at.radio(key="step_batch_mode").set_value("by_example")
    rerun(at)
    if rows is not None:
        at.number_input(key="step_batch_rows").set_value(rows)
        rerun(at)
    return at


def rerun(at):
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def worksheets_made(at, timeout=120):
    """Rerun the Worksheets page (as its polling fragment would) until the session's sheets
    have come out of the server's queue of heavy jobs."""
    import time
    deadline = time.monotonic() + timeout
    while at.session_state["worksheets_job"] is not None:
        assert time.monotonic() < deadline, "the sheets did not come out of the queue"
        time.sleep(0.2)
        at = rerun(at)
    return rerun(at)


def queued_job(at, slot):
    """The session's (digest, Job) computing `slot` (e.g. "gradcheck") in the server's queue
    of heavy jobs (bpviz/ui/job_queue.remembered), or None."""
    from bpviz.ui.job_queue import queued_slot
    return at.session_state["memo"].get(queued_slot(slot)) if "memo" in at.session_state else None


def delivered(at, slot, timeout=120):
    """Rerun (as the page's polling fragment would) until the session's `slot` job came out
    of the queue and its result is on the page."""
    import time
    deadline = time.monotonic() + timeout
    while queued_job(at, slot) is not None:
        assert time.monotonic() < deadline, f"the {slot} job did not come out of the queue"
        time.sleep(0.2)
        at = rerun(at)
    return at


def diagram(at):
    """What the Step page's diagram component sends to the browser this run: its data (the
    pass, when sent, the server's moves, the quiz's target) as the browser parses it."""
    mounted = [e for e in at.get("bidi_component") if e.proto.component_name == "bpviz_step_diagram"]
    assert len(mounted) == 1, "one Step diagram on the page"
    return json.loads(mounted[0].proto.json)


def report(at, **facts):
    """Send what the diagram's browser side reports (position, selected, have, room) and rerun,
    as a browser does; returns the whole page as the browser then shows it."""
    at = report_only(at, **facts)
    if not at.get("segmented_control"):
        # a new position alone reran only the position's fragment (views/step.py), and AppTest
        # holds only what that run drew; the browser keeps the rest: draw the whole page again
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    return at


_SEQ = [0]   # the browser numbers its reports: the server follows the last
_IDS = {}    # id(AppTest) -> {component name: its widget id}, as last seen


def report_only(at, **facts):
    """Send a report of the diagram's, as the browser does, and return what that one run drew,
    as AppTest holds it: a new position alone through the position's own component (its
    fragment reruns), anything else through the diagram's (the fragment holding it reruns).
    The report is a widget state for the component, sent through AppTest's own run with widget
    states (AppTest has no public way to set a component's state), and the run is scoped to
    the component's fragment as a browser's is (AppTest alone would run the whole page)."""
    from unittest import mock

    from streamlit.testing.v1 import local_script_runner

    from bpviz.ui.step.diagram import FOLLOWER, STEPPER
    _SEQ[0] += 1
    facts = {**facts, "seq": _SEQ[0]}
    alone = "position" in facts and set(facts) <= {"position", "seq", "moved", "rerun"}
    name = "bpviz_step_position" if alone else "bpviz_step_diagram"
    fragment = FOLLOWER if alone else STEPPER
    for element in at.get("bidi_component"):      # (a run of one fragment holds only that fragment's)
        _IDS.setdefault(id(at), {})[element.proto.component_name] = element.proto.id
    states = at._tree.get_widget_states()
    widget = states.widgets.add()
    widget.id = _IDS[id(at)][name]
    widget.json_value = json.dumps({"report": facts})
    ids = list(at._fragment_storage._ids_by_target_key.get(fragment, {}))
    plain = local_script_runner.RerunData

    def scoped(**fields):
        return plain(**fields, fragment_id_queue=ids[-1:])
    with mock.patch.object(local_script_runner, "RerunData", scoped):
        at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown_step(at):
    """The position line of the step the session is on ('Step 4 of 7: loss'), from the pass the
    diagram got (the browser shows the same line at that position)."""
    data = diagram(at)
    assert data["pass"] is not None, "the pass is sent until the browser says it holds it"
    return data["pass"]["headings"][min(at.session_state["step_index"], len(data["pass"]["headings"]) - 1)][0]


def shown_readout(at, position=None):
    """What the browser shows beside the Step diagram at `position` (the session's when None):
    of the readouts drawn at once (bpviz/ui/step/readouts.py), the group the page's CSS leaves
    visible at that position, read from that CSS; the readouts' box itself when the server draws
    the readout of the position alone (quiz mode)."""
    from streamlit.testing.v1.element_tree import Block
    position = at.session_state["step_index"] if position is None else position
    styles = [h.proto.body for h in at.get("html") if "data-bpviz-step" in h.proto.body]
    blocks = {}

    def walk(node):
        for child in getattr(node, "children", {}).values():
            if isinstance(child, Block):
                key = str(getattr(child.proto, "id", "")).rsplit("-", 1)[-1]
                if key.startswith("step_readout"):
                    blocks[key] = child
                walk(child)
    walk(at._tree)
    if not styles:
        return blocks["step_readouts"]
    # each group's rule: html[data-bpviz-step]:not([data-bpviz-step='k'])… (its positions) … readout_n
    rule = r"html\[data-bpviz-step\]((?::not\(\[data-bpviz-step='\d+'\]\))*)[^,]*?st-key-step_readout_(\d+)"
    rules = re.findall(rule, styles[0])
    hidden = {int(n) for positions, n in rules if f":not([data-bpviz-step='{position}'])" not in positions}
    shown = [key for key in blocks if key.removeprefix("step_readout_").isdigit()
             and int(key.removeprefix("step_readout_")) not in hidden]
    assert len(shown) == 1, (position, shown)
    return blocks[shown[0]]
