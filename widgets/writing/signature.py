"""The sign-off and the signature block that close a message.

"Kind regards," then the reader's name, then their optional signature lines
(phone, LinkedIn or portfolio address) as they typed them, one per line.
"""

from __future__ import annotations

SIGN_OFFS: dict[str, str] = {"formal": "Kind regards,", "warm": "Best wishes,", "short": "Best,"}


def sign_off(tone: str, short: bool = False) -> str:
    return SIGN_OFFS["short" if short else tone if tone in SIGN_OFFS else "formal"]


def signature_lines(signature: str, name: str = "") -> list[str]:
    """The reader's signature, one trimmed line each, blank lines dropped; a
    first line repeating the name is dropped too (it is written once)."""
    lines = [" ".join(line.split()) for line in signature.splitlines()]
    lines = [line for line in lines if line]
    if lines and name and lines[0].casefold() == name.casefold():
        lines = lines[1:]
    return lines


def signature_block(tone: str, name: str, signature: str = "", *, short: bool = False) -> str:
    """ "Kind regards,\\nSam Lee\\n+1 555 0100\\nsamlee.dev"."""
    return "\n".join([sign_off(tone, short), name, *signature_lines(signature, name)])
