"""The PyTorch and NumPy scripts of one pass: run in a separate Python (isolated mode, in
a directory without bpviz, so they cannot import it), every printed number must equal
the engine's to 1e-9, for every output activation × loss pair, with and without a
penalty, on a batch and on the worked example; and they compute rather than copy."""
import itertools
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bpviz.engine import (
    ACTIVATION_NAMES,
    HIDDEN_ACTIVATION_NAMES,
    LOSS_NAMES,
    NetworkError,
    numpy_script,
    preset,
    pytorch_script,
    step_sequence,
)
from tests.engine.test_gradients import gradient_case

LINE = re.compile(r"^(?P<label>[^=]+) = (?P<value>\S+)$")
# each script in a fresh namespace, its output after a marker line; bpviz must stay unimported
DRIVER = """
import contextlib, io, sys
for path in sys.argv[1:]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(open(path, encoding="utf-8").read(), path, "exec"), {"__name__": "__main__"})
    print("=== " + path)
    print(out.getvalue(), end="")
assert not any(name == "bpviz" or name.startswith("bpviz.") for name in sys.modules)
"""
PAIRS = [(HIDDEN_ACTIVATION_NAMES[i % len(HIDDEN_ACTIVATION_NAMES)], output, loss)
         for i, (output, loss) in enumerate(itertools.product(ACTIVATION_NAMES, LOSS_NAMES))]
TUTORIAL = {**{("weight", l, j, k): f"w{4 * (l - 1) + 2 * j + k + 1}" for l in (1, 2) for j in (0, 1) for k in (0, 1)},
            **{("neuron", l, j): f"{'iho'[l]}{j + 1}" for l in (0, 1, 2) for j in (0, 1)},
            **{("bias", l, j): f"b{l}" for l in (1, 2) for j in (0, 1)}}


def _cases():
    """(id, net, X, Y, η, λ₁, λ₂, update_biases, names) of every script pair the tests run."""
    cases = []
    for hidden, output, loss in PAIRS:
        net, X, Y = gradient_case(hidden, output, loss)
        cases.append((f"{hidden}-{output}-{loss}", net, X, Y, 0.3, 0.0, 0.0, True, None))
        cases.append((f"{hidden}-{output}-{loss}-penalty", net, X[:2], Y[:2], 0.3, 0.02, 0.1, True, None))
    p = preset("worked_example")
    cases.append(("worked", p.network, np.array([p.x]), np.array([p.y]), 0.5, 0.0, 0.0, False, TUTORIAL))
    cases.append(("worked-penalty", p.network, np.array([p.x]), np.array([p.y]), 0.5, 0.01, 0.2, False, TUTORIAL))
    deep = preset("deep_relu")
    cases.append(("deep", deep.network, np.array([deep.x, (0.1, 0.8)]), np.array([deep.y, (0.0,)]), 0.5,
                  0.0, 0.001, True, None))
    return cases


CASES = _cases()


def _expected(net, X, Y, learning_rate, l1, l2, update_biases):
    """The engine's numbers in the scripts' printing order."""
    update = step_sequence(net, X, Y, learning_rate, update_biases=update_biases, l1=l1, l2=l2)[-1]
    grads, new = update.gradients, update.updated
    numbers = [grads.loss]
    for w, b in zip(grads.weights, grads.biases):
        numbers += list(w.ravel()) + list(b.ravel())
    for w, b in zip(new.weights, new.biases):
        numbers += list(w.ravel()) + list(b.ravel())
    return np.array(numbers), grads


