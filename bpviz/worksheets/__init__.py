"""Printable worksheets: Typst source from the engine's numbers, compiled to PDF.

    sheets = class_set(seed=7, count=30)
    pdf = compile_pdf(worksheet_source(sheets, EN))
    key = compile_pdf(key_source(sheets, EN))

Imports the engine (and the `typst` compiler); never streamlit.
"""
from .pdf import MissingFontError, compile_pdf
from .problems import MAX_SEED, SHAPES, friendly_problem
from .source import PAPERS, Sheet, key_source, worksheet_source

__all__ = ["MAX_SEED", "MAX_SHEETS", "PAPERS", "SHAPES", "MissingFontError", "Sheet", "class_set", "compile_pdf",
           "friendly_problem", "key_source", "worksheet_source"]

MAX_SHEETS = 60


def class_set(seed, count):
    """`count` sheets from seeds seed, seed + 1, …: the same seed always gives the same sheet."""
    return tuple(Sheet(friendly_problem(s), s) for s in range(int(seed), int(seed) + int(count)))
