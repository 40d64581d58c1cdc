"""Weight tables → network: edits apply, bad cells are named and change nothing."""
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpviz.engine import Network, NetworkError
from bpviz.ui.build.tables import layer_frame, network_from_frames


@pytest.fixture
def net():
    return Network([[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45]]], [[0.35, 0.35], [0.6]],
                   ["sigmoid", "sigmoid"], "squared_error")


def _frames(net):
    return [layer_frame(net, l).astype(object) for l in range(len(net.weights))]


def test_table_layout_follows_the_weight_convention(net):
    frame = layer_frame(net, 0)
    assert list(frame.index) == ["j=0", "j=1"] and list(frame.columns) == ["k=0", "k=1", "b"]
    assert frame.loc["j=1", "k=0"] == 0.25      # weights[0][1, 0]: from neuron 0 to neuron 1
    assert frame.loc["j=0", "b"] == 0.35


def test_an_edited_cell_changes_exactly_that_weight(net):
    frames = _frames(net)
    frames[1].iat[0, 1] = 2.5
    edited = network_from_frames(net, frames)
    assert edited.weights[1][0, 1] == 2.5
    np.testing.assert_array_equal(edited.weights[0], net.weights[0])


@pytest.mark.parametrize("bad, words", [("abc", "must be a number"), (None, "must be a number"),
                                        (math.nan, "must be a number"), (math.inf, "finite"),
                                        (1e308, "finite number in")])
def test_a_bad_cell_is_named_and_the_network_is_unchanged(net, bad, words):
    frames = _frames(net)
    frames[0].iat[1, 2] = bad          # the bias of neuron 1 of layer 1
    with pytest.raises(NetworkError) as caught:
        network_from_frames(net, frames)
    assert "biases[0][1]" in str(caught.value) and words in str(caught.value)
    assert net.biases[0][1] == 0.35


CELL_GARBAGE = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12), st.none(),
                         st.booleans(),
                         st.integers(min_value=-10**400, max_value=10**400).filter(lambda n: abs(n) > 10**300)
                         | st.integers(-10**9, 10**9),
                         st.sampled_from(["1e308", "-inf", "NaN", "0x10", "½", "1,5", " 2 "]))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 2), CELL_GARBAGE), min_size=1, max_size=6))
def test_garbage_in_the_weight_tables_gives_a_network_or_a_named_error(edits):
    original = Network([[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45]]], [[0.35, 0.35], [0.6]],
                       ["sigmoid", "sigmoid"], "squared_error")
    frames = _frames(original)
    for layer, row, value in edits:
        frame = frames[layer]
        frame.iat[min(row, frame.shape[0] - 1), min(row, frame.shape[1] - 1)] = value
    try:
        edited = network_from_frames(original, frames)
    except NetworkError as error:
        assert re.search(r"(weights|biases)\[\d\]", str(error)), str(error)   # names the cell
    else:
        assert all(np.isfinite(w).all() and (np.abs(w) <= 1e6).all() for w in edited.weights + edited.biases)
    assert original.weights[0][0, 0] == 0.15      # the learner's network is never touched
