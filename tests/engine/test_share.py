"""Share-link tokens: exact round trip, bounded size, and only NetworkError from garbage."""
import base64
import json
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpviz.engine import Network, NetworkError, SharedNetwork, decode_share, encode_share, preset
from bpviz.engine.serialization import network_to_dict
from bpviz.engine.share import MAX_TOKEN_CHARS, encode_binary
from tests.examples import examples


def _token_of(data):
    packed = zlib.compress(json.dumps(data).encode())
    return "1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def _shared(net, lr=0.5):
    return SharedNetwork(net, (0.25,) * net.sizes[0], (1.0,) * net.sizes[-1], lr, True)


def test_round_trip_is_exact_and_url_safe():
    net = Network.random([3, 4, 2], ["tanh", "softmax"], "cross_entropy", seed=7)
    shared = SharedNetwork(net, (0.1, -2.0, 1 / 3), (0.0, 1.0), 0.05, False)
    token = encode_share(shared)
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
    restored = decode_share(token)
    assert restored == shared
    assert restored.network.weights[0].tobytes() == net.weights[0].tobytes()   # bit for bit


def test_the_largest_legal_network_fits_in_a_link():
    net = Network.random([10] + [10] * 6 + [10], "sigmoid", "squared_error", seed=1)
    token = encode_share(_shared(net))
    assert len(token) < MAX_TOKEN_CHARS
    assert decode_share(token).network == net


def test_the_worked_example_link_is_short():
    p = preset("worked_example")
    token = encode_share(SharedNetwork(p.network, p.x, p.y, p.learning_rate, p.update_biases))
    # the published numbers, written out: w1…w8, b1 b1 b2 b2, i1 i2, targets, η = 0.5, biases kept
    assert token == "3.2-2-2~ss~s~.5~0~.15_.2_.25_.3_.4_.45_.5_.55_.35_.35_.6_.6_.05_.1_.01_.99"


@pytest.mark.parametrize("token, field", [
    ("", "start with"), ("4.abc", "start with"), ("3.abc", "does not hold"), ("3.a b", "only 0-9"),
    ("2.abc", "damaged"), ("1.", "start with"), ("1.%%%%", "damaged"),
    ("1." + "A" * 64, "damaged"), ("1." + "A" * (MAX_TOKEN_CHARS + 1), "at most"), (None, "text"),
])
def test_malformed_tokens_say_what_is_wrong(token, field):
    with pytest.raises(NetworkError, match=field):
        decode_share(token)


def test_a_decompression_bomb_is_refused():
    bomb = zlib.compress(b"[" + b"0," * 2_000_000 + b"0]", 9)
    token = "1." + base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    assert len(token) < MAX_TOKEN_CHARS
    with pytest.raises(NetworkError, match="unpacks to more than"):
        decode_share(token)


def test_tampered_fields_name_the_field():
    p = preset("worked_example")
    good = dict(network_to_dict(p.network), x=list(p.x), y=list(p.y), learning_rate=0.5, update_biases=False)
    for field, value, message in [("x", [0.1], "link x"), ("y", [0.0, float("nan")], "link y"),
                                  ("learning_rate", 1e9, "learning_rate"), ("update_biases", "yes", "update_biases"),
                                  ("activations", ["sigmoid", "bogus"], "activations"),
                                  ("weights", [[[1e308, 0], [0, 0]], [[0, 0], [0, 0]]], "weights")]:
        data = dict(good, **{field: value})
        with pytest.raises(NetworkError, match=message):
            decode_share(_token_of(data))
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(NetworkError):
        decode_share("1." + base64.urlsafe_b64encode(zlib.compress(deep.encode())).decode())


@settings(max_examples=examples(100), deadline=None)
@given(st.text(max_size=300))
def test_garbage_text_only_ever_raises_network_error(garbage):
    for token in (garbage, "1." + garbage):
        try:
            decode_share(token)
        except NetworkError:
            pass


@settings(max_examples=examples(60), deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=30))
def test_garbage_json_only_ever_raises_network_error(garbage):
    try:
        decode_share(_token_of(garbage))
    except NetworkError:
        pass


