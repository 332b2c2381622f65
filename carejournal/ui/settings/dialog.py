"""Settings: the usual shifts, the after-shift reminder, when to ask before ending a goal,
when to suggest preparing for supervision (with the name for the pack's cover), spell checking
(on or off, the language, the worker's own words), and when to lock CareJournal after it is
left unused."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import InvalidInput, clean_name
from carejournal.core.errors import JournalError
from carejournal.core.shifts import Shift, days_text, parse_days
from carejournal.core.supervision import MAX_PROMPT_DAYS
from carejournal.services.settings import MAX_ATTEMPTS_THRESHOLD, MAX_LOCK_MINUTES, SettingsService
from carejournal.ui.shared.colours import is_dark, problem_banner_style
from carejournal.ui.shared.dates import py_time
from carejournal.ui.shared.tab_order import follow_layout

if TYPE_CHECKING:
    from carejournal.services.spelling import SpellingService

USUAL_THREE = (("early", dt.time(7), dt.time(15)), ("late", dt.time(14), dt.time(22)),
               ("night", dt.time(22), dt.time(7)))
PROBLEMS = (InvalidInput, JournalError, OSError)


@dataclass
class ShiftRow:
    """The widgets of one shift in the table."""

    name: QLineEdit
    start: QTimeEdit
    end: QTimeEdit
    days: QLineEdit
    remove: QPushButton

    def widgets(self) -> tuple[QWidget, ...]:
        """In column order."""
        return (self.name, self.start, self.end, self.days, self.remove)


def _time_edit(value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumWidth(80)
    return edit


class ShiftTable(QWidget):
    """A small editable table of shifts: name, start, end and days; rows can be added and
    removed, and an empty table offers the usual three. Emits `rows_changed`."""

    rows_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ShiftRow] = []
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(3, 2)
        self.headers = [QLabel(t) for t in (self.tr("Name"), self.tr("Starts"),
                                            self.tr("Ends"), self.tr("Days"))]
        for column, header in enumerate(self.headers):
            header.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(header, 0, column)
        self.empty = QLabel(self.tr("No usual shifts yet. Add yours, and CareJournal can ask "
                                    "how a shift went shortly after it ends."), wordWrap=True)
        self.add = QPushButton(self.tr("&Add a shift"))
        self.add_usual = QPushButton(self.tr("Add the usual &three (early, late, night)"))
        self.add_usual.setToolTip(self.tr("early 07:00–15:00, late 14:00–22:00, "
                                          "night 22:00–07:00; change them to suit you"))
        self.add.clicked.connect(lambda: self.add_row().name.setFocus())
        self.add_usual.clicked.connect(self.add_usual_three)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.add_usual)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)
        self._relayout()

    def set_shifts(self, shifts: list[Shift]) -> None:
        """Show these shifts, replacing any rows."""
        for row in list(self.rows):
            self.remove_row(row)
        for shift in shifts:
            self.add_row(shift.name, shift.start, shift.end, days_text(shift.weekdays))

    def add_row(self, name: str = "", start: dt.time = dt.time(9), end: dt.time = dt.time(17),
                days: str = "") -> ShiftRow:
        """Add a row at the end."""
        row = ShiftRow(QLineEdit(name, placeholderText=self.tr("for example late")),
                       _time_edit(start), _time_edit(end),
                       QLineEdit(days, placeholderText=self.tr("every day")),
                       QPushButton(self.tr("Remove")))
        row.days.setToolTip(self.tr("Leave empty for every day, or list days, "
                                    "for example mon,tue,sat"))
        row.remove.clicked.connect(lambda: self.remove_row(row))
        for widget in row.widgets():  # never squashed so the times cannot be read
            widget.setMinimumHeight(widget.sizeHint().height())
        for edit in (row.name, row.days):
            edit.textEdited.connect(lambda _text, e=edit: mark(e, ""))
        for time_edit in (row.start, row.end):
            time_edit.timeChanged.connect(lambda _time, r=row: mark(r.end, ""))
        self.rows.append(row)
        self._relayout()
        return row

    def add_usual_three(self) -> None:
        """Early, late and night, as a starting point to change."""
        for name, start, end in USUAL_THREE:
            self.add_row(name, start, end)
        self.rows[0].name.setFocus()

    def remove_row(self, row: ShiftRow) -> None:
        """Take a row out of the table."""
        self.rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._relayout()

    def _relayout(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)
            row.name.setAccessibleName(self.tr("Name of shift {n}").format(n=number))
            row.start.setAccessibleName(self.tr("Start of shift {n}").format(n=number))
            row.end.setAccessibleName(self.tr("End of shift {n}").format(n=number))
            row.days.setAccessibleName(self.tr("Days of shift {n}").format(n=number))
            row.remove.setAccessibleName(self.tr("Remove shift {n}").format(n=number))
        for header in self.headers:
            header.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        self.add_usual.setVisible(not self.rows)
        self.rows_changed.emit()

    def shifts(self) -> tuple[list[Shift], list[tuple[QWidget, str]]]:
        """The shifts entered, and the problems found: (widget to fix, message)."""
        shifts: list[Shift] = []
        problems: list[tuple[QWidget, str]] = []
        seen: dict[str, int] = {}
        for number, row in enumerate(self.rows, start=1):
            shift, found = self._read(row)
            if shift is not None and shift.name.casefold() in seen:
                found.append((row.name, self.tr(
                    "shift {other} is already called {name}; give each its own name").format(
                    other=seen[shift.name.casefold()], name=shift.name)))
            elif shift is not None:
                seen[shift.name.casefold()] = number
                shifts.append(shift)
            problems += [(widget, self.tr("Shift {n}: {problem}").format(n=number, problem=text))
                         for widget, text in found]
        for widget, message in problems:
            mark(widget, message)
        return shifts, problems

    def _read(self, row: ShiftRow) -> tuple[Shift | None, list[tuple[QWidget, str]]]:
        """The shift in a row, or every problem with it."""
        problems: list[tuple[QWidget, str]] = []
        name, days = "", frozenset[int]()
        try:
            name = clean_name(row.name.text())
        except InvalidInput as exc:
            problems.append((row.name, str(exc)))
        if not name and not problems:
            problems.append((row.name, self.tr("give it a name, for example early, late or "
                                               "night")))
        try:
            days = parse_days(row.days.text())
        except InvalidInput as exc:
            problems.append((row.days, str(exc)))
        start, end = py_time(row.start.time()), py_time(row.end.time())
        if start == end:
            problems.append((row.end, self.tr("it starts and ends at the same time")))
        return (None, problems) if problems else (Shift(name, start, end, days), [])


def mark(widget: QWidget, problem: str) -> None:
    """Outline a field that needs fixing (and say why to screen readers), or clear it."""
    colour = "#ffb4ab" if is_dark(widget) else "#b3261e"
    widget.setStyleSheet(f"border: 2px solid {colour}; border-radius: 3px;" if problem else "")
    widget.setAccessibleDescription(problem)


class SettingsDialog(QDialog):
    """Edit the settings kept in the journal; nothing is saved until every row is right."""

    def __init__(self, settings: SettingsService, parent: QWidget | None = None,
                 spelling: SpellingService | None = None,
                 user_settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.user_settings = user_settings if user_settings is not None else QSettings()
        self.spelling = spelling
        self.setWindowTitle(self.tr("Settings"))
        self.table = ShiftTable()
        self.table.set_shifts(settings.shifts())
        self.reminders = QCheckBox(self.tr("A&sk how my shift went, shortly after it ends"))
        self.reminders.setAccessibleName(self.reminders.text().replace("&", ""))
        self.reminders.setChecked(settings.reminders_on())
        self.threshold = QSpinBox(minimum=1, maximum=MAX_ATTEMPTS_THRESHOLD)
        self.threshold.setValue(settings.attempts_threshold())
        self.prompt_days = QSpinBox(minimum=0, maximum=MAX_PROMPT_DAYS)
        self.prompt_days.setValue(settings.prompt_days())
        self.worker_name = QLineEdit(settings.worker_name(), maxLength=200)
        self.lock_minutes = QSpinBox(minimum=0, maximum=MAX_LOCK_MINUTES)
        self.lock_minutes.setValue(settings.lock_minutes())
        self.error = QLabel(wordWrap=True)
        self.error.setAccessibleName(self.tr("Problems to fix"))
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.body = QWidget()
        self.body_layout = layout = QVBoxLayout(self.body)
        layout.addWidget(self._shifts_box())
        layout.addWidget(self._goals_box())
        layout.addWidget(self._supervision_box())
        if spelling is not None:
            layout.addWidget(self._spelling_box(spelling))
        layout.addWidget(self._privacy_box())
        layout.addWidget(self._language_box())
        layout.addWidget(self.error)
        layout.addStretch(1)
        # On a small screen the settings scroll; their rows never squash to fit.
        self.scroller = QScrollArea(widgetResizable=True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.body)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outer = outer = QVBoxLayout(self)
        outer.addWidget(self.scroller, 1)
        outer.addWidget(buttons)
        self.buttons = buttons
        self.table.rows_changed.connect(lambda: QTimer.singleShot(0, self, self.fit))
        self.table.rows_changed.connect(lambda: follow_layout(self))  # new rows in their place
        follow_layout(self)
        self.resize(640, 0)
        self.fit()

    def fit(self) -> None:
        """Grow (never shrink) to show every row and message at the current width, as far
        as the screen allows (then the settings scroll)."""
        from carejournal.ui.window_state import fit

        self.ensurePolished()  # the style's sizes, not the ones before the first show
        margins = self.outer.contentsMargins()
        inner = self.width() - margins.left() - margins.right() \
            - self.scroller.verticalScrollBar().sizeHint().width()  # as narrow as it can be
        needed = (self.body_layout.totalHeightForWidth(inner) + self.buttons.sizeHint().height()
                  + self.outer.spacing() + margins.top() + margins.bottom())
        self.resize(self.width(), max(self.height(), needed))
        if self.isVisible():
            fit(self, centre=False)

    def showEvent(self, event: QShowEvent) -> None:
        """Fit once shown, when the style gives every part its real size."""
        super().showEvent(event)
        self.fit()

    def _shifts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your usual shifts"))
        hint = QLabel(self.tr("A shift that ends before it starts, such as 22:00–07:00, "
                              "ends the next morning. Leave Days empty for every day, or "
                              "list them, for example mon,tue,sat."), wordWrap=True)
        remind = QLabel(self.tr("Asked once, about a quarter of an hour after a usual shift "
                                "ends, while CareJournal is open. Nothing is counted if you "
                                "leave it."), wordWrap=True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(self.reminders)
        layout.addWidget(remind)
        return box

    def _goals_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Plans and goals"))
        sentence = self.tr("Ask before ending a goal after &fewer than {n} attempts")
        before, _found, after = sentence.partition("{n}")
        first = QLabel(before.strip())
        first.setBuddy(self.threshold)
        self.threshold.setAccessibleName(sentence.replace("&", "").replace("{n}", "N"))
        row = QHBoxLayout()
        row.addWidget(first)
        row.addWidget(self.threshold)
        row.addWidget(QLabel(after.strip()))
        row.addStretch(1)
        hint = QLabel(self.tr("Before a plan is written off after only a few tries, "
                              "CareJournal first asks how many attempts your own hardest "
                              "change took."), wordWrap=True)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(hint)
        return box

    def _supervision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Supervision"))
        days_label = QLabel(self.tr("Suggest preparing this many &days before supervision"))
        days_label.setBuddy(self.prompt_days)
        self.prompt_days.setAccessibleName(days_label.text().replace("&", ""))
        name_label = QLabel(self.tr("Your &name on the cover of a supervision pack"))
        name_label.setBuddy(self.worker_name)
        self.worker_name.setAccessibleName(name_label.text().replace("&", ""))
        self.worker_name.setPlaceholderText(self.tr("optional"))
        grid = QGridLayout()
        grid.addWidget(days_label, 0, 0)
        grid.addWidget(self.prompt_days, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(name_label, 1, 0)
        grid.addWidget(self.worker_name, 1, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        hint = QLabel(self.tr("The suggestion shows when CareJournal opens and above your "
                              "timeline; 0 means only on the day itself. Your name is left "
                              "off the pack when this is empty."), wordWrap=True)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addWidget(hint)
        return box

    def _spelling_box(self, spelling: SpellingService) -> QGroupBox:
        box = QGroupBox(self.tr("Spelling"))
        self.spelling_on = QCheckBox(self.tr("Underline misspelt words as I &type"))
        self.spelling_on.setAccessibleName(self.spelling_on.text().replace("&", ""))
        self.spelling_on.setChecked(spelling.on())
        self.language = QComboBox()
        for code in sorted(spelling.languages(), key=lambda c: (c != "en_GB", c)):
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(spelling.dictionary()[0])))
        language_label = QLabel(self.tr("&Language"))
        language_label.setBuddy(self.language)
        self.language.setAccessibleName(self.tr("Spelling language"))
        self.own_words = QPlainTextEdit("\n".join(spelling.words()))
        self.own_words.setTabChangesFocus(True)
        self.own_words.setFixedHeight(self.own_words.fontMetrics().lineSpacing() * 5 + 12)
        words_label = QLabel(self.tr("&Words of your own, one to a line"))
        words_label.setBuddy(self.own_words)
        self.own_words.setAccessibleName(words_label.text().replace("&", ""))
        grid = QGridLayout()
        grid.addWidget(language_label, 0, 0)
        grid.addWidget(self.language, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(words_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.own_words, 1, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        hint = QLabel(self.tr("The names of the people in your journal, and their nicknames, "
                              "are never underlined. Words you add from the menu of a "
                              "misspelt word are listed here; they are kept in your journal, "
                              "encrypted with it when it is."), wordWrap=True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.spelling_on)
        layout.addLayout(grid)
        layout.addWidget(hint)
        return box

    def _privacy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Privacy"))
        sentence = self.tr("&Lock after {n} minutes without use (0: never)")
        before, _found, after = sentence.partition("{n}")
        first = QLabel(before.strip())
        first.setBuddy(self.lock_minutes)
        self.lock_minutes.setAccessibleName(sentence.replace("&", "").replace("{n}", "N"))
        row = QHBoxLayout()
        row.addWidget(first)
        row.addWidget(self.lock_minutes)
        row.addWidget(QLabel(after.strip()))
        row.addStretch(1)
        hint = QLabel(self.tr("When CareJournal is locked, your writing is hidden until you "
                              "unlock it again. You can also lock it yourself at any time."),
                      wordWrap=True)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(hint)
        self.privacy_buttons = QHBoxLayout()
        layout.addLayout(self.privacy_buttons)
        return box

    def _language_box(self) -> QGroupBox:
        """The window's language: the system's, or one chosen (used from the next start)."""
        from carejournal.ui.settings import language

        box = QGroupBox(self.tr("Language of the window"))
        self.window_language = QComboBox()
        self.window_language.addItem(self.tr("As the system is set"), "")
        for code in language.available():
            locale = QLocale(code)
            self.window_language.addItem(
                locale.nativeLanguageName() or language_name(code), code)
        self.window_language.setCurrentIndex(
            max(0, self.window_language.findData(language.chosen(self.user_settings))))
        label = QLabel(self.tr("&Show CareJournal in"))
        label.setBuddy(self.window_language)
        self.window_language.setAccessibleName(self.tr("Language of the window"))
        hint = QLabel(self.tr("Used the next time CareJournal opens."), wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.window_language)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(hint)
        return box

    def add_privacy_actions(self, actions: list[QAction]) -> None:
        """Buttons for the passphrase actions that apply now (they save the settings first)."""
        for action in actions:
            if action.isEnabled():
                button = QPushButton(action.text())
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
                button.clicked.connect(lambda _checked=False, a=action: self._save_then(a))
                self.privacy_buttons.addWidget(button)
        self.privacy_buttons.addStretch(1)
        self.fit()

    def _save_then(self, action: QAction) -> None:
        self.save()
        if self.result() == QDialog.DialogCode.Accepted:
            QTimer.singleShot(0, action.trigger)  # once this dialog has closed

    def save(self) -> None:
        """Check every row, then store everything; point out what needs fixing."""
        shifts, problems = self.table.shifts()
        if problems:
            self.show_problems([message for _widget, message in problems])
            problems[0][0].setFocus()
            return
        try:
            self.settings.set_shifts(shifts)
            self.settings.set_reminders_on(self.reminders.isChecked())
            self.settings.set_attempts_threshold(self.threshold.value())
            self.settings.set_prompt_days(self.prompt_days.value())
            self.settings.set_worker_name(self.worker_name.text())
            self.settings.set_lock_minutes(self.lock_minutes.value())
            if self.spelling is not None:
                self.spelling.set_on(self.spelling_on.isChecked())
                self.spelling.set_language(self.language.currentData())
                self.spelling.set_words(w for w in self.own_words.toPlainText().splitlines()
                                        if w.strip())
        except PROBLEMS as exc:
            self.show_problems([str(exc)])
            return
        from carejournal.ui.settings import language

        language.choose(self.user_settings, self.window_language.currentData())
        self.accept()

    def show_problems(self, messages: list[str]) -> None:
        """List what stops the settings being saved."""
        lines = [self.tr("Nothing is saved yet. Please fix:"), *(f"• {m}" for m in messages)]
        self.error.setText("\n".join(lines))
        self.error.setStyleSheet(problem_banner_style(self))
        self.error.show()
        QTimer.singleShot(0, self, self.fit)


def language_name(code: str) -> str:
    """A dictionary's language as people read it ("English (United Kingdom) · en_GB")."""
    locale = QLocale(code.replace("-", "_"))
    if locale.language() == QLocale.Language.C:
        return code
    name = QLocale.languageToString(locale.language())
    if locale.territory() != QLocale.Country.AnyTerritory and "_" in code:
        name = f"{name} ({QLocale.territoryToString(locale.territory())})"
    return f"{name} · {code}"
