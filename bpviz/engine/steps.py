"""The step sequence the step-through page walks, as immutable snapshots.

One pass on one example (or a batch) is computed once; each `Step` then says
how much of it is known at that point, so a figure can draw unknown values as
unknown and the UI can step back freely. Layer granularity:

    start, forward 1 … forward L, loss, backward L … backward 1, update

Pass granularity folds each wave into one step: start, forward, loss,
backward, update. Layers are numbered as in `Network` (0 = input … L).

A batch example by example (`by_example=True`, 2 to MAX_BY_EXAMPLE rows): the
forward pass, loss and backward pass run for each example in turn, each step a
snapshot of that example alone (`Step.example` says which; X, Y, trace and
gradients are its own, a batch of one, E_n without the penalty); then an
"average" step where ∂E/∂w = (1/n) Σ_n ∂E_n/∂w (+ the penalty's λ₁ sign(w) + λ₂ w)
is known for the whole batch; then the update:

    start, [forward 1 … L, loss, backward L … 1] for example 1 … n, average, update

With a penalty (l1, l2 > 0) the gradients, the loss E and the update are those of
E = mean_n E_n + λ₁ Σ|w| + (λ₂/2) Σ w² (penalty.py).
"""
from dataclasses import dataclass

import numpy as np

from . import budget
from .errors import NetworkError
from .messages import english
from .network import Network
from .penalty import check_penalties
from .propagation import Gradients, Trace, trusted_backward, trusted_forward
from .update import check_learning_rate, sgd_step
from .validation import check_bool, check_data, check_type

PHASES = ("start", "forward", "loss", "backward", "average", "update")
GRANULARITIES = ("layer", "pass")
MIN_BY_EXAMPLE, MAX_BY_EXAMPLE = 2, 8   # rows of a batch stepped example by example


@dataclass(frozen=True, eq=False)
class BatchPass:
    """The whole batch of a pass stepped example by example.

    X, Y:      the batch, `(n, sizes[0])` and `(n, sizes[L])`.
    trace:     trusted_forward of the whole batch.
    gradients: the batch's gradients (means over the examples, with the penalty).
    examples:  one `Gradients` per example: that example alone, a batch of one, no
               penalty (its δ, ∂E_n/∂w, ∂E_n/∂b and E_n).
    """
    X: np.ndarray
    Y: np.ndarray
    trace: Trace
    gradients: Gradients
    examples: tuple[Gradients, ...]


@dataclass(frozen=True, eq=False)
class Step:
    """What is known after one step of a pass.

    phase:          one of PHASES.
    layer:          the layer this step computed (1..L) in the forward/backward
                    phase at layer granularity, else None.
    forward_known:  z and a are known for layers 1..forward_known (0: input only).
    loss_known:     the loss is known.
    delta_from:     δ and the gradients of the incoming weights and biases are
                    known for layers delta_from..L (L + 1: none yet).
    network:        the parameters of this pass (before the update).
    updated:        the network after the update (the "update" step only).
    trace, gradients: the whole pass, computed once; use the accessors below,
                    which return None for what is not known yet.
    l1, l2:         the penalty's λ₁ and λ₂ (in gradients and the update).
    example:        stepping a batch example by example: the row of `batch` whose
                    numbers this step holds (X, Y, trace and gradients are that row's
                    alone); None when the step is about the whole of X.
    batch:          stepping example by example: the whole batch (every step has it),
                    else None.
    """
    index: int
    phase: str
    layer: int | None
    forward_known: int
    loss_known: bool
    delta_from: int
    network: Network
    X: np.ndarray
    Y: np.ndarray
    trace: Trace
    gradients: Gradients
    learning_rate: float
    update_biases: bool
    updated: Network | None = None
    l1: float = 0.0
    l2: float = 0.0
    example: int | None = None
    batch: BatchPass | None = None

    @property
    def output_layer(self) -> int:
        return len(self.network.sizes) - 1

    def activation(self, layer: int) -> np.ndarray | None:
        """a of `layer` (0..L), `(n, sizes[layer])`, or None if not known yet."""
        return self.trace.activations[layer] if 0 <= layer <= self.forward_known else None

    def preactivation(self, layer: int) -> np.ndarray | None:
        """z of `layer` (1..L), or None if not known yet (and always None for the input)."""
        return self.trace.preactivations[layer - 1] if 1 <= layer <= self.forward_known else None

    @property
    def loss(self) -> float | None:
        return self.gradients.loss if self.loss_known else None

    def delta(self, layer: int) -> np.ndarray | None:
        """δ of `layer` (1..L) per example, or None if not known yet."""
        return self.gradients.deltas[layer - 1] if self._backward_knows(layer) else None

    def weight_grad(self, layer: int) -> np.ndarray | None:
        """∂E/∂W of the weights into `layer` (1..L), i.e. of `weights[layer-1]`, or None."""
        return self.gradients.weights[layer - 1] if self._backward_knows(layer) else None

    def bias_grad(self, layer: int) -> np.ndarray | None:
        """∂E/∂b of `biases[layer-1]`, or None if not known yet."""
        return self.gradients.biases[layer - 1] if self._backward_knows(layer) else None

    def _backward_knows(self, layer):
        return max(self.delta_from, 1) <= layer <= self.output_layer

    @property
    def label(self) -> str:
        """A short English name: 'forward, layer 2', 'loss', 'update', 'example 2: loss'."""
        label = (english("step.phase_layer", phase=self.phase, layer=self.layer) if self.layer is not None
                 else self.phase)
        return label if self.example is None else english("step.example", example=self.example + 1, step=label)


