"""Everything the widgets need at run time, put into the built site.

- Pyodide, pinned in ``pyodide-pin.toml``: fetched once with ``npm pack``, its
  sha512 checked against the pin, unpacked into ``.cache/`` (outside site/).
- The widgets' Python, built as a standard pure-Python wheel (flit_core), and
  a trimmed standard library, both as bytecode (``stdlib_bytecode.py``).
- The page runtime from ``web/``.
- ``runtime-manifest.json``: where the worker finds each file, with its
  Subresource Integrity, and a minimal package lock (Pyodide's own, 119 KB,
  stays out of the site: the worker installs the wheel itself).

Versioned folders (the Pyodide version, the wheel's content hash) keep every
URL unique to its content, so a host may cache those files for ever.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from build_tools.errors import BuildError
from build_tools.widget_html import INLINED_SCRIPTS

ROOT = Path(__file__).resolve().parent.parent
PIN_FILE = Path(__file__).resolve().parent / "pyodide-pin.toml"
CACHE_DIR = ROOT / ".cache" / "pyodide"
WEB_DIR = ROOT / "web"

# Where things land inside the site; the page runtime finds the rest from here.
RUNTIME_DIR = "assets/widget-runtime"
MANIFEST_NAME = "runtime-manifest.json"
RUNTIME_SCRIPT = f"{RUNTIME_DIR}/widget-runtime.js"  # also named in mkdocs.yml
# Read at build time (for the minimal lock), never shipped.
LOCK_FILE = "pyodide-lock.json"


class RuntimeAssetError(BuildError, RuntimeError):
    """Pyodide could not be fetched or checked, or the wheel not built."""


@dataclass(frozen=True)
class PyodidePin:
    version: str
    integrity: str
    files: tuple[str, ...]

    @classmethod
    def load(cls, path: Path = PIN_FILE) -> PyodidePin:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(data["version"], data["integrity"], tuple(data["files"]))


def sri_hash(path: Path, algorithm: str) -> str:
    """The file's hash as a Subresource Integrity value ("<algorithm>-<base64>"),
    the form npm's integrity and the browser's fetch(integrity) both use."""
    digest = hashlib.new(algorithm)
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return f"{algorithm}-" + base64.b64encode(digest.digest()).decode("ascii")


def sri_sha512(path: Path) -> str:
    return sri_hash(path, "sha512")


def npm_reason(stderr: str) -> str:
    """npm's error output (a code, a message, a stack) as one line."""
    lines = [
        line.split(" ", 2)[2].strip() for line in stderr.splitlines() if line.startswith(("npm error ", "npm ERR! "))
    ]
    code = next((line.split()[1] for line in lines if line.startswith("code ")), None)
    skipped = ("code ", "syscall ", "errno ", "at ", "{", "}", "A complete log")
    message = next((line for line in lines if line and not line.startswith(skipped)), None)
    if message is None:
        message = next((line.strip() for line in reversed(stderr.splitlines()) if line.strip()), "no message")
    return f"{message} (npm error {code})" if code else message


def ensure_pyodide(pin: PyodidePin | None = None, cache_dir: Path = CACHE_DIR) -> Path:
    """The folder holding the pinned Pyodide's files, fetching it if needed."""
    pin = pin or PyodidePin.load()
    target = cache_dir / pin.version
    stamp = target / ".integrity"
    if (
        stamp.is_file()
        and stamp.read_text().strip() == pin.integrity
        and all((target / name).is_file() for name in pin.files)
    ):
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as tmp:
        tmp_path = Path(tmp)
        try:
            subprocess.run(
                ["npm", "pack", f"pyodide@{pin.version}", "--pack-destination", str(tmp_path)],
                check=True,
                capture_output=True,
                text=True,
            )
        except FileNotFoundError:
            raise RuntimeAssetError("npm is needed to fetch Pyodide and was not found") from None
        except subprocess.CalledProcessError as exc:
            raise RuntimeAssetError(f"npm pack pyodide@{pin.version} failed: {npm_reason(exc.stderr)}") from None
        (tarball,) = tmp_path.glob("pyodide-*.tgz")
        actual = sri_sha512(tarball)
        if actual != pin.integrity:
            raise RuntimeAssetError(
                f"pyodide@{pin.version} does not match its pin in {PIN_FILE.name}:\n"
                f"  expected {pin.integrity}\n  got      {actual}"
            )
        unpacked = tmp_path / "unpacked"
        unpacked.mkdir()
        with tarfile.open(tarball) as tar:
            for name in pin.files:
                member = tar.getmember(f"package/{name}")
                tar.extract(member, unpacked, filter="data")
        (unpacked / "package" / ".integrity").write_text(pin.integrity + "\n")
        if target.exists():
            shutil.rmtree(target)
        (unpacked / "package").rename(target)
    return target


def wheel_mount(wheel_name: str) -> str:
    """Where the worker writes the wheel in Pyodide's file system. Python
    imports from it there, as it imports the standard library from
    /lib/python314.zip (zipimport): nothing is unpacked. The wheel's bytecode
    is compiled under these paths, so tracebacks name them."""
    return "/lib/" + wheel_name


