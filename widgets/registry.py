"""The widgets an author can place with a ```widget <name> fence.

Each widget is imported on first use, so the browser's worker compiles only
the widgets of the page it serves (a few milliseconds, not a few hundred).
"""

from __future__ import annotations

from importlib import import_module

from widgets.base import Widget

# Widget name -> the module whose WIDGET declares it.
_MODULES: dict[str, str] = {
    "follow-up-timeline": "widgets.follow_up_timeline",
    "rejection-checklist": "widgets.rejection_checklist",
    "thank-you-note": "widgets.thank_you_note",
}

WIDGET_NAMES: tuple[str, ...] = tuple(sorted(_MODULES))


def template_path(name: str) -> str:
    """The widget's template, relative to widgets/: its package's template.html."""
    return _MODULES[name].removeprefix("widgets.").replace(".", "/") + "/template.html"


def find_widget(name: str) -> Widget | None:
    module = _MODULES.get(name)
    return None if module is None else import_module(module).WIDGET


def get_widget(name: str) -> Widget:
    widget = find_widget(name)
    if widget is None:
        raise KeyError(f"unknown widget '{name}' (known: {', '.join(WIDGET_NAMES)})")
    return widget
