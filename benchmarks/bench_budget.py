"""The work budget (issue 11 item 2): the worst legal call of every engine entry point,
and of every Train / Landscape / Gradient-check action, in CPU seconds and peak-memory
growth. Prints figures; not a test.

    python3 benchmarks/bench_budget.py            # engine calls, then UI actions (AppTest)
    python3 benchmarks/bench_budget.py --old      # the calls the engine accepted at 590c57f

CPU is `time.process_time()` of this process (both cores count), the smallest of
REPEATS runs: the machine is shared, and other processes only ever add to it.
Memory is the peak that `tracemalloc` sees above the level before the call (NumPy
reports its array buffers to tracemalloc), in a separate run so tracing does not
slow the timed one. Every call uses the largest legal network, 10-[10×6]-10
(770 parameters), on 5,000 rows of data, or 3,750 + 1,250 test rows for training.

Targets: ≤ 1.0 s CPU per call or click, ≤ 0.25 s per Play redraw, ≤ 50 MB growth.
"""
import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from bpviz.engine import (Network, NetworkError, TrainingConfig, gradient_check, numerical_gradient,  # noqa: E402
                          step_sequence, train)
from bpviz.engine.landscape import (MAX_GRID, MAX_PATH_STEPS, MAX_POINTS, ParameterRef, descent_path,  # noqa: E402
                                   loss_along, loss_grid)

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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", action="store_true", help="only the calls the engine accepted at 590c57f")
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
