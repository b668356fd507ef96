"""The widget contract stays in one piece: the TypedDicts in widgets/base.py,
the table in widgets/README.md, the options table in README.md, and each
widget package's conventions (DEFAULT_STATE, template, registry line)."""

from __future__ import annotations

import importlib
import re
import typing
from pathlib import Path

import pytest

from build_tools.options_doc import README, options_table, with_table
from widgets import base
from widgets.registry import WIDGET_NAMES, get_widget, template_path

ROOT = Path(__file__).resolve().parent.parent.parent
WIDGETS_README = ROOT / "widgets" / "README.md"


def readme_view_keys() -> list[str]:
    text = WIDGETS_README.read_text(encoding="utf-8")
    table = text[text.index("## The view") :]
    return re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)


def test_the_view_typeddict_mirrors_the_readme_table():
    assert readme_view_keys() == list(typing.get_type_hints(base.View))
    assert base.View.__total__ is False  # every key is optional


def test_the_shapes_inside_the_view():
    assert typing.get_type_hints(base.Link) == {"text": str, "href": str}
    assert typing.get_type_hints(base.Download) == {"filename": str, "mime": str, "text": str}
    assert base.ListItem.__required_keys__ == {"text"}
    assert base.ListItem.__optional_keys__ == {"tone", "links"}


def test_the_readme_options_table_is_generated_from_the_options():
    readme = README.read_text(encoding="utf-8")
    assert with_table(readme) == readme, "stale: run python -m build_tools.options_doc"
    assert options_table() in readme


def test_the_options_table_shows_every_option_with_its_help():
    table = options_table()
    for name in WIDGET_NAMES:
        for option in get_widget(name).options:
            assert option.help.strip(), (name, option.name)
            if option.site:  # set in mkdocs.yml, not in a fence
                assert f"`{option.name}`" not in table
                continue
            assert f"| `{name}` | `{option.name}` |" in table
            assert option.help in table


@pytest.mark.parametrize("name", WIDGET_NAMES)
def test_each_widget_package_follows_the_conventions(name):
    widget = get_widget(name)
    assert widget.name == name
    package = importlib.import_module(widget.view.__module__.rsplit(".", 1)[0])
    # DEFAULT_STATE lives in the package's __init__.py, and is the initial state.
    assert widget.initial_state is package.DEFAULT_STATE
    # The template is the package's template.html, found from the registry.
    assert (ROOT / "widgets" / template_path(name)) == Path(package.__file__).parent / "template.html"
    assert (ROOT / "widgets" / template_path(name)).is_file()
