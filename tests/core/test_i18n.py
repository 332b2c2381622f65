"""The command line's words: gettext with the system's catalogue, English without one."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest

from carejournal.core import i18n


def test_english_as_written_when_there_is_no_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "catalogue", lambda: gettext.NullTranslations())
    assert i18n._("Added entry {id}.") == "Added entry {id}."
    assert i18n.ngettext("Deleted {n} entry.", "Deleted {n} entries.", 1) == "Deleted {n} entry."
    assert i18n.ngettext("Deleted {n} entry.", "Deleted {n} entries.", 2) == "Deleted {n} entries."


def test_the_catalogue_is_looked_up_for_the_system_language(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="de")
    catalog.add("The trash is empty.", "Der Papierkorb ist leer.")
    folder = tmp_path / "translations" / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    (folder / "carejournal.mo").write_bytes(buffer.getvalue())
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    monkeypatch.setenv("LANGUAGE", "de")
    i18n.catalogue.cache_clear()
    try:
        assert i18n._("The trash is empty.") == "Der Papierkorb ist leer."
    finally:
        i18n.catalogue.cache_clear()
