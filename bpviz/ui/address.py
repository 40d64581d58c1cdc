"""The address bar carries the learner's state, so a reload, a bookmark or a copied
address restores it (as TensorFlow Playground does), and a classroom link sets it up.

`PARAMETERS` is the one table of query parameters: each has a name, a reader (the
text from the address, applied to the session; it returns what was wrong with it, as
`Message`s), a writer (a value to its text, None at its default, which is left out),
the value it has in the session, its default, and the classroom-fixable controls
(`state.HIDEABLE`) whose values it carries.

    net   a token from `bpviz.engine.encode_share` (network, example, η, biases)
    hide  comma-separated controls a classroom link hides and fixes (state.HIDEABLE)
    lang  a catalogue language, e.g. "zh"
    quiz  "1": quiz mode on (read it with `state.quiz_mode()`)
    gran  the Step page's step size: "pass" (default "layer")
    pen   the Step page's weight penalty "λ₁,λ₂", each from 0 to 1 (default "0,0": none)
    step  the Step page's position, a whole number from 0 (clamped to the last step)
    batch the Step page's mini-batch: row numbers of Train's data "3,17,42" (2-8), else a count "4"
    data  the Train page's built-in data set (see `train.data_link`); "csv" for an upload
    names     "layer": layer names even where the tutorial's exist (default "tutorial"; ui.lesson)
    motion    "0": no values travelling along the connections (default "1")
    view      the Step page's readout: "matrix" or "update" (default "neuron")
    sel       the selected neuron as layer.j, e.g. "1.0" (default: the inspector's own choice)
    practice  "1": the learner's own quiz switch is on (a link's `quiz=1` also hides it)
    qa        the pass's quiz work: furthest step and attempts (bpviz.engine.attempts_to_text)
    hist      Train's epochs and curves for built-in data (bpviz.engine.history_to_text)

`read_once()` applies the address to a new session (frame.begin, once per session). Every
parameter goes through the strict reader (`reader`): given once, at most reader.MAX_CHARS
characters (a network token MAX_PARAMETER_CHARS, said in the engine's words), whole numbers
in plain digits, choices from an allow-list. A malformed, oversized, repeated or tampered
parameter gives a visible warning naming it and what is accepted, and leaves that part of
the state at its default; it never raises. `write()` runs at the end of every run
(frame.end) and hands the query to a tiny browser-side component, only when it changed
or differs from the address the browser reported; the component swaps it in with
`history.replaceState`, so Back and Forward move between pages, not through every click
(`st.query_params` pushes a new entry for every change in Streamlit 1.67; measured).
The page is the address's path, which Streamlit's navigation keeps.
"""
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

import streamlit as st

from bpviz.engine import (
    GRANULARITIES,
    MAX_PENALTY,
    NOTATIONS,
    NetworkError,
    SharedNetwork,
    TrainingState,
    attempts_from_text,
    decode_share,
    encode_share,
    history_from_text,
    history_to_text,
    preset,
)
from bpviz.ui import lesson
from bpviz.ui.i18n import CATALOGUES, DEFAULT_LANGUAGE, error_text, language
from bpviz.ui.session import memo, reader, state
from bpviz.ui.step import batch
from bpviz.ui.strings import Message
from bpviz.ui.train import data as train_data
from bpviz.ui.train import data_link

MAX_PARAMETER_CHARS = 40_000
MAX_STEP_INDEX = 99               # more than any network's step count; pages clamp to the last step


@dataclass(frozen=True)
class Parameter:
    name: str
    read: Callable[[str], list]          # the address's text -> problems (Messages); sets what is valid
    write: Callable[[Any], str | None]   # a value -> its text, None at the default (left out)
    session: Callable[[], Any]           # the session's value, as `write` takes it
    default: str | None                  # what an absent parameter means
    hideable: tuple = ()                 # the state.HIDEABLE controls whose values it carries


# ---- readers: the text from the address -> the problems -----------------------------------

def _read_lang(text):
    try:
        state.set_language(reader.choice(text, "lang", tuple(CATALOGUES)))
        return []
    except reader.Rejected:
        return [Message("link.bad_lang", {"value": reader.preview(text), "accepted": ", ".join(CATALOGUES)})]


