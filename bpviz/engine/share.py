"""Share links: a network and its stepping example packed into one URL-safe token.

Token = "1." + base64url(zlib(compact JSON)). The JSON holds the network's
dict form (exact float64 repr, so the link restores the network bit for bit),
the example, the learning rate and whether biases are updated. Decoding
treats the token as hostile: its length, the decompressed size and every
field are checked, and anything wrong raises `NetworkError`.
"""
import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass
from typing import Tuple

from .errors import NetworkError
from .network import Network
from .serialization import MAX_JSON_CHARS, network_from_dict, network_to_dict
from .update import check_learning_rate
from .validation import check_array

TOKEN_VERSION = "1"
MAX_TOKEN_CHARS = 30_000   # the largest legal network needs about 10,000
BASE64URL = re.compile(r"[A-Za-z0-9_-]*={0,2}")


@dataclass(frozen=True)
class SharedNetwork:
    """What a share link restores: the network, the example (x, y) and the step settings."""
    network: Network
    x: Tuple[float, ...]
    y: Tuple[float, ...]
    learning_rate: float
    update_biases: bool


def encode_share(shared: SharedNetwork) -> str:
    """The URL-safe token for `shared` (no padding, only [A-Za-z0-9_-.])."""
    data = network_to_dict(shared.network)
    data.update(x=list(shared.x), y=list(shared.y), learning_rate=shared.learning_rate,
                update_biases=bool(shared.update_biases))
    packed = zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 9)
    return TOKEN_VERSION + "." + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode_share(token) -> SharedNetwork:
    """The `SharedNetwork` in `token`, or `NetworkError` saying what is wrong with it."""
    if not isinstance(token, str):
        raise NetworkError("link_not_text")
    if len(token) > MAX_TOKEN_CHARS:
        raise NetworkError("link_too_long", limit=MAX_TOKEN_CHARS, size=len(token))
    version, _, body = token.partition(".")
    if version != TOKEN_VERSION or not body:
        raise NetworkError("link_version", version=TOKEN_VERSION)
    data = _unpack(body)
    if not isinstance(data, dict):
        raise NetworkError("link_no_network")
    extra = {key: data.pop(key, None) for key in ("x", "y", "learning_rate", "update_biases")}
    network = network_from_dict(data)
    x = check_array(extra["x"], "link x (example input)", (network.sizes[0],))
    y = check_array(extra["y"], "link y (example target)", (network.sizes[-1],))
    learning_rate = check_learning_rate(extra["learning_rate"], "link learning_rate")
    if not isinstance(extra["update_biases"], bool):
        raise NetworkError("link_update_biases")
    return SharedNetwork(network, tuple(x.tolist()), tuple(y.tolist()), learning_rate,
                         extra["update_biases"])


def _unpack(body):
    """base64url → zlib → JSON, each step bounded and every failure a NetworkError."""
    if not BASE64URL.fullmatch(body):   # a character outside the alphabet is damage, not something to skip
        raise NetworkError("link_not_base64")
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        raise NetworkError("link_not_base64") from None
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(packed, MAX_JSON_CHARS + 1)
    except zlib.error:
        raise NetworkError("link_not_compressed") from None
    if len(raw) > MAX_JSON_CHARS or inflater.unconsumed_tail:
        raise NetworkError("link_too_large", limit=MAX_JSON_CHARS)
    if not inflater.eof:          # the stream stops before its end (and its checksum): a cut link
        raise NetworkError("link_cut")
    if inflater.unused_data:      # bytes after the stream's end: junk appended to the link
        raise NetworkError("link_trailing", count=len(inflater.unused_data))
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise NetworkError("link_too_deep") from None
    except (UnicodeDecodeError, ValueError):
        raise NetworkError("link_not_json") from None
