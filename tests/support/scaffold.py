"""A temporary copy of the project with a widget made by the scaffold
(python -m build_tools.new_widget) and a page that places it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.site_build import ROOT

NEW_WIDGET = "salary-negotiator"
# Under a section, as in the guide's pages: the widget's own heading is an h3.
PAGE = (
    f"# Negotiating\n\n## Before you talk numbers\n\nA new tool, made by the scaffold.\n\n```widget {NEW_WIDGET}\n```\n"
)


def run(copy: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(copy), NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    done = subprocess.run(
        [sys.executable, *args], cwd=copy, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def project_with_new_widget(tmp: Path) -> Path:
    """The project's files (as git sees them: tracked and new) in ``tmp``, the
    pinned Pyodide shared, the scaffold run and a page added to the nav."""
    copy = tmp / "project"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        source = ROOT / rel
        if source.is_file():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / rel)
    (copy / ".cache").mkdir()
    (copy / ".cache" / "pyodide").symlink_to(ROOT / ".cache" / "pyodide")
    run(copy, "-m", "build_tools.new_widget", NEW_WIDGET)
    (copy / "docs" / "negotiating.md").write_text(PAGE, encoding="utf-8")
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - Privacy: privacy.md\n", "  - Negotiating: negotiating.md\n  - Privacy: privacy.md\n")
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    return copy
