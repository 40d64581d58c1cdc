"""The work budget: every engine entry point refuses a call over it, says the most
that fits, and accepts exactly that most; the bounds shrink as the work grows."""
import numpy as np
import pytest

from bpviz.engine import (
    Network,
    NetworkError,
    ParameterRef,
    TrainingConfig,
    budget,
    descent_path,
    gradient_check,
    loss_along,
    loss_grid,
    numerical_gradient,
    step_sequence,
    train,
)
from bpviz.engine.limits import CALL_OVERHEAD, CHUNK_BUDGET, MAX_EPOCHS_PER_CHUNK, WORK_BUDGET

LARGEST = (10, 10, 10, 10, 10, 10, 10, 10)
FIRST, SECOND = ParameterRef("weight", 1, 0, 0), ParameterRef("weight", 1, 0, 1)


def data(rows, sizes=LARGEST):
    rng = np.random.default_rng(1)
    return rng.uniform(-1, 1, (rows, sizes[0])), rng.uniform(0, 1, (rows, sizes[-1]))


@pytest.fixture(scope="module")
def largest():
    return Network.random(list(LARGEST), ["tanh"] * 6 + ["sigmoid"], "squared_error", seed=0)


def test_parameter_count_by_hand():
    assert budget.parameter_count((2, 2, 2)) == 12            # the worked example: 8 weights, 4 biases
    assert budget.parameter_count(LARGEST) == 7 * (10 * 10 + 10)


def test_work_by_hand():
    # 2-2-2 (12 parameters, 3 entries of sizes), 4 rows, 2 test rows, batches of 2:
    # 3·4·12 backprop + (4 + 2)·12 loss evaluation + (2 batches + 2)·3·CALL_OVERHEAD
    # + gradient health: a backward pass (2·4·12) over every row and one more pass's overhead
    assert budget.epoch_work((2, 2, 2), 4, 2, 2) == 144 + 72 + 4 * 3 * CALL_OVERHEAD + 96 + 3 * CALL_OVERHEAD
    # full batch (one batch): the health gradient is the next epoch's, counted once already
    assert budget.epoch_work((2, 2, 2), 4, 2, 4) == 144 + 72 + 3 * 3 * CALL_OVERHEAD
    assert budget.path_work((2, 2, 2), 4, 10) == 10 * (144 + budget.PATH_OVERHEADS * 3 * CALL_OVERHEAD)


def test_bounds_shrink_as_the_data_grow():
    small, large = (budget.max_epochs(LARGEST, rows) for rows in (100, 5000))
    assert small > large >= 1
    assert budget.max_points(LARGEST, 100) > budget.max_points(LARGEST, 5000) >= 1
    assert budget.max_path_steps(LARGEST, 100) > budget.max_path_steps(LARGEST, 5000) >= 1
    assert budget.max_grid_side(LARGEST, 5000) ** 2 <= budget.max_grid_points(LARGEST, 5000)
    assert budget.max_check_rows((2, 2, 1)) == 5000 > budget.max_check_rows(LARGEST) >= 1


def test_every_bound_is_within_the_budget_and_one_more_is_not():
    rows = 5000
    cases = [(budget.max_points(LARGEST, rows), lambda k: budget.losses_work(LARGEST, rows, k)),
             (budget.max_grid_points(LARGEST, rows),
              lambda k: budget.losses_work(LARGEST, rows, k, budget.FLOAT32_SHARE)),
             (budget.max_path_steps(LARGEST, rows), lambda k: budget.path_work(LARGEST, rows, k)),
             (budget.max_check_rows(LARGEST), lambda k: budget.check_rows_work(LARGEST, k)),
             (budget.max_epochs(LARGEST, rows), lambda k: k * budget.epoch_work(LARGEST, rows, 0, rows))]
    for most, work in cases:
        assert work(most) <= WORK_BUDGET < work(most + 1)


