"""The step sequence the step-through page walks, as immutable snapshots.

One pass on one example (or a batch) is computed once; each `Step` then says
how much of it is known at that point, so a figure can draw unknown values as
unknown and the UI can step back freely. Layer granularity:

    start, forward 1 … forward L, loss, backward L … backward 1, update

Pass granularity folds each wave into one step: start, forward, loss,
backward, update. Layers are numbered as in `Network` (0 = input … L).
"""
from dataclasses import dataclass

import numpy as np

from . import budget
from .errors import NetworkError
from .messages import english
from .network import Network
from .propagation import Gradients, Trace, trusted_backward, trusted_forward
from .update import check_learning_rate, sgd_step
from .validation import check_data, check_type

PHASES = ("start", "forward", "loss", "backward", "update")
GRANULARITIES = ("layer", "pass")


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
        """A short English name: 'forward, layer 2', 'loss', 'update'."""
        return english("step.phase_layer", phase=self.phase, layer=self.layer) if self.layer is not None else self.phase


def step_sequence(net: Network, X, Y, learning_rate, granularity="layer",
                  update_biases=True) -> tuple[Step, ...]:
    """Every step of one forward pass, loss, backward pass and update of `net` on (X, Y)."""
    check_type(net, Network, "net")
    if granularity not in GRANULARITIES:
        raise NetworkError("unknown_choice", field="granularity", choices=", ".join(GRANULARITIES), got=granularity)
    X, Y = check_data(X, Y, net.sizes)
    learning_rate = check_learning_rate(learning_rate)
    if budget.over_budget(budget.step_work(net.sizes, len(X))):
        raise NetworkError("budget_step_rows", rows=len(X), most=budget.max_step_rows(net.sizes))
    with np.errstate(all="ignore"):   # an undefined loss is detected below, not warned about
        trace = trusted_forward(net, X)
        gradients = trusted_backward(net, trace, Y)
    L = len(net.weights)
    if not np.isfinite(gradients.loss):
        raise NetworkError("loss_undefined", loss=net.loss, output=np.round(trace.output, 6).tolist())
    updated = sgd_step(net, gradients, learning_rate, update_biases)
    update_biases = bool(update_biases)
    for array in (X, Y, *trace.preactivations, *trace.activations, *gradients.deltas, *gradients.weights,
                  *gradients.biases):
        array.flags.writeable = False   # every step shares these: no one may write into them

    # (phase, layer, forward_known, loss_known, delta_from)
    if granularity == "layer":
        plan = ([("start", None, 0, False, L + 1)]
                + [("forward", l, l, False, L + 1) for l in range(1, L + 1)]
                + [("loss", None, L, True, L + 1)]
                + [("backward", l, L, True, l) for l in range(L, 0, -1)]
                + [("update", None, L, True, 1)])
    else:
        plan = [("start", None, 0, False, L + 1), ("forward", None, L, False, L + 1),
                ("loss", None, L, True, L + 1), ("backward", None, L, True, 1), ("update", None, L, True, 1)]
    return tuple(
        Step(index, phase, layer, forward_known, loss_known, delta_from, net, X, Y, trace, gradients,
             learning_rate, update_biases, updated if phase == "update" else None)
        for index, (phase, layer, forward_known, loss_known, delta_from) in enumerate(plan))
