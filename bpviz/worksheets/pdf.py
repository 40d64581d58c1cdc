"""Compile a worksheet's Typst source to PDF with the `typst` package (the Typst
compiler in a wheel: no TeX installation, native math typesetting; the PDF
embeds a subset of each font it uses, only the glyphs printed).

Fonts. Latin text and math use the fonts Typst brings (Libertinus Serif, New
Computer Modern Math). Chinese uses Noto Serif SC (SIL Open Font License),
which the pip package `pylopdf-fonts-zh-cn` ships (requirements.txt; the README
says why this one): every machine pip runs on has it, and only its folder is
given to Typst, so the same source gives the same PDF everywhere and no time
goes to scanning the system's fonts. Where that package is missing, the
system's fonts are the fallback: the first family of SYSTEM_CJK_FAMILIES found
is used (the source lists them all, see FAMILIES), and `MissingFontError`
says so when there is none.

The PDF is not tagged: tags made a 30-sheet set six times larger (1.7 MB
instead of 0.27 MB) for a document meant for paper.
"""
import importlib.util
import re
from pathlib import Path

import typst

LATIN_FAMILY = "Libertinus Serif"
PACKAGED_CJK_FAMILY = "Noto Serif SC"
FONT_PACKAGE = "pylopdf_fonts_zh_cn"
SYSTEM_CJK_FAMILIES = ("Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "Source Han Sans SC",
                       "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Songti SC", "PingFang SC", "SimSun",
                       "Microsoft YaHei")


class MissingFontError(RuntimeError):
    """No Chinese font: neither the pip package nor a system font, so a Chinese sheet cannot be typeset."""


def packaged_font_dir() -> Path | None:
    """The folder of the pip-installed Chinese font, or None if the package is not installed."""
    spec = importlib.util.find_spec(FONT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return folder if any(folder.glob("*.otf")) else None


FAMILIES = (LATIN_FAMILY, PACKAGED_CJK_FAMILY, *SYSTEM_CJK_FAMILIES)   # the sources' font list, in fallback order


def compile_pdf(source, needs_cjk=False) -> bytes:
    """The PDF of Typst `source` (a str) whose text font is FAMILIES. `needs_cjk`: fail with
    `MissingFontError` rather than print Chinese without a Chinese font."""
    folder = packaged_font_dir()
    if folder is None and needs_cjk:
        found = set(typst.Fonts(include_system_fonts=True, include_embedded_fonts=False).families())
        if not found.intersection(SYSTEM_CJK_FAMILIES):
            raise MissingFontError(f"no Chinese font: install the pip package {FONT_PACKAGE.replace('_', '-')} "
                                   f"(requirements.txt) or a system font: {', '.join(SYSTEM_CJK_FAMILIES)}")
    return typst.compile(source.encode("utf-8"), font_paths=[str(folder)] if folder else [],
                         ignore_system_fonts=folder is not None, pdf_tags=False)


def page_count(pdf) -> int:
    """The page count of a PDF Typst wrote (its page tree's /Count)."""
    return int(re.search(rb"/Type\s*/Pages\s*/Count\s+(\d+)", pdf).group(1))
