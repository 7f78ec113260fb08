"""The page in Debian's Chromium, driven by Playwright, against one real `diplograph serve` per session.

The store holds the hand-made documents (ingested by the real engine: the seed, a hostile
document) plus 5,000 synthetic actors, so every check here also runs at that size.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import httpx
import pytest

from .pagekit import serve

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ANSWER_MS = 1000  # filtering and a click must answer within this, in the browser


def _listening_addresses(port: int) -> set[str]:
    """Local addresses listening on ``port`` (from /proc/net/tcp*), as hex as the kernel writes them."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:
                found.add(addr)
    return found


@pytest.fixture(scope="session")
def server(big_store):
    proc, base, port = serve(big_store)
    yield base, port
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium):
    """The session's one Chromium (tests/web/pagekit.py): two Playwright instances cannot share a thread."""
    return chromium


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 850})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, errors


def record(**timings) -> None:
    """Keeps the measured answer times beside the screenshots (test-artifacts/browser-timings.json)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "browser-timings.json"
    found = json.loads(path.read_text()) if path.exists() else {}
    found.update(timings)
    path.write_text(json.dumps(found, indent=1) + "\n")


def api(server, path: str, **params):
    return httpx.get(server[0] + path, params=params, timeout=10).json()


def wait_version(page, key: str, after: int) -> None:
    # A function, not an expression: the page's CSP forbids eval, which string expressions need.
    page.wait_for_function(f"() => Number(document.body.dataset.{key} || 0) > {after}", timeout=10_000)


def version(page, key: str) -> int:
    return int(page.evaluate(f"document.body.dataset.{key} || '0'"))


def test_server_listens_on_loopback_only_and_refuses_writes(server):
    base, port = server
    addrs = _listening_addresses(port)
    if addrs:  # 0100007F is 127.0.0.1 as /proc/net/tcp writes it
        assert addrs == {"0100007F"}, addrs
    for method in ("POST", "PUT", "DELETE"):
        assert httpx.request(method, base + "/api/actors", timeout=5).status_code == 405


def test_network_draws_filters_and_search_answer_fast_with_5000_actors(server, page):
    assert api(server, "/api/actors", limit=1)["total"] >= 5000
    page.goto(server[0] + "/?level=actor")
    page.wait_for_selector("body[data-graph=ready]", timeout=30_000)
    nodes = int(page.evaluate("document.body.dataset.nodes"))
    assert nodes > 0 and page.evaluate("window.diplograph.cy.nodes().length") == nodes
    assert page.locator("#graph canvas").count() > 0
    # Edge colour by sign, width by volume: both come from the data.
    colours = set(page.evaluate("window.diplograph.cy.edges().map(e => e.data('colour'))"))
    assert len(colours) >= 2

    v = version(page, "graphVersion")
    page.wait_for_selector(f"body[data-layout-version='{v}']", timeout=30_000)  # the first layout settled
    t = time.perf_counter()
    page.check("input[name=quad][value='4']")
    wait_version(page, "graphVersion", v)
    waited = time.perf_counter() - t
    answer, timing = page.evaluate("[document.body.dataset.graphAnswerMs, document.body.dataset.timing]")
    # Measured in the page, from the click to the painted frame (Playwright's round trips excluded).
    assert int(answer) < ANSWER_MS, f"filter answered in {answer} ms ({timing}; {waited:.2f} s seen by the test)"
    assert set(page.evaluate("window.diplograph.cy.edges().map(e => e.data('sign'))")) <= {-1}

    page.uncheck("input[name=quad][value='4']")
    wait_version(page, "graphVersion", v + 1)
    v = version(page, "graphVersion")
    page.fill("#search", "Synthetic Actor 3999")
    page.wait_for_selector("#search-results button[data-actor='syn-actor-03999']", timeout=5000)
    page.click("#search-results button[data-actor='syn-actor-03999']")
    wait_version(page, "graphVersion", v)
    searched = int(page.evaluate("document.body.dataset.graphAnswerMs"))
    assert page.evaluate("window.diplograph.cy.getElementById('syn-actor-03999').degree()") >= 1
    assert searched < ANSWER_MS, f"picking a search result answered in {searched} ms"
    record(filter_ms=int(answer), filter_timing=timing, search_pick_ms=searched, nodes=nodes)


EDGE_POINTS_JS = """([a, b]) => {
    // Points of the a—b edge where Cytoscape's own hit test (the one its mouse handler runs) finds
    // that edge, in page coordinates; the edge is fitted into view first.
    const cy = window.diplograph.cy, r = cy.renderer();
    const e = cy.edges().filter(x => (x.source().id() === a && x.target().id() === b) ||
                                     (x.source().id() === b && x.target().id() === a));
    if (!e.length) return {drawn: false, points: []};
    cy.fit(e.connectedNodes(), 120);
    const s = e[0].source().position(), t = e[0].target().position();
    const zoom = cy.zoom(), pan = cy.pan(), box = cy.container().getBoundingClientRect();
    const points = [];
    for (let i = 1; i < 40; i++) {
        const k = 0.5 + (i % 2 ? 1 : -1) * Math.floor(i / 2) / 40;  // from the middle outwards
        const x = s.x + k * (t.x - s.x), y = s.y + k * (t.y - s.y);
        const hit = r.findNearestElement(x, y, true, false);
        if (hit && hit.same(e[0])) points.push({x: box.left + x * zoom + pan.x, y: box.top + y * zoom + pan.y});
    }
    return {drawn: true, points};
}"""


def wait_still(page) -> None:
    """Waits until the drawn network is the newest one, its layout has settled and no animation runs."""
    page.wait_for_function("""() => {
        const d = document.body.dataset;
        return d.graphVersion && d.layoutVersion === d.graphVersion && !window.diplograph.cy.animated();
    }""", timeout=30_000)


def click_edge(page, a: str, b: str, dyad_before: int) -> None:
    """A real mouse click on the drawn edge between ``a`` and ``b``, once the network is still.

    Each try starts from a still picture (newest network, layout settled, no animation) and clicks
    a point where Cytoscape's hit test finds that edge, not a node, a label or another edge. If the
    picture changed under the click (a redraw, a late layout), the next try plans again.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    tried = []
    for _ in range(5):
        wait_still(page)
        found = page.evaluate(EDGE_POINTS_JS, [a, b])
        assert found["drawn"], f"no edge {a}—{b} drawn"
        if not found["points"]:
            tried.append("no point of the edge is clear of other elements")
            continue
        p = found["points"][0]
        page.mouse.click(p["x"], p["y"])
        try:
            page.wait_for_function(f"() => Number(document.body.dataset.dyadVersion || 0) > {dyad_before}",
                                   timeout=5_000)
            return
        except PlaywrightTimeoutError:
            tried.append(f"click at ({p['x']:.0f}, {p['y']:.0f}) opened no dyad; page state "
                         + json.dumps(page.evaluate("({...document.body.dataset})")))
    raise AssertionError(f"clicks on the edge {a}—{b} did not open the dyad: " + " | ".join(tried))


