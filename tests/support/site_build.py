"""Build the guide into a folder for the tests, as `make build` does."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_site(
    site_dir: Path, site_url: str | None = None, config_file: Path | None = None
) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "build_tools.build", "--site-dir", str(site_dir)]
    if config_file:
        command += ["--config-file", str(config_file)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


@contextmanager
def temporary_site(site_url: str | None = None):
    """A freshly built site in a temporary folder, removed afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        done = build_site(site, site_url)
        if done.returncode:
            raise RuntimeError(f"the build failed:\n{done.stdout}{done.stderr}")
        yield site
