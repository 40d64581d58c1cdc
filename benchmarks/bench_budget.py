"""The work budget (issue 11 item 2): the worst legal call of every engine entry point,
and of every Train / Landscape / Gradient-check action, in CPU seconds and peak-memory
growth. Prints figures; not a test.

    python3 benchmarks/bench_budget.py            # engine calls, then UI actions (AppTest)
    python3 benchmarks/bench_budget.py --old      # the calls the engine accepted at 590c57f
    python3 benchmarks/bench_budget.py --ui-only --root DIR   # UI actions of the app in DIR
                                                  # (e.g. `git archive 590c57f | tar -x -C DIR`)

CPU is `time.process_time()` of this process (both cores count), the smallest of
REPEATS runs: the machine is shared, and other processes only ever add to it.
Memory is the peak that `tracemalloc` sees above the level before the call (NumPy
reports its array buffers to tracemalloc), in a separate run so tracing does not
slow the timed one. Every call uses the largest legal network, 10-[10×6]-10
(770 parameters), on 5,000 rows of data, or 3,750 + 1,250 test rows for training.

UI actions run the app with streamlit's AppTest in this process (so its CPU time and
traced memory are the server's share of one click), on the same network and data.
Epochs per second during Play = epochs per redraw / (redraw interval + redraw CPU).

Targets: ≤ 1.0 s CPU per call or click, ≤ 0.25 s per Play redraw, ≤ 50 MB growth.

Measured on the shared 2-core machine (load average 10-18 while 7 developers worked):
at 590c57f, train 5.11 s, loss_along 1.46 s / 293 MB, loss_grid 20.58 s / 225 MB,
descent_path 2.15 s, numerical_gradient 3.19 s, gradient_check 3.18 s; now the worst
legal calls take 0.16-0.45 s and at most 16 MB (the numbers printed by this script).
"""
import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve() if "--root" in sys.argv[:-1] else ROOT
sys.path.insert(0, str(APP_ROOT))   # the app (and its bpviz) whose figures are printed

import numpy as np  # noqa: E402

from bpviz.engine import (  # noqa: E402
    Network,
    NetworkError,
    ParameterRef,
    TrainingConfig,
    descent_path,
    gradient_check,
    loss_along,
    loss_grid,
    numerical_gradient,
    step_sequence,
    train,
)
from bpviz.engine.landscape import MAX_GRID, MAX_PATH_STEPS, MAX_POINTS  # noqa: E402

REPEATS = 3
LARGEST = [10] + [10] * 6 + [10]
ROWS = 5000
FIRST, SECOND = ParameterRef("weight", 1, 0, 0), ParameterRef("weight", 1, 0, 1)


def largest_network():
    return Network.random(LARGEST, ["tanh"] * 6 + ["sigmoid"], "squared_error", seed=0)


def largest_data(rows=ROWS):
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (rows, LARGEST[0]))
    Y = np.eye(LARGEST[-1])[rng.integers(0, LARGEST[-1], rows)]
    return X, Y


def cpu_seconds(function, repeats=REPEATS):
    """Smallest CPU time of `repeats` runs of `function()`."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def peak_growth_mb(function):
    """Peak traced memory above the level before `function()`, in MB."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    function()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (peak - before) / 1e6


def report(name, function):
    try:
        function()
    except NetworkError as error:
        print(f"  {name:<58} refused: {error}")
        return
    seconds, grown = cpu_seconds(function), peak_growth_mb(function)
    verdict = "ok" if seconds <= 1.0 and grown <= 50 else "OVER"
    print(f"  {name:<58} {seconds:6.2f} s CPU  {grown:7.1f} MB  {verdict}")


def old_worst_calls(net, X, Y):
    """The largest calls the engine accepted at 590c57f (its limits then)."""
    values = np.linspace(-3, 3, 400)
    grid = np.linspace(-3, 3, 100)
    return [
        ("train: 400 epochs, batch 40 (50,000 updates)",
         lambda: train(net, X, Y, TrainingConfig(learning_rate=0.1, batch_size=40, epochs=400))),
        ("loss_along: 400 values", lambda: loss_along(net, X, Y, FIRST, values)),
        ("loss_grid: 100 × 100", lambda: loss_grid(net, X, Y, FIRST, SECOND, grid, grid)),
        ("descent_path: 500 steps", lambda: descent_path(net, X, Y, [FIRST, SECOND], 0.1, 500)),
        ("numerical_gradient", lambda: numerical_gradient(net, X, Y)),
        ("gradient_check", lambda: gradient_check(net, X, Y)),
        ("step_sequence", lambda: step_sequence(net, X, Y, 0.5)),
    ]


