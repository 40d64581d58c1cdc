"""The jobs themselves: plain top-level functions of plain (picklable) arguments, run in
a worker process. Each returns everything the page shows, so nothing is computed twice."""
from dataclasses import dataclass

import numpy as np

from bpviz.engine import (
    SharedNetwork,
    budget,
    default_window,
    descent_path,
    gradient_check,
    gradient_of,
    loss_along,
    loss_grid,
)
from bpviz.engine.budget import FLOAT32_SHARE
from bpviz.worksheets import Sheet, class_set, key_source, sheets_pdf, worksheet_source


@dataclass(frozen=True)
class WorksheetRequest:
    """What a set of sheets is made from. A class set (`shared` None) is fully determined by
    its fields, so equal requests give equal files and may share a cached result; the
    learner's own network (`shared`) is never cached. `prefilled`: the forward pass printed
    in; `app_url`: the app's address for each sheet's QR code (None: no codes); `tutorial`:
    the tutorial's names where a network has them; `quiz`: the codes open the app in quiz
    mode; `with_key`: make the answer key too (not for the current network in quiz mode)."""
    seed: int | None
    count: int
    lang: str
    paper: str
    shared: SharedNetwork | None = None
    prefilled: bool = False
    app_url: str | None = None
    tutorial: bool = False
    quiz: bool = False
    with_key: bool = True

    @property
    def cacheable(self):
        return self.shared is None


def build_worksheets(request):
    """({"worksheet": Typst source, "answer-key": ... when asked for}, {same names: PDF bytes})
    for `request`. Raises MissingFontError when a Chinese set has no CJK font."""
    sheets = (Sheet(request.shared),) if request.shared is not None else class_set(request.seed, request.count)
    common = {"tutorial": request.tutorial}
    sources = {"worksheet": worksheet_source(sheets, request.lang, request.paper, request.prefilled,
                                             request.app_url, quiz=request.quiz, **common)}
    if request.with_key:
        sources["answer-key"] = key_source(sheets, request.lang, request.paper, **common)
    pdfs = {name: sheets_pdf(sheets, request.lang, request.paper, request.prefilled, request.app_url,
                             key=name == "answer-key", quiz=request.quiz, **common) for name in sources}
    return sources, pdfs


def check_gradients(net, X, Y, mistake, learning_rate):
    """The GradientCheckReport of `net` on rows (X, Y) with `mistake` planted
    (engine.gradient_check; its NetworkError pickles, so it reaches the page)."""
    return gradient_check(net, X, Y, mistake=mistake, learning_rate=learning_rate)


def check_work(net, rows):
    """Parameter-passes of check_gradients on `rows` rows."""
    return budget.check_rows_work(net.sizes, rows)


def landscape_curve(net, X, Y, ref, values):
    """(losses (len(values),), gradient): the batch-mean loss on rows (X, Y) at each of
    `values` of parameter `ref` (the others kept), and ∂E/∂ref at its current value."""
    return loss_along(net, X, Y, ref, values), gradient_of(net, X, Y, ref)


def curve_work(net, rows, settings):
    """Parameter-passes of landscape_curve with `settings` values: the losses and one
    backward pass."""
    return budget.losses_work(net.sizes, rows, settings) + budget.path_work(net.sizes, rows, 1)


def landscape_grid(net, X, Y, ref_x, ref_y, learning_rate, steps, resolution):
    """(path (steps + 1, 2), xs (resolution,), ys (resolution,), grid (resolution, resolution)):
    a descent path over parameters `ref_x`, `ref_y` and the loss on a square grid wide
    enough for both their default windows and the whole path."""
    path = descent_path(net, X, Y, [ref_x, ref_y], learning_rate, steps)
    windows = [default_window(net, X, Y, ref) for ref in (ref_x, ref_y)]
    xs = np.linspace(min(windows[0][0], path[:, 0].min()), max(windows[0][1], path[:, 0].max()), resolution)
    ys = np.linspace(min(windows[1][0], path[:, 1].min()), max(windows[1][1], path[:, 1].max()), resolution)
    return path, xs, ys, loss_grid(net, X, Y, ref_x, ref_y, xs, ys)


def landscape_work(net, rows, steps, resolution):
    """Parameter-passes of landscape_grid (the path and the grid; the windows are small)."""
    return (budget.path_work(net.sizes, rows, steps)
            + budget.losses_work(net.sizes, rows, resolution * resolution, FLOAT32_SHARE))
