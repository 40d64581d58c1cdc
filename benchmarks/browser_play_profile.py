"""Where one playing Train tab's browser CPU goes, per chunk drawn: one Chromium tab
presses Play on Train (XOR, nothing to stop it early) and, for `--duration` seconds,
this prints the chunks it drew and, per chunk:

- CPU by Chromium process (/proc): the tab's renderer, the GPU process (software
  compositing with --disable-gpu), the browser process, the network service;
- the renderer's main thread as Chromium counts it (CDP Performance.getMetrics): script,
  style recalculation, layout, and the rest of its tasks (paint, compositing, parsing);
- with `--sample`, a sampled JavaScript profile (CDP Profiler) split by where the code
  lives: plotly.min.js, Streamlit's own bundle, the page's components, the garbage
  collector, and Chromium's native work seen from JavaScript ("(program)").

    python3 benchmarks/browser_play_profile.py --duration 20
    python3 benchmarks/browser_play_profile.py --duration 20 --sample
    python3 benchmarks/browser_play_profile.py --largest   # 2-[10×6]-1 and 5,000 rows

Prints figures; not a test. The machine may be shared: the load average is printed.
"""
import argparse
import collections
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser_load import TRIP, epoch, press_play, process_tree, set_up  # noqa: E402
from load_test import big_check_link, cpu_seconds, load_average, start_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

# the renderer's main-thread counters (seconds) that Performance.getMetrics reports
# Plotly's per-chunk calls made to draw nothing, as soon as plotly.min.js sets window.Plotly:
# extendTraces only appends the points to the plot's data (the chart's memory of what it holds)
NO_DRAW = """(() => { let real; Object.defineProperty(window, 'Plotly', { configurable: true, get: () => real,
  set: (value) => { real = value;
    for (const name of ['restyle', 'update', 'relayout']) value[name] = () => Promise.resolve();
    value.extendTraces = (plot, update, traces) => { traces.forEach((t, i) => {
      for (const key of Object.keys(update)) plot.data[t][key] = plot.data[t][key].concat(update[key][i]); });
      return Promise.resolve(plot); }; } }); })()"""
