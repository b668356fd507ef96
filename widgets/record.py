"""Frozen value classes, as ``@dataclass(frozen=True)`` makes them, made
without compiling any code.

Why not dataclasses: it writes each class's methods as source text and
compiles it when the module is imported. In the browser, that compiling is
most of the widgets' own start: a cold page waited 40-60 ms more for its first
view (CPython's compiler runs for the first time there, and the browser first
has to compile the compiler's WebAssembly). A record's class shares one
generic ``__init__``, ``__eq__``, ``__hash__`` and ``__repr__`` instead.
tests/unit/test_record.py holds it to what dataclasses does; type checkers
treat it as a dataclass (``dataclass_transform``, PEP 681).

Every annotated name is a field, in order; a value written in the class body
is its default, ``field(default_factory=...)`` a default made anew for each
instance. ``__post_init__``, if defined, runs after the fields are set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

_FIELDS = "__record_fields__"  # the fields' names, in order
_DEFAULTS = "__record_defaults__"  # name: default value, or a _Factory


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], Any]) -> Any:
    """A default made anew for each instance, as dataclasses.field's."""
    return _Factory(default_factory)


def _values(obj: object) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in getattr(obj, _FIELDS))


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    names: tuple[str, ...] = getattr(cls, _FIELDS)
    defaults: dict[str, Any] = getattr(cls, _DEFAULTS)
    if len(args) > len(names):
        raise TypeError(f"{cls.__name__}() takes {len(names)} arguments but {len(args)} were given")
    values = dict(zip(names, args, strict=False))
    for name, value in kwargs.items():
        if name not in names:
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument '{name}'")
        if name in values:
            raise TypeError(f"{cls.__name__}() got multiple values for argument '{name}'")
        values[name] = value
    for name in names:
        if name not in values:
            if name not in defaults:
                raise TypeError(f"{cls.__name__}() missing required argument: '{name}'")
            default = defaults[name]
            values[name] = default.make() if isinstance(default, _Factory) else default
        object.__setattr__(self, name, values[name])
    if hasattr(cls, "__post_init__"):
        self.__post_init__()


def _eq(self: object, other: object) -> bool:
    if other.__class__ is self.__class__:
        return _values(self) == _values(other)
    return NotImplemented


def _hash(self: object) -> int:
    return hash(_values(self))


def _repr(self: object) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in getattr(self, _FIELDS))
    return f"{type(self).__qualname__}({fields})"


def _setattr(self: object, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field '{name}'")


def _delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field '{name}'")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """The class, made a frozen record of its annotated fields."""
    if any(hasattr(base, _FIELDS) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__}: a record cannot extend another record")
    annotations = cls.__annotations__  # strings: the widgets' modules import annotations from __future__
    if any(str(kind).startswith(("ClassVar", "typing.ClassVar")) for kind in annotations.values()):
        raise TypeError(f"{cls.__name__}: a record has no ClassVar fields")
    names = tuple(annotations)
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    for name, default in defaults.items():
        if isinstance(default, _Factory):
            delattr(cls, name)  # as dataclasses: no class attribute for it
    for name, value in (
        (_FIELDS, names),
        (_DEFAULTS, defaults),
        ("__match_args__", names),
        ("__init__", _init),
        ("__eq__", _eq),
        ("__hash__", _hash),
        ("__repr__", _repr),
        ("__setattr__", _setattr),
        ("__delattr__", _delattr),
    ):
        setattr(cls, name, value)
    return cls


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record with some fields changed, as dataclasses.replace."""
    values = dict(zip(getattr(obj, _FIELDS), _values(obj), strict=True))
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field '{sorted(unknown)[0]}'")
    return type(obj)(**(values | changes))
