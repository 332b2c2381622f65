"""File › Use as a Reflective Account…: the open reflection on the NMC form's four prompts,
filled by the model's mapping and editable before it is written; the Code themes chosen; the
identifiers that will be replaced listed first. Written as PDF, Word or Markdown by the
name chosen, through services/accounts.py (the pack's identity protection)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.cpd import Theme
from carejournal.core.domain import InvalidInput
from carejournal.core.errors import JournalError

if TYPE_CHECKING:
    from carejournal.services.accounts import AccountPlan
    from carejournal.services.journal import Journal

translate = QCoreApplication.translate


def found_text(plan: AccountPlan) -> str:
    """Which identifiers will be replaced (people always get their aliases); the Social
    Work England fields say it too."""
    if plan.detected:
        return translate("AccountDialog", "These will be replaced: {found}").format(
            found=", ".join(f"{d.text} ({d.label})" for d in plan.detected))
    return translate("AccountDialog", "People are called by their aliases; nothing else "
                     "that could identify someone was found.")


class AccountDialog(QDialog):
    """The account of one entry, to check, edit and save."""

    def __init__(self, journal: Journal, entry_id: int, parent: QWidget | None = None) -> None:
        from carejournal.services.accounts import plan_account

        super().__init__(parent)
        self.journal = journal
        self.entry_id = entry_id
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Use as a Reflective Account"))
        plan = plan_account(journal, entry_id)
        body = QWidget()
        column = QVBoxLayout(body)
        self.answers: dict[str, QPlainTextEdit] = {}
        prompts = self._prompts()
        for key, _prompt, text in plan.account.answers:
            label = QLabel(prompts[key], wordWrap=True)
            label.setStyleSheet("font-weight: 600;")
            edit = QPlainTextEdit(text)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(70)
            label.setBuddy(edit)
            column.addWidget(label)
            if key == "code":
                column.addLayout(self._theme_boxes())
            column.addWidget(edit)
            self.answers[key] = edit
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(body)
        self.found = QLabel(wordWrap=True)
        self.problem = QLabel(wordWrap=True)
        save = QPushButton(self.tr("&Save As…"))
        save.clicked.connect(self.save_as)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.found)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.show_found(plan)

    def _prompts(self) -> dict[str, str]:
        """The form's prompts in the window's language (the file keeps the NMC's English,
        from resources/nmc_account.toml)."""
        return {"nature": self.tr("What was the nature of the CPD activity and/or "
                                  "practice-related feedback and/or event or experience in "
                                  "your practice?"),
                "learnt": self.tr("What did you learn from the CPD activity and/or feedback "
                                  "and/or event or experience in your practice?"),
                "changed": self.tr("How did you change or improve your practice as a "
                                   "result?"),
                "code": self.tr("How is this relevant to the Code? Choose one or more "
                                "themes:")}

    def _theme_boxes(self) -> QHBoxLayout:
        self.themes = {theme: QCheckBox(text) for theme, text in (
            (Theme.PEOPLE, self.tr("Prioritise people")),
            (Theme.EFFECTIVE, self.tr("Practise effectively")),
            (Theme.SAFETY, self.tr("Preserve safety")),
            (Theme.TRUST, self.tr("Promote professionalism and trust")))}
        row = QHBoxLayout()
        for box in self.themes.values():
            row.addWidget(box)
        return row

    def plan(self) -> AccountPlan:
        """The account as the worker has it now."""
        from carejournal.services.accounts import plan_edited

        return plan_edited(self.journal, self.entry_id,
                           {k: e.toPlainText() for k, e in self.answers.items()},
                           tuple(t for t, box in self.themes.items() if box.isChecked()))

    def show_found(self, plan: AccountPlan) -> None:
        """Say which identifiers will be replaced (people always get their aliases)."""
        self.found.setText(found_text(plan))

    def ask_path(self) -> Path | None:
        """Where to save (tests replace this)."""
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the reflective account"), "reflective-account.docx",
            self.tr("Word (*.docx);;PDF (*.pdf);;Markdown (*.md)"))
        return Path(name) if name else None

    def save_as(self) -> None:
        """Write the account where the worker chooses; it counts towards revalidation."""
        from carejournal.pack.write import format_for
        from carejournal.services.accounts import write_account

        path = self.ask_path()
        if path is None:
            return
        try:
            plan = self.plan()
            self.show_found(plan)
            write_account(self.journal, plan, path, format_for(path))
        except (InvalidInput, JournalError) as exc:
            self.problem.setText(str(exc))
            return
        self.written = path
        self.problem.setText(self.tr("Saved to {path}.").format(path=str(path)))
