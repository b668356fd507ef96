"""The trimmed standard library: bytecode compiled inside the pinned Pyodide,
for every module the widgets import, derived from the in-Pyodide test corpus."""

from __future__ import annotations

import json
import struct
import zipfile

import pytest

from build_tools.runtime_assets import PyodidePin, wheel_mount
from build_tools.stdlib_bytecode import cache_key, ensure_bytecode
from tests.pyodide import test_checklist_in_pyodide, test_note_in_pyodide, test_timeline_in_pyodide
from tests.support.in_pyodide import run_binding

# The corpus's requests with a fixed clock: their replies must not differ by
# a single character between a source and a bytecode start.
CORPUS = [
    *test_checklist_in_pyodide.REQUESTS,
    *test_note_in_pyodide.REQUESTS,
    *test_timeline_in_pyodide.CASES.values(),
]


@pytest.fixture(scope="module")
def bytecode():
    return ensure_bytecode()


def pyc_header(data: bytes) -> tuple[bytes, int]:
    magic, flags = data[:4], struct.unpack("<I", data[4:8])[0]
    return magic, flags


def test_the_trace_found_the_widgets_imports(bytecode):
    modules = set(bytecode.modules)
    # What the widgets import at the top of their modules, and at run time.
    assert {"json/__init__.py", "datetime.py", "dataclasses.py", "re/__init__.py"} <= modules
    assert "pkgutil.py" in modules  # cliches.json
    # Nothing the widgets never import (a typical pick: the whole email package).
    assert not any(m.startswith(("email/", "tkinter/", "unittest/")) for m in modules)


def test_the_trimmed_zip_holds_bytecode_for_every_module_the_widgets_import(bytecode):
    archive = zipfile.ZipFile(bytecode.stdlib_zip)
    names = set(archive.namelist())
    assert {m[:-3] + ".pyc" for m in bytecode.modules} | {"_guide_stdlib_fallback.pyc"} <= names
    assert not [n for n in names if not n.endswith(".pyc")]  # bytecode only, no sources
    headers = {pyc_header(archive.read(n)) for n in names}
    (_magic, flags), *others = headers
    assert others == []  # one interpreter's magic number for all
    assert flags == 0b01  # PEP 552: hash-based, unchecked
    # Reproducible: fixed timestamps, sorted entries.
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert archive.namelist() == sorted(archive.namelist())


def test_the_wheel_carries_its_bytecode_where_zipimport_reads_it(bytecode):
    archive = zipfile.ZipFile(bytecode.wheel)
    sources = [n for n in archive.namelist() if n.endswith(".py")]
    compiled = {n for n in archive.namelist() if n.endswith(".pyc")}
    # Beside each source (zipimport never looks in __pycache__/), unchecked-hash.
    assert sources and compiled == {n[:-3] + ".pyc" for n in sources}
    headers = {pyc_header(archive.read(n)) for n in compiled}
    assert [flags for _magic, flags in headers] == [0b01]  # one magic number, unchecked-hash
    # Compiled for the path the worker gives it: tracebacks name the real file.
    mount = wheel_mount(bytecode.wheel.name)
    assert all(f"{mount}/{n[:-1]}".encode() in archive.read(n) for n in compiled)
    record = archive.read(next(n for n in archive.namelist() if n.endswith("RECORD"))).decode()
    assert all(name in record for name in compiled)


def test_the_cache_key_follows_the_pin_and_the_sources():
    pin = PyodidePin.load()
    assert cache_key(pin) == cache_key(pin)
    assert cache_key(pin) != cache_key(PyodidePin(pin.version, pin.integrity + "x", pin.files))


def test_widgets_answer_the_same_from_bytecode_without_fetching_the_rest(bytecode):
    source = run_binding(bytecode.wheel, CORPUS)
    compiled = run_binding(bytecode.wheel, CORPUS, stdlib=bytecode.stdlib_zip)
    assert compiled["fullStdlibFetched"] == 0  # every import was in the trimmed set
    assert [json.loads(r) for r in compiled["replies"]] == [json.loads(r) for r in source["replies"]]
