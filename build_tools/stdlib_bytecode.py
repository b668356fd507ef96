"""Bytecode for the reader's Python, compiled at build time inside the pinned Pyodide.

Pyodide's ``python_stdlib.zip`` holds 559 modules as source: every page start
compiled the ~190 a widget session imports (over a second of CPU). Host CPython
cannot compile for Pyodide's CPython 3.14, so Pyodide compiles for itself, under
Node (``in_pyodide/``):

1. Trace: the whole in-Pyodide widget test corpus (``tests/pyodide/``, run by
   pytest with ``WIDGETS_IMPORT_TRACE`` set) records which standard-library files
   a session imports. The set is derived, never listed by hand.
2. Compile: those modules (and what the fallback finder needs) into a trimmed
   zip of unchecked-hash ``.pyc``; the widgets' wheel gets its bytecode too.
   Any other module still imports: ``web/stdlib_fallback.py`` fetches the full
   zip on first need.

The result is cached under ``.cache/bytecode/<key>``, the key a hash of the
Pyodide pin, the widgets' source, the test corpus and this machinery.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from build_tools.runtime_assets import (
    ROOT,
    WEB_DIR,
    PyodidePin,
    RuntimeAssetError,
    build_wheel,
    ensure_pyodide,
    wheel_mount,
)

CACHE_DIR = ROOT / ".cache" / "bytecode"
IN_PYODIDE = Path(__file__).resolve().parent / "in_pyodide"
FALLBACK_SOURCE = WEB_DIR / "stdlib_fallback.py"
CORPUS = ROOT / "tests" / "pyodide"
TRACE_ENV = "WIDGETS_IMPORT_TRACE"
STDLIB_ZIP = "python_stdlib.zip"


@dataclass(frozen=True)
class Bytecode:
    stdlib_zip: Path  # the trimmed standard library, bytecode only
    wheel: Path  # the widgets' wheel, with bytecode
    modules: tuple[str, ...]  # the standard-library files the trace found


def _inputs() -> list[Path]:
    """Every file whose change changes the output."""
    files = [p for p in (ROOT / "widgets").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += [p for p in CORPUS.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += [Path(__file__), FALLBACK_SOURCE, ROOT / "pyproject.toml", *sorted(IN_PYODIDE.iterdir())]
    return sorted(set(files))


def cache_key(pin: PyodidePin) -> str:
    digest = hashlib.sha256(f"{pin.version}\0{pin.integrity}\0".encode())
    for path in _inputs():
        if path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:20]


def trace_imports(work: Path) -> list[str]:
    """The standard-library files the in-Pyodide test corpus imports."""
    trace = work / "imports.jsonl"
    env = dict(os.environ, **{TRACE_ENV: str(trace)})
    done = subprocess.run(
        [sys.executable, "-m", "pytest", str(CORPUS), "-q", "-p", "no:cacheprovider", "-o", "addopts="],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    # A failing parity test still traced its imports: the site can be built.
    # Anything else (no test ran, pytest itself broke) leaves no trace to trust.
    if done.returncode not in (0, 1) or not trace.is_file():
        raise RuntimeAssetError(f"tracing the widgets' imports in Pyodide failed:\n{done.stdout}{done.stderr}")
    files: set[str] = set()
    for line in trace.read_text(encoding="utf-8").splitlines():
        files.update(json.loads(line))
    return sorted(f for f in files if f.endswith(".py"))


def run_in_pyodide(script: str, job: dict, work: Path) -> None:
    job_file = work / f"{script}.json"
    job_file.write_text(json.dumps(job), encoding="utf-8")
    done = subprocess.run(
        ["node", str(IN_PYODIDE / "run.mjs"), str(ensure_pyodide()), str(IN_PYODIDE / script), str(job_file)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode:
        raise RuntimeAssetError(f"{script} failed inside Pyodide:\n{(done.stdout + done.stderr)[-3000:]}")


def ensure_bytecode(pin: PyodidePin | None = None, cache_dir: Path = CACHE_DIR) -> Bytecode:
    """The trimmed standard library and compiled wheel, built once per key."""
    pin = pin or PyodidePin.load()
    target = cache_dir / cache_key(pin)
    if not (target / "modules.json").is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
            work = Path(tmp)
            modules = trace_imports(work)
            wheel = build_wheel(work / "source-wheel")
            out = work / "out"
            out.mkdir()
            job = {
                "inputs": {"/in/full.zip": str(ensure_pyodide(pin) / STDLIB_ZIP), "/in/widgets.whl": str(wheel)},
                "outputs": {"/out/stdlib.zip": str(out / STDLIB_ZIP), "/out/widgets.whl": str(out / wheel.name)},
                "args": {
                    "full_zip": "/in/full.zip",
                    "wheel": "/in/widgets.whl",
                    "modules": modules,
                    "fallback": FALLBACK_SOURCE.read_text(encoding="utf-8"),
                    "out_zip": "/out/stdlib.zip",
                    "out_wheel": "/out/widgets.whl",
                    "wheel_mount": wheel_mount(wheel.name),
                },
            }
            run_in_pyodide("compile_bytecode.py", job, work)
            (out / "modules.json").write_text(json.dumps(modules, indent=1) + "\n", encoding="utf-8")
            if target.exists():
                shutil.rmtree(target)
            out.rename(target)
    traced = tuple(json.loads((target / "modules.json").read_text(encoding="utf-8")))
    (wheel,) = target.glob("*.whl")
    return Bytecode(target / STDLIB_ZIP, wheel, traced)


if __name__ == "__main__":
    print(ensure_bytecode())
