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


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
        widget = get_widget(request["widget"])
        options = widget.resolve_page_options(request.get("options"))
        state = request.get("state") or {}
        if not isinstance(state, dict):
            raise ValueError("state must be an object")
        reply: dict[str, Any] = {"view": widget.view(options, state)}
    except (KeyError, ValueError, OptionError) as exc:
        reply = {"error": str(exc.args[0]) if exc.args else repr(exc)}
    return json.dumps(reply, ensure_ascii=False)
