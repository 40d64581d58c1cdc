"""Links: the address that restores a session, read once per session; share links.

Query parameters (all optional; the address bar carries them, see `address`):
    net   a token from `bpviz.engine.encode_share` (network, example, η, biases)
    lang  a catalogue language, e.g. "zh"
    hide  comma-separated controls a classroom link hides and fixes (state.HIDEABLE)
    quiz  "1": quiz mode on (read it with `state.quiz_mode()`)
    step  the Step page's position, a whole number from 0 (clamped to the last step)
    gran  the Step page's step size: "pass" (default "layer")
    data  the Train page's built-in data set (see `data_link`); "csv" for an upload
A malformed, oversized or tampered parameter gives a visible warning and leaves
that part of the state at its default; it never raises.
"""
from urllib.parse import urlencode

import streamlit as st

from bpviz.engine import GRANULARITIES, NetworkError, SharedNetwork, decode_share, encode_share
from bpviz.ui import data_link, reader, state, train_data
from bpviz.ui.i18n import CATALOGUES, error_text, t
from bpviz.ui.layout import PAGES

MAX_PARAMETER_CHARS = 40_000     # a network token; every other parameter: reader.MAX_CHARS
MAX_STEP_INDEX = 99               # more than any network's step count; pages clamp to the last step
PARAMETERS = ("net", "lang", "hide", "quiz", "step", "gran", "data")


def read_link_once():
    """Apply the URL's parameters to a new session (once). Runs at the start of every run.
    Each parameter goes through the strict reader (`reader`): anything it refuses is
    dropped with a notice naming the parameter and what is accepted."""
    if state.link_read():
        train_data.start_run()
        return
    state.set_link_read()
    problems = []
    lang = _value("lang", problems)
    if lang is not None:
        try:
            state.set_language(reader.choice(lang, "lang", tuple(CATALOGUES)))
        except reader.Rejected:
            problems.append(t("link.bad_lang", value=reader.preview(lang), accepted=", ".join(CATALOGUES)))
    values = {name: _value(name, problems) for name in PARAMETERS if name != "lang"}   # in the link's language
    if values["hide"] is not None:
        names, unknown = reader.choices(values["hide"], "hide", state.HIDEABLE)
        if unknown:
            problems.append(t("link.bad_hide", value=reader.preview(", ".join(unknown)),
                              accepted=", ".join(state.HIDEABLE)))
        state.set_fixed(names)
    token = values["net"]
    if token is not None:
        try:
            shared = decode_share(token)
        except NetworkError as error:
            problems.append(t("link.bad_network", message=error_text(error)))
        else:
            state.load_shared(shared)
    data_problems = _read_data(values["data"])
    problems += _read_settings(values) + data_problems
    if problems:
        state.notify("warning", " ".join(problems))
    if data_problems:   # for the Train page too, which a set-up reruns (train_data's module note)
        train_data.hold_link_warning(" ".join(data_problems))
    train_data.start_run(link_notice=bool(data_problems))


def _value(name, problems):
    """The text of parameter `name`, or None when it is absent or refused (given more than
    once, or longer than its limit: the problem is added to `problems`)."""
    given = st.query_params.get_all(name)
    if not given:
        return None
    try:
        if name == "net" and len(given) == 1 and len(given[0]) > MAX_PARAMETER_CHARS:
            raise NetworkError("link_too_long", limit=MAX_PARAMETER_CHARS, size=len(given[0]))
        return reader.text(reader.one(given, name), name, MAX_PARAMETER_CHARS if name == "net" else reader.MAX_CHARS)
    except NetworkError as error:
        problems.append(t("link.bad_network", message=error_text(error)))
    except reader.Rejected as refused:
        problems.append(refusal(refused))
    return None


def refusal(refused):
    """The notice for a value the strict reader refused: the parameter, the value, what is accepted."""
    key, fields = refused.accepted
    return t("link.refused", name=refused.name, value=refused.value, accepted=t(key, **fields))


def _read_settings(values):
    """Quiz mode, step position and size: set what is valid; the problems."""
    problems = []
    quiz = values["quiz"]
    if quiz is not None:
        try:
            state.set_quiz_mode(reader.choice(quiz, "quiz", ("0", "1")) == "1")
        except reader.Rejected:
            problems.append(t("link.bad_quiz", value=reader.preview(quiz)))
    granularity = values["gran"]
    if granularity is not None:
        try:
            state.set_granularity(reader.choice(granularity, "gran", GRANULARITIES))
        except reader.Rejected:
            problems.append(t("link.bad_granularity", value=reader.preview(granularity),
                              accepted=", ".join(GRANULARITIES)))
    step = values["step"]
    if step is not None:
        try:
            state.set_step_index(reader.whole_number(step, "step", 0, MAX_STEP_INDEX))
        except reader.Rejected:
            problems.append(t("link.bad_step", value=reader.preview(step), most=MAX_STEP_INDEX))
    return problems


def _read_data(data):
    """The Train data from the link's `data` (None: none given): set if valid; the problems."""
    problems = []
    if data == data_link.UPLOADED:
        problems.append(t("link.csv_again"))
    elif data is not None:
        try:
            built = data_link.build(data)
        except NetworkError as error:
            problems.append(t("link.bad_data", value=reader.preview(data, 60), accepted=data_link.FORMS,
                              message=error_text(error)))
        except ValueError:
            problems.append(t("link.bad_data", value=reader.preview(data, 60), accepted=data_link.FORMS, message=""))
        else:
            state.set_train_data(built)
            data_link.remember(built, data)
    return problems


def visible(control):
    """False if the link that opened this session hides `control` (one of state.HIDEABLE)."""
    return not state.fixed(control)


def current_shared():
    x, y = state.example()
    return SharedNetwork(state.network(), tuple(x), tuple(y), state.learning_rate(), state.update_biases())


def link_query(shared, hide=(), lang=None, quiz=False, step=0, granularity="layer", data=None):
    """The query string ("?net=…&hide=…&lang=…") that restores `shared` with those settings;
    settings at their defaults are left out (`shared` None: the default network, left out too)."""
    params = {} if shared is None else {"net": encode_share(shared)}
    if hide:
        params["hide"] = ",".join(name for name in state.HIDEABLE if name in hide)
    if lang:
        params["lang"] = lang
    if quiz:
        params["quiz"] = "1"
    if granularity != GRANULARITIES[0]:
        params["gran"] = granularity
    if step:
        params["step"] = str(step)
    if data:
        params["data"] = data
    return "?" + urlencode(params, safe=",:") if params else ""


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
    hide = st.multiselect(t("share.hide"), state.HIDEABLE, key="share_hide",
                          format_func=lambda c: t(f"share.control.{c}"),
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
