"""What Train's live chart writes above its curves: the epoch, the training and test
loss and the training accuracy (formatted here, as the page shows them), the plateau
advice when the loss has stalled, and the note under the charts.

They travel inside Play's chart component (play_chart), not as Streamlit elements: a
chunk's fragment run then emits one element, and the browser reconciles one element
per chunk instead of seven (4 metrics, 2 message slots, a caption).
"""
from bpviz.engine import PLATEAU_WINDOW, plateau
from bpviz.ui.i18n import plain_text  # the browser shows these as text, never as Markdown

MISSING = "–"   # a readout with no value yet (no epoch, no test set)


def figures(history, epoch):
    """[[label, value], ...]: epoch, training loss, test loss, training accuracy, as text.
    `history`: the EpochRecords kept; `epoch`: the epochs done."""
    record = history[-1] if history else None
    train_loss = MISSING if record is None else f"{record.train_loss:.4g}"
    test_loss = MISSING if record is None or record.test_loss is None else f"{record.test_loss:.4g}"
    accuracy = MISSING if record is None or record.train_accuracy is None else f"{100 * record.train_accuracy:.1f} %"
    return [[plain_text("train.epoch"), str(epoch)], [plain_text("train.train_loss"), train_loss],
            [plain_text("train.test_loss"), test_loss], [plain_text("train.accuracy"), accuracy]]


def advice(history):
    """The plateau warning (text), or None: the loss has stalled while not every example is right."""
    record = history[-1] if history else None
    losses = [r.train_loss for r in history]
    if record is None or record.train_accuracy == 1.0 or not plateau(losses):
        return None
    return plain_text("train.plateau", window=PLATEAU_WINDOW, before=f"{losses[-PLATEAU_WINDOW - 1]:.4g}",
             now=f"{losses[-1]:.4g}")


def note(history, inputs):
    """The line under the charts: no epochs yet, no boundary for this many inputs, or ""."""
    if not history:
        return plain_text("train.no_history")
    return plain_text("train.no_boundary") if inputs > 2 else ""


def readouts(training, inputs):
    """Everything above and below the charts, for `training` (a TrainingState) of a
    network with `inputs` inputs: {"figures", "advice", "note"}."""
    history = training.history
    return {"figures": figures(history, training.epoch), "advice": advice(history), "note": note(history, inputs)}
