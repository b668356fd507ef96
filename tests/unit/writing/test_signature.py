"""widgets/writing/signature.py: the sign-off and the reader's signature block."""

import pytest

from widgets.writing.signature import sign_off, signature_block, signature_lines


@pytest.mark.parametrize(
    "tone, short, expected",
    [("formal", False, "Kind regards,"), ("warm", False, "Best wishes,"), ("warm", True, "Best,")],
)
def test_sign_off(tone, short, expected):
    assert sign_off(tone, short) == expected


def test_signature_block_with_lines():
    block = signature_block("formal", "Sam Lee", "  +1 555 0100 \n\n samlee.dev/portfolio\n")
    assert block == "Kind regards,\nSam Lee\n+1 555 0100\nsamlee.dev/portfolio"


def test_a_name_typed_again_in_the_signature_is_written_once():
    assert signature_lines("Sam Lee\nlinkedin.com/in/samlee", "sam lee") == ["linkedin.com/in/samlee"]


def test_no_signature_is_the_name_alone():
    assert signature_block("warm", "Sam Lee") == "Best wishes,\nSam Lee"
