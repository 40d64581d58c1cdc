"""A sheet's QR code: the app's own share link to the sheet's exact problem, small enough to
print and scan; none for a network whose link is too long for a readable code."""
import io
import json
from urllib.parse import parse_qs, urlsplit

import pypdf
import segno
import typst

from bpviz.engine import decode_share
from bpviz.worksheets import Sheet, class_set, friendly_problem, share_link, sheets_pdf, worksheet_source
from bpviz.worksheets.qr import MOST_VERSION, qr_svg

from .pdfs import largest_sheet

BASE = "https://bpviz.school.example/classroom/"


def test_the_link_opens_the_step_page_with_the_sheets_exact_problem():
    for seed in range(40):
        problem = friendly_problem(seed)
        link = share_link(BASE, problem, "zh")
        parts = urlsplit(link)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == BASE + "step"
        query = parse_qs(parts.query)
        assert query["lang"] == ["zh"] and decode_share(query["net"][0]) == problem


def test_the_link_has_the_query_the_app_writes_for_a_share_link():
    from bpviz.ui.address import link_query
    problem = friendly_problem(3)
    assert share_link(BASE, problem, "zh").endswith("/step" + link_query(problem, lang="zh"))
    assert share_link("http://localhost:8501", problem, "en").endswith("/step" + link_query(problem))


def test_a_quiz_sessions_link_keeps_quiz_mode_and_the_sheets_names():
    """Scanned, the code opens the app as the Share page's link would: quiz mode if the sheet was
    made in it, and the names the sheet is printed in (tutorial names are the app's default)."""
    from bpviz.ui.address import link_query
    problem = next(p for p in map(friendly_problem, range(50)) if p.network.sizes == (2, 2, 2))
    assert share_link(BASE, problem, "zh", quiz=True, tutorial=False).endswith(
        "/step" + link_query(problem, lang="zh", quiz=True, names="layer"))
    assert share_link(BASE, problem, "en", quiz=True).endswith("/step" + link_query(problem, quiz=True))
    linked = worksheet_source([Sheet(problem)], "en", app_url=BASE, tutorial=True, quiz=True)
    assert json.loads(typst.query(linked.encode(), "<qr>", field="value", font_paths=[])) == \
        [share_link(BASE, problem, "en", quiz=True, tutorial=True)]
    other = next(p for p in map(friendly_problem, range(50)) if p.network.sizes != (2, 2, 2))
    assert "names=" not in share_link(BASE, other, "en", tutorial=False)   # no tutorial names to leave


def test_every_class_set_link_fits_a_small_printable_code():
    for seed in range(0, 600, 7):
        link = share_link(BASE, friendly_problem(seed), "zh")
        assert segno.make(link, error="l", boost_error=True).version <= MOST_VERSION
        assert qr_svg(link).startswith("<svg")


def test_the_largest_network_gets_no_code():
    assert qr_svg(share_link(BASE, largest_sheet().problem, "en")) is None
    assert len(pypdf.PdfReader(io.BytesIO(sheets_pdf([largest_sheet()], app_url=BASE))).pages) == 2


def test_each_sheet_carries_the_code_of_its_own_link_only_when_the_app_url_is_given():
    sheets = class_set(5, 3)
    linked = worksheet_source(sheets, "zh", app_url=BASE)
    assert json.loads(typst.query(linked.encode(), "<qr>", field="value", font_paths=[])) == \
        [share_link(BASE, sheet.problem, "zh", tutorial=False) for sheet in sheets]   # layer names by default
    assert linked.count("<svg") == 3 and "<svg" not in worksheet_source(sheets, "zh")
    with_code, without = sheets_pdf(sheets, app_url=BASE), sheets_pdf(sheets)
    assert len(with_code) > len(without) + 3 * 1000   # the codes are drawn (as vector paths)
