"""Test layers: each folder of tests/ that holds test files is one layer (unit,
build, pyodide, e2e, firefox, webkit, ...). pytest prints how many tests each
layer collected and how they ended; with ``--every-layer`` (``make test``,
``.ci/run``) a layer that collects no test stops the run before any test, so a
folder pytest silently skips cannot pass for protected."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import settings

# The checks shared by the browser layers live in tests/support: rewritten
# like test modules, their failed asserts show the values compared.
pytest.register_assert_rewrite("tests.support")

# CI (CI=true) explores the same examples on every run, so a red CI can be
# reproduced; local runs stay random and keep finding new cases.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

TESTS = Path(__file__).resolve().parent


def layers_on_disk() -> list[str]:
    return sorted(
        folder.name
        for folder in TESTS.iterdir()
        if folder.is_dir() and folder.name != "support" and any(folder.rglob("test_*.py"))
    )


def layer_of(item: pytest.Item | pytest.TestReport) -> str:
    """The folder of tests/ a test or its report comes from."""
    path = Path(item.path if isinstance(item, pytest.Item) else item.fspath).resolve()
    relative = path.relative_to(TESTS)
    return relative.parts[0] if len(relative.parts) > 1 else "."


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--every-layer",
        action="store_true",
        help="fail before running anything if a folder of tests/ collects no test",
    )


def pytest_collection_finish(session: pytest.Session) -> None:
    counts = Counter(layer_of(item) for item in session.items)
    session.config.stash[_COUNTS] = counts
    if session.config.getoption("--every-layer"):
        empty = [layer for layer in layers_on_disk() if not counts[layer]]
        if empty:
            raise pytest.UsageError(f"these test layers collected no test: {', '.join(empty)}")


_COUNTS = pytest.StashKey[Counter]()
_outcomes_seen: list[tuple[pytest.TestReport, str]] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or report.outcome != "passed":
        _outcomes_seen.append((report, report.outcome))


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    counts = config.stash.get(_COUNTS, None)
    if counts is None:
        return
    # One outcome per test: the worst of its phases (set-up, call, tear-down).
    rank = {"passed": 0, "skipped": 1, "failed": 2}
    worst: dict[tuple[str, str], str] = {}
    for report, outcome in _outcomes_seen:
        key = (layer_of(report), report.nodeid)
        if rank[outcome] >= rank[worst.get(key, "passed")]:
            worst[key] = outcome
    ended: dict[str, Counter] = {}
    for (layer, _), outcome in worst.items():
        ended.setdefault(layer, Counter())[outcome] += 1
    terminalreporter.section("tests per layer")
    for layer in sorted(set(counts) | set(layers_on_disk())):
        done = ended.get(layer, Counter())
        figures = ", ".join(f"{done[o]} {o}" for o in ("passed", "failed", "skipped") if done[o])
        terminalreporter.write_line(f"{layer:10} {counts[layer]:5} collected" + (f"  ({figures})" if figures else ""))