def _packed(token):
    body = token.split(".", 1)[1]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))


def _token_of_packed(packed):
    return "1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def test_a_link_cut_inside_its_checksum_is_refused():
    token = encode_binary(_shared(preset("xor").network))
    packed = _packed(token)
    for cut in (1, 2, 3, 4):          # the zlib stream ends with a 4-byte Adler-32 checksum
        with pytest.raises(NetworkError, match="cut short"):
            decode_share(_token_of_packed(packed[:-cut]))


def test_a_link_with_bytes_after_its_end_is_refused():
    token = encode_binary(_shared(preset("xor").network))
    for junk in (b"\0", b"junk", b"x" * 100):
        with pytest.raises(NetworkError, match=f"{len(junk)} unexpected bytes"):
            decode_share(_token_of_packed(_packed(token) + junk))
    with pytest.raises(NetworkError, match="unexpected bytes"):
        decode_share(token + "AAAA")     # three zero bytes in base64


@pytest.mark.parametrize("junk", ["!", "~", "%20", " ", "+", "/", "=A"])
def test_characters_outside_base64url_are_refused_not_skipped(junk):
    token = encode_binary(_shared(preset("xor").network))
    with pytest.raises(NetworkError, match="damaged"):
        decode_share(token[:10] + junk + token[10:])


LARGEST = [10] + [10] * 6 + [10]


def _version_1_token(shared):
    """The first format, written out here: the network's dict form plus the example and
    settings as JSON, zlib, base64url."""
    data = dict(network_to_dict(shared.network), x=list(shared.x), y=list(shared.y),
                learning_rate=shared.learning_rate, update_biases=shared.update_biases)
    packed = zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 9)
    return "1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def test_version_1_links_still_load_bit_for_bit():
    net = Network.random(LARGEST, "tanh", "squared_error", seed=3)
    shared = SharedNetwork(net, tuple(np.linspace(-1, 1, 10) / 3), (0.0,) * 9 + (1.0,), 1e-5, False)
    restored = decode_share(_version_1_token(shared))
    assert restored == shared
    assert all(a.tobytes() == b.tobytes() for a, b in zip(restored.network.weights, net.weights))


def test_version_2_is_shorter_for_the_largest_network():
    net = Network.random(LARGEST, "sigmoid", "squared_error", seed=1)
    shared = SharedNetwork(net, tuple(np.random.default_rng(0).normal(size=10)), (1.0,) * 10, 0.5, True)
    token = encode_share(shared)
    assert token.startswith("2.")
    assert len(token) < 0.8 * len(_version_1_token(shared))
    restored = decode_share(token)
    assert restored == shared and restored.x == shared.x
    assert all(a.tobytes() == b.tobytes() for a, b in zip(restored.network.biases, net.biases))


def _version_2_token(header, numbers):
    planes = np.asarray(numbers, dtype="<f8").view(np.uint8).reshape(-1, 8).T.tobytes()
    payload = json.dumps(header).encode() + b"\n" + planes
    return "2." + base64.urlsafe_b64encode(zlib.compress(payload)).decode().rstrip("=")


def test_version_2_layout_is_weights_biases_x_y_byte_planes():
    """A 2-1 network built by hand: w = (0.5, -0.25), b = 0.125, x = (1, 2), y = 1."""
    header = {"sizes": [2, 1], "activations": ["sigmoid"], "loss": "squared_error", "learning_rate": 0.75,
              "update_biases": True}
    shared = decode_share(_version_2_token(header, [0.5, -0.25, 0.125, 1.0, 2.0, 1.0]))
    assert shared.network.weights[0].tolist() == [[0.5, -0.25]] and shared.network.biases[0].tolist() == [0.125]
    assert shared.x == (1.0, 2.0) and shared.y == (1.0,) and shared.learning_rate == 0.75
    with pytest.raises(NetworkError, match="holds 5 numbers where its sizes need 6"):
        decode_share(_version_2_token(header, [0.5, -0.25, 0.125, 1.0, 2.0]))
    with pytest.raises(NetworkError, match="weights"):
        decode_share(_version_2_token(header, [float("nan"), -0.25, 0.125, 1.0, 2.0, 1.0]))
    with pytest.raises(NetworkError, match="link sizes"):
        decode_share(_version_2_token(dict(header, sizes=[2, 11, 1]), [0.0] * 36))
    with pytest.raises(NetworkError, match="activations"):
        decode_share(_version_2_token(dict(header, activations=["bogus"]), [0.0] * 6))


