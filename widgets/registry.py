"""The widgets an author can place with a ```widget <name> fence."""

from __future__ import annotations

from widgets.base import Widget
from widgets.rejection_checklist import WIDGET as _rejection_checklist

WIDGETS: dict[str, Widget] = {w.name: w for w in (_rejection_checklist,)}


def get_widget(name: str) -> Widget:
    try:
        return WIDGETS[name]
    except KeyError:
        known = ", ".join(sorted(WIDGETS))
        raise KeyError(f"unknown widget '{name}' (known: {known})") from None
