"""The rest of the standard library, fetched on first need.

The site ships a trimmed standard library: bytecode for the modules the widgets
were seen to import (build_tools/stdlib_bytecode.py). Any other standard-library
module still imports: this finder, last on ``sys.meta_path``, fetches Pyodide's
full ``python_stdlib.zip`` once (through a synchronous function the worker
provides), checks its sha256, writes it into the file system and imports from it.
A name that is in no standard library fails as usual, with nothing fetched.

Compiled into the trimmed zip as ``_guide_stdlib_fallback``; the build appends
``MODULES``, every module name the full zip holds. It keeps no reference to a
JavaScript object, so a memory snapshot of the interpreter can hold it.
"""

import hashlib
import os
import sys
import zipimport

FULL_ZIP = "/lib/python_stdlib_full.zip"
MODULES: frozenset[str] = frozenset()  # filled in by the build


class FullStdlibFinder:
    def __init__(self, fetcher: str, sha256: str):
        # The name of a global JavaScript function returning the zip's bytes.
        self.fetcher = fetcher
        self.sha256 = sha256
        self.fetched = 0  # how many times the full zip was fetched (tests read it)

    def find_spec(self, name, path=None, target=None):
        if name not in MODULES:
            return None
        self._ensure_full_zip()
        package = name.rpartition(".")[0]
        where = FULL_ZIP + ("/" + package.replace(".", "/") + "/" if package else "")
        return zipimport.zipimporter(where).find_spec(name)

    def _ensure_full_zip(self):
        if os.path.exists(FULL_ZIP):
            return
        import js  # only now: nothing JavaScript is held between imports

        data = getattr(js, self.fetcher)()
        data = data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise ImportError("the full standard library failed its integrity check: it was not used")
        with open(FULL_ZIP, "wb") as f:
            f.write(data)
        self.fetched += 1


def install(fetcher: str, sha256: str) -> FullStdlibFinder:
    for finder in sys.meta_path:
        if isinstance(finder, FullStdlibFinder):
            return finder
    finder = FullStdlibFinder(fetcher, sha256)
    sys.meta_path.append(finder)
    return finder
