"""Length of the address that carries a learner's state, and the CPU cost of building it.
Prints figures; not a test.

Run: python3 benchmarks/bench_address.py

For the default network (the worked example) and the largest legal network
(10-[10x6]-10, weights after 2,000 epochs of training, so no value is "round"),
prints the share token in the old format ("1.", rebuilt here as that format
wrote it) and in the current one ("2."), and the whole address with every other
parameter at its longest legal value (page, language, all hidden controls, quiz,
step, step size, 2-D data settings). nginx's default `large_client_header_buffers`
is 8 KB: the request line ("GET <path?query> HTTP/1.1") must fit in one buffer.
CPU time: time.process_time, median of 50 calls.
"""
import base64
import json
import statistics
import sys
import time
import zlib
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from bpviz.engine import Network, SharedNetwork, TrainingConfig, decode_share, encode_share, preset, train, two_d  # noqa: E402
from bpviz.engine.serialization import network_to_dict  # noqa: E402
from bpviz.ui.address import link_query  # noqa: E402
from bpviz.ui.session.state import HIDEABLE  # noqa: E402

ORIGIN = "https://bpviz.example-school.org"    # a plausible classroom host name
NGINX_DEFAULT_BUFFER = 8 * 1024


def version_1_token(shared):
    data = dict(network_to_dict(shared.network), x=list(shared.x), y=list(shared.y),
                learning_rate=shared.learning_rate, update_biases=bool(shared.update_biases))
    packed = zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 9)
    return "1." + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def largest_trained():
    sizes = [10] + [10] * 6 + [10]
    data = two_d("spiral", 200, 0.1, 0)
    X = np.tile(data.X, 5)
    Y = np.tile(data.Y, 10)
    net = Network.random(sizes, "tanh", "squared_error", seed=0)
    net = train(net, X, Y, TrainingConfig(learning_rate=0.05, batch_size=200, epochs=2000)).network
    return SharedNetwork(net, tuple(X[0]), tuple(Y[0]), 0.05, True)


def median_cpu(function, repeats=50):
    times = []
    for _ in range(repeats):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main():
    p = preset("worked_example")
    cases = {"default (worked example 2-2-2)": SharedNetwork(p.network, p.x, p.y, p.learning_rate, p.update_biases),
             "largest (10-[10x6]-10, trained)": largest_trained()}
    print(f"{'network':34} {'token v1':>9} {'token v2':>9} {'address v1':>11} {'address v2':>11}"
          f" {'encode ms':>10} {'decode ms':>10}")
    for name, shared in cases.items():
        old, new = version_1_token(shared), encode_share(shared)
        assert decode_share(old) == decode_share(new) == shared
        rest = link_query(None, hide=HIDEABLE, lang="zh", quiz=True, step=15, granularity="pass",
                          data="two_d:gaussians:5000:0.95:0.85:4294967295")
        addresses = [f"{ORIGIN}/gradcheck?net={token}&{rest.lstrip('?')}" for token in (old, new)]
        encode = median_cpu(partial(encode_share, shared)) * 1000
        decode = median_cpu(partial(decode_share, new)) * 1000
        print(f"{name:34} {len(old):9,} {len(new):9,} {len(addresses[0]):11,} {len(addresses[1]):11,}"
              f" {encode:10.2f} {decode:10.2f}")
        request_line = len(f"GET {addresses[1][len(ORIGIN):]} HTTP/1.1")
        print(f"{'':34} request line {request_line:,} bytes; nginx default buffer {NGINX_DEFAULT_BUFFER:,}: "
              f"{'fits' if request_line <= NGINX_DEFAULT_BUFFER else 'DOES NOT FIT'}")


if __name__ == "__main__":
    main()
