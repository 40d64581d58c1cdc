"""The Share page: the teacher's classroom-link builder (a network, the controls students
see and may change, the language, the page, quiz mode), and the link to copy."""
import streamlit as st

from bpviz.engine import PRESET_NAMES, SharedNetwork, preset
from bpviz.ui import address, state
from bpviz.ui.frame import PAGES
from bpviz.ui.i18n import LANGUAGE_NAMES, language, t


def link_builder():
    """The teacher's classroom-link builder: pick a network, the controls students
    see and the language; get a link to copy."""
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
    shared = address.current_shared() if source == "current" else preset(source)
    shared = SharedNetwork(shared.network, tuple(shared.x), tuple(shared.y), shared.learning_rate,
                           shared.update_biases)
    link = app_url(page) + address.link_query(shared, hide=hide, lang=lang, quiz=quiz)
    st.caption(t("share.copy_hint", chars=len(link)))
    st.code(link, language=None, wrap_lines=True)
    st.link_button(t("share.open"), link, icon=":material/open_in_new:")
    return link


def app_url(page_path=""):
    """The app's address as the browser sees it, with `page_path` (e.g. "step")."""
    base = (getattr(st.context, "url", None) or "http://localhost:8501/").split("?")[0]
    root = base.rstrip("/")
    for _, path, _, _ in PAGES:
        if root.endswith("/" + path):
            root = root[: -len(path) - 1]
    return f"{root}/{page_path}"
