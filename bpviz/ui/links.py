"""Links: the address that restores a session, read once per session; share links.

Query parameters (all optional; the address bar carries them, see `address`):
    net   a token from `bpviz.engine.encode_share` (network, example, η, biases)
    lang  a catalogue language, e.g. "zh"
    hide  comma-separated controls a classroom link hides and fixes (state.HIDEABLE)
    quiz  "1": quiz mode on (read it with `state.quiz_mode()`)
    step  the Step page's position, a whole number from 0 (clamped to the last step)
    gran  the Step page's step size: "pass" (default "layer")
    data  the Train page's built-in data set (see `data_link`); "csv" for an upload
    names     "layer": layer names even where the tutorial's exist (default "tutorial")
    motion    "0": no values travelling along the connections (default "1")
    view      the Step page's readout: "matrix" or "update" (default "neuron")
    sel       the selected neuron as layer.j, e.g. "1.0"
    practice  "1": the learner's own quiz switch is on (a link's `quiz=1` also hides it)
    qa        the pass's quiz work: furthest step and attempts (bpviz.engine.attempts_to_text)
    hist      Train's epochs and curves for built-in data (bpviz.engine.history_to_text)
A malformed, oversized or tampered parameter gives a visible warning and leaves
that part of the state at its default; it never raises.
"""
from urllib.parse import urlencode

import streamlit as st

from bpviz.engine import (
    GRANULARITIES,
    NOTATIONS,
    NetworkError,
    SharedNetwork,
    attempts_from_text,
    decode_share,
    encode_share,
)
from bpviz.ui import data_link, state, train_controls, train_data
from bpviz.ui.i18n import CATALOGUES, error_text, t
from bpviz.ui.inspector import VIEWS
from bpviz.ui.layout import PAGES

MAX_PARAMETER_CHARS = 40_000
SHORT_LINK = 200                  # characters a class can type from the projector
QR_PX = 480                       # the QR code's side on the Share page (full-screen on request)
LESSON_DEFAULTS = {"names": "tutorial", "motion": "1", "view": "neuron", "practice": "0"}
MAX_STEP_INDEX = 99               # more than any network's step count; pages clamp to the last step


def read_link_once():
    """Apply the URL's parameters to a new session (once). Runs at the start of every run."""
    if state.link_read():
        train_data.start_run()
        return
    state.set_link_read()
    params = st.query_params
    problems = []
    lang = params.get("lang")
    if lang is not None:
        if lang in CATALOGUES:
            state.set_language(lang)
        else:
            problems.append(t("link.bad_lang", value=lang[:20], accepted=", ".join(CATALOGUES)))
    hide = params.get("hide")
    if hide is not None:
        names = [name for name in hide[:500].split(",") if name]
        unknown = [name for name in names if name not in state.HIDEABLE]
        if unknown:
            problems.append(t("link.bad_hide", value=", ".join(unknown)[:80], accepted=", ".join(state.HIDEABLE)))
        state.set_fixed(names)
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
    data_problems = _read_data(params.get("data"))
    problems += _read_settings(params) + _read_lesson(params) + data_problems + _read_history(params.get("hist"))
    if problems:
        state.notify("warning", " ".join(problems))
    if data_problems:   # for the Train page too, which a set-up reruns (train_data's module note)
        train_data.hold_link_warning(" ".join(data_problems))
    train_data.start_run(link_notice=bool(data_problems))


def _read_settings(params):
    """Quiz mode, step position and size: set what is valid; the problems."""
    problems = []
    quiz = params.get("quiz")
    if quiz is not None:
        if quiz in ("0", "1"):
            state.set_quiz_mode(quiz == "1")
        else:
            problems.append(t("link.bad_quiz", value=quiz[:20]))
    granularity = params.get("gran")
    if granularity is not None:
        if granularity in GRANULARITIES:
            state.set_granularity(granularity)
        else:
            problems.append(t("link.bad_granularity", value=granularity[:20],
                              accepted=", ".join(GRANULARITIES)))
    step = params.get("step")
    if step is not None:
        if step.isascii() and step.isdigit() and int(step[:4]) <= MAX_STEP_INDEX:
            state.set_step_index(int(step))
        else:
            problems.append(t("link.bad_step", value=step[:20], most=MAX_STEP_INDEX))
    return problems


