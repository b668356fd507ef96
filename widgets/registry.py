"""The widgets an author can place with a ```widget <name> fence.

Each widget is imported on first use, so a worker that starts from scratch
compiles only the widgets of the page it serves. The worker that makes a
snapshot for later pages imports every module of the package first
(``import_all``, called by web/snapshot-maker.js): a later page then starts
with its widget's modules already in memory, whichever widget it has.
"""

from __future__ import annotations

import pkgutil
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


def import_all() -> None:
    """Every module of the widgets package, imported now (before a memory
    snapshot): every widget's, and any a widget would import only later. A
    module's ``warm()``, if it has one, then does what it otherwise leaves to
    first use (compiling patterns a first view does not need)."""
    package = import_module("widgets")
    for info in pkgutil.walk_packages(package.__path__, "widgets."):
        module = import_module(info.name)
        warm = getattr(module, "warm", None)
        if callable(warm):
            warm()
