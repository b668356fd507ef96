"""Widget options: lists of dates and bounded whole numbers, as authors write them."""

import datetime
import json

import pytest

from build_tools.widget_fences import find_widget_fences
from widgets.base import IsoDates, Option, OptionError, Widget, yaml_text

# --- Reconstructed: the first version of this file (untracked, by another
# author) was overwritten by mistake; these two tests are rebuilt from
# pytest's record of their ids. Check them against the original if you have it.

DEMO = Widget(
    name="demo",
    view=lambda options, state: {},
    options=(
        Option("flag", bool, True, "A flag."),
        Option("count", int, 3, "A count."),
        Option("mode", str, "a", "A mode."),
    ),
)


@pytest.mark.parametrize(
    "raw, key, message",
    [
        ({"flag": "no"}, "flag", "option 'flag' must be true or false, got \"no\""),
        ({"count": True}, "count", "option 'count' must be a whole number, got true"),
        ({"count": 2.5}, "count", "option 'count' must be a whole number, got 2.5"),
        ({"mode": 1}, "mode", "option 'mode' must be a text, got 1"),
        ({"other": 1}, "other", "unknown option 'other' for widget 'demo' (known: count, flag, mode)"),
        (["flag"], None, "options must be a YAML mapping of name: value"),
    ],
)
def test_bad_options_name_the_key(raw, key, message):
    with pytest.raises(OptionError) as caught:
        DEMO.resolve_options(raw)
    assert (caught.value.key, caught.value.message) == (key, message)


def test_defaults_fill_what_is_not_given():
    assert DEMO.resolve_options(None) == {"flag": True, "count": 3, "mode": "a"}
    assert DEMO.resolve_options({"count": 5}) == {"flag": True, "count": 5, "mode": "a"}


# --- Lists of dates and bounded whole numbers (the follow-up timeline's options).

DATES = Option("closed_days", IsoDates, (), "Closed days.")
GAP = Option("gap", int, 7, "A gap in days.", minimum=1, maximum=30)


@pytest.mark.parametrize(
    "value, resolved",
    [
        ([], ()),
        ([datetime.date(2025, 12, 25)], ("2025-12-25",)),  # YAML's unquoted date
        (["2025-12-25"], ("2025-12-25",)),  # the page sends strings back
        (("2026-01-01", datetime.date(2025, 12, 25), "2025-12-25"), ("2025-12-25", "2026-01-01")),
        (["2024-02-29"], ("2024-02-29",)),
    ],
)
def test_date_lists_resolve_to_sorted_iso_strings(value, resolved):
    assert DATES.check(value) == resolved
    # JSON for the page, and the same again when it comes back.
    assert DATES.check(json.loads(json.dumps(DATES.check(value)))) == resolved


@pytest.mark.parametrize(
    "value, message",
    [
        ("2025-12-25", "option 'closed_days' must be a list of dates written YYYY-MM-DD, got \"2025-12-25\""),
        (
            datetime.date(2025, 12, 25),
            "option 'closed_days' must be a list of dates written YYYY-MM-DD, got 2025-12-25",
        ),
        ({"a": 1}, "option 'closed_days' must be a list of dates written YYYY-MM-DD, got {\"a\": 1}"),
        (["25/12/2025"], "option 'closed_days' must hold dates written YYYY-MM-DD, got \"25/12/2025\""),
        (["2025-02-30"], "option 'closed_days' must hold real dates, got \"2025-02-30\""),
        ([True], "option 'closed_days' must hold dates written YYYY-MM-DD, got true"),
        ([20251225], "option 'closed_days' must hold dates written YYYY-MM-DD, got 20251225"),
        (
            [datetime.datetime(2025, 12, 25, 10)],
            "option 'closed_days' must hold dates written YYYY-MM-DD, got 2025-12-25 10:00:00",
        ),
        (["20251225"], "option 'closed_days' must hold dates written YYYY-MM-DD, got \"20251225\""),
    ],
)
def test_bad_date_lists(value, message):
    with pytest.raises(OptionError) as caught:
        DATES.check(value)
    assert caught.value.key == "closed_days"
    assert caught.value.message == message


@pytest.mark.parametrize("value", [1, 7, 30])
def test_bounded_int_accepts_the_range(value):
    assert GAP.check(value) == value


@pytest.mark.parametrize(
    "option, value, message",
    [
        (GAP, 0, "option 'gap' must be a whole number from 1 to 30, got 0"),
        (GAP, 31, "option 'gap' must be a whole number from 1 to 30, got 31"),
        (GAP, True, "option 'gap' must be a whole number, got true"),
        (GAP, "7", "option 'gap' must be a whole number, got \"7\""),
        (Option("n", int, 1, "", minimum=1), -2, "option 'n' must be a whole number of at least 1, got -2"),
        (Option("n", int, 1, "", maximum=9), 10, "option 'n' must be a whole number of at most 9, got 10"),
    ],
)
def test_bounded_int_errors(option, value, message):
    with pytest.raises(OptionError) as caught:
        option.check(value)
    assert caught.value.message == message


def test_options_without_bounds_are_unchanged():
    assert Option("n", int, 1, "").check(-10_000) == -10_000
    assert Option("flag", bool, True, "").check(False) is False


def test_timeline_fence_options_with_yaml_dates():
    markdown = '```widget follow-up-timeline\nclosed_days: [2025-12-25, "2026-01-01"]\nstay_in_touch_days: 28\n```\n'
    (fence,), errors = find_widget_fences(markdown, "docs/timing.md")
    assert errors == []
    assert fence.options["closed_days"] == ("2025-12-25", "2026-01-01")
    assert json.loads(fence.options_json)["closed_days"] == ["2025-12-25", "2026-01-01"]


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "closed_days: 2025-12-25\n",
            "docs/timing.md:2: widget 'follow-up-timeline': option 'closed_days' must be a list of dates "
            "written YYYY-MM-DD, got 2025-12-25",
        ),
        (
            "heading: x\nsecond_check_days: 0\n",
            "docs/timing.md:3: widget 'follow-up-timeline': option 'second_check_days' must be a whole number "
            "from 1 to 30, got 0",
        ),
        (
            "closed_days:\n  - 25.12.2025\n",
            "docs/timing.md:2: widget 'follow-up-timeline': option 'closed_days' must hold dates written "
            'YYYY-MM-DD, got "25.12.2025"',
        ),
    ],
)
def test_timeline_fence_option_errors(body, message):
    _, errors = find_widget_fences(f"```widget follow-up-timeline\n{body}```\n", "docs/timing.md")
    assert [str(e) for e in errors] == [message]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (datetime.date(2026, 12, 25), "2026-12-25"),
        (datetime.datetime(2026, 12, 25, 9, 30), "2026-12-25 09:30:00"),
        (True, "true"),
        (None, "null"),
        (3.5, "3.5"),
        ("it's", '"it\'s"'),
        ("<b>é</b>", '"<b>é</b>"'),
        ([1, "a", None], '[1, "a", null]'),
        ({"a": [True]}, '{"a": [true]}'),
    ],
)
def test_option_errors_write_values_as_yaml_never_as_python(value, written):
    option = Option("count", int, 1, "How many.")
    with pytest.raises(OptionError) as caught:
        option.check(value)
    assert caught.value.message == f"option 'count' must be a whole number, got {written}"
    assert yaml_text(value) == written
