"""Lists in running text: "A, B and C"."""

from __future__ import annotations

from collections.abc import Iterable


def and_list(items: Iterable[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B and C"; empty items are left out."""
    words = [i for i in items if i]
    if len(words) <= 1:
        return words[0] if words else ""
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def quoted_list(items: Iterable[str], limit: int = 4) -> str:
    """ "“A”, “B” and 2 more": for naming what a check found."""
    words = [i for i in items if i]
    shown = [f"“{w}”" for w in words[:limit]]
    if len(words) > limit:
        return f"{', '.join(shown)} and {len(words) - limit} more"
    return and_list(shown)