def build_wheel(out_dir: Path) -> Path:
    """The widgets package as a py3-none-any wheel, byte-for-byte reproducible."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    # flit_core's build hook, in a child process: it works on the current
    # directory and reads SOURCE_DATE_EPOCH for the zip timestamps.
    code = "import sys; from flit_core import buildapi; print(buildapi.build_wheel(sys.argv[1]))"
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(out_dir)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    except subprocess.CalledProcessError as exc:
        raise RuntimeAssetError(f"building the widgets' wheel failed:\n{exc.stderr}") from None
    return out_dir / done.stdout.strip().splitlines()[-1]


def minimal_lock(pyodide_dir: Path) -> dict:
    """Pyodide's lock reduced to what loadPyodide reads at start: its ``info``.
    The worker fetches the widgets' wheel itself, with integrity."""
    lock = json.loads((pyodide_dir / LOCK_FILE).read_text(encoding="utf-8"))
    return {"info": lock["info"], "packages": {}}


def _ship(src: Path, site_dir: Path, folder: str) -> str:
    """Copy ``src`` into ``assets/<folder>/<its content hash>/``; its path
    relative to the runtime folder, as the manifest names it."""
    digest = hashlib.sha256(src.read_bytes()).hexdigest()[:16]
    target = site_dir / "assets" / folder / digest
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, target / src.name)
    return f"../{folder}/{digest}/{src.name}"


class FullStdlib(TypedDict):
    url: str
    sha256: str  # checked in Python by web/stdlib_fallback.py


class RuntimeManifest(TypedDict):
    """runtime-manifest.json, as web/python-boot.js reads it. Paths are
    relative to the runtime folder."""

    pyodide: str  # Pyodide's folder
    wheel: str  # the widgets' wheel, with bytecode
    wheelMount: str  # where the worker writes it for Python to import from (wheel_mount)
    stdlib: str  # the trimmed standard library, bytecode
    stdlibFull: FullStdlib  # Pyodide's full standard library, on first need
    lock: dict  # the minimal lock loadPyodide starts with
    integrity: dict[str, str]  # path: Subresource Integrity, for every file fetched
    snapshotKey: str  # names the memory snapshot made from these files


def install_runtime(site_dir: Path) -> RuntimeManifest:
    """Copy the page runtime, Pyodide, the trimmed standard library and the
    wheel into ``site_dir``.

    Returns the manifest the worker reads: paths relative to the runtime
    folder, each file's integrity, and the lock to start Pyodide with.
    """
    from build_tools.stdlib_bytecode import ensure_bytecode  # it builds on this module

    pin = PyodidePin.load()
    pyodide_src = ensure_pyodide(pin)
    bytecode = ensure_bytecode(pin)
    runtime = site_dir / RUNTIME_DIR
    runtime.mkdir(parents=True, exist_ok=True)
    inlined = {script.name for script in INLINED_SCRIPTS}
    for src in WEB_DIR.iterdir():
        # offline-worker.js is a template: build_tools/offline.py writes the
        # worker itself to the site's root. The inlined scripts are in the
        # pages (build_tools/widget_html.py).
        if src.suffix in {".js", ".css"} and src.name not in {"offline-worker.js", *inlined}:
            shutil.copy2(src, runtime / src.name)

    pyodide_dst = site_dir / "assets" / "pyodide" / pin.version
    pyodide_dst.mkdir(parents=True, exist_ok=True)
    for name in pin.files:
        if name != LOCK_FILE:
            shutil.copy2(pyodide_src / name, pyodide_dst / name)

    pyodide = f"../pyodide/{pin.version}/"
    full_stdlib = pyodide_dst / "python_stdlib.zip"
    wheel = _ship(bytecode.wheel, site_dir, "widgets")
    # Bytecode of the modules the widgets import; the rest, on first need,
    # from the full zip (web/stdlib_fallback.py checks its sha256).
    stdlib = _ship(bytecode.stdlib_zip, site_dir, "stdlib")
    # Every file the worker or Pyodide fetches (not imports) is checked.
    integrity = {rel: sri_hash(runtime / rel, "sha384") for rel in (wheel, stdlib, pyodide + "pyodide.asm.wasm")}
    manifest: RuntimeManifest = {
        "pyodide": pyodide,
        "wheel": wheel,
        "wheelMount": wheel_mount(bytecode.wheel.name),
        "stdlib": stdlib,
        "stdlibFull": {
            "url": pyodide + full_stdlib.name,
            "sha256": hashlib.sha256(full_stdlib.read_bytes()).hexdigest(),
        },
        "lock": minimal_lock(pyodide_src),
        "integrity": integrity,
        # A memory snapshot of the started interpreter is only good for these
        # very files (web/python-snapshot.js).
        "snapshotKey": hashlib.sha256(json.dumps(integrity, sort_keys=True).encode()).hexdigest()[:20],
    }
    (runtime / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main() -> int:
    """``make setup``: fetch the pinned Pyodide; a failure is one message."""
    try:
        print(f"Pyodide ready in {ensure_pyodide()}")
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
