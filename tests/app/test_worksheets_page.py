"""The Worksheets page (AppTest): a class set or the current network, made on a click, offered
as PDF and Typst source; the PDF's first sheet carries the seed asked for."""
import time

from bpviz.ui.job_queue import shared_queue
from tests.app.apptest import open_app, rerun
from tests.app.apptest import worksheets_made as made
from tests.worksheets.pdfs import pages_text


def _downloads(at):
    return at.get("download_button")


def test_a_class_set_is_made_on_a_click_with_pdfs_and_sources():
    at = open_app("worksheets")
    assert not _downloads(at)
    at.number_input(key="ws_seed").set_value(12)
    at.number_input(key="ws_count").set_value(2)
    at = rerun(at)
    at.button(key="ws_generate").click()
    at = made(rerun(at))
    assert "Made 2 sheet(s)" in at.success[0].value
    assert "Seeds 12 to 13." in " ".join(c.value for c in at.caption)
    assert len(_downloads(at)) == 4
    pdf = at.session_state["worksheets_made"][2]["worksheet"]
    first = pages_text(pdf)[0]
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
    at = made(rerun(at))
    assert len(_downloads(at)) == 4
    at.number_input(key="ws_seed").set_value(99)
    at = rerun(at)
    assert not _downloads(at)


def test_the_current_network_makes_one_sheet_of_it():
    at = open_app("worksheets")
    at.radio(key="ws_source").set_value("current")
    at = rerun(at)
    at.button(key="ws_generate").click()
    at = made(rerun(at))
    assert "Made 1 sheet(s)" in at.success[0].value
    source = at.session_state["worksheets_made"][1]["worksheet"]
    assert "Network 2-2-2" in source and "0.15" in source   # the worked example, the default network


def test_chinese_sheets_from_an_english_page_carry_the_chinese_text():
    at = open_app("worksheets")
    at.number_input(key="ws_count").set_value(2)
    at.selectbox(key="ws_lang").set_value("zh")
    at = rerun(at)
    at.button(key="ws_generate").click()
    at = made(rerun(at))
    key = at.session_state["worksheets_made"][2]["answer-key"]
    text = "".join(pages_text(key))
    assert "反向传播练习卷：答案" in text and "第 2 份 · 种子 2" in text


def test_while_others_are_ahead_the_page_says_so_and_stays_usable():
    queue = shared_queue()
    blockers = [queue.submit(time.sleep, 4) for _ in range(queue.workers + 2)]   # someone else's jobs
    at = open_app("worksheets")
    at.number_input(key="ws_seed").set_value(500)
    at.number_input(key="ws_count").set_value(1)
    at.button(key="ws_generate").click()
    at = rerun(at)
    waiting = " ".join(info.value for info in at.info)
    assert "2 ahead of you" in waiting or "3 ahead of you" in waiting, waiting
    at.selectbox(key="ws_lang").set_value("zh")              # the page keeps working
    at = rerun(at)
    assert not at.exception
    for blocker in blockers:
        blocker.future.result(timeout=60)
    at = made(at)
    assert at.session_state["worksheets_made"][0][1] == 500
def test_without_a_known_address_the_teacher_is_asked_for_one_and_no_code_is_printed():
    at = open_app("worksheets")   # AppTest reports no URL
    assert "type the address students open the app at" in at.warning[0].value
    at.number_input(key="ws_count").set_value(1)
    at.button(key="ws_generate").click()
    at = made(rerun(at))
    assert "<svg" not in at.session_state["worksheets_made"][1]["worksheet"]


def test_the_app_address_puts_a_qr_code_of_each_sheets_link_on_it():
    at = open_app("worksheets")
    at.number_input(key="ws_count").set_value(2)
    at.text_input(key="ws_app_url").set_value("https://bpviz.school.example/")
    at = rerun(at)
    at.button(key="ws_generate").click()
    at = made(rerun(at))
    source = at.session_state["worksheets_made"][1]["worksheet"]
    assert source.count("<svg") == 2 and source.count('"https://bpviz.school.example/step?net=') == 2


def test_an_address_that_is_not_http_is_refused_in_the_pages_language_and_no_code_is_printed():
    at = open_app("worksheets")
    at.number_input(key="ws_count").set_value(1)
    at.text_input(key="ws_app_url").set_value("javascript:alert(1)")
    at = rerun(at)
    assert "must start with http:// or https://" in at.error[0].value
    at.button(key="ws_generate").click()
    at = made(rerun(at))
    assert "<svg" not in at.session_state["worksheets_made"][1]["worksheet"]


def test_the_forward_pass_filled_in_makes_easier_sheets_under_their_own_name():
    from bpviz.ui.worksheets import file_stem
    at = open_app("worksheets")
    at.number_input(key="ws_count").set_value(1)
    at.checkbox(key="ws_prefilled").check()
    at = rerun(at)
    at.button(key="ws_generate").click()
    at = made(rerun(at))
    sheets = at.session_state["worksheets_made"]
    assert "value: " in sheets[1]["worksheet"] and file_stem(sheets[0]).endswith("-filled")
    text = pages_text(sheets[2]["worksheet"])[0]
    assert "The forward pass is filled in for you" in text
