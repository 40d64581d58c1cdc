"""Per-session memory of expensive results, so a rerun that changes nothing they
depend on (a language switch, another widget, a sidebar click) computes nothing.

`remembered(slot, parts, compute)` keeps ONE result per slot (e.g. "landscape_two")
in this session's state, under a digest of everything the result depends on
(networks, arrays, settings). Nothing is shared between sessions (this is not
`st.cache_resource`), and each session holds at most one result per slot.
"""
import hashlib

import numpy as np

from bpviz.engine import Network, encode_share
from bpviz.ui.session import state


def digest(parts):
    """A SHA-256 hex digest of networks, arrays and plain values (by their repr)."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Network):
            h.update(repr((part.sizes, part.activations, part.loss)).encode())
            for array in (*part.weights, *part.biases):
                h.update(np.ascontiguousarray(array).tobytes())
        elif isinstance(part, np.ndarray):
            h.update(repr((part.shape, part.dtype.str)).encode())
            h.update(np.ascontiguousarray(part).tobytes())
        else:
            h.update(repr(part).encode())
        h.update(b"|")
    return h.hexdigest()


def remembered(slot, parts, compute):
    """compute() the first time, or when `parts` changed since the slot's last result."""
    memo = state.memo()
    key = digest(parts)
    if slot not in memo or memo[slot][0] != key:
        memo[slot] = (key, compute())
    return memo[slot][1]


def share_token(shared):
    """engine.encode_share(shared) (a SharedNetwork), remembered while it stays the same: the
    address is written after every step the learner takes, and the largest network's token
    takes about 1.4 ms to make."""
    parts = (shared.network, shared.x, shared.y, shared.learning_rate, shared.update_biases)
    return remembered("share_token", parts, lambda: encode_share(shared))
