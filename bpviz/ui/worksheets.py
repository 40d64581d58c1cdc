"""The Worksheets page's pieces: where the problems come from, the settings (paper, language,
forward pass filled in, the app's address for the QR codes), and the downloads (PDF and
Typst source of the sheets and of their answer key).

The PDFs are made on a click in the server's queue of heavy jobs (job_queue: a worker
process per build, so its memory is returned; a 30-sheet class set and its key take about
2 s of CPU), while the page shows the place in the queue and stays usable. A class set
depends on its settings alone, so an identical request may come from the queue's small
cache; the learner's own network is never cached. What was made is kept in the session with
the settings that made it; changing a setting hides downloads that no longer match it.
"""
from urllib.parse import urlsplit

import streamlit as st

from bpviz.jobs import WorksheetRequest, build_worksheets
from bpviz.ui import address, job_queue, lesson, share
from bpviz.ui.i18n import LANGUAGE_NAMES, language, t
from bpviz.ui.session import state
from bpviz.worksheets import MAX_SEED, MAX_SHEETS, PAPERS, MissingFontError

SOURCES = ("class_set", "current")
MAX_URL_CHARS = 200
URL_PLACEHOLDER = "https://bpviz.your-school.example/"


def settings():
    """The teacher's choices as a tuple (source, seed, count, paper, lang, prefilled, app_url,
    tutorial names, quiz mode). The names are the class's (lesson.names); in quiz mode the QR
    codes open the app in quiz mode and a sheet of the current network comes without its key:
    only the teacher's session (quiz off) offers it."""
    source = st.radio(t("ws.source"), SOURCES, key="ws_source", horizontal=True,
                      format_func=lambda s: t(f"ws.source.{s}"))
    seed, count = None, 1
    if source == "class_set":
        seed_column, count_column = st.columns(2)
        seed = int(seed_column.number_input(t("ws.seed"), min_value=0, max_value=MAX_SEED - MAX_SHEETS, value=1,
                                            step=1, key="ws_seed", help=t("ws.seed_help")))
        count = int(count_column.number_input(t("ws.count"), min_value=1, max_value=MAX_SHEETS, value=30, step=1,
                                              key="ws_count"))
    paper_column, lang_column = st.columns(2)
    paper = paper_column.radio(t("ws.paper"), PAPERS, key="ws_paper", horizontal=True,
                               format_func=lambda p: t(f"ws.paper.{p}"))
    langs = tuple(LANGUAGE_NAMES)
    lang = lang_column.selectbox(t("ws.lang"), langs, index=langs.index(language()), key="ws_lang",
                                 format_func=LANGUAGE_NAMES.get)
    prefilled = st.checkbox(t("ws.prefilled"), key="ws_prefilled", help=t("ws.prefilled_help"))
    tutorial = lesson.tutorial_on()
    quiz = lesson.quiz_on()
    names = lesson.names()
    if source == "current":
        st.caption(t("worksheets.names", names=", ".join(
            [names.weight_text(1, 0, 0), names.neuron_text(1, 0), names.bias_text(1, 0)])))
    return source, seed, count, paper, lang, prefilled, app_address(), tutorial, quiz


def app_address():
    """The app's address for the sheets' QR codes, or None (no codes): typed by the teacher, or
    when left empty this server's as the browser reports it. Refused unless http(s)."""
    if not st.checkbox(t("ws.qr"), value=True, key="ws_qr", help=t("ws.qr_help")):
        return None
    reported = share.app_url() if getattr(st.context, "url", None) else None
    typed = st.text_input(t("ws.app_url"), key="ws_app_url", max_chars=MAX_URL_CHARS,
                          placeholder=reported or URL_PLACEHOLDER, help=t("ws.app_url_help")).strip()
    if not typed:
        if reported is None:
            st.warning(t("ws.no_app_url", example=URL_PLACEHOLDER))
        return reported
    parts = urlsplit(typed)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in typed):
        st.error(t("ws.bad_app_url", example=URL_PLACEHOLDER))
        return None
    return typed


def make(choice):
    """Queue the sheets (and the key, when offered) for `choice`; a class set may come from
    the cache."""
    source, seed, count, paper, lang, prefilled, app_url, tutorial, quiz = choice
    options = {"prefilled": prefilled, "app_url": app_url, "tutorial": tutorial, "quiz": quiz}
    if source == "class_set":
        request = WorksheetRequest(seed, count, lang, paper, **options)
    else:   # the current network's key: only outside quiz mode
        request = WorksheetRequest(None, 1, lang, paper, shared=address.current_shared(), with_key=not quiz,
                                   **options)
    job = job_queue.shared_queue().submit(build_worksheets, request,
                                          cache_key=request if request.cacheable else None)
    state.set_worksheets_job((choice, job))


def wait():
    """While the session's sheets are being made: their place in the queue; once made,
    they are kept in the session (or the missing font is named)."""
    pending = state.worksheets_job()
    if pending is None:
        return
    choice, job = pending

    def deliver(future):
        state.set_worksheets_job(None)
        try:
            sources, pdfs = future.result()
        except MissingFontError:
            st.error(t("ws.font_missing"))
            return False
        state.set_worksheets_made((choice, sources, pdfs))
        return True
    job_queue.wait_for(job, deliver, key="ws_queue")


def file_stem(choice):
    """The downloads' name after "worksheet-" / "answer-key-", e.g. "seed-1-30-zh-a4": the
    language and paper are in it (and "-filled" for the easier sheets), so two sets never
    overwrite each other."""
    source, seed, count, paper, lang = choice[:5]
    prefilled = len(choice) > 5 and choice[5]
    return ((f"seed-{seed}-{count}" if source == "class_set" else "own") + f"-{lang}-{paper}"
            + ("-filled" if prefilled else ""))


def downloads(choice):
    """The download buttons of what was made for `choice`, if anything was."""
    made = state.worksheets_made()
    if not made or made[0] != choice:
        return
    (source, seed, count, *_), sources, pdfs = made
    if "answer-key" in pdfs:
        st.success(t("ws.made", count=count, sheet_kb=len(pdfs["worksheet"]) // 1024,
                     key_kb=len(pdfs["answer-key"]) // 1024))
    else:
        st.success(t("ws.made_no_key", count=count, sheet_kb=len(pdfs["worksheet"]) // 1024))
    if source == "class_set":
        st.caption(t("ws.seeds", first=seed, last=seed + count - 1))
    stem = file_stem(made[0])
    pdf_column, typ_column = st.columns(2)
    for name, label in (("worksheet", "ws.download_sheets"), ("answer-key", "ws.download_key")):
        if name not in pdfs:
            continue
        pdf_column.download_button(t(label), pdfs[name], file_name=f"{name}-{stem}.pdf", mime="application/pdf",
                                   key=f"ws_pdf_{name}", icon=":material/picture_as_pdf:", width="stretch")
        typ_column.download_button(t(label + "_source"), sources[name].encode("utf-8"),
                                   file_name=f"{name}-{stem}.typ", mime="text/plain", key=f"ws_typ_{name}",
                                   icon=":material/code:", width="stretch")
    st.caption(t("ws.edit_hint"))
    if "answer-key" not in pdfs:
        lesson.explain_lock("key")
