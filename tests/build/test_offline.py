"""Offline reading, build side: the copy's list of files, the deployment's
version, the worker written to the site's root, and the off switch."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from build_tools.offline import (
    PAGE_SCRIPT,
    WORKER_NAME,
    deployment_version,
    precache_manifest,
    read_worker_build,
)
from tests.build.test_build import project_copy
from tests.support.site_build import ROOT, build_site
from tests.support.static_server import free_port


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("offline") / "site"
    done = build_site(root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def sha256(path: Path) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def test_the_copy_lists_every_deployable_file_with_its_hash(site):
    build = read_worker_build(site)
    assert build["offline"] is True
    expected = {}
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_dir() or rel == WORKER_NAME or rel.endswith((".map", ".gz", ".br")):
            continue
        url = "./" if rel == "index.html" else re.sub(r"(^|/)index\.html$", r"\1", rel)
        expected[url] = sha256(path)
    assert build["files"] == expected
    # What the guide needs offline, by the URL a page asks for it.
    for url in [
        "./",
        "rejection/",
        "timing/",
        "404.html",
        "sitemap.xml",
        "search/search_index.json",
        PAGE_SCRIPT,
        "assets/widget-runtime/widget-runtime.js",
        "assets/widget-runtime/runtime-helpers.js",  # imported by the runtime
        "assets/widget-runtime/widget-worker.js",
        "assets/widget-runtime/python-boot.js",  # imported by both Python workers
        "assets/widget-runtime/snapshot-maker.js",
        "assets/widget-runtime/quick-reply.js",  # imported by the runtime and its worker
        "assets/widget-runtime/runtime-manifest.json",
    ]:
        assert url in build["files"], url
    assert [u for u in build["files"] if u.startswith("assets/pyodide/") and u.endswith("pyodide.asm.wasm")]
    assert [u for u in build["files"] if u.startswith("assets/widgets/") and u.endswith(".whl")]
    # Left out, though the site has them.
    assert list(site.rglob("*.map")) and list(site.rglob("*.gz"))
    assert not [u for u in build["files"] if u.endswith((".map", ".gz")) or u == WORKER_NAME]
    # Relative to the site's root, so the copy works under any sub-path.
    assert not [u for u in build["files"] if u.startswith("/") or ":" in u or ".." in u.split("/")]
    assert build["version"] == deployment_version(build["files"])


def test_the_worker_sits_at_the_root_and_every_page_registers_it(site):
    worker = (site / WORKER_NAME).read_text()
    assert "const BUILD = {" in worker and "const BUILD = null" not in worker
    assert not (site / "assets" / "widget-runtime" / WORKER_NAME).exists()  # the template stays out
    script = (site / PAGE_SCRIPT).read_text()
    assert "const OFFLINE = true;" in script
    assert 'new URL("../../", import.meta.url)' in script  # the site's root, seen from assets/widget-runtime/
    for page in site.rglob("index.html"):
        depth = len(page.relative_to(site).parts) - 1
        tag = f'<script src="{"../" * depth}{PAGE_SCRIPT}" type="module"></script>'
        assert tag in page.read_text(), page


def write_files(root: Path, files: dict[str, bytes]) -> None:
    for rel, content in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(content)


def test_the_version_changes_when_any_file_changes_and_only_then(tmp_path):
    files = {
        "index.html": b"<p>home</p>",
        "a b/index.html": b"<p>a page</p>",
        "page.html": b"<p>another</p>",
        "assets/app.js": b"console.log(1)",
        "assets/pyodide/1.0/python.wasm": bytes(range(256)) * 64,
    }
    write_files(tmp_path, files)
    manifest = precache_manifest(tmp_path)
    assert set(manifest) == {"./", "a%20b/", "page.html", "assets/app.js", "assets/pyodide/1.0/python.wasm"}
    first = deployment_version(manifest)

    # Rewritten with the same bytes (a rebuild), or with files no page needs
    # added or changed: the same deployment.
    write_files(tmp_path, files)
    write_files(
        tmp_path, {"assets/app.js.map": b"{}", "sitemap.xml.gz": b"\x1f\x8b", WORKER_NAME: b"old", ".hidden": b"x"}
    )
    assert deployment_version(precache_manifest(tmp_path)) == first
    write_files(tmp_path, {"assets/app.js.map": b"{1}", WORKER_NAME: b"new"})
    assert deployment_version(precache_manifest(tmp_path)) == first

    # Any change to any file a page may need: a new deployment.
    for rel, content in files.items():
        write_files(tmp_path, {rel: content + b" "})
        assert deployment_version(precache_manifest(tmp_path)) != first, rel
        write_files(tmp_path, {rel: content})
        assert deployment_version(precache_manifest(tmp_path)) == first, rel
    write_files(tmp_path, {"new.css": b""})
    assert deployment_version(precache_manifest(tmp_path)) != first
    (tmp_path / "new.css").unlink()
    (tmp_path / "page.html").rename(tmp_path / "moved.html")
    assert deployment_version(precache_manifest(tmp_path)) != first


def test_same_sources_same_worker_new_text_new_worker(site, tmp_path):
    project = project_copy(tmp_path)
    again = tmp_path / "again"
    assert build_site(again, config_file=project / "mkdocs.yml").returncode == 0
    # Browsers compare the worker byte for byte: an unchanged guide is not
    # downloaded again.
    assert (again / WORKER_NAME).read_bytes() == (site / WORKER_NAME).read_bytes()

    page = project / "docs" / "timing.md"
    page.write_text(page.read_text() + "\nOne more sentence.\n")
    changed = tmp_path / "changed"
    assert build_site(changed, config_file=project / "mkdocs.yml").returncode == 0
    before, after = read_worker_build(site), read_worker_build(changed)
    assert after["version"] != before["version"]
    assert {u for u in after["files"] if after["files"][u] != before["files"].get(u)} == {
        "timing/",
        "search/search_index.json",
    }


def config_with(project: Path, offline: str) -> Path:
    config = project / "mkdocs.yml"
    text, count = re.subn(r"(?m)^  offline: true\b", f"  offline: {offline}", config.read_text())
    assert count == 1, "mkdocs.yml sets extra.offline: true"
    config.write_text(text)
    return config


def test_the_off_switch_writes_a_worker_that_removes_itself(tmp_path):
    config = config_with(project_copy(tmp_path), "false")
    site = tmp_path / "site"
    done = build_site(site, config_file=config)
    assert done.returncode == 0, done.stdout + done.stderr
    assert read_worker_build(site) == {"offline": False}
    worker = (site / WORKER_NAME).read_text()
    assert "registration.unregister()" in worker and "caches.delete" in worker
    assert "const OFFLINE = false;" in (site / PAGE_SCRIPT).read_text()


def test_a_bad_offline_value_fails_the_build(tmp_path):
    config = config_with(project_copy(tmp_path), "maybe")
    site = tmp_path / "site"
    done = build_site(site, config_file=config)
    assert done.returncode != 0
    assert "extra.offline: must be true or false, got 'maybe'" in done.stdout + done.stderr
    assert not site.exists()


def test_mkdocs_serve_runs_without_the_offline_copy(tmp_path):
    """Live reload must show every change: under `mkdocs serve` the worker
    is the one that removes itself, and nothing registers it."""
    project = project_copy(tmp_path)
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    serving = threading.Event()
    log: list[str] = []

    def read_log():
        for line in server.stderr:
            log.append(line)
            if "Serving on" in line:
                serving.set()

    threading.Thread(target=read_log, daemon=True).start()
    try:
        assert serving.wait(120), "".join(log)
        base = f"http://127.0.0.1:{port}/"
        worker = urllib.request.urlopen(base + WORKER_NAME, timeout=30).read().decode()
        script = urllib.request.urlopen(base + PAGE_SCRIPT, timeout=30).read().decode()
    finally:
        server.terminate()
        server.wait(30)
    assert 'const BUILD = {\n  "offline": false\n};' in worker
    assert "const OFFLINE = false;" in script


def test_the_copy_downloads_only_the_pages_and_their_small_assets_by_itself(site):
    build = read_worker_build(site)
    later = set(build["later"])
    assert later <= set(build["files"])
    # The runtime joins the copy only once a tool ran: never in the background.
    for suffix in (".wasm", ".whl", "python_stdlib.zip", "pyodide.asm.mjs", "pyodide.mjs"):
        assert [u for u in build["files"] if u.endswith(suffix)], suffix
        assert all(u in later for u in build["files"] if u.endswith(suffix)), suffix
    assert not [u for u in later if u.endswith((".html", "/")) or u == "./"]  # every page is in the copy
    core = sum((site / _path(u)).stat().st_size for u in build["files"] if u not in later)
    assert core < 1_000_000


def _path(url: str) -> str:
    return "index.html" if url == "./" else url + "index.html" if url.endswith("/") else url


def test_the_privacy_page_states_the_real_sizes(site):
    build = read_worker_build(site)
    later = set(build["later"])
    core = sum((site / _path(u)).stat().st_size for u in build["files"] if u not in later)
    manifest = json.loads((site / "assets/widget-runtime/runtime-manifest.json").read_text())
    runtime_dir = site / "assets/widget-runtime"
    pyodide = runtime_dir / manifest["pyodide"]
    used_by_a_tool = [
        pyodide / "pyodide.mjs",
        pyodide / "pyodide.asm.mjs",
        pyodide / "pyodide.asm.wasm",
        runtime_dir / manifest["stdlib"],
        runtime_dir / manifest["wheel"],
    ]
    runtime = sum(p.stat().st_size for p in used_by_a_tool)
    text = (ROOT / "docs" / "privacy.md").read_text()
    assert core < 1e6 and "pages, their styles and scripts: under 1 MB" in text
    assert f"about {runtime / 1e6:.0f} MB more" in text
