"""Worksheets against issue 24's targets: pages, build time, size, Chinese without system fonts.
Prints figures; not a test.

Run: python3 benchmarks/bench_worksheets.py

Times are CPU seconds of this process (time.process_time, which counts every
thread, the Typst compiler's too), the median of REPEATS runs, for the sheets
and their key together, from seeds to both PDFs; wall time is printed beside
them (on a busy machine it is the larger). Pages are counted with pypdf.
"""
import io
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pypdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpviz.engine import Network, SharedNetwork  # noqa: E402
from bpviz.worksheets import Sheet, class_set, sheets_pdf  # noqa: E402
from bpviz.worksheets.words import WORDS  # noqa: E402

REPEATS = 3
TARGET_SECONDS = 3.0
TARGET_KB = 400

HIDDEN_FONTS_SCRIPT = """
import io, sys, pypdf
from bpviz.worksheets import class_set_pdf
pdf = class_set_pdf(1, 1, language="zh")
text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
print(len(pdf), "反向传播练习卷" in text and "前向传播" in text)
"""


def pages(pdf):
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def key_starts_fresh(sheets, key_pdf, language):
    """True if each sheet's key begins a page (its title first, its number on that page)."""
    texts = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(key_pdf)).pages]
    title = WORDS[language]["key_title"]
    for number, sheet in enumerate(sheets, 1):
        label = WORDS[language]["number_seed"].format(number=number, seed=sheet.seed)
        if not any(t.startswith(title) and label in t for t in texts):
            return False
    return True


def largest_sheets(count):
    """`count` sheets of the largest legal network, 10-[10×6]-10, each of its own seed."""
    sheets = []
    for seed in range(count):
        net = Network.random((10,) * 8, ("sigmoid",) * 7, "squared_error", seed=seed)
        x = tuple(np.random.default_rng(seed).uniform(-1, 1, 10))
        sheets.append(Sheet(SharedNetwork(net, x, (0.5,) * 10, 0.5, True), seed))
    return tuple(sheets)


def build_time(sheets, language):
    cpu, wall = [], []
    for _ in range(REPEATS):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        sheets_pdf(sheets, language)
        sheets_pdf(sheets, language, key=True)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu), statistics.median(wall)


def chinese_without_system_fonts():
    """(made, PDF bytes, text extractable) with /usr/share/fonts hidden in a mount namespace."""
    prefix = ["unshare", "--mount"] + ([] if os.geteuid() == 0 else ["--map-root-user"])
    script = f"mount -t tmpfs tmpfs /usr/share/fonts && exec {sys.executable} -c \"$0\""
    try:
        done = subprocess.run(prefix + ["sh", "-c", script, HIDDEN_FONTS_SCRIPT], cwd=ROOT, capture_output=True,
                              text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"not measured ({error})"
    if done.returncode != 0:
        return f"FAILED: {done.stderr.strip()[-300:]}"
    size, extractable = done.stdout.split()
    return f"made, {int(size) / 1024:.0f} KB, text extractable: {extractable == 'True'}"


def main():
    sheets_pdf(class_set(0, 1), "zh")   # load the compiler and fonts once
    thirty = class_set(1, 30)
    print(f"{'measure':<58} {'measured':<36} target")
    for language in ("en", "zh"):
        for paper in ("a4", "us-letter"):
            sheet_pdf = sheets_pdf(thirty, language, paper, app_url="http://localhost:8501")
            key_pdf = sheets_pdf(thirty, language, paper, key=True)
            fresh = key_starts_fresh(thirty, key_pdf, language)
            print(f"{f'class set of 30 ({language}, {paper}): pages':<58} {pages(sheet_pdf):<36} 30")
            print(f"{'  its key: pages, each sheet from a fresh page':<58} "
                  f"{f'{pages(key_pdf)}, fresh: {fresh}':<36} <= 60, yes")
    largest = largest_sheets(30)
    print(f"{'class set of 30 largest networks (en, a4): pages':<58} {pages(sheets_pdf(largest)):<36} 60")
    print(f"{'  its key: pages':<58} {pages(sheets_pdf(largest, key=True)):<36} <= 60")
    print(f"{'Chinese sheet without any system font':<58} {chinese_without_system_fonts()}")
    for language in ("en", "zh"):
        cpu, wall = build_time(thirty, language)
        print(f"{f'30-sheet set + key build ({language}): CPU s (wall s)':<58} "
              f"{f'{cpu:.2f} ({wall:.2f})':<36} <= {TARGET_SECONDS}")
    for language in ("en", "zh"):
        size = len(sheets_pdf(class_set(1, 1), language, app_url="http://localhost:8501")) / 1024
        print(f"{f'one sheet PDF ({language}, with its QR code): KB':<58} {size:<36.0f} <= {TARGET_KB}")
    key_size = len(sheets_pdf(thirty, "zh", key=True)) / 1024
    print(f"{'30-sheet key PDF (zh): KB':<58} {key_size:.0f}")


if __name__ == "__main__":
    main()
