"""Deleted means deleted: an emptied trash leaves none of an entry's words in the journal's
file, plain or encrypted (freed pages are zeroed; the text index is merged without them)."""

from __future__ import annotations

from pathlib import Path

from carejournal.core.domain import EntryFilter
from carejournal.services.journal import Journal
from tests.conftest import draft
from tests.store.salvage_helpers import KEY, decrypted_pages

SECRET = "Zanzibarquux"


def _fill(journal: Journal) -> list[int]:
    journal.add(draft("An ordinary day at the day centre. " * 40, title="Kept"))
    return [journal.add(draft(f"{SECRET} told me something private. " * 30,
                              title=f"{SECRET} {i}", sections=(("what", f"{SECRET} again"),)))
            for i in range(3)]


def _traces(data: bytes) -> int:
    return data.lower().count(SECRET.lower().encode())


def test_an_emptied_trash_leaves_no_word_of_its_entries_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    journal = Journal.open(path, create=True)
    try:
        gone = _fill(journal)
        journal.close()
        assert _traces(path.read_bytes()) > 0  # the words were there
        journal = Journal.open(path)
        journal.trash(gone)
        assert journal.empty_trash() == 3
        assert journal.rows(EntryFilter(text="ordinary"))  # the index still answers
        assert not journal.rows(EntryFilter(text=SECRET))
    finally:
        journal.close()
    assert not Path(f"{path}-wal").exists()
    assert _traces(path.read_bytes()) == 0


def test_an_encrypted_journal_keeps_no_deleted_words_under_its_key(tmp_path: Path) -> None:
    path = tmp_path / "secret.sqlite"
    journal = Journal.open(path, create=True, key=KEY)
    try:
        journal.trash(_fill(journal))
        journal.empty_trash()
    finally:
        journal.close()
    pages = decrypted_pages(path, KEY, tmp_path / "pages.sqlite")
    assert _traces(pages.read_bytes()) == 0
    assert b"ordinary day" in pages.read_bytes()  # (the decryption did work)
