"""Load test: N concurrent learners against a running bpviz server.

Each simulated learner is a real Streamlit session over the server's own
websocket protocol (the browser's BackMsg/ForwardMsg protobufs): it opens a
page, then every `--interval` seconds (with jitter) clicks one of that page's
buttons or, on the Step page, sends what the diagram's browser side reports
after a step (its new position, and that it holds the pass: what a quiz-mode page
sends for each settled position; outside quiz mode a page sends it only ahead of the
learner's next control, so this is the heavier case), alternating step
and train actions, and times it until the server reports the script run finished. Prints p50/p95 latency per action,
errors, and the server's resident memory during the run and after the
sessions have left.

    python3 benchmarks/load_test.py                 # starts its own server on 127.0.0.1
    python3 benchmarks/load_test.py --url http://127.0.0.1:8501 --pid 1234
    python3 benchmarks/load_test.py --sessions 30 --interval 2 --duration 60 --rounds 3
    python3 benchmarks/load_test.py --play 30 --probes 2 --duration 30      # a class playing Train
    python3 benchmarks/load_test.py --class-sets 30 --settle 60             # 30 class sets at once
    python3 benchmarks/load_test.py --gradchecks 10 --sessions 20 --duration 90   # big checks, mixed class

`--play N`: N learners press Play on Train (XOR, "stop when every example is right"
off) and play as the browser-paced chart does: each waits for a chunk's answer, then
(after `--draw-ms`, the time a page takes to draw) reports what it has drawn, no
sooner than the chart's gap after its previous report (as play_pacing.js paces: the page's
share times the recent ask-to-drawn time, within the fastest interval per chunk the answer
carries and the slowest interval the page sends). Printed: the chunks (redraws; an answer
may carry two, which the page shows in turn) reaching each session per second, min and
median; the chunk round trip p50/p95; with
`--probes M`, M more learners press Step's Next once a second (their p95 is the figure
a class feels); and the server's CPU in cores over the run.
`--class-sets N`: N learners each ask for a different 30-sheet class set at once and
poll the queue as the page's fragment does; printed: the time until each was delivered
(its PDF downloaded), the queue places they were shown, and the server's memory
(the server and its worker processes) before, at peak and `--settle` s after they left.
`--gradchecks N`: N learners open a link with the largest network the 2-D data fit
(2-[10×6]-1) and 5,000 rows of training data, check its gradients on the training data
and then plant another mistake every `--check-interval` s (a new check each time), polling
the queue as the page's fragment does, while `--sessions` learners step and train (a mixed
class); printed: the wait from each choice until the verdict is on the page, p50 and max,
and the queue places shown.
Every figure is printed with the machine's load average (the machine may be shared).

Targets (2-core machine): 30 sessions acting every 2 s, p95 ≤ 1 s, zero
errors, server RSS ≤ 500 MB and flat after the sessions leave. Playing: one learner
≤ 0.05 core with ≥ 2 redraws/s; 30 learners ≥ 1 redraw/s each, probes' p95 ≤ 1 s.
Class sets: all delivered with the queue place shown; memory 60 s after ≤ +150 MB.
"""
import argparse
import asyncio
import collections
import itertools
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


PLAY_CHART = "bpviz_play_chart"     # the name the Train page's chart registers (bpviz/ui/train/play_chart.py)
VERDICTS = ("Pass: ", "Doubtful: ", "Fail: ")     # how a Gradient-check verdict begins (strings/en.py)
CHECK_MISTAKES = 4                  # the Gradient-check page's mistakes to plant (engine.MISTAKES)


