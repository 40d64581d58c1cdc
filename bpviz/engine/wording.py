"""The English wording of what the engine says in prose (not errors: see messages.py):
a network's one-line description, a step's label and how a training call ended.

Each entry is a `str.format` template keyed by a code; the engine fills it with values,
and the app's English catalogue takes the same templates from here (so there is one
English source), while its other languages translate the same codes. A key ending in
".one" is the singular form of the key without it, used when the count is 1.
"""
from types import MappingProxyType

WORDING = MappingProxyType({
    "network.describe": "{layers} · {activations} · {loss} · {count} parameters",
    "step.phase_layer": "{phase}, layer {layer}",
    # how a training call ended (TrainingResult.message)
    "training.epochs": "Trained {epochs} epochs ({total} in total); the training loss is now {loss:.6g}.",
    "training.epochs.one": "Trained {epochs} epoch ({total} in total); the training loss is now {loss:.6g}.",
    "training.target_loss": "Stopped after epoch {epoch}: the training loss {loss:.6g} reached the target {target:g}.",
    "training.target_loss_all_correct": ("Stopped after epoch {epoch}: the training loss {loss:.6g} reached the "
                                         "target {target:g} and every training row is classified right."),
    "training.all_correct": "Stopped after epoch {epoch}: every training example is classified correctly.",
    "training.diverged": ("Training diverged in epoch {epoch}: {problem}. The learning rate ({learning_rate:g}) is "
                          "probably too high; try a smaller one. {kept} is kept."),
    "training.kept_start": "The starting network",
    "training.kept_epoch": "The network from the end of epoch {epoch}",
    # what went wrong in a diverging epoch
    "divergence.parameter_not_finite": "a weight or bias became NaN or infinite",
    "divergence.parameter_too_big": "a weight or bias grew beyond ±{limit:g}",
    "divergence.loss_not_finite": ("the loss became NaN or infinite (an output reached a value where the loss is "
                                   "undefined, such as ln 0)"),
    "divergence.loss_exploded": "the loss exploded to {loss:.3g}, more than {factor:g} times its starting value",
})


def plural_form(texts, key, count):
    """The template of `key` for `count` things: its ".one" form when count is 1 and
    `texts` has one (English does; a language without plurals need not)."""
    return texts.get(f"{key}.one", texts[key]) if count == 1 else texts[key]


def english(code, count=None, /, **values):
    """The English text of `code` (a key of WORDING) for `count` things (None: no plural
    form), filled with `values` (which may have their own "count": the first two are
    positional-only)."""
    template = WORDING[code] if count is None else plural_form(WORDING, code, count)
    return template.format(**values)
