"""PyTorch as an independent reference: the network rebuilt from float64 tensors, its
objective E = mean_n E_n + λ₁ Σ|w| + (λ₂/2) Σ w² written from the formulas, and the
gradients from autograd. Shares no code with `bpviz.engine` (it reads only the
network's plain attributes: weights, biases, activation and loss names).
"""
import numpy as np
import torch
import torch.nn.functional as F

LEAKY_SLOPE = 0.01

ACTIVATE = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": lambda z: F.leaky_relu(z, LEAKY_SLOPE),
    "linear": lambda z: z,
    "softmax": lambda z: torch.softmax(z, dim=1),
}


def tensors(net):
    """(weights, biases) as float64 leaf tensors that record gradients."""
    weights = [torch.tensor(np.array(w), dtype=torch.float64, requires_grad=True) for w in net.weights]
    biases = [torch.tensor(np.array(b), dtype=torch.float64, requires_grad=True) for b in net.biases]
    return weights, biases


def run(net, weights, biases, X):
    """(zs, activations) of the forward pass in torch; every z keeps its gradient (retain_grad)."""
    a = torch.tensor(np.array(X, dtype=float), dtype=torch.float64)
    zs, activations = [], [a]
    for W, b, name in zip(weights, biases, net.activations):
        z = a @ W.T + b
        z.retain_grad()
        a = ACTIVATE[name](z)
        zs.append(z)
        activations.append(a)
    return zs, activations


def example_losses(loss, a, Y):
    """E_n per example, from the definitions (0 · ln 0 counted as 0)."""
    y = torch.tensor(np.array(Y, dtype=float), dtype=torch.float64)
    if loss == "squared_error":
        return 0.5 * ((y - a) ** 2).sum(dim=1)
    safe_a = torch.where(y != 0, a, torch.ones_like(a))
    cross = torch.where(y != 0, y * torch.log(safe_a), torch.zeros_like(a))
    if loss == "cross_entropy":
        return -cross.sum(dim=1)
    safe_1ma = torch.where(y != 1, 1 - a, torch.ones_like(a))
    return -(cross + torch.where(y != 1, (1 - y) * torch.log(safe_1ma), torch.zeros_like(a))).sum(dim=1)


def objective(net, weights, biases, X, Y, l1=0.0, l2=0.0):
    """(E, zs) with E = mean_n E_n + l1 Σ|w| + (l2/2) Σ w² as a torch scalar."""
    zs, activations = run(net, weights, biases, X)
    penalty = sum(l1 * W.abs().sum() + 0.5 * l2 * (W ** 2).sum() for W in weights)
    return example_losses(net.loss, activations[-1], Y).mean() + penalty, zs


def gradients(net, X, Y, l1=0.0, l2=0.0):
    """(E, weight grads, bias grads, per-example δ of each layer) as NumPy, by autograd.

    δ of layer l for example n is ∂E_n/∂z: autograd gives ∂(mean_n E_n)/∂z = δ / n
    (the penalty does not depend on z), so it is multiplied back by n.
    """
    weights, biases = tensors(net)
    E, zs = objective(net, weights, biases, X, Y, l1, l2)
    E.backward()
    rows = len(np.atleast_2d(X))
    return (E.item(), [W.grad.numpy().copy() for W in weights], [b.grad.numpy().copy() for b in biases],
            [z.grad.numpy() * rows for z in zs])


def sgd(net, X, Y, learning_rate, l1=0.0, l2=0.0, steps=1, batch_size=None, update_biases=True, momentum=0.0):
    """(weights, biases) after `steps` epochs of torch.optim.SGD (with `momentum`) on E, in
    order, in batches of `batch_size` rows (None: all), no shuffling, as NumPy."""
    weights, biases = tensors(net)
    optimizer = torch.optim.SGD(weights + (biases if update_biases else []), lr=learning_rate, momentum=momentum)
    X, Y = np.atleast_2d(np.array(X, dtype=float)), np.atleast_2d(np.array(Y, dtype=float))
    size = len(X) if batch_size is None else batch_size
    for _ in range(steps):
        for start in range(0, len(X), size):
            optimizer.zero_grad()
            E, _ = objective(net, weights, biases, X[start:start + size], Y[start:start + size], l1, l2)
            E.backward()
            optimizer.step()
    return [W.detach().numpy().copy() for W in weights], [b.detach().numpy().copy() for b in biases]
