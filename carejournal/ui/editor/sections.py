"""The labelled sections of a reflective model (or of the own-fallibility prompts)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import ActionItem
from carejournal.core.templates import Template, TemplateSection, find_model, models
from carejournal.ui.editor.action_items import ActionItemsEditor
from carejournal.ui.editor.fold import FoldGroup
from carejournal.ui.editor.grow import grow_with_text
from carejournal.ui.lens.highlighter import LensContext
from carejournal.ui.lens.text_edit import LensEdit

SECTION_MIN_LINES = 4  # each section grows with its text; the page scrolls


class SectionsEditor(QWidget):
    """Shows one template's sections as fields. Text of other templates' sections is kept."""

    changed = Signal()
    model_changed = Signal()
    cursor_moved = Signal(QObject)  # the text field whose cursor moved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, str] = {}
        self._template: Template | None = None
        self._loading = False
        self._lens: LensContext | None = None
        self.fields: dict[str, QPlainTextEdit | QComboBox] = {}
        self.model = QComboBox()
        self.model.setAccessibleName(self.tr("Reflective model"))
        for template in models():
            self.model.addItem(template.name, template.key)
        self.model_label = QLabel(self.tr("Mo&del"))
        self.model_label.setBuddy(self.model)
        self.summary = QLabel(wordWrap=True)
        self.summary.setStyleSheet("font-style: italic;")
        self.action_items = ActionItemsEditor()
        self.actions_group = FoldGroup("actions", self.tr("Actions"), self.action_items)
        self._writing_only = False
        self._chooses_model = False
        self.labels: dict[str, QLabel] = {}
        self._fields_box = QWidget()
        head = QFormLayout()
        head.addRow(self.model_label, self.model)
        head.addRow(self.summary)
        self._head = QWidget()
        self._head.setLayout(head)
        head.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._head)
        layout.addWidget(self._fields_box)
        self._layout = layout
        self.model.currentIndexChanged.connect(self._on_model)
        self.action_items.changed.connect(self.changed)

    # -- filling -------------------------------------------------------------
    def show_template(self, template: Template, choose_model: bool) -> None:
        """Show this template's sections; choose_model offers the reflective models."""
        self._loading = True
        try:
            self._chooses_model = choose_model
            self._head.setVisible(choose_model and not self._writing_only)
            if choose_model:
                self.model.setCurrentIndex(max(0, self.model.findData(template.key)))
            self.summary.setText(template.summary)
            self._build(template)
        finally:
            self._loading = False

    def set_value(self, sections: tuple[tuple[str, str], ...],
                  actions: tuple[ActionItem, ...]) -> None:
        """The stored text of every section (shown or not) and the action items.

        The fields are made by the next show_template, so they are built once per entry.
        """
        self._values = dict(sections)
        self.action_items.set_value(actions)

    def value(self) -> tuple[tuple[str, str], ...]:
        """Every section's text, shown sections first, in their order."""
        shown = [s.key for s in self._template.sections] if self._template else []
        keys = shown + [k for k in self._values if k not in shown]
        return tuple((k, self._values[k]) for k in keys if self._values.get(k, "").strip())

    def set_lens_context(self, context: LensContext) -> None:
        """Check the section texts with the entry's language lens (fields built from now on)."""
        self._lens = context
        for field in self.text_fields():
            if field.lens_context is None:
                field.attach(context)

    def text_fields(self) -> list[LensEdit]:
        """The shown sections one writes in (not the choices), in order."""
        return [f for f in self.fields.values() if isinstance(f, LensEdit)]

    def current_model(self) -> str:
        return str(self.model.currentData())

    def set_read_only(self, read_only: bool) -> None:
        self.model.setEnabled(not read_only)
        for field in self.fields.values():
            if isinstance(field, QPlainTextEdit):
                field.setReadOnly(read_only)
            else:
                field.setEnabled(not read_only)
        self.action_items.set_read_only(read_only)

    # -- building ------------------------------------------------------------
    def _build(self, template: Template) -> None:
        self._template = template
        self.actions_group.setParent(self)  # kept (hidden); the old fields go with their box
        old, self._fields_box = self._fields_box, QWidget()
        self._layout.replaceWidget(old, self._fields_box)
        old.hide()
        old.deleteLater()
        box = QVBoxLayout(self._fields_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.fields = {}
        self.labels = {}
        for section in template.sections:
            field = self._field(section)
            self.fields[section.key] = field
            label = QLabel(f"<b>{escape(section.label)}</b><br>{escape(section.question)}")
            label.setWordWrap(True)
            label.setBuddy(field)
            self.labels[section.key] = label
            box.addWidget(label)
            box.addWidget(field)
            if section.actions:
                box.addWidget(self.actions_group)
        self.actions_group.setVisible(any(s.actions for s in template.sections))
        self.set_writing_only(self._writing_only)

    def _field(self, section: TemplateSection) -> QPlainTextEdit | QComboBox:
        value = self._values.get(section.key, "")
        if section.kind == "choice":
            box = QComboBox()
            box.addItem(self.tr("Not chosen"), "")
            for option in section.options:
                box.addItem(option.label, option.key)
            if value and box.findData(value) < 0:
                box.addItem(value, value)  # a choice no longer offered stays visible
            box.setCurrentIndex(max(0, box.findData(value)))
            box.currentIndexChanged.connect(
                lambda _i, k=section.key, b=box: self._store(k, str(b.currentData())))
            field: QPlainTextEdit | QComboBox = box
        else:
            edit = LensEdit()
            if self._lens is not None:
                edit.attach(self._lens)
            edit.setPlainText(value)
            edit.setTabChangesFocus(True)
            grow_with_text(edit, SECTION_MIN_LINES).cursor_moved.connect(self.cursor_moved)
            edit.textChanged.connect(
                lambda k=section.key, e=edit: self._store(k, e.toPlainText(), e))
            field = edit
        field.setAccessibleName(section.label)
        field.setAccessibleDescription(section.question)
        return field

    def set_writing_only(self, on: bool) -> None:
        """Only the sections one writes in: the model, the choices and the actions hide."""
        was, self._writing_only = self._writing_only, on
        if on:
            self._head.hide()
            self.actions_group.hide()
        elif was:
            self._head.setVisible(self._template is not None and self.model.isEnabled()
                                  and self._chooses_model)
            self.actions_group.setVisible(self._template is not None and any(
                s.actions for s in self._template.sections))
        for key, field in self.fields.items():
            if not isinstance(field, LensEdit):
                field.setVisible(not on)
                self.labels[key].setVisible(not on)

    def _store(self, key: str, text: str, edit: QWidget | None = None) -> None:
        if edit is not None and self.fields.get(key) is not edit:
            return  # a box of sections shown before, marked again on its way out
        if self._values.get(key, "") == text:
            return  # only the lens or spelling marks changed
        self._values[key] = text
        if not self._loading:
            self.changed.emit()

    def _on_model(self) -> None:
        if self._loading:
            return
        self.show_template(find_model(self.current_model()), choose_model=True)
        self.model_changed.emit()
        self.changed.emit()
