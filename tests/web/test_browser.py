"""The web UI in headless Chromium (Debian's /usr/bin/chromium via Playwright): pages, filters, search,
highlights, the map; screenshots go to artifacts/screenshots/ (and docs/img/ for the user guide)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
DOC_IMAGES = ROOT / "docs" / "img"
# Flags for a closed network: no background fetches, no update checks, no sync, no GPU.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Screenshots the user guide shows (docs/user-guide.md); the rest stay test artefacts only.
GUIDE = {"dashboard", "article", "entity", "search", "map", "articles-filtered"}

pytestmark = pytest.mark.slow

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (make test installs it)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (pip install -e .[dev])")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser, live_server):
    """A page that records console errors and failed requests; the test fails if any happened."""
    pg = browser.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    pg.base = live_server
    yield pg
    pg.close()
    assert not problems, problems


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    if name in GUIDE:
        DOC_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, DOC_IMAGES / path.name)


def test_dashboard_shows_counts_and_draws_its_chart(page):
    page.goto(page.base + "/")
    assert int(page.locator("[data-count=articles] .num").inner_text()) >= 30
    page.wait_for_selector("#articles-chart svg rect.bar")
    assert page.locator("#articles-chart rect.bar").count() >= 3
    page.wait_for_selector("#trend-chart .note, #trend-chart svg")
    shot(page, "dashboard")


def test_article_filters_narrow_the_list(page):
    page.goto(page.base + "/articles")
    before = page.locator(".articles-table tbody tr").count()
    options = page.locator("#filter-outlet option").all_inner_texts()
    choice = page.locator("#filter-outlet option").nth(1).get_attribute("value")
    page.select_option("#filter-outlet", choice)
    page.click("#article-filters button[type=submit]")
    page.wait_for_url("**/articles?outlet=*")
    rows = page.locator(".articles-table tbody tr")
    assert 0 < rows.count() < before and len(options) > 2
    assert set(rows.locator("td:nth-child(2)").all_inner_texts()) == {choice}
    shot(page, "articles-filtered")


def test_article_page_highlights_actors_and_links_them(page):
    page.goto(page.base + "/search?q=Rahmon")
    page.locator("#results li a").first.click()
    page.wait_for_selector("#article-body a.mention")
    mentions = page.locator("#article-body a.mention")
    assert mentions.count() >= 3
    assert any("Rahmon" in t or "Tajikistan" in t for t in mentions.all_inner_texts())
    shot(page, "article")
    mentions.first.click()
    page.wait_for_selector("#network svg circle")
    assert page.locator("#network svg line.edge").count() >= 1
    page.wait_for_selector("#mentions-chart rect.bar")
    shot(page, "entity")


def test_search_from_the_header(page):
    page.goto(page.base + "/articles")
    page.fill("header input[name=q]", "Dushanbe")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("#results li")
    assert page.locator("#results mark").count() >= 1
    shot(page, "search")


def test_map_draws_country_outlines(page):
    page.goto(page.base + "/map")
    page.wait_for_selector("#map svg path.country")
    assert page.locator("#map svg path.country").count() > 150
    page.wait_for_selector("#map svg path.mentioned")
    page.wait_for_function("document.getElementById('map-status').textContent.length > 0")
    shot(page, "map")


def test_actor_list_and_events_and_stories_pages_load(page):
    page.goto(page.base + "/entities?type=PER")
    assert page.locator(".entities-table tbody tr").count() >= 3
    shot(page, "entities")
    page.goto(page.base + "/events")
    page.wait_for_function("document.getElementById('event-status').textContent.length > 0")
    shot(page, "events")
    page.goto(page.base + "/stories")
    assert page.locator("h1").inner_text() == "Stories"
