"""Pyodide comes from npm, pinned, and is refused when its hash differs."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import replace

import pytest

from build_tools.runtime_assets import PyodidePin, RuntimeAssetError, ensure_pyodide, sri_sha512


def test_sri_hash_is_npm_style(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"abc")
    assert sri_sha512(f) == "sha512-" + base64.b64encode(hashlib.sha512(b"abc").digest()).decode()


def test_pin_names_one_version_and_the_files_a_page_needs():
    pin = PyodidePin.load()
    assert pin.version.count(".") == 2 and pin.integrity.startswith("sha512-")
    assert {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"} <= set(pin.files)


def test_the_cached_runtime_matches_the_pin():
    folder = ensure_pyodide()
    pin = PyodidePin.load()
    assert (folder / ".integrity").read_text().strip() == pin.integrity
    assert sorted(p.name for p in folder.iterdir() if p.name != ".integrity") == sorted(pin.files)


def test_a_tarball_that_does_not_match_the_pin_is_refused(tmp_path):
    wrong = replace(PyodidePin.load(), integrity="sha512-" + base64.b64encode(bytes(64)).decode())
    with pytest.raises(
        RuntimeAssetError, match=r"does not match its pin.*\n  expected sha512-AAAA.*\n  got      sha512-"
    ):
        ensure_pyodide(wrong, cache_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing half-unpacked is left to use
