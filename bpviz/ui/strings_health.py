"""Strings added for plural forms (see `i18n.t_count`): a key ending in ".one" is the
singular of the key without it. Chinese has no plural, so its ".one" reads as the key."""

EN = {
    "train.n_epochs.one": "{epochs} epoch",
}

ZH = {
    "train.n_epochs.one": "{epochs} 轮",
}
