"""JSON text of networks: exact round trip, hostile input rejected.

The dict form is the network's own (`Network.to_dict`, `Network.from_dict`, in
network.py): this module depends on it, never the reverse, and adds the text: size
bounds, encoding, and JSON's own errors, each as a `NetworkError`.
"""
import json

from .errors import NetworkError
from .network import Network

MAX_JSON_CHARS = 200_000  # the largest legal network needs about 20,000


def network_to_dict(net):
    """`net.to_dict()`: the dict form (bpviz.engine.network.FORMAT)."""
    return net.to_dict()


def network_from_dict(data):
    """`Network.from_dict(data)`; anything malformed raises `NetworkError`."""
    return Network.from_dict(data)


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
