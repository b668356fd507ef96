"""A message as the widgets compose it, and as the reader sends it.

Subject (empty for a card or a LinkedIn note), greeting, paragraphs and the
closing (sign-off and signature block). ``body`` is the text the reader
edits, copies and sends; ``text_file`` is the .txt download of any body.
"""

from __future__ import annotations

from widgets.record import record


@record
class Message:
    """A message in its parts; ``body`` joins them as the reader sends it."""

    subject: str
    greeting: str
    paragraphs: tuple[str, ...]  # between the greeting and the closing
    closing: str  # "Kind regards,\nSam Lee\n+1 555 0100"

    @property
    def message(self) -> str:
        """The paragraphs only: what the reader says, without greeting or signature."""
        return "\n\n".join(p for p in self.paragraphs if p)

    @property
    def body(self) -> str:
        return "\n\n".join(p for p in (self.greeting, self.message, self.closing) if p)


def text_file(subject: str, body: str) -> str:
    """The .txt download: a subject line when there is one, the body exactly,
    and a final newline if it has none."""
    return (f"Subject: {subject}\n\n" if subject else "") + body + ("" if body.endswith("\n") else "\n")
