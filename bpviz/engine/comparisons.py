"""Presets trained side by side (`presets.COMPARISONS`), e.g. a deep sigmoid network
against the same network with ReLU hidden layers, to compare their gradient health
(`EpochRecord.gradient_rms`) epoch by epoch. All the runs of one call share its work budget.
"""
from . import budget
from .errors import NetworkError
from .limits import MAX_EPOCHS_PER_CALL
from .presets import COMPARISONS, preset
from .training import train
from .training_setup import data_for
from .training_state import TrainingConfig
from .validation import check_int


def train_comparison(name, epochs=None):
    """{preset name: TrainingResult} for each preset of `COMPARISONS[name]`, trained full
    batch at its own learning rate for `epochs` (default: the comparison's) on the
    comparison's data set. Raises `NetworkError` if the runs together exceed one call's
    work budget."""
    if name not in COMPARISONS:
        raise NetworkError("unknown_choice", field="comparison", choices=", ".join(COMPARISONS), got=name)
    comparison = COMPARISONS[name]
    epochs = comparison.epochs if epochs is None else check_int(epochs, "epochs", 1, MAX_EPOCHS_PER_CALL)
    X, Y = data_for(comparison.data_key)
    chosen = [preset(p) for p in comparison.presets]
    work = sum(epochs * budget.epoch_work(p.network.sizes, len(X), 0, len(X)) for p in chosen)
    if budget.over_budget(work):
        most = min(budget.max_epochs(p.network.sizes, len(X)) for p in chosen) // len(chosen)
        raise NetworkError("budget_epochs", epochs=epochs, rows=len(X), test=0, most=most)
    return {p.name: train(p.network, X, Y, TrainingConfig(learning_rate=p.learning_rate, batch_size=len(X),
                                                          epochs=epochs))
            for p in chosen}
