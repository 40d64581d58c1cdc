"""The link on a sheet: the app's share link to the sheet's exact network, and its QR code.

The link is the address the app's own share links have: the app's base URL,
the Step page, and the query `bpviz.ui.links` reads (`net` = the engine's
share token of network, example, η and bias switch; `lang` = the sheet's
language; `quiz` = "1" from a quiz-mode session, so the link keeps the answers hidden as the
Share page's links do; `names` = "layer" for a 2-2-2 sheet printed in layer names, so the
screen names things as the sheet does). A student who scans it lands on the Step page with
this sheet's problem loaded, ready to check one step on screen.
"""
import io
from urllib.parse import urlencode

import segno

from bpviz.engine import encode_share, tutorial_names_fit

PAGE = "step"
ERROR_LEVEL = "l"   # 7 % recovery: the smallest code, printed on white paper and scanned up close
QUIET_ZONE = 2      # modules of white around the code (the page margin adds more)
MOST_VERSION = 13   # 69 modules: 0.35 mm each at 24 mm, still read by a phone; a larger network gets no code


def share_link(app_url, problem, language, quiz=False, tutorial=True) -> str:
    """The address that opens `problem` (a SharedNetwork) on the Step page of the app at `app_url`,
    in quiz mode if `quiz`, in the tutorial's names (the app's default) or not (`tutorial`)."""
    base = str(app_url).strip().split("?")[0].split("#")[0].rstrip("/")
    query = {"net": encode_share(problem)}
    if language != "en":
        query["lang"] = language
    if quiz:
        query["quiz"] = "1"
    if not tutorial and tutorial_names_fit(problem.network.sizes):
        query["names"] = "layer"
    return f"{base}/{PAGE}?{urlencode(query)}"


def qr_svg(link) -> str | None:
    """The QR code of `link` as SVG text (the sheet sets its size), or None if it would need more
    than MOST_VERSION (a link to a large network: too dense to print and scan)."""
    try:
        code = segno.make(link, error=ERROR_LEVEL, micro=False, boost_error=True)
    except segno.DataOverflowError:
        return None
    if code.version > MOST_VERSION:
        return None
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, border=QUIET_ZONE, scale=10, dark="#000")
    return out.getvalue().decode("ascii")
