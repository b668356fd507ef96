"""Hypothesis strategies the writing core's property tests share: any text a
reader could type or paste, hostile input included."""

from hypothesis import strategies as st

# Markup, punctuation seams, right-to-left text, emoji, odd line separators.
_PIECES = st.sampled_from(
    [
        "<b>",
        "</script>",
        "&amp;",
        ".",
        ",",
        ";",
        ":",
        " ",
        "  ",
        ". .",
        ",.",
        "?",
        "!",
        "...",
        "…",
        "\u2028",
        "\n",
        "\u202e",
        "שלום",
        "👩🏽‍💻",
        "e\u0301",
        "Dr.",
        "Prof",
        "Chen",
        "María",
        "van",
        "O'Connor",
        "-",
        '"',
        ")",
    ]
)
typed = st.one_of(st.text(max_size=40), st.lists(_PIECES, max_size=8).map("".join))
