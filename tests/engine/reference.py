"""An independent reference for the engine: one fully-connected network in plain Python.

Lists and the `math` module only (no NumPy), written from the formulas, one
example at a time, so that it shares no code and no vectorised trick with
`bpviz.engine`. Tests compare the engine against it.

Conventions (the project's): `weights[l][j][k]` is the weight from neuron k of
layer l to neuron j of layer l+1, `biases[l][j]` the bias of neuron j of layer
l+1, `activations[l]` the name of layer l+1's activation. For one example:

    z^{(l)}_j = Σ_k w^{(l)}_{jk} a^{(l-1)}_k + b^{(l)}_j,   a^{(l)}_j = f(z^{(l)}_j)
    δ^{(L)}_j = Σ_i ∂E/∂a^{(L)}_i · ∂a^{(L)}_i/∂z^{(L)}_j   (the full Jacobian, any f)
    δ^{(l)}_j = f′(z^{(l)}_j) Σ_i w^{(l+1)}_{ij} δ^{(l+1)}_i
    ∂E/∂w^{(l)}_{jk} = δ^{(l)}_j a^{(l-1)}_k,   ∂E/∂b^{(l)}_j = δ^{(l)}_j

Batch gradients are the mean over examples of these per-example gradients.
"""
import math
import random

LEAKY_RELU_SLOPE = 0.01  # slope of leaky ReLU for z ≤ 0


# --- activations: value and Jacobian ∂a_i/∂z_j of one layer -------------------------

def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    return math.exp(z) / (1.0 + math.exp(z))


def activate(name, zs):
    """a = f(z) for one layer of one example (`zs` a list)."""
    if name == "softmax":
        top = max(zs)
        exps = [math.exp(z - top) for z in zs]
        total = sum(exps)
        return [e / total for e in exps]
    elementwise = {
        "sigmoid": _sigmoid,
        "tanh": math.tanh,
        "relu": lambda z: z if z > 0 else 0.0,
        "leaky_relu": lambda z: z if z > 0 else LEAKY_RELU_SLOPE * z,
        "linear": lambda z: z,
    }[name]
    return [elementwise(z) for z in zs]


def derivative(name, z):
    """f′(z) of an elementwise activation."""
    if name == "sigmoid":
        s = _sigmoid(z)
        return s * (1.0 - s)
    if name == "tanh":
        return 1.0 - math.tanh(z) ** 2
    if name == "relu":
        return 1.0 if z > 0 else 0.0
    if name == "leaky_relu":
        return 1.0 if z > 0 else LEAKY_RELU_SLOPE
    if name == "linear":
        return 1.0
    raise ValueError(f"{name} is not elementwise")


def jacobian(name, zs):
    """J[i][j] = ∂a_i/∂z_j for one layer (diagonal unless softmax)."""
    n = len(zs)
    if name == "softmax":
        a = activate("softmax", zs)
        return [[a[i] * ((1.0 if i == j else 0.0) - a[j]) for j in range(n)] for i in range(n)]
    return [[derivative(name, zs[i]) if i == j else 0.0 for j in range(n)] for i in range(n)]


# --- losses of one example and ∂E/∂a ---------------------------------------------------

def example_loss(name, targets, outputs):
    """E of one example; terms y·ln a with y = 0 count as 0."""
    if name == "squared_error":
        return 0.5 * sum((y - a) ** 2 for y, a in zip(targets, outputs))
    if name == "cross_entropy":
        return -sum(y * math.log(a) for y, a in zip(targets, outputs) if y != 0)
    if name == "binary_cross_entropy":
        return -sum((y * math.log(a) if y != 0 else 0.0)
                    + ((1.0 - y) * math.log(1.0 - a) if y != 1 else 0.0)
                    for y, a in zip(targets, outputs))
    raise ValueError(name)


def loss_gradient(name, targets, outputs):
    """∂E/∂a_k of one example."""
    if name == "squared_error":
        return [a - y for y, a in zip(targets, outputs)]
    if name == "cross_entropy":
        return [-y / a for y, a in zip(targets, outputs)]
    if name == "binary_cross_entropy":
        return [-y / a + (1.0 - y) / (1.0 - a) for y, a in zip(targets, outputs)]
    raise ValueError(name)


# --- one example, then a batch ---------------------------------------------------------

