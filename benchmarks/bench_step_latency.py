"""Step page in a real browser: how fast a key press changes the diagram, whether any
frame between steps is blank, and how many frames a step's animation draws (issue 13).

    python3 benchmarks/bench_step_latency.py [presses]

Starts `streamlit run app.py` on 127.0.0.1 and Debian's chromium (Playwright, 1280×720),
then, on the worked example and on the largest legal network (10-[10×6]-10, from a share
link), presses ArrowRight / ArrowLeft through the pass. In the page, a capture listener
stamps each key press and a requestAnimationFrame sampler records every frame: latency
is from the key press to the first frame that shows the new step's diagram (the page's
own clock, wall time in the browser: what a presenter sees) to the first frame where the
diagram changes: the step's flow moving over it, or the next step drawn (printed too, from
the press to the new step's diagram on screen); a frame is blank when
neither a drawn diagram nor the held copy of the previous one is on screen. Targets:
median latency ≤ 100 ms (worked example), ≤ 150 ms (largest); no blank frame; ≥ 10
frames per animated step.
"""
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bpviz.engine import Network, SharedNetwork, encode_share  # noqa: E402
from tests.e2e.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, IDLE, start_server, stop_server  # noqa: E402

SAMPLER = """() => {
    const chart = ".st-key-step_diagram .js-plotly-plot";
    window.bench = {presses: [], frames: []};
    document.addEventListener("keydown", e => window.bench.presses.push(e.timeStamp), true);
    const sample = now => {
        const gd = document.querySelector(chart);
        const drawn = gd && gd._fullLayout && gd.querySelector(".main-svg")
            && getComputedStyle(gd).visibility !== "hidden" && gd.getBoundingClientRect().height > 0;
        const held = !!document.getElementById("bpviz-held-picture");
        const flow = document.getElementById("bpviz-flow");
        window.bench.frames.push([now, drawn ? gd.layout.meta.step : null, held,
                                  flow ? Number(flow.dataset.frames || 0) : 0]);
        requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
}"""


def largest_link():
    net = Network.random([10] + [10] * 6 + [10], "sigmoid", "squared_error", seed=7)
    return "step?net=" + encode_share(SharedNetwork(net, (0.5,) * 10, (0.1,) * 10, 0.5, True))


def measure(page, url, path, presses):
    page.goto(f"{url}/{path}")
    page.wait_for_selector(".st-key-step_diagram .js-plotly-plot", timeout=60_000)
    page.wait_for_timeout(2500)
    page.wait_for_selector(IDLE)
    page.evaluate(SAMPLER)
    keys = (["ArrowRight"] * 6 + ["ArrowLeft"] * 6) * presses
    for key in keys[:presses]:
        page.keyboard.press(key)
        page.wait_for_timeout(300)
        page.wait_for_selector(IDLE)
        page.wait_for_timeout(1300)          # let the step's animation finish
    bench = page.evaluate("() => window.bench")
    latencies, redrawn, blanks, animated = [], [], 0, []
    frames = bench["frames"]
    for i, pressed in enumerate(bench["presses"]):
        before = [f for f in frames if f[0] < pressed]
        old = before[-1][1] if before else None
        end = bench["presses"][i + 1] if i + 1 < len(bench["presses"]) else float("inf")
        window = [f for f in frames if pressed <= f[0] < end]
        changed = next((f for f in window if (f[1] is not None and f[1] != old) or f[3] > 0), None)
        if changed:
            latencies.append(changed[0] - pressed)
        drawn = next((f for f in window if f[1] is not None and f[1] != old), None)
        if drawn:
            redrawn.append(drawn[0] - pressed)
        blanks += sum(1 for f in window if f[1] is None and not f[2])
        if window:
            animated.append(max(f[3] for f in window))
    return latencies, redrawn, blanks, animated, len(frames)


def main(presses=6):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright
    process, url = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            for name, path, target in (("worked example 2-2-2", "step", 100),
                                       ("largest 10-[10x6]-10", largest_link(), 150)):
                latencies, redrawn, blanks, animated, frames = measure(page, url, path, presses)
                median = statistics.median(latencies) if latencies else float("nan")
                print(f"{name}: key → diagram changes, median {median:.0f} ms (target ≤ {target}), "
                      f"max {max(latencies, default=float('nan')):.0f} ms over {len(latencies)} presses; "
                      f"key → next step's diagram drawn (server round trip), median "
                      f"{statistics.median(redrawn) if redrawn else float('nan'):.0f} ms; "
                      f"blank frames {blanks} of {frames}; animation frames per step {animated}")
            browser.close()
    finally:
        stop_server(process)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 6)
