"""Search snippets: the marks the store puts around matches, read as pieces, brackets, HTML."""

from carejournal.core.snippets import MATCH_CLOSE, MATCH_OPEN, as_html, bracketed, parts, plain

SNIPPET = (f"…a cup of {MATCH_OPEN}tea{MATCH_CLOSE} [as <he> likes]\n"
           f"and {MATCH_OPEN}Tea{MATCH_CLOSE}")


def test_pieces_say_which_words_matched() -> None:
    assert parts(SNIPPET) == [("…a cup of ", False), ("tea", True),
                              (" [as <he> likes] and ", False), ("Tea", True)]
    assert parts("") == []


def test_a_bracket_written_in_an_entry_is_not_a_mark() -> None:
    assert plain(SNIPPET) == "…a cup of tea [as <he> likes] and Tea"
    assert bracketed(SNIPPET) == "…a cup of [tea] [as <he> likes]\nand [Tea]"


def test_html_escapes_the_text_and_bolds_the_matches() -> None:
    assert as_html(SNIPPET) == ("…a cup of <b>tea</b> [as &lt;he&gt; likes] and <b>Tea</b>")
