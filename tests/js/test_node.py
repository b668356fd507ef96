"""The page runtime's JavaScript unit tests (tests/js/*.test.mjs, Node's own
test runner) and its JSDoc type check, run from pytest so that `make test`
runs them and they count in the per-layer figures."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent


def test_node_unit_tests_pass():
    files = sorted(HERE.glob("*.test.mjs"))
    declared = sum(len(re.findall(r"^test\(", f.read_text(encoding="utf-8"), re.MULTILINE)) for f in files)
    done = subprocess.run(
        ["node", "--test", *[str(f) for f in files]], check=False, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    # Every test declared ran and passed: a file Node failed to load counts.
    assert re.search(rf"^# pass {declared}$", report, re.MULTILINE), report
    assert declared >= 10


@pytest.mark.parametrize("config", ["jsconfig.json", "jsconfig.workers.json"])
def test_the_runtime_type_checks(config):
    # The page runtime (jsconfig.json: a page's globals) and the workers, Python's
    # and the offline one (jsconfig.workers.json: a worker's), are // @ts-check
    # files: TypeScript (a dev dependency) checks their JSDoc types.
    done = subprocess.run(
        [str(ROOT / "node_modules" / ".bin" / "tsc"), "-p", config],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
