"""The values the build sets once for the whole guide and hands to the widgets
that declare them (``Option(site=...)``): read from mkdocs.yml's ``extra``.

Plain dicts in, plain JSON-ready data out, so any generator's adapter can call it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from build_tools.public_holidays import holiday_data, load_region
from widgets.dates import check_style


def site_values(extra: Mapping[str, Any], source: str, today: datetime.date) -> dict[str, Any]:
    """Raises ValueError (``RegionError`` for the holidays) naming the bad key."""
    return {
        "public_holidays": holiday_data(load_region(extra.get("holidays"), source), today),
        "date_style": check_style(extra.get("dates"), source),
    }
