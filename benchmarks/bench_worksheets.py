"""Speed and size of worksheet PDFs. Prints figures; not a test.

Run: python3 benchmarks/bench_worksheets.py

Target (issue 15): a 30-sheet class set — the sheets and their answer key, from
seeds to both PDFs — in at most 2 s. Times are CPU seconds of this process
(time.process_time, which counts every thread, the Typst compiler's too), the
median of REPEATS runs; wall time is printed beside them for reference.
"""
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bpviz.engine import Network, SharedNetwork  # noqa: E402
from bpviz.ui.strings.en import EN  # noqa: E402
from bpviz.ui.strings.zh import ZH  # noqa: E402
from bpviz.worksheets import Sheet, class_set, compile_pdf, key_source, worksheet_source  # noqa: E402

REPEATS = 3
TARGET_SECONDS = 2.0


def make(sheets, text):
    """Both PDFs of `sheets`: (worksheet bytes, key bytes)."""
    needs_cjk = text is ZH
    return (compile_pdf(worksheet_source(sheets, text), needs_cjk=needs_cjk),
            compile_pdf(key_source(sheets, text), needs_cjk=needs_cjk))


def measure(label, sheets_of, text):
    cpu, wall = [], []
    for _ in range(REPEATS):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        sheet_pdf, key_pdf = make(sheets_of(), text)
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    seconds = statistics.median(cpu)
    print(f"{label:<44} CPU {seconds:6.2f} s  (wall {statistics.median(wall):5.2f} s)   "
          f"worksheet {len(sheet_pdf) / 1024:7.0f} KB   key {len(key_pdf) / 1024:7.0f} KB")
    return seconds


def largest_network():
    sizes = (10,) + (10,) * 6 + (10,)
    net = Network.random(sizes, ("sigmoid",) * 7, "squared_error", seed=1)
    return (Sheet(SharedNetwork(net, (0.5,) * 10, (0.5,) * 10, 0.5, True)),)


if __name__ == "__main__":
    make(class_set(0, 1), EN)   # load the compiler and fonts once
    for text, lang in ((EN, "English"), (ZH, "Chinese")):
        measure(f"1 sheet + key, {lang}", lambda: class_set(1, 1), text)
        thirty = measure(f"30-sheet class set + keys, {lang}", lambda: class_set(1, 30), text)
        print(f"  30 sheets within {TARGET_SECONDS} s: {'yes' if thirty <= TARGET_SECONDS else 'NO'}")
    measure("1 sheet + key, 10-[10x6]-10 (largest legal)", largest_network, EN)
