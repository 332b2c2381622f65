"""The window's language: the system's, or the one chosen in Settings, loaded before any
window is built.

Like the appearance, the language belongs to the person at this computer, so it is kept in
QSettings ("" for the system's). Translations live in resources/translations as
carejournal_<language>.ts, compiled to .qm at build time (`make translations`); a .qm that
is missing or older than its .ts is compiled here with pyside6-lrelease, which comes with
PySide6, beside the .ts or, where that folder cannot be written, in the cache. English has a
file too, carejournal_en.ts, with only the plural forms ("%n entries": "1 entry"): it is
always loaded first, so a translation that lacks a text still counts in English. Qt's own
texts (the buttons of a message box, a date box's menu) come from its qtbase_<language>.qm
where Qt has one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QStandardPaths,
    QTranslator,
)

from carejournal.core.resources import resource_path

LANGUAGE_KEY = "appearance/language"  # "" (the system's) or a code such as "de" or "pt_BR"
PREFIX = "carejournal_"
ENGLISH = "en"  # the language the texts are written in; its file holds the plural forms


def folder() -> Path:
    """Where the .ts files (and their compiled .qm) are."""
    return resource_path("translations")


def available() -> list[str]:
    """The languages the window can be shown in: English, and each translation shipped."""
    found = {path.stem.removeprefix(PREFIX) for pattern in ("*.ts", "*.qm")
             for path in folder().glob(PREFIX + pattern)}
    found.discard("source")
    return [ENGLISH, *sorted(found - {ENGLISH})]


def chosen(settings: QSettings) -> str:
    """The language chosen in Settings ("" for the system's)."""
    return str(settings.value(LANGUAGE_KEY, "") or "")


def choose(settings: QSettings, code: str) -> None:
    """Remember the language for the next start ("" for the system's)."""
    settings.setValue(LANGUAGE_KEY, code)


def locale_for(code: str) -> QLocale:
    """The locale of a chosen language, or the system's. English with no country, and a
    system with no language set (C, POSIX), read as British English: the texts, the lens and
    the dictionary are written in it (Qt would pick American: "a, b, and c", 12/6/26)."""
    locale = QLocale(code) if code else QLocale.system()
    if code == ENGLISH or locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return locale


def candidates(locale: QLocale) -> list[str]:
    """The file suffixes to try for a locale, most specific first ("pt_BR", "pt")."""
    names: list[str] = []
    for language in locale.uiLanguages():
        parts = language.replace("-", "_").split("_")
        for size in range(len(parts), 0, -1):
            name = "_".join(parts[:size])
            if name not in names:
                names.append(name)
    return names


def compiled(ts: Path, cache: Path | None = None) -> Path | None:
    """The .qm of a .ts, compiled now if it is missing or older; None if it cannot be."""
    qm = ts.with_suffix(".qm")
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists():
        return None
    lrelease = _lrelease()
    if lrelease is None:
        return qm if qm.exists() else None
    for target in (qm, _cache(cache) / qm.name):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(target)], check=True,
                           capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            continue
        return target
    return qm if qm.exists() else None


def _cache(cache: Path | None) -> Path:
    if cache is not None:
        return cache
    location = QStandardPaths.StandardLocation.CacheLocation
    return Path(QStandardPaths.writableLocation(location)) / "translations"


def _lrelease() -> str | None:
    """pyside6-lrelease: inside the PySide6 package, beside Python, or on the PATH."""
    import PySide6

    package = Path(PySide6.__file__).parent
    for path in (package / "lrelease", package / "lrelease.exe",
                 Path(sys.executable).parent / "pyside6-lrelease"):
        if path.exists():
            return str(path)
    return shutil.which("pyside6-lrelease")


def translators(locale: QLocale, source: Path | None = None,
                cache: Path | None = None) -> list[QTranslator]:
    """The translators for a locale, in the order to install them (the last is asked first):
    English plurals, Qt's own texts, then CareJournal's translation."""
    where = source or folder()
    found: list[QTranslator] = []
    english = compiled(where / f"{PREFIX}{ENGLISH}.ts", cache)
    if english is not None:
        found.append(_load(english))
    names = [n for n in candidates(locale) if n != ENGLISH and not n.startswith(ENGLISH + "_")]
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in names:
        qt = Path(qt_folder) / f"qtbase_{name}.qm"
        if qt.exists():
            found.append(_load(qt))
            break
    for name in names:
        qm = compiled(where / f"{PREFIX}{name}.ts", cache) \
            or _existing(where / f"{PREFIX}{name}.qm")
        if qm is not None:
            found.append(_load(qm))
            break
    return [t for t in found if not t.isEmpty()]


def _existing(path: Path) -> Path | None:
    return path if path.exists() else None


def _load(qm: Path) -> QTranslator:
    translator = QTranslator(QCoreApplication.instance())  # kept alive by the application
    translator.load(str(qm))
    return translator


def install(settings: QSettings, source: Path | None = None,
            cache: Path | None = None) -> list[QTranslator]:
    """Install the translators of the language chosen (or the system's), and make its
    locale the default for dates and numbers; returns them, so they can be removed."""
    locale = locale_for(chosen(settings))
    QLocale.setDefault(locale)
    installed = translators(locale, source, cache)
    for translator in installed:
        QCoreApplication.installTranslator(translator)
    return installed


def uninstall(installed: list[QTranslator]) -> None:
    """Remove translators installed by install()."""
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