def test_edge_click_shows_time_series_and_evidence(server, page):
    russia = api(server, "/api/actors", q="Russia")["actors"][0]["id"]
    ukraine = api(server, "/api/actors", q="Ukraine")["actors"][0]["id"]
    page.goto(server[0] + "/?level=actor")
    page.wait_for_selector("body[data-graph=ready]", timeout=30_000)
    page.fill("#search", "Russia")
    page.click(f"#search-results button[data-actor='{russia}']")
    page.wait_for_selector("body[data-actor=ready]", timeout=10_000)
    v = version(page, "graphVersion")
    page.click("#focus-actor")  # draw only Russia's relations
    wait_version(page, "graphVersion", v)
    page.wait_for_function(f"() => window.diplograph.cy.getElementById('{ukraine}').length === 1",
                           timeout=10_000)
    d = version(page, "dyadVersion")
    t = time.perf_counter()
    click_edge(page, russia, ukraine, d)
    clicked = int(page.evaluate("document.body.dataset.dyadAnswerMs"))
    assert clicked < ANSWER_MS, f"edge click answered in {clicked} ms ({time.perf_counter() - t:.2f} s seen by the test)"
    record(edge_click_ms=clicked)
    items = page.locator("#evidence li.evidence")
    expected = api(server, "/api/dyad", a=russia, b=ukraine)["total"]
    assert items.count() == expected > 0, page.text_content("#panel")[:600]
    assert page.locator("#dyad-chart").count() == 1
    href = items.first.locator("a.doclink").get_attribute("href")
    assert href.startswith("/documents/") and "#ev-" in href
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "network-dyad.png"))
    page.click("#evidence li.evidence a.doclink >> nth=0")
    page.wait_for_selector("body[data-doc=ready]", timeout=10_000)
    assert page.locator(".flash").count() == 1  # the linked evidence is marked on arrival


def test_document_page_highlights_the_seed(server, page):
    naz = api(server, "/api/actors", q="Nazarbayev")["actors"][0]["id"]
    page.goto(server[0] + "/documents/seed")
    page.wait_for_selector("body[data-doc=ready]", timeout=10_000)
    marks = page.locator(f"#text mark.mention[data-actor='{naz}']")
    doc = api(server, "/api/documents/seed")
    expected = next(len(a["mentions"]) for a in doc["actors"] if a["id"] == naz)
    shown = set(page.evaluate(f"[...document.querySelectorAll(\"#text mark[data-actor='{naz}']\")]"
                              ".map(m => m.dataset.mention)"))
    assert len(shown) == expected >= 3  # every mention of Nazarbayev is highlighted
    title = marks.first.get_attribute("title")
    assert "Nazarbayev" in title and "found by" in title
    assert page.inner_text("#text").replace("\n", "") == doc["text"].replace("\n", "")
    statuses = set(page.evaluate("[...document.querySelectorAll('#text span.ev')].map(s => s.className)"))
    assert any("ev-asserted" in s for s in statuses) and any("ev-hedged" in s for s in statuses)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "document-seed.png"), full_page=True)


def test_document_page_hover_names_the_rules(server, page):
    page.goto(server[0] + "/documents/provenance")
    page.wait_for_selector("body[data-doc=ready]", timeout=10_000)
    event = page.locator("#text span.ev").first.get_attribute("title")
    assert "Marovia → Tessaly" in event
    assert "rules: event event.test_verb · source source.test_subject · target target.test_object" in event
    mentions = page.evaluate("[...document.querySelectorAll('#text mark.mention')].map(m => m.title)")
    assert any("found by kb (rule mention.test_kb)" in t for t in mentions)
    assert any("found by alias (rule mention.test_alias)" in t for t in mentions)
    assert "event.test_verb" in page.text_content("#events .rules")


def test_hostile_document_is_shown_as_text(server, page):
    page.goto(server[0] + "/documents/hostile")
    page.wait_for_selector("body[data-doc=ready]", timeout=10_000)
    text = page.text_content("#text")
    assert "<script>window.__pwned = 1</script>" in text and '<img src=x onerror="window.__pwned = 2">' in text
    assert page.locator("#text script, #text img, #title b").count() == 0
    assert "<b>title</b>" in page.text_content("#title")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned === undefined")
