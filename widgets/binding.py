"""The thin binding the Web Worker calls: JSON request in, JSON reply out.

Kept free of Pyodide's ``js`` module so it runs, and is tested, on CPython too.
Request: {"widget": name, "options": {...}, "state": {...}}.
Reply: {"view": {...}} or {"error": "..."}.
"""

from __future__ import annotations

import json
from typing import Any

from widgets.base import OptionError
from widgets.registry import get_widget

# A paste of a whole document (1 MB took ~9 s per view in Pyodide) or a forged
# draft with thousands of fields must not stall the worker: every view works on
# at most this much. A thank-you note is a few hundred words.
MAX_TEXT = 10_000
MAX_FIELDS = 500


def bounded(state: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The state cut to MAX_FIELDS fields of at most MAX_TEXT characters, and
    the names of the fields that were cut."""
    out: dict[str, Any] = {}
    cut = []
    for name, value in list(state.items())[:MAX_FIELDS]:
        if isinstance(value, str) and len(value) > MAX_TEXT:
            value = value[:MAX_TEXT]
            cut.append(name)
        out[name] = value
    return out, cut


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
        widget = get_widget(request["widget"])
        options = widget.resolve_page_options(request.get("options"))
        state = request.get("state") or {}
        if not isinstance(state, dict):
            raise ValueError("state must be an object")
        state, cut = bounded(state)
        view = widget.view(options, state)
        if cut:
            errors = view.setdefault("errors", {})
            for name in cut:
                errors[name] = errors.get(name) or f"Only the first {MAX_TEXT:,} characters of this field are used."
        reply: dict[str, Any] = {"view": view}
    except (KeyError, ValueError, OptionError) as exc:
        reply = {"error": str(exc.args[0]) if exc.args else repr(exc)}
    return json.dumps(reply, ensure_ascii=False)