def _read_hide(text):
    names, unknown = reader.choices(text, "hide", state.HIDEABLE)
    state.set_fixed(names)
    if unknown:
        return [Message("link.bad_hide", {"value": reader.preview(", ".join(unknown), 80),
                                          "accepted": ", ".join(state.HIDEABLE)})]
    return []


def _read_net(token):
    try:
        if len(token) > MAX_PARAMETER_CHARS:
            raise NetworkError("link_too_long", limit=MAX_PARAMETER_CHARS, size=len(token))
        shared = decode_share(token)
    except NetworkError as error:
        return [Message("link.bad_network", {"message": error_text(error)})]
    state.load_shared(shared)
    return []


def _read_quiz(text):
    try:
        state.set_quiz_mode(reader.choice(text, "quiz", ("0", "1")) == "1")
        return []
    except reader.Rejected:
        return [Message("link.bad_quiz", {"value": reader.preview(text)})]


def _read_gran(text):
    try:
        state.set_granularity(reader.choice(text, "gran", GRANULARITIES))
        return []
    except reader.Rejected:
        return [Message("link.bad_granularity", {"value": reader.preview(text), "accepted": ", ".join(GRANULARITIES)})]


def _read_pen(text):
    try:
        l1, l2 = (float(part) for part in text[:60].split(","))
    except ValueError:
        l1 = l2 = math.nan
    if all(math.isfinite(v) and 0 <= v <= MAX_PENALTY for v in (l1, l2)):
        state.set_step_settings(state.learning_rate(), state.update_biases(), (l1, l2))
        return []
    return [Message("link.bad_penalty", {"value": text[:40], "most": MAX_PENALTY})]


def _write_pen(penalty):
    return None if penalty is None or tuple(penalty) == (0.0, 0.0) else f"{penalty[0]!r},{penalty[1]!r}"


def _read_step(text):
    try:
        state.set_step_index(reader.whole_number(text, "step", 0, MAX_STEP_INDEX))
        return []
    except reader.Rejected:
        return [Message("link.bad_step", {"value": reader.preview(text), "most": MAX_STEP_INDEX})]


def _read_data(text):
    if text == data_link.UPLOADED:
        return [Message("link.csv_again")]
    try:
        built = data_link.build(text)
    except NetworkError as error:
        return [Message("link.bad_data", {"value": reader.preview(text, 60), "accepted": data_link.FORMS,
                                          "message": error_text(error)})]
    except ValueError:
        return [Message("link.bad_data", {"value": reader.preview(text, 60), "accepted": data_link.FORMS,
                                          "message": ""})]
    state.set_train_data(built)
    data_link.remember(built, text)
    return []


# ---- readers of the lesson's parameters (ui.lesson): switches, neuron, quiz work, history ----

def _read_choice(name, choices):
    def read(text):
        if text in choices:
            lesson.set_setting(name, text)
            return []
        return [Message(f"link.bad_{name}", {"value": text[:20], "accepted": ", ".join(choices)})]
    return read


def _read_switch(name):
    def read(text):
        if text in ("0", "1"):
            lesson.set_setting(name, text == "1")
            return []
        return [Message("link.bad_switch", {"name": name, "value": text[:20]})]
    return read


def _read_sel(text):
    layer, dot, j = text.partition(".")
    sizes = state.network().sizes
    if dot and layer.isascii() and layer.isdigit() and j.isascii() and j.isdigit() and len(text) <= 5 \
            and int(layer) < len(sizes) and int(j) < sizes[int(layer)]:
        state.set_selected_neuron((int(layer), int(j)))
        return []
    return [Message("link.bad_selected", {"value": text[:20]})]


def _read_qa(text):
    try:
        lesson.set_setting("restore", attempts_from_text(text, len(state.network().sizes) - 1, MAX_STEP_INDEX))
    except ValueError:
        return [Message("link.bad_quiz_work", {"value": text[:40]})]
    return []


