"""The spelling engine: British spellings pass, misspellings are found, and names, the
personal dictionary, numbers, addresses and capitals are left alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from carejournal.spelling.languages import (
    SHIPPED,
    available,
    dictionaries_in,
    search_folders,
    shipped_dictionary,
)
from carejournal.spelling.speller import Speller, load_speller
from carejournal.spelling.words import checkable_words


@pytest.fixture(scope="module")
def speller() -> Speller:
    return load_speller(shipped_dictionary(), SHIPPED, ["Liam O'Neill", "Bex", "Marigold"])


def wrong(speller: Speller, text: str) -> list[str]:
    return [m.text for m in speller.misspellings(text)]


def test_british_spellings_are_accepted(speller: Speller) -> None:
    text = ("The colour of the room helped her organise her things; his behaviour changed "
            "once we apologised. The centre's programme was cancelled, and travelling to "
            "the theatre was a favour.")
    assert wrong(speller, text) == []


def test_misspellings_are_found_where_they_are(speller: Speller) -> None:
    text = "I recieved the letter and definately read it."
    found = speller.misspellings(text)
    assert [(m.start, m.end, m.text) for m in found] == [(2, 10, "recieved"),
                                                         (26, 36, "definately")]
    assert text[found[1].start:found[1].end] == "definately"


def test_suggestions_put_the_right_spelling_first(speller: Speller) -> None:
    assert speller.suggest("recieved")[0] == "received"
    assert speller.suggest("definately")[0] == "definitely"
    assert len(speller.suggest("behavour")) <= 5
    assert speller.cached_suggestions("recieved") == speller.suggest("recieved")
    assert speller.cached_suggestions("neverasked") is None


def test_prefixes_before_a_hyphen_are_words(speller: Speller) -> None:
    assert wrong(speller, "He was un-cooperative, mis-sold a plan; un and mis alone.") == [
        "un", "mis"]


def test_peoples_names_and_own_words_are_not_flagged(speller: Speller) -> None:
    assert wrong(speller, "Liam's mum and Bex met Marigold; O'Neill came too.") == []
    assert wrong(speller, "Zorbly had a reablement chat with Qwimby.") == ["Zorbly", "Qwimby"]
    speller.add_known("Zorbly")
    assert wrong(speller, "Zorbly had a chat with Qwimby; zorbly's hat.") == ["Qwimby"]
    speller.set_known(["Qwimby"])
    assert wrong(speller, "Zorbly had a chat with Qwimby.") == ["Zorbly"]
    speller.set_known(["Liam O'Neill", "Bex", "Marigold"])


@pytest.mark.parametrize("text", [
    "Took 5mg at 14:30 on the 3rd, 2,500 ml, B12 and 1990s",
    "See https://www.nhs.uk/conditions/dementia/abouut or www.scie.org.uk/wrng",
    "Write to mary.smithh@example.co.uk or sup_port_teem",
    "The NHS and CQC and the LDAT team; SALT and the OTT said so",
    "nhs.uk/condishuns",
])
def test_numbers_addresses_and_capitals_are_skipped(speller: Speller, text: str) -> None:
    assert wrong(speller, text) == []


def test_the_words_looked_at() -> None:
    words = [w for _s, _e, w in checkable_words(
        "Well-being: don’t ring 0800 123 or e-mail bob@x.org; USA and I. cafe_x 4th")]
    assert words == ["Well", "being", "don’t", "ring", "or", "e", "mail", "and", "I"]


def test_answers_are_remembered(speller: Speller) -> None:
    calls: list[str] = []

    class Counting:
        def lookup(self, word: str) -> bool:
            calls.append(word)
            return word != "teh"

        def suggest(self, word: str):  # type: ignore[no-untyped-def]
            yield "the"

    counted = Speller(Counting(), "xx")
    for _ in range(3):
        assert [m.text for m in counted.misspellings("teh cat and teh dog")] == ["teh", "teh"]
    assert sorted(calls) == ["and", "cat", "dog", "teh"], "each word looked up once"


def test_a_word_the_dictionary_chokes_on_is_let_through() -> None:
    class Broken:
        def lookup(self, word: str) -> bool:
            raise IndexError(word)

        def suggest(self, word: str):  # type: ignore[no-untyped-def]
            raise IndexError(word)
            yield ""

    broken = Speller(Broken(), "xx")
    assert broken.misspellings("anything at all") == []
    assert broken.suggest("anything") == ()


def test_installed_dictionaries_are_found(tmp_path: Path) -> None:
    for name in ("cy_GB.aff", "cy_GB.dic", "fr_FR.dic", "en_GB.aff", "en_GB.dic",
                 "hyph_en_GB.dic", "README.txt"):
        (tmp_path / name).write_text("x")
    assert list(dictionaries_in([tmp_path, tmp_path / "missing"])) == [
        ("cy_GB", tmp_path / "cy_GB"), ("en_GB", tmp_path / "en_GB")]
    found = available([tmp_path])
    assert found == {"en_GB": shipped_dictionary(), "cy_GB": tmp_path / "cy_GB"}, \
        "the shipped British English wins over an installed one of the same code"
    assert shipped_dictionary().with_suffix(".dic").is_file()
    assert shipped_dictionary().with_suffix(".aff").is_file()


def test_the_usual_places_are_searched(tmp_path: Path) -> None:
    linux = search_folders("linux", {"DICPATH": "/my/dicts"}, tmp_path)
    assert linux[0] == Path("/my/dicts")
    assert Path("/usr/share/hunspell") in linux and Path("/usr/share/myspell") in linux
    assert tmp_path / ".local" / "share" / "hunspell" in linux
    office = tmp_path / "Program Files" / "LibreOffice" / "share" / "extensions" / "dict-en"
    office.mkdir(parents=True)
    windows = search_folders("win32", {"PROGRAMFILES": str(tmp_path / "Program Files")},
                             tmp_path)
    assert office in windows
    mac = search_folders("darwin", {}, tmp_path)
    assert tmp_path / "Library" / "Spelling" in mac
    assert search_folders(sys.platform)  # this computer's list is never empty


def test_loading_the_module_does_not_import_spylls() -> None:
    import subprocess

    script = ("import sys\nimport carejournal.spelling.speller, carejournal.spelling.languages\n"
              "print('spylls' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "False", result.stderr
