"""Landscape and Gradient-check pages through AppTest."""
from tests.app.apptest import open_app, rerun


def test_landscape_shows_the_gradient_of_the_chosen_weight():
    at = open_app("landscape")
    at.selectbox(key="landscape_ref").set_value(6)        # w(2)[0,0] (w5): 3 parameters per hidden neuron
    rerun(at)
    latex = " ".join(l.value for l in at.latex)
    assert "0.082167041" in latex and "0.35891648" in latex  # the published ∂E/∂w5 and new w5
    assert len(at.dataframe) == 1 and len(at.get("plotly_chart")) >= 2


def test_correct_backward_pass_passes_and_a_mistake_fails():
    at = open_app("gradcheck")
    assert any(s.value.startswith("Pass") for s in at.success)
    at.selectbox(key="gradcheck_mistake").set_value("no_activation_derivative")
    rerun(at)
    assert any(e.value.startswith("Fail") for e in at.error)
    at.selectbox(key="gradcheck_mistake").set_value("updated_weights_for_hidden_deltas")
    rerun(at)
    assert any(e.value.startswith("Fail") for e in at.error)
