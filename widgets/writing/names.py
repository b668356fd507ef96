"""Reading a person's name as the reader typed it.

"Dr. Maria Chen", "Chen, Maria", "María José García-López", "Priya",
"Prof Lee": the courtesy title, the given name and the surname, so a
greeting can say "Dear Dr. Chen," or "Hi Maria," and never
"Dear Dr. Maria Chen,". The reader's spelling and accents are kept as typed.
"""

from __future__ import annotations

from widgets.record import record

# Courtesy titles, matched without case or a final full stop; kept as typed
# ("Dr" stays "Dr", "Prof." stays "Prof.").
COURTESY_TITLES = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "miss",
        "prof",
        "professor",
        "rev",
        "reverend",
        "fr",
        "father",
        "sr",
        "sister",
        "dame",
        "sir",
        "lord",
        "lady",
    ]
)
# Titles that go with the given name, not the surname ("Sir John", "Dame Judi").
_GIVEN_NAME_TITLES = frozenset({"sir", "dame"})
# After a comma or at the end: letters after the name, not part of it.
SUFFIXES = frozenset(
    ["jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "cpa", "esq", "dphil", "msc", "ma", "ba", "bsc", "pe", "rn"]
)
# Small words that belong to the surname: "Ludwig van Beethoven" is Mr. van Beethoven.
SURNAME_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "le",
        "la",
        "bin",
        "ibn",
        "al",
        "el",
        "ter",
        "ten",
    ]
)
# Double given names that are one name: "María José García" is "Hi María José,".
COMPOUND_GIVEN_NAMES = frozenset(
    {
        "maría josé",
        "josé maría",
        "maría luisa",
        "maría elena",
        "ana maría",
        "juan carlos",
        "juan pablo",
        "juan josé",
        "josé luis",
        "luis miguel",
        "jean pierre",
        "jean paul",
        "jean luc",
        "marie claire",
        "marie louise",
        "anne marie",
        "mary ann",
        "mary jane",
        "mary beth",
    }
)


@record
class Name:
    """A name in its parts; any part may be empty."""

    title: str = ""  # the courtesy title as typed: "Dr.", "Prof", "Ms"
    given: str = ""  # "Maria", "María José"
    surname: str = ""  # "Chen", "García-López", "van Beethoven"
    # The name without its title, in natural order: "Maria Chen" for "Chen, Maria".
    full: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.title or self.full)

    @property
    def formal(self) -> str:
        """Title + surname when a title is given ("Dr. Chen"), else the full name."""
        if self.title:
            rest = self.given if self.title_goes_with_given else (self.surname or self.given)
            return f"{self.title} {rest}".strip()
        return self.full

    @property
    def warm(self) -> str:
        """The given name; with only a title and a surname, the formal form ("Prof Lee")."""
        return self.given or self.formal

    @property
    def title_goes_with_given(self) -> bool:
        return _plain(self.title) in _GIVEN_NAME_TITLES


def _plain(word: str) -> str:
    return word.lower().rstrip(".")


def _is_suffix(part: str) -> bool:
    return bool(part) and all(_plain(w).replace(".", "") in SUFFIXES for w in part.split())


def parse_name(typed: str) -> Name:
    """The parts of a typed name. Never raises; an empty text gives an empty Name."""
    text = " ".join(typed.split())
    # "Chen, Maria" (surname first) unless what follows the comma is a suffix ("Maria Chen, PhD").
    parts = [p.strip() for p in text.split(",")]
    while len(parts) > 1 and _is_suffix(parts[-1]):
        parts.pop()
    if len(parts) >= 2 and parts[0] and parts[1]:
        surname_first, rest = parts[0], " ".join(parts[1:])
        words = rest.split()
        title, words = _take_title(words)
        if not words:  # "Chen, Dr." : only a title after the comma
            return _from_words(title, surname_first.split())
        surname_words = surname_first.split()
        # "Chen, Dr. Maria" -> title Dr.; a title before the surname stays a title too.
        if not title:
            title, surname_words = _take_title(surname_words)
        given = _given(words + surname_words)
        full = " ".join(words + surname_words)
        return Name(title=title, given=given, surname=" ".join(surname_words), full=full)
    words = " ".join(p for p in parts if p).split()
    while len(words) > 1 and _is_suffix(words[-1]):
        words.pop()
    title, words = _take_title(words)
    return _from_words(title, words)


def _take_title(words: list[str]) -> tuple[str, list[str]]:
    """The leading courtesy titles ("Prof. Dr."), kept as typed, and the words after them."""
    taken = 0
    while taken < len(words) and _plain(words[taken]) in COURTESY_TITLES:
        taken += 1
    if taken and taken == len(words):  # "Miss" alone, or a name that is a title word
        return "", words
    return " ".join(words[:taken]), words[taken:]


def _from_words(title: str, words: list[str]) -> Name:
    if not words:
        return Name(title=title)
    if len(words) == 1:
        # One word after a title is a surname ("Prof Lee"); alone it is what the person goes by.
        if title and _plain(title) not in _GIVEN_NAME_TITLES:
            return Name(title=title, surname=words[0], full=words[0])
        return Name(title=title, given=words[0], full=words[0])
    surname_start = len(words) - 1
    while surname_start > 1 and _plain(words[surname_start - 1]) in SURNAME_PARTICLES:
        surname_start -= 1
    return Name(
        title=title,
        given=_given(words),
        surname=" ".join(words[surname_start:]),
        full=" ".join(words),
    )


def _given(words: list[str]) -> str:
    if len(words) >= 3 and f"{words[0]} {words[1]}".lower() in COMPOUND_GIVEN_NAMES:
        return f"{words[0]} {words[1]}"
    return words[0] if words else ""
