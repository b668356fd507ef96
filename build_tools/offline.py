"""Offline reading: the service worker and the copy of the site it keeps.

``write_offline_worker`` runs last in the build, on the site's final files: it
lists every file a reader may need (pages, assets, Pyodide, the wheel) with
its hash, names the deployment after those hashes, and writes
``offline-worker.js`` (from ``web/offline-worker.js``) to the site's root with
that list and name inside it. A new deployment is therefore a byte-different
worker, which browsers install as a whole beside the old copy (the worker's
comments tell how the switch goes).

The copy holds what the reader caused: the guide's pages and their small
assets are stored when the worker installs; the files listed as ``later`` (the
Python runtime, search languages the guide does not use) only once a visit
fetched them, so a reader who never opens a tool downloads nothing large.

Off switch: ``extra.offline: false`` in mkdocs.yml. The worker written then
removes itself and the guide's copy from every browser that had it, and the
page-side ``offline.js`` registers nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import quote

from build_tools.errors import ConfigError, SiteError
from build_tools.runtime_assets import RUNTIME_DIR, WEB_DIR, sri_hash

WORKER_NAME = "offline-worker.js"  # at the site's root: its scope is the whole guide
WORKER_TEMPLATE = WEB_DIR / WORKER_NAME
PAGE_SCRIPT = f"{RUNTIME_DIR}/offline.js"  # also named in mkdocs.yml

_BUILD_LINE = "const BUILD = null; // filled in by build_tools/offline.py"
_SWITCH_LINE = "const OFFLINE = true; // set by build_tools/offline.py"

# Never in the copy: source maps and pre-compressed twins (no page asks for
# them), the worker itself (browsers fetch it past any worker), hidden files.
# sitemap.xml is in it: with instant navigation (a build with SITE_URL) the
# theme fetches it on every page, and offline that must not go to the network.
EXCLUDED_SUFFIXES = (".map", ".gz", ".br")

# Stored only once a visit fetched them (never in the background): the widgets'
# runtime, and Material's search languages (fetched only for a site in them).
LATER_PREFIXES = ("assets/pyodide/", "assets/stdlib/", "assets/widgets/", "assets/javascripts/lunr/")


class OfflineConfigError(ConfigError):
    pass


def offline_enabled(extra: dict) -> bool:
    """mkdocs.yml ``extra.offline``: true (the default) or false."""
    value = (extra or {}).get("offline", True)
    if not isinstance(value, bool):
        raise OfflineConfigError(f"extra.offline: must be true or false, got {value!r}")
    return value


def deployable_files(site_dir: Path) -> list[str]:
    """Every file of the site a reader may need, as paths relative to it."""
    found = []
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        if (
            rel == WORKER_NAME
            or rel.endswith(EXCLUDED_SUFFIXES)
            or any(part.startswith(".") for part in rel.split("/"))
        ):
            continue
        found.append(rel)
    return sorted(found)


def file_url(rel: str) -> str:
    """The URL a file is asked for, relative to the site's root: a page
    ``x/index.html`` is the folder ``x/``, as every link names it."""
    if rel == "index.html":
        return "./"
    if rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return quote(rel, safe="/")


def integrity(path: Path) -> str:
    """The file's hash as a Subresource Integrity value ("sha256-<base64>")."""
    return sri_hash(path, "sha256")


def precache_manifest(site_dir: Path) -> dict[str, str]:
    """{URL relative to the site's root: integrity} for every deployable file."""
    return {file_url(rel): integrity(site_dir / rel) for rel in deployable_files(site_dir)}


def deployment_version(files: dict[str, str]) -> str:
    """The deployment's name: a hash of every file's URL and hash."""
    digest = hashlib.sha256()
    for url in sorted(files):
        digest.update(f"{url}\0{files[url]}\n".encode())
    return digest.hexdigest()[:20]


def tool_files(site_dir: Path) -> list[str]:
    """The files a tool's start fetches (the worker's manifest names them), as
    URLs relative to the site's root: they join the copy once a tool ran."""
    runtime = site_dir / RUNTIME_DIR
    manifest_file = runtime / "runtime-manifest.json"
    if not manifest_file.is_file():
        return []
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    pyodide = (runtime / manifest["pyodide"]).resolve()
    paths = [pyodide / name for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")]
    paths += [(runtime / manifest[key]).resolve() for key in ("stdlib", "wheel")]
    return [file_url(p.relative_to(site_dir.resolve()).as_posix()) for p in paths]


def worker_source(build: dict) -> str:
    template = WORKER_TEMPLATE.read_text(encoding="utf-8")
    if template.count(_BUILD_LINE) != 1:
        raise SiteError(f"{WORKER_TEMPLATE}: expected one line {_BUILD_LINE!r}")
    filled = json.dumps(build, indent=2, sort_keys=True, ensure_ascii=False)
    return template.replace(_BUILD_LINE, f"const BUILD = {filled};")


def write_offline_worker(site_dir: Path, enabled: bool) -> str | None:
    """Write the site's service worker; returns the deployment's version, or
    None when offline reading is off. Must run after every step that changes
    a file of the site: the copy is checked against these hashes."""
    page_script = site_dir / PAGE_SCRIPT
    script = page_script.read_text(encoding="utf-8")
    if script.count(_SWITCH_LINE) != 1:
        raise SiteError(f"{page_script}: expected one line {_SWITCH_LINE!r}")
    if not enabled:
        page_script.write_text(script.replace(_SWITCH_LINE, _SWITCH_LINE.replace("true", "false")), encoding="utf-8")
        (site_dir / WORKER_NAME).write_text(worker_source({"offline": False}), encoding="utf-8")
        return None
    files = precache_manifest(site_dir)
    version = deployment_version(files)
    later = sorted(url for url in files if url.startswith(LATER_PREFIXES))
    build = {"offline": True, "version": version, "files": files, "later": later, "tool": tool_files(site_dir)}
    (site_dir / WORKER_NAME).write_text(worker_source(build), encoding="utf-8")
    return version


def read_worker_build(site_dir: Path) -> dict:
    """What a built site's worker carries: {"offline": false}, or the version
    and the files of its copy."""
    text = (site_dir / WORKER_NAME).read_text(encoding="utf-8")
    match = re.search(r"^const BUILD = (\{.*?^\});$", text, re.M | re.S)
    if not match:
        raise ValueError(f"{site_dir / WORKER_NAME}: no BUILD in it")
    return json.loads(match.group(1))
