"""The rows of a mini-batch to step example by example (`step_sequence(…, by_example=True)`).

The stepping example comes first, so the batch's first example is the one the learner
already knows; the other rows are rows of the learner's data set when it fits the
network, else the example's inputs moved by a seeded ±`SPREAD` (uniform) with the
example's targets: different numbers to average, which the learner can then edit.
"""
import numpy as np

from .errors import NetworkError
from .limits import MAX_PARAMETER_MAGNITUDE
from .steps import MAX_BY_EXAMPLE, MIN_BY_EXAMPLE
from .validation import check_batch, check_int

SPREAD = 0.5


def stepping_batch(x, y, rows, X=None, Y=None, seed=0):
    """(X, Y) of `rows` (2..8) rows: (x, y) first, then the first rows of (X, Y) that differ
    from it (X, Y: a data set with x's and y's widths, or None), topped up with moved copies
    of x. Float64 arrays, `(rows, len(x))` and `(rows, len(y))`."""
    rows = check_int(rows, "rows", MIN_BY_EXAMPLE, MAX_BY_EXAMPLE)
    x = check_batch(x, "x (the stepping example)", np.size(x), 1)
    y = check_batch(y, "y (the stepping example)", np.size(y), 1)
    chosen_x, chosen_y = [x[0]], [y[0]]
    if X is not None and Y is not None:
        X = check_batch(X, "X (inputs)", x.shape[1], 10**9)
        Y = check_batch(Y, "Y (targets)", y.shape[1], 10**9)
        if len(X) != len(Y):
            raise NetworkError("rows_mismatch", y_field="Y (targets)", x_field="X (inputs)", rows=len(X), got=len(Y))
        for row_x, row_y in zip(X, Y):
            if len(chosen_x) == rows:
                break
            if not (np.array_equal(row_x, x[0]) and np.array_equal(row_y, y[0])):
                chosen_x.append(row_x)
                chosen_y.append(row_y)
    moves = np.random.default_rng(seed).uniform(-SPREAD, SPREAD, (rows, x.shape[1]))
    while len(chosen_x) < rows:
        moved = np.clip(x[0] + moves[len(chosen_x)], -MAX_PARAMETER_MAGNITUDE, MAX_PARAMETER_MAGNITUDE)
        chosen_x.append(np.round(moved, 2))   # short numbers, easy to read and to retype
        chosen_y.append(y[0])
    return np.array(chosen_x, dtype=float), np.array(chosen_y, dtype=float)
