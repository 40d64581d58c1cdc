"""`Network`: an immutable, validated fully-connected network.

Convention (Nielsen's, used everywhere in bpviz): layers are numbered 0 (input)
to L (output); `sizes[l]` is the neuron count of layer l; `weights[l]` has shape
`(sizes[l+1], sizes[l])` and `weights[l][j, k]` is the weight from neuron k of
layer l to neuron j of layer l+1; `biases[l]` has shape `(sizes[l+1],)`;
`activations[l]` is the activation of layer l+1. Arrays are read-only float64.
"""
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS, HIDDEN_ACTIVATION_NAMES
from .errors import NetworkError
from .limits import MAX_HIDDEN_LAYERS, MAX_INPUTS, MAX_NEURONS_PER_LAYER, MAX_OUTPUTS, MAX_SEED
from .losses import LOSSES
from .messages import english
from .validation import check_array, check_int

INITS = ("xavier", "he", "uniform", "zeros")
# The dict form (`to_dict`, `from_dict`; JSON text in serialization.py): {"format":
# "bpviz.network", "version": 1, "sizes", "activations", "loss", "weights", "biases"}.
FORMAT = "bpviz.network"
VERSION = 1
DICT_FIELDS = ("activations", "loss", "weights", "biases")   # required; "format", "version", "sizes" may be left out


def size_limit(layer, layer_count):
    """The largest legal neuron count of `layer` in a network of `layer_count` layers."""
    if layer == 0:
        return MAX_INPUTS
    return MAX_OUTPUTS if layer == layer_count - 1 else MAX_NEURONS_PER_LAYER


def check_sizes(sizes, field="sizes"):
    """Neuron counts, input first: 2 to MAX_HIDDEN_LAYERS + 2 layers within the limits."""
    if not isinstance(sizes, (list, tuple)):
        raise NetworkError("sizes_not_list", field=field)
    if not 2 <= len(sizes) <= MAX_HIDDEN_LAYERS + 2:
        raise NetworkError("sizes_layer_count", field=field, most=MAX_HIDDEN_LAYERS + 2, hidden=MAX_HIDDEN_LAYERS,
                           count=len(sizes))
    return tuple(check_int(n, f"{field}[{l}]", 1, size_limit(l, len(sizes)))
                 for l, n in enumerate(sizes))


def check_activations(activations, layer_count):
    """One known activation name per non-input layer; softmax only on the output."""
    if isinstance(activations, str):
        activations = [activations] * layer_count
    if not isinstance(activations, (list, tuple)) or len(activations) != layer_count:
        raise NetworkError("activations_count", count=layer_count)
    for l, name in enumerate(activations):
        allowed = ACTIVATIONS if l == layer_count - 1 else HIDDEN_ACTIVATION_NAMES
        if not isinstance(name, str) or name not in allowed:
            raise NetworkError("unknown_choice", field=f"activations[{l}]", choices=", ".join(allowed), got=name)
    return tuple(activations)


def check_loss(loss):
    if not isinstance(loss, str) or loss not in LOSSES:
        raise NetworkError("unknown_choice", field="loss", choices=", ".join(LOSSES), got=loss)
    return loss


def _matrix_shape(value, field, max_rows, max_cols):
    """Rows and columns of a matrix-like value, checked before any conversion."""
    if isinstance(value, np.ndarray):
        shape = value.shape
        if len(shape) != 2:
            raise NetworkError("matrix_dimensions", field=field, dimensions=len(shape))
    elif isinstance(value, (list, tuple)) and value and all(
            isinstance(r, (list, tuple)) or (isinstance(r, np.ndarray) and r.ndim == 1) for r in value):
        shape = (len(value), len(value[0]))
        if any(len(row) != shape[1] for row in value):
            raise NetworkError("matrix_ragged", field=field)
    else:
        raise NetworkError("not_a_matrix", field=field)
    if not (1 <= shape[0] <= max_rows and 1 <= shape[1] <= max_cols):
        raise NetworkError("matrix_size", field=field, max_rows=max_rows, max_columns=max_cols, got=shape)
    return shape


