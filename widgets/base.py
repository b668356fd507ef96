"""What every widget declares: its name, its options and its view function.

A view function takes the resolved options and the form's state (a dict of
control name -> value, as the page runtime reads it) and returns the view:
``{"outputs": {output_name: text or [{"text": ..., "tone": ...}, ...]}}``.
Outputs are always text; the page writes them with textContent, never as HTML.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

View = dict[str, Any]
ViewFunction = Callable[[Mapping[str, Any], Mapping[str, Any]], View]


class IsoDates:
    """Option type: a list of calendar dates written YYYY-MM-DD.

    YAML reads an unquoted 2025-12-25 as a date, the page sends it back as a
    string: both are accepted. The resolved value is a sorted tuple of
    'YYYY-MM-DD' strings without repeats, so the options stay plain JSON.
    """


_TYPE_WORDS = {bool: "true or false", str: "a text", int: "a whole number"}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class OptionError(ValueError):
    """A widget option is unknown or has a bad value; ``key`` names it."""

    def __init__(self, key: str | None, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    help: str
    choices: tuple[Any, ...] = ()
    # Bounds of an int option (inclusive); None leaves that side open.
    minimum: int | None = None
    maximum: int | None = None
    # Set once for the whole guide by the build (where, e.g. "mkdocs.yml extra.holidays"),
    # never in a fence; the page sends it back with the fence's options.
    site: str = ""

    def check(self, value: Any) -> Any:
        if self.type is IsoDates:
            return self._check_dates(value)
        # bool is a subclass of int: keep `true` out of int options.
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            raise OptionError(
                self.name,
                f"option '{self.name}' must be {_TYPE_WORDS[self.type]}, got {value!r}",
            )
        if self.choices and value not in self.choices:
            allowed = ", ".join(repr(c) for c in self.choices)
            raise OptionError(self.name, f"option '{self.name}' must be one of {allowed}, got {value!r}")
        if self._out_of_range(value):
            raise OptionError(self.name, f"option '{self.name}' must be {self._range_words()}, got {value!r}")
        return value

    def _out_of_range(self, value: Any) -> bool:  # bounds are set on int options only
        return (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        )

    def _range_words(self) -> str:
        if self.minimum is not None and self.maximum is not None:
            return f"a whole number from {self.minimum} to {self.maximum}"
        if self.minimum is not None:
            return f"a whole number of at least {self.minimum}"
        return f"a whole number of at most {self.maximum}"

    def _check_dates(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, (list, tuple)):
            raise OptionError(
                self.name, f"option '{self.name}' must be a list of dates written YYYY-MM-DD, got {value!r}"
            )
        return tuple(sorted({self._check_date(item) for item in value}))

    def _check_date(self, item: Any) -> str:
        # A datetime is a date too: keep times out.
        if isinstance(item, datetime.date) and not isinstance(item, datetime.datetime):
            return item.isoformat()
        if isinstance(item, str) and _ISO_DATE.fullmatch(item):
            try:
                return datetime.date.fromisoformat(item).isoformat()
            except ValueError:
                raise OptionError(self.name, f"option '{self.name}' must hold real dates, got {item!r}") from None
        raise OptionError(self.name, f"option '{self.name}' must hold dates written YYYY-MM-DD, got {item!r}")


@dataclass(frozen=True)
class Section:
    """A section of the guide a widget links to: a page of docs/ and a heading
    on it ("" for the page itself). The build checks it exists and gives the
    widget its href from the page that holds it (the ``guide_links`` option)."""

    page: str  # "thank-you-notes.md", "events/career-fair.md"
    heading: str = ""  # the heading's text, as written: "When to send it"


@dataclass(frozen=True)
class Widget:
    name: str
    view: ViewFunction
    options: tuple[Option, ...] = field(default_factory=tuple)
    # The form's state before anything is typed (what the static HTML shows).
    initial_state: Mapping[str, Any] = field(default_factory=dict)
    # Extra names the server-rendered template needs (steps, labels...).
    template_context: Mapping[str, Any] = field(default_factory=dict)
    # The guide's sections it links to, by key (see Section).
    sections: Mapping[str, Section] = field(default_factory=dict)

    def resolve_options(self, raw: Mapping[str, Any] | None, site: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Defaults merged with a fence's ``raw`` options and the build's ``site``
        values; raises OptionError on the first bad key."""
        raw = {} if raw is None else raw
        if not isinstance(raw, Mapping):
            raise OptionError(None, "options must be a YAML mapping of name: value")
        known = {o.name: o for o in self.options}
        for key in raw:
            if key not in known or known[key].site:
                if key in known:
                    where = known[key].site
                    raise OptionError(str(key), f"option '{key}' is set for the whole guide in {where}, not in a fence")
                hint = ", ".join(sorted(n for n, o in known.items() if not o.site)) or "none"
                raise OptionError(str(key), f"unknown option '{key}' for widget '{self.name}' (known: {hint})")
        site = site or {}
        resolved = {}
        for o in self.options:
            if o.site:
                resolved[o.name] = site.get(o.name, o.default)
            else:
                resolved[o.name] = o.check(raw[o.name]) if o.name in raw else o.default
        return resolved

    def resolve_page_options(self, raw: Any) -> dict[str, Any]:
        """The options as a page sends them back: the fence's and the build's together."""
        if not isinstance(raw, Mapping):
            return self.resolve_options(raw)
        site_names = {o.name for o in self.options if o.site}
        fence = {k: v for k, v in raw.items() if k not in site_names}
        return self.resolve_options(fence, {k: v for k, v in raw.items() if k in site_names})
