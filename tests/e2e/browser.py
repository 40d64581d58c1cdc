"""Real-browser helpers for the e2e tests: a Streamlit server on loopback
(`start_server`, `stop_server`, `free_port`), `Session` (one chromium tab on the app, from
the worker's kept tabs: tabs.py) and `require` (skip, or fail under CI=true, when chromium or Playwright is missing).
The fixtures that use them are in conftest.py. Screenshots go to artifacts/e2e/.
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.tabs import Tabs, new_tab

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "e2e"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium keeps only the last --disable-features it is given, so this one repeats the features
# Playwright turns off (its chromiumSwitches) and adds the browser's own top-chrome pages
# (the omnibox popups it preloads for each new window: about 0.7 s of CPU per tab, a fifth of a
# page load, for a popup a headless tab never shows).
DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
    "PreconnectToSearch",
    "PreloadTopChromeWebUI", "WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup",
]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-features=" + ",".join(DISABLED_FEATURES)]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# `Session.idle`: ms the page must have heard nothing from the server, and ms it waits at most
# for the server to answer its own last message (a run starts well within that here, loaded)
# or, when the server sends nothing, for the page to draw what it does alone
QUIET_MS = 150
ANSWER_MS = 300
# How often a wait looks again, in ms. Playwright's default looks in every animation frame,
# which keeps a waiting tab drawing 60 frames a second: 0.25 of a core per waiting tab here,
# and with three workers' tabs waiting on a loaded machine the suite's browser tests took
# 798 s of CPU against 724 s looking every 50 ms (7 min 6 s against 6 min 28 s). Each look is
# the expression run again in the page: looking every 100 ms, the browser tests alone (three
# workers, 2 cores) took 349 s of CPU and 3 min 19 s, where every 50 ms took 423 s and 3 min 54 s.
POLL_MS = 100
# A full-page screenshot costs chromium about 1 s of CPU (1.3 s for the Step page at 1400×1000):
# the pictures a test names are saved only when asked for (BPVIZ_SCREENSHOTS=1), and a tab
# closed while its test is failing is always saved, as failed-<test>.png.
SCREENSHOTS = os.environ.get("BPVIZ_SCREENSHOTS") == "1"


def require(condition, reason):
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port=None, extra_args=(), app=None):
    """Start `streamlit run app.py` (or the script `app`, from its folder) on 127.0.0.1;
    returns (process, base URL)."""
    port = port or free_port()
    app = Path(app) if app else ROOT / "app.py"
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port),
               "--browser.gatherUsageStats", "false", *extra_args]
    log = open(ARTIFACTS / f"server-{port}.log", "w")
    process = subprocess.Popen(command, cwd=app.parent, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.3)
        if process.poll() is not None:
            break
    stop_server(process)
    raise RuntimeError(f"streamlit did not become healthy on port {port}; see {log.name}")


def stop_server(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Session:
    """One browser tab on the app, collecting console errors. `opener` is the worker's
    Tabs (a kept tab, handed back on close) or a Playwright Browser (a new context of
    the tab's own, closed on close)."""

    def __init__(self, opener, url, viewport=(1400, 1000), color_scheme="light", has_touch=False):
        self.tabs = opener if isinstance(opener, Tabs) else None
        self.has_touch = has_touch
        self.page = (self.tabs.take(viewport, color_scheme, has_touch) if self.tabs
                     else new_tab(opener, viewport, color_scheme, has_touch))
        self.context = self.page.context
        self.url = url
        self.errors = []
        self.listeners = []
        self.listen("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.listen("pageerror", lambda e: self.errors.append(str(e)))
        self.failed_responses = []   # (status, url): the console's 404 lines do not say which file
        self.listen("response", lambda r: r.status >= 400 and self.failed_responses.append((r.status, r.url)))

    def listen(self, event, handler):
        """page.on(event, handler) for as long as this session has the tab."""
        self.page.on(event, handler)
        self.listeners.append((event, handler))

    def open(self, path=""):
        """Load the app at `path` in this tab: a new Streamlit session."""
        self.page.goto(f"{self.url}/{path}")
        self.page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
        self.idle()
        return self

    def go(self, title):
        """Switch page through the sidebar navigation, keeping the session (a new URL
        would start a new session, with a fresh network)."""
        self.page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
        self.idle()
        return self

    def idle(self, timeout=60_000):
        """Wait until the page is quiet (after any click, load or key): the script is not
        running, the Step diagram has no report waiting to go out (data-pending), the page
        has heard nothing from the server for QUIET_MS (counted from this call at the
        earliest), and its own last message has been answered, or is ANSWER_MS old. When the
        server has sent nothing since this call (an action the page handles alone, such as
        opening an expander, which Streamlit draws afterwards), it waits ANSWER_MS."""
        self.wait_until("""([idle, since, quiet, answer]) => {
            const frames = window.bpvizFrames || { sent: 0, received: 0 }, now = Date.now();
            const answered = frames.received > frames.sent || now - frames.sent >= answer;
            const heard = frames.received > since;
            return document.querySelector(idle) !== null && !document.querySelector("[data-pending]")
                && answered && now - Math.max(frames.received, since) >= quiet && (heard || now - since >= answer);
        }""", arg=[IDLE, time.time() * 1000, QUIET_MS, ANSWER_MS], timeout=timeout)

    def wait_until(self, expression, arg=None, timeout=None):
        """Wait until the JavaScript function `expression` (given `arg`) returns something
        truthy, looking every POLL_MS; `timeout` in ms (None: Playwright's default, 30 s)."""
        return self.page.wait_for_function(expression, arg=arg, timeout=timeout, polling=POLL_MS)

    def wait_for_diagram(self):
        """Wait until the Step diagram shows its values and the page is quiet again (the
        diagram's first report of its room, and the server's answer)."""
        self.page.wait_for_selector(".bpviz-step .bpviz-value")
        self.idle()

    def wait_for_charts(self, timeout=30_000):
        """Wait until every Plotly chart on the page has drawn its SVG (Streamlit loads Plotly
        after the page; charts in components' shadow roots count too)."""
        self.wait_until("""() => {
            const plots = [];
            const visit = root => { for (const el of root.querySelectorAll("*")) {
                if (el.classList.contains("js-plotly-plot")) plots.push(el);
                if (el.shadowRoot) visit(el.shadowRoot); } };
            visit(document);
            return plots.every(plot => plot.querySelector(".main-svg"));
        }""", timeout=timeout)

    def click_button(self, label):
        self.page.get_by_role("button", name=label, exact=False).first.click()
        self.idle()

    def real_errors(self):
        """Console errors except the probes Streamlit's frontend makes when a page URL is
        opened directly: it first tries /<page>/_stcore/health and /host-config (404),
        then the app root. Any other failed request still counts."""
        probes = [url for status, url in self.failed_responses
                  if status == 404 and url.split("?")[0].endswith(("/_stcore/health", "/_stcore/host-config"))
                  and "/_stcore/" in url.split("//", 1)[1].split("/", 1)[1][1:]]
        other_failures = len(self.failed_responses) - len(probes)
        errors = [e for e in self.errors if "favicon" not in e]
        if other_failures == 0:
            errors = [e for e in errors if "status of 404" not in e]
        return errors

    def sidebar_network(self):
        """The one-line description of the session's network in the sidebar."""
        code = self.page.locator(".st-key-sidebar_network [data-testid='stText']")
        code.wait_for()
        self.wait_until("el => el.innerText.includes('·')", arg=code.element_handle())
        return code.inner_text()

    def contrast_ratios(self):
        """WCAG contrast ratios as drawn on the Step diagram (bpviz/ui/step/diagram.js): the
        page heading, the diagram's title and position line on the page background (lowest),
        every shown label against its chip and every neuron's value against its disc (lowest),
        and the colour bars' tick labels against their chip."""
        return self.page.evaluate("""() => {
            const rgb = text => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const luminance = colour => {
                const [r, g, b] = colour.map(v => {
                    v /= 255;
                    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
                });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const ratio = (a, b) => {
                const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
                return (light + 0.05) / (dark + 0.05);
            };
            const fill = element => rgb(getComputedStyle(element).fill);
            const root = document.querySelector(".bpviz-step");
            const background = rgb(getComputedStyle(document.querySelector("[data-testid='stApp']")).backgroundColor);
            const onBackground = [ratio(fill(root.querySelector(".bpviz-title")), background),
                ratio(rgb(getComputedStyle(root.querySelector(".bpviz-step-position")).color), background)];
            const onMarkers = [];
            for (const chip of root.querySelectorAll(".bpviz-chip")) {
                if (chip.getAttribute("visibility") !== "visible" || !chip.textContent.trim()) continue;
                onMarkers.push(ratio(fill(chip.querySelector("text")), fill(chip.querySelector("rect"))));
            }
            for (const neuron of root.querySelectorAll(".bpviz-neuron")) {
                onMarkers.push(ratio(fill(neuron.querySelector(".bpviz-value")),
                                     fill(neuron.querySelector(".bpviz-disc"))));
            }
            const ticks = [...root.querySelectorAll(".bpviz-legend")].flatMap(legend => {
                const chip = fill(legend.querySelector("rect"));
                return [...legend.querySelectorAll("text")].map(t => ratio(fill(t), chip));
            });
            return {heading: ratio(rgb(getComputedStyle(document.querySelector("h1")).color), background),
                    on_background: Math.min(...onBackground), on_markers: Math.min(...onMarkers),
                    colour_bar: Math.min(...ticks), counts: [onBackground.length, onMarkers.length, ticks.length]};
        }""")

    def diagram_title(self):
        """The Step diagram's title: the loss at the step on show ("Loss E = ?" before it is known)."""
        return self.page.locator(".bpviz-step .bpviz-title").text_content()

    def step_position(self):
        """The Step diagram's position line ("Step 4 of 7: loss")."""
        return self.page.locator(".bpviz-step .bpviz-step-position").inner_text()

    def screenshot(self, name, full_page=True):
        """Save the page as artifacts/e2e/<name>.png when BPVIZ_SCREENSHOTS=1."""
        if SCREENSHOTS:
            self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)

    def close(self, failed=False):
        """Hand the tab back (or close it). A tab closed while an exception propagates (a
        `finally` of a failing test) or with failed=True (the fixture's teardown) is saved
        first as failed-<test>.png, then closed, never kept."""
        failing = failed or sys.exc_info()[0] is not None
        if failing:
            self.save_failure()
        for event, handler in self.listeners:
            self.page.remove_listener(event, handler)
        if self.tabs and not failing and not self.page.is_closed():
            self.tabs.give_back(self.page, self.has_touch)
        else:
            self.context.close()

    def save_failure(self):
        test = os.environ.get("PYTEST_CURRENT_TEST", "tab").split(" ")[0].split("::")[-1]
        name = "failed-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in test)[:120]
        try:
            self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception:   # a crashed or closed page has no picture; the failure itself is reported
            pass