MAIN_THREAD = ("ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "TaskDuration")


def process_kind(pid):
    """Chromium's --type of `pid` ("browser" for the main process), or None if not Chromium."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").split()   # a zygote's child
                                                                                     # joins its own with spaces
    except OSError:
        return None
    if not args or b"chromium" not in args[0]:
        return None
    for arg in args:
        if arg.startswith(b"--type="):
            kind = arg[len(b"--type="):].decode()
            if kind == "utility":
                sub = next((a for a in args if a.startswith(b"--utility-sub-type=")), b"")
                return "utility " + sub.decode().rsplit(".", 1)[-1]
            return kind
    return "browser"


def cpu_by_kind():
    """{Chromium process kind: CPU seconds so far} over the processes below this one."""
    totals = collections.Counter()
    for pid in process_tree(os.getpid()):
        kind = process_kind(pid)
        if kind is None:
            continue
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totals[kind] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return totals


def main_thread(cdp):
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return {name: metrics.get(name, 0.0) for name in MAIN_THREAD}


def where(url):
    """Which code a profile node's URL belongs to."""
    if not url:
        return None
    if "plotly.min.js" in url:
        return "plotly.min.js"
    if "/static/js/" in url:
        return "Streamlit (React)"
    return "components and other scripts"


def split_profile(profile):
    """{bucket: seconds} of a CDP Profiler profile's samples, by the sampled node's code."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    parents = {child: node["id"] for node in profile["nodes"] for child in node.get("children", [])}
    totals = collections.Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        node = nodes[sample]
        name = node["callFrame"]["functionName"]
        bucket = name if name in ("(garbage collector)", "(program)", "(idle)") else None
        current = sample
        while bucket is None and current is not None:   # the nearest frame with a URL
            bucket = where(nodes[current]["callFrame"]["url"])
            current = parents.get(current)
        totals[bucket or "other (no URL)"] += delta / 1e6
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--sample", action="store_true", help="also a sampled JavaScript profile (adds overhead)")
    parser.add_argument("--largest", action="store_true",
                        help="the largest network the 2-D data fit, 2-[10×6]-1, with 5,000 rows")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--no-draw", action="store_true",
                        help="Plotly's extendTraces, restyle, update and relayout draw nothing: Streamlit's part "
                             "alone for a chart that draws chunks with them (Play's did before it painted "
                             "canvases; it calls none of them per chunk now)")
    parser.add_argument("--css", default="", help="a style sheet added to the page (to try a change)")
    args = parser.parse_args()
    process, url = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": 720})
            if args.no_draw:
                page.add_init_script(NO_DRAW)
            if args.css:
                page.add_init_script(f"document.addEventListener('DOMContentLoaded', () => {{"
                                     f"const s = document.createElement('style'); s.textContent = {args.css!r};"
                                     f"document.head.appendChild(s); }})")
            set_up(page, url, "/train?" + big_check_link() if args.largest else "/train")
            per_chunk = int(page.locator(".st-key-train_per_redraw input").input_value())
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            press_play(page)
            page.wait_for_timeout(3000)   # Play under way
            if args.sample:
                cdp.send("Profiler.enable")
                cdp.send("Profiler.setSamplingInterval", {"interval": 500})
                cdp.send("Profiler.start")
            first, thread_before, kinds_before = epoch(page), main_thread(cdp), cpu_by_kind()
            server_before, started = cpu_seconds(process.pid), time.monotonic()
            page.wait_for_timeout(1000 * args.duration)
            seconds = time.monotonic() - started
            chunks = (epoch(page) - first) / per_chunk
            thread, kinds, server = main_thread(cdp), cpu_by_kind(), cpu_seconds(process.pid) - server_before
            profile = cdp.send("Profiler.stop")["profile"] if args.sample else None
            trip = page.evaluate(TRIP)
            browser.close()
    finally:
        os.killpg(process.pid, 15)
    print(f"1 tab playing Train ({'largest network, 5,000 rows' if args.largest else 'defaults'}, "
          f"{args.width} px), {seconds:.0f} s ({load_average()})")
    print(f"chunks drawn: {chunks:.0f} ({chunks / seconds:.2f}/s, {per_chunk} epochs each); recent ask-to-painted "
          f"time {'–' if trip is None else f'{trip:.0f} ms'}")
    if not chunks:
        return
    total = sum(kinds[k] - kinds_before.get(k, 0) for k in kinds)
    print(f"Chromium CPU per chunk: {1000 * total / chunks:.1f} ms ({total / seconds:.3f} cores); "
          f"server {1000 * server / chunks:.1f} ms")
    for kind in sorted(kinds, key=lambda k: kinds_before.get(k, 0) - kinds[k]):
        spent = kinds[kind] - kinds_before.get(kind, 0)
        if spent > 0:
            print(f"  {kind}: {1000 * spent / chunks:.1f} ms")
    spent = {name: 1000 * (thread[name] - thread_before[name]) / chunks for name in MAIN_THREAD}
    rest = spent["TaskDuration"] - spent["ScriptDuration"] - spent["RecalcStyleDuration"] - spent["LayoutDuration"]
    print(f"renderer main thread per chunk (wall time of its tasks): {spent['TaskDuration']:.1f} ms, of which "
          f"script {spent['ScriptDuration']:.1f}, style {spent['RecalcStyleDuration']:.1f}, "
          f"layout {spent['LayoutDuration']:.1f}, the rest (paint, compositing, parsing) {rest:.1f}")
    if profile:
        print("sampled JavaScript profile per chunk:")
        for bucket, value in sorted(split_profile(profile).items(), key=lambda item: -item[1]):
            if bucket != "(idle)":
                print(f"  {bucket}: {1000 * value / chunks:.1f} ms")


if __name__ == "__main__":
    main()
