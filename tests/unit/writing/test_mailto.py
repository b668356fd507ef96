"""mailto: links as RFC 6068 writes them: UTF-8, percent-encoded, CRLF line breaks."""

import re
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.writing.strategies import typed
from widgets.writing.mailto import _encode, crlf, is_address, mailto


def decode(link: str) -> tuple[str, dict[str, str]]:
    """The address and the fields of a mailto: link, decoded as a mail client does."""
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    fields = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query), errors="strict")
    assert all(len(values) == 1 for values in fields.values())
    return unquote(parts.path, errors="strict"), {name: values[0] for name, values in fields.items()}


@pytest.mark.parametrize(
    "to, subject, body, expected",
    [
        ("", "", "", "mailto:"),
        ("", "Thank you", "", "mailto:?subject=Thank%20you"),
        ("", "", "Hi,\nthanks", "mailto:?body=Hi%2C%0D%0Athanks"),
        ("", "A & B = C?", "", "mailto:?subject=A%20%26%20B%20%3D%20C%3F"),
        ("", "50% + #1", "", "mailto:?subject=50%25%20%2B%20%231"),
        ("", "a-b.c_d~e", "", "mailto:?subject=a-b.c_d~e"),  # the unreserved set stays as it is
        ("", "café", "", "mailto:?subject=caf%C3%A9"),  # UTF-8
        ("", "🙂", "", "mailto:?subject=%F0%9F%99%82"),
        ("ana@example.org", "Hi", "Yes", "mailto:ana@example.org?subject=Hi&body=Yes"),
        ("a b@x.org", "", "", "mailto:a%20b@x.org"),
    ],
)
def test_encoding(to, subject, body, expected):
    assert mailto(to, subject, body) == expected


@pytest.mark.parametrize("body", ["a\nb", "a\r\nb", "a\rb"])
def test_every_line_break_in_the_body_becomes_crlf(body):
    assert mailto(body=body) == "mailto:?body=a%0D%0Ab"


def test_markup_is_only_text():
    link = mailto(subject='"><script>alert(1)</script>', body="<a href='javascript:x'>")
    assert re.fullmatch(r"mailto:\?subject=[A-Za-z0-9%._~-]*&body=[A-Za-z0-9%._~-]*", link)


@given(subject=st.text(), body=st.text())
def test_any_text_decodes_back_exactly(subject, body):
    """Subject exactly; body exactly once its line breaks are CRLF (RFC 6068)."""
    address, fields = decode(mailto(subject=subject, body=body))
    assert address == ""
    assert fields.get("subject", "") == subject
    assert fields.get("body", "") == crlf(body)
    # And back to the reader's own line endings when every break was a LF.
    assert fields.get("body", "").replace("\r\n", "\n") == body.replace("\r\n", "\n").replace("\r", "\n")


@given(st.one_of(st.text(), typed))
def test_encoding_is_urllib_quote(text):
    """The hand-written encoder writes what urllib.parse.quote would."""
    assert _encode(text) == quote(text, safe="", encoding="utf-8", errors="strict")
    assert _encode(text, safe="@") == quote(text, safe="@", encoding="utf-8", errors="strict")


def test_a_lone_surrogate_is_refused_as_by_quote():
    with pytest.raises(UnicodeEncodeError):
        quote("\ud800", safe="", encoding="utf-8", errors="strict")
    with pytest.raises(UnicodeEncodeError):
        _encode("\ud800")


@given(st.text())
def test_only_unreserved_and_percent_escapes(text):
    query = mailto(subject=text, body=text).partition("?")[2]
    assert re.fullmatch(r"(subject=[A-Za-z0-9%._~-]*&body=[A-Za-z0-9%._~-]*)?", query)


@pytest.mark.parametrize(
    "text, ok",
    [
        ("maria.chen@example.com", True),
        ("m+tag@sub.example.org", True),
        ("maria chen@example.com", False),
        ("maria@example", False),
        ("a@b@example.com", False),
        ("maria@example.com, ben@example.com", False),
        ("", False),
    ],
)
def test_is_address(text, ok):
    assert is_address(text) is ok
