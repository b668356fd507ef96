"""Reading the form's state as the page sends it: tolerant, never raising."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def text(state: Mapping[str, Any], name: str) -> str:
    """A single-line text field, trimmed, inner line breaks folded to spaces."""
    value = state.get(name)
    if not isinstance(value, str):
        return ""
    return " ".join(value.split())


def flag(state: Mapping[str, Any], name: str) -> bool:
    return state.get(name) is True
