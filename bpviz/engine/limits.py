"""Hard limits, defined once. `Network`, the data sets and every page enforce them.

They keep the hosted classroom server responsive: the largest legal network is
10 inputs, 6 hidden layers of 10 neurons and 10 outputs (770 parameters).
"""
import math

MAX_HIDDEN_LAYERS = 6
MAX_NEURONS_PER_LAYER = 10   # hidden layers
MAX_INPUTS = 10
MAX_OUTPUTS = 10
MAX_ROWS = 5000              # rows in one data set (train and test together)
MAX_PARAMETER_MAGNITUDE = 1e6  # |w| and |b|; beyond it a network has diverged
MIN_LEARNING_RATE = 0.0      # exclusive
MAX_LEARNING_RATE = 100.0
MAX_EPOCHS_PER_CALL = 10_000
MAX_SEED = 2**32 - 1
# Work one training call may do (one click on the hosted server): both bounds hold.
MAX_UPDATES_PER_CALL = 50_000        # parameter updates (epochs × batches per epoch)
MAX_EXAMPLE_PASSES_PER_CALL = 2_000_000   # examples through forward + backward (epochs × rows)
# Where the engine's range is open, the least value a widget offers (widgets need closed ranges).
LEAST_LEARNING_RATE = math.nextafter(MIN_LEARNING_RATE, math.inf)   # the float just above the excluded bound
