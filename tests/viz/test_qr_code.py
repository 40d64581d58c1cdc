"""The Share page's QR code: the SVG draws segno's code, and an independent reader (ZXing)
reads the link back out of it."""
import re

import numpy as np
import pytest
import zxingcpp

from bpviz.engine import encode_share, preset
from bpviz.viz.qr_code import QUIET_ZONE, qr_modules, qr_side, qr_svg

LINK = "http://localhost:8501/step?net=" + encode_share(preset("worked_example")) + "&quiz=1&lang=zh"


def svg_to_modules(svg):
    """Rows of booleans from the SVG's one stroked path (segno draws each row's dark runs as
    horizontal strokes at y + 0.5): an independent reading of what the browser draws."""
    side = int(re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).group(1))
    path = re.search(r'<path class="qrline" stroke="#000" d="([^"]+)"', svg).group(1)
    grid = np.zeros((side, side), dtype=bool)
    x = y = 0.0
    for command, numbers in re.findall(r"([Mmh])([-\d. ]+)", path):
        values = [float(v) for v in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            grid[int(y - 0.5), int(x):int(x + values[0])] = True
            x += values[0]
    return grid


def read(grid, scale=6):
    """The text a QR reader finds in a boolean grid drawn black on white."""
    image = np.where(np.kron(grid, np.ones((scale, scale), dtype=bool)), 0, 255).astype(np.uint8)
    found = zxingcpp.read_barcodes(image)
    return [result.text for result in found]


def test_the_svg_draws_segnos_matrix_with_a_quiet_zone():
    svg = qr_svg(LINK)
    grid = svg_to_modules(svg)
    assert grid.shape == (qr_side(LINK),) * 2
    inner = grid[QUIET_ZONE:-QUIET_ZONE, QUIET_ZONE:-QUIET_ZONE]
    assert inner.tolist() == [list(row) for row in qr_modules(LINK)]
    assert not grid[:QUIET_ZONE].any() and not grid[:, :QUIET_ZONE].any()   # white margin


@pytest.mark.parametrize("link", [LINK, "http://192.168.1.20:8501/build?net=3.2-1~s~s~.5~1~1_2_3_1_0_1&hide=quiz"])
def test_an_independent_reader_gets_the_link_back(link):
    assert read(svg_to_modules(qr_svg(link))) == [link]


def test_the_worked_example_code_is_small_enough_for_the_back_of_a_room():
    # 160-odd characters at level M: version 7, 45 modules + the quiet zone; 9 px a module at 480 px
    assert len(LINK) < 200
    assert qr_side(LINK) <= 57


def test_the_title_is_escaped():
    assert "<b>" not in qr_svg("x", title="<b>class</b>")


def test_a_link_too_long_for_a_code_is_said_not_drawn():
    from bpviz.viz.qr_code import qr_fits
    assert qr_fits(LINK) and not qr_fits("http://x/?net=" + "A" * 3000)
