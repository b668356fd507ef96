"""Pre-compressed copies of the built site's files, made once at build time:
``file.gz`` (gzip, level 9) and ``file.br`` (brotli, best quality) beside
each file worth it. A server sends them as they are (nginx's ``gzip_static``
and ``brotli_static``, see deploy/nginx/) instead of compressing on every
request: gzip on the 9.6 MB wasm per request held nginx to ~6 requests/s.

Brotli at its best level takes over a minute on the Pyodide files, which are
the same in every build: large results are kept in .cache/precompressed/,
named by the content's hash.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "precompressed"
# Files a browser fetches that compress; images other than SVG already are.
SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".zip", ".whl"})
MIN_SIZE = 1024  # smaller files gain nothing worth a second request path
WORTH = 0.95  # a copy is kept only if it saves at least 5%
CACHED_FROM = 256 * 1024  # smaller files are quick to compress again
ENCODINGS: dict[str, Callable[[bytes], bytes]] = {
    # mtime 0 and no file name: the same bytes from every build.
    "gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    "br": lambda data: brotli.compress(data, quality=11),
}
DECODERS: dict[str, Callable[[bytes], bytes]] = {"gz": gzip.decompress, "br": brotli.decompress}


def precompress(site_dir: Path, cache_dir: Path = CACHE) -> list[Path]:
    """Write the compressed copies into ``site_dir``; returns them."""
    written = []
    for path in sorted(p for p in site_dir.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
        data = path.read_bytes()
        if len(data) < MIN_SIZE:
            continue
        for suffix in ENCODINGS:
            packed = _compressed(data, suffix, cache_dir)
            if len(packed) <= WORTH * len(data):
                target = path.with_name(f"{path.name}.{suffix}")
                target.write_bytes(packed)
                written.append(target)
    return written


def _compressed(data: bytes, suffix: str, cache_dir: Path) -> bytes:
    if len(data) < CACHED_FROM:
        return ENCODINGS[suffix](data)
    kept = cache_dir / f"{hashlib.sha256(data).hexdigest()}.{suffix}"
    if kept.exists():
        packed = kept.read_bytes()
        if DECODERS[suffix](packed) == data:  # never ship a damaged copy
            return packed
    packed = ENCODINGS[suffix](data)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = kept.with_name(f"{kept.name}.{os.getpid()}.part")
    partial.write_bytes(packed)
    partial.replace(kept)  # whole or not at all, even with two builds at once
    return packed
