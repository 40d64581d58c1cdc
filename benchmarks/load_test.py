"""Load test: N concurrent learners against a running bpviz server.

Each simulated learner is a real Streamlit session over the server's own
websocket protocol (the browser's BackMsg/ForwardMsg protobufs): it opens a
page, then every `--interval` seconds (with jitter) clicks one of that page's
buttons or, on the Step page, sends what the diagram's browser side reports
after a step (its new position, and that it holds the pass), alternating step
and train actions, and times it until the server reports the script run finished. Prints p50/p95 latency per action,
errors, and the server's resident memory during the run and after the
sessions have left.

    python3 benchmarks/load_test.py                 # starts its own server on 127.0.0.1
    python3 benchmarks/load_test.py --url http://127.0.0.1:8501 --pid 1234
    python3 benchmarks/load_test.py --sessions 30 --interval 2 --duration 60 --rounds 3

Targets (2-core machine): 30 sessions acting every 2 s, p95 ≤ 1 s, zero
errors, server RSS ≤ 500 MB and flat after the sessions leave.
"""
import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
# (action name, page, widget key of the button to click, or "@<position>": the Step diagram's
# report of a position, "@+1" one further)
ACTIONS = (
    ("step: next", "step", "@+1"),
    ("step: forward pass", "step", "@3"),
    ("step: backward pass", "step", "@5"),
    ("step: reset", "step", "@0"),
    ("train: epochs", "train", "train_epochs"),
)


class Learner:
    """One browser-like session: remembers the buttons of the page it is on."""

    def __init__(self, url):
        self.ws_url = url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
        self.socket = None
        self.page = None
        self.buttons = {}        # widget key -> (widget id, fragment id)
        self.diagram = None      # the Step diagram: (widget id, fragment id, pass id)
        self.position = 0
        self.errors = []

    async def connect(self):
        self.socket = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=None,
                                               open_timeout=30)

    async def open(self, page):
        self.page = page
        await self._run(BackMsg())

    async def click(self, key):
        if key.startswith("@"):
            await self.report(self.position + 1 if key == "@+1" else int(key[1:]))
            return
        if key not in self.buttons:
            raise KeyError(f"no button {key!r} on page {self.page!r}")
        widget_id, fragment_id = self.buttons[key]
        message = BackMsg()
        state = message.rerun_script.widget_states.widgets.add()
        state.id = widget_id
        state.trigger_value = True
        if fragment_id:
            message.rerun_script.fragment_id = fragment_id
        await self._run(message)

    async def report(self, position):
        """What the Step diagram sends after the learner stepped in the browser."""
        if self.diagram is None:
            raise KeyError(f"no Step diagram on page {self.page!r}")
        widget_id, fragment_id, pass_id = self.diagram
        self.position = position % 7
        message = BackMsg()
        state = message.rerun_script.widget_states.widgets.add()
        state.id = widget_id
        state.json_value = json.dumps({"report": {"position": self.position, "have": pass_id, "selected": None,
                                                  "room": [460, 900]}})
        if fragment_id:
            message.rerun_script.fragment_id = fragment_id
        await self._run(message)

    async def _run(self, message):
        message.rerun_script.page_name = self.page
        message.rerun_script.query_string = ""
        await self.socket.send(message.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(self.socket.recv(), 60))
            kind = reply.WhichOneof("type")
            if kind == "delta":
                self._read_delta(reply.delta)
            elif kind == "script_finished":
                # 0 = finished, 3 = fragment finished, 2 = stopped early for a rerun (which
                # follows, so keep reading), 1 = compile error
                if reply.script_finished in (0, 3):
                    return
                if reply.script_finished == 1:
                    self.errors.append("script finished with a compile error")
                    return

    def _read_delta(self, delta):
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.errors.append(element.exception.message[:200])
        elif kind == "bidi_component" and element.bidi_component.component_name == "bpviz_step_diagram":
            data = json.loads(element.bidi_component.json)
            self.diagram = (element.bidi_component.id, delta.fragment_id, data["pass_id"])
        elif kind == "button":
            widget_id = element.button.id
            key = widget_id.rsplit("-", 1)[-1]
            self.buttons[key] = (widget_id, delta.fragment_id)

    async def close(self):
        if self.socket is not None:
            await self.socket.close()


