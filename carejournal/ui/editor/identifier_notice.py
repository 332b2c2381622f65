"""A quiet line above the entry when it holds what looks like an NHS number, a postcode or
another identifier: never a dialog, never blocking, and it can be dismissed for the entry."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from carejournal.core.domain import EntryDraft
from carejournal.privacy.identifiers import Identifier, IdKind, detect
from carejournal.services.lens import field_texts
from carejournal.ui.shared.strings import CareJournal

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

# The kinds the note mentions. IdKind.NAME is left out on purpose: capitalised words that
# are not known people (places, services, teams, pets) are far too common in ordinary
# writing to mention on every save; the supervision pack's export step lists them instead,
# for the worker to replace or confirm.
NOTICE_KINDS = (IdKind.NHS_NUMBER, IdKind.CHI_NUMBER, IdKind.HC_NUMBER,
                IdKind.HOSPITAL_NUMBER, IdKind.NI_NUMBER, IdKind.POSTCODE, IdKind.ADDRESS,
                IdKind.PHONE, IdKind.EMAIL, IdKind.BIRTH_DATE, IdKind.VEHICLE)


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def _phrase(kind: IdKind, several: bool) -> str:
    """How one kind is named in the note: with an article for one, plural for several."""
    one, many = {
        IdKind.NHS_NUMBER: (translate("CareJournal", "an NHS number"),
                            translate("CareJournal", "NHS numbers")),
        IdKind.NI_NUMBER: (translate("CareJournal", "a National Insurance number"),
                           translate("CareJournal", "National Insurance numbers")),
        IdKind.POSTCODE: (translate("CareJournal", "a postcode"),
                          translate("CareJournal", "postcodes")),
        IdKind.PHONE: (translate("CareJournal", "a phone number"),
                       translate("CareJournal", "phone numbers")),
        IdKind.EMAIL: (translate("CareJournal", "an e-mail address"),
                       translate("CareJournal", "e-mail addresses")),
        IdKind.BIRTH_DATE: (translate("CareJournal", "a date of birth"),
                            translate("CareJournal", "dates of birth")),
        IdKind.CHI_NUMBER: (translate("CareJournal", "a CHI number"),
                            translate("CareJournal", "CHI numbers")),
        IdKind.HC_NUMBER: (translate("CareJournal", "a Health and Care number"),
                           translate("CareJournal", "Health and Care numbers")),
        IdKind.HOSPITAL_NUMBER: (translate("CareJournal", "a hospital number"),
                                 translate("CareJournal", "hospital numbers")),
        IdKind.ADDRESS: (translate("CareJournal", "a street address"),
                         translate("CareJournal", "street addresses")),
        IdKind.VEHICLE: (translate("CareJournal", "a vehicle registration"),
                         translate("CareJournal", "vehicle registrations")),
    }[kind]
    return many if several else one


def found_in(draft: EntryDraft, known: Iterable[str] = (), ignore: Iterable[str] = ()
             ) -> list[Identifier]:
    """What looks like an identifier in any text of the draft (never plain names)."""
    known, ignore = tuple(known), tuple(ignore)
    return [found for item in field_texts(draft) if item.text.strip()
            for found in detect(item.text, known=known, ignore=ignore)
            if found.kind in NOTICE_KINDS]


def found_for(journal: Journal, draft: EntryDraft) -> list[Identifier]:
    """found_in, knowing the journal's people and leaving out the worker's own name.

    (While names are not mentioned, these change nothing; they keep the check the same as
    the export's.)
    """
    worker = journal.settings.worker_name()
    return found_in(draft, {*journal.people(), *draft.people}, (worker,) if worker else ())


def _list_locale() -> QLocale:
    """The locale that joins the kinds ("a, b and c"); English when none is set (C)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return locale


def notice_text(found: Sequence[Identifier]) -> str:
    """The note in one calm sentence pair, e.g. "…what looks like an NHS number and a
    postcode. They stay on this computer, and supervision packs replace them." """
    texts = {(f.kind, f.text) for f in found}
    kinds = [k for k in NOTICE_KINDS if any(kind is k for kind, _text in texts)]
    phrases = [_phrase(k, sum(kind is k for kind, _text in texts) > 1) for k in kinds]
    listed = _list_locale().createSeparatedList(phrases)
    return CareJournal.tr("This entry holds what looks like {kinds}. They stay on this computer, "
                          "and supervision packs replace them.", "", len(texts)).format(
                              kinds=listed)


class IdentifierNotice(QFrame):
    """One line about identifiers in the entry, with a small button to dismiss it.

    A dismissal holds for that entry until a save finds something not seen before.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_id: int | None = None
        self.found: frozenset[str] = frozenset()
        self._dismissed: dict[int, frozenset[str]] = {}
        self.setObjectName("identifierNotice")
        self.setStyleSheet("#identifierNotice { border: 1px solid palette(mid); "
                           "border-radius: 4px; background: palette(alternate-base); }")
        self.setAccessibleName(self.tr("Note about identifiers in this entry"))
        self.text = QLabel(wordWrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(self.tr("Identifiers in this entry"))
        self.close_button = QToolButton(autoRaise=True)
        self.close_button.setText("\u00d7")
        self.close_button.setAccessibleName(self.tr("Dismiss this note"))
        self.close_button.setToolTip(self.tr("Hide this note for this entry"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_for(self, entry_id: int | None, found: Sequence[Identifier]) -> None:
        """Show the note for what was found in this entry, unless the worker dismissed it."""
        self.entry_id = entry_id
        self.found = frozenset(f.text for f in found)
        if entry_id is None or not found or self.found <= self._dismissed.get(entry_id, set()):
            self.hide()
            return
        self._dismissed.pop(entry_id, None)  # something new: the dismissal no longer holds
        self.text.setText(notice_text(found))
        self.text.setToolTip(self.tr("What was found: {items}").format(
            items=", ".join(f"\u201c{text}\u201d" for text in sorted(self.found))))
        self.show()

    def dismiss(self) -> None:
        """Hide the note for this entry, for what it holds now."""
        if self.entry_id is not None:
            self._dismissed[self.entry_id] = self.found
        self.hide()
