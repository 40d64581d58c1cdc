"""How much work each engine entry point does, against the one work budget
(`limits.WORK_BUDGET`), and the largest setting of each that fits.

Work is counted in parameter-passes: one example through one weight or bias, one
way. For a network with P parameters (`parameter_count(sizes)`) and n rows:
    forward pass            n·P
    forward + backward      BACKPROP_PASSES·n·P   (the backward pass costs about two forwards)
and every separate pass costs a fixed `overhead(sizes)` = CALL_OVERHEAD per entry of
`sizes`, however few its rows (the cost that dominates online training); a step of a
descent path counts PATH_OVERHEADS of them and a loss of the numerical gradient
CHECK_OVERHEADS (they rebuild a network each time). Measured: about 1 ns of CPU per
parameter-pass on large batches (benchmarks/bench_budget.py).
The two-parameter loss grid is computed in float32, about twice as fast per pass:
it counts FLOAT32_SHARE of a pass.

Each entry point checks its work with `over_budget` before it starts; the `max_*`
functions give the UI the largest setting that fits (0 when even the smallest
does not).
"""
import math

from .limits import CALL_OVERHEAD, CHUNK_BUDGET, MAX_EPOCHS_PER_CALL, MAX_EPOCHS_PER_CHUNK, WORK_BUDGET

BACKPROP_PASSES = 3
FLOAT32_SHARE = 0.5
PATH_OVERHEADS = 5
CHECK_OVERHEADS = 3


def parameter_count(sizes):
    """Weights and biases of a network with these layer sizes."""
    return sum((fan_in + 1) * fan_out for fan_in, fan_out in zip(sizes[:-1], sizes[1:]))


def overhead(sizes):
    """The fixed work of one NumPy pass through the network, whatever its rows."""
    return CALL_OVERHEAD * len(sizes)


def epoch_work(sizes, rows, test_rows, batch_size):
    """One training epoch: forward + backward of every batch, then the loss of the
    whole training and test sets, and the gradient over every training row (gradient
    health: a backward pass, BACKPROP_PASSES − 1, on the loss's forward pass). With
    full batches that gradient is the next epoch's, which then needs no pass of its own,
    so it is counted once already."""
    batches = -(-rows // max(1, min(batch_size, rows)))
    health = 0 if batch_size >= rows else (BACKPROP_PASSES - 1) * rows * parameter_count(sizes) + overhead(sizes)
    return (BACKPROP_PASSES * rows * parameter_count(sizes) + (rows + test_rows) * parameter_count(sizes)
            + (batches + 2) * overhead(sizes) + health)


def losses_work(sizes, rows, settings, share=1.0):
    """The batch-mean loss for `settings` parameter values (loss_along, loss_grid)."""
    return share * (settings + 1) * rows * parameter_count(sizes) + overhead(sizes)


def path_work(sizes, rows, steps):
    """`steps` gradient-descent steps (descent_path)."""
    return steps * (BACKPROP_PASSES * rows * parameter_count(sizes) + PATH_OVERHEADS * overhead(sizes))


def check_rows_work(sizes, rows):
    """Central differences of every parameter (numerical_gradient, gradient_check)."""
    count = parameter_count(sizes)
    return 2 * count * (rows * count + CHECK_OVERHEADS * overhead(sizes)) + BACKPROP_PASSES * rows * count


def step_work(sizes, rows):
    """One forward and backward pass and the update (step_sequence)."""
    return BACKPROP_PASSES * rows * parameter_count(sizes) + 2 * overhead(sizes)


def _largest(work_of, budget, cap):
    """The largest whole k ≤ cap with work_of(k) ≤ budget (work_of grows with k), or 0."""
    if work_of(1) > budget:
        return 0
    low, high = 1, cap
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if work_of(middle) <= budget else (low, middle - 1)
    return low


def max_epochs(sizes, rows, test_rows=0, batch_size=None, budget=WORK_BUDGET):
    """Most epochs one `train` call may run (at most MAX_EPOCHS_PER_CALL)."""
    per_epoch = epoch_work(sizes, rows, test_rows, rows if batch_size is None else batch_size)
    return min(MAX_EPOCHS_PER_CALL, int(budget // per_epoch))


def max_chunk_epochs(sizes, rows, test_rows=0, batch_size=None):
    """Most epochs one chunk of Play may train (at most MAX_EPOCHS_PER_CHUNK; 0 when not
    even one epoch fits CHUNK_BUDGET, and then Play is not offered)."""
    return min(MAX_EPOCHS_PER_CHUNK, max_epochs(sizes, rows, test_rows, batch_size, CHUNK_BUDGET))


def max_points(sizes, rows, budget=WORK_BUDGET):
    """Most values of one parameter `loss_along` may evaluate."""
    return max(0, int((budget - overhead(sizes)) // (rows * parameter_count(sizes))) - 1)


def max_grid_points(sizes, rows, budget=WORK_BUDGET):
    """Most points (len(xs) × len(ys)) of a `loss_grid`."""
    return max(0, int((budget - overhead(sizes)) // (FLOAT32_SHARE * rows * parameter_count(sizes))) - 1)


def max_grid_side(sizes, rows, budget=WORK_BUDGET):
    """Most values per axis of a square `loss_grid`."""
    return math.isqrt(max_grid_points(sizes, rows, budget))


def max_path_steps(sizes, rows, budget=WORK_BUDGET):
    """Most steps of one `descent_path`."""
    return int(budget // path_work(sizes, rows, 1))


def max_check_rows(sizes, budget=WORK_BUDGET, cap=5000):
    """Most rows a `numerical_gradient` or `gradient_check` may use (at most `cap`)."""
    return _largest(lambda rows: check_rows_work(sizes, rows), budget, cap)


def max_step_rows(sizes, budget=WORK_BUDGET, cap=5000):
    """Most rows one `step_sequence` may use (at most `cap`)."""
    return _largest(lambda rows: step_work(sizes, rows), budget, cap)


def over_budget(work):
    """True when `work` parameter-passes are more than one call may do."""
    return work > WORK_BUDGET