def _read_train_net(token):
    """Train's own network (read after `net`, which resets it): what the learner trained."""
    try:
        if len(token) > MAX_PARAMETER_CHARS:
            raise NetworkError("link_too_long", limit=MAX_PARAMETER_CHARS, size=len(token))
        state.set_train_network(decode_share(token).network)
    except NetworkError as error:
        return [Message("link.bad_network", {"message": error_text(error)})]
    return []


def _train_network():
    """The network Train trains: its own, or the session's until Train has made one."""
    return state.train_network() or state.network()


def _changed_train_network():
    """Train's own network as a SharedNetwork (its example part unused), or None while it is
    the session's."""
    net = _train_network()
    return None if net == state.network() else SharedNetwork(net, (0.0,) * net.sizes[0], (0.0,) * net.sizes[-1],
                                                             state.learning_rate(), True)


def _read_hist(text):
    """Train's history on the session's data (read after `data` and `tnet`): Train's network
    with the epochs and curves of the text."""
    try:
        epoch, initial_loss, history = history_from_text(text)
        state.set_training_state(TrainingState(_train_network(), epoch=epoch, history=history,
                                               initial_loss=initial_loss), train_data.current())
    except (ValueError, NetworkError):
        return [Message("link.bad_history", {"value": text[:40]})]
    return []


# ---- the session's values ------------------------------------------------------------------

def current_shared():
    x, y = state.example()
    return SharedNetwork(state.network(), tuple(x), tuple(y), state.learning_rate(), state.update_biases())


def _changed_network():
    """The session's SharedNetwork, or None while it is the default preset's."""
    shared, p = current_shared(), preset(state.DEFAULT_PRESET)
    return None if shared == SharedNetwork(p.network, tuple(p.x), tuple(p.y), p.learning_rate, p.update_biases) \
        else shared


def _session_lang():
    return None if language() == DEFAULT_LANGUAGE else language()


def _written(value):
    return value or None


def _session_history():
    """Train's history as the address writes it, or None: none yet, or data that cannot travel."""
    current, data, text = state.training_state(), state.train_data(), data_link.text_of_session()
    if current is None or not current.history or text in (None, data_link.UPLOADED) \
            or state.training_data() is not data or current.network != _train_network():
        return None
    return history_to_text(current.epoch, current.initial_loss, current.history)


def _switch(default):
    return lambda on: None if on is None or bool(on) == default else ("1" if on else "0")


PARAMETERS = (   # in the order the query is written
    Parameter("net", _read_net, lambda shared: None if shared is None else memo.share_token(shared),
              _changed_network, None, hideable=("architecture", "tables", "example", "learning_rate")),
    Parameter("hide", _read_hide, lambda hide: ",".join(n for n in state.HIDEABLE if n in hide) if hide else None,
              state.hidden_controls, ""),
    Parameter("lang", _read_lang, _written, _session_lang, DEFAULT_LANGUAGE),
    Parameter("quiz", _read_quiz, lambda on: "1" if on else None, state.quiz_mode, "0"),
    Parameter("gran", _read_gran, lambda g: None if g == GRANULARITIES[0] else g, state.granularity, GRANULARITIES[0]),
    Parameter("pen", _read_pen, _write_pen, state.step_penalty, "0,0", hideable=("learning_rate",)),
    Parameter("step", _read_step, lambda step: str(step) if step else None, state.step_index, "0"),
    Parameter("data", _read_data, _written, data_link.text_of_session, None),
    Parameter("batch", batch.read_address, _written, lambda: batch.address_text(lesson.quiz_on()), None),
    Parameter("names", _read_choice("names", NOTATIONS), lambda n: None if n in (None, "tutorial") else n,
              lambda: lesson.setting("names"), "tutorial"),
    Parameter("motion", _read_switch("motion"), _switch(True), lambda: lesson.setting("motion"), "1"),
    Parameter("view", _read_choice("view", lesson.VIEWS), lambda v: None if v in (None, "neuron") else v,
              lambda: lesson.setting("view"), "neuron"),
    Parameter("sel", _read_sel, _written, lesson.selected_text, None),
    Parameter("practice", _read_switch("practice"), _switch(False), lambda: lesson.setting("practice"), "0"),
    Parameter("qa", _read_qa, _written, lesson.quiz_work, None),
    Parameter("tnet", _read_train_net, lambda shared: None if shared is None else encode_share(shared),
              _changed_train_network, None),
    Parameter("hist", _read_hist, _written, _session_history, None),
)
BY_NAME = {parameter.name: parameter for parameter in PARAMETERS}
# Parameters longer than reader.MAX_CHARS by nature, whose engine reader bounds their length
# itself and says so: a network token, the quiz's answers and Train's history.
OWN_LENGTH_LIMIT = ("net", "tnet", "qa", "hist")
# Reading: the language first, the penalty (before what the link fixes, which may fix it too),
# then what the link fixes, the network, the Step settings and the data; a notice lists the
# problems in this order.
READ_ORDER = ("lang", "pen", "hide", "net", "quiz", "gran", "step", "data", "batch", "names", "motion", "view",
              "sel", "practice", "qa", "tnet", "hist")