class Learner:
    """One browser-like session: remembers the widgets of the page it is on, the last
    message to Play's chart, the queue texts and the downloads it was shown."""

    def __init__(self, url, query=""):
        self.url = url.rstrip("/")
        self.query = query       # the address's query string (a link), sent with every rerun
        self.ws_url = url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
        self.socket = None
        self.page = None
        self.buttons = {}        # widget key -> (widget id, fragment id)
        self.widgets = {}        # widget key -> (widget id, fragment id), every kind
        self.options = {}        # widget key -> the labels of a radio's or selectbox's options
        self.chart = None        # (component id, fragment id, last data) of Play's chart
        self.queue_texts = []    # what a polling fragment said (place in the queue)
        self.queue_fragment = None
        self.downloads = {}      # widget key -> media URL
        self.values = {}         # widget id -> WidgetState this learner set: sent with every rerun, as a browser does
        self.page_hash = ""      # the page's script hash (navigation), sent with fragment reruns as a browser does
        self.diagram = None      # the Step diagram: (widget id, fragment id, pass id)
        self.position = 0
        self.verdicts = 0        # Gradient-check verdicts shown (pass, doubtful, fail)
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

    async def choose(self, key, index):
        """Choose a radio's or selectbox's option by its place (the browser sends its label)."""
        await self.set_widget(key, string_value=self.options[key][index])

    async def set_widget(self, key, **value):
        """Change one widget (e.g. bool_value=False, int_value=7): a rerun of its page."""
        widget_id, fragment_id = self.widgets[key]
        message = BackMsg()
        state = message.rerun_script.widget_states.widgets.add()
        state.id = widget_id
        for name, v in value.items():
            setattr(state, name, v)
        self.values[widget_id] = state
        await self._run(message)

    async def report_drawn(self, epoch, ask):
        """What play_chart.js sends once it has drawn a chunk: a rerun of the fragment."""
        component_id, fragment_id, sent = self.chart
        message = BackMsg()
        state = message.rerun_script.widget_states.widgets.add()
        state.id = component_id
        state.json_value = json.dumps({"drawn": {"run": sent["run"], "epoch": epoch, "fields": sent["fields"],
                                                 "ask": ask}})
        message.rerun_script.fragment_id = fragment_id
        message.rerun_script.page_script_hash = self.page_hash
        await self._run(message)

    async def poll(self):
        """A rerun of the queue's polling fragment, as its run_every timer sends it."""
        message = BackMsg()
        message.rerun_script.fragment_id = self.queue_fragment
        message.rerun_script.is_auto_rerun = True
        message.rerun_script.page_script_hash = self.page_hash
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
        sent = {state.id for state in message.rerun_script.widget_states.widgets}
        for widget_id, state in self.values.items():
            if widget_id not in sent:
                message.rerun_script.widget_states.widgets.add().CopyFrom(state)
        if not message.rerun_script.page_script_hash:   # a browser names the page by its hash once it has one
            message.rerun_script.page_name = self.page
        message.rerun_script.query_string = self.query
        await self.socket.send(message.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(self.socket.recv(), 60))
            kind = reply.WhichOneof("type")
            if kind == "navigation":     # the page st.navigation is showing
                self.page_hash = reply.navigation.page_script_hash
            elif kind == "delta":
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
        elif kind == "bidi_component" and element.bidi_component.component_name.endswith(PLAY_CHART):
            self.chart = (element.bidi_component.id, delta.fragment_id, json.loads(element.bidi_component.json))
        elif kind == "alert" and "ahead of you" in element.alert.body or kind == "alert" and \
                element.alert.body.startswith("Being made"):
            self.queue_texts.append(element.alert.body)
            self.queue_fragment = delta.fragment_id
        elif kind == "alert" and element.alert.body.startswith(VERDICTS):
            self.verdicts += 1
        elif kind in ("button", "checkbox", "number_input", "selectbox", "radio", "download_button"):
            widget = getattr(element, kind)
            key = widget.id.rsplit("-", 1)[-1]
            self.widgets[key] = (widget.id, delta.fragment_id)
            if kind in ("radio", "selectbox"):
                self.options[key] = list(widget.options)
            if kind == "button":
                self.buttons[key] = (widget.id, delta.fragment_id)
            if kind == "download_button":
                self.downloads[key] = widget.url

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


def cpu_seconds(pid):
    """CPU time (user + system) of the server process and its children so far."""
    total = 0.0
    for candidate in [pid] + _children(pid):
        try:
            fields = Path(f"/proc/{candidate}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def load_average():
    return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())


def drawn_epoch(sent, before):
    """The last epoch a page has drawn after applying the chart message `sent`."""
    if "loss" in sent:
        traces = json.loads(sent["loss"])["data"]
        return traces[0]["x"][-1] if traces and traces[0]["x"] else 0
    return sent["points"]["epoch"][-1] if sent["points"]["epoch"] else before


