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
# The work budget: what one call of an engine entry point (one click on the hosted
# server) may compute, in parameter-passes (one example through one weight or bias;
# see budget.py for how each entry point counts). Calibrated on the 2-core server:
# the worst legal call of every entry point costs ≤ 0.6 s of CPU (benchmarks/bench_budget.py).
WORK_BUDGET = 500_000_000
CALL_OVERHEAD = 6_000        # parameter-passes one NumPy pass costs per layer, however few its rows
# One chunk of Play (the browser asks for the next once it has drawn the last): its
# training may cost at most this, about 25 ms of CPU (1 epoch of the largest legal network
# on 5,000 rows, full batch, measured 18 ms), so that a chunk with its drawing data stays
# ≤ 50 ms at the largest legal setting (benchmarks/bench_play.py).
CHUNK_BUDGET = WORK_BUDGET // 20
MAX_EPOCHS_PER_CHUNK = 100
# Where the engine's range is open, the least value a widget offers (widgets need closed ranges).
LEAST_LEARNING_RATE = math.nextafter(MIN_LEARNING_RATE, math.inf)   # the float just above the excluded bound
