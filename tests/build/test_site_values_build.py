"""What mkdocs.yml sets once for every widget (extra.holidays, extra.dates) reaches them as
data, or stops the build naming the key."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.support.site_build import ROOT, build_site


def config_with(tmp_path: Path, holidays_yaml: str, extra_yaml: str = "") -> Path:
    """The project's mkdocs.yml, inherited, with extra.holidays (and more of extra) set."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        f"hooks:\n  - {ROOT / 'build_tools' / 'mkdocs_hooks.py'}\n"
        f"watch: [{ROOT / 'widgets'}]\n"
        f"extra:\n  holidays:\n{holidays_yaml}{extra_yaml}"
    )
    return config


def timeline_options(page: Path) -> dict:
    (raw,) = re.findall(r'data-widget="follow-up-timeline"[^>]*data-options="([^"]*)"', page.read_text())
    return json.loads(html.unescape(raw))


def test_a_centers_region_ships_its_holidays_to_the_timeline(tmp_path):
    site = tmp_path / "site"
    config = config_with(
        tmp_path, "    country: GB\n    subdivision: ENG\n", "  dates:\n    order: month-day\n    clock: 12\n"
    )
    done = build_site(site, config_file=config)
    assert done.returncode == 0, done.stdout + done.stderr
    options = timeline_options(site / "timing" / "index.html")
    assert options["date_style"] == {"order": "month-day", "clock": 12}
    holidays = options["public_holidays"]
    assert holidays["region"] == "GB-ENG"
    assert holidays["days"]["2027-03-29"] == "Easter Monday"
    assert "2026-11-26" not in holidays["days"]  # no Thanksgiving in England
    # The browser gets dates, not a holiday library.
    assert not list(site.rglob("holidays*")) and "holidays/" not in str(list((site / "assets").rglob("*.whl")))
    # Only the widget that uses them carries them.
    assert "public_holidays" not in (site / "rejection" / "index.html").read_text()


@pytest.mark.parametrize(
    "holidays_yaml, message",
    [
        ("    country: XY\n", "extra.holidays.country: 'XY' is not a country the holidays package knows"),
        ("    country: CA\n    subdivision: QQ\n", "extra.holidays.subdivision: 'QQ' is not a subdivision of CA"),
        ("    country: CA\n  dates:\n    clock: 25\n", "extra.dates.clock: must be 12 or 24, got 25"),
    ],
    ids=["country", "subdivision", "date style"],
)
def test_a_bad_region_fails_the_build_naming_the_key(tmp_path, holidays_yaml, message):
    config = config_with(tmp_path, holidays_yaml)
    site = tmp_path / "site"
    done = build_site(site, config_file=config)
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert f"{config.resolve()}: {message}" in output
    if "holidays" in message:
        assert "the valid codes: python -m build_tools.public_holidays --list" in output
    assert not site.exists()
