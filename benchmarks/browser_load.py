"""Real browsers: N Chromium tabs press Play on Train (browser-paced chunks, "stop when
every example is right" and the target loss off, so that they play the whole run), while
one more tab, the probe, changes pages through the
sidebar once a second. Prints the probe's page-change time (click until the new page's
script has finished and its title shows), p50/p95, also per page and split into the
time until the title shows and the rest, the epochs each playing tab reached, and where
the CPU went: the server (with its workers) and the Chromium processes. Prints figures;
not a test.

    python3 benchmarks/browser_load.py --tabs 8 --duration 40
    python3 benchmarks/browser_load.py --tabs 8 --probe-browser own   # the probe in its own Chromium
    python3 benchmarks/browser_load.py --tabs 0                        # the probe alone
    python3 benchmarks/browser_load.py --tabs 1 --probe-browser none   # one tab's cost per chunk

Target (2-core machine): with 8 tabs playing, the probe's p95 ≤ 1 s. The figures come
with the load average: the machine may be shared.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from load_test import cpu_seconds, load_average, start_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, IDLE  # noqa: E402

PAGES = ("Step", "Build", "Landscape", "Train")
# Play's chart's own record of the time from its last asks to having painted their answers
TRIP = "() => { const box = document.querySelector('.bpviz-play'); return box && box.memory ? box.memory.trip : null; }"
TITLES = {"Step": "Step", "Build": "Build", "Landscape": "Landscape", "Train": "Train on data"}


def set_up(page, url, path="/train"):
    """Train (at `path`, a link) with nothing to stop Play but its own limits (20,000
    epochs, 2 minutes)."""
    page.goto(url + path)
    page.wait_for_selector(".bpviz-play-chart .main-svg", timeout=120_000)
    page.locator(".st-key-train_all_correct label").click()   # the box, whatever its label says
    page.wait_for_selector(IDLE, timeout=60_000)
    target = page.locator(".st-key-train_target_loss input")   # XOR reaches 0.05 in about 100 epochs
    target.fill("0")
    target.press("Enter")
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=60_000)


def press_play(page):
    page.get_by_role("button", name="Play").first.click()


def epoch(page):
    """The epoch Play's chart shows (its first readout)."""
    values = page.get_by_test_id("bpvizReadoutValue")
    return int(values.first.inner_text().replace(",", "")) if values.count() else 0


def process_tree(pid):
    """`pid` and every process below it."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            todo += [int(child) for child in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except OSError:
            pass
    return found


def tree_cpu_seconds(pid):
    """CPU time (user + system) used so far by `pid` and the processes below it."""
    total = 0.0
    for candidate in process_tree(pid):
        try:
            fields = Path(f"/proc/{candidate}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def browsers_cpu_seconds(server_pid):
    """CPU time so far of the Chromium processes (and Playwright's driver) of this benchmark:
    every process below this one except the server's."""
    return tree_cpu_seconds(os.getpid()) - process_cpu_seconds() - tree_cpu_seconds(server_pid)


def process_cpu_seconds():
    times = os.times()
    return times.user + times.system


def percentiles(values):
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return f"p50 {1000 * statistics.median(values):.0f} ms, p95 {1000 * p95:.0f} ms, max {1000 * values[-1]:.0f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=8)
    parser.add_argument("--duration", type=float, default=40.0)
    parser.add_argument("--probe-browser", choices=("shared", "own", "none"), default="shared",
                        help="the probe's tab in the players' Chromium, in a Chromium of its own, or no probe "
                             "(then the playing tabs' cost per chunk alone)")
    args = parser.parse_args()
    process, url = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            players = [browser.new_page(viewport={"width": 1280, "height": 720}) for _ in range(args.tabs)]
            for page in players:      # every tab set up first, then Play pressed in each: Play stops
                set_up(page, url)     # after 2 minutes, which setting up 8 tabs could take
            for page in players:
                press_play(page)
            probe_browser = browser if args.probe_browser in ("shared", "none") else \
                playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            probe = probe_browser.new_page(viewport={"width": 1280, "height": 720})
            probe.goto(url + "/step")
            probe.wait_for_selector(IDLE, timeout=60_000)
            if args.probe_browser == "none":
                probe.close()
            start_epochs = [epoch(page) for page in players]
            cpu_before, started = cpu_seconds(process.pid), time.monotonic()
            browsers_before = browsers_cpu_seconds(process.pid)
            times, titles, turn = [], [], 0
            by_page = {name: [] for name in PAGES}
            while args.probe_browser == "none" and time.monotonic() - started < args.duration:
                players[0].wait_for_timeout(500)
            while time.monotonic() - started < args.duration:
                name = PAGES[turn % len(PAGES)]
                turn += 1
                clicked = time.monotonic()
                probe.get_by_test_id("stSidebarNav").get_by_role("link", name=name).click()
                probe.get_by_role("heading", name=TITLES[name]).first.wait_for(timeout=60_000)
                titles.append(time.monotonic() - clicked)
                probe.wait_for_selector(IDLE, timeout=60_000)
                times.append(time.monotonic() - clicked)
                by_page[name].append(times[-1])
                probe.wait_for_timeout(max(0, 1000 - 1000 * (time.monotonic() - clicked)))
            seconds = time.monotonic() - started
            cores = (cpu_seconds(process.pid) - cpu_before) / seconds
            browser_cores = (browsers_cpu_seconds(process.pid) - browsers_before) / seconds
            reached = [epoch(page) - first for page, first in zip(players, start_epochs)]
            trips = [page.evaluate(TRIP) for page in players]
            if probe_browser is not browser:
                probe_browser.close()
            browser.close()
    finally:
        os.killpg(process.pid, 15)
    probe_text = "no probe" if args.probe_browser == "none" else \
        f"1 probe ({args.probe_browser} browser) changing pages every 1 s"
    print(f"{args.tabs} Chromium tabs playing Train, {probe_text}, {seconds:.0f} s ({load_average()})")
    if times:
        print(f"probe page changes: {len(times)}, {percentiles(times)}")
        print(f"  until the new page's title shows: {percentiles(titles)}")
    for name, values in by_page.items():
        if values:
            print(f"  to {name}: {percentiles(values)}")
    if reached:
        print(f"epochs trained per playing tab meanwhile: min {min(reached)}, max {max(reached)} "
              f"(25 per chunk: {min(reached) / 25 / seconds:.2f}-{max(reached) / 25 / seconds:.2f} chunks/s)")
        print("  chunks/s per tab: " + ", ".join(f"{r / 25 / seconds:.2f}" for r in reached))
        print("  each tab's recent ask-to-painted time: " +
              ", ".join("–" if trip is None else f"{trip:.0f} ms" for trip in trips))
    chunks = sum(reached) / 25
    if chunks:
        print(f"CPU per chunk drawn: server {1000 * cores * seconds / chunks:.0f} ms, Chromium "
              f"{1000 * browser_cores * seconds / chunks:.0f} ms (with the probe's page changes, if any)")
    print(f"CPU: server {cores:.2f} cores, Chromium (every tab, and Playwright) {browser_cores:.2f} cores, "
          f"machine {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
