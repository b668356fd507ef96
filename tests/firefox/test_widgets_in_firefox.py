"""Every widget in Firefox ESR: live, composing, keeping a hostile draft as text."""

from __future__ import annotations

import pytest

from tests.support.engine_checks import (
    CASES,
    check_a_corrupt_snapshot_falls_back,
    check_a_reload_restores_the_snapshot,
    check_a_snapshot_that_keeps_failing_is_no_longer_made,
    check_a_snapshot_under_another_key_is_not_used,
    check_an_isolated_page_composes_hostile_text,
    check_clear_my_data_drops_the_snapshot,
    check_goes_live_and_composes,
    check_hostile_draft_survives_a_reload,
)


@pytest.mark.parametrize("name", CASES)
def test_widget_goes_live_and_composes(firefox, firefox_site, name):
    check_goes_live_and_composes(firefox, firefox_site.url, name)


@pytest.mark.parametrize("name", CASES)
def test_hostile_draft_survives_a_reload_as_text(firefox, firefox_site, name):
    check_hostile_draft_survives_a_reload(firefox, firefox_site.url, name)


@pytest.mark.parametrize("name", CASES)
def test_an_isolated_page_composes_hostile_text(name, firefox, firefox_isolated_site):
    check_an_isolated_page_composes_hostile_text(firefox, firefox_isolated_site.url, name)


def test_a_reload_restores_python_from_the_snapshot(firefox, firefox_site):
    check_a_reload_restores_the_snapshot(firefox, firefox_site.url)


@pytest.mark.parametrize("damage", ["garbage", "not-a-snapshot", "truncated"])
def test_a_corrupt_snapshot_falls_back_to_a_normal_start(firefox, firefox_site, damage):
    check_a_corrupt_snapshot_falls_back(firefox, firefox_site.url, damage)


def test_a_snapshot_that_keeps_failing_is_no_longer_made(firefox, firefox_site):
    check_a_snapshot_that_keeps_failing_is_no_longer_made(firefox, firefox_site.url)


def test_a_snapshot_under_another_key_is_not_used(firefox, firefox_site):
    check_a_snapshot_under_another_key_is_not_used(firefox, firefox_site.url)


def test_clear_my_data_drops_the_snapshot(firefox, firefox_site):
    check_clear_my_data_drops_the_snapshot(firefox, firefox_site.url)
