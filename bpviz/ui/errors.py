"""Errors the interface raises itself, about what a learner typed into a widget the
engine never sees as such (e.g. a weight table of the wrong shape).

`InterfaceError` is a `NetworkError`, so pages catch and show it like the engine's
(`i18n.error_text` reads its `code` and `params`); its English text is here, in
`MESSAGES`, and the other languages translate the same code in their catalogues.
"""
from types import MappingProxyType

from bpviz.engine import NetworkError

MESSAGES = MappingProxyType({
    "table_shape": "the table of layer {layer} must have {rows} rows and {columns} columns, got {shape}",
})


class InterfaceError(NetworkError):
    """A `NetworkError` whose code is a key of this module's `MESSAGES`."""

    def __init__(self, code, **params):
        if code not in MESSAGES:
            raise KeyError(f"InterfaceError: no message for code {code!r}")
        self.code = code
        self.params = params
        ValueError.__init__(self, MESSAGES[code].format(**params))
