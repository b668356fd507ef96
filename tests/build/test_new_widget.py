"""The widget scaffold: python -m build_tools.new_widget NAME writes a widget
that passes its tests and the project's checks, and the build renders it."""

from __future__ import annotations

import re
import zipfile

import pytest

from build_tools.new_widget import ScaffoldError, add_to_registry, package_name
from tests.support.scaffold import NEW_WIDGET, project_with_new_widget, run


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return project_with_new_widget(tmp_path_factory.mktemp("scaffold"))


def test_the_scaffold_writes_the_folder_the_registry_line_and_a_test(project):
    package = project / "widgets" / "salary_negotiator"
    assert sorted(p.name for p in package.iterdir() if p.suffix) == ["__init__.py", "template.html", "view.py"]
    registry = (project / "widgets" / "registry.py").read_text()
    assert '    "salary-negotiator": "widgets.salary_negotiator",\n' in registry
    lines = re.findall(r'^    "([a-z-]+)": "widgets\.', registry, re.MULTILINE)
    assert lines == sorted(lines) and NEW_WIDGET in lines
    assert "| `salary-negotiator` | `heading` | text |" in (project / "README.md").read_text()


def test_the_new_widgets_tests_and_the_contract_tests_pass(project):
    done = run(
        project,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "tests/unit/test_salary_negotiator.py",
        "tests/unit/test_contract.py",
    )
    assert re.search(r"\b1[0-9] passed\b", done.stdout), done.stdout


def test_the_new_widget_passes_the_projects_checks(project):
    run(project, "-m", "ruff", "check", "widgets", "tests/unit/test_salary_negotiator.py")
    run(project, "-m", "ruff", "format", "--check", "widgets", "tests/unit/test_salary_negotiator.py")
    run(project, "-m", "mypy", "widgets")


def test_the_build_renders_it_with_labelled_controls(project):
    run(project, "-m", "build_tools.build", "--site-dir", str(project / "site"))
    html = (project / "site" / "negotiating" / "index.html").read_text()
    (widget,) = re.findall(r'<section class="fug-widget" data-widget="salary-negotiator".*?</section>', html, re.S)
    controls = re.findall(r"<(?:input|select|textarea)\b[^>]*>", widget)
    assert len(controls) >= 3  # topic, ready, and the frame's "Remember on this device"
    for control in controls:  # each labelled: by for=id, or inside its <label>
        control_id = re.search(r' id="([^"]+)"', control)
        if control_id:
            assert f'for="{control_id.group(1)}"' in widget, control
        else:
            assert re.search(r"<label[^>]*>\s*" + re.escape(control), widget), control
    assert 'name="topic"' in widget and 'name="ready"' in widget
    assert re.search(r'data-output="summary"[^>]*>Type a topic to start\.</div>', widget, re.S)
    # In the wheel the page's worker loads.
    (wheel,) = (project / "site" / "assets" / "widgets").glob("*/*.whl")
    assert "widgets/salary_negotiator/view.py" in zipfile.ZipFile(wheel).namelist()


@pytest.mark.parametrize(
    "name, message",
    [
        ("Salary", "'Salary' is not a widget name: use lowercase words joined by hyphens, like salary-negotiator"),
        ("salary--x", "'salary--x' is not a widget name"),
        ("9lives", "'9lives' is not a widget name"),
        ("class", "'class' is taken by Python or by widgets/ itself: choose another name"),
        ("registry", "'registry' is taken by Python or by widgets/ itself"),
    ],
)
def test_a_bad_name_is_refused_with_the_reason(name, message):
    with pytest.raises(ScaffoldError) as caught:
        package_name(name)
    assert str(caught.value).startswith(message)


def test_an_existing_widget_is_never_overwritten(project):
    done = run(project, "-m", "build_tools.new_widget", NEW_WIDGET, check=False)
    assert done.returncode == 1
    assert done.stderr == "error: widget 'salary-negotiator' exists already (widgets/salary_negotiator)\n"


def test_the_registry_line_goes_in_order():
    registry = '_MODULES: dict[str, str] = {\n    "b-widget": "widgets.b_widget",\n    "d": "widgets.d",\n}\n'
    assert add_to_registry(registry, "c-new", "c_new") == (
        '_MODULES: dict[str, str] = {\n    "b-widget": "widgets.b_widget",\n'
        '    "c-new": "widgets.c_new",\n    "d": "widgets.d",\n}\n'
    )
