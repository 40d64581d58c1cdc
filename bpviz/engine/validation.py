"""Checks shared by `Network`, the data sets and the training settings.

Each check raises `NetworkError` with the field's name and the accepted range,
and returns the cleaned value (a fresh read-only float64 array for arrays).
"""
import math
import numbers

import numpy as np

from .errors import NetworkError
from .limits import MAX_PARAMETER_MAGNITUDE, MAX_ROWS


def check_type(value, kind, field, expected=None):
    """`value` if it is an instance of `kind`; `expected` names the kind in the message
    (default: the class name)."""
    if not isinstance(value, kind):
        raise NetworkError("wrong_type", field=field, expected=expected or kind.__name__, got=type(value).__name__)
    return value


def check_same_rows(rows, got, x_field="X (inputs)", y_field="Y (targets)"):
    """Targets need one row per input row: `got` rows of y_field against `rows` of x_field."""
    if got != rows:
        raise NetworkError("rows_mismatch", y_field=y_field, x_field=x_field, rows=rows, got=got)


def check_int(value, field, low, high):
    """An integer in [low, high] (bools are not integers here)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise NetworkError("not_whole_number", field=field, low=low, high=high, got=_show(value))
    if not low <= value <= high:
        raise NetworkError("out_of_range", field=field, low=low, high=high, value=value)
    return int(value)


def check_number(value, field, low, high, low_open=False):
    """A finite real number in [low, high] (or (low, high] with `low_open`)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise NetworkError("not_a_number", field=field, got=_show(value))
    value = float(value)
    bracket = "(" if low_open else "["
    too_low = value <= low if low_open else value < low
    if not math.isfinite(value) or too_low or value > high:
        raise NetworkError("number_out_of_range", field=field, bracket=bracket, low=low, high=high, value=value)
    return value


def check_array(value, field, shape, magnitude=MAX_PARAMETER_MAGNITUDE):
    """A real array of exactly `shape` with finite entries of |x| ≤ magnitude.

    Only real numbers are accepted: strings, booleans and None are rejected even
    where NumPy would convert them.
    """
    if not _holds_only_numbers(value, len(shape)):
        raise NetworkError("array_not_numbers", field=field, shape=tuple(shape))
    try:
        array = np.array(value, dtype=np.float64)
    except (TypeError, ValueError, OverflowError):
        raise NetworkError("array_not_convertible", field=field, shape=tuple(shape)) from None
    if array.shape != tuple(shape):
        raise NetworkError("array_wrong_shape", field=field, shape=tuple(shape), got=array.shape)
    bad = ~np.isfinite(array) | (np.abs(array) > magnitude)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        raise NetworkError("array_entry_out_of_range", field=field, where=list(where), low=-magnitude,
                           high=magnitude, value=array[where])
    array.flags.writeable = False
    return array


def check_bool(value, field):
    """True or False exactly (a truthy string is not a yes)."""
    if not isinstance(value, (bool, np.bool_)):
        raise NetworkError("not_true_or_false", field=field, got=_show(value))
    return bool(value)


def check_batch(X, field, width, max_rows, magnitude=MAX_PARAMETER_MAGNITUDE):
    """A batch `(n, width)` (a single row `(width,)` becomes a batch of one) of finite
    numbers with |x| ≤ magnitude. Strings and booleans are not numbers here."""
    if not (isinstance(X, np.ndarray) and X.dtype.kind in "fiu") and \
            not (_holds_only_numbers(X, 1) or _holds_only_numbers(X, 2)):
        raise NetworkError("batch_not_numbers", field=field, width=width)
    try:
        array = np.array(X, dtype=np.float64)
    except (TypeError, ValueError, OverflowError):
        raise NetworkError("batch_not_convertible", field=field, width=width) from None
    if array.ndim == 1:
        array = array.reshape(1, -1)
    if array.ndim != 2 or array.shape[1] != width:
        raise NetworkError("batch_wrong_shape", field=field, width=width, got=array.shape)
    if not 1 <= array.shape[0] <= max_rows:
        raise NetworkError("batch_row_count", field=field, max_rows=max_rows, rows=array.shape[0])
    if not (np.abs(array) <= magnitude).all():  # also False for NaN
        raise NetworkError("batch_not_finite", field=field, low=-magnitude, high=magnitude)
    return array


def check_data(X, Y, sizes, x_field="X (inputs)", y_field="Y (targets)"):
    """(X, Y) for a network of neuron counts `sizes`: float64 batches `(n, sizes[0])` and
    `(n, sizes[-1])` with the same n, from 1 to MAX_ROWS rows."""
    X = check_batch(X, x_field, sizes[0], MAX_ROWS)
    Y = check_batch(Y, y_field, sizes[-1], MAX_ROWS)
    check_same_rows(len(X), len(Y), x_field, y_field)
    return X, Y


def _holds_only_numbers(value, depth):
    """True if `value` is an ndarray of a real dtype, or lists nested `depth` deep of reals."""
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "fiu"
    if depth == 0:
        return isinstance(value, numbers.Real) and not isinstance(value, bool)
    return isinstance(value, (list, tuple)) and all(_holds_only_numbers(v, depth - 1) for v in value)


def _show(value):
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
