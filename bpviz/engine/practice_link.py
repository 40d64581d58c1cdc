"""A pass's quiz work as a short text for the address bar, and back, so a reload keeps it.

    4~2.0.z.1.0.-.1.0.1_3.0.a.1.0.-.0.0.1

The furthest step the learner may see, "~", then one attempt per "_": the step index
and turn it was asked at, the question (quantity code, layer, j, k or "-"), wrong tries,
hints shown and "1" if solved, else "0". Quantities are coded by QUANTITY_CODES.
`attempts_from_text` treats the text as hostile: anything malformed raises ValueError,
and the numbers are bounded (a step index by `max_index`, a neuron by the engine's limits).
"""
from .limits import MAX_NEURONS_PER_LAYER
from .practice import HINT_LEVELS, Attempt, Question, kind

QUANTITY_CODES = {"z": "z", "a": "a", "loss": "e", "delta": "d", "bias_grad": "gb", "weight_grad": "gw",
                  "new_weight": "nw", "new_bias": "nb"}
MAX_TRIES = 999
MAX_TEXT = 4000


def attempts_to_text(reached, attempts):
    """The text of `reached` (int) and `attempts` ({(step index, turn): Attempt})."""
    parts = []
    for (index, turn), attempt in sorted(attempts.items()):
        q = attempt.question
        parts.append(".".join([str(index), str(turn), QUANTITY_CODES[q.quantity], str(q.layer), str(q.j),
                               "-" if q.k is None else str(q.k), str(attempt.tries), str(attempt.hints),
                               "1" if attempt.solved else "0"]))
    return f"{int(reached)}~" + "_".join(parts)


def attempts_from_text(text, output_layer, max_index):
    """(reached, attempts) from `text`; ValueError if it is malformed or out of range."""
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise ValueError("quiz text")
    reached_text, separator, body = text.partition("~")
    if not separator:
        raise ValueError("quiz text")
    reached = _bounded(reached_text, max_index)
    attempts = {}
    codes = {code: name for name, code in QUANTITY_CODES.items()}
    for part in body.split("_") if body else []:
        fields = part.split(".")
        if len(fields) != 9 or fields[2] not in codes:
            raise ValueError("quiz attempt")
        index, turn = _bounded(fields[0], max_index), _bounded(fields[1], MAX_TRIES)
        layer, j = _bounded(fields[3], output_layer), _bounded(fields[4], MAX_NEURONS_PER_LAYER - 1)
        k = None if fields[5] == "-" else _bounded(fields[5], MAX_NEURONS_PER_LAYER - 1)
        question = Question(codes[fields[2]], layer, j, k)
        solved = {"1": True, "0": False}[fields[8]] if fields[8] in ("0", "1") else None
        if solved is None:
            raise ValueError("quiz solved")
        attempts[(index, turn)] = Attempt(question, kind(question, output_layer), _bounded(fields[6], MAX_TRIES),
                                          _bounded(fields[7], HINT_LEVELS), solved)
    return reached, attempts


def _bounded(text, most):
    if not (text.isascii() and text.isdigit()) or len(text) > 4 or int(text) > most:
        raise ValueError(text[:10])
    return int(text)
