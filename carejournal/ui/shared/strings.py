"""Translatable labels shared by several widgets.

The kinds of entry are declared in core/kinds.py, in English; they are translated here,
when shown. KIND_SOURCES lists every one of those texts for pyside6-lupdate (which finds
only literal strings); importing this module fails if a declared text is not listed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from carejournal.core.domain import EntryKind
from carejournal.core.kinds import KINDS, KindSpecError, spec_of

CONTEXT = "CareJournal"

KIND_SOURCES: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("CareJournal", "Interaction"),
    QT_TRANSLATE_NOOP("CareJournal", "New interaction"),
    QT_TRANSLATE_NOOP(
        "CareJournal",
        "Time with a person you support: what happened, what they wanted, "
        "the strengths you noticed."),
    QT_TRANSLATE_NOOP("CareJournal", "What happened? What did they want?"),
    QT_TRANSLATE_NOOP("CareJournal", "Little thing"),
    QT_TRANSLATE_NOOP("CareJournal", "New little thing"),
    QT_TRANSLATE_NOOP(
        "CareJournal",
        "A little thing that makes a big difference: introducing yourself, "
        "a cup of tea, really listening, calling back when you said you would."),
    QT_TRANSLATE_NOOP("CareJournal", "A few words about it (optional)"),
    QT_TRANSLATE_NOOP("CareJournal", "Own fallibility"),
    QT_TRANSLATE_NOOP("CareJournal", "New own-fallibility note"),
    QT_TRANSLATE_NOOP(
        "CareJournal",
        "Your own off day or mistake. We all have them; remembering ours helps us "
        "not to write off someone else's plan after one or two tries."),
    QT_TRANSLATE_NOOP("CareJournal", "Reflection"),
    QT_TRANSLATE_NOOP("CareJournal", "New reflection"),
    QT_TRANSLATE_NOOP(
        "CareJournal", "Anything else you want to think through, in your own words."),
)


def unlisted_kind_texts(listed: tuple[object, ...] = KIND_SOURCES) -> list[str]:
    """The declared texts of kinds that are not listed for translation."""
    return [text for spec in KINDS for text in spec.texts() if text not in listed]


def _check_sources() -> None:
    unlisted = unlisted_kind_texts()
    if unlisted:
        raise KindSpecError("ui/shared/strings.py KIND_SOURCES does not list: "
                            + "; ".join(unlisted))


_check_sources()


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_label(kind: EntryKind) -> str:
    """A short, friendly name for a kind of entry."""
    return _t(spec_of(kind).label)


def kind_description(kind: EntryKind) -> str:
    """One or two sentences on what a kind of entry is for."""
    return _t(spec_of(kind).description)


def new_entry_label(kind: EntryKind) -> str:
    """The label of a button or menu item that starts a new entry of this kind."""
    return _t(spec_of(kind).new_label)


def body_question(kind: EntryKind) -> str:
    """The question above the text of a kind without a template ('' for those with one)."""
    question = spec_of(kind).body_question
    return _t(question) if question else ""


class CareJournal:
    """The context of texts with a number translated outside a widget.

    `CareJournal.tr("%n entries", "", n)` gives the plural form the language needs, as a
    widget's self.tr does; pyside6-lupdate reads plurals from tr only, not from translate,
    and files `CareJournal.tr` under "CareJournal".
    """

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("CareJournal", text, disambiguation, n)
