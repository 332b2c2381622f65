"""The spelling service: settings and the personal dictionary kept in the journal (encrypted
journals too), people's names known, another installed language chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from carejournal.core.domain import InvalidInput
from carejournal.services import encryption
from carejournal.services.journal import Journal
from carejournal.services.spelling import SpellingService
from carejournal.spelling.languages import SHIPPED, shipped_dictionary
from carejournal.store import cipher
from carejournal.store.keyfile import KdfCost
from tests.conftest import draft


def texts(found: list) -> list[str]:  # type: ignore[type-arg]
    return [m.text for m in found]


def test_defaults_without_a_journal() -> None:
    service = SpellingService()
    assert service.on() and service.language() == SHIPPED and service.words() == ()
    assert texts(service.check("The colour was definately wrong.")) == ["definately"]
    assert service.suggest("definately")[0] == "definitely"
    with pytest.raises(InvalidInput, match="open one first"):
        service.add_word("Zorbly")


def test_the_personal_dictionary_is_kept_in_the_journal(journal_path: Path) -> None:
    journal = Journal.open(journal_path, create=True)
    assert texts(journal.spelling.check("Zorbly did reablement.")) == ["Zorbly"]
    journal.ops.add_spelling_word(" Zorbly ")
    journal.spelling.add_word("zorbly")  # already there, whatever the case
    assert journal.spelling.words() == ("Zorbly",)
    assert journal.spelling.check("Zorbly did reablement.") == [], "known at once"
    journal.close()
    again = Journal.open(journal_path)
    assert again.spelling.words() == ("Zorbly",)
    assert again.spelling.check("Zorbly did reablement.") == []
    again.spelling.remove_word("ZORBLY")
    assert again.spelling.words() == ()
    assert texts(again.spelling.check("Zorbly again.")) == ["Zorbly"]
    with pytest.raises(InvalidInput, match="one word"):
        again.spelling.add_word("two words")
    again.close()


def test_peoples_names_and_nicknames_are_known(journal_path: Path) -> None:
    journal = Journal.open(journal_path, create=True)
    journal.add(draft("Walked to the shop.", people=("Aoife Ní Bhraonáin",)))
    assert texts(journal.spelling.check("Eefie and Bhraonáin")) == ["Eefie"]
    journal.supervision.set_names("Aoife Ní Bhraonáin", ["Eefie"], "")
    journal.spelling.refresh()
    found = journal.spelling.check("Aoife (Eefie) Bhraonáin's walk; Zorbly came.")
    assert texts(found) == ["Zorbly"]
    journal.close()


def test_spelling_can_be_switched_off_and_another_language_chosen(journal_path: Path,
                                                                   tmp_path: Path) -> None:
    journal = Journal.open(journal_path, create=True)
    service = journal.spelling
    service.set_on(False)
    assert not service.on()
    with pytest.raises(InvalidInput, match="no spelling dictionary 'cy_GB'"):
        service.set_language("cy_GB")
    folder = tmp_path / "dicts"
    folder.mkdir()
    for ext in ("aff", "dic"):  # a copy of the shipped one under another code
        (folder / f"en_XX.{ext}").write_bytes(shipped_dictionary().with_suffix(f".{ext}")
                                              .read_bytes())
    chooser = SpellingService(journal.settings_store,
                              dictionaries=lambda: {SHIPPED: shipped_dictionary(),
                                                    "en_XX": folder / "en_XX"})
    chooser.set_language("en_XX")
    assert chooser.speller().language == "en_XX"
    journal.close()
    again = Journal.open(journal_path)
    assert again.spelling.language() == "en_XX" and not again.spelling.on()
    assert again.spelling.dictionary()[0] == SHIPPED, "not installed here: British English"
    again.close()


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_an_encrypted_journal_keeps_its_words_encrypted(journal_path: Path,
                                                        tmp_path: Path) -> None:
    Journal.open(journal_path, create=True).close()
    done = encryption.encrypt(journal_path, "correct horse battery",
                              cost=KdfCost(time_cost=1, memory_kib=64, parallelism=1))
    journal = Journal.open(journal_path, key=done.key)
    journal.spelling.add_word("Quorblewick")
    journal.close()
    every_byte = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"Quorblewick" not in every_byte
    again = Journal.open(journal_path, key=done.key)
    assert again.spelling.words() == ("Quorblewick",)
    again.close()
