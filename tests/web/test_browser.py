"""The web UI in headless Chromium (Debian's /usr/bin/chromium via Playwright): pages, filters, search,
highlights, the map; screenshots go to artifacts/screenshots/ (and to docs/img/ for the user guide with
TIDINGS_GUIDE_IMAGES=1, as `make screenshots` sets it)."""
from __future__ import annotations

import os
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
GUIDE = {"dashboard", "article", "entity", "search", "map", "articles-filtered", "events", "story", "clusters"}

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


def until(pg, condition, timeout_s: float = 15.0) -> None:
    """Wait for a condition checked from Python (the pages' CSP forbids the eval that
    page.wait_for_function needs once it polls)."""
    for _ in range(int(timeout_s * 10)):
        if condition():
            return
        pg.wait_for_timeout(100)
    raise AssertionError("the page never reached the expected state")


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=False)
    if name in GUIDE and os.environ.get("TIDINGS_GUIDE_IMAGES"):  # `make screenshots` refreshes the guide
        DOC_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, DOC_IMAGES / path.name)


def test_dashboard_shows_counts_and_draws_its_chart(page):
    page.goto(page.base + "/")
    assert int(page.locator("[data-count=articles] .num").inner_text()) >= 30
    page.wait_for_selector("#articles-chart svg rect.bar")
    assert page.locator("#articles-chart rect.bar").count() >= 3
    page.wait_for_selector("#trend-chart svg path.line.coop")
    assert page.locator("#trend-chart svg path.line.conflict").count() == 1
    assert page.locator("#latest-stories li a").count() >= 1
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


def test_map_draws_country_outlines_and_event_dots(page):
    page.goto(page.base + "/map")
    page.wait_for_selector("#map svg path.country")
    assert page.locator("#map svg path.country").count() > 150
    page.wait_for_selector("#map svg path.mentioned")
    page.wait_for_selector("#map svg circle.dot.event")
    everywhere = page.locator("#map svg circle.dot.event").count()
    assert everywhere >= 5
    assert "Dushanbe" in " ".join(page.locator("#map svg circle.dot.event title").all_text_contents())
    shot(page, "map")
    page.fill("#map-filters input[name=type]", "ASSAULT")
    page.click("#map-filters button[type=submit]")
    until(page, lambda: page.locator("#map svg circle.dot.event").count() < everywhere)
    assert page.locator("#map svg circle.dot.event").count() >= 1


def test_event_filters_narrow_the_table_and_keep_the_url(page):
    page.goto(page.base + "/events")
    page.wait_for_selector("#events-table tbody tr")
    everything = page.locator("#event-status").inner_text()
    page.select_option("#filter-type", "ASSAULT")
    page.select_option("#filter-modality", "asserted")
    page.fill("#event-filters input[name=actor]", "PAK")
    page.click("#event-filters button[type=submit]")
    until(page, lambda: page.locator("#event-status").inner_text() != everything)
    page.wait_for_selector("#events-table tbody tr")
    types = page.locator("#events-table tbody td:nth-child(2)").all_inner_texts()
    assert types and all(t.startswith("ASSAULT") for t in types)
    assert set(page.locator("#events-table tbody td:nth-child(3)").all_inner_texts()) == {"asserted"}
    assert all("PAK" in a for a in page.locator("#events-table tbody td:nth-child(4)").all_inner_texts())
    assert "type=ASSAULT" in page.url and "actor=PAK" in page.url
    assert page.locator("#events-table tbody mark.event").count() >= 1
    shot(page, "events")
    page.reload()
    page.wait_for_selector("#events-table tbody tr")
    assert page.locator("#filter-type").input_value() == "ASSAULT"


def test_story_page_shows_timeline_summary_sources_and_disagreements(page):
    page.goto(page.base + "/stories")
    links = page.locator(".stories-table tbody a")
    assert links.count() >= 3
    shot(page, "stories")
    disputed = page.request.get(page.base + "/api/merged-events?contradicted=true&limit=1").json()
    cluster = disputed["items"][0]["cluster_id"]
    page.goto(page.base + f"/clusters/{cluster}")
    page.locator("a[href^='/stories/']").first.click()
    page.wait_for_selector("#timeline li")
    assert page.locator("#timeline li").count() >= 2
    assert page.locator("#timeline a.cite").count() >= 2
    assert page.locator("#sources li").count() >= 2
    assert page.locator(".contradiction .claim").count() >= 2
    shot(page, "story")


def test_clusters_list_and_article_events_and_dates(page):
    page.goto(page.base + "/clusters")
    rows = page.locator(".clusters-table tbody tr")
    assert rows.count() >= 10
    shot(page, "clusters")
    page.locator(".clusters-table tbody a").first.click()
    page.wait_for_selector(".articles-table tbody a")
    page.locator(".articles-table tbody a").first.click()
    page.wait_for_selector("#article-body mark.event")
    title = page.locator("#article-body mark.event").first.get_attribute("title")
    assert title and any(m in title for m in ("asserted", "negated", "future", "hypothetical", "uncertain"))
    assert page.locator("#article-body a.date").count() >= 1
    page.locator("#article-body a.date").first.click()
    page.wait_for_selector("#events-table tbody tr")
    assert "since=" in page.url


def test_actor_page_draws_roles_network_and_counterpart_trend(page):
    page.goto(page.base + "/entities/per:emomali-rahmon")
    page.wait_for_selector("#network svg line.edge", state="attached")
    page.wait_for_selector("#roles-chart svg rect.bar")
    page.wait_for_selector("#counterpart-chart svg path.line", state="attached")
    options = page.locator("#counterpart option")
    assert options.count() >= 3
    second = options.nth(1).inner_text()
    page.select_option("#counterpart", index=1)
    until(page, lambda: second in " ".join(page.locator("#counterpart-chart svg > title").all_text_contents()))
    assert page.locator("#counterpart-chart svg path.line").count() == 2
    assert "other=" in page.locator("#counterpart-events").get_attribute("href")
    shot(page, "entity-events")


def test_actor_list_and_events_and_stories_pages_load(page):
    page.goto(page.base + "/entities?type=PER")
    assert page.locator(".entities-table tbody tr").count() >= 3
    shot(page, "entities")
    page.goto(page.base + "/stories")
    assert page.locator("h1").inner_text() == "Stories"
