"""Seeded small networks with friendly numbers, for worksheets a learner works by hand.

`friendly_problem(seed)` always gives the same problem for the same seed: a
shape from SHAPES, sigmoid layers and squared error (the classic worked
example's choice), weights and inputs in steps of 0.05, targets from TARGETS,
a learning rate from LEARNING_RATES, biases updated.
"""
import numpy as np

from bpviz.engine import Network, SharedNetwork

SHAPES = ((2, 2, 2), (2, 3, 1), (3, 2, 2), (2, 2, 1), (3, 2, 1), (2, 3, 2))
STEP = 0.05
TARGETS = (0.01, 0.1, 0.5, 0.9, 0.99)
LEARNING_RATES = (0.1, 0.25, 0.5, 1.0)
MAX_SEED = 2**32 - 1


def friendly_problem(seed) -> SharedNetwork:
    """The problem of `seed` (0..MAX_SEED): network, example (x, y), learning rate, biases updated."""
    rng = np.random.default_rng(int(seed))
    sizes = SHAPES[rng.integers(len(SHAPES))]
    weights = [_steps(rng, (sizes[l + 1], sizes[l]), 1, 19) * rng.choice((-1, 1), (sizes[l + 1], sizes[l]),
                                                                           p=(0.25, 0.75))
               for l in range(len(sizes) - 1)]
    biases = [_steps(rng, (sizes[l + 1],), 0, 10) for l in range(len(sizes) - 1)]
    net = Network(weights, biases, ("sigmoid",) * (len(sizes) - 1), "squared_error")
    x = tuple(float(v) for v in _steps(rng, (sizes[0],), 1, 20))
    y = tuple(float(v) for v in rng.choice(TARGETS, sizes[-1]))
    return SharedNetwork(net, x, y, float(rng.choice(LEARNING_RATES)), True)


def _steps(rng, shape, low, high):
    """Multiples of STEP from low·STEP to high·STEP, rounded to two decimals."""
    return np.round(rng.integers(low, high + 1, shape) * STEP, 2)
