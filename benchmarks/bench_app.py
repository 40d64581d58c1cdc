"""Median rerun time of the Step page after the diagram reports a step (the browser steps by
itself; the server follows: the inspector, the quiz, the address), measured with AppTest.

Targets (issue 4): ≤ 100 ms on the worked example, ≤ 200 ms on the largest
legal network (10 inputs, 6 hidden layers of 10, 10 outputs). Prints figures;
run with `python3 benchmarks/bench_app.py`.
"""
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from bpviz.engine import Network  # noqa: E402
from tests.app.apptest import diagram, report  # noqa: E402

REPEATS = 15


def step_rerun_ms(network=None):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    if network is not None:
        at.session_state["network"] = network
        at.session_state["example_x"] = tuple([0.5] * network.sizes[0])
        at.session_state["example_y"] = tuple([0.5] * network.sizes[-1])
    at.switch_page("views/step.py").run()
    held = diagram(at)["pass_id"]
    times = []
    for _ in range(REPEATS):
        report(at, position=0, have=held)
        start = time.perf_counter()
        report(at, position=1, have=held)
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return statistics.median(times)


def main():
    largest = Network.random([10] + [10] * 6 + [10], ["tanh"] * 6 + ["sigmoid"], "squared_error", seed=0)
    for name, network, target in (("worked example 2-2-2", None, 100), ("largest legal 10-(10x6)-10", largest, 200)):
        median = step_rerun_ms(network)
        verdict = "meets" if median <= target else "MISSES"
        print(f"Step page rerun after the diagram reports a step, {name}: median {median:.1f} ms "
              f"(target <= {target} ms: {verdict})")


if __name__ == "__main__":
    main()
