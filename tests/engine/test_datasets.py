"""Data sets and CSV import: shapes, labels recomputed from the geometry, determinism,
limits, and hostile CSV input rejected with NetworkError naming what is wrong."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpviz.engine.csv_data import csv_columns, dataset_from_csv
from bpviz.engine.datasets import DATASET_NAMES, Dataset, sine, train_test_split, truth_table, two_d
from bpviz.engine.errors import NetworkError
from tests.examples import examples

# ---- built-in data sets --------------------------------------------------------------


@pytest.mark.parametrize("name, column", [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("xor", [0, 1, 1, 0])])
def test_truth_tables(name, column):
    data = truth_table(name)
    assert data.X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert data.Y.tolist() == [[v] for v in column]
    assert data.task == "classification" and data.input_names == ("x1", "x2")


@pytest.mark.parametrize("name", DATASET_NAMES["two_d"])
def test_two_d_shapes_labels_and_determinism(name):
    data = two_d(name, 301, 0.2, seed=4)
    assert data.X.shape == (301, 2) and data.Y.shape == (301, 1)
    assert set(np.unique(data.Y)) == {0.0, 1.0} and data.task == "classification"
    assert 0.3 < data.Y.mean() < 0.7
    same, other = two_d(name, 301, 0.2, seed=4), two_d(name, 301, 0.2, seed=5)
    assert np.array_equal(same.X, data.X) and np.array_equal(same.Y, data.Y)
    assert not np.array_equal(other.X, data.X)
    assert not data.X.flags.writeable


def test_noise_free_labels_follow_the_geometry():
    circle = two_d("circle", 2000, 0.0, seed=1)
    radius = np.sqrt(2 / np.pi)   # the circle holding half of the square [-1, 1]²
    inside = np.sqrt((circle.X ** 2).sum(axis=1)) < radius
    assert np.array_equal(inside, circle.Y[:, 0] == 1)
    assert abs(inside.mean() - 0.5) < 0.05 and np.abs(circle.X).max() <= 1
    xor = two_d("xor", 500, 0.0, seed=1)
    assert np.array_equal(xor.X[:, 0] * xor.X[:, 1] < 0, xor.Y[:, 0] == 1)
    blobs = two_d("gaussians", 2000, 0.0, seed=1)
    for label, centre in ((0, -0.5), (1, 0.5)):
        np.testing.assert_allclose(blobs.X[blobs.Y[:, 0] == label].mean(axis=0), [centre, centre], atol=0.03)
    spiral = two_d("spiral", 400, 0.0, seed=1)
    assert np.hypot(*spiral.X.T).max() <= 1.0 and spiral.Y.sum() == 200


def test_sine():
    data = sine(50, 0.0, seed=2)
    assert data.X.shape == data.Y.shape == (50, 1) and data.task == "regression"
    assert np.all(np.diff(data.X[:, 0]) >= 0) and np.abs(data.X).max() <= np.pi
    np.testing.assert_allclose(data.Y[:, 0], np.sin(data.X[:, 0]), atol=1e-15)
    noisy = sine(2000, 0.3, seed=2)
    assert np.std(noisy.Y[:, 0] - np.sin(noisy.X[:, 0])) == pytest.approx(0.3, rel=0.1)


def test_split():
    data = two_d("circle", 100, 0.1, seed=0)
    train, test = train_test_split(data, 0.25, seed=3)
    assert (train.rows, test.rows) == (75, 25)
    rows = {tuple(r) for r in data.X.tolist()}
    assert {tuple(r) for r in train.X.tolist()} | {tuple(r) for r in test.X.tolist()} == rows
    assert not {tuple(r) for r in train.X.tolist()} & {tuple(r) for r in test.X.tolist()}
    again = train_test_split(data, 0.25, seed=3)[1]
    assert np.array_equal(again.X, test.X)
    assert train_test_split(data, 0.0)[1] is None
    assert train_test_split(truth_table("xor"), 0.9)[0].rows == 1   # train keeps a row


@pytest.mark.parametrize("call, field", [
    (lambda: two_d("circle", 0, 0.1), "n"), (lambda: two_d("circle", 5001, 0.1), "n"),
    (lambda: two_d("circle", 10.5, 0.1), "n"), (lambda: two_d("circle", 10, -0.1), "noise"),
    (lambda: two_d("circle", 10, 1.5), "noise"), (lambda: two_d("circle", 10, float("nan")), "noise"),
    (lambda: two_d("moons", 10, 0.1), "name"), (lambda: two_d("circle", 10, 0.1, seed=-1), "seed"),
    (lambda: sine(True, 0.1), "n"), (lambda: truth_table("nand"), "name"),
    (lambda: train_test_split(truth_table("and"), 0.95), "test_fraction"),
    (lambda: train_test_split("data", 0.5), "dataset"),
    (lambda: Dataset(np.ones((3, 11)), np.ones((3, 1)), "d", "regression", ("a",) * 11, ("y",)), "X"),
    (lambda: Dataset(np.ones((3, 1)), np.ones((3, 1)), "d", "guessing", ("a",), ("y",)), "task"),
])
def test_limits_name_the_field(call, field):
    with pytest.raises(NetworkError, match=field):
        call()


# ---- CSV -----------------------------------------------------------------------------

GOOD = "x1,x2,label,note\n0.5,-1,1,first\n2e-1, 3 ,0,second\n\n1,1,1,third\n"


def test_csv_reads_the_chosen_columns():
    assert csv_columns(GOOD) == ("x1", "x2", "label", "note")
    data = dataset_from_csv(GOOD, ["x1", "x2"], ["label"])
    assert data.X.tolist() == [[0.5, -1.0], [0.2, 3.0], [1.0, 1.0]]
    assert data.Y.tolist() == [[1.0], [0.0], [1.0]]
    assert data.task == "classification" and data.target_names == ("label",)
    regression = dataset_from_csv(GOOD.encode("utf-8-sig"), ["x1"], ["x2"])
    assert regression.task == "regression" and regression.X.shape == (3, 1)
    semicolons = dataset_from_csv("a;b\r\n1,5;2\r\n3;4\r\n".replace("1,5", "1.5"), "a", "b")
    assert semicolons.X.tolist() == [[1.5], [3.0]]


@pytest.mark.parametrize("text, inputs, targets, message", [
    ("", ["a"], ["b"], "empty"),
    ("  \n\n", ["a"], ["b"], "empty"),
    ("1,2\n3,4\n", ["a"], ["b"], "header"),
    ("a,b\n", ["a"], ["b"], "no data rows"),
    ("a,b\n1,x\n", ["a"], ["b"], "line 2, column 'b'"),
    ("a,b\n1,2\n3,nan\n", ["a"], ["b"], "line 3, column 'b'"),
    ("a,b\n1,inf\n", ["a"], ["b"], "line 2, column 'b': 'inf' is not a number"),
    ("a,b\n1,1e7\n", ["a"], ["b"], "finite"),
    ("a,b\n1,2\n3\n", ["a"], ["b"], "line 3 has 1 cells"),
    ("a,b\n1,2,3\n", ["a"], ["b"], "line 2 has 3 cells"),
    ("a,b\n1,\n", ["a"], ["b"], "not a number"),
    ("a,b\n" + "1,2\n" * 5001, ["a"], ["b"], "at most 5000"),
    (b"\xff\xfe\x00a\x00", ["a"], ["b"], "UTF-8"),
    ("a,b\n1,\x002\n", ["a"], ["b"], "NUL"),
    (",".join(f"c{i}" for i in range(12)) + "\n" + ",".join("1" * 12) + "\n",
     [f"c{i}" for i in range(11)], ["c11"], "input_columns"),
    (",".join(f"c{i}" for i in range(12)) + "\n" + ",".join("1" * 12) + "\n",
     ["c0"], [f"c{i}" for i in range(1, 12)], "target_columns"),
    ("a,b\n1,2\n", ["a"], ["a"], "share"),
    ("a,b\n1,2\n", ["a"], ["z"], "target_columns: 'z' is not a column"),
    ("a,b\n1,2\n", [], ["b"], "input_columns"),
    ("a,b\n1,2\n", ["a", "a"], ["b"], "twice"),
    ("a,a\n1,2\n", ["a"], ["b"], "unique"),
    ("a,,b\n1,2,3\n", ["a"], ["b"], "column 2 is empty"),
    ('a,b\n"1,2\n', ["a"], ["b"], "malformed"),
    (12, ["a"], ["b"], "text or bytes"),
])
def test_hostile_csv_is_rejected_with_a_clear_message(text, inputs, targets, message):
    with pytest.raises(NetworkError, match=message.replace("(", r"\(")):
        dataset_from_csv(text, inputs, targets)


def test_csv_size_limit():
    with pytest.raises(NetworkError, match="at most 100 bytes"):
        dataset_from_csv("a,b\n" + "1,2\n" * 30, ["a"], ["b"], max_bytes=100)
    with pytest.raises(NetworkError, match="at most 100 bytes"):
        dataset_from_csv(b"a,b\n" + b"1,2\n" * 30, ["a"], ["b"], max_bytes=100)
    with pytest.raises(NetworkError, match="max_bytes"):
        dataset_from_csv("a,b\n1,2\n", ["a"], ["b"], max_bytes=10**9)
    with pytest.raises(NetworkError, match="columns"):
        csv_columns(",".join(f"c{i}" for i in range(101)))


def _read_anything(garbage):
    try:
        columns = csv_columns(garbage)
    except NetworkError:
        columns = ("a", "b")
    try:
        data = dataset_from_csv(garbage, list(columns[:1]), list(columns[1:2]) or ["b"])
    except NetworkError:
        return
    assert isinstance(data, Dataset) and np.isfinite(data.X).all()


@settings(max_examples=examples(100), deadline=None)
@given(st.text(max_size=300))
def test_random_text_raises_only_network_error(garbage):
    _read_anything(garbage)


@settings(max_examples=examples(100), deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_network_error(garbage):
    _read_anything(garbage)


CELLS = st.one_of(st.sampled_from(["1", "-2.5", "nan", "inf", "", " ", '"', "1e999", "0x10", "a,b",
                                   "\r", "\n", "1_0", "١"]),
                  st.floats(allow_nan=True).map(repr), st.text(max_size=5))


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.lists(CELLS, min_size=1, max_size=4), min_size=1, max_size=6))
def test_random_grids_raise_only_network_error(grid):
    _read_anything("\n".join(",".join(row) for row in [["a", "b", "c"]] + grid))

