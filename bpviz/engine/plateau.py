"""Is training stuck? A plateau is a stretch of epochs over which the loss does not
really improve, although it is still far from where it started.

`plateau(losses)`, with `losses` the training loss after each epoch (oldest first),
is True when all of these hold:
  - there are more than `window` epochs;
  - the best loss of the last `window` epochs is less than `min_drop` (a fraction)
    below the loss just before them: (before − best) < min_drop · |before|;
  - the loss is still above `settled` times the first recorded loss (a loss that
    has fallen that far has converged rather than stalled).
"""
import numpy as np

PLATEAU_WINDOW = 300       # epochs
PLATEAU_MIN_DROP = 0.01    # 1 % of the loss
PLATEAU_SETTLED = 0.05     # below 5 % of the first loss: converged, not stuck


def plateau(losses, window=PLATEAU_WINDOW, min_drop=PLATEAU_MIN_DROP, settled=PLATEAU_SETTLED):
    """True if the loss has not really improved over the last `window` epochs (see above)."""
    losses = np.asarray(losses, dtype=float)
    if losses.ndim != 1 or len(losses) <= window or not np.isfinite(losses[-window - 1:]).all():
        return False
    before, best = losses[-window - 1], losses[-window:].min()
    if abs(losses[-1]) <= settled * abs(losses[0]):
        return False
    return before - best < min_drop * abs(before)
