"""The values training works on, all immutable and validated: its settings
(`TrainingConfig`), where it stands (`TrainingState`), one line of its history
(`EpochRecord`) and what a call returns (`TrainingResult`). The loop is in training.py."""
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .errors import NetworkError
from .limits import MAX_EPOCHS_PER_CALL, MAX_ROWS, MAX_SEED
from .network import Network, ParameterGradients
from .penalty import check_penalties
from .update import check_learning_rate
from .validation import check_array, check_bool, check_int, check_number, check_type

MAX_DECAY = 10.0
MAX_TARGET_LOSS = 1e6
STOP_REASONS = ("target_loss", "all_correct", "diverged", "epochs")


@dataclass(frozen=True)
class TrainingConfig:
    """How to train; every field is validated (`NetworkError` names it and its range)."""
    learning_rate: float = 0.5     # η in (0, MAX_LEARNING_RATE]
    batch_size: int = 1            # 1 = online; ≥ number of rows = full batch
    momentum: float = 0.0          # m in [0, 1)
    decay: float = 0.0             # η_e = η / (1 + decay·e), decay in [0, MAX_DECAY]
    epochs: int = 100              # at most this many epochs in one call
    target_loss: float | None = None   # stop once the training loss is ≤ this ...
    stop_when_all_correct: bool = False   # ... and/or every training row is classified right (both, if both set)
    shuffle: bool = False          # reshuffle the rows every epoch (mini-batches only)
    seed: int = 0                  # the shuffling order of epoch e comes from (seed, e)
    update_biases: bool = True
    l1: float = 0.0                # λ₁: E gains λ₁ Σ|w| (weights only), λ₁ in [0, 1]
    l2: float = 0.0                # λ₂: E gains (λ₂/2) Σ w² (weights only), λ₂ in [0, 1]

    def __post_init__(self):
        momentum = check_number(self.momentum, "momentum", 0.0, 1.0)
        if momentum >= 1.0:
            raise NetworkError("momentum_range", value=momentum)
        cleaned = {
            "learning_rate": check_learning_rate(self.learning_rate),
            "batch_size": check_int(self.batch_size, "batch_size", 1, MAX_ROWS),
            "momentum": momentum,
            "decay": check_number(self.decay, "decay", 0.0, MAX_DECAY),
            "epochs": check_int(self.epochs, "epochs", 1, MAX_EPOCHS_PER_CALL),
            "target_loss": (None if self.target_loss is None else
                            check_number(self.target_loss, "target_loss", 0.0, MAX_TARGET_LOSS)),
            "stop_when_all_correct": check_bool(self.stop_when_all_correct, "stop_when_all_correct"),
            "shuffle": check_bool(self.shuffle, "shuffle"),
            "seed": check_int(self.seed, "seed", 0, MAX_SEED),
            "update_biases": check_bool(self.update_biases, "update_biases"),
        }
        cleaned["l1"], cleaned["l2"] = check_penalties(self.l1, self.l2)
        for name, value in cleaned.items():
            object.__setattr__(self, name, value)

    def learning_rate_at(self, epoch):
        """η_e = η / (1 + decay·e) for the 0-based epoch number e."""
        return self.learning_rate / (1.0 + self.decay * epoch)


class EpochRecord(NamedTuple):
    """One line of the history: the network at the end of epoch `epoch` (1-based).

    train_loss and test_loss are mean losses (without the penalty); the objective that
    training descends is train_loss + penalty. gradient_rms[l] = sqrt(mean(g²)) over the
    entries g of ∂E/∂weights[l], E = mean loss over all training rows + penalty, at the
    network as it stands at the end of the epoch (one float per weight layer, input side first).
    """
    epoch: int
    train_loss: float
    test_loss: float | None
    train_accuracy: float | None    # fraction in [0, 1]; None for regression
    test_accuracy: float | None
    learning_rate: float               # η_e used during this epoch
    gradient_rms: tuple[float, ...] = ()
    penalty: float = 0.0               # λ₁ Σ|w| + (λ₂/2) Σ w² at the end of the epoch


@dataclass(frozen=True)
class TrainingState:
    """Where training stands: everything a further call to `train` needs.

    velocity:     the momentum buffers v, shaped like the parameters, or None (no momentum yet).
    epoch:        epochs done so far (the next epoch's 0-based number).
    history:      one `EpochRecord` per epoch done.
    stopped:      why the last call stopped (one of STOP_REASONS), None before training.
    initial_loss: the training loss before the first epoch (the divergence yardstick).
    """
    network: Network
    velocity: ParameterGradients | None = None
    epoch: int = 0
    history: tuple[EpochRecord, ...] = ()
    stopped: str | None = None
    initial_loss: float | None = None

    def __post_init__(self):
        check_type(self.network, Network, "network")
        if self.velocity is not None:
            object.__setattr__(self, "velocity", _check_velocity(self.velocity, self.network))
        object.__setattr__(self, "epoch", check_int(self.epoch, "epoch", 0, 2**62))
        if not isinstance(self.history, tuple):
            raise NetworkError("history_type")
        if self.stopped is not None and self.stopped not in STOP_REASONS:
            raise NetworkError("stopped_value", choices=", ".join(STOP_REASONS))
        if self.initial_loss is not None:
            if isinstance(self.initial_loss, bool) or not isinstance(self.initial_loss, (int, float)) \
                    or not np.isfinite(self.initial_loss):
                raise NetworkError("initial_loss_value", got=self.initial_loss)
            object.__setattr__(self, "initial_loss", float(self.initial_loss))


def _check_velocity(velocity, net):
    """Momentum buffers shaped like `net`'s parameters, finite (of any size)."""
    if not isinstance(velocity, ParameterGradients) or len(velocity.weights) != len(net.weights) \
            or len(velocity.biases) != len(net.biases):
        raise NetworkError("velocity_shape")
    return ParameterGradients(*(
        tuple(check_array(v, f"velocity.{field}[{l}]", p.shape, magnitude=np.inf)
              for l, (v, p) in enumerate(zip(given, params)))
        for field, given, params in (("weights", velocity.weights, net.weights),
                                     ("biases", velocity.biases, net.biases))))


@dataclass(frozen=True)
class TrainingResult:
    state: TrainingState
    stop_reason: str      # one of STOP_REASONS
    message: str          # plain English: what happened and, if it went wrong, why

    @property
    def network(self) -> Network:
        return self.state.network
