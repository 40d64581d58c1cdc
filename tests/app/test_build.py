"""The Build page: presets, architecture, neuron edits, example, upload and download."""
import json

import numpy as np

from bpviz.engine import Network, network_to_json
from tests.app.apptest import rerun


def _network(at):
    return at.session_state["network"]


def test_default_network_is_the_published_worked_example(build_page):
    net = _network(build_page)
    np.testing.assert_array_equal(net.weights[0], [[0.15, 0.20], [0.25, 0.30]])
    np.testing.assert_array_equal(net.weights[1], [[0.40, 0.45], [0.50, 0.55]])
    np.testing.assert_array_equal(net.biases[0], [0.35, 0.35])
    assert build_page.session_state["example_x"] == (0.05, 0.10)


def test_loading_the_xor_preset_replaces_the_network(build_page):
    build_page.selectbox(key="build_preset_choice").set_value("xor")
    build_page.button(key="build_load_preset").click()
    rerun(build_page)
    assert _network(build_page).sizes == (2, 2, 1)
    assert any("XOR" in s.value for s in build_page.success)


def test_the_diagram_is_drawn_with_one_marker_per_neuron(build_page):
    figure = json.loads(build_page.get("plotly_chart")[0].proto.spec)
    neurons = [tuple(c) for trace in figure["data"] for c in (trace.get("customdata") or [])
               if isinstance(c, list) and len(c) == 2]                 # neurons carry [layer, j]
    assert sorted(set(neurons)) == [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)]


def test_architecture_change_keeps_old_weights_where_they_line_up(build_page):
    old = _network(build_page)
    build_page.number_input(key=f"arch_hidden_{build_page.session_state['network_version']}").set_value(2)
    rerun(build_page)
    build_page.button(key="arch_apply").click()
    rerun(build_page)
    net = _network(build_page)
    assert len(net.sizes) == 4
    np.testing.assert_array_equal(net.weights[0], old.weights[0])       # first hidden layer kept
    np.testing.assert_array_equal(net.weights[-1][:, :2], old.weights[-1])  # output layer kept


def test_invalid_upload_is_rejected_and_changes_nothing(build_page):
    before = _network(build_page)
    bad = json.dumps({"weights": [[[1.0, "x"]]], "biases": [[0.0]], "activations": ["sigmoid"],
                      "loss": "squared_error"}).encode()
    build_page.file_uploader[0].set_value(("net.json", bad, "application/json"))
    rerun(build_page)
    assert _network(build_page) == before
    errors = " ".join(e.value for e in build_page.error)
    assert "unchanged" in errors and "weights[0]" in errors


def test_binary_upload_is_rejected_with_a_message(build_page):
    before = _network(build_page)
    build_page.file_uploader[0].set_value(("net.json", bytes(range(256)) * 40, "application/json"))
    rerun(build_page)
    assert _network(build_page) == before
    assert any("not binary" in e.value or "UTF-8" in e.value for e in build_page.error)


def test_valid_upload_replaces_the_network_exactly(build_page):
    other = Network.random([3, 4, 2], ["tanh", "softmax"], "cross_entropy", seed=7)
    build_page.file_uploader[0].set_value(("net.json", network_to_json(other).encode(), "application/json"))
    rerun(build_page)
    assert _network(build_page) == other
    assert build_page.session_state["example_x"] == (0.05, 0.10, 0.0)   # resized to 3 inputs


def test_selected_neuron_bias_edit_changes_only_that_bias(build_page):
    build_page.session_state["selected_neuron"] = (2, 1)
    rerun(build_page)
    v = build_page.session_state["network_version"]
    build_page.number_input(key=f"neuron_b_2_1_{v}").set_value(-1.25)
    rerun(build_page)
    net = _network(build_page)
    np.testing.assert_array_equal(net.biases[1], [0.60, -1.25])
    np.testing.assert_array_equal(net.weights[1], [[0.40, 0.45], [0.50, 0.55]])


def test_add_and_remove_a_neuron_beside_the_selected_one(build_page):
    build_page.session_state["selected_neuron"] = (1, 0)
    rerun(build_page)
    build_page.button(key="neuron_add").click()
    rerun(build_page)
    assert _network(build_page).sizes == (2, 3, 2)
    assert build_page.session_state["selected_neuron"] == (1, 1)
    build_page.button(key="neuron_remove").click()
    rerun(build_page)
    net = _network(build_page)
    assert net.sizes == (2, 2, 2)
    np.testing.assert_array_equal(net.weights[0], [[0.15, 0.20], [0.25, 0.30]])


def test_example_edit_is_stored_for_stepping(build_page):
    v = build_page.session_state["network_version"]
    build_page.number_input(key=f"example_x_1_{v}").set_value(0.7)
    rerun(build_page)
    assert build_page.session_state["example_x"] == (0.05, 0.7)


def test_download_offers_the_network_as_json(build_page):
    button = build_page.get("download_button")[0]
    assert "Download" in button.proto.label
