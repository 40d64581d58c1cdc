"""The Share page: the teacher's classroom-link builder (a network, the controls students
see and may change, the language, the page, the names, quiz mode), the link to copy, its
length (short enough to type when ≤ SHORT_LINK characters) and its QR code."""
import streamlit as st

from bpviz.engine import NOTATIONS, PRESET_NAMES, SharedNetwork, preset, tutorial_names_fit
from bpviz.ui import address, lesson
from bpviz.ui.frame import PAGES
from bpviz.ui.i18n import LANGUAGE_NAMES, language, t
from bpviz.ui.session import state
from bpviz.ui.step import batch
from bpviz.viz import qr_fits, qr_svg

SHORT_LINK = 200                  # characters a class can type from the projector
QR_PX = 480                       # the QR code's side on the Share page (full screen on request)


def link_builder():
    """The teacher's classroom-link builder: pick a network, the controls students see, the
    language and the names; get a link to copy, and its QR code to project. In a session in
    quiz mode only quiz links are made (a learner's link must keep the answers hidden too)."""
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
    shared = address.current_shared() if source == "current" else preset(source)
    shared = SharedNetwork(shared.network, tuple(shared.x), tuple(shared.y), shared.learning_rate,
                           shared.update_biases)
    names = None
    if tutorial_names_fit(shared.network.sizes):
        state.set_widget_default("share_names", lesson.setting("names"))
        names = st.radio(t("share.names"), NOTATIONS, horizontal=True, key="share_names",
                         format_func=lambda n: t(f"share.names.{n}"))
    quiz_only = lesson.quiz_on()   # a link from a quiz session keeps the answers hidden too
    if quiz_only:
        state.set_widget_value("share_quiz", True)
        st.caption(":material/school: " + t("share.quiz_only"))
    quiz = st.checkbox(t("share.quiz"), key="share_quiz", help=t("share.quiz_help"), disabled=quiz_only)
    # the current network's link carries the Step page's penalty and batch too: the same numbers there
    current = source == "current"
    link = app_url(page) + address.link_query(shared, hide=hide, lang=lang, quiz=quiz or quiz_only, names=names,
                                              penalty=state.step_penalty() if current else None,
                                              rows=batch.address_text(quiz or quiz_only) if current else None)
    st.caption(t("share.copy_hint", chars=len(link)))
    st.code(link, language=None, wrap_lines=True)
    st.caption(t("share.short", chars=len(link)) if len(link) <= SHORT_LINK else t("share.long", chars=len(link)))
    st.link_button(t("share.open"), link, icon=":material/open_in_new:")
    st.subheader(t("share.qr"))
    st.caption(t("share.qr_help"))
    if not qr_fits(link):
        st.info(t("share.qr_too_long", chars=len(link)))
        return link
    with st.container(key="share_qr", horizontal_alignment="center"):
        st.image(qr_svg(link, title=t("share.qr_title")), width=QR_PX)
    return link


def app_url(page_path=""):
    """The app's address as the browser sees it, with `page_path` (e.g. "step")."""
    base = (getattr(st.context, "url", None) or "http://localhost:8501/").split("?")[0]
    root = base.rstrip("/")
    for _, path, _, _ in PAGES:
        if root.endswith("/" + path):
            root = root[: -len(path) - 1]
    return f"{root}/{page_path}"