class Network:
    """An immutable fully-connected network; see the module docstring for the conventions.

    `Network(weights, biases, activations, loss)` validates everything and raises
    `NetworkError` naming the offending field. Equal networks compare equal
    (exact float comparison).
    """
    __slots__ = ("weights", "biases", "activations", "loss", "sizes")

    def __init__(self, weights, biases, activations, loss):
        if not isinstance(weights, (list, tuple)) or not 1 <= len(weights) <= MAX_HIDDEN_LAYERS + 1:
            raise NetworkError("weights_count", most=MAX_HIDDEN_LAYERS + 1)
        layer_count = len(weights) + 1
        sizes = []
        for l, matrix in enumerate(weights):
            rows, cols = _matrix_shape(matrix, f"weights[{l}]", size_limit(l + 1, layer_count),
                                       size_limit(l, layer_count))
            if l == 0:
                sizes.append(cols)
            elif cols != sizes[-1]:
                raise NetworkError("weights_columns", l=l, columns=sizes[-1], got=cols)
            sizes.append(rows)
        if not isinstance(biases, (list, tuple)) or len(biases) != len(weights):
            raise NetworkError("biases_count", count=len(weights))
        weights = tuple(check_array(w, f"weights[{l}]", (sizes[l + 1], sizes[l])) for l, w in enumerate(weights))
        biases = tuple(check_array(b, f"biases[{l}]", (sizes[l + 1],)) for l, b in enumerate(biases))
        self._set(weights, biases, check_activations(activations, len(weights)), check_loss(loss), tuple(sizes))

    def _set(self, weights, biases, activations, loss, sizes):
        for name, value in zip(self.__slots__, (weights, biases, activations, loss, sizes)):
            object.__setattr__(self, name, value)

    @classmethod
    def trusted(cls, weights, biases, activations, loss, sizes):
        """The trusted constructor: a Network built without validation, for parameters the
        engine itself just computed from a valid network (an update, a training run).

        The caller guarantees what `Network(...)` would check: float64 arrays shaped
        `(sizes[l+1], sizes[l])` and `(sizes[l+1],)`, finite and within
        ±MAX_PARAMETER_MAGNITUDE, and a legal architecture. The arrays become read-only.
        """
        net = object.__new__(cls)
        for array in (*weights, *biases):
            array.flags.writeable = False
        net._set(tuple(weights), tuple(biases), activations, loss, sizes)
        return net

    def with_parameters(self, weights, biases):
        """The same architecture with other (validated) parameters."""
        return Network(list(weights), list(biases), self.activations, self.loss)

    @classmethod
    def random(cls, sizes, activations, loss, seed=0, init="xavier"):
        """A seeded random network.

        init: "xavier" (Glorot uniform, ±√(6/(fan_in+fan_out))), "he" (normal,
        σ = √(2/fan_in)), "uniform" (weights and biases uniform in [−1, 1]) or
        "zeros" (every parameter 0: shows why symmetry must be broken). Biases are
        0 except for "uniform".
        """
        sizes = check_sizes(sizes)
        seed = check_int(seed, "seed", 0, MAX_SEED)
        if init not in INITS:
            raise NetworkError("unknown_choice", field="init", choices=", ".join(INITS), got=init)
        rng = np.random.default_rng(seed)
        weights, biases = [], []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            if init == "xavier":
                bound = np.sqrt(6.0 / (fan_in + fan_out))
                weights.append(rng.uniform(-bound, bound, (fan_out, fan_in)))
            elif init == "he":
                weights.append(rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_out, fan_in)))
            elif init == "uniform":
                weights.append(rng.uniform(-1.0, 1.0, (fan_out, fan_in)))
            else:
                weights.append(np.zeros((fan_out, fan_in)))
            biases.append(rng.uniform(-1.0, 1.0, fan_out) if init == "uniform" else np.zeros(fan_out))
        return cls(weights, biases, activations, loss)

    @property
    def layer_count(self):
        """L + 1: the number of layers, input included."""
        return len(self.sizes)

    @property
    def parameter_count(self):
        return sum(w.size + b.size for w, b in zip(self.weights, self.biases))

    def to_dict(self):
        """A JSON-ready dict; `Network.from_dict` restores it exactly (floats are written as
        Python floats, whose repr round-trips float64)."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "sizes": list(self.sizes),
            "activations": list(self.activations),
            "loss": self.loss,
            "weights": [w.tolist() for w in self.weights],
            "biases": [b.tolist() for b in self.biases],
        }

    @classmethod
    def from_dict(cls, data):
        """The network `to_dict` described; anything malformed raises `NetworkError`."""
        if not isinstance(data, dict):
            raise NetworkError("json_not_object", got=type(data).__name__)
        if data.get("format", FORMAT) != FORMAT:
            raise NetworkError("json_format", expected=FORMAT, got=data.get('format'))
        version = data.get("version", VERSION)
        if type(version) is not int or version != VERSION:
            raise NetworkError("json_version", expected=VERSION, got=data.get('version'))
        missing = [key for key in DICT_FIELDS if key not in data]
        if missing:
            raise NetworkError("json_missing_fields", fields=", ".join(missing))
        net = cls(data["weights"], data["biases"], data["activations"], data["loss"])
        sizes = data.get("sizes", list(net.sizes))
        if not isinstance(sizes, list) or [type(n) for n in sizes] != [int] * len(sizes) or sizes != list(net.sizes):
            raise NetworkError("json_sizes", expected=list(net.sizes), got=data['sizes'])
        return net

    def __setattr__(self, name, value):
        raise AttributeError("Network is immutable: build a new one (e.g. with sgd_step)")

    def __eq__(self, other):
        if not isinstance(other, Network):
            return NotImplemented
        return (self.sizes == other.sizes and self.activations == other.activations
                and self.loss == other.loss
                and all(np.array_equal(a, b) for a, b in zip(self.weights + self.biases,
                                                               other.weights + other.biases)))

    def __hash__(self):
        # + 0.0 turns −0.0 into 0.0, so networks equal under == hash alike
        return hash((self.sizes, self.activations, self.loss,
                     tuple((a + 0.0).tobytes() for a in self.weights + self.biases)))

    def __reduce__(self):
        # pickle (and st.cache_data) rebuild through the validating constructor
        return (Network, ([w.copy() for w in self.weights], [b.copy() for b in self.biases],
                          list(self.activations), self.loss))

    def __copy__(self):
        return self   # immutable: a copy is the same value

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        layers = "-".join(str(n) for n in self.sizes)
        return f"Network({layers}, activations={list(self.activations)}, loss={self.loss!r})"

    def description_values(self):
        """The values a one-line description shows: layers ('2-2-2'), activations, loss, count."""
        return {"layers": "-".join(str(n) for n in self.sizes), "activations": ", ".join(self.activations),
                "loss": self.loss, "count": self.parameter_count}

    def describe(self):
        """One line in English: '2-2-2 · sigmoid, sigmoid · squared_error · 12 parameters'."""
        return english("network.describe", **self.description_values())


# ---- the parameters, one at a time and all together ------------------------------------

@dataclass(frozen=True)
class ParameterRef:
    """One parameter, in the explanations' numbering: ("weight", l, j, k) is
    w^{(l)}_{jk} = weights[l-1][j, k]; ("bias", l, j) is b^{(l)}_j = biases[l-1][j]."""
    kind: str             # "weight" or "bias"
    layer: int            # 1..L
    j: int
    k: int | None = None

    def pick(self, for_weight, for_bias):
        """`for_weight` if this is a weight, else `for_bias`: the one place that tells them apart."""
        return for_weight if self.kind == "weight" else for_bias

    @property
    def index(self):
        """Where the parameter sits in its layer's array: (j, k) in a weight matrix, (j,) in a bias vector."""
        return self.pick((self.j, self.k), (self.j,))

    def array_in(self, weights, biases):
        """The layer's array holding this parameter, from per-layer lists shaped like the parameters."""
        return self.pick(weights, biases)[self.layer - 1]

    def value_in(self, values):
        """This parameter's entry in anything with per-layer `.weights` and `.biases` shaped
        like the network's: a `Network`, its `Gradients`, `ParameterGradients`."""
        return self.array_in(values.weights, values.biases)[self.index]

    @property
    def label(self):
        return self.pick(f"w({self.layer})[{self.j},{self.k}]", f"b({self.layer})[{self.j}]")

    @property
    def symbol(self):
        return self.pick(rf"w^{{({self.layer})}}_{{{self.j}{self.k}}}", rf"b^{{({self.layer})}}_{{{self.j}}}")


def parameter_refs(net):
    """Every parameter of `net`, weights then bias of each neuron, layer by layer."""
    refs = []
    for l in range(1, len(net.sizes)):
        for j in range(net.sizes[l]):
            refs += [ParameterRef("weight", l, j, k) for k in range(net.sizes[l - 1])]
            refs.append(ParameterRef("bias", l, j))
    return refs


def check_ref(net, ref):
    if not isinstance(ref, ParameterRef) or ref.kind not in ("weight", "bias"):
        raise NetworkError("bad_parameter_ref")
    check_int(ref.layer, "parameter layer", 1, len(net.sizes) - 1)
    check_int(ref.j, "parameter j", 0, net.sizes[ref.layer] - 1)
    if ref.kind == "weight":
        check_int(ref.k, "parameter k", 0, net.sizes[ref.layer - 1] - 1)
    return ref


@dataclass(frozen=True)
class ParameterGradients:
    """Gradients shaped like the network's parameters: `weights[l]`, `biases[l]`."""
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
