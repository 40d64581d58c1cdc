"""The matrix view shows the engine's numbers and "?" before they are known."""
import json

import numpy as np

from bpviz.engine import preset, step_sequence
from bpviz.viz import matrix_figure

WORKED = preset("worked_example")


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
