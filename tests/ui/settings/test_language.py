"""The window's language: chosen in Settings, remembered, and installed before any window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from carejournal.services.journal import Journal
from carejournal.ui.settings import language
from carejournal.ui.settings.dialog import SettingsDialog
from carejournal.ui.shared.strings import CareJournal


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "user.ini"), QSettings.Format.IniFormat)


def test_english_counts_in_english() -> None:
    assert CareJournal.tr("%n entries", "", 1) == "1 entry"
    assert CareJournal.tr("%n entries", "", 2) == "2 entries"


def test_the_settings_offer_the_system_and_english_and_remember_the_choice(
        qtbot, journal: Journal, tmp_path: Path) -> None:
    user = _settings(tmp_path)
    dialog = SettingsDialog(journal.settings, user_settings=user)
    qtbot.addWidget(dialog)
    codes = [dialog.window_language.itemData(i) for i in range(dialog.window_language.count())]
    assert codes[0] == "" and "en" in codes
    dialog.window_language.setCurrentIndex(codes.index("en"))
    dialog.save()
    assert language.chosen(user) == "en"
    again = SettingsDialog(journal.settings, user_settings=user)
    qtbot.addWidget(again)
    assert again.window_language.currentData() == "en"


def test_a_translation_is_compiled_and_installed_with_its_locale(qapp, tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "carejournal_de.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="de"><context><name>Probe</name><message>'
        "<source>Save</source><translation>Speichern</translation></message>"
        "</context></TS>\n", encoding="utf-8")
    user = _settings(tmp_path)
    language.choose(user, "de")
    before = QLocale()
    installed = language.install(user, source=folder, cache=tmp_path / "cache")
    try:
        assert QCoreApplication.translate("Probe", "Save") == "Speichern"
        assert QLocale().language() == QLocale.Language.German
        assert (folder / "carejournal_de.qm").exists()  # compiled beside it, as the build does
    finally:
        language.uninstall(installed)
        QLocale.setDefault(before)
    assert QCoreApplication.translate("Probe", "Save") == "Save"


def test_the_system_language_is_used_when_none_is_chosen(tmp_path: Path) -> None:
    system = QLocale.system()
    british = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert language.locale_for(language.chosen(_settings(tmp_path))) == (
        british if system.language() == QLocale.Language.C else system)


def test_english_and_no_language_at_all_read_as_british_english() -> None:
    british = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert language.locale_for(language.ENGLISH) == british
    assert british.createSeparatedList(["a", "b", "c"]) == "a, b and c"
    assert language.locale_for("en_US") == QLocale("en_US"), "a country chosen is kept"
    assert language.locale_for("de") == QLocale("de")
    names = language.candidates(QLocale("pt_BR"))
    assert "pt" in names and names.index("pt") > 0  # Brazilian first, then any Portuguese
