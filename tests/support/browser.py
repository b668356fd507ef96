"""Launching Debian's Chromium for Playwright, the same way everywhere, and
reading the traces it records."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",  # no calls home: the machine has no internet
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    """Debian's chromium; a missing browser is an install step, never a skip."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise RuntimeError(
            "Chromium is needed for the browser tests: apt-get install chromium "
            "(make test does this as root), or set CHROMIUM=/path/to/chromium"
        )
    return path


def launch(playwright, extra_args: list[str] | None = None):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS + (extra_args or []))


def thread_names(events: list[dict]) -> dict[tuple[int, int], str]:
    """(pid, tid) -> thread name, from a Chrome trace's metadata events."""
    return {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"}
