"""bpviz.engine: the backpropagation math, in NumPy only.

Conventions (stated once, used everywhere): layers 0 (input) … L (output);
`weights[l]` has shape `(sizes[l+1], sizes[l])`, `weights[l][j, k]` goes from
neuron k of layer l to neuron j of layer l+1; a batch X is `(n, sizes[0])`.
"""
from .activations import ACTIVATION_NAMES, ACTIVATIONS, HIDDEN_ACTIVATION_NAMES
from .errors import NetworkError
from .gradcheck import ParameterGradients, numerical_gradient
from .limits import (MAX_HIDDEN_LAYERS, MAX_INPUTS, MAX_LEARNING_RATE, MAX_NEURONS_PER_LAYER,
                     MAX_OUTPUTS, MAX_PARAMETER_MAGNITUDE, MAX_ROWS)
from .losses import LOSS_NAMES, LOSSES
from .network import INITS, Network, check_sizes
from .propagation import Gradients, Trace, backward, forward, loss_value
from .serialization import network_from_json, network_to_json
from .update import check_learning_rate, sgd_step
from .steps import GRANULARITIES, PHASES, Step, step_sequence
from .presets import PRESET_NAMES, Preset, preset
from .share import SharedNetwork, decode_share, encode_share
from .training import (STOP_REASONS, EpochRecord, TrainingConfig, TrainingResult, TrainingState, accuracy,
                       train)
from .datasets import DATASET_NAMES, Dataset, is_classification, sine, train_test_split, truth_table, two_d
from .csv_data import MAX_CSV_BYTES, csv_columns, dataset_from_csv
from .explanations import QUANTITIES, Explanation, available_quantities, explain
from .landscape import ParameterRef, descent_path, loss_along, loss_grid, parameter_refs
from .gradient_check import MISTAKES, GradientCheckReport, gradient_check
from .edit import insert_neuron, remove_neuron, reshape_network, set_bias, set_weight
