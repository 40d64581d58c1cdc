"""bpviz.engine: the backpropagation math, in NumPy only.

Conventions (stated once, used everywhere): layers 0 (input) … L (output);
`weights[l]` has shape `(sizes[l+1], sizes[l])`, `weights[l][j, k]` goes from
neuron k of layer l to neuron j of layer l+1; a batch X is `(n, sizes[0])`.

`__all__` below is the engine's public API: the UI, the figures and outside code
import from `bpviz.engine` only, never from its submodules.
"""
from . import budget, practice
from .activations import ACTIVATION_NAMES, ACTIVATIONS, HIDDEN_ACTIVATION_NAMES
from .batches import stepping_batch
from .comparisons import train_comparison
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
from .gradient_health import SIGMOID_SLOPE_BOUND, delta_shrink, delta_shrink_bound, delta_shrink_total, layer_rms
from .history_link import history_from_text, history_to_text
from .landscape import (
    MAX_PATH_STEPS,
    default_parameter,
    default_window,
    descent_path,
    gradient_of,
    loss_along,
    loss_grid,
    parameter_value,
)
from .limits import (
    CHUNK_BUDGET,
    LEAST_LEARNING_RATE,
    MAX_EPOCHS_PER_CHUNK,
    MAX_HIDDEN_LAYERS,
    MAX_INPUTS,
    MAX_LEARNING_RATE,
    MAX_NEURONS_PER_LAYER,
    MAX_OUTPUTS,
    MAX_PARAMETER_MAGNITUDE,
    MAX_ROWS,
    MAX_SEED,
    WORK_BUDGET,
)
from .losses import LOSS_NAMES, LOSSES
from .messages import MESSAGES, WORDING, english, plural_form
from .mistakes import MISTAKES
from .names import LAYER as LAYER_NAMES
from .names import NOTATIONS, Names, names_for, tutorial_names_fit
from .names import TUTORIAL as TUTORIAL_NAMES
from .network import INITS, Network, ParameterGradients, ParameterRef, check_sizes, parameter_refs
from .penalty import MAX_PENALTY, penalty_gradient, penalty_value
from .plateau import PLATEAU_WINDOW, plateau
from .practice_link import attempts_from_text, attempts_to_text
from .presets import COMPARISONS, PRESET_NAMES, Comparison, Preset, preset
from .propagation import Gradients, Trace, backward, forward, loss_value, trusted_backward, trusted_forward
from .script_numpy import numpy_script
from .script_torch import pytorch_script
from .serialization import network_from_json, network_to_json
from .share import SharedNetwork, decode_share, encode_share
from .steps import GRANULARITIES, MAX_BY_EXAMPLE, MIN_BY_EXAMPLE, PHASES, BatchPass, Step, step_sequence
from .training import accuracy, train
from .training_setup import data_for, fits, learning_rate_for, network_for, stop_for
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
    "WORK_BUDGET", "CHUNK_BUDGET", "MAX_EPOCHS_PER_CHUNK", "MAX_PATH_STEPS", "budget",
    # forward, backward, update (checked, and the trusted passes for callers that validated once)
    "Trace", "Gradients", "forward", "backward", "trusted_forward", "trusted_backward", "loss_value",
    "forward_pass", "backward_pass",   # the trusted passes' former names, kept for callers outside bpviz
    "sgd_step", "check_learning_rate",
    # the weight penalty (L1, L2 regularisation)
    "MAX_PENALTY", "penalty_value", "penalty_gradient",
    # stepping through one pass (or a batch example by example), and its explanations
    "Step", "BatchPass", "PHASES", "GRANULARITIES", "MIN_BY_EXAMPLE", "MAX_BY_EXAMPLE", "step_sequence",
    "stepping_batch",
    "Explanation", "QUANTITIES", "available_quantities", "explain", "latex_number", "paren",
    # gradient health: per-layer gradient size, why δ shrinks, presets trained side by side
    "layer_rms", "delta_shrink", "delta_shrink_bound", "delta_shrink_total", "SIGMOID_SLOPE_BOUND",
    "COMPARISONS", "Comparison", "train_comparison",
    # the same pass as a standalone PyTorch or NumPy script
    "pytorch_script", "numpy_script",
    # names of neurons and parameters in one of two notations (layer-indexed, the tutorial's)
    "Names", "NOTATIONS", "names_for", "tutorial_names_fit", "LAYER_NAMES", "TUTORIAL_NAMES",
    # editing and presets
    "insert_neuron", "remove_neuron", "reshape_network", "set_bias", "set_weight",
    "Preset", "PRESET_NAMES", "preset", "SharedNetwork", "encode_share", "decode_share",
    # data
    "Dataset", "DATASET_NAMES", "TRUTH_TABLES", "TWO_D_NAMES", "truth_table", "two_d", "sine",
    "train_test_split", "is_classification", "label_rule", "csv_columns", "dataset_from_csv",
    # training
    "TrainingConfig", "TrainingState", "TrainingResult", "EpochRecord", "STOP_REASONS", "train", "accuracy",
    "fits", "learning_rate_for", "network_for", "data_for", "stop_for", "PLATEAU_WINDOW", "plateau",
    "history_to_text", "history_from_text",
    # practice: the numbers of a pass as questions, tolerance and scores (module `practice`)
    "practice", "attempts_to_text", "attempts_from_text",
    # parameters one at a time: landscape and gradient check
    "ParameterRef", "ParameterGradients", "parameter_refs", "parameter_value", "default_window", "default_parameter",
    "gradient_of", "loss_along", "loss_grid", "descent_path",
    "numerical_gradient", "MISTAKES", "GradientCheckReport", "gradient_check", "verdict_of",
]
