"""Train page speed (issue 5): server time of one live redraw that trains 10 epochs
of 2-8-8-1 on 200 circle points and redraws curves, boundary and diagram (AppTest:
the "N epochs" click runs exactly that work), and the 60×60 two-weight contour.

    python3 benchmarks/bench_train.py

Targets (2-core machine): a redraw ≤ 150 ms server time (≥ 5 redraws/s with ≥ 10
epochs each); the contour ≤ 300 ms.
"""
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from bpviz.engine import Network, ParameterRef, loss_grid, train_test_split, two_d  # noqa: E402
from bpviz.ui.train.data import TrainData  # noqa: E402
from bpviz.viz import contour_figure  # noqa: E402


def redraw_ms(repeats=10):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    circle = two_d("circle", 200, 0.1, seed=0)
    train, test = train_test_split(circle, 0.0, 0)
    at.session_state["train_data"] = TrainData(train, test, "circle")
    at.session_state["network"] = Network.random([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], "binary_cross_entropy",
                                                 seed=0)
    at.switch_page("views/train.py").run()
    at.number_input(key="train_epochs_n").set_value(10).run()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        at.button(key="train_epochs").click().run()
        times.append(1000 * (time.perf_counter() - started))
        assert not at.exception, at.exception
    return statistics.median(times)


def contour_ms(repeats=5):
    circle = two_d("circle", 200, 0.1, seed=0)
    net = Network.random([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], "binary_cross_entropy", seed=0)
    first, second = ParameterRef("weight", 1, 0, 0), ParameterRef("weight", 1, 0, 1)
    xs = ys = np.linspace(-3, 3, 60)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        grid = loss_grid(net, circle.X, circle.Y, first, second, xs, ys)
        contour_figure(xs, ys, grid, np.zeros((2, 2)), ("w1", "w2"))
        times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times)


if __name__ == "__main__":
    redraw = redraw_ms()
    print(f"Train redraw (10 epochs 2-8-8-1 on 200 points + curves, boundary, diagram): median {redraw:.0f} ms "
          f"(target ≤ 150 ms) → {1000 / redraw:.1f} redraws/s")
    print(f"60×60 contour of two first-layer weights, 200 points, 2-8-8-1: median {contour_ms():.0f} ms "
          f"(target ≤ 300 ms)")
