"""Hostile input: every public function answers bad input with a NetworkError that
names the offending field, and never with another exception type.

Sources: a malformed network dict (from an uploaded file or a URL), JSON text and
bytes, Python callers passing wrong shapes, numbers or types.
"""
import copy
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpviz.engine.errors import NetworkError
from bpviz.engine.gradient_check import numerical_gradient
from bpviz.engine.network import Network, ParameterGradients
from bpviz.engine.presets import preset
from bpviz.engine.propagation import backward, forward, loss_value
from bpviz.engine.serialization import network_from_json
from bpviz.engine.steps import step_sequence
from bpviz.engine.update import sgd_step
from tests.examples import examples

NET = preset("worked_example").network          # 2-2-2
X, Y = [0.05, 0.10], [0.01, 0.99]
GOOD = NET.to_dict()


def _raises_naming(field, call):
    with pytest.raises(NetworkError) as info:
        call()
    assert field in str(info.value), f"message {str(info.value)!r} does not name {field!r}"


def _with(path, value):
    """A deep copy of GOOD with the item at `path` (a tuple of keys/indices) replaced,
    or removed when value is the `_with.DELETE` marker."""
    data = copy.deepcopy(GOOD)
    holder = data
    for key in path[:-1]:
        holder = holder[key]
    if value is _with.DELETE:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return data


_with.DELETE = object()

MALFORMED_DICTS = [
    # (path, value, field the message must name)
    (("activations",), _with.DELETE, "activations"),
    (("loss",), _with.DELETE, "loss"),
    (("weights",), _with.DELETE, "weights"),
    (("biases",), _with.DELETE, "biases"),
    (("weights",), "abc", "weights"),
    (("weights",), None, "weights"),
    (("weights",), [], "weights"),
    (("weights", 1), None, "weights[1]"),
    (("weights", 0, 0, 1), "0.2", "weights[0]"),
    (("weights", 0, 0, 1), True, "weights[0]"),
    (("weights", 0, 0, 1), None, "weights[0]"),
    (("weights", 0, 0, 1), [0.2], "weights[0]"),             # one level too deep
    (("weights", 0), [[[0.15, 0.2]], [[0.25, 0.3]]], "weights[0]"),
    (("weights", 0), [0.15, 0.2], "weights[0]"),             # one level too shallow
    (("weights", 0), [[0.15, 0.2], [0.25]], "weights[0]"),   # ragged
    (("weights", 1), [[0.4, 0.45, 0.1], [0.5, 0.55, 0.1]], "weights[1]"),  # wrong column count
    (("weights", 0, 1, 0), float("nan"), "weights[0]"),
    (("weights", 0, 1, 0), float("inf"), "weights[0]"),
    (("weights", 0, 1, 0), -float("inf"), "weights[0]"),
    (("weights", 0, 1, 0), 1e308, "weights[0]"),
    (("weights", 0, 1, 0), 10**400, "weights[0]"),
    (("weights", 0, 1, 0), 1e6 * (1 + 1e-12), "weights[0]"),
    (("weights", 0), [[0.1] * 2] * 1000, "weights[0]"),     # 1,000 hidden neurons
    (("weights",), [[[0.1] * 2] * 2] * 100, "weights"),      # 100 layers
    (("biases",), "0.35", "biases"),
    (("biases",), [[0.35, 0.35]], "biases"),                 # one vector missing
    (("biases", 0), [[0.35], [0.35]], "biases[0]"),          # nested too deep
    (("biases", 0), [0.35], "biases[0]"),                    # wrong length
    (("biases", 1, 0), "0.6", "biases[1]"),
    (("biases", 1, 0), False, "biases[1]"),
    (("biases", 1, 0), None, "biases[1]"),
    (("biases", 1, 0), float("nan"), "biases[1]"),
    (("activations",), None, "activations"),
    (("activations",), ["sigmoid"], "activations"),
    (("activations",), {"0": "sigmoid"}, "activations"),
    (("activations", 1), 5, "activations[1]"),
    (("activations", 1), None, "activations[1]"),
    (("activations", 0), "swish", "activations[0]"),
    (("activations", 0), "softmax", "activations[0]"),       # softmax in a hidden layer
    (("activations", 0), ["sigmoid"], "activations[0]"),
    (("loss",), "hinge", "loss"),
    (("loss",), None, "loss"),
    (("loss",), 0, "loss"),
    (("loss",), ["squared_error"], "loss"),
    (("format",), "something.else", "format"),
    (("version",), 2, "version"),
    (("version",), "1", "version"),
    (("sizes",), [2, 3, 2], "sizes"),
    (("sizes",), "2-2-2", "sizes"),
]


@pytest.mark.parametrize("path, value, field", MALFORMED_DICTS)
def test_malformed_network_dict_names_the_field(path, value, field):
    data = _with(path, value)
    _raises_naming(field, lambda: Network.from_dict(data))
    _raises_naming(field, lambda: network_from_json(json.dumps(data)))


@pytest.mark.parametrize("data", [None, 5, "network", [GOOD], b"{}", 1.5])
def test_a_network_must_be_a_dict(data):
    _raises_naming("network", lambda: Network.from_dict(data))


