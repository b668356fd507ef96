"""A career center's branding (extra.center): the checks, and the built example."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.branding import (
    KEYS,
    SLATE_BACKGROUND,
    WHITE,
    Branding,
    BrandingError,
    Colour,
    branded_palette,
    center_css,
    load_branding,
    text_on,
)
from tests.build.test_build import html_urls, is_relative
from tests.support.site_build import ROOT, build_site

EXAMPLE = ROOT / "examples" / "career-center"
NAME = "Northfield University Career Center"
BOOKING = "https://careers.northfield.example/appointments"
PAGES = [
    "index.html",
    "thank-you-notes/index.html",
    "timing/index.html",
    "staying-in-touch/index.html",
    "rejection/index.html",
]


# --- the checks ------------------------------------------------------------------


@pytest.fixture
def logo_dir(tmp_path) -> Path:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>')
    (tmp_path / "img" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    (tmp_path / "img" / "fake.png").write_text("<svg/> is not a PNG")
    (tmp_path / "img" / "plain.svg").write_text("just text")
    (tmp_path / "img" / "folder.svg").mkdir()
    (tmp_path / "img" / "logo.gif").write_bytes(b"GIF89a")
    return tmp_path


def problems(raw, base_dir=Path("."), source="mkdocs.yml") -> list[str]:
    with pytest.raises(BrandingError) as caught:
        load_branding(raw, base_dir, source)
    return str(caught.value).splitlines()


def test_no_center_is_no_branding():
    assert load_branding(None, Path(".")) is None


def test_every_key_read_and_normalised(logo_dir):
    branding = load_branding(
        {
            "name": "  Career & Employability Centre ",
            "logo": "img/logo.svg",
            "primary_color": "#0A5",
            "accent_color": "rgb(184, 134, 11)",
            "email": "careers@uni.example",
            "phone": "+44 (20) 7946-0018",
            "booking_url": "HTTPS://uni.example/book?with=advisor&type=mock",
        },
        logo_dir,
    )
    assert branding == Branding(
        name="Career & Employability Centre",
        logo=(logo_dir / "img" / "logo.svg").resolve(),
        primary_color=Colour(0, 0xAA, 0x55),
        accent_color=Colour(184, 134, 11),
        email="careers@uni.example",
        phone="+44 (20) 7946-0018",
        booking_url="HTTPS://uni.example/book?with=advisor&type=mock",
    )
    assert branding.primary_color.hex == "#00aa55"
    assert branding.logo_uri == "assets/center/logo.svg"
    assert branding.email_href == "mailto:careers@uni.example"
    assert branding.phone_href == "tel:+442079460018"


def test_only_the_name_is_required():
    branding = load_branding({"name": "Careers"}, Path("."))
    assert branding == Branding(name="Careers")
    assert branding.logo_uri is None and branding.phone_href is None and not branding.has_colours
    assert center_css(branding) is None


def test_a_png_logo(logo_dir):
    branding = load_branding({"name": "C", "logo": "img/logo.png"}, logo_dir)
    assert branding.logo_uri == "assets/center/logo.png"


BAD_VALUES = [
    ("primary_color", "blueish", "'blueish' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))"),
    ("primary_color", "red", "'red' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))"),
    ("primary_color", "#12345", "'#12345' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))"),
    ("primary_color", "#00563f80", "'#00563f80' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))"),
    ("primary_color", "00563f", "'00563f' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))"),
    ("primary_color", "#ggg", "'#ggg' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))"),
    ("primary_color", "rgb(0 86 63)", "'rgb(0 86 63)' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))"),
    ("primary_color", "rgba(0, 86, 63, 1)", "'rgba(0, 86, 63, 1)' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))"),
    (
        "primary_color",
        "#fff; background: url(x)",
        "'#fff; background: url(x)' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))",
    ),
    ("accent_color", "rgb(300, 0, 0)", "'rgb(300, 0, 0)' is not a colour (rgb() values go from 0 to 255)"),
    ("accent_color", 123, "123 is not a colour (use #rgb, #rrggbb or rgb(r, g, b), in quotes)"),
    # `primary_color: #00563f` unquoted: YAML reads a comment, so no value.
    ("primary_color", None, 'has no value; in YAML a # starts a comment, so quote the colour: "#00563f"'),
    ("logo", "img/nope.svg", "img/nope.svg does not exist"),
    ("logo", "img/logo.gif", "img/logo.gif must be an .svg or .png file"),
    ("logo", "img/folder.svg", "img/folder.svg is not a file"),
    ("logo", "img/fake.png", "img/fake.png is not a PNG image"),
    ("logo", "img/plain.svg", "img/plain.svg is not an SVG image"),
    ("booking_url", "ftp://uni.example/book", "must start with http:// or https://, got 'ftp://uni.example/book'"),
    ("booking_url", "javascript:alert(1)", "must start with http:// or https://, got 'javascript:alert(1)'"),
    ("booking_url", "uni.example/book", "must start with http:// or https://, got 'uni.example/book'"),
    ("booking_url", "https:/uni.example", "must start with http:// or https://, got 'https:/uni.example'"),
    ("booking_url", "https://", "'https://' has no host name"),
    ("booking_url", "https://uni.example/book now", "must not contain spaces, got 'https://uni.example/book now'"),
    ("email", "careers at uni", "'careers at uni' is not an e-mail address (like careers@example.edu)"),
    ("email", "careers@uni", "'careers@uni' is not an e-mail address (like careers@example.edu)"),
    ("email", "a@b.example?subject=x", "'a@b.example?subject=x' is not an e-mail address (like careers@example.edu)"),
    ("phone", "call us", "'call us' is not a phone number (digits, spaces and + ( ) - . only)"),
    ("phone", "12", "'12' is not a phone number (digits, spaces and + ( ) - . only)"),
    ("phone", 5550100, "must be a text, got 5550100"),
    ("name", "", "must not be empty"),
    ("name", 42, "must be a text, got 42"),
    ("name", "Careers\nCenter", "must be one line of text, got 'Careers\\nCenter'"),
    ("name", "<b>Careers</b>", "must not contain <, > or \", got '<b>Careers</b>'"),
    ("name", "x" * 101, "must be at most 100 characters, got 101"),
    ("email", None, "has no value (give one, or remove the line)"),
]


@pytest.mark.parametrize("key, value, reason", BAD_VALUES, ids=[f"{k}={v!r}"[:40] for k, v, _ in BAD_VALUES])
def test_a_bad_value_names_the_key_and_the_reason(logo_dir, key, value, reason):
    raw = {"name": "Careers", key: value}
    assert problems(raw, logo_dir) == [f"mkdocs.yml: extra.center.{key}: {reason}"]


def test_missing_name_unknown_keys_and_every_problem_at_once(logo_dir):
    raw = {"colour": "red", "logo_url": "x", "primary_color": "blueish", "logo": "img/nope.svg"}
    assert problems(raw, logo_dir, "examples/x/mkdocs.yml") == [
        "examples/x/mkdocs.yml: extra.center: unknown keys 'colour', 'logo_url' (known: accent_color, "
        "booking_url, email, logo, name, phone, primary_color, short_name)",
        "examples/x/mkdocs.yml: extra.center.name: missing (a center's name is required when extra.center is set)",
        "examples/x/mkdocs.yml: extra.center.logo: img/nope.svg does not exist",
        "examples/x/mkdocs.yml: extra.center.primary_color: 'blueish' is not a colour "
        "(use #rgb, #rrggbb or rgb(r, g, b))",
    ]
    assert problems({"name": "C", "url": "x"}) == [
        "mkdocs.yml: extra.center: unknown key 'url' (known: accent_color, booking_url, email, logo, name, "
        "phone, primary_color, short_name)"
    ]


def test_center_must_be_a_mapping():
    assert problems("Northfield") == [
        "mkdocs.yml: extra.center: must be lines of 'key: value' (see mkdocs.yml), got 'Northfield'"
    ]


def test_the_logo_path_is_relative_to_the_config_file(tmp_path, logo_dir):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert problems({"name": "C", "logo": "img/logo.svg"}, elsewhere) == [
        "mkdocs.yml: extra.center.logo: img/logo.svg does not exist"
    ]
    assert (
        load_branding({"name": "C", "logo": "../img/logo.svg"}, elsewhere).logo
        == (logo_dir / "img" / "logo.svg").resolve()
    )


# --- the colours ---------------------------------------------------------------------


def test_text_on_the_primary_colour_is_whichever_reads_best():
    assert text_on(Colour(0, 0x56, 0x3F)) == ("#ffffff", "#ffffffb3")  # dark green: white text
    assert text_on(Colour(0xFF, 0xEB, 0x3B)) == ("#000000de", "#0000008a")  # yellow: dark text


def css_value(css: str, selector: str, variable: str) -> str:
    block = re.search(re.escape(selector) + r" \{\n(.*?)\n\}", css, re.S)
    assert block, selector
    value = re.search(re.escape(variable) + r": ([^;]+);", block.group(1))
    assert value, variable
    return value.group(1)


@pytest.mark.parametrize("primary", ["#ffeb3b", "#00563f", "#000000", "#ffffff", "#4051b5"])
def test_links_in_the_primary_colour_stay_readable_in_both_schemes(primary):
    css = center_css(load_branding({"name": "C", "primary_color": primary}, Path(".")))
    light = css_value(css, '[data-md-color-scheme="default"]', "--md-typeset-a-color")
    dark = css_value(css, '[data-md-color-scheme="slate"]', "--md-typeset-a-color")
    assert load_branding({"name": "C", "primary_color": light}, Path(".")).primary_color.contrast(WHITE) >= 4.5
    assert (
        load_branding({"name": "C", "primary_color": dark}, Path(".")).primary_color.contrast(SLATE_BACKGROUND) >= 4.5
    )
    if primary in ("#00563f", "#000000"):  # already readable on white: kept as it is
        assert light == primary


def test_the_stylesheet_sets_only_the_colours_given():
    css = center_css(load_branding({"name": "C", "accent_color": "#b8860b"}, Path(".")))
    assert css_value(css, ":root > *", "--md-accent-fg-color") == "#b8860b"
    assert css_value(css, ":root > *", "--md-accent-fg-color--transparent") == "#b8860b1a"
    assert css_value(css, ":root > *", "--md-accent-bg-color") == "#000000de"
    assert "--md-primary" not in css and "typeset-a-color" not in css


def test_palette_switches_to_custom_for_the_colours_given():
    palette = [{"scheme": "default", "toggle": {"name": "Dark"}}, {"scheme": "slate", "primary": "indigo"}]
    primary_only = load_branding({"name": "C", "primary_color": "#000"}, Path("."))
    assert branded_palette(palette, primary_only) == [
        {"scheme": "default", "toggle": {"name": "Dark"}, "primary": "custom"},
        {"scheme": "slate", "primary": "custom"},
    ]
    assert palette[1]["primary"] == "indigo"  # the config's own list is left alone
    both = load_branding({"name": "C", "primary_color": "#000", "accent_color": "#b8860b"}, Path("."))
    assert branded_palette({"scheme": "default"}, both) == {
        "scheme": "default",
        "primary": "custom",
        "accent": "custom",
    }


# --- the built example ---------------------------------------------------------------


@pytest.fixture(scope="module")
def center_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("center") / "site"
    done = build_site(root, config_file=EXAMPLE / "mkdocs.yml")
    assert done.returncode == 0, done.stdout + done.stderr
    return root


class _Elements(HTMLParser):
    """Every element's tag, attributes and text (children's text included)."""

    def __init__(self):
        super().__init__()
        self.elements: list[dict] = []
        self._open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        element = {
            "tag": tag,
            "attrs": dict(attrs),
            "text": "",
            "inside": [e["tag"] + "." + (e["attrs"].get("class") or "") for e in self._open],
        }
        self.elements.append(element)
        if tag not in {"img", "input", "link", "meta", "br", "hr", "source"}:
            self._open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index]["tag"] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data


def elements(page: Path) -> list[dict]:
    parser = _Elements()
    parser.feed(page.read_text())
    return parser.elements


def words(text: str) -> str:
    return " ".join(text.split())


def inside(element, tag_and_class) -> bool:
    return any(e.startswith(tag_and_class) for e in element["inside"])


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_center_in_header_and_footer(center_site, page):
    found = elements(center_site / page)
    depth = page.count("/")
    prefix = "../" * depth
    (title,) = [e for e in found if e["tag"] == "title"]
    assert title["text"].endswith(NAME)
    header = [e for e in found if inside(e, "header.md-header")]
    assert NAME in [words(e["text"]) for e in header if e["attrs"].get("class") == "md-ellipsis"]
    (logo,) = [e for e in header if e["tag"] == "img"]
    assert logo["attrs"]["src"] == f"{prefix}assets/center/logo.svg"  # relative: works under any sub-path
    stylesheets = [e["attrs"]["href"] for e in found if e["tag"] == "link" and e["attrs"].get("rel") == "stylesheet"]
    assert stylesheets[-1] == f"{prefix}assets/center/center.css"  # last: it wins over the theme's colours
    (body,) = [e for e in found if e["tag"] == "body"]
    assert body["attrs"]["data-md-color-primary"] == "custom" and body["attrs"]["data-md-color-accent"] == "custom"

    (address,) = [e for e in found if e["tag"] == "address"]
    assert inside(address, "footer.md-footer") and address["attrs"]["class"] == "fug-center"
    links = {words(e["text"]): e["attrs"]["href"] for e in found if e["tag"] == "a" and inside(e, "address.fug-center")}
    assert links == {
        "careers@northfield.example": "mailto:careers@northfield.example",
        "+1 555 010 0199": "tel:+15550100199",
        "Book an appointment with an advisor": BOOKING,
    }
    assert words(address["text"]).startswith(NAME)


def test_logo_and_stylesheet_are_copied(center_site):
    assert (center_site / "assets" / "center" / "logo.svg").read_bytes() == (
        EXAMPLE / "northfield-logo.svg"
    ).read_bytes()
    css = (center_site / "assets" / "center" / "center.css").read_text()
    assert css_value(css, ":root > *", "--md-primary-fg-color") == "#00563f"
    assert css_value(css, ":root > *", "--md-primary-bg-color") == "#ffffff"
    assert css_value(css, ":root > *", "--md-accent-fg-color") == "#b8860b"
    assert sorted(p.name for p in (center_site / "assets" / "center").iterdir()) == ["center.css", "logo.svg"]


def test_the_checklist_offers_the_centers_advisor(center_site):
    found = elements(center_site / "rejection" / "index.html")
    (widget,) = [e for e in found if e["attrs"].get("data-widget") == "rejection-checklist"]
    (advisor,) = [e for e in found if "fug-widget__advisor" in (e["attrs"].get("class") or "")]
    assert inside(advisor, "section.fug-widget")
    assert words(advisor["text"]) == (
        f"Book a mock interview with {NAME}, or contact them: careers@northfield.example, +1 555 010 0199."
    )
    links = [
        (words(e["text"]), e["attrs"]["href"])
        for e in found
        if e["tag"] == "a" and inside(e, "span.fug-widget__detail fug-widget__advisor")
    ]
    assert links == [
        (f"Book a mock interview with {NAME}", BOOKING),
        ("careers@northfield.example", "mailto:careers@northfield.example"),
        ("+1 555 010 0199", "tel:+15550100199"),
    ]
    # It sits in the feedback step, after the step's own advice.
    html = (center_site / "rejection" / "index.html").read_text()
    assert (
        html.index("book a mock interview with a career advisor instead.")
        < html.index("fug-widget__advisor")
        < html.index("step_future")
    )
    assert widget["attrs"]["data-state"] == "static"


def test_only_the_centers_own_links_leave_the_site(center_site):
    for page in center_site.rglob("*.html"):
        if page.name == "404.html":
            continue
        absolute = {u for u in html_urls(page) if not is_relative(u)}
        assert absolute <= {BOOKING, "tel:+15550100199"}, page


def test_the_example_builds_with_the_command_in_its_readme():
    readme = (EXAMPLE / "README.md").read_text()
    assert "--config-file examples/career-center/mkdocs.yml" in readme
    for key in KEYS:
        assert f"`{key}`" in readme, key
        assert f"`{key}`" in (ROOT / "README.md").read_text(), key
        assert re.search(rf"^  #   {key}: ", (ROOT / "mkdocs.yml").read_text(), re.M), key


# --- contrast: what the build refuses ------------------------------------------------


def test_an_accent_too_faint_for_the_focus_ring_fails_naming_key_scheme_and_ratio():
    assert problems({"name": "C", "accent_color": "#ffffff"}) == [
        'mkdocs.yml: extra.center.accent_color: "#ffffff" has a contrast of 1.00:1 with the light scheme\'s page '
        "(#ffffff); the focus ring and links under the pointer need at least 3:1"
    ]
    # Readable on white, lost on the dark scheme's page.
    assert problems({"name": "C", "accent_color": "#00563f"}) == [
        'mkdocs.yml: extra.center.accent_color: "#00563f" has a contrast of 1.84:1 with the dark scheme\'s page '
        "(#1e2129); the focus ring and links under the pointer need at least 3:1"
    ]


def test_a_primary_colour_no_text_reads_on_fails_naming_the_ratio():
    assert problems({"name": "C", "primary_color": "rgb(128, 128, 128)"}) == [
        'mkdocs.yml: extra.center.primary_color: "#808080" has a contrast of 4.07:1 with the header\'s text '
        "(#212121, the more readable of white and black); text needs at least 4.5:1: choose a darker or a "
        "lighter colour"
    ]


def test_every_problem_is_reported_at_once():
    found = problems({"name": "C", "primary_color": "#808080", "accent_color": "#fff", "email": "x"})
    assert [line.split(":")[1].strip() for line in found] == [
        "extra.center.email",
        "extra.center.accent_color",
        "extra.center.primary_color",
    ]


channel = st.integers(0, 255)


@settings(max_examples=300, deadline=None)
@given(st.tuples(channel, channel, channel), st.tuples(channel, channel, channel))
def test_whatever_colours_pass_meet_the_ratios_in_both_schemes(primary, accent):
    raw = {"name": "C", "primary_color": Colour(*primary).hex, "accent_color": Colour(*accent).hex}
    try:
        center = load_branding(raw, Path("."))
    except BrandingError as exc:
        assert "has a contrast of" in str(exc)
        return
    assert center and center.primary_color and center.accent_color
    for background in (WHITE, SLATE_BACKGROUND):
        assert center.accent_color.contrast(background) >= 3
    css = center_css(center)
    text = "#ffffff" if css_value(css, ":root > *", "--md-primary-bg-color") == "#ffffff" else "#212121"
    assert (
        center.primary_color.contrast(load_branding({"name": "C", "primary_color": text}, Path(".")).primary_color)
        >= 4.5
    )
    for selector, background in (
        ('[data-md-color-scheme="default"]', WHITE),
        ('[data-md-color-scheme="slate"]', SLATE_BACKGROUND),
    ):
        link = css_value(css, selector, "--md-typeset-a-color")
        assert Colour(*(int(link[i : i + 2], 16) for i in (1, 3, 5))).contrast(background) >= 3


# --- the short name ---------------------------------------------------------------------


def test_the_short_name_takes_the_long_names_place_in_a_narrow_header():
    center = load_branding(
        {"name": "Northfield University Career Center", "short_name": "Northfield Careers"}, Path(".")
    )
    assert center.short_name == "Northfield Careers" and center.has_stylesheet and not center.has_colours
    css = center_css(center)
    assert "@media screen and (max-width: 59.984375em) {" in css
    assert '::before { content: "Northfield Careers";' in css
    assert "--md-primary" not in css and ":root" not in css


@pytest.mark.parametrize(
    "value, reason",
    [
        ("Northfield University Careers", "must be at most 24 characters (it fits a phone's header), got 29"),
        ('North "field"', 'must not contain <, > or ", got \'North "field"\''),
        ("", "must not be empty"),
    ],
)
def test_a_bad_short_name_names_the_key_and_the_reason(value, reason):
    assert problems({"name": "C", "short_name": value}) == [f"mkdocs.yml: extra.center.short_name: {reason}"]


def test_a_backslash_in_the_short_name_stays_a_backslash_in_the_stylesheet():
    css = center_css(load_branding({"name": "C", "short_name": "A\\B"}, Path(".")))
    assert 'content: "A\\\\B";' in css


# --- failing builds and the default guide -----------------------------------------------


def example_copy(tmp_path: Path, replace: dict[str, str]) -> Path:
    """The example's config, pointing at the project by absolute paths, with some lines changed."""
    copy = tmp_path / "center"
    copy.mkdir()
    shutil.copy(EXAMPLE / "northfield-logo.svg", copy)
    config = (EXAMPLE / "mkdocs.yml").read_text().replace("../../", f"{ROOT.as_posix()}/")
    for old, new in replace.items():
        assert old in config
        config = config.replace(old, new)
    (copy / "mkdocs.yml").write_text(config)
    return copy / "mkdocs.yml"


