"""The Train page's data in the address bar: a short text that rebuilds a built-in
data set exactly, and back.

    truth_table:xor                 a truth table: and, or, xor
    two_d:circle:200:0.1:0.25:0     2-D points: shape, rows, noise, test fraction, seed
    sine:200:0.1:0.25:0             the sine curve: rows, noise, test fraction, seed
    csv                             an uploaded file, which cannot travel in an address

The text for the session's data is read from the Train page's data widgets (the
settings the data were made with, see `train_data.picker`) and checked by
rebuilding the data from it: data it does not rebuild exactly count as uploaded.
"""
import numpy as np

from bpviz.engine import TRUTH_TABLES, TWO_D_NAMES, sine, train_test_split, truth_table, two_d
from bpviz.ui.i18n import t
from bpviz.ui.session import state
from bpviz.ui.train import data as train_data

UPLOADED = "csv"
SEPARATOR = ":"
FORMS = f"truth_table:{'|'.join(TRUTH_TABLES)}, two_d:{'|'.join(TWO_D_NAMES)}:rows:noise:test:seed, " \
        "sine:rows:noise:test:seed, csv"


def build(text) -> "train_data.TrainData":
    """The TrainData that `text` describes. ValueError if the text has another form;
    NetworkError (naming the field and range) if a number is out of range."""
    source, *fields = text.split(SEPARATOR)
    if source == "truth_table" and len(fields) == 1 and fields[0] in TRUTH_TABLES:
        return train_data.TrainData(truth_table(fields[0]), None, t(f"data.truth_table.{fields[0]}"))
    if source == "two_d" and len(fields) == 5 and fields[0] in TWO_D_NAMES:
        name, *fields = fields
        rows, noise, test_fraction, seed = _numbers(fields)
        whole, label = two_d(name, rows, noise, seed), t(f"data.two_d.{name}")
    elif source == "sine" and len(fields) == 4:
        rows, noise, test_fraction, seed = _numbers(fields)
        whole, label = sine(rows, noise, seed), t("data.source.sine")
    else:
        raise ValueError(text)
    train, test = train_test_split(whole, test_fraction, seed)
    return train_data.TrainData(train, test, label)


def _numbers(fields):
    rows, noise, test_fraction, seed = fields
    if not (rows.isdigit() and seed.isdigit()):     # ASCII digits only, no sign
        raise ValueError(fields)
    return int(rows), float(noise), float(test_fraction), int(seed)


def text_of_session():
    """The text for the session's Train data, or None if the Train page has not made any."""
    data = state.train_data()
    if data is None:
        return None
    described = state.data_text()
    if described is None or described[0] is not data:
        described = (data, _text_from_widgets(data))
        state.set_data_text(described)
    return described[1]


def remember(data, text):
    """Record that `data` (just rebuilt from a link) is described by `text`."""
    state.set_data_text((data, text))


def _text_from_widgets(data):
    """The text built from the data widgets' values (or a truth table's), if it rebuilds
    `data` exactly; else UPLOADED."""
    get = state.widget_value
    numbers = f"{get('data_rows', 200)}:{get('data_noise', 0.1)!r}:{get('data_test_fraction', 0.25)!r}:" \
              f"{get('data_seed', 0)}"
    candidates = [f"truth_table:{name}" for name in TRUTH_TABLES]
    candidates += [f"two_d:{get('data_shape', TWO_D_NAMES[0])}:{numbers}", f"sine:{numbers}"]
    for text in candidates:
        try:
            if _same(build(text), data):
                return text
        except ValueError:   # NetworkError is a ValueError too
            continue
    return UPLOADED


def _same(a, b):
    parts = [(a.train, b.train)] + ([] if a.test is None and b.test is None else [(a.test, b.test)])
    return all(p is not None and q is not None and np.array_equal(p.X, q.X) and np.array_equal(p.Y, q.Y)
               for p, q in parts)
