"""Step 8 of the preparation: write the pack. The worker's name, the format, each person's
alias and other names, then a check for anything else that could identify someone; nothing
is written until the worker has seen what the check found."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDir, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.dates import short_day
from carejournal.core.preparation import Preparation
from carejournal.pack.write import PackFormat
from carejournal.privacy.identifiers import IdKind
from carejournal.privacy.pseudonym import Pseudonymiser
from carejournal.services.journal import Journal
from carejournal.ui.shared import background
from carejournal.ui.supervision.prepare_common import (
    PROBLEMS,
    PrepPage,
    button,
    content_or_empty,
    show_content,
    text_label,
)

if TYPE_CHECKING:
    from carejournal.services.packs import PackPlan, Written

NAME_ROLE = Qt.ItemDataRole.UserRole
SUFFIXES = {PackFormat.PDF: ".pdf", PackFormat.DOCX: ".docx", PackFormat.MARKDOWN: ".md"}


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def identifier_label(kind: IdKind) -> str:
    """What a kind of identifier is called, in the worker's language."""
    labels = {IdKind.NHS_NUMBER: translate("CareJournal", "NHS number"),
              IdKind.NI_NUMBER: translate("CareJournal", "National Insurance number"),
              IdKind.POSTCODE: translate("CareJournal", "postcode"),
              IdKind.PHONE: translate("CareJournal", "phone number"),
              IdKind.EMAIL: translate("CareJournal", "e-mail address"),
              IdKind.BIRTH_DATE: translate("CareJournal", "date of birth"),
              IdKind.NAME: translate("CareJournal", "a name, or a place"),
              IdKind.PLACE: translate("CareJournal", "a place"),
              IdKind.CHI_NUMBER: translate("CareJournal", "CHI number"),
              IdKind.HC_NUMBER: translate("CareJournal", "Health and Care number"),
              IdKind.HOSPITAL_NUMBER: translate("CareJournal", "hospital number"),
              IdKind.ADDRESS: translate("CareJournal", "street address"),
              IdKind.VEHICLE: translate("CareJournal", "vehicle registration")}
    return labels[kind]


