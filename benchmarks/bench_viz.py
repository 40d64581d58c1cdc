"""Speed and size of the figures, printed against the targets (issue 3).

    python3 benchmarks/bench_viz.py

Largest legal network: 10 inputs, 6 hidden layers of 10, 10 outputs (770 parameters).
Targets: diagram ≤ 20 ms and ≤ 150 KB of figure JSON.
"Build" is the builder returning a plotly Figure; "to page" adds what st.plotly_chart
does with it (plotly's figure check and JSON encoding). The Step page's diagram is the
whole pass's drawable data (bpviz.viz.step_pass), built and sent once per pass, not per
step: printed with its JSON size (what the browser receives once).
"""
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import plotly.io  # noqa: E402
import plotly.tools  # noqa: E402

from bpviz.engine import Network, TrainingConfig, preset, step_sequence, train, two_d  # noqa: E402
from bpviz.viz import decision_boundary_figure, loss_figure, matrix_figure, network_figure, step_pass  # noqa: E402


def median_ms(build, repeats=15):
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        build()
        times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times)


def to_page(figure):
    checked = plotly.tools.return_figure_from_figure_or_data(figure, validate_figure=True)
    return plotly.io.to_json(checked, validate=False)


def sent_kb(figure):
    """UTF-8 bytes of the figure's JSON without plotly's default template, which
    st.plotly_chart drops before sending (Streamlit's own theme replaces it)."""
    spec = json.loads(figure.to_json())
    spec["layout"].pop("template", None)
    return len(plotly.io.to_json(spec, validate=False).encode()) / 1000


def report(name, build, target_ms=None, target_kb=None, repeats=15):
    figure = build()
    size_kb = len(figure.to_json().encode()) / 1000       # UTF-8 bytes, as sent
    build_ms = median_ms(build, repeats)
    page_ms = median_ms(lambda: to_page(build()), max(3, repeats // 3))
    targets = []
    if target_ms:
        targets.append(f"≤ {target_ms} ms")
    if target_kb:
        targets.append(f"≤ {target_kb} KB")
    print(f"{name:44} build {build_ms:7.1f} ms · to page {page_ms:7.1f} ms · {size_kb:7.1f} KB JSON, "
          f"{sent_kb(figure):7.1f} KB sent   (target {', '.join(targets) or '–'})")


def main():
    largest = Network.random([10] + [10] * 6 + [10], "tanh", "squared_error", seed=0)
    steps = step_sequence(largest, [0.3] * 10, [0.1] * 10, 0.1)
    report("diagram, largest network, backward step", lambda: network_figure(steps[-2], "delta", "grad"), 20, 150)
    report("diagram, largest network, start step", lambda: network_figure(steps[0]), 20, 150)
    worked = preset("worked_example")
    worked_steps = step_sequence(worked.network, worked.x, worked.y, 0.5, "layer", False)
    for name, build in (("Step diagram pass, largest network (17 steps)", lambda: step_pass(steps)),
                        ("Step diagram pass, worked example (7 steps)",
                         lambda: step_pass(worked_steps, tutorial_names=True))):
        size_kb = len(json.dumps(build()).encode()) / 1000       # as Streamlit's json.dumps sends it
        print(f"{name:44} build {median_ms(build, 5):7.1f} ms · {size_kb:7.1f} KB JSON, once per pass")
    report("matrix view, largest network, layer 3", lambda: matrix_figure(steps[-1], 3))
    data = two_d("circle", 200, 0.1, seed=0)
    net = Network.random([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], "binary_cross_entropy", seed=0)
    history = train(net, data.X, data.Y, TrainingConfig(learning_rate=0.3, batch_size=200, epochs=500)).state.history
    report("loss curve, 500 epochs", lambda: loss_figure(history))
    report("decision boundary 60×60, 2-8-8-1, 200 points", lambda: decision_boundary_figure(net, data.X, data.Y))


if __name__ == "__main__":
    main()
