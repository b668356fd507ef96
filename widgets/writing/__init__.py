"""The message-writing core every widget that writes a message uses: the
thank-you note builder, the rejection reply and the follow-up drafts.

Small modules, each named for its job:

- ``names``      reading a typed name: courtesy title, given name, surname;
- ``greetings``  "Dear Dr. Chen," or "Hi Maria," by tone;
- ``sentences``  fitting a reader's fragment into a sentence (case, end punctuation);
- ``lists``      "A, B and C";
- ``signature``  the sign-off and the reader's signature block;
- ``message``    a message as subject, greeting, paragraphs and signature, as text;
- ``mailto``     RFC 6068 ``mailto:`` links.

Everything here is plain text in, plain text out: nothing adds markup or
escapes it (the page writes text as text), and nothing raises on odd input.
"""
