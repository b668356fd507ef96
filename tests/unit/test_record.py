"""widgets/record.py: frozen records behave as @dataclass(frozen=True) does,
and the widgets compile no code when imported or when they answer."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from widgets.record import field, record, replace

ROOT = Path(__file__).resolve().parents[2]


@record
class Point:
    """A record with a required field, a default and a default factory."""

    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class DataPoint:
    """The same, as dataclasses makes it."""

    x: int
    y: int = 0
    tags: list[str] = dataclasses.field(default_factory=list)


def test_a_record_is_built_as_a_dataclass_is():
    for cls in (Point, DataPoint):
        assert (cls(1).x, cls(1).y, cls(1).tags) == (1, 0, [])
        assert (cls(1, 2).y, cls(x=1, y=2).y, cls(1, tags=["a"]).tags) == (2, 2, ["a"])
        assert cls(1).tags is not cls(1).tags  # a default factory's value is new each time
        assert cls.__match_args__ == ("x", "y", "tags")
    assert "tags" not in Point.__dict__  # no class attribute for a factory's field, as dataclasses


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "missing required argument: 'x'"),
        ((1, 2, [], 4), {}, "takes 3 arguments but 4 were given"),
        ((1,), {"z": 2}, "unexpected keyword argument 'z'"),
        ((1,), {"x": 2}, "multiple values for argument 'x'"),
    ],
)
def test_a_wrong_call_names_what_is_wrong(args, kwargs, message):
    with pytest.raises(TypeError, match=message):
        Point(*args, **kwargs)
    with pytest.raises(TypeError):  # dataclasses refuses the same calls
        DataPoint(*args, **kwargs)


def test_equality_hash_and_repr_are_a_dataclass_s():
    assert Point(1, 2) == Point(1, 2) and Point(1, 2) != Point(2, 1)
    assert Point(1) != DataPoint(1) and Point(1) != (1, 0, [])  # another class is never equal
    assert hash(Point(1, 2, ())) == hash(Point(1, 2, ())) == hash(DataPoint(1, 2, ()))
    with pytest.raises(TypeError):
        hash(Point(1))  # a list field: unhashable, as with dataclasses
    assert repr(Point(1, tags=["a"])) == "Point(x=1, y=0, tags=['a'])"
    assert repr(DataPoint(1, tags=["a"])).endswith("DataPoint(x=1, y=0, tags=['a'])")


def test_a_record_is_frozen():
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError, match="'x'"):
        point.x = 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.y
    assert point.x == 1


def test_post_init_runs_once_the_fields_are_set():
    @record
    class Span:
        """Swaps its ends into order."""

        start: int
        end: int

        def __post_init__(self) -> None:
            if self.start > self.end:
                object.__setattr__(self, "start", self.end)

    assert Span(3, 2).start == 2


def test_replace_changes_some_fields_of_a_copy():
    point = Point(1, 2, ["a"])
    moved = replace(point, y=5)
    assert (moved, point) == (Point(1, 5, ["a"]), Point(1, 2, ["a"]))
    assert type(moved) is Point
    with pytest.raises(TypeError, match="no field 'z'"):
        replace(point, z=1)


def test_what_a_record_cannot_be_is_refused_at_once():
    with pytest.raises(TypeError, match="cannot extend another record"):

        @record
        class Point3(Point):
            z: int = 0

    with pytest.raises(TypeError, match="no ClassVar fields"):

        @record
        class Counted:
            from typing import ClassVar

            count: ClassVar[int] = 0


# Code made from text and run by a class factory (dataclasses, namedtuple,
# typing.NamedTuple) for a class of the widgets: an "exec" audit event for
# code not read from a file, asked for by a widgets module. (The standard
# library's own namedtuples, made as its modules are imported, are Pyodide's
# start's, not the widgets'.)
NO_RUNTIME_COMPILE = textwrap.dedent(
    """
    import json, sys
    FACTORIES = ("dataclasses.py", "collections/__init__.py", "typing.py")
    made = []
    def hook(event, args):
        if event != "exec" or getattr(args[0], "co_filename", ".py").endswith(".py"):
            return
        frame = sys._getframe(1)
        while frame and frame.f_code.co_filename.endswith(FACTORIES):
            frame = frame.f_back
        if frame and "/widgets/" in frame.f_code.co_filename:
            made.append(f"{frame.f_code.co_filename}:{frame.f_lineno}")
    sys.addaudithook(hook)
    from widgets import binding, registry
    registry.import_all()
    for name in registry.WIDGET_NAMES:
        binding.handle(json.dumps({"widget": name, "options": None, "state": {}}))
    print(json.dumps(made))
    """
)


def test_the_widgets_compile_no_code_when_imported_or_answering():
    # In the browser, the first code compiled at run time costs a cold page
    # 40-60 ms (widgets/record.py says why).
    done = subprocess.run(
        [sys.executable, "-c", NO_RUNTIME_COMPILE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
