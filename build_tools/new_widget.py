"""``python -m build_tools.new_widget NAME``: a new widget that works at once.

Writes, for NAME (``salary-negotiator``: lowercase words joined by hyphens):
- ``widgets/salary_negotiator/__init__.py``: DEFAULT_STATE and WIDGET (a
  ``heading`` option to start with);
- ``widgets/salary_negotiator/view.py``: the view function, plain Python;
- ``widgets/salary_negotiator/template.html``: the server-rendered form, every
  control with its label, an output region the view fills, a copy button;
- ``tests/unit/test_salary_negotiator.py``: unit tests that pass as written;
- the widget's line in ``widgets/registry.py``, and README.md's options table.

Then place it on a page with ```` ```widget salary-negotiator ````: the build
renders it and the page runtime makes it live, with no JavaScript to write.
widgets/README.md walks through what to change next.
"""

from __future__ import annotations

import argparse
import keyword
import re
import subprocess
import sys
from pathlib import Path

from build_tools.errors import BuildError

ROOT = Path(__file__).resolve().parent.parent
WIDGETS = ROOT / "widgets"
REGISTRY = WIDGETS / "registry.py"
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_MODULES_BLOCK = re.compile(r"(_MODULES: dict\[str, str\] = \{\n)(.*?)(^\}\n)", re.MULTILINE | re.DOTALL)


class ScaffoldError(BuildError):
    """The name cannot be used, or the widget exists already."""


def package_name(name: str) -> str:
    if not _NAME.fullmatch(name) or len(name) > 40:
        raise ScaffoldError(
            f"{name!r} is not a widget name: use lowercase words joined by hyphens, like salary-negotiator"
        )
    package = name.replace("-", "_")
    if keyword.iskeyword(package) or package in {"base", "binding", "registry", "state", "dates", "writing"}:
        raise ScaffoldError(f"{name!r} is taken by Python or by widgets/ itself: choose another name")
    return package


def _title(name: str) -> str:
    return name.replace("-", " ").capitalize()


INIT = '''"""``{name}``: what this widget does for the reader, in one line."""

from widgets.base import Option, Widget
from widgets.{package}.view import view

# The form before anything is typed (what the page shows without JavaScript).
DEFAULT_STATE = {{"topic": "", "ready": False}}

WIDGET = Widget(
    name="{name}",
    view=view,
    options=(Option("heading", str, "{title}", "The widget's heading."),),
    initial_state=DEFAULT_STATE,
)
'''

VIEW = '''"""The {name} widget's view: the form's state in, the outputs out.

Plain Python, run by the build (the page as first shown) and in the reader's
browser (on every change). Outputs are text: the page never reads them as HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from widgets.base import State, View
from widgets.state import flag, text


def view(options: Mapping[str, Any], state: State) -> View:
    topic = text(state, "topic")
    if not topic:
        return {{"outputs": {{"summary": "Type a topic to start."}}}}
    summary = f"Your topic: {{topic}}."
    if flag(state, "ready"):
        summary += " You are ready to start."
    return {{"outputs": {{"summary": summary}}}}
'''

TEMPLATE = """{{% from "_shared/frame.html" import frame, text_field, checkbox %}}
{{#- The {name} widget's form: every control has a visible label; [data-output]
    regions are filled by the view (widgets/README.md lists the hooks). -#}}
{{% call frame(w, options.heading) %}}
<p>Nothing you type here leaves your browser.</p>
{{{{ text_field(w, "topic", "Topic") }}}}
<p class="fug-widget__field">{{{{ checkbox(w, "ready", "I am ready to start") }}}}</p>
<p class="fug-widget__label" id="{{{{ w.uid }}}}-summary-label">Summary:</p>
<div class="fug-widget__text" data-output="summary" dir="auto" role="status"
 aria-labelledby="{{{{ w.uid }}}}-summary-label">{{{{ outputs.summary }}}}</div>
<p class="fug-widget__actions">
<button type="button" class="fug-widget__button" data-action="copy" data-target="summary" hidden>
Copy the summary</button>
</p>
{{% endcall %}}
"""

TEST = '''"""The {name} widget's rules, on CPython (the same code runs in the browser)."""

from __future__ import annotations

from widgets.{package} import DEFAULT_STATE, WIDGET

OPTIONS = WIDGET.resolve_options(None)


def test_the_first_view_asks_for_a_topic():
    assert WIDGET.view(OPTIONS, DEFAULT_STATE)["outputs"] == {{"summary": "Type a topic to start."}}


def test_the_summary_follows_what_is_typed():
    view = WIDGET.view(OPTIONS, {{**DEFAULT_STATE, "topic": "  my   next step ", "ready": True}})
    assert view["outputs"] == {{"summary": "Your topic: my next step. You are ready to start."}}


def test_text_stays_text():
    view = WIDGET.view(OPTIONS, {{**DEFAULT_STATE, "topic": "<b>bold</b>"}})
    assert view["outputs"] == {{"summary": "Your topic: <b>bold</b>."}}
'''


def add_to_registry(registry: str, name: str, package: str) -> str:
    """registry.py's text with the widget's line, the lines kept in order."""
    match = _MODULES_BLOCK.search(registry)
    if not match:
        raise ScaffoldError(f"{REGISTRY}: no _MODULES table to add the widget to")
    lines = [line for line in match.group(2).splitlines(keepends=True) if line.strip()]
    lines.append(f'    "{name}": "widgets.{package}",\n')
    return registry[: match.start(2)] + "".join(sorted(lines)) + registry[match.end(2) :]


def scaffold(name: str) -> list[Path]:
    package = package_name(name)
    folder = WIDGETS / package
    test = ROOT / "tests" / "unit" / f"test_{package}.py"
    registry = REGISTRY.read_text(encoding="utf-8")
    if folder.exists() or f'"{name}":' in registry:
        raise ScaffoldError(f"widget {name!r} exists already ({folder.relative_to(ROOT)})")
    if test.exists():
        raise ScaffoldError(f"{test.relative_to(ROOT)} exists already")
    values = {"name": name, "package": package, "title": _title(name)}
    files = {
        folder / "__init__.py": INIT.format(**values),
        folder / "view.py": VIEW.format(**values),
        folder / "template.html": TEMPLATE.format(**values),
        test: TEST.format(**values),
    }
    new_registry = add_to_registry(registry, name, package)
    folder.mkdir()
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    REGISTRY.write_text(new_registry, encoding="utf-8")
    # A fresh process: this one has the old registry imported.
    subprocess.run([sys.executable, "-m", "build_tools.options_doc"], cwd=ROOT, check=True, capture_output=True)
    return [*files, REGISTRY, ROOT / "README.md"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("name", help="the widget's name, e.g. salary-negotiator")
    args = parser.parse_args(argv)
    try:
        written = scaffold(args.name)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    print(f"next: put ```widget {args.name} on a page, run make serve; widgets/README.md tells the rest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
