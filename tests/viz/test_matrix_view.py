"""The matrix view shows the engine's numbers and "?" before they are known."""
import json

import numpy as np

from bpviz.engine import preset, step_sequence
from bpviz.viz import matrix_figure, names_for

WORKED = preset("worked_example")


def test_matrix_view_shows_the_engines_numbers_and_unknowns():
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer", update_biases=False)
    full = matrix_figure(steps[-1], 1)
    hovers = list(full.data[0].hovertext)
    assert "w⁽¹⁾₁₀ = 0.25" in hovers                           # weights[0][1, 0]
    assert any(h.startswith("z⁽¹⁾₀ = 0.3775") for h in hovers)
    grad = steps[-1].weight_grad(1)
    assert f"∂E/∂w⁽¹⁾₀₀ = {grad[0, 0]:.9g}" in hovers
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


def test_in_tutorial_names_the_matrix_view_speaks_the_tutorials_names_only():
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer", update_biases=False)
    for layer in (1, 2):
        figure = matrix_figure(steps[-1], layer, names=names_for((2, 2, 2), True))
        words = json.dumps([list(figure.data[0].hovertext)] + [a.text for a in figure.layout.annotations],
                           ensure_ascii=False)
        assert "⁽" not in words
    hovers = list(matrix_figure(steps[-1], 1, names=names_for((2, 2, 2), True)).data[0].hovertext)
    assert "w3 = 0.25" in hovers and any(h.startswith("zₕ₁ = 0.3775") for h in hovers)
    assert "w7ᵀ" not in "".join(hovers)   # a transposed matrix's cells keep their own names


def test_the_matrix_view_prints_the_same_digits_as_the_diagram():
    """At the end of the backward pass, each δ, weight and bias printed in the matrix view
    reads exactly as the Step diagram prints it (one digits setting, 4 significant)."""
    from bpviz.viz import step_pass
    from bpviz.viz.geometry import edges
    steps = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5, "layer")
    step = next(s for s in steps if s.delta(1) is not None and s.updated is None)
    sent = step_pass(steps)
    strings, drawn = sent["strings"], sent["steps"][step.index]
    diagram = {f"delta {l} {j}": strings[node[3]] for (l, j, *_), node in zip(sent["neurons"], drawn["nodes"])}
    diagram.update({f"edge {l} {j} {k}": strings[edge[6][drawn["edge_stage"][l - 1]]]
                    for (l, j, k), edge in zip(edges(WORKED.network.sizes), sent["edges"])})
    for layer in (1, 2):
        cells = matrix_figure(step, layer).data[0]
        printed = {h.split(" = ")[0]: text for h, text in zip(cells.hovertext, cells.text)}
        for j in range(2):
            delta = f"{step.delta(layer)[0, j]:.4g}"
            assert diagram[f"delta {layer} {j}"] == f"δ {delta}"
            assert printed[f"δ⁽{'¹²'[layer - 1]}⁾{'₀₁'[j]}"] == delta
            for k in range(2):
                weight = f"{step.network.weights[layer - 1][j, k]:.4g}"
                assert printed[f"w⁽{'¹²'[layer - 1]}⁾{'₀₁'[j]}{'₀₁'[k]}"] == weight
                assert weight in diagram[f"edge {layer} {j} {k}"]
