"""Public holidays for the guide's region, from the ``holidays`` package, at build time.

mkdocs.yml names the region once for the whole guide::

    extra:
      holidays:
        country: US        # an ISO 3166-1 code the holidays package knows
        subdivision: CA    # optional: a state, province or nation (GB: ENG, SCT, WLS, NIR)

Unset, the guide uses ``DEFAULT_REGION`` (the United States). ``holidays: false``
turns public holidays off (only weekends and each fence's ``closed_days`` count).

The build turns the region into plain data (``HolidayData``: the dates and their
names for every year a plan can reach) that the widgets receive with their
options, so the reader's browser never downloads a holiday library. Nothing here
knows MkDocs: the adapter passes ``extra.holidays`` in and reports ``RegionError``.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from typing import Any, TypedDict

import holidays

from build_tools.errors import ConfigError

DEFAULT_REGION = ("US", "")
KEYS = ("country", "subdivision")
# A plan starts from an interview up to a year from the reader's today, a
# decision date up to two years after it, then at most ~8 months of steps; the
# built guide is read for a year or two after it is built.
YEARS_BEFORE = 1
YEARS_AFTER = 5
VALID_CODES_HINT = "the valid codes: python -m build_tools.public_holidays --list"


class HolidayData(TypedDict):
    """What a widget receives (the ``public_holidays`` option): JSON-ready."""

    region: str  # "US", "GB-SCT": shown in the plan's words
    first_year: int  # the years covered, both included
    last_year: int
    days: dict[str, str]  # "2026-11-26" -> "Thanksgiving Day"


class RegionError(ConfigError):
    """A bad ``extra.holidays`` value; the message names the key and the valid codes."""


@dataclass(frozen=True)
class Region:
    country: str
    subdivision: str = ""

    @property
    def code(self) -> str:
        return f"{self.country}-{self.subdivision}" if self.subdivision else self.country


def load_region(raw: Any, source: str = "mkdocs.yml") -> Region | None:
    """The region set in ``extra.holidays`` (None: holidays turned off)."""
    if raw is None:
        return Region(*DEFAULT_REGION)
    if raw is False:
        return None
    where = f"{source}: extra.holidays"
    if not isinstance(raw, dict):
        raise RegionError(f"{where}: must be lines of 'country: XX' (and optionally 'subdivision: YY'), got {raw!r}")
    unknown = sorted(str(key) for key in raw if key not in KEYS)
    if unknown:
        raise RegionError(f"{where}.{unknown[0]}: unknown key (known: {', '.join(KEYS)})")
    supported = holidays.list_supported_countries()
    country = raw.get("country")
    if not isinstance(country, str) or country.strip().upper() not in supported:
        raise RegionError(
            f"{where}.country: {country!r} is not a country the holidays package knows"
            f"{_near(country, supported)}; {VALID_CODES_HINT}"
        )
    country = country.strip().upper()
    subdivision = raw.get("subdivision")
    if subdivision is None or subdivision == "":
        return Region(country)
    known = supported[country]
    # Codes are matched as written (some are lower-case or digits), upper-case as a fallback.
    match = next((s for s in known if s == str(subdivision).strip()), None) or next(
        (s for s in known if s.upper() == str(subdivision).strip().upper()), None
    )
    if match is None:
        choices = ", ".join(known) if known else "none"
        raise RegionError(
            f"{where}.subdivision: {subdivision!r} is not a subdivision of {country} "
            f"(valid: {choices}); {VALID_CODES_HINT}"
        )
    return Region(country, match)


def _near(value: Any, supported: dict[str, Any]) -> str:
    close = difflib.get_close_matches(str(value).upper(), supported, n=3, cutoff=0.5)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def holiday_data(region: Region | None, today: datetime.date) -> HolidayData | None:
    """The region's holidays for every year a plan made from the built guide can reach."""
    if region is None:
        return None
    first, last = today.year - YEARS_BEFORE, today.year + YEARS_AFTER
    calendar = holidays.country_holidays(
        region.country, subdiv=region.subdivision or None, years=range(first, last + 1)
    )
    days = {day.isoformat(): _one_name(name) for day, name in sorted(calendar.items())}
    return HolidayData(region=region.code, first_year=first, last_year=last, days=days)


def _one_name(name: str) -> str:
    # Two holidays on one day come joined with "; ": the plan names the first.
    return name.split("; ")[0]


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="The region codes mkdocs.yml's extra.holidays accepts.")
    parser.add_argument("--list", action="store_true", help="list every country code and its subdivisions")
    parser.add_argument("country", nargs="?", help="show the holidays of this region for this year (e.g. GB-SCT)")
    args = parser.parse_args(argv)
    if args.country:
        country, _, subdivision = args.country.partition("-")
        data = holiday_data(load_region({"country": country, "subdivision": subdivision}), datetime.date.today())
        for day, name in (data["days"] if data else {}).items():
            print(day, name)
        return 0
    for code, subdivisions in sorted(holidays.list_supported_countries().items()):
        print(f"{code}: {', '.join(subdivisions)}" if subdivisions else code)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
