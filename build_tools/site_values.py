"""The values the build sets once for the whole guide and hands to the widgets
that declare them (``Option(site=...)``): read from mkdocs.yml's ``extra``.

Plain dicts in, plain JSON-ready data out, so any generator's adapter can call it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from build_tools.errors import ConfigError
from build_tools.public_holidays import holiday_data, load_region
from widgets.dates import check_style


def site_values(extra: Mapping[str, Any], source: str, today: datetime.date) -> dict[str, Any]:
    """Raises ConfigError (``RegionError`` for the holidays) naming the bad key."""
    holidays = holiday_data(load_region(extra.get("holidays"), source), today)
    try:
        date_style = check_style(extra.get("dates"), source)
    except ValueError as exc:  # widgets/ knows no build errors: a bad extra.dates
        raise ConfigError(str(exc)) from None
    return {"public_holidays": holidays, "date_style": date_style}
