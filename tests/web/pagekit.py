"""What the page's browser tests share: the example corpus store (built as `make demo` builds it), a real
`diplograph serve` over it, Chromium through Playwright, and small readers of the page's state."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from diplograph.web.app import built

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
# Screenshots go to test-artifacts/; WEB_SCREENSHOTS=benchmarks/web writes the ones benchmarks/web.md shows.
SHOTS = ROOT / os.environ.get("WEB_SCREENSHOTS", "test-artifacts")
EXAMPLES = ["examples/seed", "examples/voa", "examples/wikinews"]


@pytest.fixture(scope="session")
def example_store(tmp_path_factory) -> Path:
    """The example corpus ingested by the CLI exactly as `make demo` does (a few minutes).
    DIPLOGRAPH_EXAMPLE_STORE may name such a store already built (it is only read)."""
    given = os.environ.get("DIPLOGRAPH_EXAMPLE_STORE")
    if given and Path(given).is_file():
        path = tmp_path_factory.mktemp("example") / "examples.duckdb"
        shutil.copy(given, path)
        return path
    path = tmp_path_factory.mktemp("example") / "examples.duckdb"
    subprocess.run([sys.executable, "-m", "diplograph.cli", "ingest", *EXAMPLES, "--date", "2023-11-24",
                    "--store", str(path)], cwd=ROOT, check=True, capture_output=True)
    return path


def serve(store: Path):
    """Starts `diplograph serve` on a free loopback port; yields (base URL, port); stops it."""
    if not built():
        pytest.skip("the front-end is not built (make setup builds it when node and npm are present)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "diplograph.cli", "serve", "--store", str(store),
                             "--port", str(port)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail("server exited: " + proc.stderr.read().decode())
        try:
            if httpx.get(base + "/api/actors?limit=1", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.time() > deadline:
            proc.kill()
            pytest.fail("server did not come up")
        time.sleep(0.2)
    return proc, base, port


@pytest.fixture(scope="session")
def example_server(example_store):
    proc, base, port = serve(example_store)
    yield base, port
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is absent in CI: .ci/run installs it with apt-get")
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def tab(chromium):
    ctx = chromium.new_context(viewport={"width": 1400, "height": 850}, accept_downloads=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, errors


def api(base: str, path: str, **params):
    return httpx.get(base + path, params=params, timeout=10).json()


def dataset(page) -> dict[str, str]:
    return page.evaluate("({...document.body.dataset})")


def settled(page, after: int = 0) -> int:
    """Waits until the newest network is drawn at its computed layout (labels placed); its version."""
    page.wait_for_function(f"""() => {{
        const d = document.body.dataset;
        return Number(d.graphVersion || 0) > {after} && d.layoutVersion === d.graphVersion
            && !window.diplograph.cy.animated();
    }}""", timeout=30_000)
    return int(dataset(page)["graphVersion"])


SMALL_PNG_JS = """async ([data, scale, levels]) => {
    // The screenshot drawn smaller with fewer shades per channel: a PNG a fraction of the size, still legible.
    const img = new Image();
    img.src = 'data:image/png;base64,' + data;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = Math.round(img.naturalWidth * scale);
    c.height = Math.round(img.naturalHeight * scale);
    const g = c.getContext('2d');
    g.imageSmoothingQuality = 'high';
    g.drawImage(img, 0, 0, c.width, c.height);
    const px = g.getImageData(0, 0, c.width, c.height), step = 255 / (levels - 1);
    for (let i = 0; i < px.data.length; i++) if (i % 4 !== 3) px.data[i] = Math.round(Math.round(px.data[i] / step) * step);
    g.putImageData(px, 0, 0);
    return c.toDataURL('image/png').split(',')[1];
}"""


def shot(page, name: str) -> None:
    """A screenshot into SHOTS; those kept for benchmarks/web.md are made small (0.7 scale, 16 shades)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    if SHOTS == ARTIFACTS:
        page.screenshot(path=str(SHOTS / name))
        return
    import base64

    raw = base64.b64encode(page.screenshot()).decode()
    (SHOTS / name).write_bytes(base64.b64decode(page.evaluate(SMALL_PNG_JS, [raw, 0.7, 16])))


def record(**values) -> None:
    """Keeps measured figures beside the screenshots (test-artifacts/page-figures.json)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "page-figures.json"
    found = json.loads(path.read_text()) if path.exists() else {}
    found.update(values)
    path.write_text(json.dumps(found, indent=1) + "\n")
