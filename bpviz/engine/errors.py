"""The one exception type the engine's public functions raise."""


class NetworkError(ValueError):
    """Bad input to the engine: the message names the field and the accepted range."""
