"""Every widget in WebKitGTK: live, composing, keeping a hostile draft as text."""

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
def test_widget_goes_live_and_composes(webkit, webkit_site, name):
    check_goes_live_and_composes(webkit, webkit_site.url, name)


@pytest.mark.parametrize("name", CASES)
def test_hostile_draft_survives_a_reload_as_text(webkit, webkit_site, name):
    check_hostile_draft_survives_a_reload(webkit, webkit_site.url, name)


@pytest.mark.parametrize("name", CASES)
def test_an_isolated_page_composes_hostile_text(name, webkit, webkit_isolated_site):
    check_an_isolated_page_composes_hostile_text(webkit, webkit_isolated_site.url, name)


def test_a_reload_restores_python_from_the_snapshot(webkit, webkit_site):
    check_a_reload_restores_the_snapshot(webkit, webkit_site.url)


@pytest.mark.parametrize("damage", ["garbage", "not-a-snapshot", "truncated"])
def test_a_corrupt_snapshot_falls_back_to_a_normal_start(webkit, webkit_site, damage):
    check_a_corrupt_snapshot_falls_back(webkit, webkit_site.url, damage)


def test_a_snapshot_that_keeps_failing_is_no_longer_made(webkit, webkit_site):
    check_a_snapshot_that_keeps_failing_is_no_longer_made(webkit, webkit_site.url)


def test_a_snapshot_under_another_key_is_not_used(webkit, webkit_site):
    check_a_snapshot_under_another_key_is_not_used(webkit, webkit_site.url)


def test_clear_my_data_drops_the_snapshot(webkit, webkit_site):
    check_clear_my_data_drops_the_snapshot(webkit, webkit_site.url)
