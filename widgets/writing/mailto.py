"""``mailto:`` links as RFC 6068 writes them.

Text is UTF-8 and every byte outside the unreserved set (letters, digits,
``-._~``) is percent-encoded, so nothing in a note can end a field early or
be read as markup. Line breaks in the body become CRLF (%0D%0A): a lone LF
or CR is normalised first, so a body decodes back to its text with CRLF line
endings. The subject is encoded as it is: a header line has no breaks, and
the composer never puts one there.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def crlf(text: str) -> str:
    return _LINE_BREAK.sub("\r\n", text)


# Percent-encoding by hand rather than with urllib.parse.quote (the same
# output, tested): importing urllib.parse, and the ipaddress module it imports,
# cost 55 KB of the trimmed standard library and about 10 of a note's first
# view's 60 ms (Pyodide under Node).
_UNRESERVED = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"


@cache
def _written(safe: str) -> tuple[str, ...]:
    """How each byte is written: unreserved ones (and ``safe``, ASCII) as themselves, the rest as %XX."""
    return tuple(chr(byte) if byte in _UNRESERVED or chr(byte) in safe else f"%{byte:02X}" for byte in range(256))


def _encode(text: str, safe: str = "") -> str:
    """UTF-8, every byte outside the unreserved set (and ``safe``) percent-encoded."""
    written = _written(safe)
    return "".join([written[byte] for byte in text.encode("utf-8")])


# Cached: while the reader types, most notes of a panel keep their text, and
# encoding a whole note is a good part of a keystroke's view in Pyodide.
@lru_cache(maxsize=64)
def mailto(to: str = "", subject: str = "", body: str = "") -> str:
    """``mailto:[to]?subject=...&body=...``; empty fields are left out.

    The address part may be empty: the reader picks the recipient in their
    e-mail app. "@" is the one character an address keeps as it is.
    """
    fields = [(name, value) for name, value in (("subject", subject), ("body", crlf(body))) if value]
    query = "&".join(f"{name}={_encode(value)}" for name, value in fields)
    return f"mailto:{_encode(to, safe='@')}" + (f"?{query}" if query else "")


# One address as a mail client accepts it in To: (no display name, no list):
# something@domain.tld, no spaces, no second "@", no separators.
_ADDRESS = re.compile(r"[^@\s,;<>()\[\]\\\"]+@[^@\s,;<>()\[\]\\\"]+\.[^@\s,;<>()\[\]\\\".]{2,}")


def is_address(text: str) -> bool:
    return bool(_ADDRESS.fullmatch(text))