class ExportPage(PrepPage):
    """Names, format, the identifier check, and writing the pack off the window's thread."""

    PERSON, SHOWN, ALIAS, NICKNAMES = range(4)
    REPLACE, FOUND, KIND, TIMES = range(4)

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, prep, parent)
        self.setTitle(self.tr("Step 8 of 8: the supervision pack"))
        self.setSubTitle(self.tr(
            "People are called by an alias in the pack. Check for anything else that could "
            "identify someone, then export."))
        self.plan: PackPlan | None = None
        self.writing = False
        self.written: Written | None = None
        self._build()

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        self.worker = QLineEdit()
        self.worker.setAccessibleName(self.tr("Your name on the cover (optional)"))
        self.worker.setPlaceholderText(self.tr("leave empty to keep it off the cover"))
        worker_label = QLabel(self.tr("Your &name on the cover:"))
        worker_label.setBuddy(self.worker)
        self.formats = QButtonGroup(self)
        top = QHBoxLayout()
        top.addWidget(worker_label)
        top.addWidget(self.worker, 1)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Format:")))
        for fmt, text in ((PackFormat.PDF, self.tr("&PDF")),
                          (PackFormat.DOCX, self.tr("&Word (DOCX)")),
                          (PackFormat.MARKDOWN, self.tr("Mar&kdown"))):
            radio = QRadioButton(text)
            radio.setAccessibleName(self.tr("Write the pack as {format}").format(
                format=text.replace("&", "")))
            radio.setProperty("format", fmt.value)
            self.formats.addButton(radio)
            top.addWidget(radio)
        self.formats.buttons()[0].setChecked(True)
        middle = QHBoxLayout()
        middle.addWidget(self._people_box(), 1)
        middle.addWidget(self._check_box(), 1)
        self.export_button = button(self.tr("&Export…"), self.tr("Export the pack"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Writing the pack"))
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(160)
        self.busy.setVisible(False)
        self.result = text_label(accessible=self.tr("What the export did"))
        self.open_button = button(self.tr("&Open"), self.tr("Open the pack"))
        self.folder_button = button(self.tr("Show in &folder"),
                                    self.tr("Show the folder the pack is in"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.busy)
        bottom.addWidget(self.result, 1)
        for shown in (self.open_button, self.folder_button):
            shown.setVisible(False)  # until a pack is written
            bottom.addWidget(shown)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self.worker.editingFinished.connect(self.save_worker_name)
        self.people.itemChanged.connect(self._names_edited)
        self.check_button.clicked.connect(self.check)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self.open_pack)
        self.folder_button.clicked.connect(self.show_folder)

    def _people_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("People and their aliases"))
        self.people = _table([self.tr("Person"), self.tr("In the pack"),
                              self.tr("Alias you chose"), self.tr("Other names")],
                             self.tr("People, with the alias each has in this pack; the alias "
                                     "and other names can be edited"))
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed
                                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        hint = text_label(self.tr(
            "Initials are used unless you choose an alias. Add other names someone goes by "
            "(nicknames), separated by commas, so they are replaced too."))
        self.no_people = text_label(self.tr("Nobody is named in the journal yet."))
        self.people_stack = content_or_empty(self.people, self.no_people)
        layout = QVBoxLayout(box)
        layout.addWidget(self.people_stack, 1)
        layout.addWidget(hint)
        return box

    def _check_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Anything else that could identify someone"))
        self.check_button = button(self.tr("C&heck for identifiers"),
                                   self.tr("Check the pack for identifiers"))
        self.found = _table([self.tr("Replace"), self.tr("Found"), self.tr("Kind"),
                             self.tr("Times")],
                            self.tr("Details found; untick one to keep it as written"))
        self.found_text = text_label(self.tr(
            "The check looks for NHS and National Insurance numbers, postcodes, phone "
            "numbers, e-mail addresses, dates of birth and names that are not on the list."),
            self.tr("What the check found"))
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.found_text)
        self.found_stack = content_or_empty(self.found, QLabel())
        layout.addWidget(self.found_stack, 1)
        return box

    # -- showing -------------------------------------------------------------
    def initializePage(self) -> None:
        self.say("")
        self.worker.setText(self.prep.worker_name or self.journal.settings.worker_name())
        self.show_people()
        self.forget_plan()

    def show_people(self) -> None:
        """Everyone in the journal with the alias they have in this pack."""
        try:
            people = self.journal.supervision.people()
        except PROBLEMS as exc:
            self.problem(exc)
            return
        aliases = Pseudonymiser(people).aliases()
        self.people.blockSignals(True)
        self.people.setRowCount(len(people))
        for n, person in enumerate(people):
            cells = (person.name, aliases.get(person.name, ""), person.alias,
                     ", ".join(person.nicknames))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(NAME_ROLE, person.name)
                if column in (self.PERSON, self.SHOWN):
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.people.setItem(n, column, cell)
        self.people.blockSignals(False)
        show_content(self.people_stack, bool(people))

    def forget_plan(self) -> None:
        """Something changed: the check has to be run again before anything is written."""
        self.plan = None
        self.found.setRowCount(0)
        show_content(self.found_stack, False)
        self.export_button.setEnabled(False)
        self.export_button.setToolTip(self.tr("Run the check first"))
        self.result.setText(self.tr("Run the check first; then you can export."))

    # -- names ---------------------------------------------------------------
    def save_worker_name(self) -> None:
        """Keep the worker's name for this and later packs."""
        try:
            self.journal.settings.set_worker_name(self.worker.text())
        except PROBLEMS as exc:
            self.problem(exc)
            return
        name = self.journal.settings.worker_name()
        if name != self.prep.worker_name:
            self.prep.worker_name = name
            self.forget_plan()
            self.saved()

    def set_names(self, name: str, alias: str, nicknames: str) -> None:
        """Set someone's alias in packs and the other names they go by."""
        try:
            self.journal.supervision.set_names(name, nicknames.split(","), alias)
        except PROBLEMS as exc:
            self.problem(exc)
        self.show_people()
        self.forget_plan()

    def _names_edited(self, cell: QTableWidgetItem) -> None:
        if cell.column() not in (self.ALIAS, self.NICKNAMES):
            return
        row = cell.row()
        alias, nicknames = self.people.item(row, self.ALIAS), self.people.item(row, self.NICKNAMES)
        if alias is not None and nicknames is not None:
            self.set_names(cell.data(NAME_ROLE), alias.text(), nicknames.text())

    # -- the check -----------------------------------------------------------
    def check(self) -> None:
        """Gather the pack and list every identifier found, each to replace or keep."""
        from carejournal.services.packs import plan_pack

        self.save_worker_name()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.plan = plan_pack(self.journal, self.prep)
        except PROBLEMS as exc:
            self.problem(exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_found()
        self.export_button.setEnabled(True)
        self.export_button.setToolTip("")
        self.result.setText(self.tr("Ready to export."))

    def _show_found(self) -> None:
        detected = self.plan.detected if self.plan is not None else ()
        self.found.setRowCount(len(detected))
        for n, item in enumerate(detected):
            tick = QTableWidgetItem(self.tr("replace"))
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            tick.setCheckState(Qt.CheckState.Checked)
            tick.setData(NAME_ROLE, item.text)
            cells = (tick, QTableWidgetItem(item.text),
                     QTableWidgetItem(identifier_label(item.kind)),
                     QTableWidgetItem(str(item.count)))
            for column, cell in enumerate(cells):
                if column:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.found.setItem(n, column, cell)
        show_content(self.found_stack, bool(detected))
        self.found_text.setText(self.tr(
            "Each of these is replaced with a placeholder such as [postcode]. Untick one to "
            "keep it as written, such as the name of a town.") if detected else self.tr(
            "Nothing else that could identify someone was found. People are still called by "
            "their aliases."))

    def keep(self) -> set[str]:
        """The texts the worker chose to keep as written."""
        cells = (self.found.item(n, self.REPLACE) for n in range(self.found.rowCount()))
        return {cell.data(NAME_ROLE) for cell in cells
                if cell is not None and cell.checkState() != Qt.CheckState.Checked}

    # -- writing -------------------------------------------------------------
    def chosen_format(self) -> PackFormat:
        checked = self.formats.checkedButton()
        return PackFormat(checked.property("format")) if checked else PackFormat.PDF

    def set_format(self, fmt: PackFormat) -> None:
        for radio in self.formats.buttons():
            radio.setChecked(radio.property("format") == fmt.value)

    def suggested_path(self) -> Path:
        """"Supervision pack 26 Nov 2026.<format>" in Documents (or the home folder): the
        date as everywhere else in the pack and the wizard."""
        home = Path(QDir.homePath())
        folder = home / "Documents" if (home / "Documents").is_dir() else home
        held = self.journal.preparing.session_of(self.prep).held_on
        name = self.tr("Supervision pack {date}").format(date=short_day(held))
        return folder / f"{name}{SUFFIXES[self.chosen_format()]}"

    def choose_path(self) -> Path | None:
        """Ask where to write the pack (tests replace this)."""
        fmt = self.chosen_format()
        filters = {PackFormat.PDF: self.tr("PDF documents (*.pdf)"),
                   PackFormat.DOCX: self.tr("Word documents (*.docx)"),
                   PackFormat.MARKDOWN: self.tr("Markdown files (*.md)")}
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the supervision pack"), str(self.suggested_path()),
            filters[fmt])
        return Path(chosen) if chosen else None

    def export(self) -> None:
        """Ask where, then write the pack in the background."""
        if self.plan is None or self.writing:
            return
        path = self.choose_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the pack to path off the window's thread; False if it cannot start."""
        if self.plan is None or self.writing:
            return False
        known = {suffix: fmt for fmt, suffix in SUFFIXES.items()}
        if path.suffix.lower() in known:
            self.set_format(known[path.suffix.lower()])
        else:
            path = path.with_name(path.name + SUFFIXES[self.chosen_format()])
        self._busy(True)
        self.result.setText(self.tr("Writing the pack…"))
        background.run(_write, self.plan, path, self.chosen_format(), self.keep(),
                       done=self._written, owner=self, name="write-supervision-pack")
        return True

    def _show_opening(self, on: bool) -> None:
        for shown in (self.open_button, self.folder_button):
            shown.setVisible(on)

    def open_pack(self) -> bool:
        """Open the written pack in the program the desktop uses for its kind of file."""
        return self.written is not None and self._open(self.written.path)

    def show_folder(self) -> bool:
        """Open the folder the pack was written to in the desktop's file manager."""
        return self.written is not None and self._open(self.written.path.parent)

    def _open(self, path: Path) -> bool:
        if opener(QUrl.fromLocalFile(str(path))):
            return True
        self.say(self.tr("Could not open {path}: no program on this computer offered to "
                         "open it.").format(path=path))
        return False

    def _busy(self, on: bool) -> None:
        self.writing = on
        self.busy.setVisible(on)
        if on:
            self._show_opening(False)
        for widget in (self.export_button, self.check_button, self.people, self.found):
            widget.setEnabled(not on)

    def _written(self, outcome: object) -> None:
        self._busy(False)
        if isinstance(outcome, BaseException):
            self.written = None
            self.result.setText(self.tr("The pack was not written."))
            QMessageBox.warning(self, self.tr("The pack was not written"), self.tr(
                "The pack could not be written: {problem}\n\nNothing was left half-written. "
                "You can try again, perhaps in another folder.").format(problem=outcome))
            return
        self.written = outcome  # type: ignore[assignment]
        path = str(self.written.path) if self.written is not None else ""
        self.result.setText(self.tr("The pack is saved: {path}").format(path=path))
        self._show_opening(self.written is not None)
        self.saved()
        QMessageBox.information(self, self.tr("The pack is ready"), self.tr(
            "Your supervision pack is saved here:\n{path}\n\nPeople are called by their "
            "aliases in it. Open it, or show its folder, with the buttons beside "
            "Export.").format(path=path))


def opener(url: QUrl) -> bool:
    """Hand a file or folder to the desktop (tests replace this)."""
    return QDesktopServices.openUrl(url)


def _write(plan: PackPlan, path: Path, fmt: PackFormat, keep: set[str]) -> Written:
    """Write the pack (in a background thread; if the wizard is closed meanwhile, the file is
    still written, or not, and nobody is told)."""
    from carejournal.services.packs import write_plan

    return write_plan(plan, path, fmt, keep)


def _table(headers: list[str], accessible: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(accessible)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table