async def play_loop(index, url, deadline, draw_ms, redraws, round_trips, errors):
    """Press Play on Train and play as the browser-paced chart does until `deadline`;
    appends this learner's chunk arrival times to `redraws[index]`."""
    learner = Learner(url)
    arrivals = redraws.setdefault(index, [])
    try:
        await learner.connect()
        await learner.open("train")
        if "train_set_up" in learner.buttons:
            await learner.click("train_set_up")
        await learner.set_widget("train_all_correct", bool_value=False)
        await learner.click("train_play")
        epoch, asked, ask, trip = 0, 0.0, 0, None
        while time.monotonic() < deadline:
            sent = learner.chart[2]
            epoch = drawn_epoch(sent, epoch)
            if not sent["playing"]:         # Play stopped (its longest run): press it again
                await learner.click("train_play")
                continue
            await asyncio.sleep(draw_ms / 1000)   # the page draws
            if asked:                             # the chart's pacing (play_chart.js's gap)
                answered = time.monotonic() - asked
                trip = answered if trip is None else 0.7 * trip + 0.3 * answered
            pacing, shown = sent["pacing"], 1 + len(sent.get("frames") or ())   # chunks this answer shows
            gap = min(pacing["slowest"], max(shown * pacing["fastest"], pacing["share"] * 1000 * (trip or 0))) / 1000
            await asyncio.sleep(max(0.0, asked + gap - time.monotonic()))
            asked, ask = time.monotonic(), ask + 1
            await learner.report_drawn(epoch, ask)
            round_trips.append(time.monotonic() - asked)
            new = learner.chart[2]
            if "loss" in new or new.get("points", {}).get("epoch"):   # each chunk it carries is a redraw
                arrivals.extend([time.monotonic()] * (1 + len(new.get("frames") or ())))
    except Exception as error:  # a load test reports every failure instead of stopping
        errors.append(f"player {index}: {type(error).__name__}: {error}"[:300])
    finally:
        errors.extend(f"player {index}: {e}" for e in learner.errors)
        await learner.close()


async def probe_loop(index, url, deadline, latencies, errors):
    """A learner on Step pressing Next once a second: the figure a class feels."""
    learner = Learner(url)
    try:
        await learner.connect()
        await learner.open("step")
        while time.monotonic() < deadline:
            started = time.monotonic()
            await learner.click("@+1")   # what the Step diagram reports after a press of →
            latencies.append(time.monotonic() - started)
            await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - started)))
    except Exception as error:
        errors.append(f"probe {index}: {type(error).__name__}: {error}"[:300])
    finally:
        errors.extend(f"probe {index}: {e}" for e in learner.errors)
        await learner.close()


async def play_class(args, url, pid):
    """`args.play` learners playing plus `args.probes` probes for `args.duration` s."""
    redraws, round_trips, probe_latencies, errors = {}, [], [], []
    await warm_up(url, ["train", "step"])
    started = time.monotonic()
    deadline = started + args.duration
    warm = started + min(5.0, args.duration / 4)     # the first seconds open pages: not counted

    async def measure_cpu():
        await asyncio.sleep(max(0.0, warm - time.monotonic()))
        before, at = cpu_seconds(pid), time.monotonic()
        await asyncio.sleep(max(0.0, deadline - time.monotonic()))
        return (cpu_seconds(pid) - before) / (time.monotonic() - at)

    cores, *_ = await asyncio.gather(
        measure_cpu(),
        *(play_loop(i, url, deadline, args.draw_ms, redraws, round_trips, errors) for i in range(args.play)),
        *(probe_loop(i, url, deadline, probe_latencies, errors) for i in range(args.probes)))
    window = deadline - warm
    rates = sorted(sum(1 for t in arrivals if t >= warm) / window for arrivals in redraws.values())
    print(f"{args.play} learners playing Train, {args.probes} probes pressing Next every 1 s, {args.duration:g} s "
          f"({load_average()})")
    if rates:
        print(f"redraws reaching each session: min {rates[0]:.2f}/s, median {statistics.median(rates):.2f}/s, "
              f"max {rates[-1]:.2f}/s (counted after the first {warm - started:.0f} s)")
    print(f"chunk round trip: {percentiles(round_trips)}")
    if probe_latencies:
        print(f"probes' Next: {percentiles(probe_latencies)}")
    print(f"server CPU: {cores:.3f} cores ({cores / max(1, args.play):.3f} per playing learner)")
    print(f"errors: {len(errors)}")
    for error in errors[:10]:
        print("  ", error)