@pytest.mark.parametrize("path, value, field", [
    (("version",), True, "version"),   # True == 1 in Python, but it is not a version number
    (("sizes",), [2, True + 1, 2.0], None),
])
def test_booleans_and_floats_are_not_integers_in_version_and_sizes(path, value, field):
    """The engine's own rule (check_int): booleans are not numbers. `sizes` is optional,
    but when given it must be a list of whole numbers, not a list that merely == one."""
    data = _with(path, value)
    _raises_naming(field or path[0], lambda: Network.from_dict(data))


def test_extra_keys_are_ignored():
    """Documented behaviour: unknown top-level keys (e.g. a future field) are ignored."""
    assert Network.from_dict({**GOOD, "comment": "hello", "x": [1, 2]}) == NET


@pytest.mark.parametrize("sizes, field", [
    ([2, 1000, 2], "sizes[1]"), ([2] * 100, "sizes"), ([11, 2], "sizes[0]"), ([2, 11], "sizes[1]"),
    ([2, 0, 2], "sizes[1]"), ([2], "sizes"), ("2-2", "sizes"), ([2, "3", 2], "sizes[1]"),
    ([2, 2.5, 2], "sizes[1]"), ([2, True, 2], "sizes[1]"), ([2, None, 2], "sizes[1]"),
])
def test_absurd_sizes_are_rejected(sizes, field):
    _raises_naming(field, lambda: Network.random(sizes, "sigmoid", "squared_error"))


def test_constructor_rejects_zero_dimensional_rows():
    """A "matrix" whose rows are 0-d arrays is not a matrix (len() of a 0-d array fails)."""
    _raises_naming("weights[0]", lambda: Network([[np.array(1.0)]], [[0.0]], ["sigmoid"], "squared_error"))


# --- JSON text and bytes ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,                    # 100k deep: the parser's recursion limit
    '{"weights": ' + "[" * 50_000 + "]" * 50_000 + "}",
    " " * 200_001,                                    # over the size limit
    json.dumps({**GOOD, "padding": "x" * 300_000}),   # huge but otherwise valid
    b"\xff\xfe\x00garbage",
    b"{" * 250_000,
    "", "null", "[]", "42", '"network"', "{", "{'weights': 1}", "NaN",
    '{"weights": ' + "9" * 5000 + "}",                # beyond the int-string limit
    json.dumps(GOOD).replace("0.15", "NaN"), json.dumps(GOOD).replace("0.15", "Infinity"),
    json.dumps(GOOD).replace("0.15", "1e400"),
    None, 42, ["{}"],
])
def test_hostile_json_raises_network_error(text):
    with pytest.raises(NetworkError):
        network_from_json(text)


# --- wrong inputs to the passes ------------------------------------------------------------

@pytest.mark.parametrize("bad_x", [[1.0, 2.0, 3.0], [[1.0]], [[[0.05, 0.1]]], [], [[0.05, 0.1], [0.2]],
                                   [float("nan"), 0.1], [float("inf"), 0.1], [1e308, 0.1],
                                   None, "0.05, 0.1", {"x": 1}, np.zeros((0, 2)), np.zeros((5001, 2))])
def test_wrong_inputs_name_x(bad_x):
    _raises_naming("X", lambda: forward(NET, bad_x))
    _raises_naming("X", lambda: loss_value(NET, bad_x, Y))
    _raises_naming("X", lambda: step_sequence(NET, bad_x, Y, 0.5))
    _raises_naming("X", lambda: numerical_gradient(NET, bad_x, Y))


@pytest.mark.parametrize("bad_x", [["0.05", "0.1"], [True, False]])
def test_strings_and_booleans_are_not_inputs(bad_x):
    """Like `check_array` for parameters, inputs reject strings and booleans that
    NumPy would silently convert."""
    _raises_naming("X", lambda: forward(NET, bad_x))


@pytest.mark.parametrize("bad_y", [[0.01], [0.01, 0.99, 0.5], [[0.01, 0.99], [0.5, 0.5]],
                                   [float("nan"), 0.99], [1e308, 0.99], None, "y"])
def test_wrong_targets_name_y(bad_y):
    trace = forward(NET, X)
    _raises_naming("Y", lambda: backward(NET, trace, bad_y))
    _raises_naming("Y", lambda: loss_value(NET, X, bad_y))
    _raises_naming("Y", lambda: step_sequence(NET, X, bad_y, 0.5))
    _raises_naming("Y", lambda: numerical_gradient(NET, X, bad_y))


@pytest.mark.parametrize("other_sizes", [[2, 3, 2], [2, 2, 3], [2, 2, 2, 2], [2, 2]])
def test_backward_rejects_a_trace_of_another_architecture(other_sizes):
    trace = forward(Network.random(other_sizes, "sigmoid", "squared_error", seed=1), X)
    _raises_naming("trace", lambda: backward(NET, trace, Y))