def server_rss_mb(pid):
    """Resident memory of the server process and its children, in MB."""
    total = 0
    for candidate in [pid] + _children(pid):
        try:
            for line in Path(f"/proc/{candidate}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _children(pid):
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    except FileNotFoundError:
        return []
    return [int(p) for p in out.split()]


async def learner_loop(index, url, pages, interval, deadline, latencies, errors):
    learner = Learner(url)
    rng = random.Random(index)
    try:
        await learner.connect()
        actions = [action for action in ACTIONS if action[1] in pages]
        await asyncio.sleep(rng.uniform(0, interval))
        turn = 0
        while time.monotonic() < deadline:
            name, page, key = actions[(index + turn) % len(actions)]
            turn += 1
            started = time.monotonic()
            if learner.page != page:
                await learner.open(page)
                latencies.setdefault(f"open {page}", []).append(time.monotonic() - started)
                started = time.monotonic()
            if not key.startswith("@") and key not in learner.buttons and "train_set_up" in learner.buttons:
                await learner.click("train_set_up")     # a network that fits the data first
                started = time.monotonic()
            await learner.click(key)
            latencies.setdefault(name, []).append(time.monotonic() - started)
            await asyncio.sleep(max(0.0, interval * rng.uniform(0.8, 1.2) - (time.monotonic() - started)))
    except Exception as error:  # a load test reports every failure instead of stopping
        errors.append(f"learner {index}: {type(error).__name__}: {error}"[:300])
    finally:
        errors.extend(f"learner {index}: {e}" for e in learner.errors)
        await learner.close()


def start_server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            return process, url
        except OSError:
            time.sleep(0.3)
    os.killpg(process.pid, signal.SIGTERM)
    raise SystemExit("the server did not start")


async def warm_up(url, pages):
    """One visit first, as a teacher's would be, before the class arrives."""
    warm = Learner(url)
    await warm.connect()
    for page in pages:
        await warm.open(page)
    await warm.close()


async def one_class(args, url, pid):
    """`args.sessions` learners for `args.duration` seconds, then `args.settle` seconds
    of quiet (longer than the server keeps a disconnected session, 120 s by default)."""
    latencies, errors, rss = {}, [], []
    deadline = time.monotonic() + args.duration

    async def sample_memory():
        while time.monotonic() < deadline:
            rss.append(server_rss_mb(pid))
            await asyncio.sleep(1)

    rss_before = server_rss_mb(pid)
    await asyncio.gather(sample_memory(), *(
        learner_loop(i, url, args.pages, args.interval, deadline, latencies, errors) for i in range(args.sessions)))
    await asyncio.sleep(args.settle)
    return latencies, errors, rss_before, rss, server_rss_mb(pid)


async def measure(args, url, pid):
    await warm_up(url, args.pages)
    return [await one_class(args, url, pid) for _ in range(args.rounds)]


def report(args, latencies, errors, rss_before, rss, rss_after):
    print(f"{args.sessions} sessions, one action every {args.interval:g} s each, for {args.duration:g} s")
    print(f"{'action':24} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in sorted(latencies.items()):
        values = sorted(values)
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        print(f"{name:24} {len(values):6d} {1000 * statistics.median(values):8.0f} {1000 * p95:8.0f} "
              f"{1000 * values[-1]:8.0f}")
    every = sorted(v for values in latencies.values() for v in values)
    if every:
        p95 = every[int(round(0.95 * (len(every) - 1)))]
        print(f"{'all actions':24} {len(every):6d} {1000 * statistics.median(every):8.0f} {1000 * p95:8.0f}")
    print(f"errors: {len(errors)}")
    for error in errors[:10]:
        print("  ", error)
    print(f"server RSS: {rss_before:.0f} MB before, peak {max(rss, default=0):.0f} MB during, "
          f"{rss_after:.0f} MB {args.settle:g} s after the sessions left")


def report_rounds(args, rounds):
    for number, figures in enumerate(rounds, 1):
        if len(rounds) > 1:
            print(f"--- class {number} of {len(rounds)}")
        report(args, *figures)
    if len(rounds) > 1:
        after = ", ".join(f"{figures[-1]:.0f}" for figures in rounds)
        print(f"server RSS after each class: {after} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server (default: start one)")
    parser.add_argument("--pid", type=int, help="the running server's process id (for its memory)")
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between one learner's actions")
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--settle", type=float, default=130.0,
                        help="seconds to wait before the last memory sample (the server drops a disconnected "
                             "session after 120 s)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="classes one after another, to show memory stays flat")
    parser.add_argument("--pages", nargs="+", default=["step", "train"])
    args = parser.parse_args()
    process = None
    if args.url:
        url, pid = args.url, args.pid
    else:
        process, url = start_server()
        pid = process.pid
    try:
        report_rounds(args, asyncio.run(measure(args, url, pid or 0)))
    finally:
        if process is not None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
