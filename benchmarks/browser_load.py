"""Real browsers: N Chromium tabs press Play on Train (browser-paced chunks, "stop when
every example is right" off), while one more tab, the probe, changes pages through the
sidebar once a second. Prints the probe's page-change time (click until the new page's
script has finished and its title shows), p50/p95, the epochs each playing tab reached,
and the server's CPU. Prints figures; not a test.

    python3 benchmarks/browser_load.py --tabs 8 --duration 40

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
TITLES = {"Step": "Step", "Build": "Build", "Landscape": "Landscape", "Train": "Train on data"}


def start_playing(page, url):
    page.goto(url + "/train")
    page.wait_for_selector(".bpviz-play-chart .main-svg", timeout=120_000)
    page.get_by_text("Stop when every example is classified correctly").click()
    page.wait_for_selector(IDLE, timeout=60_000)
    page.get_by_role("button", name="Play").first.click()


def epoch(page):
    metrics = page.get_by_test_id("stMetric")
    return int(metrics.first.inner_text().splitlines()[-1].replace(",", "")) if metrics.count() else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tabs", type=int, default=8)
    parser.add_argument("--duration", type=float, default=40.0)
    args = parser.parse_args()
    process, url = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            players = [browser.new_page(viewport={"width": 1280, "height": 720}) for _ in range(args.tabs)]
            for page in players:
                start_playing(page, url)
            probe = browser.new_page(viewport={"width": 1280, "height": 720})
            probe.goto(url + "/step")
            probe.wait_for_selector(IDLE, timeout=60_000)
            start_epochs = [epoch(page) for page in players]
            cpu_before, started = cpu_seconds(process.pid), time.monotonic()
            times, turn = [], 0
            while time.monotonic() - started < args.duration:
                name = PAGES[turn % len(PAGES)]
                turn += 1
                clicked = time.monotonic()
                probe.get_by_test_id("stSidebarNav").get_by_role("link", name=name).click()
                probe.get_by_role("heading", name=TITLES[name]).first.wait_for(timeout=60_000)
                probe.wait_for_selector(IDLE, timeout=60_000)
                times.append(time.monotonic() - clicked)
                probe.wait_for_timeout(max(0, 1000 - 1000 * (time.monotonic() - clicked)))
            seconds = time.monotonic() - started
            cores = (cpu_seconds(process.pid) - cpu_before) / seconds
            reached = [epoch(page) - first for page, first in zip(players, start_epochs)]
            browser.close()
    finally:
        os.killpg(process.pid, 15)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"{args.tabs} Chromium tabs playing Train, 1 probe changing pages every 1 s, {seconds:.0f} s "
          f"({load_average()})")
    print(f"probe page changes: {len(times)}, p50 {1000 * statistics.median(times):.0f} ms, p95 {1000 * p95:.0f} ms, "
          f"max {1000 * times[-1]:.0f} ms")
    print(f"epochs trained per playing tab meanwhile: min {min(reached)}, max {max(reached)} "
          f"(25 per chunk: {min(reached) / 25 / seconds:.2f}-{max(reached) / 25 / seconds:.2f} chunks/s)")
    print(f"server CPU: {cores:.2f} cores")


if __name__ == "__main__":
    main()
