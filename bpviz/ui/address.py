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
    step  the Step page's position, a whole number from 0 (clamped to the last step)
    data  the Train page's built-in data set (see `train.data_link`); "csv" for an upload

`read_once()` applies the address to a new session (frame.begin, once per session): a
malformed, oversized or tampered parameter gives a visible warning and leaves that part
of the state at its default; it never raises. `write()` runs at the end of every run
(frame.end) and hands the query to a tiny browser-side component, only when it changed
or differs from the address the browser reported; the component swaps it in with
`history.replaceState`, so Back and Forward move between pages, not through every click
(`st.query_params` pushes a new entry for every change in Streamlit 1.67; measured).
The page is the address's path, which Streamlit's navigation keeps.
"""
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

import streamlit as st

from bpviz.engine import GRANULARITIES, NetworkError, SharedNetwork, decode_share, encode_share, preset
from bpviz.ui import state
from bpviz.ui.i18n import CATALOGUES, DEFAULT_LANGUAGE, error_text, language
from bpviz.ui.strings import Message
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
    if text in CATALOGUES:
        state.set_language(text)
        return []
    return [Message("link.bad_lang", {"value": text[:20], "accepted": ", ".join(CATALOGUES)})]


def _read_hide(text):
    names = [name for name in text[:500].split(",") if name]
    unknown = [name for name in names if name not in state.HIDEABLE]
    state.set_fixed(names)
    if unknown:
        return [Message("link.bad_hide", {"value": ", ".join(unknown)[:80], "accepted": ", ".join(state.HIDEABLE)})]
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
    if text in ("0", "1"):
        state.set_quiz_mode(text == "1")
        return []
    return [Message("link.bad_quiz", {"value": text[:20]})]


def _read_gran(text):
    if text in GRANULARITIES:
        state.set_granularity(text)
        return []
    return [Message("link.bad_granularity", {"value": text[:20], "accepted": ", ".join(GRANULARITIES)})]


def _read_step(text):
    if text.isascii() and text.isdigit() and int(text[:4]) <= MAX_STEP_INDEX:
        state.set_step_index(int(text))
        return []
    return [Message("link.bad_step", {"value": text[:20], "most": MAX_STEP_INDEX})]


def _read_data(text):
    if text == data_link.UPLOADED:
        return [Message("link.csv_again")]
    try:
        built = data_link.build(text[:200])
    except NetworkError as error:
        return [Message("link.bad_data", {"value": text[:60], "accepted": data_link.FORMS,
                                          "message": error_text(error)})]
    except ValueError:
        return [Message("link.bad_data", {"value": text[:60], "accepted": data_link.FORMS, "message": ""})]
    state.set_train_data(built)
    data_link.remember(built, text)
    return []


# ---- the session's values ------------------------------------------------------------------

def current_shared():
    x, y = state.example()
    return SharedNetwork(state.network(), tuple(x), tuple(y), state.learning_rate(), state.update_biases())


def _changed_network():
    """The session's SharedNetwork, or None while it is the default preset's."""
    shared = current_shared()
    p = preset(state.DEFAULT_PRESET)
    return None if shared == SharedNetwork(p.network, tuple(p.x), tuple(p.y), p.learning_rate,
                                           p.update_biases) else shared


def _session_lang():
    lang = language()
    return None if lang == DEFAULT_LANGUAGE else lang


def _written(value):
    return value or None


PARAMETERS = (   # in the order the query is written
    Parameter("net", _read_net, lambda shared: None if shared is None else encode_share(shared), _changed_network,
              None, hideable=("architecture", "tables", "example", "learning_rate")),
    Parameter("hide", _read_hide, lambda hide: ",".join(n for n in state.HIDEABLE if n in hide) if hide else None,
              state.hidden_controls, ""),
    Parameter("lang", _read_lang, _written, _session_lang, DEFAULT_LANGUAGE),
    Parameter("quiz", _read_quiz, lambda on: "1" if on else None, state.quiz_mode, "0"),
    Parameter("gran", _read_gran, lambda g: None if g == GRANULARITIES[0] else g, state.granularity, GRANULARITIES[0]),
    Parameter("step", _read_step, lambda step: str(step) if step else None, state.step_index, "0"),
    Parameter("data", _read_data, _written, data_link.text_of_session, None),
)
BY_NAME = {parameter.name: parameter for parameter in PARAMETERS}
# Reading: the language first, then what the link fixes, the network, the Step settings and
# the data; a notice lists the problems in this order.
READ_ORDER = ("lang", "hide", "net", "quiz", "gran", "step", "data")


def read_once() -> list:
    """Apply the address's parameters to a new session (once per session; later runs
    do nothing) and show their problems in a notice. Returns the problems with the
    `data` parameter, which the Train page shows too (frame.begin)."""
    if state.link_read():
        return []
    state.set_link_read()
    problems = {name: BY_NAME[name].read(st.query_params[name]) for name in READ_ORDER if name in st.query_params}
    every = [message for name in READ_ORDER for message in problems.get(name, [])]
    if every:
        state.notify("warning", *every)
    return problems.get("data", [])


def _query(values):
    """The query string ("?…", or "" when every value is at its default) of {name: value}."""
    params = {p.name: text for p in PARAMETERS if (text := p.write(values.get(p.name))) is not None}
    return "?" + urlencode(params, safe=",:") if params else ""


def link_query(shared, hide=(), lang=None, quiz=False, step=0, granularity="layer", data=None):
    """The query string ("?net=…&hide=…&lang=…") that restores `shared` with those settings;
    settings at their defaults are left out (`shared` None: the default network, left out too)."""
    return _query({"net": shared, "hide": hide, "lang": lang, "quiz": quiz, "gran": granularity, "step": step,
                   "data": data})


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
