"""Compile a worksheet's Typst source to PDF with the `typst` package (the Typst
compiler in a wheel: no TeX installation, native math typesetting, fonts embedded).

Typst brings its own Latin and math fonts; the CJK font is Debian's
fonts-wqy-microhei (scripts/test.sh and the Dockerfile install it), looked for
in CJK_FONT_DIRS. System fonts are not scanned: the same source gives the same
PDF on every machine, and no time goes to a font scan. The PDF is not tagged:
tags made a 30-sheet set six times larger (1.7 MB instead of 0.27 MB) for a
document meant for paper.
"""
from pathlib import Path

import typst

CJK_FONT_DIRS = ("/usr/share/fonts/truetype/wqy", "/usr/share/fonts/wqy-microhei")
CJK_FONT_FILE = "wqy-microhei.ttc"


class MissingFontError(RuntimeError):
    """The CJK font is not installed, so a Chinese sheet cannot be typeset."""


def font_dirs():
    """The CJK font folders present on this machine."""
    return [folder for folder in CJK_FONT_DIRS if (Path(folder) / CJK_FONT_FILE).is_file()]


def compile_pdf(source, needs_cjk=False) -> bytes:
    """The PDF of Typst `source` (a str). `needs_cjk`: fail clearly if the CJK font is missing."""
    folders = font_dirs()
    if needs_cjk and not folders:
        raise MissingFontError(f"{CJK_FONT_FILE} not found in {', '.join(CJK_FONT_DIRS)}: "
                               "install fonts-wqy-microhei")
    return typst.compile(source.encode("utf-8"), font_paths=folders, ignore_system_fonts=True, pdf_tags=False)
