"""Landscape and Gradient-check pages through AppTest."""
from tests.app.apptest import delivered, open_app, rerun


def test_landscape_shows_the_gradient_of_the_chosen_weight():
    at = open_app("landscape")
    at.selectbox(key="landscape_ref").set_value(6)        # w(2)[0,0] (w5): 3 parameters per hidden neuron
    rerun(at)
    latex = " ".join(l.value for l in at.latex)
    assert "0.082167041" in latex and "0.35891648" in latex  # the published ∂E/∂w5 and new w5
    assert len(at.dataframe) == 1 and len(at.get("plotly_chart")) == 1   # only the view on show


def test_correct_backward_pass_passes_and_a_mistake_fails():
    at = open_app("gradcheck")
    assert any(s.value.startswith("Pass") for s in at.success)
    at.selectbox(key="gradcheck_mistake").set_value("no_activation_derivative")
    rerun(at)
    assert any(e.value.startswith("Fail") for e in at.error)
    at.selectbox(key="gradcheck_mistake").set_value("updated_weights_for_hidden_deltas")
    rerun(at)
    assert any(e.value.startswith("Fail") for e in at.error)


def _largest_on_big_data(at):
    import numpy as np

    from bpviz.engine import Network
    from bpviz.engine.datasets import Dataset
    from bpviz.ui.train.data import TrainData
    rng = np.random.default_rng(0)
    big = Dataset(rng.uniform(-1, 1, (5000, 10)), np.eye(10)[rng.integers(0, 10, 5000)], "big", "classification",
                  tuple(f"x{i}" for i in range(10)), tuple(f"y{i}" for i in range(10)))
    at.session_state["train_data"] = TrainData(big, None, "big")
    at.session_state["network"] = Network.random([10] * 8, ["tanh"] * 6 + ["softmax"], "cross_entropy", seed=0)
    at.session_state["example_x"], at.session_state["example_y"] = (0.5,) * 10, (0.0,) * 9 + (1.0,)


def test_landscape_computes_only_the_view_on_show_and_nothing_again_on_a_rerun():
    at = open_app("landscape")
    assert "landscape_one" in at.session_state["memo"] and "landscape_two" not in at.session_state["memo"]
    first = at.session_state["memo"]["landscape_one"]
    rerun(at)
    assert at.session_state["memo"]["landscape_one"] is first      # the same result object: not recomputed
    at.radio(key="landscape_view").set_value("two")
    rerun(at)
    assert "landscape_two" in at.session_state["memo"] and len(at.get("plotly_chart")) == 1


def _on_big_training_data(page):
    at = open_app(page)
    _largest_on_big_data(at)
    rerun(at)
    at.radio(key=f"{page}_data").set_value("training")
    return rerun(at)


def test_landscape_on_the_largest_network_and_5000_rows_offers_only_what_fits():
    from bpviz.engine import budget
    from bpviz.engine.limits import WORK_BUDGET
    at = _on_big_training_data("landscape")
    captions = " ".join(c.value for c in at.caption)
    assert "The curve uses" in captions
    at.radio(key="landscape_view").set_value("two")
    rerun(at)
    steps = at.number_input(key="landscape_steps")
    assert steps.max == budget.max_path_steps((10,) * 8, 5000, WORK_BUDGET // 2) < 500
    assert "grid points per axis" in " ".join(c.value for c in at.caption)
    at = delivered(at, "landscape_two")     # a grid this big waits its turn in the server's queue
    assert not at.error and len(at.get("plotly_chart")) == 1


def test_gradient_check_on_5000_rows_uses_the_rows_that_fit_and_says_so():
    from bpviz.engine import budget
    at = delivered(_on_big_training_data("gradcheck"), "gradcheck")
    most = budget.max_check_rows((10,) * 8)
    assert f"first {most:,} of the 5,000 training rows" in " ".join(c.value for c in at.caption)
    assert not at.error and len(at.dataframe[0].value) == 770


def test_data_that_do_not_fit_leave_one_choice_said_in_words_not_a_radio():
    at = open_app("landscape")            # the worked example (2 outputs) against XOR's 1 output
    assert not [radio for radio in at.radio if radio.key == "landscape_data"]
    assert "Loss measured on: the stepping example" in [caption.value for caption in at.caption]
