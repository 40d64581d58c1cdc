"""The short share token ("3."): a network written out as plain decimals, for links a class types.

    3.2-2-2~ss~s~.5~0~.15_.2_.25_.3_.4_.45_.5_.55_.35_.35_.6_.6_.05_.1_.01_.99

Fields, separated by "~": the sizes joined by "-"; one letter per layer's activation
(ACTIVATION_CODES); one letter for the loss (LOSS_CODES); the learning rate; "1" if
biases are updated, else "0"; then every number joined by "_", in the order of the "2."
token (weights layer by layer, row-major in Nielsen's shapes, then biases, x, y).
Each number is Python's shortest round-trip decimal (repr) without a leading zero, so
the token restores every float64 bit for bit, like the other versions, and is short when
the numbers are (the worked example's token is 82 characters). Only [0-9A-Za-z._~-] occur,
all unreserved in URLs, so the token is never percent-encoded.

`decode_text` treats the token as hostile: alphabet, length, field count, every number's
form (no nan or inf), and the count of numbers are checked; `NetworkError` otherwise.
"""
import re

from .errors import NetworkError
from .network import check_sizes

VERSION = "3"
ACTIVATION_CODES = {"sigmoid": "s", "tanh": "t", "relu": "r", "leaky_relu": "l", "linear": "i", "softmax": "x"}
LOSS_CODES = {"squared_error": "s", "cross_entropy": "c", "binary_cross_entropy": "b"}
FIELD = "~"
NUMBER_SEPARATOR = "_"
ALPHABET = re.compile(r"[0-9A-Za-z._~-]*")
DECIMAL = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:e-?\d{1,3})?")
MAX_NUMBER_CHARS = 30            # repr of a float64 is at most 24 characters


def decimal(value):
    """The shortest decimal that reads back as exactly `value`, without its leading zero."""
    text = repr(float(value))
    if text.endswith(".0"):
        text = text[:-2]
    if text.startswith("0.") or text.startswith("-0."):
        text = text.replace("0.", ".", 1)
    return text.replace("e+", "e")


def encode_text(header, numbers):
    """The "3." token of `header` (sizes, activations, loss, learning_rate, update_biases, as
    in the "2." header) and `numbers` (every number in the token order)."""
    fields = ["-".join(str(n) for n in header["sizes"]),
              "".join(ACTIVATION_CODES[name] for name in header["activations"]),
              LOSS_CODES[header["loss"]], decimal(header["learning_rate"]), "1" if header["update_biases"] else "0",
              NUMBER_SEPARATOR.join(decimal(v) for v in numbers)]
    return VERSION + "." + FIELD.join(fields)


def decode_text(body):
    """(header, numbers) of a "3." token's body, checked; the numbers as floats."""
    if not ALPHABET.fullmatch(body):
        raise NetworkError("link_short_alphabet")
    fields = body.split(FIELD)
    if len(fields) != 6:
        raise NetworkError("link_no_network")
    sizes_text, activations, loss, learning_rate, update_biases, numbers = fields
    try:
        sizes = [int(n) for n in sizes_text.split("-")] if re.fullmatch(r"\d{1,3}(-\d{1,3})*", sizes_text) else None
    except ValueError:
        sizes = None
    sizes = check_sizes(sizes, "link sizes")
    return ({"sizes": sizes, "activations": [_by_code(ACTIVATION_CODES, c, "activations") for c in activations],
             "loss": _by_code(LOSS_CODES, loss, "loss"), "learning_rate": _number(learning_rate),
             "update_biases": {"1": True, "0": False}.get(update_biases, update_biases)},
            [_number(text) for text in numbers.split(NUMBER_SEPARATOR)] if numbers else [])


def _by_code(codes, code, field):
    for name, letter in codes.items():
        if letter == code:
            return name
    raise NetworkError("unknown_choice", field=f"link {field}", choices=", ".join(codes.values()), got=code[:10])


def _number(text):
    if len(text) > MAX_NUMBER_CHARS or not DECIMAL.fullmatch(text):
        raise NetworkError("link_numbers_text", got=text[:MAX_NUMBER_CHARS])
    return float(text)
