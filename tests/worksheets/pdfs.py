"""Helpers the worksheet tests share: PDF text, page scales, and networks of every size."""
import json

import numpy as np
import pypdfium2 as pdfium
import typst

from bpviz.engine import Network, SharedNetwork
from bpviz.worksheets import Sheet
from bpviz.worksheets.pdf import packaged_font_dir


def pages_text(pdf):
    """The text of each page, read by PDFium (pypdfium2, some 30× quicker than pypdf on a class
    set's formulas), with its CRLF line ends as "\n" and the math minus as "-"."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_bounded().replace("\r\n", "\n").replace("\u2212", "-")
                for i in range(len(document))]
    finally:
        document.close()


def fit_scales(source):
    """The scale `fit` gave each page's content (1: it fit as it is), read back with typst.query."""
    folder = packaged_font_dir()
    found = typst.query(source.encode("utf-8"), "<fit>", field="value", font_paths=[str(folder)] if folder else [],
                        ignore_system_fonts=folder is not None)
    return json.loads(found)


def random_sheet(sizes, seed, activations=None, loss="squared_error"):
    """A sheet of a seeded random network of `sizes` with an example in [-1, 1] and targets in [0, 1]."""
    rng = np.random.default_rng(seed)
    activations = activations or ("sigmoid",) * (len(sizes) - 1)
    net = Network.random(sizes, activations, loss, seed=seed)
    x = tuple(float(v) for v in rng.uniform(-1, 1, sizes[0]))
    y = tuple(float(v) for v in rng.uniform(0.05, 0.95, sizes[-1]))
    return Sheet(SharedNetwork(net, x, y, 0.5, bool(seed % 2)), seed)


def largest_sheet(seed=1):
    """The largest legal network, 10-[10×6]-10."""
    return random_sheet((10,) * 8, seed)
