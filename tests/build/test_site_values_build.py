"""What mkdocs.yml sets once for every widget (extra.holidays, extra.dates) reaches them as
data, or stops the build naming the key."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.support.site_build import ROOT, build_site
from tests.unit.thank_you_note.cases import PANEL
from widgets.binding import handle


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


def widget_options(page: Path, widget: str = "follow-up-timeline") -> dict:
    (raw,) = re.findall(rf'data-widget="{widget}"[^>]*data-options="([^"]*)"', page.read_text())
    return json.loads(html.unescape(raw))


@pytest.fixture(scope="module")
def centers_site(tmp_path_factory) -> Path:
    """The guide built for a center in England that writes dates month-day, 12-hour."""
    tmp_path = tmp_path_factory.mktemp("center")
    site = tmp_path / "site"
    config = config_with(
        tmp_path, "    country: GB\n    subdivision: ENG\n", "  dates:\n    order: month-day\n    clock: 12\n"
    )
    done = build_site(site, config_file=config)
    assert done.returncode == 0, done.stdout + done.stderr
    return site


def test_a_centers_region_ships_its_holidays_to_the_timeline(centers_site):
    site = centers_site
    options = widget_options(site / "timing" / "index.html")
    assert options["date_style"] == {"order": "month-day", "clock": 12}
    holidays = options["public_holidays"]
    assert holidays["region"] == "GB-ENG"
    assert holidays["days"]["2027-03-29"] == "Easter Monday"
    assert "2026-11-26" not in holidays["days"]  # no Thanksgiving in England
    # The browser gets dates, not a holiday library.
    assert not list(site.rglob("holidays*")) and "holidays/" not in str(list((site / "assets").rglob("*.whl")))
    # Only the widget that uses them carries them.
    assert "public_holidays" not in (site / "rejection" / "index.html").read_text()


def test_a_centers_date_style_reaches_the_note_builder(centers_site):
    """The note builder's server-rendered HTML carries the guide's style, and the
    builder, given those options as the page sends them, writes its dates in it."""
    page = centers_site / "thank-you-notes" / "index.html"
    options = widget_options(page, "thank-you-note")
    assert options["date_style"] == {"order": "month-day", "clock": 12}
    assert "public_holidays" not in options  # only what the widget declares
    state = dict(PANEL, _now="2026-11-17T18:00")
    reply = json.loads(handle(json.dumps({"widget": "thank-you-note", "options": options, "state": state})))
    view = reply["view"]
    assert view["outputs"]["send_by"] == "Send by Wednesday, November 18 at 10:00 AM."
    assert "on Tuesday, November 17, to discuss" in view["repeats"]["notes"][0]["outputs"]["body"]


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
