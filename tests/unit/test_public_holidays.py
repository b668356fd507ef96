"""build_tools.public_holidays: the guide's region from mkdocs.yml, its holidays as data."""

import datetime
import json

import pytest

from build_tools.public_holidays import HolidayData, Region, RegionError, holiday_data, load_region, main

TODAY = datetime.date(2026, 11, 22)


def test_unset_region_is_the_documented_default():
    assert load_region(None) == Region("US")


def test_false_turns_public_holidays_off():
    assert load_region(False) is None
    assert holiday_data(None, TODAY) is None


@pytest.mark.parametrize(
    "raw, region",
    [
        ({"country": "GB", "subdivision": "SCT"}, Region("GB", "SCT")),
        ({"country": "de", "subdivision": "by"}, Region("DE", "BY")),
        ({"country": " CA "}, Region("CA")),
        ({"country": "US", "subdivision": ""}, Region("US")),
    ],
)
def test_regions_as_centers_write_them(raw, region):
    assert load_region(raw) == region


@pytest.mark.parametrize(
    "raw, message",
    [
        (
            {"country": "XX"},
            "mkdocs.yml: extra.holidays.country: 'XX' is not a country the holidays package knows",
        ),
        ({"country": 44}, "mkdocs.yml: extra.holidays.country: 44 is not a country"),
        ({}, "mkdocs.yml: extra.holidays.country: None is not a country"),
        (
            {"country": "US", "subdivision": "ZZ"},
            "mkdocs.yml: extra.holidays.subdivision: 'ZZ' is not a subdivision of US (valid: AK, AL,",
        ),
        ({"contry": "US"}, "mkdocs.yml: extra.holidays.contry: unknown key (known: country, subdivision)"),
        ("US", "mkdocs.yml: extra.holidays: must be lines of 'country: XX'"),
    ],
)
def test_a_bad_region_names_the_key_and_points_to_the_valid_codes(raw, message):
    with pytest.raises(RegionError) as caught:
        load_region(raw)
    assert str(caught.value).startswith(message)
    if "unknown key" not in message and "must be lines" not in message:
        assert str(caught.value).endswith("the valid codes: python -m build_tools.public_holidays --list")


def test_the_valid_codes_command_lists_countries_and_subdivisions(capsys):
    assert main(["--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "CA: AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT" in lines
    assert any(line.startswith("GB: ") and "SCT" in line for line in lines)


def test_holiday_data_covers_every_year_a_plan_can_reach():
    data = holiday_data(Region("US"), TODAY)
    assert (data["first_year"], data["last_year"]) == (2025, 2031)
    assert data["days"]["2026-11-26"] == "Thanksgiving Day"
    assert data["days"]["2026-12-25"] == "Christmas Day"
    assert data["days"]["2031-01-01"] == "New Year's Day"
    assert data["days"]["2026-07-03"] == "Independence Day (observed)"
    assert min(data["days"]) >= "2025-01-01" and max(data["days"]) <= "2031-12-31"
    # Plain JSON, small enough to ship in every page that holds the widget.
    assert json.loads(json.dumps(data)) == data and len(json.dumps(data)) < 6000
    assert set(HolidayData.__annotations__) == set(data)


def test_subdivision_holidays_differ():
    england = holiday_data(Region("GB", "ENG"), TODAY)["days"]
    scotland = holiday_data(Region("GB", "SCT"), TODAY)["days"]
    assert england["2026-04-06"] == "Easter Monday"
    assert "2026-04-06" not in scotland
    assert scotland["2026-01-02"] == "New Year Holiday"
    assert holiday_data(Region("GB", "SCT"), TODAY)["region"] == "GB-SCT"
