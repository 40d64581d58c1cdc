"""bpviz.engine: the backpropagation math, in NumPy only.

Conventions (stated once, used everywhere): layers 0 (input) … L (output);
`weights[l]` has shape `(sizes[l+1], sizes[l])`, `weights[l][j, k]` goes from
neuron k of layer l to neuron j of layer l+1; a batch X is `(n, sizes[0])`.

`__all__` below is the engine's public API: the UI, the figures and outside code
import from `bpviz.engine` only, never from its submodules.
"""
from . import budget, practice
from .activations import ACTIVATION_NAMES, ACTIVATIONS, HIDDEN_ACTIVATION_NAMES
from .csv_data import MAX_CSV_BYTES, csv_columns, dataset_from_csv
from .datasets import (
    DATASET_NAMES,
    MAX_NOISE,
    MAX_TEST_FRACTION,
    TRUTH_TABLES,
    TWO_D_NAMES,
    Dataset,
    is_classification,
    label_rule,
    sine,
    train_test_split,
    truth_table,
    two_d,
)
from .edit import insert_neuron, remove_neuron, reshape_network, set_bias, set_weight
from .errors import NetworkError
from .explanations import QUANTITIES, Explanation, available_quantities, explain
from .formatting import latex_number, paren
from .gradient_check import GradientCheckReport, gradient_check, numerical_gradient, verdict_of
from .landscape import MAX_PATH_STEPS, default_window, descent_path, gradient_of, loss_along, loss_grid, parameter_value
from .limits import (
    LEAST_LEARNING_RATE,
    MAX_HIDDEN_LAYERS,
    MAX_INPUTS,
    MAX_LEARNING_RATE,
    MAX_NEURONS_PER_LAYER,
    MAX_OUTPUTS,
    MAX_PARAMETER_MAGNITUDE,
    MAX_ROWS,
    MAX_SEED,
    REDRAW_BUDGET,
    WORK_BUDGET,
)
from .losses import LOSS_NAMES, LOSSES
from .messages import MESSAGES, WORDING, english, plural_form
from .mistakes import MISTAKES
from .network import INITS, Network, ParameterGradients, ParameterRef, check_sizes, parameter_refs
from .plateau import PLATEAU_WINDOW, plateau
from .presets import PRESET_NAMES, Preset, preset
from .propagation import Gradients, Trace, backward, forward, loss_value, trusted_backward, trusted_forward
from .serialization import network_from_json, network_to_json
from .share import SharedNetwork, decode_share, encode_share
from .steps import GRANULARITIES, PHASES, Step, step_sequence
from .training import accuracy, train
from .training_setup import fits, learning_rate_for, network_for
from .training_state import (
    MAX_DECAY,
    MAX_TARGET_LOSS,
    STOP_REASONS,
    EpochRecord,
    TrainingConfig,
    TrainingResult,
    TrainingState,
)
from .update import check_learning_rate, sgd_step

forward_pass, backward_pass = trusted_forward, trusted_backward   # former names (see __all__)

__all__ = [
    # the network and its errors
    "Network", "NetworkError", "INITS", "check_sizes", "network_from_json", "network_to_json",
    "WORDING", "english", "plural_form",
    "ACTIVATIONS", "ACTIVATION_NAMES", "HIDDEN_ACTIVATION_NAMES", "LOSSES", "LOSS_NAMES", "MESSAGES",
    # limits
    "LEAST_LEARNING_RATE", "MAX_HIDDEN_LAYERS", "MAX_NEURONS_PER_LAYER", "MAX_INPUTS", "MAX_OUTPUTS", "MAX_ROWS",
    "MAX_LEARNING_RATE", "MAX_PARAMETER_MAGNITUDE", "MAX_SEED", "MAX_CSV_BYTES", "MAX_DECAY", "MAX_TARGET_LOSS",
    "MAX_NOISE", "MAX_TEST_FRACTION",
    # the work budget of one call, and what fits in it (module `budget`)
    "WORK_BUDGET", "REDRAW_BUDGET", "MAX_PATH_STEPS", "budget",
    # forward, backward, update (checked, and the trusted passes for callers that validated once)
    "Trace", "Gradients", "forward", "backward", "trusted_forward", "trusted_backward", "loss_value",
    "forward_pass", "backward_pass",   # the trusted passes' former names, kept for callers outside bpviz
    "sgd_step", "check_learning_rate",
    # stepping through one pass, and its explanations
    "Step", "PHASES", "GRANULARITIES", "step_sequence",
    "Explanation", "QUANTITIES", "available_quantities", "explain", "latex_number", "paren",
    # editing and presets
    "insert_neuron", "remove_neuron", "reshape_network", "set_bias", "set_weight",
    "Preset", "PRESET_NAMES", "preset", "SharedNetwork", "encode_share", "decode_share",
    # data
    "Dataset", "DATASET_NAMES", "TRUTH_TABLES", "TWO_D_NAMES", "truth_table", "two_d", "sine",
    "train_test_split", "is_classification", "label_rule", "csv_columns", "dataset_from_csv",
    # training
    "TrainingConfig", "TrainingState", "TrainingResult", "EpochRecord", "STOP_REASONS", "train", "accuracy",
    "fits", "learning_rate_for", "network_for", "PLATEAU_WINDOW", "plateau",
    # practice: the numbers of a pass as questions, tolerance and scores (module `practice`)
    "practice",
    # parameters one at a time: landscape and gradient check
    "ParameterRef", "ParameterGradients", "parameter_refs", "parameter_value", "default_window",
    "gradient_of", "loss_along", "loss_grid", "descent_path",
    "numerical_gradient", "MISTAKES", "GradientCheckReport", "gradient_check", "verdict_of",
]
