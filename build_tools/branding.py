"""A career center's branding, from ``extra.center`` in mkdocs.yml.

``load_branding`` checks the settings and returns a frozen ``Branding`` (or
None when no center is configured); every problem is reported at once, each
naming its key and the reason, for example::

    mkdocs.yml: extra.center.primary_color: 'blueish' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))

Nothing here knows MkDocs: ``mkdocs_hooks`` puts the name and logo in the
theme's header, the contacts reach the footer (overrides/partials/copyright.html)
and the widgets' templates (as ``center``), and ``center_css`` gives the
stylesheet that sets the theme's colours.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from build_tools.errors import ConfigError

KEYS = ("name", "short_name", "logo", "primary_color", "accent_color", "email", "phone", "booking_url")
SHORT_NAME_MAX = 24  # about what a phone's header shows beside its buttons
LOGO_TYPES = {".svg": "an SVG", ".png": "a PNG"}
# Where the build puts the center's files, relative to the site's root.
ASSETS_DIR = "assets/center"
CSS_URI = f"{ASSETS_DIR}/center.css"

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_RGB = re.compile(r"rgb\(\s*([0-9]{1,3})\s*,\s*([0-9]{1,3})\s*,\s*([0-9]{1,3})\s*\)")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_PHONE = re.compile(r"\+?[0-9 ().-]+")
_COLOUR_FORMS = "#rgb, #rrggbb or rgb(r, g, b)"


class BrandingError(ConfigError):
    """One or more bad values in ``extra.center``; the build stops."""

    def __init__(self, source: str, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(f"{source}: {p}" for p in self.problems))


@dataclass(frozen=True)
class Colour:
    r: int
    g: int
    b: int

    @property
    def hex(self) -> str:
        return f"#{self.r:02x}{self.g:02x}{self.b:02x}"

    def mix(self, other: Colour, amount: float) -> Colour:
        """This colour with ``amount`` (0 to 1) of ``other`` mixed in."""

        def channel(a: int, b: int) -> int:
            return round(a + (b - a) * amount)

        return Colour(channel(self.r, other.r), channel(self.g, other.g), channel(self.b, other.b))

    def luminance(self) -> float:
        """WCAG 2 relative luminance."""

        def linear(c: int) -> float:
            v = c / 255
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)

    def contrast(self, other: Colour) -> float:
        light, dark = sorted((self.luminance(), other.luminance()), reverse=True)
        return (light + 0.05) / (dark + 0.05)


WHITE = Colour(255, 255, 255)
BLACK = Colour(0, 0, 0)
# The theme's text on a light colour (#000000de) and its dark scheme's page
# background (hsl(225, 15%, 14%)), as the eye gets them.
DARK_TEXT = Colour(33, 33, 33)
SLATE_BACKGROUND = Colour(30, 33, 41)


@dataclass(frozen=True)
class Branding:
    name: str
    short_name: str | None = None  # in the header on narrow screens
    logo: Path | None = None  # the file as found, resolved
    primary_color: Colour | None = None
    accent_color: Colour | None = None
    email: str | None = None
    phone: str | None = None
    booking_url: str | None = None

    @property
    def logo_uri(self) -> str | None:
        """Where the logo is in the built site, relative to its root."""
        return f"{ASSETS_DIR}/logo{self.logo.suffix.lower()}" if self.logo else None

    @property
    def email_href(self) -> str | None:
        return f"mailto:{self.email}" if self.email else None

    @property
    def phone_href(self) -> str | None:
        if not self.phone:
            return None
        return "tel:" + ("+" if self.phone.startswith("+") else "") + re.sub(r"[^0-9]", "", self.phone)

    @property
    def has_colours(self) -> bool:
        return bool(self.primary_color or self.accent_color)

    @property
    def has_stylesheet(self) -> bool:
        """Whether the build writes center.css (colours, or the short name)."""
        return self.has_colours or bool(self.short_name)


def load_branding(raw: Any, base_dir: Path, source: str = "mkdocs.yml") -> Branding | None:
    """The checked ``extra.center`` settings; None when there are none.

    ``base_dir`` is the folder of the mkdocs.yml being built: the logo's path
    is relative to it. ``source`` names that file in messages.
    """
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise BrandingError(source, [f"extra.center: must be lines of 'key: value' (see mkdocs.yml), got {raw!r}"])
    problems: list[str] = []
    unknown = sorted(str(k) for k in raw if k not in KEYS)
    if unknown:
        words = "unknown key" if len(unknown) == 1 else "unknown keys"
        problems.append(
            f"extra.center: {words} {', '.join(repr(k) for k in unknown)} (known: {', '.join(sorted(KEYS))})"
        )
    values: dict[str, Any] = {}
    for key, check in _CHECKS.items():
        if key not in raw:
            if key == "name":
                problems.append("extra.center.name: missing (a center's name is required when extra.center is set)")
            continue
        value = raw[key]
        try:
            if value is None:
                raise _Bad(_NO_VALUE.get(key, "has no value (give one, or remove the line)"))
            values[key] = check(value, base_dir) if key == "logo" else check(value)
        except _Bad as bad:
            problems.append(f"extra.center.{key}: {bad}")
    problems += contrast_problems(values.get("primary_color"), values.get("accent_color"))
    if problems:
        raise BrandingError(source, problems)
    return Branding(**values)


class _Bad(Exception):
    pass


_NO_VALUE = dict.fromkeys(
    ("primary_color", "accent_color"), 'has no value; in YAML a # starts a comment, so quote the colour: "#00563f"'
)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Bad(f"must be a text, got {value!r}")
    value = value.strip()
    if not value:
        raise _Bad("must not be empty")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise _Bad(f"must be one line of text, got {value!r}")
    return value


def _name(value: Any) -> str:
    name = _text(value)
    # The theme writes the site name into its HTML as it is.
    if any(c in name for c in '<>"'):
        raise _Bad(f'must not contain <, > or ", got {name!r}')
    if len(name) > 100:
        raise _Bad(f"must be at most 100 characters, got {len(name)}")
    return name


def _short_name(value: Any) -> str:
    name = _name(value)
    if len(name) > SHORT_NAME_MAX:
        raise _Bad(f"must be at most {SHORT_NAME_MAX} characters (it fits a phone's header), got {len(name)}")
    return name


def _logo(value: Any, base_dir: Path) -> Path:
    written = _text(value)
    path = (base_dir / written).resolve()
    if path.suffix.lower() not in LOGO_TYPES:
        raise _Bad(f"{written} must be an .svg or .png file")
    if not path.exists():
        raise _Bad(f"{written} does not exist")
    if not path.is_file():
        raise _Bad(f"{written} is not a file")
    with path.open("rb") as file:
        head = file.read(4096)
    kind = LOGO_TYPES[path.suffix.lower()]
    looks_right = head.startswith(b"\x89PNG\r\n\x1a\n") if path.suffix.lower() == ".png" else b"<svg" in head.lower()
    if not looks_right:
        raise _Bad(f"{written} is not {kind} image")
    return path


def parse_colour(value: Any) -> Colour:
    if not isinstance(value, str):
        raise _Bad(f"{value!r} is not a colour (use {_COLOUR_FORMS}, in quotes)")
    text = value.strip()
    if match := _HEX.fullmatch(text):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return Colour(*(int(digits[i : i + 2], 16) for i in (0, 2, 4)))
    if match := _RGB.fullmatch(text):
        channels = [int(c) for c in match.groups()]
        if all(c <= 255 for c in channels):
            return Colour(*channels)
        raise _Bad(f"{value!r} is not a colour (rgb() values go from 0 to 255)")
    raise _Bad(f"{value!r} is not a colour (use {_COLOUR_FORMS})")


def _email(value: Any) -> str:
    email = _text(value)
    if not _EMAIL.fullmatch(email):
        raise _Bad(f"{email!r} is not an e-mail address (like careers@example.edu)")
    return email


def _phone(value: Any) -> str:
    phone = _text(value)
    digits = sum(c.isdigit() for c in phone)
    if not _PHONE.fullmatch(phone) or not 3 <= digits <= 20:
        raise _Bad(f"{phone!r} is not a phone number (digits, spaces and + ( ) - . only)")
    return phone


def _booking_url(value: Any) -> str:
    url = _text(value)
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https") or not url.lower().startswith(f"{scheme}://"):
        raise _Bad(f"must start with http:// or https://, got {url!r}")
    if any(c.isspace() for c in url):
        raise _Bad(f"must not contain spaces, got {url!r}")
    try:
        host = urlsplit(url).hostname
    except ValueError as exc:
        raise _Bad(f"{url!r} is not a web address ({exc})") from None
    if not host:
        raise _Bad(f"{url!r} has no host name")
    return url


_CHECKS: dict[str, Callable[..., Any]] = {
    "name": _name,
    "short_name": _short_name,
    "logo": _logo,
    "primary_color": parse_colour,
    "accent_color": parse_colour,
    "email": _email,
    "phone": _phone,
    "booking_url": _booking_url,
}


# --- contrast -------------------------------------------------------------------
#
# WCAG 2.2: text 4.5:1 (1.4.3), focus indicators and other non-text parts 3:1
# (1.4.11). The accent is the focus ring and the colour of links under the
# pointer in both schemes; links themselves are the primary colour, mixed by
# center_css until they read on each scheme's page (checked here all the same).

TEXT_RATIO = 4.5
NON_TEXT_RATIO = 3.0
SCHEME_BACKGROUNDS = {"light": WHITE, "dark": SLATE_BACKGROUND}


def _ratio_words(ratio: float) -> str:
    return f"{int(ratio * 100) / 100:.2f}:1"  # rounded down: 2.999 is not 3


def contrast_problems(primary: Colour | None, accent: Colour | None) -> list[str]:
    """What is too faint, as ``extra.center.<key>: ...`` lines naming the ratio."""
    problems = []
    if accent:
        for scheme, background in SCHEME_BACKGROUNDS.items():
            ratio = accent.contrast(background)
            if ratio < NON_TEXT_RATIO:
                problems.append(
                    f'extra.center.accent_color: "{accent.hex}" has a contrast of {_ratio_words(ratio)} with the '
                    f"{scheme} scheme's page ({background.hex}); the focus ring and links under the pointer need "
                    f"at least {NON_TEXT_RATIO:g}:1"
                )
    if primary:
        text = text_colour_on(primary)
        ratio = primary.contrast(text)
        if ratio < TEXT_RATIO:
            problems.append(
                f'extra.center.primary_color: "{primary.hex}" has a contrast of {_ratio_words(ratio)} with the '
                f"header's text ({text.hex}, the more readable of white and black); text needs at least "
                f"{TEXT_RATIO:g}:1: choose a darker or a lighter colour"
            )
        for scheme, background in SCHEME_BACKGROUNDS.items():
            link = link_colour(primary, background)
            ratio = link.contrast(background)
            if ratio < NON_TEXT_RATIO:  # link_colour mixes toward black or white: a safety net
                problems.append(
                    f"extra.center.primary_color: links ({link.hex}) have a contrast of {_ratio_words(ratio)} "
                    f"with the {scheme} scheme's page; they need at least {NON_TEXT_RATIO:g}:1"
                )
    return problems


# --- the stylesheet -----------------------------------------------------------


def text_on(colour: Colour) -> tuple[str, str]:
    """The theme's text colour (and its lighter variant) that reads best on ``colour``."""
    if text_colour_on(colour) == WHITE:
        return "#ffffff", "#ffffffb3"
    return "#000000de", "#0000008a"


