"""The guide with the follow-up timeline also placed on a page in a sub-folder
(docs/events/career-fair.md), as a center's staff might place it: its guide
links must resolve from there as from the timing page."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.site_build import ROOT

FAIR_PAGE = "events/career-fair/"  # the page's address, relative to the site's root


def career_fair_config(tmp_path: Path) -> Path:
    """A copy of docs/ with the career-fair page, and an mkdocs.yml (the project's,
    inherited) that builds it: pass it to ``build_site(config_file=...)``."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "events").mkdir()
    (docs / "events" / "career-fair.md").write_text(
        "# Career fair follow-up\n\nMet someone at the fair? Plan your follow-up.\n\n"
        "```widget follow-up-timeline\n```\n"
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        f"hooks:\n  - {ROOT / 'build_tools' / 'mkdocs_hooks.py'}\n"
        f"watch: [{ROOT / 'widgets'}]\n"
        "nav:\n  - Home: index.md\n  - Timing: timing.md\n  - Career fair: events/career-fair.md\n"
        "  - Thank-you notes: thank-you-notes.md\n  - Staying top-of-mind: staying-in-touch.md\n"
        "  - Rejection: rejection.md\n  - Privacy: privacy.md\n"
    )
    return config
