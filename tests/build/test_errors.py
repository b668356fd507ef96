"""One error type for the build: every error it raises for an author derives
from build_tools.errors.BuildError, and the MkDocs adapter prints it as its
message, with no traceback."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import build_tools
from build_tools import mkdocs_hooks, postbuild
from build_tools.errors import BuildError, ContentError, ContentErrors
from build_tools.runtime_assets import RuntimeAssetError, npm_reason

ROOT = Path(__file__).resolve().parent.parent.parent


def build_tools_modules():
    for info in pkgutil.iter_modules(build_tools.__path__):
        yield importlib.import_module(f"build_tools.{info.name}")


def test_every_error_class_of_the_build_derives_from_build_error():
    found = []
    for module in build_tools_modules():
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, Exception)
                and value.__module__ == module.__name__
                and not name.startswith("_")
            ):
                found.append(value)
                assert issubclass(value, BuildError), f"{module.__name__}.{name}"
    assert {c.__name__ for c in found} >= {"BrandingError", "ContentErrors", "OfflineConfigError", "RuntimeAssetError"}


def test_the_adapter_turns_a_build_error_into_one_plain_message(monkeypatch, tmp_path):
    def failing_install(site_dir):
        raise RuntimeAssetError("npm pack pyodide@0.0.0 failed: npm error 404 Not Found")

    monkeypatch.setattr(postbuild, "install_runtime", failing_install)
    (tmp_path / "index.html").write_text("<html><head></head></html>")

    config = SimpleNamespace(site_dir=str(tmp_path), extra={})
    with pytest.raises(PluginError) as caught:
        mkdocs_hooks.on_post_build(config)
    assert str(caught.value) == "npm pack pyodide@0.0.0 failed: npm error 404 Not Found"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_bug_is_not_dressed_up_as_a_build_error(monkeypatch, tmp_path):
    def broken(site_dir):
        raise KeyError("a bug")

    monkeypatch.setattr(postbuild, "install_runtime", broken)
    (tmp_path / "index.html").write_text("<html><head></head></html>")

    config = SimpleNamespace(site_dir=str(tmp_path), extra={})
    with pytest.raises(KeyError):
        mkdocs_hooks.on_post_build(config)


def test_content_errors_read_one_line_each():
    errors = ContentErrors([ContentError("docs/a.md", 3, "first"), ContentError("docs/b.md", 9, "second")])
    assert str(errors) == "docs/a.md:3: first\ndocs/b.md:9: second"
    assert isinstance(errors, BuildError)


def test_a_failed_pyodide_fetch_prints_one_line_and_no_traceback(tmp_path):
    # The set-up step (make setup) with a pin npm cannot fetch: npm is told to
    # use a registry that is not there, so nothing leaves this machine.
    pin = tmp_path / "pin.toml"
    pin.write_text('version = "0.0.1"\nintegrity = "sha512-AAAA"\nfiles = ["pyodide.mjs"]\n')
    code = (
        "import functools, sys; from pathlib import Path; from build_tools import runtime_assets as r;"
        "r.ensure_pyodide = functools.partial(r.ensure_pyodide, r.PyodidePin.load(Path(sys.argv[1])),"
        " Path(sys.argv[2])); sys.exit(r.main())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(pin), str(tmp_path / "cache")],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "npm_config_registry": "http://127.0.0.1:9/", "npm_config_fetch_retries": "0"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert re.fullmatch(r"error: npm pack pyodide@0\.0\.1 failed: .*ECONNREFUSED.*\n", done.stderr), done.stderr


def test_npm_errors_read_as_one_line():
    stderr = (
        "npm warn Unknown user config\n"
        "npm error code E404\n"
        "npm error 404 Not Found - GET http://registry.invalid/pyodide - Not found\n"
        "npm error 404\n"
        "npm error 404  'pyodide@0.0.1' is not in this registry.\n"
        "npm error A complete log of this run can be found in: /root/.npm/_logs/x.log\n"
    )
    assert npm_reason(stderr) == "404 Not Found - GET http://registry.invalid/pyodide - Not found (npm error E404)"
    assert npm_reason("sh: 1: npm: something odd\n") == "sh: 1: npm: something odd"
