"""Draws the picture a shared link shows (Open Graph and X/Twitter cards): 1200 x 630 px, the site's gold
heart on the brand's plum with the coalition's name and aim, into campaign/static/img/share.png. The text
is set by Debian's chromium (through Playwright, which the tests already use), so no imaging library is
needed and the lettering matches the site's own fonts.

    python scripts/build_share_image.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

STATIC = Path(__file__).resolve().parents[1] / "campaign" / "static" / "img"
WIDTH, HEIGHT = 1200, 630
HEART = (
    "M16 26.5C9.5 21.6 6 18 6 13.6 6 10.6 8.3 8.5 11 8.5c2.1 0 3.8 1.1 5 2.9 1.2-1.8 2.9-2.9 5-2.9 2.7 0 5 "
    "2.1 5 5.1 0 4.4-3.5 8-10 12.9z"
)

PAGE = f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><style>
  html, body {{ margin: 0; width: {WIDTH}px; height: {HEIGHT}px; }}
  body {{ background: #7a1f5c; color: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
         "Helvetica Neue", Arial, sans-serif; display: flex; align-items: center; box-sizing: border-box;
         padding: 0 90px; gap: 70px; }}
  svg {{ flex: 0 0 260px; height: 260px; }}
  h1 {{ font-size: 84px; line-height: 1.02; margin: 0 0 28px; font-weight: 800; letter-spacing: -1px; }}
  h1 span {{ color: #f2c14e; }}
  p {{ font-size: 34px; line-height: 1.3; margin: 0; max-width: 660px; }}
  .band {{ position: absolute; left: 0; right: 0; bottom: 0; height: 18px; background: #f2c14e; }}
</style></head><body>
  <svg viewBox="6 8 20 19" aria-hidden="true"><path fill="#f2c14e" d="{HEART}"/></svg>
  <div><h1>Support <span>Not</span> Separation</h1>
  <p>Ending the unwarranted separation of children from their mothers and other primary carers.</p></div>
  <div class="band"></div>
</body></html>"""


def chromium() -> str:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium())
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
        page.set_content(PAGE)
        (STATIC / "share.png").write_bytes(page.screenshot(type="png", full_page=False))
        browser.close()


if __name__ == "__main__":
    main()
