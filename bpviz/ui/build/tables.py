"""Weight tables: a layer's weights and biases as a DataFrame, and back.

Row j is neuron j of layer l+1 (the weights *into* it), column k is neuron k of
layer l, the last column is the bias — the same `weights[l][j, k]` convention
as the engine.
"""
import numpy as np
import pandas as pd

from bpviz.engine import Network, NetworkError
from bpviz.ui.errors import InterfaceError

BIAS_COLUMN = "b"


def layer_frame(net: Network, l: int) -> pd.DataFrame:
    """weights[l] and biases[l] as a table: rows 'j=0…', columns 'k=0…' and 'b'."""
    frame = pd.DataFrame(np.array(net.weights[l]), columns=[f"k={k}" for k in range(net.sizes[l])],
                         index=[f"j={j}" for j in range(net.sizes[l + 1])])
    frame[BIAS_COLUMN] = np.array(net.biases[l])
    return frame


def network_from_frames(net: Network, frames) -> Network:
    """`net` with the weights and biases read from edited tables (one per layer).

    Raises NetworkError naming the cell (e.g. weights[1][0, 2]) when a cell is
    empty, not a number, not finite or out of range; `net` itself is unchanged.
    """
    weights, biases = [], []
    for l, frame in enumerate(frames):
        values = np.array([[_number(cell) for cell in row] for row in frame.itertuples(index=False)],
                          dtype=np.float64).reshape(frame.shape)
        expected = (net.sizes[l + 1], net.sizes[l] + 1)
        if values.shape != expected:
            raise InterfaceError("table_shape", layer=l + 1, rows=expected[0], columns=expected[1], shape=values.shape)
        for (j, k) in np.argwhere(np.isnan(values)):   # ±inf goes on to the range check, which names it
            field = f"biases[{l}][{j}]" if k == net.sizes[l] else f"weights[{l}][{j}, {k}]"
            raise NetworkError("not_a_number", field=field, got=repr(frame.iat[j, k])[:30])
        weights.append(values[:, :-1])
        biases.append(values[:, -1])
    return net.with_parameters(weights, biases)


def _number(cell):
    """A cell as a float; NaN for anything that is not a number (text, None, true/false,
    an integer too large for a float). Infinite values stay and are rejected by name."""
    if cell is None or isinstance(cell, (bool, np.bool_)):
        return np.nan
    try:
        return float(cell)
    except (TypeError, ValueError, OverflowError):
        return np.nan