def _read_lesson(params):
    """The lesson's switches, the selected neuron and the pass's quiz work: set what is valid;
    the problems. Runs after the network is read (the neuron must be one of its)."""
    problems = []
    names = params.get("names")
    if names is not None:
        if names in NOTATIONS:
            state.set_lesson_setting(state.NOTATION, names)
        else:
            problems.append(t("link.bad_names", value=names[:20], accepted=", ".join(NOTATIONS)))
    for name, key in (("motion", state.MOTION), ("practice", state.PRACTICE)):
        value = params.get(name)
        if value is not None:
            if value in ("0", "1"):
                state.set_lesson_setting(key, value == "1")
            else:
                problems.append(t("link.bad_switch", name=name, value=value[:20]))
    view = params.get("view")
    if view is not None:
        if view in VIEWS:
            state.set_lesson_setting(state.STEP_VIEW, view)
        else:
            problems.append(t("link.bad_view", value=view[:20], accepted=", ".join(VIEWS)))
    selected = params.get("sel")
    if selected is not None:
        neuron = _neuron(selected, state.network().sizes)
        if neuron is None:
            problems.append(t("link.bad_selected", value=selected[:20]))
        state.set_selected_neuron(neuron)
    work = params.get("qa")
    if work is not None:
        sizes = state.network().sizes
        try:
            state.set_quiz_restore(attempts_from_text(work, len(sizes) - 1, MAX_STEP_INDEX))
        except ValueError:
            problems.append(t("link.bad_quiz_work", value=work[:40]))
    return problems


def _read_history(text):
    """Train's history from the link's `hist` (None: none given), on the session's data."""
    if text is None:
        return []
    try:
        train_controls.restore_history(text, train_data.current())
    except (ValueError, NetworkError):
        return [t("link.bad_history", value=text[:40])]
    return []


def _neuron(text, sizes):
    """(layer, j) from "layer.j" if it names a neuron of a network of `sizes`, else None."""
    layer, dot, j = text.partition(".")
    if not (dot and layer.isascii() and layer.isdigit() and j.isascii() and j.isdigit() and len(text) <= 5):
        return None
    layer, j = int(layer), int(j)
    return (layer, j) if layer < len(sizes) and j < sizes[layer] else None


def _read_data(data):
    """The Train data from the link's `data` (None: none given): set if valid; the problems."""
    problems = []
    if data == data_link.UPLOADED:
        problems.append(t("link.csv_again"))
    elif data is not None:
        try:
            built = data_link.build(data[:200])
        except NetworkError as error:
            problems.append(t("link.bad_data", value=data[:60], accepted=data_link.FORMS, message=error_text(error)))
        except ValueError:
            problems.append(t("link.bad_data", value=data[:60], accepted=data_link.FORMS, message=""))
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


def link_query(shared, hide=(), lang=None, quiz=False, step=0, granularity="layer", data=None, lesson=None,
               history=None):
    """The query string ("?net=…&hide=…&lang=…") that restores `shared` with those settings;
    settings at their defaults are left out (`shared` None: the default network, left out too).
    `lesson`: the learner's own settings ({"names", "motion", "view", "sel", "practice", "qa"},
    each left out when None or at its default)."""
    params = {} if shared is None else {"net": encode_share(shared)}
    for name, value in (lesson or {}).items():
        if value is not None and value != LESSON_DEFAULTS.get(name):
            params[name] = value
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
    if history:
        params["hist"] = history
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
    """The teacher's classroom-link builder: pick a network, the controls students see, the
    language and the names; get a link to copy, and its QR code to project. In a session in
    quiz mode only quiz links are made (a learner's link must keep the answers hidden too)."""
    from bpviz.engine import PRESET_NAMES, preset, tutorial_names_fit
    from bpviz.ui import lesson
    from bpviz.ui.i18n import LANGUAGE_NAMES, language
    from bpviz.viz import qr_fits, qr_svg
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
    shared = current_shared() if source == "current" else preset(source)
    shared = SharedNetwork(shared.network, tuple(shared.x), tuple(shared.y), shared.learning_rate,
                           shared.update_biases)
    names = None
    if tutorial_names_fit(shared.network.sizes):
        state.set_widget_default("share_names", state.lesson_setting(state.NOTATION))
        names = st.radio(t("share.names"), NOTATIONS, horizontal=True, key="share_names",
                         format_func=lambda n: t(f"share.names.{n}"))
    if lesson.quiz_on():   # only quiz links: a link from a quiz session keeps the answers hidden too
        state.set_widget_value("share_quiz", True)
        st.caption(":material/school: " + t("share.quiz_only"))
    quiz = st.checkbox(t("share.quiz"), key="share_quiz", help=t("share.quiz_help"), disabled=lesson.quiz_on())
    link = app_url(page) + link_query(shared, hide=hide, lang=lang, quiz=quiz or lesson.quiz_on(),
                                      lesson={"names": names})
    st.caption(t("share.copy_hint", chars=len(link)))
    st.code(link, language=None, wrap_lines=True)
    if len(link) <= SHORT_LINK:
        st.caption(t("share.short", chars=len(link)))
    else:
        st.caption(t("share.long", chars=len(link)))
    st.link_button(t("share.open"), link, icon=":material/open_in_new:")
    st.subheader(t("share.qr"))
    st.caption(t("share.qr_help"))
    if not qr_fits(link):
        st.info(t("share.qr_too_long", chars=len(link)))
        return link
    with st.container(key="share_qr", horizontal_alignment="center"):
        st.image(qr_svg(link, title=t("share.qr_title")), width=QR_PX)
    return link
