"""The Worksheets page's pieces: where the problems come from, the settings, and the
downloads (PDF and Typst source of the sheets and of their answer key).

The PDFs are made on a click (a 30-sheet class set takes about 1.3 s of CPU) and
kept in the session with the settings that made them; changing a setting hides
downloads that no longer match it.
"""
import streamlit as st

from bpviz.ui import address, state
from bpviz.ui.i18n import CATALOGUES, LANGUAGE_NAMES, language, t
from bpviz.worksheets import (
    MAX_SEED,
    MAX_SHEETS,
    PAPERS,
    MissingFontError,
    Sheet,
    class_set,
    compile_pdf,
    key_source,
    worksheet_source,
)

SOURCES = ("class_set", "current")


def settings():
    """The learner's choices as a tuple (source, seed, count, paper, lang)."""
    source = st.radio(t("ws.source"), SOURCES, key="ws_source", horizontal=True,
                      format_func=lambda s: t(f"ws.source.{s}"))
    seed, count = None, 1
    if source == "class_set":
        seed_column, count_column = st.columns(2)
        seed = int(seed_column.number_input(t("ws.seed"), min_value=0, max_value=MAX_SEED, value=1, step=1,
                                            key="ws_seed", help=t("ws.seed_help")))
        count = int(count_column.number_input(t("ws.count"), min_value=1, max_value=MAX_SHEETS, value=30, step=1,
                                              key="ws_count"))
    paper_column, lang_column = st.columns(2)
    paper = paper_column.radio(t("ws.paper"), PAPERS, key="ws_paper", horizontal=True,
                               format_func=lambda p: t(f"ws.paper.{p}"))
    langs = tuple(LANGUAGE_NAMES)
    lang = lang_column.selectbox(t("ws.lang"), langs, index=langs.index(language()), key="ws_lang",
                                 format_func=LANGUAGE_NAMES.get)
    return source, seed, count, paper, lang


def make(choice):
    """Make the sheets and the key for `choice` and keep them in the session (or say why not)."""
    source, seed, count, paper, lang = choice
    sheets = class_set(seed, count) if source == "class_set" else (Sheet(address.current_shared()),)
    text = CATALOGUES[lang]
    sources = {"worksheet": worksheet_source(sheets, text, paper), "answer-key": key_source(sheets, text, paper)}
    try:
        pdfs = {name: compile_pdf(typ, needs_cjk=lang == "zh") for name, typ in sources.items()}
    except MissingFontError:
        st.error(t("ws.font_missing"))
        return
    state.set_worksheets_made((choice, sources, pdfs))


def file_stem(choice):
    """The downloads' name after "worksheet-" / "answer-key-", e.g. "seed-1-30-zh-a4": the
    language and paper are in it, so an English and a Chinese set never overwrite each other."""
    source, seed, count, paper, lang = choice
    return (f"seed-{seed}-{count}" if source == "class_set" else "own") + f"-{lang}-{paper}"


def downloads(choice):
    """The download buttons of what was made for `choice`, if anything was."""
    made = state.worksheets_made()
    if not made or made[0] != choice:
        return
    (source, seed, count, _, _), sources, pdfs = made
    st.success(t("ws.made", count=count, sheet_kb=len(pdfs["worksheet"]) // 1024,
                 key_kb=len(pdfs["answer-key"]) // 1024))
    if source == "class_set":
        st.caption(t("ws.seeds", first=seed, last=seed + count - 1))
    stem = file_stem(made[0])
    pdf_column, typ_column = st.columns(2)
    for name, label in (("worksheet", "ws.download_sheets"), ("answer-key", "ws.download_key")):
        pdf_column.download_button(t(label), pdfs[name], file_name=f"{name}-{stem}.pdf", mime="application/pdf",
                                   key=f"ws_pdf_{name}", icon=":material/picture_as_pdf:", width="stretch")
        typ_column.download_button(t(label + "_source"), sources[name].encode("utf-8"),
                                   file_name=f"{name}-{stem}.typ", mime="text/plain", key=f"ws_typ_{name}",
                                   icon=":material/code:", width="stretch")
    st.caption(t("ws.edit_hint"))
