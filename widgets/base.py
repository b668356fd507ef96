"""What every widget declares: its name, its options and its view function,
and the typed shapes of what passes between them and the page.

A view function takes the resolved options and the form's state (a dict of
control name -> value, as the page runtime reads it) and returns a ``View``.
These TypedDicts are the contract widgets/README.md's table describes, and
web/widget-runtime.js's JSDoc types mirror them. Outputs are always text; the
page writes them with textContent, never as HTML.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeAlias, TypedDict

from widgets.record import field, record


class Link(TypedDict):
    """A piece of a list item's text (``text``) linked to a relative address."""

    text: str
    href: str


class _ItemText(TypedDict):
    text: str


# (A base class, not Required[]: Python 3.11 loses Required under
# `from __future__ import annotations`.)
class ListItem(_ItemText, total=False):
    """One item of a list output: a step, an advisor's check..."""

    tone: str  # shown as data-tone (the page styles it)
    links: list[Link]


# A [data-output] region's content: text, or a list of items.
Output: TypeAlias = "str | list[ListItem]"


class Download(TypedDict):
    """A file a [data-action=download] button saves."""

    filename: str
    mime: str
    text: str


class View(TypedDict, total=False):
    """What a view function returns; every key is optional."""

    outputs: dict[str, Output]
    links: dict[str, str]  # only mailto: addresses become links
    downloads: dict[str, Download]
    errors: dict[str, str]  # field name -> message, "" for none
    repeats: dict[str, list[View]]


# The form's state as the page sends it: checkboxes are booleans, other
# controls strings. Read it with widgets/state.py, which never raises.
State: TypeAlias = Mapping[str, Any]
ViewFunction: TypeAlias = Callable[[Mapping[str, Any], State], View]


class IsoDates:
    """Option type: a list of calendar dates written YYYY-MM-DD.

    YAML reads an unquoted 2025-12-25 as a date, the page sends it back as a
    string: both are accepted. The resolved value is a sorted tuple of
    'YYYY-MM-DD' strings without repeats, so the options stay plain JSON.
    """


_TYPE_WORDS = {bool: "true or false", str: "a text", int: "a whole number"}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def yaml_text(value: Any) -> str:
    """A value as an author would write it in a fence's YAML, for messages:
    ``2026-12-25``, ``true``, ``"text"``, ``[1, 2]``; never a Python repr."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(yaml_text(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{yaml_text(k)}: {yaml_text(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)


class OptionError(ValueError):
    """A widget option is unknown or has a bad value; ``key`` names it."""

    def __init__(self, key: str | None, message: str):
        super().__init__(message)
        self.key = key
        self.message = message


@record
class Option:
    """One option a widget fence may set, with its type, default and help text."""

    name: str
    type: type
    default: Any
    help: str
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
                f"option '{self.name}' must be {_TYPE_WORDS[self.type]}, got {yaml_text(value)}",
            )
        if self._out_of_range(value):
            raise OptionError(self.name, f"option '{self.name}' must be {self._range_words()}, got {yaml_text(value)}")
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
                self.name, f"option '{self.name}' must be a list of dates written YYYY-MM-DD, got {yaml_text(value)}"
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
                raise OptionError(
                    self.name, f"option '{self.name}' must hold real dates, got {yaml_text(item)}"
                ) from None
        raise OptionError(self.name, f"option '{self.name}' must hold dates written YYYY-MM-DD, got {yaml_text(item)}")


@record
class Section:
    """A section of the guide a widget links to: a page of docs/ and a heading
    on it ("" for the page itself). The build checks it exists and gives the
    widget its href from the page that holds it (the ``guide_links`` option)."""

    page: str  # "thank-you-notes.md", "events/career-fair.md"
    heading: str = ""  # the heading's text, as written: "When to send it"


@record
class Widget:
    """A widget as the registry knows it: its view function, options and what the build renders."""

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
