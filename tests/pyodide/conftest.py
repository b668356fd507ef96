"""Run widget requests inside the real, pinned Pyodide (under Node), installed
the way the browser's worker installs the widgets' wheel."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from build_tools.runtime_assets import build_wheel, ensure_pyodide

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def widgets_wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="session")
def in_pyodide(widgets_wheel):
    """in_pyodide(requests) -> (Python version, [reply JSON strings])."""

    def run(requests: list[dict]) -> tuple[str, list[str]]:
        done = subprocess.run(
            ["node", str(HERE / "run_binding.mjs"), str(ensure_pyodide()), str(widgets_wheel)],
            input=json.dumps(requests),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout)
        return result["python"], result["replies"]

    return run
