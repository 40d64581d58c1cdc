"""One notation per network: names_for and the explanations written in it."""
import re

import numpy as np
import pytest

from bpviz.engine import (
    LAYER_NAMES,
    TUTORIAL_NAMES,
    Network,
    available_quantities,
    explain,
    names_for,
    parameter_refs,
    preset,
    step_sequence,
)

# What each notation writes and the other never does, in LaTeX
LAYER_MARKS = re.compile(r"\^\{\(\d\)\}|⁽")
TUTORIAL_MARKS = re.compile(r"(?<!\})_\{[iho][12][},]|\bw'?_\{\d\}")


def test_tutorial_names_only_for_2_2_2():
    assert names_for((2, 2, 2), True) is TUTORIAL_NAMES
    assert names_for((2, 2, 2), False) is LAYER_NAMES
    assert names_for((2, 3, 2), True) is LAYER_NAMES
    assert names_for((2, 2, 2, 2), True) is LAYER_NAMES


def test_tutorial_weight_names_follow_the_published_example():
    # the tutorial's own values: w1 = .15, w2 = .20, w3 = .25, w4 = .30, w5 = .40 … w8 = .55
    published = {"w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55}
    net = preset("worked_example").network
    named = {TUTORIAL_NAMES.parameter_text(ref): float(ref.value_in(net))
             for ref in parameter_refs(net) if ref.kind == "weight"}
    assert named == published


def test_every_parameter_has_its_own_name_in_both_notations():
    for names in (LAYER_NAMES, TUTORIAL_NAMES):
        refs = parameter_refs(preset("worked_example").network)
        texts = [names.parameter_text(ref) for ref in refs]
        latex = [names.parameter(ref) for ref in refs]
        assert len(set(texts)) == len(refs) and len(set(latex)) == len(refs)


def _all_explanations(names, update_biases=True, loss="squared_error", activation="sigmoid"):
    p = preset("worked_example")
    net = Network(p.network.weights, p.network.biases, ["sigmoid", activation], loss)
    y = (0.0, 1.0) if loss != "squared_error" else p.y
    steps = step_sequence(net, p.x, y, p.learning_rate, update_biases=update_biases)
    last = steps[-1]
    out = []
    for layer in range(3):
        for j in range(2):
            for quantity in available_quantities(last, layer, j):
                ks = range(2) if quantity in ("weight_grad", "new_weight") else [None]
                for k in ks:
                    e = explain(last, quantity, layer, j, k, names=names)
                    out.append((e.symbol, e.formula, e.substituted))
    return out


@pytest.mark.parametrize("loss, activation", [("squared_error", "sigmoid"), ("cross_entropy", "softmax"),
                                              ("binary_cross_entropy", "sigmoid"), ("squared_error", "softmax")])
def test_explanations_hold_names_of_their_own_notation_only(loss, activation):
    tutorial = " ".join(" ".join(e) for e in _all_explanations(TUTORIAL_NAMES, loss=loss, activation=activation))
    layer = " ".join(" ".join(e) for e in _all_explanations(LAYER_NAMES, loss=loss, activation=activation))
    assert not LAYER_MARKS.search(tutorial), LAYER_MARKS.search(tutorial)
    assert not TUTORIAL_MARKS.search(layer), TUTORIAL_MARKS.search(layer)
    assert "w_{5}" in tutorial and "a_{h1}" in tutorial
    assert r"\sum" not in tutorial        # sums are written out over the two neurons


def test_tutorial_z_reads_like_the_tutorial():
    p = preset("worked_example")
    steps = step_sequence(p.network, p.x, p.y, p.learning_rate)
    e = explain(steps[1], "z", 1, 0, names=TUTORIAL_NAMES)
    # net_h1 = w1·i1 + w2·i2 + b1: 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775 (the tutorial's number)
    assert e.formula == r"z_{h1} = w_{1}\, a_{i1} + w_{2}\, a_{i2} + b_{1\,(h1)}"
    assert np.isclose(e.value, 0.3775)
    same = explain(steps[1], "z", 1, 0)
    assert same.value == e.value and same.substituted == e.substituted
