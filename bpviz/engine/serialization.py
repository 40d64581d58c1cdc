"""JSON (de)serialisation of networks: exact round trip, hostile input rejected.

The dict form is `{"format": "bpviz.network", "version": 1, "sizes": [...],
"activations": [...], "loss": "...", "weights": [[[...]]], "biases": [[...]]}`.
Floats are written as Python floats, whose repr round-trips float64 exactly.
"""
import json

from .errors import NetworkError
from .network import Network

FORMAT = "bpviz.network"
VERSION = 1
MAX_JSON_CHARS = 200_000  # the largest legal network needs about 20,000
_REQUIRED = ("activations", "loss", "weights", "biases")


def network_to_dict(net):
    return {
        "format": FORMAT,
        "version": VERSION,
        "sizes": list(net.sizes),
        "activations": list(net.activations),
        "loss": net.loss,
        "weights": [w.tolist() for w in net.weights],
        "biases": [b.tolist() for b in net.biases],
    }


def network_from_dict(data):
    if not isinstance(data, dict):
        raise NetworkError("json_not_object", got=type(data).__name__)
    if data.get("format", FORMAT) != FORMAT:
        raise NetworkError("json_format", expected=FORMAT, got=data.get('format'))
    version = data.get("version", VERSION)
    if type(version) is not int or version != VERSION:
        raise NetworkError("json_version", expected=VERSION, got=data.get('version'))
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise NetworkError("json_missing_fields", fields=", ".join(missing))
    net = Network(data["weights"], data["biases"], data["activations"], data["loss"])
    sizes = data.get("sizes", list(net.sizes))
    if not isinstance(sizes, list) or [type(n) for n in sizes] != [int] * len(sizes) or sizes != list(net.sizes):
        raise NetworkError("json_sizes", expected=list(net.sizes), got=data['sizes'])
    return net


def network_to_json(net):
    return json.dumps(network_to_dict(net), indent=1)


def network_from_json(text):
    """Parse an uploaded JSON text (str or bytes, UTF-8; a byte-order mark, as some
    Windows editors write, is dropped) into a network, or raise `NetworkError`."""
    if isinstance(text, (bytes, bytearray)):
        if len(text) > MAX_JSON_CHARS:
            raise NetworkError("json_too_many_bytes", limit=MAX_JSON_CHARS, size=len(text))
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise NetworkError("json_binary") from None
    if not isinstance(text, str):
        raise NetworkError("json_not_text")
    if len(text) > MAX_JSON_CHARS:
        raise NetworkError("json_too_many_characters", limit=MAX_JSON_CHARS, size=len(text))
    try:
        data = json.loads(text.removeprefix("\ufeff"))
    except RecursionError:
        raise NetworkError("json_too_deep") from None
    except json.JSONDecodeError as error:
        raise NetworkError("json_invalid", line=error.lineno, column=error.colno) from None
    except ValueError:   # valid JSON Python will not read, e.g. an integer of 5 000 digits
        raise NetworkError("json_unreadable_value") from None
    return network_from_dict(data)