@pytest.mark.parametrize("not_a_net", [None, GOOD, "net", 3])
def test_functions_need_a_network(not_a_net):
    for call in (lambda: forward(not_a_net, X), lambda: loss_value(not_a_net, X, Y),
                 lambda: step_sequence(not_a_net, X, Y, 0.5), lambda: numerical_gradient(not_a_net, X, Y),
                 lambda: sgd_step(not_a_net, backward(NET, forward(NET, X), Y), 0.5)):
        _raises_naming("net", call)


@pytest.mark.parametrize("rate", [0, 0.0, -0.5, float("nan"), float("inf"), 1e9, 100.000001,
                                  "0.5", True, False, None, [0.5], 1j])
def test_bad_learning_rates_name_learning_rate(rate):
    grads = backward(NET, forward(NET, X), Y)
    _raises_naming("learning_rate", lambda: sgd_step(NET, grads, rate))
    _raises_naming("learning_rate", lambda: step_sequence(NET, X, Y, rate))


@pytest.mark.parametrize("rate", [1e-300, 0.5, 100, 100.0, np.float64(0.5), 3])
def test_legal_learning_rates_are_accepted(rate):
    grads = backward(NET, forward(NET, X), Y)
    assert sgd_step(NET, grads, rate).weights[0][0, 0] == 0.15 - float(rate) * grads.weights[0][0, 0]


@pytest.mark.parametrize("epsilon", [0, -1e-6, 2.0, float("nan"), "1e-6", True, None])
def test_bad_epsilon_is_named(epsilon):
    _raises_naming("epsilon", lambda: numerical_gradient(NET, X, Y, epsilon=epsilon))


@pytest.mark.parametrize("granularity", ["neuron", "", None, ["layer"], 1])
def test_bad_granularity_is_named(granularity):
    _raises_naming("granularity", lambda: step_sequence(NET, X, Y, 0.5, granularity=granularity))


@pytest.mark.parametrize("flag", ["no", "false", None, 0.5])
def test_update_biases_must_be_a_boolean(flag):
    """update_biases="no" must not silently mean True."""
    grads = backward(NET, forward(NET, X), Y)
    _raises_naming("update_biases", lambda: sgd_step(NET, grads, 0.5, update_biases=flag))
    _raises_naming("update_biases", lambda: step_sequence(NET, X, Y, 0.5, update_biases=flag))


def _grads_like(fill):
    return ParameterGradients(tuple(np.full(w.shape, fill) for w in NET.weights),
                              tuple(np.zeros(b.shape) for b in NET.biases))


@pytest.mark.parametrize("grads, field", [
    (None, "grads.weights"),
    (ParameterGradients((np.zeros((2, 2)),), tuple(np.zeros(2) for _ in range(2))), "grads.weights"),
    (ParameterGradients(tuple(np.zeros((2, 3)) for _ in range(2)), tuple(np.zeros(2) for _ in range(2))),
     "grads.weights[0]"),
    (ParameterGradients(tuple(w.tolist() for w in NET.weights), tuple(np.zeros(2) for _ in range(2))),
     "grads.weights[0]"),
    (_grads_like(float("nan")), "weights[0]"),
    (_grads_like(1e300), "weights[0]"),
    (_grads_like("a"), "grads.weights[0]"),        # text gradients
    (_grads_like(1j), "grads.weights[0]"),         # complex gradients would make complex weights
    (_grads_like(None), "grads.weights[0]"),       # object arrays
])
def test_bad_gradients_are_named(grads, field):
    _raises_naming(field, lambda: sgd_step(NET, grads, 0.5))


@pytest.mark.parametrize("name", ["nope", None, 3, [], {}])
def test_unknown_preset_names_are_rejected(name):
    _raises_naming("preset", lambda: preset(name))


# --- arbitrary garbage -----------------------------------------------------------------------

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=30)


@st.composite
def damaged_networks(draw):
    """GOOD with one item at a random depth replaced by garbage (or removed)."""
    data = copy.deepcopy(GOOD)
    holder, key = data, draw(st.sampled_from(sorted(data)))
    while isinstance(holder[key], (list, dict)) and holder[key] and draw(st.booleans()):
        holder = holder[key]
        key = draw(st.sampled_from(sorted(holder) if isinstance(holder, dict) else range(len(holder))))
    if draw(st.integers(0, 9)) == 0 and isinstance(holder, dict):
        del holder[key]
    else:
        holder[key] = draw(json_like)
    return data


def _network_or_network_error(call):
    try:
        result = call()
    except NetworkError:
        return
    assert isinstance(result, Network)


@settings(max_examples=examples(60), deadline=None)
@given(st.one_of(json_like, st.dictionaries(st.sampled_from(sorted(GOOD)), json_like), damaged_networks()))
def test_garbage_dicts_give_a_network_or_network_error(data):
    _network_or_network_error(lambda: Network.from_dict(data))


@settings(max_examples=examples(60), deadline=None)
@given(st.one_of(st.text(), st.binary(),
                 st.text(alphabet='[]{}",:0123456789.eE-+ntrufalsNIiy ', max_size=200),
                 damaged_networks().map(json.dumps)))
def test_garbage_json_gives_a_network_or_network_error(text):
    _network_or_network_error(lambda: network_from_json(text))
