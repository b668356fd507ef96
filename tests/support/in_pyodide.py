"""Run widget requests inside the real, pinned Pyodide, under Node
(tests/pyodide/run_binding.mjs installs the wheel as the browser's worker does)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from build_tools.runtime_assets import ensure_pyodide, wheel_mount

RUN_BINDING = Path(__file__).resolve().parents[1] / "pyodide" / "run_binding.mjs"


def run_binding(wheel: Path, requests: list[dict], stdlib: Path | None = None) -> dict:
    """{"python": version, "replies": [reply JSON strings]}; with ``stdlib`` (a
    trimmed standard library), also "fullStdlibFetched"."""
    command = ["node", str(RUN_BINDING), str(ensure_pyodide()), str(wheel), wheel_mount(wheel.name)]
    if stdlib:
        command.append(str(stdlib))
    done = subprocess.run(command, input=json.dumps(requests), capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)
