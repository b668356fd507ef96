"""Pre-compressed copies of the site's files, made at build time for the
server to send as they are (build_tools/precompress.py)."""

from __future__ import annotations

import gzip

import brotli

from build_tools.precompress import MIN_SIZE, SUFFIXES, precompress
from tests.support.site_build import temporary_site


def test_every_file_worth_it_has_its_gzip_and_brotli_copy_made_at_build_time():
    with temporary_site() as site:
        files = [p for p in site.rglob("*") if p.is_file() and p.suffix in SUFFIXES and p.stat().st_size >= MIN_SIZE]
        wasm = next(p for p in files if p.name == "pyodide.asm.wasm")
        for path in [wasm, site / "index.html", site / "rejection" / "index.html", site / "404.html"]:
            data = path.read_bytes()
            assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path
            assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
        assert wasm.with_name(wasm.name + ".br").stat().st_size < 0.8 * wasm.with_name(wasm.name + ".gz").stat().st_size
        for path in files:
            for suffix in (".gz", ".br"):
                copy = path.with_name(path.name + suffix)
                # A copy is there only where it saves something.
                assert not copy.exists() or copy.stat().st_size < path.stat().st_size, copy
        # Never a copy of a copy, nor of a tiny file.
        assert not list(site.rglob("*.gz.gz")) and not list(site.rglob("*.br.gz"))
        tiny = [p for p in site.rglob("*") if p.is_file() and p.suffix in SUFFIXES and p.stat().st_size < MIN_SIZE]
        assert all(not p.with_name(p.name + ".br").exists() for p in tiny)


def test_the_copies_are_the_same_bytes_from_every_build_and_a_damaged_cache_is_not_used(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    big = site / "big.js"
    big.write_text("const x = 1;\n" * 40_000)  # large enough to be cached
    first = {p.name: p.read_bytes() for p in precompress(site, cache)}
    assert set(first) == {"big.js.gz", "big.js.br"}
    kept = {p.suffix: p for p in cache.iterdir()}
    assert set(kept) == {".gz", ".br"}
    kept[".br"].write_bytes(brotli.compress(b"something else"))
    second = {p.name: p.read_bytes() for p in precompress(site, cache)}
    assert second == first
    assert brotli.decompress(second["big.js.br"]) == big.read_bytes()
