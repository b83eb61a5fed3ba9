"""The client page in a real browser: Debian's chromium, driven by playwright for Python.

Each shipped plan and a hostile one (tests/data/page/hostile.yaml) is made into a page (the
first by the installed command) and opened at 1280 px and 390 px: every post is a visible card,
nothing scrolls sideways on a phone (390 px, and 360 px), the console stays clean, nothing is
requested from the network, no script from the plan runs, text keeps 4.5:1 contrast; and each
month fits one landscape A4 page in print. Screenshots (PNG) and a printed PDF go to
tests/artifacts/page/ (not in git).

Chromium is never downloaded (`playwright install` is not used): the tests run the system's
chromium (/usr/bin/chromium, or SMMPLAN_CHROMIUM). Without it, or without playwright, they are
skipped with the reason, except where SMMPLAN_REQUIRE_BROWSER=1 (set by .ci/run): there a
missing browser fails the run.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from smmplan.config import Settings
from smmplan.engine import check_path
from smmplan.page.render import render
from tests.conftest import PLANS, ROOT, run_cli

CHROMIUM = os.environ.get("SMMPLAN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts" / "page"
PLAN_FILES = [*sorted(PLANS.glob("*.yaml")), ROOT / "tests" / "data" / "page" / "hostile.yaml"]
WIDTHS = (1280, 390)
AS_OF = dt.date(2026, 12, 1)
A4_LANDSCAPE = (1123, 794)  # CSS px at 96 dpi
PRINT_MARGIN = 34  # 9 mm, as @page says


def _unavailable(reason: str):
    if os.environ.get("SMMPLAN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (SMMPLAN_REQUIRE_BROWSER=1: the browser tests must run here)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        _unavailable(f"no chromium at {CHROMIUM}: install Debian's `chromium` package to run the page's browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Tab:
    """One browser tab for the whole module (a new one costs about a second), recording what
    each visit logs and requests."""

    def __init__(self, browser):
        self.page = browser.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: Path, width: int, height: int = 900, media: str = "screen"):
        self.page.goto("about:blank")
        self.errors.clear()
        self.requests.clear()
        self.page.set_viewport_size({"width": width, "height": height})
        self.page.emulate_media(media=media)
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page


@pytest.fixture(scope="module")
def tab(browser):
    t = Tab(browser)
    yield t
    t.page.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, tuple[Path, int]]:
    """name -> (page file, number of posts in the plan): the first by the installed command,
    the others in-process (the same code; tests/test_page.py covers the command)."""
    out = tmp_path_factory.mktemp("pages")
    made = {}
    for i, plan in enumerate(PLAN_FILES):
        target = out / f"{plan.stem}.html"
        result = check_path(str(plan), Settings(as_of=AS_OF))
        if i == 0:
            proc = run_cli("page", str(plan), "-o", str(target), "--as-of", AS_OF.isoformat())
            assert proc.returncode == 0, proc.stderr.decode()
        else:
            target.write_text(render(result, made=AS_OF), encoding="utf-8")
        made[plan.stem] = (target, len(result.posts))
    # an English plan's page in Russian (`--lang ru`): longer words in the same layout
    plan = PLANS / "coffee-lab-december.yaml"
    result = check_path(str(plan), Settings(as_of=AS_OF, lang="ru"))
    target = out / "coffee-lab-december.ru.html"
    target.write_text(render(result, made=AS_OF), encoding="utf-8")
    assert 'lang="ru"' in target.read_text(encoding="utf-8")
    made["coffee-lab-december.ru"] = (target, len(result.posts))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return made


# The contrast of every card's and badge's text against the colour behind it, as the browser paints it.
CONTRAST_JS = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lin = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const behind = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const worst = [];
  for (const el of document.querySelectorAll('.card .meta, .card .title, .chip, .badge, .rubric, .finding p, .kpi, td, th, h1, h2, .facts dd, .facts dt')) {
    if (!el.getClientRects().length) continue;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(behind(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) worst.push([el.className || el.tagName, el.textContent.slice(0, 30), ratio.toFixed(2)]);
  }
  return worst;
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [*(p.stem for p in PLAN_FILES), "coffee-lab-december.ru"])
def test_page_in_chromium(tab, pages, name, width):
    path, posts = pages[name]
    page = tab.open(path, width)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)

    assert tab.errors == []
    assert [r for r in tab.requests if r != path.as_uri()] == []  # nothing but the file itself
    assert page.evaluate("() => window.__pwned") is None  # no script from the plan ran
    assert page.locator(".card").count() == posts > 0
    hidden = page.evaluate("() => [...document.querySelectorAll('.card')].filter(c => !c.getClientRects().length).length")
    assert hidden == 0  # every post is a card you can see, on a phone too
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width  # no sideways scrolling
    assert page.evaluate(CONTRAST_JS) == []
    assert page.title() and page.locator("h1").count() == 1
    if width < 400:  # the narrowest phones the page is made for
        page.set_viewport_size({"width": 360, "height": 800})
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360


def test_print_gives_each_month_a_landscape_a4_page(tab, pages):
    path, _ = pages["coffee-lab-december"]
    page = tab.open(path, A4_LANDSCAPE[0] - 2 * PRINT_MARGIN, 700, media="print")
    months = page.evaluate("""() => [...document.querySelectorAll('.month')].map(m => ({
        brk: getComputedStyle(m).breakBefore, h: m.getBoundingClientRect().height,
        w: m.scrollWidth}))""")
    assert len(months) == 2
    for m in months:
        assert m["brk"] == "page"
        assert m["h"] <= A4_LANDSCAPE[1] - 2 * PRINT_MARGIN and m["w"] <= A4_LANDSCAPE[0] - 2 * PRINT_MARGIN
    page.pdf(path=str(ARTIFACTS / "coffee-lab-december.pdf"), landscape=True, format="A4", print_background=True)
    assert tab.errors == []
