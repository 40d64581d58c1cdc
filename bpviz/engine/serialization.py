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
        raise NetworkError(f"network must be a JSON object (dict), got {type(data).__name__}")
    if data.get("format", FORMAT) != FORMAT:
        raise NetworkError(f"format must be {FORMAT!r}, got {data.get('format')!r:.40}")
    version = data.get("version", VERSION)
    if type(version) is not int or version != VERSION:
        raise NetworkError(f"version must be {VERSION}, got {data.get('version')!r:.40}")
    missing = [key for key in _REQUIRED if key not in data]
    if missing:
        raise NetworkError(f"network is missing the field(s): {', '.join(missing)}")
    net = Network(data["weights"], data["biases"], data["activations"], data["loss"])
    sizes = data.get("sizes", list(net.sizes))
    if not isinstance(sizes, list) or [type(n) for n in sizes] != [int] * len(sizes) or sizes != list(net.sizes):
        raise NetworkError(f"sizes must match the weights' shapes {list(net.sizes)}, got {data['sizes']!r:.60}")
    return net


def network_to_json(net):
    return json.dumps(network_to_dict(net), indent=1)


def network_from_json(text):
    """Parse an uploaded JSON text (str or bytes) into a network, or raise `NetworkError`."""
    if isinstance(text, (bytes, bytearray)):
        if len(text) > MAX_JSON_CHARS:
            raise NetworkError(f"network file must be at most {MAX_JSON_CHARS:,} bytes, got {len(text):,}")
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise NetworkError("network file must be UTF-8 text (JSON), not binary data") from None
    if not isinstance(text, str):
        raise NetworkError("network file must be JSON text")
    if len(text) > MAX_JSON_CHARS:
        raise NetworkError(f"network file must be at most {MAX_JSON_CHARS:,} characters, got {len(text):,}")
    try:
        data = json.loads(text)
    except RecursionError:
        raise NetworkError("network file is nested too deeply to be a network") from None
    except ValueError as error:
        raise NetworkError(f"network file is not valid JSON: {error}") from None
    return network_from_dict(data)