def read_once() -> list:
    """Apply the address's parameters to a new session (once per session; later runs
    do nothing) and show their problems in a notice. Returns the problems with the
    `data` parameter, which the Train page shows too (frame.begin)."""
    if state.link_read():
        return []
    state.set_link_read(True)
    problems = {}
    for name in READ_ORDER:   # the language first: later messages are in it
        given = st.query_params.get_all(name)
        if not given:
            continue
        try:
            text = reader.one(given, name)
            if name not in OWN_LENGTH_LIMIT:
                text = reader.text(text, name)
        except reader.Rejected as refused:
            key, fields = refused.accepted
            problems[name] = [Message("link.refused", {"name": name, "value": refused.value,
                                                       "accepted": Message(key, fields)})]
            continue
        problems[name] = BY_NAME[name].read(text)
    every = [message for name in READ_ORDER for message in problems.get(name, [])]
    if every:
        state.notify("warning", *every)
    return problems.get("data", [])


def _query(values):
    """The query string ("?…", or "" when every value is at its default) of {name: value}."""
    params = {p.name: text for p in PARAMETERS if (text := p.write(values.get(p.name))) is not None}
    return "?" + urlencode(params, safe=",:") if params else ""


def link_query(shared, hide=(), lang=None, quiz=False, step=0, granularity="layer", data=None, names=None,
               penalty=None, rows=None):
    """The query string ("?net=…&hide=…&lang=…") that restores `shared` with those settings (the
    penalty (λ₁, λ₂), the batch's `rows` text); defaults are left out (`shared` None too)."""
    return _query({"net": shared, "hide": hide, "lang": lang, "quiz": quiz, "gran": granularity, "step": step,
                   "data": data, "names": names, "pen": penalty, "batch": rows})


def query() -> str:
    """The query string that restores the session (network, example, η, bias switch, language,
    step position, Train data, hidden controls, quiz mode)."""
    return _query({p.name: p.session() for p in PARAMETERS})


def visible(control):
    """False if the link that opened this session hides `control` (one of state.HIDEABLE)."""
    return not state.fixed(control)


# ---- writing: the browser swaps the query in -----------------------------------------------

# Runs in the page (not an iframe); `data` is the query string without "?". The
# history entry's own state object (Streamlit's) is kept.
REPLACE_QUERY_JS = """
export default function (component) {
  const query = component.data || "";
  const url = new URL(window.location.href);
  const search = query ? "?" + query : "";
  if (url.search !== search) {
    url.search = search;
    window.history.replaceState(window.history.state, "", url.toString());
  }
}
"""
replace_query = st.components.v2.component("bpviz_address", js=REPLACE_QUERY_JS)


def write():
    """Put the session's state into the address bar, if it changed since the last write or
    the browser shows another query (a page change clears it; Back brings an old one)."""
    current = query()
    shown = _shown_query()
    if current == state.address_written() and shown in (None, current):
        return
    state.set_address_written(current)
    replace_query(data=current.lstrip("?"))


def _shown_query():
    """The query ("?…" or "") of the address the browser reported with this run, or None if unknown."""
    url = getattr(st.context, "url", None)
    if not url:
        return None
    query = urlsplit(url).query
    return "?" + query if query else ""
