#!/usr/bin/env python3
"""Chromium with all its --disable-features switches joined into one.

Chromium keeps only the last --disable-features switch of its command line and
drops the others whole. Playwright passes its own list (features that break
automation or call home), and tests/support/browser.py adds the guide's: this
script is the executable Playwright starts; it joins the lists, then runs the
real Chromium (GUIDE_CHROMIUM) in its place, with the same pipes.
"""

from __future__ import annotations

import os
import sys

SWITCH = "--disable-features="


def joined(args: list[str]) -> list[str]:
    """The arguments with every --disable-features switch merged into one, last."""
    names = [name for arg in args if arg.startswith(SWITCH) for name in arg[len(SWITCH) :].split(",") if name]
    rest = [arg for arg in args if not arg.startswith(SWITCH)]
    return [*rest, SWITCH + ",".join(dict.fromkeys(names))] if names else rest


if __name__ == "__main__":
    chromium = os.environ["GUIDE_CHROMIUM"]
    os.execv(chromium, [chromium, *joined(sys.argv[1:])])
