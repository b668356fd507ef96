"""widgets/registry.py: widgets imported on first use, or all at once before a snapshot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter: which modules of the widgets package are imported, after `code`.
PROBE = """
import json, sys
{code}
print(json.dumps(sorted(m for m in sys.modules if m == "widgets" or m.startswith("widgets."))))
"""


def printed(code: str) -> str:
    """What `code` prints, run by a fresh interpreter."""
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def imported_after(code: str) -> list[str]:
    return json.loads(printed(PROBE.format(code=code)))


def test_a_widget_is_imported_on_first_use_only():
    imported = imported_after("from widgets.registry import get_widget; get_widget('rejection-checklist')")
    assert "widgets.rejection_checklist" in imported
    assert "widgets.thank_you_note" not in imported and "widgets.follow_up_timeline" not in imported


def test_import_all_imports_every_widget():
    imported = imported_after("from widgets.registry import import_all; import_all()")
    assert {"widgets.rejection_checklist", "widgets.thank_you_note", "widgets.follow_up_timeline"} <= set(imported)


def test_import_all_imports_every_module_of_the_package():
    # A page restored from a snapshot answers its first views before the
    # wheel's files are unpacked (web/python-boot.js): nothing may be left to import.
    imported = set(imported_after("from widgets.registry import import_all; import_all()"))
    on_disk = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in (ROOT / "widgets").rglob("*.py")
    }
    assert len(on_disk) > 30 and on_disk <= imported, sorted(on_disk - imported)


def test_import_all_warms_what_a_module_leaves_to_first_use():
    # The note builder compiles its panel patterns on a panel's first comparison,
    # not at import (a cold start's first view skips them); a snapshot holds them.
    compiled = (
        "import widgets.thank_you_note.logic as logic; "
        "print(logic._stock_patterns.cache_info().currsize, logic._frame_patterns.cache_info().currsize)"
    )
    assert printed(compiled).split() == ["0", "0"]
    assert printed("from widgets.registry import import_all; import_all(); " + compiled).split() == ["1", "1"]
