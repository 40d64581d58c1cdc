"""Printable worksheets: Typst source from the engine's numbers, compiled to PDF.

    pdf = class_set_pdf(seed=7, count=30, language="zh", paper="us-letter")
    key = class_set_pdf(seed=7, count=30, language="zh", paper="us-letter", key=True)

`class_set_pdf` takes plain arguments and returns bytes, so a worker process
can run it. Below it: `class_set` (the sheets of seeds seed … seed + count − 1),
`worksheet_source` / `key_source` (Typst text) and `compile_pdf`.

Imports the engine (and the `typst` compiler, `segno` for QR codes); never streamlit.
"""
from .pdf import MissingFontError, compile_pdf, page_count
from .plan import sheet_pages, sheet_questions
from .problems import MAX_SEED, SHAPES, friendly_problem
from .qr import share_link
from .source import PAPERS, Sheet, expected_pages, key_source, worksheet_source
from .words import LANGUAGES

__all__ = ["LANGUAGES", "MAX_SEED", "MAX_SHEETS", "PAPERS", "SHAPES", "MissingFontError", "Sheet", "class_set",
           "class_set_pdf", "compile_pdf", "friendly_problem", "key_source", "sheet_pages", "sheet_questions",
           "share_link", "sheets_pdf", "worksheet_source"]

MAX_SHEETS = 60


def class_set(seed, count):
    """`count` sheets from seeds seed, seed + 1, …: the same seed always gives the same sheet."""
    return tuple(Sheet(friendly_problem(s), s) for s in range(int(seed), int(seed) + int(count)))


def sheets_pdf(sheets, language="en", paper="a4", prefilled=False, app_url=None, key=False, tutorial=False,
               quiz=False) -> bytes:
    """The PDF of `sheets` (the learners' sheets, or with `key` their answer key), 2-2-2 sheets
    in the tutorial's names if `tutorial` (bpviz.engine.names); `quiz`: the QR codes open the
    app in quiz mode.

    Compiled first without scaling pages to fit, which takes about half the time; if that
    gives more pages than planned (some page's content spilled over), again with it."""
    def source(fit):
        return (key_source(sheets, language, paper, fit, tutorial) if key
                else worksheet_source(sheets, language, paper, prefilled, app_url, fit, tutorial, quiz))
    plain = source(fit=False)
    expected = expected_pages(plain)
    if expected is not None:
        pdf = compile_pdf(plain, needs_cjk=language == "zh")
        if page_count(pdf) == expected:
            return pdf
    return compile_pdf(source(fit=True), needs_cjk=language == "zh")


def class_set_pdf(seed, count, language="en", paper="a4", prefilled=False, app_url=None, key=False,
                  tutorial=False) -> bytes:
    """The PDF of the class set of seeds seed … seed + count − 1 (1 ≤ count ≤ MAX_SHEETS)."""
    if not 1 <= int(count) <= MAX_SHEETS:
        raise ValueError(f"count must be 1 to {MAX_SHEETS}, got {count}")
    if not 0 <= int(seed) <= MAX_SEED - int(count) + 1:
        raise ValueError(f"seed must be 0 to {MAX_SEED - int(count) + 1} for {count} sheets, got {seed}")
    return sheets_pdf(class_set(seed, count), language, paper, prefilled, app_url, key, tutorial)
