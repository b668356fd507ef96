"""The build's errors: one base, ``BuildError``, for everything the build
reports to an author or a center's developer.

Its text is the whole message, one readable line per problem (content errors
as ``docs/<page>.md:<line>: <what>``), with no traceback: the generator's
adapter (``mkdocs_hooks.py`` for MkDocs) prints it as it is. Anything else
that escapes the build is a bug in the build, and shows its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class BuildError(Exception):
    """A problem the build reports as it is, and stops."""


@dataclass(frozen=True)
class ContentError:
    path: str  # as the author sees it, e.g. "docs/rejection.md"
    line: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentErrors(BuildError):
    """One or more content errors; the build stops and prints them all."""

    def __init__(self, errors: list[ContentError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class ConfigError(BuildError, ValueError):
    """A bad value in mkdocs.yml (``extra.center``, ``extra.offline``...)."""


class SiteError(BuildError):
    """The built site, or a file the build fills in, is not as expected."""