def _parse(text):
    labels, values = [], []
    for line in text.strip().splitlines():
        match = LINE.match(line)
        assert match, line
        labels.append(match["label"])
        values.append(float(match["value"]))
    return labels, np.array(values)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """{(case id, "torch" | "numpy"): (script text, printed text)}, all run in one separate Python."""
    folder = tmp_path_factory.mktemp("scripts")
    scripts = {}
    for case_id, net, X, Y, eta, l1, l2, update_biases, names in CASES:
        for kind, make in (("torch", pytorch_script), ("numpy", numpy_script)):
            scripts[(case_id, kind)] = make(net, X, Y, eta, l1, l2, update_biases=update_biases, names=names)
    paths = {}
    for i, (key, text) in enumerate(scripts.items()):
        path = folder / f"script_{i}.py"
        path.write_text(text, encoding="utf-8")
        paths[str(path)] = key
    done = subprocess.run([sys.executable, "-I", "-c", DRIVER, *paths], cwd=folder, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    printed = {}
    for chunk in done.stdout.split("=== ")[1:]:
        path, _, body = chunk.partition("\n")
        printed[paths[path]] = body
    assert len(printed) == len(scripts)
    return {key: (scripts[key], printed[key]) for key in scripts}


def test_every_output_activation_and_loss_is_covered():
    assert {(o, loss) for _, o, loss in PAIRS} == set(itertools.product(ACTIVATION_NAMES, LOSS_NAMES))


@pytest.mark.parametrize("kind", ["torch", "numpy"])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_every_printed_number_is_the_engines(outputs, case, kind):
    case_id, net, X, Y, eta, l1, l2, update_biases, names = case
    script, printed = outputs[(case_id, kind)]
    labels, values = _parse(printed)
    expected, _ = _expected(net, X, Y, eta, l1, l2, update_biases)
    assert len(values) == len(expected) == 1 + 2 * sum(w.size + b.size for w, b in zip(net.weights, net.biases))
    assert np.allclose(values, expected, rtol=1e-9, atol=1e-12), np.max(np.abs(values - expected))
    assert labels[0] == "loss E"
    # 12 significant digits printed for every number
    for line in printed.strip().splitlines():
        digits = re.sub(r"e.*$", "", line.split(" = ")[1]).lstrip("-").replace(".", "").lstrip("0")
        assert len(digits) >= 10 or float(line.split(" = ")[1]) == 0


@pytest.mark.parametrize("kind", ["torch", "numpy"])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_scripts_compute_rather_than_copy(outputs, case, kind):
    case_id, net, X, Y, eta, l1, l2, update_biases, names = case
    script, _ = outputs[(case_id, kind)]
    assert not re.search(r"^\s*(import|from)\s+bpviz", script, re.M)
    assert ("import torch" in script) == (kind == "torch")
    _, grads = _expected(net, X, Y, eta, l1, l2, update_biases)
    given = {repr(float(v)) for v in np.concatenate([X.ravel(), Y.ravel()] + [p.ravel() for p in
                                                                               net.weights + net.biases])}
    for g in np.concatenate([g.ravel() for g in grads.weights + grads.biases] + [[grads.loss]]):
        if g == 0 or repr(float(g)) in given:
            continue
        for written in (repr(float(g)), f"{g:.9g}", f"{g:.6g}"):
            assert written not in script


def test_the_worked_example_speaks_the_tutorials_names(outputs):
    for kind in ("torch", "numpy"):
        script, printed = outputs[("worked", kind)]
        assert "#   [w5, w6]" in script and "h1, h2" in script
        labels, values = _parse(printed)
        assert "dE/dw5" in labels and "new w5" in labels and "dE/db1[1]" in labels
        assert values[labels.index("new w5")] == pytest.approx(0.35891648, abs=1e-8)   # the published w5⁺
        assert values[labels.index("loss E")] == pytest.approx(0.298371109, abs=1e-9)
        assert values[labels.index("new b1[0]")] == 0.35   # the tutorial keeps its biases
    numpy_text = outputs[("worked", "numpy")][0]
    assert "δo1, δo2" in numpy_text and "δh1, δh2" in numpy_text
    assert "optimizer.step()" in outputs[("worked", "torch")][0]


@pytest.mark.parametrize("names", [{("weight", 1, 0, 0): 'w"1'}, {("weight", 1, 0, 0): "w\n1"},
                                   {("weight", 1, 0, 0): "x" * 25}, {("weight", 1, 0, 0): 5}, ["w1"]])
def test_hostile_names_are_refused(names):
    p = preset("worked_example")
    for make in (pytorch_script, numpy_script):
        with pytest.raises(NetworkError, match="names"):
            make(p.network, [p.x], [p.y], 0.5, names=names)


def test_bad_arguments_name_their_field():
    p = preset("worked_example")
    for make in (pytorch_script, numpy_script):
        with pytest.raises(NetworkError, match="learning_rate"):
            make(p.network, [p.x], [p.y], 0.0)
        with pytest.raises(NetworkError, match="l2"):
            make(p.network, [p.x], [p.y], 0.5, l2=2.0)
        with pytest.raises(NetworkError, match="X"):
            make(p.network, np.zeros((101, 2)), np.zeros((101, 2)), 0.5)


def test_scripts_are_valid_python_for_the_largest_network():
    from bpviz.engine import Network
    net = Network.random([10] + [10] * 6 + [10], ["relu"] * 6 + ["softmax"], "cross_entropy", seed=3)
    X, Y = np.random.default_rng(0).uniform(-1, 1, (8, 10)), np.eye(10)[:8]
    for make in (pytorch_script, numpy_script):
        text = make(net, X, Y, 0.1, 0.001, 0.001)
        compile(text, "script.py", "exec")
        assert len(text) < 200_000
    assert Path(__file__).exists()