BAD_BUILDS = [
    (
        {'primary_color: "#00563f"': "primary_color: blueish"},
        ["extra.center.primary_color: 'blueish' is not a colour (use #rgb, #rrggbb or rgb(r, g, b))"],
    ),
    ({"logo: northfield-logo.svg": "logo: img/nope.svg"}, ["extra.center.logo: img/nope.svg does not exist"]),
    (
        {f"booking_url: {BOOKING}": "booking_url: ftp://careers.northfield.example/"},
        ["extra.center.booking_url: must start with http:// or https://, got 'ftp://careers.northfield.example/'"],
    ),
    (
        {'accent_color: "#b8860b"': 'accent_color: "#ffffff"'},
        [
            'extra.center.accent_color: "#ffffff" has a contrast of 1.00:1 with the light scheme\'s page (#ffffff); '
            "the focus ring and links under the pointer need at least 3:1"
        ],
    ),
    (
        {'accent_color: "#b8860b"': "accent_color: #b8860b", "email: careers@northfield.example": "email: careers"},
        [
            'extra.center.accent_color: has no value; in YAML a # starts a comment, so quote the colour: "#00563f"',
            "extra.center.email: 'careers' is not an e-mail address (like careers@example.edu)",
        ],
    ),
]


@pytest.mark.parametrize(
    "replace, messages", BAD_BUILDS, ids=["colour", "logo", "booking_url", "faint accent", "two at once"]
)
def test_a_bad_value_fails_the_build_and_leaves_the_site_alone(tmp_path, replace, messages):
    config = example_copy(tmp_path, replace)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous, good site")
    done = build_site(site, config_file=config)
    assert done.returncode != 0
    output = done.stdout + done.stderr
    for message in messages:
        assert f"{config.resolve()}: {message}" in output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "the previous, good site"


def test_the_default_guide_shows_no_center(tmp_path):
    site = tmp_path / "site"
    done = build_site(site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (site / "assets" / "center").exists()
    for page in PAGES:
        html = (site / page).read_text()
        found = elements(site / page)
        (title,) = [e for e in found if e["tag"] == "title"]
        assert title["text"].endswith("Follow-Up Guide")
        assert "<address" not in html and "fug-center" not in html and "fug-widget__advisor" not in html
        assert "center.css" not in html and 'data-md-color-primary="custom"' not in html
        (body,) = [e for e in found if e["tag"] == "body"]
        assert body["attrs"]["data-md-color-primary"] == "indigo"
        assert not [e for e in found if e["tag"] == "img" and inside(e, "header.md-header")]  # the theme's icon
    assert "book a mock interview with a career advisor instead." in (site / "rejection" / "index.html").read_text()
