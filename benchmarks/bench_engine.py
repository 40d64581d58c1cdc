"""Speed of the engine's training hot path. Prints medians; not a test.

Run: python3 benchmarks/bench_engine.py

Targets (2-core machine): one training step (forward + backward + update) of a
2-4-4-1 tanh network on a batch of 4 ≤ 50 µs; 2-8-8-1 on a batch of 200 ≤ 150 µs;
1000 full-batch epochs of 2-8-8-1 on 200 points ≤ 0.3 s.
"""
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from bpviz.engine import TrainingConfig, train  # noqa: E402
from bpviz.engine.datasets import two_d  # noqa: E402
from bpviz.engine.fastpath import FlatData, FlatModel, pack  # noqa: E402
from bpviz.engine.network import Network  # noqa: E402
from bpviz.engine.propagation import trusted_backward, trusted_forward  # noqa: E402


def median_seconds(function, repeats, number=1):
    """Median over `repeats` timings of `number` calls, per call."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            function()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


def network_and_data(sizes, rows):
    net = Network.random(sizes, "tanh", "squared_error", seed=0)
    data = two_d("circle", rows, 0.1, seed=0)
    return net, data.X, data.Y


def one_step(sizes, rows, update=True):
    """The training loop's own step: forward, backward and (unless `update` is False) the update."""
    net, X, Y = network_and_data(sizes, rows)
    theta = pack(net.weights, net.biases, net.sizes)
    model = FlatModel(net, theta)
    data = FlatData(X, Y, net.sizes)
    hidden = data.hidden(rows)

    def step():
        model.theta -= (0.01 / rows) * model.gradient_sum(data.y, model.forward(data.x, hidden))

    def forward_backward():
        model.gradient_sum(data.y, model.forward(data.x, hidden))
    return median_seconds(step if update else forward_backward, 2000, 20)


def engine_forward_backward(sizes, rows):
    """The engine's own unchecked forward + backward (for comparison; no update)."""
    net, X, Y = network_and_data(sizes, rows)
    return median_seconds(lambda: trusted_backward(net, trusted_forward(net, X), Y), 300, 20)


def train_epochs(sizes, rows, epochs, batch_size):
    net, X, Y = network_and_data(sizes, rows)
    config = TrainingConfig(learning_rate=0.01, batch_size=batch_size, epochs=epochs)
    return median_seconds(lambda: train(net, X, Y, config), 15)


def main():
    figures = [
        ("training step, 2-4-4-1 tanh, batch 4 (target ≤ 50 µs)", one_step([2, 4, 4, 1], 4), 1e6, "µs"),
        ("training step, 2-8-8-1 tanh, batch 200 (target ≤ 150 µs)", one_step([2, 8, 8, 1], 200), 1e6, "µs"),
        ("1000 full-batch epochs, 2-8-8-1, 200 points (target ≤ 300 ms)",
         train_epochs([2, 8, 8, 1], 200, 1000, 200), 1e3, "ms"),
        ("train() per epoch incl. evaluation, 2-4-4-1, 4 points, full batch",
         train_epochs([2, 4, 4, 1], 4, 1000, 4) / 1000, 1e6, "µs"),
        ("1 online epoch (200 steps), 2-8-8-1, 200 points, shuffled",
         median_seconds(lambda: train(*network_and_data([2, 8, 8, 1], 200),
                                      TrainingConfig(learning_rate=0.01, batch_size=1, epochs=1,
                                                     shuffle=True)), 50), 1e3, "ms"),
        ("training loop forward+backward only, 2-4-4-1, batch 4", one_step([2, 4, 4, 1], 4, False), 1e6, "µs"),
        ("training loop forward+backward only, 2-8-8-1, batch 200",
         one_step([2, 8, 8, 1], 200, False), 1e6, "µs"),
        ("engine forward+backward only, 2-4-4-1, batch 4", engine_forward_backward([2, 4, 4, 1], 4), 1e6, "µs"),
        ("engine forward+backward only, 2-8-8-1, batch 200",
         engine_forward_backward([2, 8, 8, 1], 200), 1e6, "µs"),
    ]
    print(f"numpy {np.__version__}; medians of repeated timings")
    for label, seconds, scale, unit in figures:
        print(f"{label:74s} {seconds * scale:9.1f} {unit} (median)")


if __name__ == "__main__":
    main()
