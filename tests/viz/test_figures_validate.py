"""Every figure builder's output passes plotly's validating constructor (the builders
skip that check for speed, see style.figure)."""
import numpy as np
import plotly.graph_objects as go
import pytest

from bpviz.engine import (
    Network,
    ParameterRef,
    TrainingConfig,
    descent_path,
    loss_grid,
    preset,
    sine,
    step_sequence,
    train,
    two_d,
)
from bpviz.engine.gradient_check import gradient_check
from bpviz.viz import (
    contour_figure,
    decision_boundary_figure,
    gradcheck_figure,
    gradient_health_figure,
    health_comparison_figure,
    loss_figure,
    matrix_figure,
    network_figure,
    one_weight_figure,
    regression_figure,
)

WORKED = preset("worked_example")
STEPS = step_sequence(WORKED.network, WORKED.x, WORKED.y, 0.5)
DATA = two_d("spiral", 40, 0.1, seed=1)
NET = Network.random([2, 4, 1], ["tanh", "sigmoid"], "binary_cross_entropy", seed=0)
W1, W2 = ParameterRef("weight", 1, 0, 0), ParameterRef("bias", 2, 0)
LINE = sine(20, 0.1, seed=0)

BUILDERS = {
    "diagram of a network": lambda: network_figure(WORKED.network, selected=(1, 0)),
    "diagram of each step": lambda: [network_figure(s, q, e)
                                     for s in STEPS for q, e in (("a", "weight"), ("delta", "grad"))],
    "matrix view": lambda: [matrix_figure(s, l) for s in STEPS for l in (1, 2)],
    "loss curves": lambda: loss_figure(train(NET, DATA.X, DATA.Y, TrainingConfig(batch_size=40, epochs=5),
                                             DATA.X[:10], DATA.Y[:10]).state.history),
    "decision boundary": lambda: decision_boundary_figure(NET, DATA.X, DATA.Y, X_test=DATA.X[:5], Y_test=DATA.Y[:5]),
    "regression": lambda: regression_figure(Network.random([1, 3, 1], ["tanh", "linear"], "squared_error"),
                                            LINE.X, LINE.Y),
    "one weight": lambda: one_weight_figure(np.linspace(-1, 1, 9), np.linspace(1, 2, 9), 0.0, 1.5, 0.3, 0.5, "w"),
    "contour": lambda: contour_figure(np.linspace(-1, 1, 4), np.linspace(-1, 1, 3),
                                      loss_grid(NET, DATA.X, DATA.Y, W1, W2,
                                                np.linspace(-1, 1, 4), np.linspace(-1, 1, 3)),
                                      descent_path(NET, DATA.X, DATA.Y, [W1, W2], 0.5, 4), ("w", "b")),
    "gradient health": lambda: gradient_health_figure(
        train(NET, DATA.X, DATA.Y, TrainingConfig(batch_size=40, epochs=5, l2=0.01)).state.history),
    "gradient health side by side": lambda: health_comparison_figure(
        [train(NET, DATA.X, DATA.Y, TrainingConfig(batch_size=b, epochs=3)).state.history for b in (40, 8)],
        ["full batch", "batches of 8"]),
    "gradient check": lambda: gradcheck_figure(gradient_check(NET, DATA.X[:6], DATA.Y[:6], mistake="sum_not_mean")),
}


@pytest.mark.parametrize("name", list(BUILDERS))
def test_the_figure_is_valid_plotly(name):
    built = BUILDERS[name]()
    for figure in built if isinstance(built, list) else [built]:
        checked = go.Figure(figure.to_dict())          # raises ValueError on any invalid property
        assert len(checked.data) == len(figure.data) and len(checked.frames) == len(figure.frames)