def percentiles(values):
    if not values:
        return "no samples"
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return (f"{len(values)} samples, p50 {1000 * statistics.median(values):.0f} ms, p95 {1000 * p95:.0f} ms, "
            f"max {1000 * values[-1]:.0f} ms")


async def class_set_loop(index, url, seed, deadline, delivered, places, errors):
    """Ask for a 30-sheet class set from `seed`, poll the queue every second as the page's
    fragment does, then download its PDF; records the time to delivery."""
    learner = Learner(url)
    try:
        await learner.connect()
        await learner.open("worksheets")
        await learner.set_widget("ws_seed", int_value=seed)
        started = time.monotonic()
        await learner.click("ws_generate")
        while "ws_pdf_worksheet" not in learner.downloads and time.monotonic() < deadline:
            if learner.queue_fragment is None:
                raise RuntimeError("no queue place was shown and no download came")
            await asyncio.sleep(1.0)
            await learner.poll()
        if "ws_pdf_worksheet" not in learner.downloads:
            raise TimeoutError("the class set was not delivered in time")
        body = await asyncio.to_thread(fetch, url + "/" + learner.downloads["ws_pdf_worksheet"].lstrip("/"))
        if not body.startswith(b"%PDF"):
            raise RuntimeError("the download is not a PDF")
        delivered.append(time.monotonic() - started)
        places.extend(learner.queue_texts)
    except Exception as error:
        errors.append(f"teacher {index}: {type(error).__name__}: {error}"[:300])
    finally:
        errors.extend(f"teacher {index}: {e}" for e in learner.errors)
        await learner.close()


def big_check_link():
    """The query string of a link to the largest network the 2-D data fit, with 5,000 rows."""
    sys.path.insert(0, str(ROOT))
    from bpviz.engine import MAX_HIDDEN_LAYERS, MAX_NEURONS_PER_LAYER, Network, SharedNetwork, encode_share
    sizes = [2, *[MAX_NEURONS_PER_LAYER] * MAX_HIDDEN_LAYERS, 1]
    net = Network.random(sizes, ["tanh"] * MAX_HIDDEN_LAYERS + ["sigmoid"], "binary_cross_entropy", seed=3)
    token = encode_share(SharedNetwork(net, (0.5, -0.5), (1.0,), 0.5, True))
    return f"net={token}&data=two_d:circle:5000:0.1:0:0"


async def until_verdict(learner, deadline):
    """Poll the queue (as the page's fragment does, every second) until a verdict is shown."""
    while learner.verdicts == 0 and time.monotonic() < deadline:
        if learner.queue_fragment is None:
            raise RuntimeError("no verdict and no queue place on the page")
        await asyncio.sleep(1.0)
        await learner.poll()


async def gradcheck_loop(index, url, query, interval, deadline, waits, places, errors):
    """A learner on the Gradient-check page of a big link: the training data, then another
    mistake every `interval` s; records each wait until the verdict."""
    learner = Learner(url, query)
    rng = random.Random(index)
    try:
        await learner.connect()
        await learner.open("gradcheck")
        await asyncio.sleep(rng.uniform(0, interval))
        for turn in itertools.count():
            if time.monotonic() >= deadline:
                break
            learner.verdicts, learner.queue_fragment = 0, None
            started = time.monotonic()
            if turn == 0:
                await learner.choose("gradcheck_data", 1)     # the training data
            else:
                await learner.choose("gradcheck_mistake", turn % CHECK_MISTAKES)
            await until_verdict(learner, deadline + 60)
            if learner.verdicts:
                waits.append(time.monotonic() - started)
            await asyncio.sleep(max(0.0, interval * rng.uniform(0.8, 1.2) - (time.monotonic() - started)))
        places.extend(learner.queue_texts)
    except Exception as error:  # a load test reports every failure instead of stopping
        errors.append(f"checker {index}: {type(error).__name__}: {error}"[:300])
    finally:
        errors.extend(f"checker {index}: {e}" for e in learner.errors)
        await learner.close()


