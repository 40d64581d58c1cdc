"""Share links: read the URL's query parameters once per session; build links.

Query parameters:
    net   a token from `bpviz.engine.encode_share` (network, example, η, biases)
    lang  a catalogue language, e.g. "en"
    hide  comma-separated controls to hide from students (HIDEABLE)
    quiz  "1": quiz mode on the Step page, without the switch to turn it off (QUIZ)
A malformed, oversized or tampered parameter gives a visible warning and the
default network; it never raises.
"""
from urllib.parse import urlencode

import streamlit as st

from bpviz.engine import NetworkError, SharedNetwork, decode_share, encode_share
from bpviz.ui import state
from bpviz.ui.layout import PAGES
from bpviz.ui.i18n import CATALOGUES, LANGUAGE_KEY, error_text, t

HIDEABLE = ("presets", "files", "architecture", "tables", "example", "learning_rate")
HIDDEN = "hidden_controls"        # frozenset of HIDEABLE names
LINK_READ = "link_read"           # the URL has been read for this session
QUIZ = "quiz_from_link"           # True: the link switched quiz mode on for this session
MAX_PARAMETER_CHARS = 40_000


def read_link_once():
    """Apply the URL's share parameters to a new session (once)."""
    if st.session_state.get(LINK_READ):
        return
    st.session_state[LINK_READ] = True
    st.session_state.setdefault(HIDDEN, frozenset())
    params = st.query_params
    problems = []
    lang = params.get("lang")
    if lang is not None:
        if lang in CATALOGUES:
            st.session_state[LANGUAGE_KEY] = lang
        else:
            problems.append(t("link.bad_lang", value=lang[:20], accepted=", ".join(CATALOGUES)))
    hide = params.get("hide")
    if hide is not None:
        names = [name for name in hide[:500].split(",") if name]
        unknown = [name for name in names if name not in HIDEABLE]
        if unknown:
            problems.append(t("link.bad_hide", value=", ".join(unknown)[:80], accepted=", ".join(HIDEABLE)))
        st.session_state[HIDDEN] = frozenset(name for name in names if name in HIDEABLE)
    quiz = params.get("quiz")
    if quiz is not None:
        st.session_state[QUIZ] = quiz == "1"
        if quiz != "1":
            problems.append(t("link.bad_quiz"))
    token = params.get("net")
    if token is not None:
        try:
            if len(token) > MAX_PARAMETER_CHARS:
                raise NetworkError("link_too_long", limit=MAX_PARAMETER_CHARS, size=len(token))
            shared = decode_share(token)
        except NetworkError as error:
            problems.append(t("link.bad_network", message=error_text(error)))
        else:
            state.load_shared(shared)
    if problems:
        state.notify("warning", " ".join(problems))


def visible(control):
    """False if the link that opened this session hides `control` (one of HIDEABLE)."""
    return control not in st.session_state.get(HIDDEN, frozenset())


def current_shared():
    x, y = state.example()
    return SharedNetwork(state.network(), tuple(x), tuple(y), float(st.session_state[state.LEARNING_RATE]),
                         bool(st.session_state[state.UPDATE_BIASES]))


def link_query(shared, hide=(), lang=None, quiz=False):
    """The query string ("?net=…&hide=…&lang=…&quiz=1") that restores `shared` with those settings."""
    params = {"net": encode_share(shared)}
    if hide:
        params["hide"] = ",".join(name for name in HIDEABLE if name in hide)
    if lang:
        params["lang"] = lang
    if quiz:
        params["quiz"] = "1"
    return "?" + urlencode(params, safe=",")


def app_url(page_path=""):
    """The app's address as the browser sees it, with `page_path` (e.g. "step")."""
    base = (getattr(st.context, "url", None) or "http://localhost:8501/").split("?")[0]
    root = base.rstrip("/")
    for _, path, _, _ in PAGES:
        if root.endswith("/" + path):
            root = root[: -len(path) - 1]
    return f"{root}/{page_path}"



def link_builder():
    """The teacher's classroom-link builder: pick a network, the controls students
    see and the language; get a link to copy."""
    from bpviz.engine import PRESET_NAMES, preset
    from bpviz.ui.i18n import LANGUAGE_NAMES, language
    sources = ("current",) + PRESET_NAMES
    source = st.selectbox(t("share.source"), sources, key="share_source",
                          format_func=lambda s: t("share.current") if s == "current" else t(f"preset.{s}"))
    hide = st.multiselect(t("share.hide"), HIDEABLE, key="share_hide", format_func=lambda c: t(f"share.control.{c}"),
                          help=t("share.hide_help"))
    langs = tuple(LANGUAGE_NAMES)
    lang = st.selectbox(t("share.lang"), langs, index=langs.index(language()), key="share_lang",
                        format_func=lambda code: LANGUAGE_NAMES[code])
    page = st.radio(t("share.page"), ("step", "build"), horizontal=True, key="share_page",
                    format_func=lambda p: t(f"nav.{p}"))
    quiz = st.checkbox(t("share.quiz"), key="share_quiz", help=t("share.quiz_help"))
    shared = current_shared() if source == "current" else preset(source)
    shared = SharedNetwork(shared.network, tuple(shared.x), tuple(shared.y), shared.learning_rate,
                           shared.update_biases)
    link = app_url(page) + link_query(shared, hide=hide, lang=lang, quiz=quiz)
    st.caption(t("share.copy_hint", chars=len(link)))
    st.code(link, language=None, wrap_lines=True)
    st.link_button(t("share.open"), link, icon=":material/open_in_new:")
    return link