def step_sequence(net: Network, X, Y, learning_rate, granularity="layer",
                  update_biases=True, l1=0.0, l2=0.0, by_example=False) -> tuple[Step, ...]:
    """Every step of one forward pass, loss, backward pass and update of `net` on (X, Y),
    with the penalty l1, l2 in [0, 1]; by_example=True steps each row of a 2-8 row batch
    in turn, then averages (see the module docstring)."""
    check_type(net, Network, "net")
    if granularity not in GRANULARITIES:
        raise NetworkError("unknown_choice", field="granularity", choices=", ".join(GRANULARITIES), got=granularity)
    X, Y = check_data(X, Y, net.sizes)
    learning_rate = check_learning_rate(learning_rate)
    l1, l2 = check_penalties(l1, l2)
    by_example = check_bool(by_example, "by_example")
    if by_example and not MIN_BY_EXAMPLE <= len(X) <= MAX_BY_EXAMPLE:
        raise NetworkError("by_example_rows", low=MIN_BY_EXAMPLE, high=MAX_BY_EXAMPLE, rows=len(X))
    if budget.over_budget(budget.step_work(net.sizes, len(X))):
        raise NetworkError("budget_step_rows", rows=len(X), most=budget.max_step_rows(net.sizes))
    with np.errstate(all="ignore"):   # an undefined loss is detected below, not warned about
        trace = trusted_forward(net, X)
        gradients = trusted_backward(net, trace, Y, l1=l1, l2=l2)
    if not np.isfinite(gradients.loss):
        raise NetworkError("loss_undefined", loss=net.loss, output=np.round(trace.output, 6).tolist())
    updated = sgd_step(net, gradients, learning_rate, update_biases)
    settings = dict(learning_rate=learning_rate, update_biases=bool(update_biases), l1=l1, l2=l2)
    if by_example:
        return _by_example(net, X, Y, trace, gradients, updated, granularity == "layer", settings)
    _freeze(X, Y, trace, gradients)
    return tuple(
        Step(index, phase, layer, forward_known, loss_known, delta_from, net, X, Y, trace, gradients,
             updated=updated if phase == "update" else None, **settings)
        for index, (phase, layer, forward_known, loss_known, delta_from)
        in enumerate(_plan(len(net.weights), granularity == "layer", True)))


def _plan(L, by_layer, whole_pass):
    """(phase, layer, forward_known, loss_known, delta_from) of each step of one pass: from
    start to update (whole_pass), or only its forward, loss and backward steps."""
    if by_layer:
        waves = ([("forward", l, l, False, L + 1) for l in range(1, L + 1)]
                 + [("loss", None, L, True, L + 1)]
                 + [("backward", l, L, True, l) for l in range(L, 0, -1)])
    else:
        waves = [("forward", None, L, False, L + 1), ("loss", None, L, True, L + 1), ("backward", None, L, True, 1)]
    if not whole_pass:
        return waves
    return [("start", None, 0, False, L + 1)] + waves + [("update", None, L, True, 1)]


def _freeze(X, Y, trace, gradients):
    for array in (X, Y, *trace.preactivations, *trace.activations, *gradients.deltas, *gradients.weights,
                  *gradients.biases):
        array.flags.writeable = False   # every step shares these: no one may write into them


def _by_example(net, X, Y, trace, gradients, updated, by_layer, settings):
    """The steps of a batch stepped example by example (see the module docstring)."""
    L = len(net.weights)
    rows = []
    with np.errstate(all="ignore"):
        for n in range(len(X)):
            x, y = X[n:n + 1].copy(), Y[n:n + 1].copy()
            example_trace = trusted_forward(net, x)
            rows.append((x, y, example_trace, trusted_backward(net, example_trace, y)))
    for x, y, example_trace, example_gradients in rows:
        _freeze(x, y, example_trace, example_gradients)
    _freeze(X, Y, trace, gradients)
    batch = BatchPass(X, Y, trace, gradients, tuple(row[3] for row in rows))
    steps = [Step(0, "start", None, 0, False, L + 1, net, X, Y, trace, gradients, batch=batch, **settings)]
    for n, (x, y, example_trace, example_gradients) in enumerate(rows):
        for phase, layer, forward_known, loss_known, delta_from in _plan(L, by_layer, False):
            steps.append(Step(len(steps), phase, layer, forward_known, loss_known, delta_from, net, x, y,
                              example_trace, example_gradients, example=n, batch=batch, **settings))
    for phase in ("average", "update"):
        steps.append(Step(len(steps), phase, None, L, True, 1, net, X, Y, trace, gradients,
                          updated=updated if phase == "update" else None, batch=batch, **settings))
    return tuple(steps)
