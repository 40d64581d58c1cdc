"""Share links: a network and its stepping example packed into one URL-safe token.

Every version restores the network bit for bit, with the example, the learning
rate and whether biases are updated. `encode_share` writes whichever of "3." and
"2." is shorter.
- "3." (written when shorter): the numbers as plain decimals (share_text.py); the
  worked example's token is 82 characters, so its classroom link stays under 200.
- "2." (written otherwise): version + "." + base64url(zlib(payload)), a compact JSON header (sizes, activations, loss,
  learning_rate, update_biases), a newline, then every number as little-endian
  float64 — weights (layer by layer, row-major, Nielsen's shapes), biases, x, y —
  stored byte plane by byte plane (all first bytes, then all second bytes, …),
  which zlib compresses better. The largest legal network's token is about a
  quarter shorter than in "1.".
- "1." (still read): the network's dict form as compact JSON (float64 repr) plus
  x, y, learning_rate and update_biases.
Decoding treats the token as hostile: its alphabet, length, decompressed size,
the stream's end, the count of numbers and every field are checked, and
anything wrong raises `NetworkError`.
"""
import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass

import numpy as np

from .errors import NetworkError
from .network import Network, check_sizes
from .serialization import MAX_JSON_CHARS, network_from_dict
from .share_text import decode_text, encode_text
from .update import check_learning_rate
from .validation import check_array

TOKEN_VERSION = "2"
READ_VERSIONS = ("1", "2", "3")
MAX_TOKEN_CHARS = 30_000   # the largest legal network needs about 7,200 (random) to 7,800 (trained)
BASE64URL = re.compile(r"[A-Za-z0-9_-]*={0,2}")
HEADER_END = b"\n"         # compact JSON never holds a raw newline
FLOAT = np.dtype("<f8")


@dataclass(frozen=True)
class SharedNetwork:
    """What a share link restores: the network, the example (x, y) and the step settings."""
    network: Network
    x: tuple[float, ...]
    y: tuple[float, ...]
    learning_rate: float
    update_biases: bool


def encode_share(shared: SharedNetwork) -> str:
    """The URL-safe token for `shared`: "3." or "2.", whichever is shorter (no padding, only
    [A-Za-z0-9_.~-])."""
    header, numbers = header_and_numbers(shared)
    return min(encode_binary(shared), encode_text(header, numbers), key=len)


def encode_binary(shared: SharedNetwork) -> str:
    """The "2." token for `shared` (base64url of compressed byte planes)."""
    header, numbers = header_and_numbers(shared)
    planes = numbers.astype(FLOAT).view(np.uint8).reshape(-1, FLOAT.itemsize).T.tobytes()
    payload = json.dumps(header, separators=(",", ":")).encode("utf-8") + HEADER_END + planes
    return TOKEN_VERSION + "." + base64.urlsafe_b64encode(zlib.compress(payload, 9)).decode("ascii").rstrip("=")


def header_and_numbers(shared):
    """(header dict, every number in token order as float64): what each version writes."""
    net = shared.network
    header = {"sizes": list(net.sizes), "activations": list(net.activations), "loss": net.loss,
              "learning_rate": shared.learning_rate, "update_biases": bool(shared.update_biases)}
    numbers = np.concatenate([w.ravel() for w in net.weights] + list(net.biases)
                             + [np.asarray(shared.x, dtype=float), np.asarray(shared.y, dtype=float)])
    return header, numbers


def decode_share(token) -> SharedNetwork:
    """The `SharedNetwork` in `token` (version "3.", "2." or "1."), or `NetworkError` saying what is wrong."""
    if not isinstance(token, str):
        raise NetworkError("link_not_text")
    if len(token) > MAX_TOKEN_CHARS:
        raise NetworkError("link_too_long", limit=MAX_TOKEN_CHARS, size=len(token))
    version, _, body = token.partition(".")
    if version not in READ_VERSIONS or not body:
        raise NetworkError("link_version", version=TOKEN_VERSION)
    if version == "3":
        data = _to_dict(*decode_text(body))
    else:
        raw = _unpack(body)
        data = _numbers_to_dict(raw) if version == "2" else _json(raw)
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


def _numbers_to_dict(raw):
    """A "2." payload as the dict form a "1." token holds (so both are checked alike)."""
    header_text, found, planes = raw.partition(HEADER_END)
    header = _json(header_text)
    if not found or not isinstance(header, dict):
        raise NetworkError("link_no_network")
    if len(planes) % FLOAT.itemsize:
        raise NetworkError("link_numbers", expected=_count(header), got=len(planes) / FLOAT.itemsize)
    return _to_dict(header, np.frombuffer(planes, np.uint8).reshape(FLOAT.itemsize, -1).T.copy().view(FLOAT).ravel())


def _count(header):
    sizes = check_sizes(header.get("sizes"), "link sizes")
    return sum(m * n + n for m, n in zip(sizes, sizes[1:])) + sizes[0] + sizes[-1]


def _to_dict(header, numbers):
    """The dict form of a header and its numbers (weights, biases, x, y in token order)."""
    sizes = check_sizes(header.get("sizes"), "link sizes")
    shapes = [(n, m) for m, n in zip(sizes, sizes[1:])] + [(n,) for n in sizes[1:]] + [(sizes[0],), (sizes[-1],)]
    counts = [int(np.prod(shape)) for shape in shapes]
    numbers = np.asarray(numbers, dtype=float)
    if len(numbers) != sum(counts):
        raise NetworkError("link_numbers", expected=sum(counts), got=len(numbers))
    parts = [part.reshape(shape).tolist() for part, shape in zip(np.split(numbers, np.cumsum(counts)[:-1]), shapes)]
    layers = len(sizes) - 1
    return {"sizes": list(sizes), "activations": header.get("activations"), "loss": header.get("loss"),
            "weights": parts[:layers], "biases": parts[layers:2 * layers], "x": parts[-2], "y": parts[-1],
            "learning_rate": header.get("learning_rate"), "update_biases": header.get("update_biases")}


def _unpack(body):
    """base64url → zlib → bytes, each step bounded and every failure a NetworkError."""
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
    return raw


def _json(raw):
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise NetworkError("link_too_deep") from None
    except (UnicodeDecodeError, ValueError):
        raise NetworkError("link_not_json") from None
