"""The queue of heavy jobs against computing here: a trivial job's round trip through
the queue (a warm fork server), and the largest legal network's gradient check on the
rows its budget allows, inline and through the queue; then checks of 1, 10 and 40 rows
with their work in parameter-passes (where bpviz.ui.job_queue.INLINE_WORK sits).

    python3 benchmarks/bench_queue.py
"""
import operator
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from bpviz.engine import (  # noqa: E402
    MAX_HIDDEN_LAYERS,
    MAX_INPUTS,
    MAX_NEURONS_PER_LAYER,
    MAX_OUTPUTS,
    WORK_BUDGET,
    Network,
    budget,
    gradient_check,
)
from bpviz.jobs import JobQueue, check_gradients  # noqa: E402


def timed(function):
    started = time.perf_counter()
    function()
    return 1000 * (time.perf_counter() - started)


def main():
    sizes = [MAX_INPUTS, *[MAX_NEURONS_PER_LAYER] * MAX_HIDDEN_LAYERS, MAX_OUTPUTS]
    net = Network.random(sizes, ["tanh"] * MAX_HIDDEN_LAYERS + ["sigmoid"], "squared_error", seed=0)
    rows = budget.max_check_rows(net.sizes)
    rng = np.random.default_rng(0)
    X, Y = rng.random((rows, sizes[0])), rng.random((rows, sizes[-1]))
    queue = JobQueue(1)
    try:
        timed(lambda: queue.submit(operator.add, 1, 2).future.result())   # starts the fork server
        trips = [timed(lambda: queue.submit(operator.add, 1, 2).future.result()) for _ in range(10)]
        print(f"a trivial job through the queue: median {statistics.median(trips):.1f} ms, "
              f"max {max(trips):.1f} ms (10 trips)")
        inline = [timed(lambda: gradient_check(net, X, Y)) for _ in range(3)]
        queued = [timed(lambda: queue.submit(check_gradients, net, X, Y, "none", 0.5).future.result())
                  for _ in range(3)]
        print(f"largest network {'-'.join(map(str, sizes))}, {rows} rows ({budget.check_rows_work(sizes, rows):.3g} "
              f"parameter-passes): inline median {statistics.median(inline):.0f} ms, queued "
              f"{statistics.median(queued):.0f} ms")
    finally:
        queue.shutdown()
    for count in (1, 10, 40):
        work = budget.check_rows_work(sizes, count)
        print(f"{count:3d} rows: {work:.3g} parameter-passes ({work / WORK_BUDGET:.2f} of the budget), "
              f"{timed(lambda n=count: gradient_check(net, X[:n], Y[:n])):.0f} ms inline")
    print(f"load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
