"""Check every page's widget fences at once, before anything is written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_tools.errors import ContentError, ContentErrors
from build_tools.guide_links import GuideIndex
from build_tools.widget_fences import find_widget_fences


def check_docs(docs_dir: Path, shown_as: str | None = None) -> None:
    """Raise ContentErrors listing every problem in every page of ``docs_dir``."""
    shown_as = shown_as or docs_dir.name
    errors: list[ContentError] = []
    index: GuideIndex | None = None
    for page in sorted(docs_dir.rglob("*.md")):
        rel = f"{shown_as}/{page.relative_to(docs_dir).as_posix()}"
        try:
            markdown = page.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            errors.append(ContentError(rel, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
            continue
        fences, fence_errors = find_widget_fences(markdown, rel)
        errors.extend(fence_errors)
        # The guide sections each widget links to must exist.
        index = index or GuideIndex.from_docs(docs_dir)
        for fence in fences:
            for section in fence.widget.sections.values():
                why = index.problem(section)
                if why:
                    where = f"{section.page} › {section.heading!r}" if section.heading else section.page
                    message = f"widget '{fence.widget.name}' links to {where}: {why}"
                    errors.append(ContentError(rel, fence.first_line + 1, message))
    if errors:
        raise ContentErrors(errors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the widget fences in the guide's pages.")
    parser.add_argument("docs_dir", nargs="?", default="docs", type=Path)
    args = parser.parse_args(argv)
    try:
        check_docs(args.docs_dir, args.docs_dir.as_posix().rstrip("/"))
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
