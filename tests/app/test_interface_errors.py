"""An error only the interface raises (a weight table of the wrong shape) is still a
NetworkError, caught and shown like the engine's, in English and in Chinese."""
import pytest

from bpviz.engine import NetworkError, preset
from bpviz.ui.build.tables import layer_frame, network_from_frames
from bpviz.ui.errors import InterfaceError
from bpviz.ui.strings.zh import ZH

NET = preset("worked_example").network     # 2-2-2: each table is 2 rows × (2 weights + 1 bias)


def test_a_table_of_the_wrong_shape_is_a_network_error_naming_the_layer_and_shape():
    frames = [layer_frame(NET, 0).iloc[:1], layer_frame(NET, 1)]    # layer 1 lost a row
    with pytest.raises(NetworkError) as caught:
        network_from_frames(NET, frames)
    assert isinstance(caught.value, InterfaceError)
    assert (caught.value.code, caught.value.params["shape"]) == ("table_shape", (1, 3))
    assert str(caught.value) == "the table of layer 1 must have 2 rows and 3 columns, got (1, 3)"
    assert ZH["error.table_shape"].format(**caught.value.params) == "第 1 层的表格必须有 2 行 3 列，收到的形状是 (1, 3)"


def test_an_unknown_interface_code_is_a_programming_error():
    with pytest.raises(KeyError, match="no message for code"):
        InterfaceError("no_such_code")