def _version_3(numbers, sizes="2-1", codes="s~s", lr=".75", biases="1"):
    return f"3.{sizes}~{codes}~{lr}~{biases}~" + "_".join(numbers)


def test_version_3_layout_is_decimal_weights_biases_x_y():
    """The same 2-1 network as above, typed by hand as decimals."""
    shared = decode_share(_version_3([".5", "-.25", ".125", "1", "2", "1"]))
    assert shared.network.weights[0].tolist() == [[0.5, -0.25]] and shared.network.biases[0].tolist() == [0.125]
    assert shared.x == (1.0, 2.0) and shared.y == (1.0,) and shared.learning_rate == 0.75 and shared.update_biases
    assert shared.network.activations == ("sigmoid",) and shared.network.loss == "squared_error"


@pytest.mark.parametrize("token, words", [
    (_version_3([".5", "-.25", ".125", "1", "2"]), "holds 5 numbers where its sizes need 6"),
    (_version_3(["nan", "-.25", ".125", "1", "2", "1"]), "'nan' in the network parameter is not a decimal"),
    (_version_3(["inf", "-.25", ".125", "1", "2", "1"]), "not a decimal"),
    (_version_3(["1e999", "-.25", ".125", "1", "2", "1"]), "weights"),
    (_version_3(["1" * 40, "-.25", ".125", "1", "2", "1"]), "not a decimal"),
    (_version_3([".5", "-.25", ".125", "1", "2", "1"], codes="q~s"), "activations"),
    (_version_3([".5", "-.25", ".125", "1", "2", "1"], codes="s~q"), "loss"),
    (_version_3([".5", "-.25", ".125", "1", "2", "1"], biases="2"), "update_biases"),
    (_version_3([".5", "-.25", ".125", "1", "2", "1"], lr="-1"), "learning_rate"),
    (_version_3(["0"] * 36, sizes="2-11-1"), "link sizes"),
    (_version_3(["0"] * 6, sizes="2--1"), "link sizes"),
    ("3.2-1~s~s~.75~1", "does not hold"),
])
def test_version_3_refuses_what_is_wrong_and_names_it(token, words):
    with pytest.raises(NetworkError, match=words):
        decode_share(token)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6), min_size=9,
                max_size=9), st.booleans())
def test_every_float_survives_both_versions_bit_for_bit(values, biases):
    net = Network([np.array([values[:4]]).reshape(2, 2), np.array([values[4:6]])],
                  [np.array(values[6:8]), np.array([values[8]])], ["tanh", "linear"], "squared_error")
    shared = SharedNetwork(net, (values[0], -0.0), (values[1],), 0.1, biases)
    for token in (encode_share(shared), encode_binary(shared)):
        restored = decode_share(token)
        assert restored == shared
        assert all(a.tobytes() == b.tobytes() for a, b in zip(restored.network.weights, net.weights))
        assert np.array(restored.x).tobytes() == np.array(shared.x).tobytes()


def test_the_shorter_version_is_written():
    p = preset("worked_example")
    assert encode_share(p).startswith("3.")
    trained = Network.random([2, 3, 1], "sigmoid", "squared_error", seed=4)   # 17-digit numbers
    shared = _shared(trained)
    assert len(encode_share(shared)) == min(len(encode_binary(shared)), len(_text_token(shared)))


def _text_token(shared):
    from bpviz.engine.share import header_and_numbers
    from bpviz.engine.share_text import encode_text
    return encode_text(*header_and_numbers(shared))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-._~sxeilrtbcq", max_size=80))
def test_garbage_short_tokens_only_ever_raise_network_error(body):
    try:
        decode_share("3." + body)
    except NetworkError:
        pass
