"""File › Import…: which format, which file(s), and for CSV which column holds what, with the
first rows shown. The dialog only chooses: the controller imports (services/importing.py),
so the window and `carejournal import` read, check and write files the same way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carejournal.exchange import csv_import
from carejournal.ui.shared.problems import PROBLEMS
from carejournal.ui.shared.tab_order import follow_layout

PREVIEW_ROWS = 5
CELL_CHARS = 80  # a preview cell shows this much of a long text
MAX_COLUMN_PX = 260  # no preview column wider (the text column would push the rest out)
WIDE = (680, 560)  # the dialog's size with the CSV preview, where the screen allows


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def format_labels() -> dict[str, str]:
    """The formats `carejournal import --format` takes, as the worker reads them."""
    return {"json": translate("CareJournal", "CareJournal JSON (an export of CareJournal)"),
            "jrnl": translate("CareJournal", "jrnl (its JSON export)"),
            "csv": translate("CareJournal", "CSV (a spreadsheet saved as CSV)"),
            "markdown": translate("CareJournal", "Markdown files (one entry per file)")}


def file_filters() -> dict[str, str]:
    """What the file chooser shows for each format."""
    return {"json": translate("CareJournal", "CareJournal JSON (*.json)"),
            "jrnl": translate("CareJournal", "jrnl JSON (*.json)"),
            "csv": translate("CareJournal", "CSV files (*.csv *.txt)"),
            "markdown": translate("CareJournal", "Markdown files (*.md *.markdown *.txt)")}


def field_labels() -> dict[str, str]:
    """The CSV fields (csv_import.FIELDS) as the worker reads them."""
    return {"date": translate("CareJournal", "Date (needed)"),
            "text": translate("CareJournal", "Text (needed)"),
            "title": translate("CareJournal", "Title"),
            "tags": translate("CareJournal", "Tags"),
            "kind": translate("CareJournal", "Kind of entry")}


REQUIRED = ("date", "text")


class ImportDialog(QDialog):
    """Chooses a format, the files and (for CSV) the columns; accepted with Import."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import into the Journal"))
        self.setAccessibleName(self.tr("Import into the journal"))
        self.files: list[Path] = []
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format of the file"))
        for key, label in format_labels().items():
            self.format.addItem(label, key)
        self.where = QLineEdit()
        self.where.setReadOnly(True)
        self.where.setAccessibleName(self.tr("File to import"))
        self.where.setPlaceholderText(self.tr("No file chosen"))
        self.choose = QPushButton(self.tr("&Choose…"))
        self.choose.setAccessibleName(self.tr("Choose the file to import"))
        self.columns = {field: QComboBox() for field in csv_import.FIELDS}
        self.preview = QTableWidget()
        self.preview.setAccessibleName(self.tr("The file's first rows"))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.setWordWrap(False)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the file"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self._build()
        self.format.currentIndexChanged.connect(self._format_changed)
        self.choose.clicked.connect(self.choose_files)
        for box in self.columns.values():
            box.currentIndexChanged.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._format_changed()
        follow_layout(self)  # Tab in the order the dialog shows its fields

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        row = QHBoxLayout()
        row.addWidget(self.where, 1)
        row.addWidget(self.choose)
        file_label = QLabel(self.tr("F&ile:"))
        file_label.setBuddy(self.choose)
        form.addRow(file_label, row)
        self.csv_box = QGroupBox(self.tr("Which column holds what"))
        columns = QFormLayout()
        for field, label in field_labels().items():
            box = self.columns[field]
            box.setAccessibleName(label)
            columns.addRow(label, box)
        inner = QVBoxLayout(self.csv_box)
        inner.addLayout(columns)
        inner.addWidget(QLabel(self.tr("The first rows of the file:")))
        inner.addWidget(self.preview, 1)
        note = QLabel(self.tr("The import is all or nothing: if any entry cannot be read, "
                              "nothing is imported and you are told where. Entries already "
                              "in the journal are skipped."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.csv_box, 1)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def chosen_format(self) -> str:
        """The format's key, as `carejournal import --format` takes it."""
        return str(self.format.currentData())

    def mapping(self) -> str:
        """The CSV column map, as `--map` takes it."""
        return csv_import.mapping_text({f: str(b.currentData() or "")
                                        for f, b in self.columns.items()})

    def choose_files(self) -> None:
        """Ask for the file (or, for Markdown, the files) to import."""
        fmt = self.chosen_format()
        title, filters = self.tr("Choose the file to import"), file_filters()[fmt]
        if fmt == "markdown":
            names, _ = QFileDialog.getOpenFileNames(self, title, "", filters)
        else:
            name, _ = QFileDialog.getOpenFileName(self, title, "", filters)
            names = [name] if name else []
        if names:
            self.set_files([Path(n) for n in names])

    def set_files(self, files: list[Path]) -> None:
        """Import these files (the CSV preview and columns follow)."""
        self.files = files
        self.where.setText(", ".join(f.name for f in files))
        self.where.setToolTip("\n".join(str(f) for f in files))
        self._read_columns()

    def _format_changed(self) -> None:
        self.csv_box.setVisible(self.chosen_format() == "csv")
        self._read_columns()
        self.place()

    def place(self) -> None:
        """Size the dialog for its content (room for the CSV preview), within the screen's
        available area, centred on the window."""
        parent = self.parentWidget()
        screen = (parent or self).screen().availableGeometry()
        if self.csv_box.isVisible():
            self.resize(min(WIDE[0], screen.width() - 40), min(WIDE[1], screen.height() - 60))
        else:
            self.adjustSize()
            self.resize(min(WIDE[0], screen.width() - 40), self.sizeHint().height())
        frame = self.frameGeometry().size()
        centre = parent.frameGeometry().center() if parent is not None else screen.center()
        x = max(screen.left(), min(centre.x() - frame.width() // 2,
                                   screen.right() - frame.width()))
        y = max(screen.top(), min(centre.y() - frame.height() // 2,
                                  screen.bottom() - frame.height()))
        self.move(x, y)

    def _read_columns(self) -> None:
        """Offer the CSV file's columns for each field, guessed by name, and its first rows."""
        self.problem.clear()
        header: list[str] = []
        rows: list[list[str]] = []
        if self.chosen_format() == "csv" and len(self.files) == 1:
            try:
                header, rows = csv_import.preview(self.files[0], PREVIEW_ROWS)
            except PROBLEMS as exc:
                self.problem.setText(str(exc))
        guessed = csv_import.guess_mapping(header)
        for field, box in self.columns.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("(choose a column)") if field in REQUIRED
                        else self.tr("(none)"), "")
            for name in header:
                box.addItem(name, name)
            box.setCurrentIndex(max(0, box.findData(guessed.get(field, ""))))
            box.blockSignals(False)
        self._show_preview(header, rows)
        self._update()

    def _show_preview(self, header: list[str], rows: list[list[str]]) -> None:
        self.preview.clear()
        self.preview.setColumnCount(len(header))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(header)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row[:len(header)]):
                shown = cell if len(cell) <= CELL_CHARS else cell[:CELL_CHARS - 1] + "…"
                self.preview.setItem(r, c, QTableWidgetItem(shown.replace("\n", " ")))
        self.preview.resizeColumnsToContents()
        for column in range(len(header)):
            self.preview.setColumnWidth(column, min(self.preview.columnWidth(column),
                                                    MAX_COLUMN_PX))

    def _update(self) -> None:
        """Import is offered once there is a file (and, for CSV, a date and a text column)."""
        ready = bool(self.files)
        if self.chosen_format() == "csv":
            ready = ready and not self.problem.text() and all(
                self.columns[f].currentData() for f in REQUIRED)
        self.import_button.setEnabled(ready)
