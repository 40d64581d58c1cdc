"""The pass animation follows the engine's step sequence; the matrix view shows the
engine's numbers and "?" before they are known."""
import json

import numpy as np

from bpviz.engine import Network, preset, step_sequence
from bpviz.viz import animation_figure, matrix_figure
from tests.viz.drawn import neuron_labels

WORKED = preset("worked_example")


def test_one_frame_per_step_with_a_constant_set_of_traces():
    figure = animation_figure(WORKED.network, WORKED.x, WORKED.y, 0.5, update_biases=False)
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer", update_biases=False)
    frames = json.loads(figure.to_json())["frames"]          # what the browser receives
    assert len(frames) == len(steps) == 7
    assert len({len(frame["data"]) for frame in frames}) == 1
    assert len({tuple(frame["traces"]) for frame in frames}) == 1
    assert all(max(frame["traces"]) < len(figure.data) for frame in frames)
    labels = [step["label"] for step in figure.layout.sliders[0].steps]
    assert labels == ["start", "forward 1", "forward 2", "loss", "backward 2", "backward 1", "update"]
    assert [b.label for b in figure.layout.updatemenus[0].buttons] == ["▶ Play", "❚❚ Pause"]


def test_frames_fill_in_activations_then_deltas():
    figure = animation_figure(WORKED.network, WORKED.x, WORKED.y, 0.5, update_biases=False)
    frames = figure.to_dict()["frames"]
    known_index = frames[0]["traces"].index(max(frames[0]["traces"]) - 3)   # known, unknown, 2 label traces

    def known_texts(frame):
        return neuron_labels(frame["data"][known_index], frame["data"][known_index + 2:known_index + 4])
    assert known_texts(frames[0]) == ["0.05", "0.1"]
    assert known_texts(frames[3])[4:] == ["0.751", "0.773"]          # loss step: outputs known
    assert "0.138" in known_texts(frames[4])                          # backward 2: δ of output 0
    assert "0.298371109" in frames[3]["layout"]["title"]["text"]


def test_the_animation_is_a_valid_plotly_figure():
    import plotly.graph_objects as go
    figure = animation_figure(WORKED.network, WORKED.x, WORKED.y, 0.5)
    checked = go.Figure(figure.to_dict())        # validating constructor: raises on any bad property
    assert len(checked.frames) == len(figure.frames)


def test_no_nan_in_the_animation():
    net = Network.random([4, 5, 3], ["relu", "softmax"], "cross_entropy", seed=2)
    text = animation_figure(net, [1.0, -2.0, 0.5, 0.0], [0.0, 1.0, 0.0], 0.1).to_json()
    assert "NaN" not in text


def test_matrix_view_shows_the_engines_numbers_and_unknowns():
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer", update_biases=False)
    full = matrix_figure(steps[-1], 1)
    hovers = list(full.data[0].hovertext)
    assert "W⁽¹⁾[1, 0] = 0.25" in hovers                         # weights[0][1, 0]
    assert any(h.startswith("z⁽¹⁾[0] = 0.3775") for h in hovers)
    grad = steps[-1].weight_grad(1)
    assert any(h.endswith(f"[0, 0] = {grad[0, 0]:.9g}") and "∂E/∂W" in h for h in hovers)
    assert len(full.data[1].x) == 0                                # nothing unknown at the end
    early = matrix_figure(steps[1], 2)                              # layer 2 not computed yet
    assert "?" in list(early.data[1].text)
    assert not any(h.startswith("z⁽²⁾") for h in early.data[0].hovertext)
    assert "NaN" not in full.to_json()


def test_matrix_cell_colours_are_the_values():
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5)
    known = matrix_figure(steps[-1], 2).data[0]
    values = [float(h.rsplit("= ", 1)[1]) for h in known.hovertext]
    np.testing.assert_allclose(np.asarray(known.marker.color, dtype=float), values, rtol=1e-8)
    assert json.loads(matrix_figure(steps[-1], 2).to_json())["layout"]["title"]["text"].startswith("Layer 2")
