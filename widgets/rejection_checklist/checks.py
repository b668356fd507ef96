"""Checks on the rejection reply as it will be sent, edited or not: gratitude
first, one clear question at most, short, no blanks, no cliches, calm marks."""

from __future__ import annotations

from widgets.rejection_checklist.reply import ReplyInputs
from widgets.writing.greetings import addressed_as
from widgets.writing.lint import (
    Check,
    cliche_check,
    has_gratitude,
    marks_check,
    passed,
    placeholder_check,
    placeholders,
    todo,
    warn,
)
from widgets.writing.parts import split_message, word_count

EDITED = "You edited this reply: changes to the form no longer change it."
MAX_WORDS = 150


def reply_checks(inputs: ReplyInputs, body: str, *, edited: bool) -> list[Check]:
    parts = split_message(body)
    message = parts.message
    checks = []
    if has_gratitude(message.split("\n\n", 1)[0]):
        checks.append(passed("Opens with gratitude."))
    else:
        checks.append(warn("Open with thanks: for the chance to interview and for their time."))
    asked = message.count("?")
    if asked > 1:
        checks.append(warn(f"Ask one clear question at most: this reply asks {asked}."))
    elif asked == 1:
        checks.append(passed("One clear question for feedback."))
    if not inputs.contact and not edited:
        checks.append(todo("Add the name of the person who wrote to you, for the greeting."))
    elif inputs.contact:
        forms = {addressed_as(inputs.contact, "formal"), addressed_as(inputs.contact, "warm"), inputs.contact}
        if any(form and form in parts.greeting for form in forms):
            checks.append(passed(f"Name: spelled “{inputs.contact}”, as in the form."))
        else:
            checks.append(warn(f"The greeting doesn't spell the name as the form does (“{inputs.contact}”)."))
    checks.append(placeholder_check(body, from_form=not edited))
    words = word_count(body)
    if words > MAX_WORDS:
        checks.append(warn(f"Keep it short: under {MAX_WORDS} words (this reply has {words})."))
    elif placeholders(body) and not edited:
        pass  # the blanks' to-do says it all
    else:
        checks.append(passed(f"Short: {words} words."))
    checks += [cliche_check(body), marks_check(body)]
    return checks
