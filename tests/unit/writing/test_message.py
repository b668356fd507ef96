"""widgets/writing/message.py: a message's parts as the text the reader sends."""

from widgets.writing.message import Message, text_file


def test_body_and_text_file():
    message = Message("Thank you", "Dear Dr. Chen,", ("One.", "", "Two."), "Kind regards,\nSam Lee")
    assert message.message == "One.\n\nTwo."
    assert message.body == "Dear Dr. Chen,\n\nOne.\n\nTwo.\n\nKind regards,\nSam Lee"
    assert text_file("Thank you", message.body) == f"Subject: Thank you\n\n{message.body}\n"
    assert text_file("", "Hi,\n\nText.\n\n") == "Hi,\n\nText.\n\n"  # the text exactly
