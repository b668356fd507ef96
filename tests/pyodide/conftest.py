"""Run widget requests inside the real, pinned Pyodide (under Node), installed
the way the browser's worker installs the widgets' wheel."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.runtime_assets import build_wheel
from tests.support.in_pyodide import run_binding


@pytest.fixture(scope="session")
def widgets_wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def in_pyodide(widgets_wheel):
    """in_pyodide(requests) -> (Python version, [reply JSON strings])."""

    def run(requests: list[dict]) -> tuple[str, list[str]]:
        result = run_binding(widgets_wheel, requests)
        return result["python"], result["replies"]

    return run
