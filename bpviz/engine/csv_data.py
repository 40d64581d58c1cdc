"""Data sets from uploaded CSV text, read with the standard `csv` module; hostile input
is rejected with `NetworkError` naming the line and column.

The first row is the header of column names (unique, non-empty). The delimiter is the
first of "," ";" and tab found in the header line (else ","). Blank lines are skipped.
Every row must have as many cells as the header. The chosen input and target columns
must hold finite numbers of size at most MAX_PARAMETER_MAGNITUDE, written in plain ASCII
decimal or scientific notation (NUMBER: "-1.5", ".5", "3.", "2e-3"; not "1_000",
full-width or Arabic-Indic digits, "nan", "inf" or hex, all of which Python's float()
would take); other columns may hold anything. Lines are counted from 1, the header
being line 1.
"""
import csv
import io
import math
import re

import numpy as np

from .datasets import Dataset, label_rule
from .errors import NetworkError
from .limits import MAX_INPUTS, MAX_OUTPUTS, MAX_PARAMETER_MAGNITUDE, MAX_ROWS

MAX_CSV_BYTES = 1_000_000
MAX_CSV_COLUMNS = 100
DELIMITERS = (",", ";", "\t")
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
CELL_PADDING = " \t"   # spaces and tabs around a number are ignored


def _text(text_or_bytes, max_bytes):
    """The CSV as a str: UTF-8 (a byte-order mark is dropped), at most max_bytes long."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or not 1 <= max_bytes <= MAX_CSV_BYTES:
        raise NetworkError("csv_max_bytes", limit=MAX_CSV_BYTES)
    if isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(text_or_bytes)
        if len(data) > max_bytes:
            raise NetworkError("csv_too_many_bytes", limit=max_bytes, size=len(data))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise NetworkError("csv_binary") from None
    elif isinstance(text_or_bytes, str):
        text = text_or_bytes
        size = len(text) if len(text) > max_bytes else len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise NetworkError("csv_too_many_bytes", limit=max_bytes, size=size)
        text = text.removeprefix("\ufeff")
    else:
        raise NetworkError("csv_type", got=type(text_or_bytes).__name__)
    if "\x00" in text:
        raise NetworkError("csv_nul")
    if not text.strip():
        raise NetworkError("csv_empty")
    return text


def _rows(text):
    """(header, iterator of (line number, row)) of non-blank rows."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = next((d for d in DELIMITERS if d in first_line), ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = ((reader.line_num, row) for row in reader if row)
    try:
        line, header = next(rows)
    except csv.Error:
        raise NetworkError("csv_malformed", line=reader.line_num) from None
    return _check_header(header, line), _guarded(rows, reader)


def _guarded(rows, reader):
    try:
        yield from rows
    except csv.Error:
        raise NetworkError("csv_malformed", line=reader.line_num) from None


def _check_header(header, line):
    names = [cell.strip() for cell in header]
    if len(names) > MAX_CSV_COLUMNS:
        raise NetworkError("csv_too_many_columns", line=line, limit=MAX_CSV_COLUMNS, count=len(names))
    if all(_is_number(name) for name in names):
        raise NetworkError("csv_no_header", line=line)
    seen = set()
    for column, name in enumerate(names, start=1):
        if not name:
            raise NetworkError("csv_unnamed_column", column=column)
        if name in seen:
            raise NetworkError("csv_repeated_name", column=column, name=name)
        seen.add(name)
    return tuple(names)


def _is_number(cell):
    """True if `cell` is a plain ASCII decimal or scientific number (NUMBER)."""
    return NUMBER.fullmatch(cell.strip(CELL_PADDING)) is not None


def csv_columns(text_or_bytes, max_bytes=MAX_CSV_BYTES):
    """The column names in the CSV header, in order."""
    return _rows(_text(text_or_bytes, max_bytes))[0]


def _check_columns(chosen, field, header, limit):
    if isinstance(chosen, str):
        chosen = [chosen]
    if not isinstance(chosen, (list, tuple)) or not 1 <= len(chosen) <= limit:
        raise NetworkError("csv_column_count", field=field, limit=limit)
    for name in chosen:
        if not isinstance(name, str) or name not in header:
            raise NetworkError("csv_unknown_column", field=field, name=name, columns=", ".join(header)[:200])
    if len(set(chosen)) != len(chosen):
        raise NetworkError("csv_column_twice", field=field)
    return tuple(chosen)


def _number(cell, line, column):
    if not _is_number(cell):
        raise NetworkError("csv_not_a_number", line=line, column=column, cell=cell.strip())
    value = float(cell)
    if not math.isfinite(value) or abs(value) > MAX_PARAMETER_MAGNITUDE:
        raise NetworkError("csv_number_range", line=line, column=column, low=-MAX_PARAMETER_MAGNITUDE,
                           high=MAX_PARAMETER_MAGNITUDE, cell=cell.strip())
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
        raise NetworkError("csv_shared_column", name=sorted(overlap)[0])
    if not isinstance(name, str):
        raise NetworkError("csv_name_type")
    chosen = [header.index(column) for column in inputs + targets]
    values = []
    for line, row in rows:
        if len(row) != len(header):
            raise NetworkError("csv_ragged_row", line=line, count=len(row), width=len(header))
        if len(values) == MAX_ROWS:
            raise NetworkError("csv_too_many_rows", limit=MAX_ROWS)
        values.append([_number(row[i], line, header[i]) for i in chosen])
    if not values:
        raise NetworkError("csv_no_rows")
    array = np.array(values, dtype=np.float64)
    X, Y = array[:, :len(inputs)], array[:, len(inputs):]
    task = "regression" if label_rule(Y) is None else "classification"
    return Dataset(X, Y, name, task, inputs, targets)
