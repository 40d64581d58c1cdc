"""What every run does first and last, and the frame every page shares.

`begin()` runs first in every run (app.py): the process-wide tuning, the session's
starting state, the address read once per session, and the start of the run's record of
a link's warning about the Train data (see `train.data`). `end()` runs last (app.py, and
the Step page's fragment, whose reruns skip app.py): it finishes that record and writes
the address. Between them: the page list, the sidebar and the pending notice.

The tuning (`freeze_startup_objects`) is applied once per server process, for a server
shared by a classroom. Streamlit runs a full garbage collection (`gc.collect(2)`) after every script
run, to keep memory flat. That collection walks every object in the process —
some 120 000 of them once NumPy, pandas and Plotly are loaded — and took about
55 ms of a 2-core machine's time per click, the biggest single cost of a click
under load. `gc.freeze()` moves the objects alive at start-up (the imported
libraries, which live as long as the process) to a permanent generation the
collector skips, so the collection after each run only walks what the runs
themselves created, and still frees it.
"""
import gc

import streamlit as st

from bpviz.ui import address, i18n
from bpviz.ui.i18n import LANGUAGE_NAMES, plain_text, t
from bpviz.ui.session import reconnect, state, widget_guard
from bpviz.ui.strings import Message
from bpviz.ui.train import data as train_data

# Page scripts live in views/, not pages/: Streamlit treats a pages/ folder beside the
# entry point as its legacy multipage layout, which runs a deep-linked page without
# app.py on a fresh server and under AppTest.
PAGES = (  # (script, url path, title key, icon)
    ("views/home.py", "home", "nav.home", ":material/home:"),
    ("views/build.py", "build", "nav.build", ":material/schema:"),
    ("views/step.py", "step", "nav.step", ":material/footprint:"),
    ("views/train.py", "train", "nav.train", ":material/model_training:"),
    ("views/landscape.py", "landscape", "nav.landscape", ":material/landscape:"),
    ("views/gradcheck.py", "gradcheck", "nav.gradcheck", ":material/rule:"),
    ("views/share.py", "share", "nav.share", ":material/share:"),
    ("views/worksheets.py", "worksheets", "nav.worksheets", ":material/print:"),
)


def begin():
    """What every run does first: tuning (once per process), the session's starting state,
    the address (once per session: its problems become a notice, and those about the Train
    data are also held for the Train page), and the start of this run's record."""
    freeze_startup_objects()
    state.init()
    refused = widget_guard.drop_foreign()   # before any widget reads its value
    if refused:
        state.notify("warning", *(Message("widget.refused", {"name": r.name, "value": r.value,
                                                             "accepted": Message(*r.accepted)})
                                  for r in refused))
    data_problems = address.read_once()
    if data_problems:   # for the Train page too, which a set-up reruns (train.data's module note)
        train_data.hold_link_warning(" ".join(i18n.render(message) for message in data_problems))
    train_data.start_run(link_notice=bool(data_problems))


def end(address_written=False):
    """What every run does last: finish this run's record of the link's data warning, then
    put the session's state into the address bar (unless `address_written`: a fragment nested
    in the one ending, which ran last, has put it there in this run)."""
    train_data.finish_run()
    if not address_written:
        address.write()
    widget_guard.remember()


def show_notice():
    """The pending notice (state.notify), once, in the session's language."""
    notice = state.take_notice()
    if notice:
        kind, messages = notice
        getattr(st, kind)(" ".join(i18n.render(message) for message in messages))


def pages():
    return [st.Page(script, url_path=path, title=t(title), icon=icon, default=(path == "home"))
            for script, path, title, icon in PAGES]


NETWORK_BOX = "sidebar_network"


def sidebar():
    """The language switch and the current network in one line (and the page's reconnect
    watcher, which draws nothing)."""
    with st.sidebar:
        codes = tuple(LANGUAGE_NAMES)
        if len(codes) > 1:
            st.selectbox(t("sidebar.language"), codes, key=state.LANGUAGE, format_func=LANGUAGE_NAMES.get,
                         on_change=state.reissue_choices)
        st.caption(t("sidebar.network"))
        # plain text in a box, not st.code: st.code's syntax highlighter costs every page load
        # 0.3-0.6 s of the browser's CPU, for one line with nothing to highlight
        st.container(border=True, key=NETWORK_BOX).text(network_line(state.network()), width="stretch")
    reconnect.watch()


def network_line(net):
    """'2-2-2 · sigmoid, sigmoid · squared_error · 12 parameters', in the session's language."""
    return plain_text("sidebar.describe", **net.description_values())



@st.cache_resource(show_spinner=False)
def freeze_startup_objects() -> int:
    """Exempt the objects alive now (imported modules) from later collections.

    Call once every module the app uses has been imported. Cached as a resource,
    so it runs once per server process, not per session or per run. Returns the
    number of objects frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
