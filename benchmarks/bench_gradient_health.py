"""Gradient health of a deep sigmoid and a deep ReLU network (issue 25's closing figures).

    python3 benchmarks/bench_gradient_health.py

The presets deep_sigmoid and deep_relu (2-6-6-6-6-6-6-1: six hidden layers of six, the
same weights, sigmoid output, binary cross-entropy) trained full batch at η = 0.1 for
200 epochs on the 200-point circle (train_comparison("deep_sigmoid_vs_relu")). Printed:
EpochRecord.gradient_rms per weight layer (input side first) at epochs 1, 50, 100 and
200, the ratio first layer / last layer, the training loss and accuracy; then the same
for five hidden layers (six weight layers), built with the presets' weight formula;
then the cost of recording gradient health (train with mini-batches, which pay for it).
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bpviz.engine import (  # noqa: E402
    COMPARISONS,
    Network,
    TrainingConfig,
    data_for,
    train,
    train_comparison,
)
from bpviz.engine.presets import deep_parameters  # noqa: E402

EPOCHS_SHOWN = (1, 50, 100, 200)


def show(name, history):
    print(f"\n{name}")
    for epoch in EPOCHS_SHOWN:
        record = history[epoch - 1]
        rms = "  ".join(f"{g:.2e}" for g in record.gradient_rms)
        ratio = record.gradient_rms[0] / record.gradient_rms[-1]
        print(f"  epoch {epoch:>3}: rms per layer [{rms}]  first/last {ratio:.1e}  "
              f"loss {record.train_loss:.4f}  accuracy {record.train_accuracy:.3f}")


def main():
    started = time.perf_counter()
    results = train_comparison("deep_sigmoid_vs_relu", epochs=200)
    seconds = time.perf_counter() - started
    print(f"train_comparison('deep_sigmoid_vs_relu', 200 epochs): {seconds:.2f} s for both")
    for name, result in results.items():
        show(f"{name} (6 hidden layers, 7 weight layers)", result.state.history)

    X, Y = data_for(COMPARISONS["deep_sigmoid_vs_relu"].data_key)
    sizes = [2] + [6] * 5 + [1]
    weights, biases = deep_parameters(sizes)
    for hidden in ("sigmoid", "relu"):
        net = Network(weights, biases, [hidden] * 5 + ["sigmoid"], "binary_cross_entropy")
        result = train(net, X, Y, TrainingConfig(learning_rate=0.1, batch_size=len(X), epochs=200))
        show(f"deep {hidden}, 5 hidden layers (6 weight layers)", result.state.history)

    net = results["deep_relu"].state.network
    for batch in (len(X), 10):
        config = TrainingConfig(learning_rate=0.1, batch_size=batch, epochs=200)
        best = min(_timed(lambda config=config: train(net, X, Y, config)) for _ in range(3))
        print(f"\ntrain 200 epochs, batch {batch}: {1000 * best:.0f} ms (gradient health recorded every epoch)")


def _timed(call):
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
