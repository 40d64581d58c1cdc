"""Small seeded data sets: truth tables, 2-D point clouds, a sine curve; and splitting.

Every builder is pure: the same arguments give the same `Dataset`. Shapes follow the
engine's batch convention: X `(n, inputs)`, Y `(n, outputs)`, one row per example.

- `truth_table(name)`: "and", "or", "xor" — the 4 rows of (x1, x2) in {0, 1}², Y 0/1.
- `two_d(name, n, noise, seed)`: n points in about [−1, 1]², labels 0/1:
  "circle" (1 inside a circle holding half the square's area), "xor" (1 where
  exactly one coordinate is positive), "gaussians" (two blobs of σ 0.2 around
  ±(0.5, 0.5)), "spiral" (two interleaved spirals, 1.5 turns each).
  `noise` in [0, 1] is the σ of a Gaussian jitter added to each coordinate after
  labelling, in the units of the square; points are not clipped.
- `sine(n, noise, seed)`: regression, x uniform in [−π, π] (one whole period), sorted,
  y = sin x + noise·N(0, 1) with noise in [0, 1].
- `train_test_split(dataset, test_fraction, seed)`: a seeded random split.

Targets count as classes (`label_rule`) when they are one-hot rows, or all in
{0, 1}, or all in {−1, 1}; anything else is regression.
"""
from dataclasses import dataclass

import numpy as np

from .errors import NetworkError
from .limits import MAX_INPUTS, MAX_OUTPUTS, MAX_ROWS, MAX_SEED
from .validation import check_batch, check_data, check_int, check_number, check_type

TASKS = ("classification", "regression")
TRUTH_TABLES = {   # name -> (label of (x1, x2), target name)
    "and": (lambda x1, x2: x1 * x2, "x1 AND x2"),
    "or": (lambda x1, x2: np.maximum(x1, x2), "x1 OR x2"),
    "xor": (lambda x1, x2: (x1 != x2).astype(np.float64), "x1 XOR x2"),
}
TWO_D_NAMES = ("circle", "xor", "gaussians", "spiral")
DATASET_NAMES = {"truth_table": tuple(TRUTH_TABLES), "two_d": TWO_D_NAMES, "regression": ("sine",)}
MAX_NOISE = 1.0
MAX_TEST_FRACTION = 0.9
CIRCLE_RADIUS = np.sqrt(2.0 / np.pi)   # π r² = half of the square [−1, 1]² (area 4)
BLOB_SIGMA = 0.2
SPIRAL_TURNS = 1.5


# ---- what the targets are -------------------------------------------------------------

def label_rule(Y):
    """How targets Y `(n, k)` are classes: "one-hot" (k ≥ 2, each row a single 1 among
    zeros), 0.5 (labels in {0, 1}: the cut between them), 0.0 (labels in {−1, 1}), or
    None (regression)."""
    labels = set(np.unique(Y).tolist())
    if labels <= {0.0, 1.0}:
        return "one-hot" if Y.shape[1] >= 2 and (Y.sum(axis=1) == 1.0).all() else 0.5
    return 0.0 if labels <= {-1.0, 1.0} else None


def is_classification(Y):
    """True if the targets Y `(n, k)` (or one row) are class labels, False for regression."""
    try:
        shape = np.shape(Y) if isinstance(Y, (np.ndarray, list, tuple)) else ()
    except ValueError:   # ragged rows
        shape = ()
    width = shape[-1] if len(shape) in (1, 2) else 0
    if not 1 <= width <= MAX_OUTPUTS:
        raise NetworkError("targets_not_numbers", most=MAX_OUTPUTS)
    return label_rule(check_batch(Y, "Y (targets)", width, MAX_ROWS)) is not None


# ---- the data set value ---------------------------------------------------------------

@dataclass(frozen=True)
class Dataset:
    """X `(n, inputs)` and Y `(n, outputs)` (read-only float64), a name, the task
    ("classification" or "regression") and a name for each column."""
    X: np.ndarray
    Y: np.ndarray
    name: str
    task: str
    input_names: tuple[str, ...]
    target_names: tuple[str, ...]

    def __post_init__(self):
        X, Y = np.asarray(self.X), np.asarray(self.Y)
        if X.ndim != 2 or not 1 <= X.shape[1] <= MAX_INPUTS:
            raise NetworkError("data_shape", field="X", most=MAX_INPUTS)
        if Y.ndim != 2 or not 1 <= Y.shape[1] <= MAX_OUTPUTS:
            raise NetworkError("data_shape", field="Y", most=MAX_OUTPUTS)
        X, Y = check_data(X, Y, (X.shape[1], Y.shape[1]), "X", "Y")
        if self.task not in TASKS:
            raise NetworkError("unknown_choice", field="task", choices=", ".join(TASKS), got=self.task)
        for field, names, width in (("input_names", self.input_names, X.shape[1]),
                                    ("target_names", self.target_names, Y.shape[1])):
            if not isinstance(names, tuple) or len(names) != width or \
                    not all(isinstance(n, str) for n in names):
                raise NetworkError("names_tuple", field=field, width=width)
        for array in (X, Y):
            array.flags.writeable = False
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "Y", Y)

    @property
    def rows(self) -> int:
        return len(self.X)


