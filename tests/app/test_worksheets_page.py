"""The Worksheets page (AppTest): a class set or the current network, made on a click, offered
as PDF and Typst source; the PDF's first sheet carries the seed asked for."""
import io

import pypdf

from tests.app.apptest import open_app, rerun


def _downloads(at):
    return at.get("download_button")


def test_a_class_set_is_made_on_a_click_with_pdfs_and_sources():
    at = open_app("worksheets")
    assert not _downloads(at)
    at.number_input(key="ws_seed").set_value(12)
    at.number_input(key="ws_count").set_value(2)
    at = rerun(at)
    at.button(key="ws_generate").click()
    at = rerun(at)
    assert "Made 2 sheet(s)" in at.success[0].value
    assert "Seeds 12 to 13." in " ".join(c.value for c in at.caption)
    assert len(_downloads(at)) == 4
    pdf = at.session_state["worksheets_made"][2]["worksheet"]
    first = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Sheet 1 · seed 12" in first


def test_download_names_differ_by_language_and_paper():
    from bpviz.ui.worksheets import file_stem
    names = {file_stem(("class_set", 1, 3, paper, lang)) for paper in ("a4", "us-letter") for lang in ("en", "zh")}
    assert len(names) == 4 and "seed-1-3-zh-a4" in names
    assert file_stem(("current", 1, 1, "a4", "en")) == "own-en-a4"


def test_changing_a_setting_hides_downloads_made_for_another():
    at = open_app("worksheets")
    at.number_input(key="ws_count").set_value(1)
    at.button(key="ws_generate").click()
    at = rerun(at)
    assert len(_downloads(at)) == 4
    at.number_input(key="ws_seed").set_value(99)
    at = rerun(at)
    assert not _downloads(at)


def test_the_current_network_makes_one_sheet_of_it():
    at = open_app("worksheets")
    at.radio(key="ws_source").set_value("current")
    at = rerun(at)
    at.button(key="ws_generate").click()
    at = rerun(at)
    assert "Made 1 sheet(s)" in at.success[0].value
    source = at.session_state["worksheets_made"][1]["worksheet"]
    assert "Network 2-2-2" in source and "0.15" in source   # the worked example, the default network


def test_chinese_sheets_from_an_english_page_carry_the_chinese_text():
    at = open_app("worksheets")
    at.number_input(key="ws_count").set_value(2)
    at.selectbox(key="ws_lang").set_value("zh")
    at = rerun(at)
    at.button(key="ws_generate").click()
    at = rerun(at)
    key = at.session_state["worksheets_made"][2]["answer-key"]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(key)).pages)
    assert "反向传播练习卷：答案" in text and "第 2 份 · 种子 2" in text