def test_training_refuses_one_epoch_too_many_and_accepts_the_most(largest):
    X, Y = data(2000)
    most = budget.max_epochs(largest.sizes, 1500, 500, 1500)
    config = TrainingConfig(learning_rate=0.01, batch_size=1500, epochs=most)
    assert train(largest, X[:1500], Y[:1500], config, X[1500:], Y[1500:]).state.epoch == most
    with pytest.raises(NetworkError, match=f"use at most {most:,} epochs") as refused:
        train(largest, X[:1500], Y[:1500], TrainingConfig(learning_rate=0.01, batch_size=1500, epochs=most + 1),
              X[1500:], Y[1500:])
    assert refused.value.code == "budget_epochs"


def test_landscape_calls_refuse_what_does_not_fit_and_name_the_most(largest):
    X, Y = data(5000)
    most = budget.max_points(largest.sizes, 5000)
    assert loss_along(largest, X, Y, FIRST, np.linspace(-1, 1, most)).shape == (most,)
    with pytest.raises(NetworkError, match=f"at most {most:,} values"):
        loss_along(largest, X, Y, FIRST, np.linspace(-1, 1, most + 1))
    side = budget.max_grid_side(largest.sizes, 5000)
    assert loss_grid(largest, X, Y, FIRST, SECOND, np.linspace(-1, 1, side), np.linspace(-1, 1, side)).shape \
        == (side, side)
    with pytest.raises(NetworkError, match=f"such as {side} × {side}"):
        loss_grid(largest, X, Y, FIRST, SECOND, np.linspace(-1, 1, side + 1), np.linspace(-1, 1, side + 1))
    steps = budget.max_path_steps(largest.sizes, 5000)
    with pytest.raises(NetworkError, match=f"at most {steps:,} steps"):
        descent_path(largest, X, Y, [FIRST, SECOND], 0.1, steps + 1)


def test_gradient_checks_refuse_too_many_rows_and_accept_the_most(largest):
    most = budget.max_check_rows(largest.sizes)
    X, Y = data(most + 1)
    for check in (numerical_gradient, gradient_check):
        with pytest.raises(NetworkError, match=f"at most {most:,} rows"):
            check(largest, X, Y)
    assert len(gradient_check(largest, X[:most], Y[:most]).rows) == 770


def test_a_step_sequence_of_the_largest_legal_batch_fits(largest):
    assert budget.max_step_rows(largest.sizes) == 5000
    X, Y = data(5000)
    assert len(step_sequence(largest, X, Y, 0.5)) == 2 * 7 + 3


def test_a_play_chunk_is_sized_from_the_chunk_budget():
    # The largest network on 5,000 rows, full batch: one epoch is
    # 3·5000·770 + 5000·770 + 3·8·CALL_OVERHEAD parameter-passes, so exactly one fits the
    # chunk budget (a twentieth of the budget of a click) and two do not.
    one_epoch = 3 * 5000 * 770 + 5000 * 770 + 3 * 8 * CALL_OVERHEAD
    assert one_epoch <= CHUNK_BUDGET < 2 * one_epoch
    assert budget.max_chunk_epochs(LARGEST, 5000, 0, 5000) == 1
    # XOR on a 2-2-1 network: tiny epochs, so the count is capped
    assert budget.max_chunk_epochs((2, 2, 1), 4, 0, 4) == MAX_EPOCHS_PER_CHUNK
    # online training of 5,000 rows pays one overhead per row: no chunk fits, no Play
    assert budget.max_chunk_epochs(LARGEST, 5000, 0, 1) == 0
    # in between, the count is the budget over one epoch's work
    sizes, rows = (2, 10, 10, 1), 1000
    per_epoch = 3 * rows * 151 + rows * 151 + (1 + 2) * 4 * CALL_OVERHEAD   # (1 batch + 2 loss passes) · 4 layers
    assert budget.max_chunk_epochs(sizes, rows, 0, rows) == min(MAX_EPOCHS_PER_CHUNK, CHUNK_BUDGET // per_epoch)


def test_the_chunk_budget_is_a_small_share_of_a_click():
    assert 20 * CHUNK_BUDGET == WORK_BUDGET
    assert budget.max_chunk_epochs(LARGEST, 100) < budget.max_epochs(LARGEST, 100)
