"""Play paced by the browser: the server's CPU for one chunk and the bytes it sends, at
the defaults and at the largest legal settings. Prints figures; not a test.

    python3 benchmarks/bench_play.py

Two figures per setting, each the smallest of REPEATS (the machine is shared, other
processes only ever add):
- chunk: what the Train fragment does after the chart's report, timed directly: one
  chunk of training (`budget.max_chunk_epochs` epochs, at most the page's default) and
  the message to the chart (`play_chart.payload`, JSON-encoded), CPU ms;
- page: one whole rerun of the Train page with AppTest (settings, sidebar, the network
  diagram: more than a chunk's fragment rerun does, so an upper bound), CPU ms.
The browser's report is simulated as play_chart.js sends it. Target: ≤ 50 ms of CPU
per chunk at the largest legal setting. The server's CPU for learners playing over the
real protocol is measured by `benchmarks/load_test.py --play`.
"""
import json
import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from bpviz.engine import Network, train_test_split  # noqa: E402
from bpviz.engine.datasets import Dataset  # noqa: E402
from bpviz.ui.train import play_chart  # noqa: E402
from bpviz.ui.train.controls import CHUNKS_PER_ASK  # noqa: E402

REPEATS = 5


def payload(at):
    """What the page sent Play's chart on its last run, and its size in bytes."""
    for component in at.get("bidi_component"):
        sent = json.loads(component.proto.json)
        if isinstance(sent, dict) and "run" in sent:
            return sent, len(component.proto.json.encode("utf-8"))
    raise LookupError("no Play chart on the page")


def report(at):
    """Set what the browser's chart reports once it has drawn everything it was sent."""
    sent, _ = payload(at)
    history = at.session_state["train_state"].history
    at.session_state[play_chart.KEY] = {"drawn": {"run": sent["run"], "epoch": history[-1].epoch if history else 0,
                                                  "fields": sent["fields"], "ask": time.monotonic_ns()}}


def playing(setup=None):
    """The Train page, playing, after its first chunks (so each timed chunk is a delta)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()
    if setup:
        setup(at)
    at.switch_page("views/train.py").run()
    at.checkbox(key="train_all_correct").uncheck().run()
    at.session_state["train_playing"] = True
    at.session_state["train_play_start"] = (time.monotonic(), 0)
    at.run()
    for _ in range(3):
        report(at)
        at.run()
    return at


def direct_chunk_cost(at):
    """(CPU seconds of one chunk's training and message, smallest of REPEATS; epochs)."""
    import dataclasses

    from bpviz.engine import TrainingConfig, budget, train
    from bpviz.ui.i18n import CATALOGUES
    from bpviz.ui.train.readouts import readouts
    data, training = at.session_state["train_data"], at.session_state["train_state"]
    rows, test_rows = data.train.rows, 0 if data.test is None else data.test.rows
    epochs = min(25, budget.max_chunk_epochs(training.network.sizes, rows, test_rows, rows))
    config = TrainingConfig(learning_rate=0.1, batch_size=rows, epochs=epochs)
    test = data.test
    times = []
    for _ in range(REPEATS):
        reported = {"run": play_chart.run_token(training, training.network.sizes), "epoch": training.history[-1].epoch,
                    "fields": list(play_chart.viz.loss_fields(training.history))}
        start = time.process_time()
        new = train(training, data.train.X, data.train.Y, dataclasses.replace(config),
                    None if test is None else test.X, None if test is None else test.Y).state
        json.dumps(play_chart.payload(new, new.network, data, reported, True, CATALOGUES["en"],
                                      readouts(new, new.network.sizes[0])))
        times.append(time.process_time() - start)
        training = new
    return min(times), epochs


def chunk_cost(at):
    """(CPU seconds of one chunk, smallest of REPEATS; bytes it sent; epochs per chunk)."""
    times = []
    for _ in range(REPEATS):
        report(at)
        before = at.session_state["train_state"].epoch
        start = time.process_time()
        at.run()
        times.append(time.process_time() - start)
        epochs = at.session_state["train_state"].epoch - before
    return min(times), payload(at)[1], epochs


def largest(inputs, rows=5000):
    """Setup: the largest legal network with `inputs` inputs on `rows` rows (¼ test)."""
    from bpviz.ui.train.data import TrainData
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (rows, inputs))
    Y = np.eye(10)[rng.integers(0, 10, rows)] if inputs == 10 else (X[:, :1] * X[:, 1:2] > 0).astype(float)
    whole = Dataset(X, Y, "big", "classification", tuple(f"x{i}" for i in range(inputs)),
                    tuple(f"y{i}" for i in range(Y.shape[1])))
    data = TrainData(*train_test_split(whole, 0.25, 0), "big")
    last = "softmax" if Y.shape[1] > 1 else "sigmoid"
    loss = "cross_entropy" if Y.shape[1] > 1 else "binary_cross_entropy"
    net = Network.random([inputs] + [10] * 6 + [Y.shape[1]], ["tanh"] * 6 + [last], loss, seed=0)

    def setup(at):
        at.session_state["train_data"] = data
        at.session_state["network"] = net
        at.session_state["preset"] = None
    return setup


def main():
    logging.getLogger("streamlit").setLevel(logging.CRITICAL)
    print(f"load average {os.getloadavg()[0]:.2f} (the machine is shared)")
    print(f"{'setting':58} {'epochs':>6} {'chunk ms':>8} {'page ms':>7} {'bytes':>7}")
    cases = [("defaults (XOR, 2-4-1, full batch)", None),
             ("largest: 10-[10x6]-10, 3,750 + 1,250 rows, full batch", largest(10)),
             ("largest with a boundary: 2-[10x6]-1, 3,750 + 1,250 rows", largest(2))]
    for name, setup in cases:
        at = playing(setup)
        chunk, epochs = direct_chunk_cost(at)
        seconds, size, _ = chunk_cost(at)
        print(f"{name:58} {epochs:6d} {1000 * chunk:8.1f} {1000 * seconds:7.1f} {size:7,d}")
    print(f"the browser shows a chunk at most every {play_chart.PLAY_INTERVAL_MS} ms: "
          f"≤ {1000 / play_chart.PLAY_INTERVAL_MS:.1f} chunks/s per learner (one ask trains up to "
          f"{CHUNKS_PER_ASK} chunks when together they fit one chunk's budget, each timed above)")


if __name__ == "__main__":
    main()
