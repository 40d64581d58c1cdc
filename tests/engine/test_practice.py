"""Practice questions: which numbers a pass asks for, the tolerance rule, hints and scores.

Counts are worked out by hand from the network sizes; values come from the
published worked example (out_h1 = 0.593269992, E = 0.298371109)."""
import numpy as np
import pytest

from bpviz.engine.explanations import explain
from bpviz.engine.network import Network
from bpviz.engine.practice import (
    MAX_POINTS,
    Attempt,
    Question,
    kind,
    parse_prediction,
    pass_questions,
    pick,
    revealed,
    score,
    submit,
    take_hint,
    within_tolerance,
)
from bpviz.engine.presets import preset
from bpviz.engine.steps import step_sequence


def _worked_steps(granularity="layer"):
    p = preset("worked_example")
    return step_sequence(p.network, p.x, p.y, p.learning_rate, granularity, p.update_biases)


def test_a_2_2_2_pass_has_37_numbers_in_reading_order():
    questions = pass_questions((2, 2, 2))
    # forward: 4 neurons × (z, a) = 8; loss 1; backward: 4 × (δ, ∂b) + 8 ∂w = 16; update: 8 w + 4 b = 12
    assert len(questions) == 37
    assert questions[:2] == (Question("z", 1, 0), Question("a", 1, 0))
    assert questions[8] == Question("loss", 2, 0)
    assert questions[9:13] == (Question("delta", 2, 0), Question("bias_grad", 2, 0),
                               Question("weight_grad", 2, 0, 0), Question("weight_grad", 2, 0, 1))
    assert questions[-1] == Question("new_bias", 2, 1)
    assert len(set(questions)) == 37


def test_a_3_2_1_pass_counts_every_parameter_once_per_gradient_and_update():
    questions = pass_questions((3, 2, 1))
    weights = 3 * 2 + 2 * 1
    assert sum(q.quantity == "weight_grad" for q in questions) == weights
    assert sum(q.quantity == "new_weight" for q in questions) == weights
    assert sum(q.quantity == "z" for q in questions) == 3


@pytest.mark.parametrize("granularity", ["layer", "pass"])
def test_the_steps_reveal_every_number_of_the_pass_exactly_once_in_order(granularity):
    steps = _worked_steps(granularity)
    shown = [q for before, after in zip(steps, steps[1:]) for q in revealed(before, after)]
    assert tuple(shown) == pass_questions((2, 2, 2))


def test_forward_layer_one_reveals_z_and_a_of_the_hidden_neurons_only():
    steps = _worked_steps()
    assert revealed(steps[0], steps[1]) == (Question("z", 1, 0), Question("a", 1, 0),
                                            Question("z", 1, 1), Question("a", 1, 1))
    assert revealed(steps[3], steps[4])[0] == Question("delta", 2, 0)   # loss → backward layer 2


def test_pick_prefers_the_selected_neuron_and_rotates_with_the_turn():
    candidates = (Question("z", 1, 0), Question("a", 1, 0), Question("z", 1, 1), Question("a", 1, 1))
    assert pick(candidates, selected=(1, 1)) == Question("z", 1, 1)
    assert pick(candidates, selected=(1, 1), turn=1) == Question("a", 1, 1)
    assert pick(candidates, selected=(1, 1), turn=2) == Question("z", 1, 1)
    assert pick(candidates, selected=(0, 0), turn=3) == Question("a", 1, 1)   # input neuron: nothing to ask
    assert pick((), selected=None) is None


def test_delta_kinds_split_output_and_hidden_neurons():
    assert kind(Question("delta", 2, 0), output_layer=2) == "delta_output"
    assert kind(Question("delta", 1, 1), output_layer=2) == "delta_hidden"
    assert kind(Question("new_weight", 1, 0, 1), output_layer=2) == "new_weight"


@pytest.mark.parametrize("text, value", [("0.5933", 0.5933), (" -1.2e-3 ", -0.0012), ("\u22120.25", -0.25),
                                         ("０．５", 0.5), ("0,75", 0.75), ("3", 3.0)])
def test_predictions_parse_as_typed(text, value):
    assert parse_prediction(text) == value


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "1e999", "0.5.1", "1,000.5,", "9" * 41, "1/2"])
def test_what_is_not_one_finite_number_is_refused(text):
    assert parse_prediction(text) is None


def test_the_tolerance_is_a_relative_error_of_one_in_a_thousand():
    out_h1 = 0.593269992   # published
    assert within_tolerance(0.593, out_h1)          # 3 significant digits: relative error 4.6e-4
    assert within_tolerance(0.5933, out_h1)
    assert not within_tolerance(0.594, out_h1)      # relative error 1.2e-3
    assert not within_tolerance(0.59, out_h1)       # 2 significant digits: 5.5e-3
    assert within_tolerance(-2.0015, -2.0) and not within_tolerance(-2.0025, -2.0)
    assert within_tolerance(0.0, 0.0) and within_tolerance(5e-10, 0.0) and not within_tolerance(2e-9, 0.0)


def test_a_right_first_prediction_scores_every_point():
    a = submit(Attempt(Question("loss", 2, 0), "loss"), 0.2984, 0.298371109)
    assert a.solved and a.tried and a.finished and a.points == MAX_POINTS == 3


def test_a_miss_offers_hints_one_at_a_time_and_each_costs_a_point():
    a = Attempt(Question("loss", 2, 0), "loss")
    assert take_hint(a) == a                       # no hint before a miss
    a = submit(a, 0.3, 0.298371109)                # relative error 5.5e-3: a miss
    assert a.tried and not a.solved and a.tries == 1 and a.points == 0
    a = take_hint(a)
    assert a.hints == 1 and not a.finished
    a = submit(a, 0.29837, 0.298371109)
    assert a.solved and a.points == 2
    assert take_hint(a) == a and submit(a, 5.0, 0.298371109) == a   # finished: nothing changes


def test_the_third_hint_is_the_answer_and_leaves_no_points():
    a = submit(Attempt(Question("z", 1, 0), "z"), 1.0, 0.3775)
    for _ in range(3):
        a = take_hint(a)
    assert a.hints == 3 and a.finished and not a.solved and a.points == 0
    assert take_hint(a).hints == 3
    assert submit(a, 0.3775, 0.3775) == a          # typing the shown answer earns nothing


def test_the_score_counts_per_kind_in_reading_order():
    hidden = Question("delta", 1, 0)
    attempts = [
        Attempt(hidden, "delta_hidden", tries=0, hints=0, solved=True),
        Attempt(hidden, "delta_hidden", tries=2, hints=3, solved=False),
        Attempt(hidden, "delta_hidden", tries=1, hints=0, solved=False),
        Attempt(hidden, "delta_hidden", tries=1, hints=2, solved=False),
        Attempt(Question("z", 1, 0), "z", tries=1, hints=1, solved=True),
    ]
    z, delta = score(attempts)
    assert (z.kind, z.right, z.asked, z.points, z.most) == ("z", 1, 1, 2, 3)
    assert (delta.kind, delta.right, delta.asked, delta.points, delta.most) == ("delta_hidden", 1, 4, 3, 12)


def test_questions_name_numbers_explain_knows_on_the_last_step():
    net = Network.random((3, 2, 2), ("tanh", "sigmoid"), "squared_error", seed=4)
    steps = step_sequence(net, np.array([0.1, -0.2, 0.3]), np.array([0.0, 1.0]), 0.1)
    for q in pass_questions(net.sizes):
        assert np.isfinite(explain(steps[-1], q.quantity, q.layer, q.j, q.k).value)