def forward_example(weights, biases, activations, x):
    """(zs, outs): zs[l] is z of layer l+1, outs[l] is a of layer l (outs[0] = x)."""
    zs, outs = [], [list(x)]
    for W, b, name in zip(weights, biases, activations):
        prev = outs[-1]
        z = [sum(W[j][k] * prev[k] for k in range(len(prev))) + b[j] for j in range(len(W))]
        zs.append(z)
        outs.append(activate(name, z))
    return zs, outs


def backward_example(weights, biases, activations, loss, x, y):
    """(E, deltas, weight_grads, bias_grads) of one example; deltas[l] is δ of layer l+1."""
    zs, outs = forward_example(weights, biases, activations, x)
    L = len(weights)
    deltas = [None] * L
    grad_out = loss_gradient(loss, y, outs[-1])
    J = jacobian(activations[-1], zs[-1])
    deltas[-1] = [sum(grad_out[i] * J[i][j] for i in range(len(grad_out))) for j in range(len(zs[-1]))]
    for l in range(L - 2, -1, -1):
        W_next, d_next = weights[l + 1], deltas[l + 1]
        deltas[l] = [derivative(activations[l], zs[l][j]) * sum(W_next[i][j] * d_next[i] for i in range(len(d_next)))
                     for j in range(len(zs[l]))]
    weight_grads = [[[deltas[l][j] * outs[l][k] for k in range(len(outs[l]))] for j in range(len(deltas[l]))]
                    for l in range(L)]
    bias_grads = [list(deltas[l]) for l in range(L)]
    return example_loss(loss, y, outs[-1]), deltas, weight_grads, bias_grads


def _mean(items):
    """Elementwise mean of equally nested lists of floats."""
    if isinstance(items[0], list):
        return [_mean([item[i] for item in items]) for i in range(len(items[0]))]
    return sum(items) / len(items)


def batch_pass(weights, biases, activations, loss, X, Y):
    """A whole batch: dict with 'zs', 'outs', 'deltas' (each per layer, rows = examples),
    'loss' (mean), 'weight_grads', 'bias_grads' (means of the per-example gradients)."""
    passes = [forward_example(weights, biases, activations, x) for x in X]
    results = [backward_example(weights, biases, activations, loss, x, y) for x, y in zip(X, Y)]
    L = len(weights)
    return {
        "zs": [[p[0][l] for p in passes] for l in range(L)],
        "outs": [[p[1][l] for p in passes] for l in range(L + 1)],
        "deltas": [[r[1][l] for r in results] for l in range(L)],
        "loss": _mean([r[0] for r in results]),
        "weight_grads": _mean([r[2] for r in results]),
        "bias_grads": _mean([r[3] for r in results]),
    }


def random_parameters(sizes, seed, scale=1.0, output_bias=None, output_scale=None):
    """Seeded weights and biases as nested lists, uniform in [−scale, scale].

    `output_scale` and `output_bias` (if given) replace the output layer's range and
    set every output bias, e.g. to keep outputs near 0.5 for cross-entropy losses.
    """
    rng = random.Random(seed)
    weights, biases = [], []
    L = len(sizes) - 1
    for l in range(L):
        s = output_scale if (l == L - 1 and output_scale is not None) else scale
        weights.append([[rng.uniform(-s, s) for _ in range(sizes[l])] for _ in range(sizes[l + 1])])
        if l == L - 1 and output_bias is not None:
            biases.append([float(output_bias)] * sizes[l + 1])
        else:
            biases.append([rng.uniform(-s, s) for _ in range(sizes[l + 1])])
    return weights, biases


def sgd(params, grads, learning_rate):
    """params − η·grads, elementwise over equally nested lists."""
    if isinstance(params, list):
        return [sgd(p, g, learning_rate) for p, g in zip(params, grads)]
    return params - learning_rate * grads


# --- comparing gradients -----------------------------------------------------------------

def flatten(values):
    """All numbers of arbitrarily nested lists/tuples (or objects with .tolist()), in order."""
    if hasattr(values, "tolist"):
        values = values.tolist()
    if isinstance(values, (list, tuple)):
        return [x for v in values for x in flatten(v)]
    return [float(values)]


def relative_error(analytic, numeric):
    """‖a − n‖ / (‖a‖ + ‖n‖) over every number of the two (0 when both are 0)."""
    a, n = flatten(analytic), flatten(numeric)
    assert len(a) == len(n), "compared gradients differ in size"
    difference = math.sqrt(sum((x - y) ** 2 for x, y in zip(a, n)))
    scale = math.sqrt(sum(x * x for x in a)) + math.sqrt(sum(y * y for y in n))
    return difference / scale if scale > 0 else 0.0
