"""Data sets from uploaded CSV text, read with the standard `csv` module; hostile input
is rejected with `NetworkError` naming the line and column.

The first row is the header of column names (unique, non-empty). The delimiter is the
first of "," ";" and tab found in the header line (else ","). Blank lines are skipped.
Every row must have as many cells as the header. The chosen input and target columns
must hold finite numbers of size at most MAX_PARAMETER_MAGNITUDE; other columns may
hold anything. Lines are counted from 1, the header being line 1.
"""
import csv
import io
import math

import numpy as np

from .datasets import Dataset, label_rule
from .errors import NetworkError
from .limits import MAX_INPUTS, MAX_OUTPUTS, MAX_PARAMETER_MAGNITUDE, MAX_ROWS

MAX_CSV_BYTES = 1_000_000
MAX_CSV_COLUMNS = 100
DELIMITERS = (",", ";", "\t")


def _text(text_or_bytes, max_bytes):
    """The CSV as a str: UTF-8 (a byte-order mark is dropped), at most max_bytes long."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or not 1 <= max_bytes <= MAX_CSV_BYTES:
        raise NetworkError(f"max_bytes must be a whole number from 1 to {MAX_CSV_BYTES}")
    if isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(text_or_bytes)
        if len(data) > max_bytes:
            raise NetworkError(f"CSV file must be at most {max_bytes:,} bytes, got {len(data):,}")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise NetworkError("CSV file must be UTF-8 text, not binary data") from None
    elif isinstance(text_or_bytes, str):
        text = text_or_bytes
        size = len(text) if len(text) > max_bytes else len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise NetworkError(f"CSV file must be at most {max_bytes:,} bytes, got {size:,}")
        text = text.removeprefix("\ufeff")
    else:
        raise NetworkError(f"CSV file must be text or bytes, got {type(text_or_bytes).__name__}")
    if "\x00" in text:
        raise NetworkError("CSV file must be text, not binary data (it contains NUL bytes)")
    if not text.strip():
        raise NetworkError("CSV file is empty: it needs a header row of column names and data rows")
    return text


def _rows(text):
    """(header, iterator of (line number, row)) of non-blank rows."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = next((d for d in DELIMITERS if d in first_line), ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = ((reader.line_num, row) for row in reader if row)
    try:
        line, header = next(rows)
    except csv.Error as error:
        raise NetworkError(f"CSV file is malformed at line {reader.line_num}: {error}") from None
    return _check_header(header, line), _guarded(rows, reader)


def _guarded(rows, reader):
    try:
        yield from rows
    except csv.Error as error:
        raise NetworkError(f"CSV file is malformed at line {reader.line_num}: {error}") from None


def _check_header(header, line):
    names = [cell.strip() for cell in header]
    if len(names) > MAX_CSV_COLUMNS:
        raise NetworkError(f"CSV header (line {line}) must have at most {MAX_CSV_COLUMNS} columns, "
                           f"got {len(names)}")
    if all(_is_number(name) for name in names):
        raise NetworkError(f"CSV file needs a header row of column names on line {line}, "
                           f"but that line holds only numbers")
    seen = set()
    for column, name in enumerate(names, start=1):
        if not name:
            raise NetworkError(f"CSV header column {column} is empty: every column needs a name")
        if name in seen:
            raise NetworkError(f"CSV header column {column} repeats the name {name!r:.40}: "
                               f"column names must be unique")
        seen.add(name)
    return tuple(names)


def _is_number(cell):
    try:
        float(cell)
    except ValueError:
        return False
    return True


def csv_columns(text_or_bytes, max_bytes=MAX_CSV_BYTES):
    """The column names in the CSV header, in order."""
    return _rows(_text(text_or_bytes, max_bytes))[0]


def _check_columns(chosen, field, header, limit):
    if isinstance(chosen, str):
        chosen = [chosen]
    if not isinstance(chosen, (list, tuple)) or not 1 <= len(chosen) <= limit:
        raise NetworkError(f"{field} must list 1 to {limit} column names")
    for name in chosen:
        if not isinstance(name, str) or name not in header:
            raise NetworkError(f"{field}: {name!r:.40} is not a column of the CSV file "
                               f"(columns: {', '.join(header)[:200]})")
    if len(set(chosen)) != len(chosen):
        raise NetworkError(f"{field} must not name a column twice")
    return tuple(chosen)


def _number(cell, line, column):
    try:
        value = float(cell)
    except ValueError:
        raise NetworkError(f"CSV line {line}, column {column!r:.40}: {cell.strip()!r:.40} is not a "
                           f"number") from None
    if not math.isfinite(value) or abs(value) > MAX_PARAMETER_MAGNITUDE:
        raise NetworkError(f"CSV line {line}, column {column!r:.40}: must be a finite number in "
                           f"[{-MAX_PARAMETER_MAGNITUDE:g}, {MAX_PARAMETER_MAGNITUDE:g}], got {cell.strip()!r:.40}")
    return value


def dataset_from_csv(text_or_bytes, input_columns, target_columns, max_bytes=MAX_CSV_BYTES,
                     name="CSV data"):
    """A `Dataset` of the chosen input and target columns (names from the header).

    The task is "classification" when the targets are class labels (`label_rule`),
    else "regression". Raises `NetworkError` for anything unusable.
    """
    header, rows = _rows(_text(text_or_bytes, max_bytes))
    inputs = _check_columns(input_columns, "input_columns", header, MAX_INPUTS)
    targets = _check_columns(target_columns, "target_columns", header, MAX_OUTPUTS)
    overlap = set(inputs) & set(targets)
    if overlap:
        raise NetworkError(f"input_columns and target_columns must not share a column, "
                           f"both have {sorted(overlap)[0]!r:.40}")
    if not isinstance(name, str):
        raise NetworkError("name must be a string")
    chosen = [header.index(column) for column in inputs + targets]
    values = []
    for line, row in rows:
        if len(row) != len(header):
            raise NetworkError(f"CSV line {line} has {len(row)} cells but the header has "
                               f"{len(header)}: every row needs one cell per column")
        if len(values) == MAX_ROWS:
            raise NetworkError(f"CSV file must have at most {MAX_ROWS} data rows")
        values.append([_number(row[i], line, header[i]) for i in chosen])
    if not values:
        raise NetworkError("CSV file has a header but no data rows")
    array = np.array(values, dtype=np.float64)
    X, Y = array[:, :len(inputs)], array[:, len(inputs):]
    task = "regression" if label_rule(Y) is None else "classification"
    return Dataset(X, Y, name, task, inputs, targets)
