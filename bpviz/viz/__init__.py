"""bpviz.viz: Plotly figure builders over engine values, and the Step diagram's drawable
data (step_pass: every step of a pass, as JSON-able data the browser draws). Imports
engine, numpy and plotly; never streamlit. Every builder takes `text`, a mapping of
"viz.*" keys to the strings to show (the app passes its catalogue); `TEXT_EN` holds the
English defaults of every figure.

The public API is `__all__` below: other packages import from `bpviz.viz` only, never
from its modules (tests/test_layering.py checks). Inside: geometry (where neurons and
connections go), style (colours, fonts and every number format), notation
(names of neurons and parameters), text (the "viz.*" lookups), and one module per figure.
"""
from . import (
    health_figures,
    landscape_figures,
    learning_figures,
    matrix_view,
    network_diagram,
    step_labels,
    step_strips,
)
from .health_figures import gradient_health_figure, health_comparison_figure
from .landscape_figures import contour_figure, gradcheck_figure, one_weight_figure
from .learning_figures import (
    boundary_grid,
    decision_boundary_figure,
    loss_fields,
    loss_figure,
    regression_curve,
    regression_figure,
)
from .matrix_view import matrix_figure
from .network_diagram import network_figure
from .notation import Names, names_for, parameter_names, script_names, tutorial_names_fit, tutorial_neuron
from .qr_code import qr_fits, qr_svg
from .step_pass import PHONE_WIDTH, labelling, step_pass, step_target

TEXT_EN = {**network_diagram.DEFAULT_TEXT, **landscape_figures.DEFAULT_TEXT, **learning_figures.DEFAULT_TEXT,
           **matrix_view.DEFAULT_TEXT, **step_labels.DEFAULT_TEXT, **health_figures.DEFAULT_TEXT,
           **step_strips.DEFAULT_TEXT}

__all__ = [
    # the diagrams: a network, every step of a pass (drawable data for the browser), a matrix
    "network_figure", "step_pass", "matrix_figure",
    # the loss landscape and the gradient check
    "contour_figure", "gradcheck_figure", "one_weight_figure",
    # training: loss curves, decision boundary, regression fit
    "loss_figure", "decision_boundary_figure", "regression_figure",
    # gradient health: each layer's gradient size over the epochs, one run or side by side
    "gradient_health_figure", "health_comparison_figure",
    # the one naming function: names of neurons and parameters in the notation on show
    "Names", "names_for",
    # the QR code of a link (SVG)
    "qr_svg", "qr_fits",
    # what Play sends after each chunk: the boundary's grid, the regression curve
    "boundary_grid", "regression_curve", "loss_fields",
    # the English defaults of every figure's text
    "TEXT_EN",
    # what of a network fits on the Step diagram, and the names of its parts
    "labelling", "parameter_names", "tutorial_names_fit", "tutorial_neuron",
    # the Step diagram: below this width a phone's labels; where a quiz question's number is drawn
    "PHONE_WIDTH", "step_target",
    # the names the PyTorch and NumPy scripts write, in the learner's notation
    "script_names",
]
