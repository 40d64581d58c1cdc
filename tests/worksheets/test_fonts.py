"""Chinese sheets on any machine pip runs on: made with the system's fonts hidden (a private
mount namespace with an empty tmpfs over /usr/share/fonts), their Chinese text extractable and
a CJK font embedded as a subset; and a clear MissingFontError when there is no Chinese font at
all. Skipped only where mount namespaces are unavailable, and never under CI=true."""
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from bpviz.worksheets import class_set_pdf
from bpviz.worksheets.pdf import SYSTEM_CJK_FAMILIES
from bpviz.worksheets.words import WORDS

ROOT = Path(__file__).resolve().parents[2]
MOST_BYTES = 400 * 1024
HIDDEN = "/usr/share/fonts"

# Runs inside the namespace: what Typst sees of the system's fonts, then a Chinese sheet and its key.
MAKE_SHEETS = """
import json, sys, typst
from bpviz.worksheets import class_set_pdf, pdf
families = typst.Fonts(include_system_fonts=True, include_embedded_fonts=False).families()
sheet = class_set_pdf(1, 1, language="zh")
key = class_set_pdf(1, 1, language="zh", key=True)
open(sys.argv[1], "wb").write(sheet)
open(sys.argv[2], "wb").write(key)
pdf.packaged_font_dir = lambda: None   # the pip font gone too: no Chinese font anywhere
try:
    class_set_pdf(1, 1, language="zh")
    outcome = "made"
except pdf.MissingFontError as error:
    outcome = "MissingFontError: " + str(error)
english = len(class_set_pdf(1, 1, language="en"))
print(json.dumps({"families": families, "without_any": outcome, "english": english}))
"""


def _namespace_command():
    """The command prefix that runs in a private mount namespace, or None if this machine has none."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return None
    prefix = ["unshare", "--mount"] + ([] if os.geteuid() == 0 else ["--map-root-user"])
    probe = subprocess.run(prefix + ["mount", "-t", "tmpfs", "tmpfs", HIDDEN], capture_output=True, timeout=30)
    return prefix if probe.returncode == 0 else None


def _fonts_of(pdf):
    """BaseFont names of every font the PDF's pages use, and whether each embeds its file."""
    fonts = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def test_chinese_sheets_are_made_with_the_system_fonts_hidden(tmp_path):
    prefix = _namespace_command()
    if prefix is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI is expected to offer mount namespaces (unshare --mount)")
        pytest.skip("no mount namespaces here (unshare --mount failed)")
    sheet_path, key_path = tmp_path / "sheet.pdf", tmp_path / "key.pdf"
    script = f"mount -t tmpfs tmpfs {HIDDEN} && exec {sys.executable} -c \"$0\" \"$1\" \"$2\""
    done = subprocess.run(prefix + ["sh", "-c", script, MAKE_SHEETS, str(sheet_path), str(key_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert not set(seen["families"]) & set(SYSTEM_CJK_FAMILIES)   # no system CJK font was visible
    assert seen["without_any"].startswith("MissingFontError") and "pylopdf-fonts-zh-cn" in seen["without_any"]
    assert seen["english"] > 0                                   # English needs no Chinese font
    for path, title in ((sheet_path, WORDS["zh"]["title"]), (key_path, WORDS["zh"]["key_title"])):
        pdf = path.read_bytes()
        text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
        assert title in text and "前向传播" in text and "第 1 份 · 种子 1" in text
        fonts = _fonts_of(pdf)
        chinese = [name for name in fonts if "NotoSerifSC" in name]
        assert chinese and all(fonts[name] for name in chinese)
        assert all("+" in name for name in chinese)   # a subset (its name carries the subset tag)
        assert len(pdf) <= MOST_BYTES


def test_one_chinese_sheet_stays_small():
    sheet = class_set_pdf(1, 1, language="zh", app_url="http://localhost:8501")
    assert len(sheet) <= MOST_BYTES
    assert any("NotoSerifSC" in name for name in _fonts_of(sheet))
