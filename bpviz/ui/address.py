"""The address bar carries the learner's state, so a reload, a bookmark or a copied
address restores it (as TensorFlow Playground does).

`write()` runs at the end of every script run (app.py) and of the Step page's
fragment. It builds the query string that `links.read_link_once` reads back
(`links.link_query`) and, only when that string changed or differs from the
address the browser reported for this run, hands it to a tiny
browser-side component that swaps it into the address with
`history.replaceState`: the current history entry is replaced, so Back and
Forward move between pages, not through every click. (`st.query_params`
updates push a new entry for every change in Streamlit 1.67; measured.)

Settings at their defaults are left out: a fresh session's address has no query.
The page is the address's path, which Streamlit's navigation keeps.
"""
from urllib.parse import urlsplit

import streamlit as st

from bpviz.engine import preset
from bpviz.ui import data_link, lesson, links, state, train_controls
from bpviz.ui.i18n import DEFAULT_LANGUAGE, language

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


def query() -> str:
    """The query string (with "?", or "" when everything is at its default) that
    restores the session's network, example, η, bias switch, language, step
    position, Train data, hidden controls and quiz mode, and the lesson's switches, selected
    neuron and quiz work (lesson.address_settings)."""
    lang = language()
    data = data_link.text_of_session()
    return links.link_query(_changed_network(), hide=state.hidden_controls(),
                            lang=None if lang == DEFAULT_LANGUAGE else lang, quiz=state.quiz_mode(),
                            step=state.step_index(), granularity=state.granularity(),
                            data=data, lesson=lesson.address_settings(),
                            history=train_controls.history_text(data))


def _changed_network():
    """The session's SharedNetwork, or None while it is the default preset's."""
    shared = links.current_shared()
    if shared == _default_shared():
        return None
    return shared


def _default_shared():
    p = preset(state.DEFAULT_PRESET)
    return links.SharedNetwork(p.network, tuple(p.x), tuple(p.y), p.learning_rate, p.update_biases)


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