async def gradient_checks(args, url, pid):
    """`args.gradchecks` big gradient checks under a mixed class of `args.sessions`."""
    waits, places, errors, latencies = [], [], [], {}
    query = big_check_link()
    await warm_up(url, ["step", "train", "gradcheck"])
    deadline = time.monotonic() + args.duration
    before, at = cpu_seconds(pid), time.monotonic()
    await asyncio.gather(
        *(gradcheck_loop(i, url, query, args.check_interval, deadline, waits, places, errors)
          for i in range(args.gradchecks)),
        *(learner_loop(i, url, args.pages, args.interval, deadline, latencies, errors) for i in range(args.sessions)))
    cores = (cpu_seconds(pid) - before) / (time.monotonic() - at)
    print(f"{args.gradchecks} learners checking gradients (2-[10x6]-1, 5,000 rows) every {args.check_interval:g} s, "
          f"{args.sessions} stepping and training every {args.interval:g} s, {args.duration:g} s ({load_average()})")
    print(f"wait until the verdict: {percentiles(waits)}")
    every = [v for values in latencies.values() for v in values]
    print(f"the mixed class's clicks: {percentiles(every)}")
    shown = collections.Counter(places)
    print(f"queue places shown ({len(places)} polls):")
    for text, times in sorted(shown.items(), key=lambda item: -item[1])[:6]:
        print(f"  {times:4d} × {text}")
    print(f"server CPU (with its workers): {cores:.2f} cores")
    print(f"errors: {len(errors)}")
    for error in errors[:10]:
        print("  ", error)


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


async def class_sets(args, url, pid):
    """`args.class_sets` teachers asking for different class sets at once."""
    delivered, places, errors, rss = [], [], [], []
    await warm_up(url, ["worksheets"])
    rss_before = server_rss_mb(pid)
    deadline = time.monotonic() + args.duration
    done = asyncio.Event()

    async def sample_memory():
        while not done.is_set():
            rss.append(server_rss_mb(pid))
            await asyncio.sleep(1)

    sampler = asyncio.create_task(sample_memory())
    await asyncio.gather(*(class_set_loop(i, url, 1000 + 30 * i, deadline, delivered, places, errors)
                           for i in range(args.class_sets)))
    done.set()
    await sampler
    await asyncio.sleep(args.settle)
    after = server_rss_mb(pid)
    print(f"{args.class_sets} class sets of 30 sheets requested at once ({load_average()})")
    print(f"delivered: {len(delivered)} of {args.class_sets}; time to delivery {percentiles(delivered)}")
    shown = collections.Counter(places)
    print(f"queue places shown ({len(places)} polls):")
    for text, times in sorted(shown.items(), key=lambda item: -item[1])[:8]:
        print(f"  {times:4d} × {text}")
    print(f"server RSS (with its workers): {rss_before:.0f} MB before, peak {max(rss, default=0):.0f} MB, "
          f"{after:.0f} MB {args.settle:g} s after they left (+{after - rss_before:.0f} MB)")
    print(f"errors: {len(errors)}")
    for error in errors[:10]:
        print("  ", error)


def start_server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=open("/tmp/lt-server.log", "w"), start_new_session=True)
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
    parser.add_argument("--play", type=int, default=0, help="learners playing Train (browser-paced)")
    parser.add_argument("--probes", type=int, default=0, help="with --play: learners pressing Next every 1 s")
    parser.add_argument("--draw-ms", type=float, default=30.0, help="with --play: a page's time to draw a chunk")
    parser.add_argument("--class-sets", type=int, default=0, help="teachers asking for a class set at once")
    parser.add_argument("--gradchecks", type=int, default=0,
                        help="learners checking a big network's gradients (with --sessions stepping)")
    parser.add_argument("--check-interval", type=float, default=10.0, help="with --gradchecks: s between checks")
    args = parser.parse_args()
    process = None
    if args.url:
        url, pid = args.url, args.pid
    else:
        process, url = start_server()
        pid = process.pid
    try:
        if args.play:
            asyncio.run(play_class(args, url, pid or 0))
        elif args.gradchecks:
            asyncio.run(gradient_checks(args, url, pid or 0))
        elif args.class_sets:
            asyncio.run(class_sets(args, url, pid or 0))
        else:
            report_rounds(args, asyncio.run(measure(args, url, pid or 0)))
    finally:
        if process is not None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
