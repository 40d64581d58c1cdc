"""The one exception type the engine's public functions raise."""
from .messages import MESSAGES


class NetworkError(ValueError):
    """Bad input to the engine: the message names the field and the accepted range.

    `code` is a key of `messages.MESSAGES` and `params` the values its message
    needs; `str(error)` is the English message. An interface in another language
    shows its own text for `code`, filled with the same `params`.
    """

    def __init__(self, code, **params):
        if code not in MESSAGES:
            raise KeyError(f"NetworkError: no message for code {code!r}")
        self.code = code
        self.params = params
        super().__init__(MESSAGES[code].format(**params))

    def __reduce__(self):
        """Pickled as its code and values, so an error raised in a worker process (the
        server's queue of heavy jobs) reaches the page whole."""
        return type(self).rebuilt, (self.code, self.params)

    @classmethod
    def rebuilt(cls, code, params):
        """The error of `code` and `params`, as a raise site made it (unpickling)."""
        return cls(code, **params)
