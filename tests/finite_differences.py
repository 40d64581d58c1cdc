"""Gradients by central differences of the engine's loss, an independent check of the
backward pass (the loss is a forward pass only)."""
import numpy as np

from bpviz.engine import Network, loss_value


def layer_rms(net, x, y, eps=1e-6):
    """[RMS of ∂E/∂W of each weight layer, first layer first]: every weight moved by ±eps,
    E of the example(s) (x, y) (rows of X, Y, or one example) by the engine's loss."""
    X, Y = np.atleast_2d(x), np.atleast_2d(y)
    rms = []
    for l, w in enumerate(net.weights):
        grads = np.zeros_like(w)
        for index in np.ndindex(w.shape):
            moved = []
            for sign in (1, -1):
                weights = [v.copy() for v in net.weights]
                weights[l][index] += sign * eps
                moved.append(loss_value(Network(weights, net.biases, net.activations, net.loss), X, Y))
            grads[index] = (moved[0] - moved[1]) / (2 * eps)
        rms.append(float(np.sqrt(np.mean(grads ** 2))))
    return rms
