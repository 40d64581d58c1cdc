"""The README's screenshots of the Step page: 1280×720, light and dark, English and Chinese,
on the worked example at "backward, layer 1" (every a, δ and gradient on show).

    python3 docs/make_screenshots.py

Uses the browser-test fixtures (a local server, Debian's chromium through Playwright);
writes docs/step-<lang>-<theme>.png.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, IDLE, start_server, stop_server  # noqa: E402

DIAGRAM = ".bpviz-step .bpviz-value"


def main():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright
    process, url = start_server()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in ("en", "zh"):
                for theme in ("light", "dark"):
                    context = browser.new_context(viewport={"width": 1280, "height": 720}, color_scheme=theme)
                    page = context.new_page()
                    page.goto(f"{url}/step?lang={lang}")
                    page.wait_for_selector(DIAGRAM, timeout=60_000)
                    page.wait_for_timeout(1500)
                    page.wait_for_selector(IDLE)
                    for _ in range(5):                 # to "backward, layer 1"
                        page.keyboard.press("ArrowRight")
                        page.wait_for_timeout(300)
                        page.wait_for_selector(IDLE)
                    page.wait_for_timeout(1000)        # the flow has arrived
                    path = ROOT / "docs" / f"step-{lang}-{theme}.png"
                    page.screenshot(path=str(path))
                    print(path.relative_to(ROOT))
                    context.close()
            browser.close()
    finally:
        stop_server(process)


if __name__ == "__main__":
    main()
