"""Launching Debian's Chromium for Playwright, the same way everywhere, and
reading the traces it records."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.support.chromium_features import SWITCH

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
# Features the tests turn off, beside Playwright's own list (one switch:
# chromium_features.py joins the two).
DISABLED_FEATURES = [
    # Chromium 156 draws the address bar's popup as WebUI pages, in renderers of
    # their own, for every new window: in a headless run, every new context. A
    # Chrome trace of one cold widget page showed those renderers busy for about
    # 0.5 s of its first 1.2 s, on a 2-core machine, for no part of the page.
    # Puppeteer turns both off by default for the same reasons.
    "WebUIOmniboxPopup",
    "WebUIOmniboxAimPopup",
]
FEATURES_WRAPPER = Path(__file__).with_name("chromium_features.py")


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
    """Debian's Chromium, through chromium_features.py (which keeps Playwright's
    disabled features as well as DISABLED_FEATURES)."""
    return playwright.chromium.launch(
        executable_path=FEATURES_WRAPPER,
        args=[*CHROMIUM_ARGS, SWITCH + ",".join(DISABLED_FEATURES), *(extra_args or [])],
        env={**os.environ, "GUIDE_CHROMIUM": chromium_path()},
    )


def thread_names(events: list[dict]) -> dict[tuple[int, int], str]:
    """(pid, tid) -> thread name, from a Chrome trace's metadata events."""
    return {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"}
