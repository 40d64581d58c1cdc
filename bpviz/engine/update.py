"""The update: gradient descent on the parameters, returning a new network.

w ← w − η ∂E/∂w and b ← b − η ∂E/∂b (η is the learning rate, the seed
articles' "training factor"). The old network is never changed.
"""
import numpy as np

from .errors import NetworkError
from .limits import MAX_LEARNING_RATE, MAX_PARAMETER_MAGNITUDE, MIN_LEARNING_RATE
from .network import Network
from .propagation import Gradients
from .validation import check_bool, check_number, check_type


def check_learning_rate(learning_rate, field="learning_rate"):
    return check_number(learning_rate, field, MIN_LEARNING_RATE, MAX_LEARNING_RATE, low_open=True)


def sgd_step(net: Network, grads: Gradients, learning_rate, update_biases=True) -> Network:
    """A new network one gradient-descent step from `net` (which is unchanged).

    Raises `NetworkError` if a gradient is shaped unlike its parameter, or if the
    step would leave a parameter non-finite or beyond ±MAX_PARAMETER_MAGNITUDE
    (the learning rate is too high: the step diverges).
    """
    check_type(net, Network, "net")
    learning_rate = check_learning_rate(learning_rate)
    update_biases = check_bool(update_biases, "update_biases")
    weight_grads, bias_grads = _check_gradients(net, grads)
    weights = [w - learning_rate * g for w, g in zip(net.weights, weight_grads)]
    biases = ([b - learning_rate * g for b, g in zip(net.biases, bias_grads)]
              if update_biases else list(net.biases))
    for field, arrays in (("weights", weights), ("biases", biases)):
        for l, array in enumerate(arrays):
            if not (np.abs(array) <= MAX_PARAMETER_MAGNITUDE).all():
                raise NetworkError("update_too_big", field=field, l=l, learning_rate=learning_rate,
                                   low=-MAX_PARAMETER_MAGNITUDE, limit=MAX_PARAMETER_MAGNITUDE)
    return Network.trusted(weights, biases, net.activations, net.loss, net.sizes)


def _check_gradients(net, grads):
    weight_grads = getattr(grads, "weights", None)
    bias_grads = getattr(grads, "biases", None)
    for field, given, params in (("grads.weights", weight_grads, net.weights),
                                 ("grads.biases", bias_grads, net.biases)):
        if not isinstance(given, (list, tuple)) or len(given) != len(params):
            raise NetworkError("gradients_count", field=field, count=len(params))
        for l, (g, p) in enumerate(zip(given, params)):
            if not isinstance(g, np.ndarray) or g.shape != p.shape or g.dtype.kind not in "fiu":
                raise NetworkError("gradient_shape", field=field, l=l, shape=p.shape,
                                   got=f"{getattr(g, 'shape', type(g).__name__)} {getattr(g, 'dtype', '')}")
    return weight_grads, bias_grads