def _classes(X, labels, name):
    return Dataset(X, labels.reshape(-1, 1).astype(np.float64), name, "classification",
                   ("x1", "x2"), ("class",))


# ---- builders --------------------------------------------------------------------------

def truth_table(name):
    """The 4-row truth table of "and", "or" or "xor": X `(4, 2)` of 0/1, Y `(4, 1)`."""
    if name not in TRUTH_TABLES:
        raise NetworkError("unknown_choice", field="truth table name", choices=", ".join(TRUTH_TABLES), got=name)
    label, target_name = TRUTH_TABLES[name]
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = label(X[:, 0], X[:, 1]).reshape(-1, 1)
    return Dataset(X, Y, f"{name} (truth table)", "classification", ("x1", "x2"), (target_name,))


def _check_sampling(n, noise, seed):
    return (check_int(n, "n (rows)", 1, MAX_ROWS), check_number(noise, "noise", 0.0, MAX_NOISE),
            check_int(seed, "seed", 0, MAX_SEED))


def two_d(name, n=200, noise=0.1, seed=0):
    """n labelled points in about [−1, 1]² (see the module docstring): X `(n, 2)`, Y `(n, 1)`."""
    if name not in TWO_D_NAMES:
        raise NetworkError("unknown_choice", field="2-D data set name", choices=", ".join(TWO_D_NAMES), got=name)
    n, noise, seed = _check_sampling(n, noise, seed)
    rng = np.random.default_rng(seed)
    if name in ("circle", "xor"):
        X = rng.uniform(-1.0, 1.0, (n, 2))
        labels = (np.hypot(X[:, 0], X[:, 1]) < CIRCLE_RADIUS if name == "circle"
                  else (X[:, 0] > 0) != (X[:, 1] > 0))
    else:
        labels = np.arange(n) % 2        # alternate the classes: balanced to within one
        if name == "gaussians":
            centres = np.where(labels[:, None] == 1, 0.5, -0.5)
            X = centres + rng.normal(0.0, BLOB_SIGMA, (n, 2))
        else:   # radius grows from 0.05 to 1 along 1.5 turns; class 1 is turned by π
            t = rng.uniform(0.0, 1.0, n)
            radius, angle = 0.05 + 0.95 * t, 2 * np.pi * SPIRAL_TURNS * t + np.pi * labels
            X = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    X = X + rng.normal(0.0, 1.0, (n, 2)) * noise
    return _classes(X, labels, f"{name} (2-D points)")


def sine(n=100, noise=0.1, seed=0):
    """Regression: x uniform in [−π, π], sorted; y = sin x + noise·N(0, 1). X, Y `(n, 1)`."""
    n, noise, seed = _check_sampling(n, noise, seed)
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-np.pi, np.pi, n))
    y = np.sin(x) + noise * rng.normal(0.0, 1.0, n)
    return Dataset(x.reshape(-1, 1), y.reshape(-1, 1), "sine", "regression", ("x",), ("sin x",))


def train_test_split(dataset, test_fraction=0.25, seed=0) -> tuple[Dataset, Dataset | None]:
    """(train, test): round(n × test_fraction) random rows go to test (at most n − 1,
    so train keeps a row); test is None when that is 0 rows."""
    check_type(dataset, Dataset, "dataset")
    test_fraction = check_number(test_fraction, "test_fraction", 0.0, MAX_TEST_FRACTION)
    seed = check_int(seed, "seed", 0, MAX_SEED)
    n = dataset.rows
    test_rows = min(int(round(n * test_fraction)), n - 1)
    order = np.random.default_rng(seed).permutation(n)

    def part(rows, suffix):
        rows = np.sort(rows)   # keep the data set's own order within each part
        return Dataset(dataset.X[rows], dataset.Y[rows], f"{dataset.name} ({suffix})", dataset.task,
                       dataset.input_names, dataset.target_names)
    return part(order[test_rows:], "train"), (part(order[:test_rows], "test") if test_rows else None)
