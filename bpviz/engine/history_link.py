"""Training's history as a short text for the address bar, and back, so a reload redraws
the curves the learner saw.

    1200~.6931~1,.69,,.5,,.5_600,.2412,,.75,,.5_1200,.0123,,1,,.5

Epochs done, "~", the loss before the first epoch, "~", then records joined by "_": each
epoch, train loss, test loss, train accuracy, test accuracy and learning rate joined by ","
(empty for None). Values keep DIGITS significant digits (the page prints 4) and a long
history keeps at most MAX_RECORDS of its records, evenly spaced, always the first and the
last: the curves redraw as they were drawn, the metrics read the same, in a few KB.
`history_from_text` treats the text as hostile and raises ValueError for anything malformed.
"""
import math
import re

from .training_state import EpochRecord

MAX_RECORDS = 160
DIGITS = 5
MAX_TEXT = 20_000
MAX_EPOCH = 10**9
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d{1,3})?")


def _number(value):
    text = f"{value:.{DIGITS}g}"
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text.replace("e+", "e")


def sampled(history, most=MAX_RECORDS):
    """At most `most` records of `history`, evenly spaced, with the first and the last."""
    if len(history) <= most:
        return tuple(history)
    picks = sorted({round(i * (len(history) - 1) / (most - 1)) for i in range(most)})
    return tuple(history[i] for i in picks)


def history_to_text(epoch, initial_loss, history):
    """The text of a training's epochs done, initial loss and (sampled) history."""
    records = []
    for r in sampled(history):
        fields = [str(r.epoch)] + ["" if v is None else _number(v) for v in
                                   (r.train_loss, r.test_loss, r.train_accuracy, r.test_accuracy, r.learning_rate)]
        records.append(",".join(fields))
    start = "" if initial_loss is None else _number(initial_loss)
    return f"{int(epoch)}~{start}~" + "_".join(records)


def history_from_text(text):
    """(epoch, initial_loss, history) from `text`; ValueError if malformed."""
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise ValueError("history text")
    parts = text.split("~")
    if len(parts) != 3:
        raise ValueError("history text")
    epoch = _count(parts[0])
    initial = _value(parts[1])
    history = []
    for record in parts[2].split("_") if parts[2] else []:
        fields = record.split(",")
        if len(fields) != 6:
            raise ValueError("history record")
        values = [_value(f) for f in fields[1:]]
        if values[0] is None or values[4] is None:
            raise ValueError("history record")
        for accuracy in values[2:4]:
            if accuracy is not None and not 0 <= accuracy <= 1:
                raise ValueError("history accuracy")
        history.append(EpochRecord(_count(fields[0]), *values))
    if any(a.epoch >= b.epoch for a, b in zip(history, history[1:])) or (history and history[-1].epoch > epoch):
        raise ValueError("history order")
    return epoch, initial, tuple(history)


def _count(text):
    if not (text.isascii() and text.isdigit()) or len(text) > 10 or int(text) > MAX_EPOCH:
        raise ValueError(text[:12])
    return int(text)


def _value(text):
    if text == "":
        return None
    if len(text) > 20 or not NUMBER.fullmatch(text) or not math.isfinite(float(text)):
        raise ValueError(text[:20])
    return float(text)
