"""The entry editor: when, who and how it felt, then the parts each kind of entry has."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import Entry, EntryDraft, EntryKind, InvalidInput, split_names
from carejournal.core.kindness import Act
from carejournal.core.kinds import Part, Prompts, check_parts, spec_of
from carejournal.core.templates import models, prompted_template
from carejournal.lens.matcher import Lens
from carejournal.services.journal import Journal
from carejournal.ui.editor.acts_checklist import ActsChecklist
from carejournal.ui.editor.body_edit import BodyEdit
from carejournal.ui.editor.decisions import DecisionsEditor
from carejournal.ui.editor.fold import FoldGroup, FoldMemory
from carejournal.ui.editor.grow import grow_with_text
from carejournal.ui.editor.header import EditorHeader
from carejournal.ui.editor.identifier_notice import IdentifierNotice, found_for
from carejournal.ui.editor.links import LinksPanel
from carejournal.ui.editor.sections import SectionsEditor
from carejournal.ui.lens.highlighter import LensContext
from carejournal.ui.lens.panel import LensPanel, PanelItem
from carejournal.ui.lens.text_edit import LensEdit
from carejournal.ui.shared.colours import problem_banner_style, prompt_banner_style
from carejournal.ui.shared.problems import PROBLEMS
from carejournal.ui.shared.strings import body_question, kind_description, kind_label
from carejournal.ui.shared.tab_order import follow_layout

if TYPE_CHECKING:
    from carejournal.ui.editor.history import HistoryDialog

BODY_MIN_LINES = 12  # the text is the largest thing on the page, and grows with what is written
BODY_SHARE = 0.55  # and takes at least this share of the page's height in view
STRENGTHS_MIN_LINES = 4
WRITING_WIDTH = 760  # the text's column in writing-only mode, for lines that read easily
PAGE_SIDE = 9  # the page's side margin beside the text, outside writing only
# The editor's widget for each part of an entry (attribute names); the parts a kind declares
# are shown in its order, the others hidden. The strengths sit inside the text row.
PART_WIDGETS = {Part.TEXT: "text_row", Part.STRENGTHS: "strengths_box", Part.ACTS: "acts_group",
                Part.DECISIONS: "decisions_group", Part.SECTIONS: "sections",
                Part.LINKS: "links"}
# The groups that fold (keys as ui/actions.py's shortcuts name them); folded at first only
# where a kind's text matters more than the group (the checklist of an interaction).
FOLDED_AT_FIRST = {("acts", EntryKind.INTERACTION)}
INSIDE_TEXT_ROW = (Part.STRENGTHS,)
check_parts(PART_WIDGETS, "ui/editor/entry_editor.py PART_WIDGETS")


class EntryEditor(QWidget):
    """Edits one entry. Emits `edited` on every change the person makes."""

    edited = Signal()
    retry_requested = Signal()
    mirror_requested = Signal()
    open_entry = Signal(int)
    rule_off_requested = Signal(str)  # the worker asked to switch this lens rule off
    # Set by backups.not_saved.add_buttons: the ways out when a save fails.
    save_elsewhere: QPushButton
    copy_text: QPushButton

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._writing_only = False
        self._typing_in: LensEdit | None = None
        self.entry_id: int | None = None
        self.mirror_of: int | None = None
        self._kept: EntryDraft | Entry | None = None
        self._journal: Journal | None = None
        self.history_dialog: HistoryDialog | None = None
        self._build()
        self._connect()

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        self.header = header = EditorHeader()
        self.kind, self.date, self.has_time, self.time = (
            header.kind, header.date, header.has_time, header.time)
        self.shift, self.people, self.tags = header.shift, header.people, header.tags
        self.feeling, self.feeling_word, self.title = (
            header.feeling, header.feeling_word, header.title)
        self.lens_context = LensContext(self)
        self.lens_context.people = self.named_people
        self.body = BodyEdit()
        self.body.attach(self.lens_context)
        self.body.setAccessibleName(self.tr("Entry text"))
        self.body_grows = grow_with_text(self.body, BODY_MIN_LINES, self._body_floor)
        self.body_label = QLabel()
        self.body_label.setBuddy(self.body)
        self.strengths = LensEdit(placeholderText=self.tr(
            "What are they good at? What skills, hopes and wishes did you notice?"))
        self.strengths.attach(self.lens_context)
        self.strengths.setAccessibleName(self.tr("Strengths, skills and wishes I noticed"))
        self.strengths.setTabChangesFocus(True)
        self.strengths_grows = grow_with_text(self.strengths, STRENGTHS_MIN_LINES)
        self.strengths_label = QLabel(self.tr("&Strengths, skills and wishes I noticed"))
        self.strengths_label.setBuddy(self.strengths)
        self.acts = ActsChecklist()
        self.decisions = DecisionsEditor()
        self.sections = SectionsEditor()
        self.sections.set_lens_context(self.lens_context)
        self._fold_groups()
        self.lens_panel = LensPanel(self.lens_context, self._lens_boxes)
        self.links = LinksPanel()
        self.hint = QLabel(wordWrap=True)
        self.hint.setStyleSheet("font-style: italic;")
        self.prompt = QLabel(wordWrap=True)
        self.prompt.setAccessibleName(self.tr("Question to think about"))
        self.prompt.hide()
        self.error = QLabel(wordWrap=True)
        self.error.setAccessibleName(self.tr("Save problem"))
        self.error.hide()
        self.retry = QPushButton(self.tr("Try saving again"))
        self.retry.setAccessibleName(self.tr("Try saving again"))
        self.retry.hide()
        self.identity = IdentifierNotice()
        self.history = QToolButton()
        self.history.setToolTip(self.tr("The wording this entry had before it was reworded"))
        self.history.hide()
        self._lay_out()

    def _fold_groups(self) -> None:
        """The structured parts under disclosure headers (their own titles move there)."""
        self.fold_memory = FoldMemory()
        self.details_group = FoldGroup("details", self.tr("When, who and how I felt"),
                                       self.header)
        self.acts.setTitle("")
        self.acts_group = FoldGroup("acts", self.tr("Little things I did"), self.acts)
        self.decisions.setTitle("")
        self.decisions_group = FoldGroup("decisions", self.tr("Decisions"), self.decisions)
        self.groups: dict[str, FoldGroup] = {
            "details": self.details_group, "acts": self.acts_group,
            "decisions": self.decisions_group, "actions": self.sections.actions_group}
        for group in self.groups.values():
            group.folded_changed.connect(self._on_folded)

    def _text_row(self) -> QWidget:
        """The text, full width, with the strengths below it (one column reads best)."""
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, edit in ((self.body_label, self.body),
                            (self.strengths_label, self.strengths)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(label)
            column.addWidget(edit)
            layout.addWidget(box)
        self.strengths_box = box
        return row

    def _lay_out(self) -> None:
        self.text_row = self._text_row()
        self.page = QWidget()
        self.page_layout = QVBoxLayout(self.page)
        # The page's minimum follows its contents, so the scroll area scrolls, never squeezes.
        self.page_layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.page_layout.addWidget(self.details_group)
        self.page_layout.addWidget(self.header.title_row)
        self.page_layout.addStretch(1)  # stays last: the parts go above it
        for part in PART_WIDGETS:  # on the page from the start, never windows of their own
            if part not in INSIDE_TEXT_ROW:
                self.part_widget(part).setParent(self.page)
        self.scroll_area = QScrollArea(widgetResizable=True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields
        self.scroll_area.setWidget(self.page)
        problem = QHBoxLayout()
        problem.addWidget(self.error, 1)
        problem.addWidget(self.retry)
        self.problem_row = problem
        self.problem_buttons: list[QPushButton] = [self.retry]
        self.hint_row = QWidget()
        hint = QHBoxLayout(self.hint_row)
        hint.setContentsMargins(0, 0, 0, 0)
        hint.addWidget(self.hint, 1)
        hint.addWidget(self.history)
        hint.addWidget(self.lens_panel.toggle)
        beside = QHBoxLayout()
        beside.addWidget(self.scroll_area, 1)
        self.lens_side = QWidget()  # hidden in writing only, whatever the panel says
        side = QVBoxLayout(self.lens_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.lens_panel)
        beside.addWidget(self.lens_side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(problem)
        layout.addWidget(self.prompt)
        layout.addWidget(self.identity)
        layout.addWidget(self.hint_row)
        layout.addLayout(beside, 1)

    def part_widget(self, part: Part) -> QWidget:
        """The widget that holds this part of an entry."""
        widget: QWidget = getattr(self, PART_WIDGETS[part])
        return widget

    def _arrange(self, kind: EntryKind) -> None:
        """Put this kind's parts on the page, in its order; hide the others."""
        spec = spec_of(kind)
        rows = [p for p in PART_WIDGETS if p not in INSIDE_TEXT_ROW]
        shown = [self.part_widget(p) for p in spec.parts if p in rows]
        for part in rows:
            widget = self.part_widget(part)
            self.page_layout.removeWidget(widget)
            if widget not in shown:
                widget.hide()
        # Shown only once on the page: a part never placed before has no parent yet, and
        # shown then it would open as a window of its own (and keep that window's place).
        for widget in shown:
            self.page_layout.insertWidget(self.page_layout.count() - 1, widget)
            widget.show()
        for part in INSIDE_TEXT_ROW:
            self.part_widget(part).setVisible(spec.has(part))

    def order_tab(self) -> None:
        """Tab through the editor in the order it shows its fields (after the parts move)."""
        follow_layout(self)

    def _connect(self) -> None:
        for signal in (self.header.changed, self.body.words_changed,
                       self.strengths.words_changed, self.acts.changed, self.decisions.changed,
                       self.sections.changed):  # (words, not marks: see LensEdit)
            signal.connect(self._on_edit)
        self.header.kind_changed.connect(self._on_kind)
        self.header.confirm_kind = self._confirm_kind
        self.sections.model_changed.connect(self._show_body_question)
        self.sections.model_changed.connect(self.order_tab)  # new fields, made last
        self.sections.model_changed.connect(self.body_grows.schedule)
        for add in (self.decisions.add, self.sections.action_items.add):
            add.clicked.connect(self.order_tab)  # the row added goes above its button
        self.retry.clicked.connect(self.retry_requested)
        self.history.clicked.connect(self.show_history)
        self.links.mirror_requested.connect(self.mirror_requested)
        self.links.open_entry.connect(self.open_entry)
        for signal in (self.body.textChanged, self.strengths.textChanged, self.sections.changed,
                       self.header.kind_changed):
            signal.connect(self.lens_panel.schedule)
        self.header.people.textChanged.connect(self._people_for_lens)
        self.lens_context.dismissed_one.connect(self._on_dismissed)
        self.lens_context.rule_off_requested.connect(self.rule_off_requested)
        self.lens_panel.chosen.connect(self._show_finding)
        for signal in (self.header.changed, self.acts.changed, self.decisions.changed,
                       self.sections.changed):
            signal.connect(self._summarise)
        for grows in (self.body_grows, self.strengths_grows):
            grows.cursor_moved.connect(self._follow_cursor)
        self.sections.cursor_moved.connect(self._follow_cursor)
        self.scroll_area.verticalScrollBar().rangeChanged.connect(self._show_cursor)

    # -- folding, and writing only -------------------------------------------
    def set_fold_memory(self, memory: FoldMemory) -> None:
        """Where the folded groups are remembered (the window's settings), per kind."""
        self.fold_memory = memory
        self._unfold_as_remembered(self.current_kind())

    def _unfold_as_remembered(self, kind: EntryKind) -> None:
        for key, group in self.groups.items():
            group.set_folded(self.fold_memory.folded(kind.value, key,
                                                     (key, kind) in FOLDED_AT_FIRST))
        self._summarise()

    def _on_folded(self, key: str, folded: bool) -> None:
        self.fold_memory.remember(self.current_kind().value, key, folded)
        self.order_tab()

    def open_group(self, key: str) -> bool:
        """Unfold a group and put the focus in it; False if this kind has no such group."""
        group = self.groups[key]
        if group.isHidden() or not self.isVisible() or (
                key == "actions" and self.sections.isHidden()):
            return False
        group.open_and_focus()
        self.scroll_area.ensureWidgetVisible(group)
        return True

    def fold_all(self, folded: bool) -> None:
        """Fold or unfold every group, as if the worker clicked each one."""
        for group in self.groups.values():
            if group.is_folded() != folded:
                group.button.click()

    def _summarise(self) -> None:
        """Each group's one line, from what its fields hold now."""
        self.details_group.set_summary(self.header.summary())
        acts = len(self.acts.value())
        self.acts_group.set_summary(
            self.tr("none ticked") if not acts else self.tr("%n little things", "", acts))
        decisions = sum(1 for d in self.decisions.value() if d.text.strip())
        self.decisions_group.set_summary(
            self.tr("none yet") if not decisions else self.tr("%n decisions", "", decisions))
        actions = sum(1 for a in self.sections.action_items.value() if a.text.strip())
        self.sections.actions_group.set_summary(
            self.tr("none yet") if not actions else self.tr("%n actions", "", actions))

    def writing_only(self) -> bool:
        return self._writing_only

    def set_writing_only(self, on: bool) -> None:
        """Only the text (with its lens and spelling marks): the rest hides, nothing changes."""
        self._writing_only = on
        if on:
            self._hide_for_writing()
        else:
            for widget in (self.hint_row, self.details_group, self.header.title_row,
                           self.lens_side):
                widget.show()
            self._arrange(self.current_kind())
            self.links.show_links(self._kept.links if isinstance(self._kept, Entry) else (),
                                  self.current_kind(), can_mirror=self.entry_id is not None)
            self._look_again()
        self.sections.set_writing_only(on)
        self._fit_column()
        if not on:
            self.lens_panel.fit(self.width(), self._page_needs())
        self.order_tab()

    def _hide_for_writing(self) -> None:
        parts = [self.part_widget(p) for p in PART_WIDGETS
                 if p not in (Part.TEXT, Part.SECTIONS, *INSIDE_TEXT_ROW)]
        for widget in [self.hint_row, self.identity, self.lens_side, self.details_group,
                       self.header.title_row, *parts]:
            widget.hide()

    def _body_floor(self) -> int:
        """The text's least height: a generous share of the page in view (unless sections
        to write in come first, as a reflective model's do: then they are the text)."""
        area = getattr(self, "scroll_area", None)
        parts = spec_of(self.current_kind()).parts
        first = next((p for p in parts if p in (Part.TEXT, Part.SECTIONS)), Part.TEXT)
        if area is None or (first is Part.SECTIONS and self.sections.text_fields()):
            return 0
        return int(area.viewport().height() * BODY_SHARE)

    def _fit_column(self) -> None:
        """In writing only, the text takes a readable column in the middle of the page."""
        margins = self.page_layout.contentsMargins()
        side = PAGE_SIDE
        if self._writing_only:
            side = max(PAGE_SIDE, (self.scroll_area.viewport().width() - WRITING_WIDTH) // 2)
        if margins.left() != side:
            self.page_layout.setContentsMargins(side, margins.top(), side, margins.bottom())

    def _follow_cursor(self, edit: QObject) -> None:
        """Keep the line being typed in view as the box grows (the page scrolls, not it)."""
        if isinstance(edit, LensEdit) and edit.hasFocus():
            self._typing_in = edit
            QTimer.singleShot(0, self._show_cursor)

    def _show_cursor(self) -> None:
        """Scroll the page to the cursor of the box being typed in (again once the page grew)."""
        edit = self._typing_in
        if edit is None or not edit.hasFocus():
            return
        spot = edit.viewport().mapTo(self.page, edit.cursorRect().center())
        line = edit.fontMetrics().lineSpacing()
        self.scroll_area.ensureVisible(spot.x(), spot.y(), 0, 2 * line)

    def _people_for_lens(self, text: str) -> None:
        """Tell the lens who the entry is about, as the names are typed (a name too long to
        keep is left out here; saving says why)."""
        try:
            people = split_names(text)
        except InvalidInput:
            return
        self.lens_context.set_people(people)

    def _on_edit(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _on_dismissed(self) -> None:
        self.lens_panel.refresh()
        self._on_edit()  # the dismissal is stored with the entry

    def _show_finding(self, item: PanelItem) -> None:
        self.scroll_area.ensureWidgetVisible(item.edit)
        item.edit.show_spot(item.spot)

    def _lens_boxes(self) -> list[tuple[str, LensEdit]]:
        """The text boxes shown for this kind, with their names (none for the entry text)."""
        boxes: list[tuple[str, LensEdit]] = [("", self.body)]
        if not self.strengths_box.isHidden():
            boxes.append((self.strengths.accessibleName(), self.strengths))
        if not self.sections.isHidden():
            boxes += [(f.accessibleName(), f) for f in self.sections.text_fields()]
        return boxes

    def text_fields(self) -> list[tuple[str, LensEdit]]:
        """The text boxes this kind shows, each with its label (the entry text's is the
        question above it): what the word count counts and what is printed."""
        return [(name or self.body_label.text(), edit) for name, edit in self._lens_boxes()]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._writing_only:  # hidden then: its fit is judged on the way back
            self.lens_panel.fit(event.size().width(), self._page_needs())
        self._fit_column()
        self.body_grows.schedule()

    def _page_needs(self) -> int:
        """The width the page needs for its widest part (any kind), so it never scrolls."""
        parts = (self.header, self.text_row, self.acts, self.decisions, self.sections)
        return (max(p.minimumSizeHint().width() for p in parts) + 2 * PAGE_SIDE
                + self.scroll_area.verticalScrollBar().sizeHint().width() + 12)

    def _confirm_kind(self, old: EntryKind, new: EntryKind) -> bool:
        """Ask before an entry with something written in it changes kind.

        Nothing written is dropped: parts the new kind does not show are kept in the entry,
        out of view, and show again if the kind is changed back.
        """
        if self._loading or self.is_blank():
            return True
        hidden = self._parts_hidden_by(old, new)
        keeps = (self.tr("Everything you wrote stays in it.") if not hidden else
                 self.tr("{parts} will be out of view but stay in the entry, and show again "
                         "if you change it back.").format(parts=", ".join(hidden)))
        answer = QMessageBox.question(
            self, self.tr("Change the kind of entry?"),
            self.tr("Change this entry to “{kind}”? {keeps}").format(kind=kind_label(new),
                                                                     keeps=keeps),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _parts_hidden_by(self, old: EntryKind, new: EntryKind) -> list[str]:
        """What is written in the old kind's parts that the new kind does not show."""
        was, will = spec_of(old), spec_of(new)
        draft = self.draft()
        written = {
            Part.STRENGTHS: (bool(draft.strengths.strip()), self.tr("The strengths you noticed")),
            Part.ACTS: (bool(draft.acts), self.tr("The little things ticked")),
            Part.DECISIONS: (any(d.text.strip() for d in draft.decisions),
                             self.tr("The decisions")),
            Part.SECTIONS: (bool(draft.sections) or any(a.text.strip() for a in draft.actions),
                            self.tr("The sections")),
        }
        hidden = []
        for part, (holds, name) in written.items():
            shown_after = will.has(part) and (part is not Part.SECTIONS
                                              or will.prompts is was.prompts)
            if holds and was.has(part) and not shown_after:
                hidden.append(name)
        return hidden

    def _on_kind(self) -> None:
        self._show_kind(self.current_kind(), self.sections.current_model())

    def _show_kind(self, kind: EntryKind, model: str) -> None:
        self.hint.setText(kind_description(kind))
        self._arrange(kind)
        self._unfold_as_remembered(kind)
        prompts = spec_of(kind).prompts
        template = prompted_template(prompts, model)
        if template is not None:
            self.sections.show_template(template, choose_model=prompts is Prompts.MODEL)
        self.links.show_links(self._kept.links if isinstance(self._kept, Entry) else (),
                              kind, can_mirror=self.entry_id is not None)
        self._show_body_question()
        self.body_grows.schedule()
        if self._writing_only:
            self._hide_for_writing()
        self.order_tab()

    def _show_body_question(self) -> None:
        kind = self.current_kind()
        template = prompted_template(spec_of(kind).prompts, self.sections.current_model())
        question = template.body_question if template is not None else body_question(kind)
        self.body_label.setText(question)
        self.body.setPlaceholderText(question)

    def current_kind(self) -> EntryKind:
        """The chosen kind (Qt hands enum data back as plain strings)."""
        return self.header.current_kind()

    # -- loading and reading -------------------------------------------------
    def set_catalogue(self, acts: list[Act]) -> None:
        """The little things the checklist offers (retired ones included, for old entries)."""
        self.acts.set_catalogue(acts)

    def named_people(self) -> tuple[str, ...]:
        """The people this entry names (the header's comma-separated names)."""
        return tuple(name.strip() for name in self.people.text().split(",") if name.strip())

    def set_lens(self, lens: Lens) -> None:
        """The language lens to check the text with (rules switched off already left out)."""
        loading, self._loading = self._loading, True  # underlining again is not an edit
        try:
            self.lens_context.set_lens(lens)
        finally:
            self._loading = loading
        self.lens_panel.refresh()

    def load(self, entry: Entry) -> None:
        """Show a stored entry."""
        self.entry_id = entry.id
        self.mirror_of = None
        self._fill(entry, prompt="")

    def start_new(self, kind: EntryKind, today: dt.date | None = None,
                  mirror_of: int | None = None, prompt: str = "", shift: str = "") -> None:
        """Show an empty entry of this kind, dated today; a mirror is linked once saved."""
        self.entry_id = None
        self.mirror_of = mirror_of
        model = models()[0].key if spec_of(kind).prompts is Prompts.MODEL else ""
        self._fill(EntryDraft(kind=kind, occurred_on=today or dt.date.today(), model=model,
                              shift=shift), prompt)
        self.body.setFocus()

    def show_draft(self, draft: EntryDraft, mirror_of: int | None = None) -> None:
        """Show a recovered draft of a new entry (the autosave then stores it)."""
        self.entry_id = None
        self.mirror_of = mirror_of
        self._fill(draft, "")

    def _fill(self, draft: EntryDraft | Entry, prompt: str) -> None:
        self._loading = True
        self._kept = draft
        if self.history_dialog is not None:  # it showed the entry shown before
            self.history_dialog.close()
        try:
            self.lens_context.set_dismissed(draft.dismissed, quiet=True)
            self.header.fill(draft)
            self.body.set_text(draft.body)
            self.strengths.setPlainText(draft.strengths)
            self.acts.set_value(draft.acts)
            self.decisions.set_value(draft.decisions)
            self.sections.set_value(draft.sections, draft.actions)
            self._show_kind(draft.kind, draft.model)
            self.prompt.setText(prompt)
            self.prompt.setStyleSheet(prompt_banner_style(self))
            self.prompt.setVisible(bool(prompt))
            self.clear_error()
        finally:
            self._loading = False
        self.lens_panel.refresh()

    def draft(self) -> EntryDraft:
        """What the editor holds now; raises InvalidInput for names that are too long."""
        kind = self.current_kind()
        return self.header.draft(
            body=self.body.toPlainText(), acts=self.acts.value(),
            strengths=self.strengths.toPlainText(), decisions=self.decisions.value(),
            model=self.sections.current_model() if spec_of(kind).prompts is Prompts.MODEL
            else "",
            sections=self.sections.value(), actions=self.sections.action_items.value(),
            dismissed=tuple(sorted(self.lens_context.dismissed)))

    def saved_as(self, entry_id: int) -> None:
        """A new entry was stored with this id: it can now be mirrored."""
        self.entry_id = entry_id
        self.mirror_of = None
        self.links.mirror.setEnabled(True)

    def is_blank(self) -> bool:
        """True if nothing has been written or ticked yet."""
        try:
            draft = self.draft()
        except InvalidInput:
            return False  # something was typed, even if it cannot be saved as it is
        return not (draft.title.strip() or draft.body.strip() or draft.strengths.strip()
                    or draft.sections or draft.acts
                    or any(d.text.strip() for d in draft.decisions)
                    or any(a.text.strip() for a in draft.actions))

    # -- state ---------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """Lock the editor (for entries in the trash)."""
        self.header.set_read_only(read_only)
        self.body.setReadOnly(read_only)
        self.strengths.setReadOnly(read_only)
        for part in (self.acts, self.decisions, self.sections):
            part.set_read_only(read_only)
        self.links.mirror.setEnabled(not read_only and self.entry_id is not None)

    def set_names(self, people: list[str], tags: list[str]) -> None:
        """Names offered as completions."""
        self.header.set_names(people, tags)

    def add_problem_buttons(self, *buttons: QPushButton) -> None:
        """More ways out beside "Try saving again" (save the text elsewhere, copy it)."""
        for button in buttons:
            button.setAccessibleName(button.text().replace("…", ""))
            button.hide()
            self.problem_row.addWidget(button)
            self.problem_buttons.append(button)

    def show_error(self, message: str) -> None:
        """Show a save problem loudly; the text stays in the editor."""
        self.error.setStyleSheet(problem_banner_style(self))
        self.error.setText(message)
        self.error.show()
        for button in self.problem_buttons:
            button.show()

    def clear_error(self) -> None:
        """Hide the save problem: the entry is saved as shown, or was just loaded.

        Then look again at what it holds (identifiers, earlier wording): the window calls
        this after every save that worked, autosave included.
        """
        self.error.hide()
        for button in self.problem_buttons:
            button.hide()
        self._look_again()

    # -- identifiers and history -------------------------------------------
    def set_journal(self, journal: Journal) -> None:
        """The journal to look up people, the worker's name and entries' history in."""
        self._journal = journal

    def journal(self) -> Journal | None:
        """The journal given with set_journal (None for an editor on its own)."""
        return self._journal

    def _look_again(self) -> None:
        """Note what looks like an identifier in the entry, and offer its earlier wording."""
        journal = self.journal()
        found, count = [], 0
        if journal is not None and self.entry_id is not None:
            try:
                found = found_for(journal, self.draft())
                count = len(journal.supervision.revisions(self.entry_id))
            except PROBLEMS:
                pass  # only a courtesy: never in the way of writing
        self.identity.show_for(self.entry_id, found)
        if self._writing_only:
            self.identity.hide()
        self.history.setText(self.tr("Earlier wording ({count})…").format(count=count))
        self.history.setAccessibleName(self.history.text())
        self.history.setVisible(count > 0)

    def show_history(self) -> None:
        """Open the entry's earlier wording beside the wording now (not modal)."""
        journal = self.journal()
        if journal is None or self.entry_id is None:
            return
        try:
            revisions = journal.supervision.revisions(self.entry_id)
            current = self.draft()
        except PROBLEMS as exc:
            self.history.setToolTip(str(exc))
            return
        if self.history_dialog is not None:
            self.history_dialog.close()
            self.history_dialog.deleteLater()
        from carejournal.ui.editor.history import HistoryDialog  # loads when first used

        self.history_dialog = HistoryDialog(revisions, current, self)
        self.history_dialog.show()
