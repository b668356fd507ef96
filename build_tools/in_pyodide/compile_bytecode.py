"""Inside the pinned Pyodide (run by run.mjs): bytecode for Pyodide's CPython.

ARGS: full_zip, modules (zip entries to keep, e.g. "json/decoder.py"),
fallback (source of the fallback finder), wheel, out_zip, out_wheel,
wheel_mount (where the worker puts the wheel: build_tools/runtime_assets.py).

Writes a trimmed standard library zip holding only ``.pyc`` files (PEP 552
unchecked-hash, so nothing is compared with a source that is not there), and
the widgets' wheel with each module's bytecode beside its source, where
zipimport looks for it (the worker imports from the wheel as it stands).
Reproducible: sorted entries, fixed 1980 timestamps, fixed permissions.
"""

import sys

ARGS: dict = globals()["ARGS"]  # set by run.mjs


def stdlib_files() -> set[str]:
    return {
        f[len(STDLIB_PREFIX) :]
        for f in (getattr(m, "__file__", None) or "" for m in list(sys.modules.values()))
        if f.startswith(STDLIB_PREFIX)
    }


# What the fallback finder imports (hashlib...) is in the trimmed zip too:
# traced here, before this script imports anything else.
STDLIB_PREFIX = "/lib/python{}{}.zip/".format(*sys.version_info[:2])
exec(compile(ARGS["fallback"], "_guide_stdlib_fallback.py", "exec"), {"__name__": "_guide_stdlib_fallback"})
FALLBACK_IMPORTS = stdlib_files()

import base64  # noqa: E402
import csv  # noqa: E402
import hashlib  # noqa: E402
import importlib.util  # noqa: E402
import io  # noqa: E402
import zipfile  # noqa: E402
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]  # noqa: E402

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def pyc(source: bytes, filename: str) -> bytes:
    code = compile(source, filename, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))


def entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def write_zip(path: str, files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compresslevel=9) as out:
        for name in sorted(files):
            out.writestr(entry(name), files[name])


def module_name(entry_name: str) -> str:
    stem = entry_name[: -len(".py")]
    if stem.endswith("/__init__"):
        stem = stem[: -len("/__init__")]
    return stem.replace("/", ".")


def trimmed_stdlib() -> None:
    full = zipfile.ZipFile(ARGS["full_zip"])
    every_module = sorted(module_name(n) for n in full.namelist() if n.endswith(".py"))
    files = {}
    for name in sorted(set(ARGS["modules"]) | FALLBACK_IMPORTS):
        files[name[:-3] + ".pyc"] = pyc(full.read(name), STDLIB_PREFIX + name)
    fallback = ARGS["fallback"].replace(
        "MODULES: frozenset[str] = frozenset()  # filled in by the build",
        f"MODULES: frozenset[str] = frozenset({every_module!r})",
    )
    files["_guide_stdlib_fallback.pyc"] = pyc(fallback.encode("utf-8"), STDLIB_PREFIX + "_guide_stdlib_fallback.py")
    write_zip(ARGS["out_zip"], files)


def record_hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def compiled_wheel() -> None:
    wheel = zipfile.ZipFile(ARGS["wheel"])
    files = {name: wheel.read(name) for name in wheel.namelist()}
    (record,) = [name for name in files if name.endswith(".dist-info/RECORD")]
    for name in list(files):
        if name.endswith(".py"):
            # zipimport reads "x.pyc" beside "x.py" (never __pycache__/), and
            # leaves the compiled file name as it is: the path it will have.
            files[name[:-3] + ".pyc"] = pyc(files[name], f"{ARGS['wheel_mount']}/{name}")
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    for name in sorted(files):
        if name != record:
            writer.writerow([name, record_hash(files[name]), len(files[name])])
    writer.writerow([record, "", ""])
    files[record] = rows.getvalue().encode("utf-8")
    write_zip(ARGS["out_wheel"], files)


trimmed_stdlib()
compiled_wheel()