def text_colour_on(colour: Colour) -> Colour:
    """White, or the theme's dark text as the eye gets it: whichever reads best."""
    return WHITE if colour.contrast(WHITE) >= colour.contrast(DARK_TEXT) else DARK_TEXT


def link_colour(primary: Colour, background: Colour) -> Colour:
    """The links' colour on a scheme's page: the primary, made readable."""
    return readable_on(primary, background, BLACK if background == WHITE else WHITE)


def readable_on(colour: Colour, background: Colour, toward: Colour, ratio: float = 4.6) -> Colour:
    """``colour``, mixed toward ``toward`` just enough to reach ``ratio`` on ``background``."""
    for step in range(21):
        mixed = colour.mix(toward, step / 20)
        if mixed.contrast(background) >= ratio:
            return mixed
    return toward


def center_css(branding: Branding) -> str | None:
    """The stylesheet that gives the theme the center's colours (None without any).

    The theme's palette is set to "custom" for each colour given (see
    ``branded_palette``), so these variables are the only ones in play.
    """
    if not branding.has_stylesheet:
        return None
    lines = ["/* Generated by build_tools/branding.py from extra.center in mkdocs.yml. */"]
    if branding.has_colours:
        lines.append(":root > * {")
    schemes: dict[str, list[str]] = {"default": [], "slate": []}
    if primary := branding.primary_color:
        text, text_light = text_on(primary)
        lines += [
            f"  --md-primary-fg-color: {primary.hex};",
            f"  --md-primary-fg-color--light: {primary.mix(WHITE, 0.15).hex};",
            f"  --md-primary-fg-color--dark: {primary.mix(BLACK, 0.15).hex};",
            f"  --md-primary-bg-color: {text};",
            f"  --md-primary-bg-color--light: {text_light};",
        ]
        # Links are in the primary colour: keep them readable on each scheme's page.
        schemes["default"].append(f"  --md-typeset-a-color: {link_colour(primary, WHITE).hex};")
        schemes["slate"].append(f"  --md-typeset-a-color: {link_colour(primary, SLATE_BACKGROUND).hex};")
    if accent := branding.accent_color:
        text, text_light = text_on(accent)
        lines += [
            f"  --md-accent-fg-color: {accent.hex};",
            f"  --md-accent-fg-color--transparent: {accent.hex}1a;",
            f"  --md-accent-bg-color: {text};",
            f"  --md-accent-bg-color--light: {text_light};",
        ]
    if branding.has_colours:
        lines.append("}")
    for scheme, declarations in schemes.items():
        if declarations:
            lines += [f'[data-md-color-scheme="{scheme}"] {{', *declarations, "}"]
    if branding.short_name:
        lines += short_name_css(branding.short_name)
    return "\n".join(lines) + "\n"


# Below this width the theme's header also holds the menu, search and scheme
# buttons, and a long name is cut ("Northfield University ..."): the short
# name takes its place there (screen readers read the one shown).
NARROW_HEADER = "59.984375em"  # the theme's own breakpoint for the collapsed navigation


def short_name_css(short_name: str) -> list[str]:
    text = short_name.replace("\\", "\\\\")  # no " or line breaks: _name refuses them
    topic = ".md-header__title .md-header__topic:first-child"
    return [
        f"@media screen and (max-width: {NARROW_HEADER}) {{",
        f"  {topic} > .md-ellipsis {{ display: none; }}",
        f'  {topic}::before {{ content: "{text}"; min-width: 0; overflow: hidden;',
        "    text-overflow: ellipsis; white-space: nowrap; }",
        "}",
    ]


def branded_palette(palette: Any, branding: Branding) -> Any:
    """The theme's palette setting with "custom" for each colour the center sets."""

    def entry(item: Any) -> Any:
        if not isinstance(item, Mapping):
            return item
        item = dict(item)
        if branding.primary_color:
            item["primary"] = "custom"
        if branding.accent_color:
            item["accent"] = "custom"
        return item

    if isinstance(palette, list):
        return [entry(item) for item in palette]
    return entry(palette)