def worst_legal_calls(net, X, Y):
    """The largest calls the budget allows now, each asked of the engine's own bounds."""
    from bpviz.engine import budget
    sizes, rows = net.sizes, len(X)
    train_rows, test_rows = 3750, 1250
    epochs_full = budget.max_epochs(sizes, train_rows, test_rows, batch_size=train_rows)
    epochs_online = budget.max_epochs(sizes, train_rows, test_rows, batch_size=1)
    points = min(MAX_POINTS, budget.max_points(sizes, rows))
    side = min(MAX_GRID, budget.max_grid_side(sizes, rows))
    steps = min(MAX_PATH_STEPS, budget.max_path_steps(sizes, rows))
    check_rows = budget.max_check_rows(sizes)
    Xt, Yt, Xs, Ys = X[:train_rows], Y[:train_rows], X[train_rows:], Y[train_rows:]
    calls = []
    if epochs_full:
        calls.append((f"train: {epochs_full} full-batch epochs, 3750 + 1250 test",
                      lambda: train(net, Xt, Yt, TrainingConfig(learning_rate=0.1, batch_size=train_rows,
                                                                epochs=epochs_full), Xs, Ys)))
    if epochs_online:
        calls.append((f"train: {epochs_online} online epochs (batch 1), 3750 + 1250",
                      lambda: train(net, Xt, Yt, TrainingConfig(learning_rate=0.01, batch_size=1,
                                                                epochs=epochs_online), Xs, Ys)))
    calls += [
        (f"loss_along: {points} values", lambda: loss_along(net, X, Y, FIRST, np.linspace(-3, 3, points))),
        (f"loss_grid: {side} × {side}",
         lambda: loss_grid(net, X, Y, FIRST, SECOND, np.linspace(-3, 3, side), np.linspace(-3, 3, side))),
        (f"descent_path: {steps} steps", lambda: descent_path(net, X, Y, [FIRST, SECOND], 0.1, steps)),
        (f"numerical_gradient: {check_rows} rows", lambda: numerical_gradient(net, X[:check_rows], Y[:check_rows])),
        (f"gradient_check: {check_rows} rows", lambda: gradient_check(net, X[:check_rows], Y[:check_rows])),
        (f"step_sequence: {rows} rows", lambda: step_sequence(net, X, Y, 0.5)),
    ]
    return calls


