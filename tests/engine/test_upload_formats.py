"""Uploaded files as editors write them: a network JSON file with a UTF-8 byte-order
mark loads; CSV numbers are plain ASCII decimal or scientific notation only, and a
refused cell is named (line, column) in English and Chinese."""
import json

import pytest

from bpviz.engine import Network, NetworkError, network_from_json
from bpviz.engine.csv_data import dataset_from_csv
from bpviz.ui.strings.en import EN
from bpviz.ui.strings.zh import ZH

# The classic 2-2-2 worked example's starting weights, written out by hand.
WORKED = {"format": "bpviz.network", "version": 1, "sizes": [2, 2, 2],
          "activations": ["sigmoid", "sigmoid"], "loss": "squared_error",
          "weights": [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]],
          "biases": [[0.35, 0.35], [0.6, 0.6]]}


@pytest.mark.parametrize("encode", [lambda text: ("\ufeff" + text).encode("utf-8"),   # bytes, as uploaded
                                    lambda text: "\ufeff" + text])                     # text already decoded
def test_a_network_file_with_a_byte_order_mark_loads(encode):
    net = network_from_json(encode(json.dumps(WORKED, indent=1)))
    assert isinstance(net, Network) and net.sizes == (2, 2, 2)
    assert net.weights[0].tolist() == [[0.15, 0.2], [0.25, 0.3]]
    assert net.biases[1].tolist() == [0.6, 0.6]


def test_only_one_byte_order_mark_is_dropped():
    with pytest.raises(NetworkError) as caught:
        network_from_json(("\ufeff\ufeff" + json.dumps(WORKED)).encode("utf-8"))
    assert caught.value.code == "json_invalid"


# Each of these is taken by Python's float() (or is not finite) but is not a plain
# ASCII decimal number.
NOT_PLAIN = ["1_000", "１２", "١٢", "۱۲", "१२", "nan", "NaN", "inf", "-Infinity", "0x1A", "1e", ".", "+",
             "1.2.3", "\u00a01", "1\u2009", "1,5e3"]


@pytest.mark.parametrize("cell", NOT_PLAIN)
def test_a_cell_that_is_not_a_plain_ascii_number_is_named(cell):
    text = "x1;x2;label\n0.5;1;0\n2;" + cell + ";1\n"
    with pytest.raises(NetworkError) as caught:
        dataset_from_csv(text, ["x1", "x2"], ["label"])
    error = caught.value
    assert error.code == "csv_not_a_number"
    assert error.params["line"] == 3 and error.params["column"] == "x2"
    assert "line 3, column 'x2'" in EN["error.csv_not_a_number"].format(**error.params)
    assert "第 3 行、'x2' 列" in ZH["error.csv_not_a_number"].format(**error.params)


def test_plain_decimal_and_scientific_numbers_load():
    text = "a,b\n-1.5,  2e-3\n.5,+3.\n1E2,\t-0\n"
    data = dataset_from_csv(text, ["a"], ["b"])
    assert data.X[:, 0].tolist() == [-1.5, 0.5, 100.0]
    assert data.Y[:, 0].tolist() == [0.002, 3.0, 0.0]


def test_a_header_of_words_that_float_reads_is_still_a_header():
    data = dataset_from_csv("nan,inf\n1,0\n2,1\n", ["nan"], ["inf"])
    assert data.X[:, 0].tolist() == [1.0, 2.0]