def ui_actions(root):
    """(name, prepare(at) -> action(at)) for the app in `root`: each prepare opens the page
    on the largest network and 3,750 + 1,250 rows; the action is the timed click or rerun."""
    import logging

    from streamlit.testing.v1 import AppTest

    from bpviz.engine import train_test_split
    logging.getLogger("streamlit").setLevel(logging.CRITICAL)   # AppTest's "no ScriptRunContext" noise
    from bpviz.engine.datasets import Dataset
    from bpviz.ui.train.data import TrainData
    X, Y = largest_data()
    whole = Dataset(X, Y, "big", "classification", tuple(f"x{i}" for i in range(10)), tuple(f"y{i}" for i in range(10)))
    data = TrainData(*train_test_split(whole, 0.25, 0), "big")

    def page(name):
        at = AppTest.from_file(str(Path(root) / "app.py"), default_timeout=600)
        at.run()
        at.session_state["train_data"] = data
        at.session_state["network"] = largest_network()
        at.session_state["example_x"], at.session_state["example_y"] = tuple(X[0]), tuple(Y[0])
        at.session_state["preset"] = None
        at.switch_page(f"views/{name}.py").run()
        return at

    def train_click():
        at = page("train")
        at.checkbox(key="train_full_batch").uncheck().run()
        at.number_input(key="train_batch_size").set_value(40).run()
        box = at.number_input(key="train_epochs_n")
        at.number_input(key="train_epochs_n").set_value(min(400, box.max)).run()
        label = f"Train: N epochs, batch 40 ({at.number_input(key='train_epochs_n').value} epochs)"
        return label, lambda: at.button(key="train_epochs").click().run()

    def play_redraw():
        at = page("train")
        per_redraw = at.number_input(key="train_per_redraw").value if "train_per_redraw" in at.session_state \
            else 100
        at.session_state["train_playing"] = True

        def redraw():
            at.session_state["train_playing"] = True
            at.session_state["train_play_start"] = (time.monotonic(), 0)
            at.run()
        return f"Train: one Play redraw ({per_redraw} epochs, full batch)", redraw

    def on_training(name, settle):
        """The page on the training data: chosen (settle=True: and run once) before the action."""
        at = page(name)
        at.radio(key=f"{name}_data").set_value("training")
        if settle:
            at.run()
        return at

    def landscape():
        return "Landscape page on the training data (as it opens)", on_training("landscape", False).run

    def landscape_change():
        at, chosen = on_training("landscape", True), iter(range(1, 1000))
        return "Landscape: choose another parameter", \
            lambda: at.selectbox(key="landscape_ref").set_value(next(chosen)).run()

    def gradcheck():
        return "Gradient check on the training data", on_training("gradcheck", False).run

    def rerun_gradcheck():
        return "Gradient check: a rerun that changes nothing", on_training("gradcheck", True).run
    return [train_click, play_redraw, landscape, landscape_change, gradcheck, rerun_gradcheck]


def report_ui(prepare):
    label, action = prepare()
    start = time.process_time()
    action()
    seconds = time.process_time() - start
    grown = peak_growth_mb(prepare()[1])
    verdict = "ok" if seconds <= 1.0 and grown <= 50 else "OVER"
    print(f"  {label:<58} {seconds:6.2f} s CPU  {grown:7.1f} MB  {verdict}")
    return seconds


def play_rate():
    """Epochs per second of Play on the default task (fresh session, XOR) and on 2-8-8-1
    with 200 circle points, from the redraw CPU measured with AppTest."""
    from streamlit.testing.v1 import AppTest

    from bpviz.ui.train import controls as train_controls
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()
    at.switch_page("views/train.py").run()
    at.checkbox(key="train_all_correct").uncheck().run()
    per_redraw = at.number_input(key="train_per_redraw").value
    times = []
    for _ in range(5):
        at.session_state["train_playing"] = True
        at.session_state["train_play_start"] = (time.monotonic(), 0)
        start = time.process_time()
        at.run()
        times.append(time.process_time() - start)
    redraw = min(times)
    rate = per_redraw / (train_controls.PLAY_INTERVAL + redraw)
    print(f"  Play on the default XOR task: {per_redraw} epochs per redraw, {redraw:.3f} s CPU per redraw, "
          f"about {rate:.0f} epochs/s (redraw every {train_controls.PLAY_INTERVAL} s)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", action="store_true", help="only the calls the engine accepted at 590c57f")
    parser.add_argument("--ui-only", action="store_true", help="only the UI actions")
    parser.add_argument("--root", default=str(ROOT), help="the app whose UI actions to measure (read before "
                                                         "any import)")
    args = parser.parse_args()
    if args.ui_only:
        print(f"UI actions of the app in {args.root}, largest network, 3750 + 1250 rows:")
        for prepare in ui_actions(args.root):
            try:
                report_ui(prepare)
            except Exception as error:   # an older app may lack a widget
                print(f"  {prepare.__name__:<58} not measured: {type(error).__name__}: {error}")
        return
    net, (X, Y) = largest_network(), largest_data()
    print(f"Largest network {'-'.join(map(str, net.sizes))} ({net.parameter_count} parameters), {len(X)} rows")
    print("The largest calls the engine accepted at 590c57f:")
    for name, function in old_worst_calls(net, X, Y):
        report(name, function)
    if args.old:
        return
    print("The worst legal calls under the work budget:")
    for name, function in worst_legal_calls(net, X, Y):
        report(name, function)
    print("UI actions (AppTest), largest network, 3750 + 1250 rows:")
    for prepare in ui_actions(ROOT):
        report_ui(prepare)
    play_rate()


if __name__ == "__main__":
    main()
