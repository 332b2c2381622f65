"""An entry's earlier wording, kept when it was reworded, shown beside the wording now."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import EntryDraft
from carejournal.services.lens import field_texts
from carejournal.services.preparation import REWORD_REASON
from carejournal.services.supervision import Revision

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
WHEN_FORMAT = "d MMM yyyy, HH:mm"


def _mix(one: QColor, other: QColor, share: float) -> str:
    """A colour `share` of the way from one to other, as #rrggbb."""
    parts = (round(a + (b - a) * share) for a, b in
             zip(_rgb(one), _rgb(other), strict=True))
    return "#{:02x}{:02x}{:02x}".format(*parts)


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def marked(old: str, new: str, style: str) -> tuple[str, str]:
    """Both texts as HTML, with the words that differ between them in a span of `style`."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    left: list[str] = []
    right: list[str] = []
    for same, i1, i2, j1, j2 in _chunks(a, b):
        left.append(_html(a[i1:i2], "" if same else style))
        right.append(_html(b[j1:j2], "" if same else style))
    return "".join(left), "".join(right)


def _chunks(a: list[str], b: list[str]) -> list[tuple[bool, int, int, int, int]]:
    """Runs of tokens that are the same or differ; a space alone between two differing
    runs joins them, so "was non-compliant" is one change, not two."""
    chunks: list[tuple[bool, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b,
                                                       autojunk=False).get_opcodes():
        same = tag == "equal"
        if chunks and not same and not chunks[-1][0]:
            chunks[-1] = (False, chunks[-1][1], i2, chunks[-1][3], j2)
        elif (len(chunks) > 1 and not same and chunks[-1][0] and not chunks[-2][0]
              and not "".join(a[chunks[-1][1]:chunks[-1][2]]).strip()):
            chunks.pop()
            chunks[-1] = (False, chunks[-1][1], i2, chunks[-1][3], j2)
        else:
            chunks.append((same, i1, i2, j1, j2))
    return chunks


def _html(tokens: list[str], style: str) -> str:
    """Tokens as HTML; with a style, the run from the first to the last word goes in one span
    (the spaces around it stay outside)."""
    if not style:
        return _escape("".join(tokens))
    words = [i for i, token in enumerate(tokens) if token.strip()]
    if not words:
        return _escape("".join(tokens))
    first, last = words[0], words[-1] + 1
    return (_escape("".join(tokens[:first]))
            + f'<span style="{style}">{_escape("".join(tokens[first:last]))}</span>'
            + _escape("".join(tokens[last:])))


def _escape(text: str) -> str:
    return escape(text).replace("\n", "<br>")


class HistoryDialog(QDialog):
    """Lists an entry's earlier versions (when, why) and shows what each said, by part,
    next to the wording now, with the words that differ in bold.

    There is no restoring: a reword is a deliberate choice made while preparing for
    supervision, and any earlier words can be copied from here back into the entry by hand
    (the dialog does not block the editor).
    """

    def __init__(self, revisions: Sequence[Revision], current: EntryDraft,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.revisions = list(reversed(revisions))  # newest first, as in the timeline
        self.current = {t.field: t.text for t in field_texts(current)}
        self._labels = {t.field: t.label for t in field_texts(current)}
        self.setWindowTitle(self.tr("Earlier wording"))
        self._build()
        self.versions.setCurrentRow(0)
        self.resize(900, 560)

    def _build(self) -> None:
        intro = QLabel(self.tr(
            "When you reword an entry while preparing for supervision, its earlier wording "
            "is kept here. Changed words are in bold. Nothing here changes the entry: copy "
            "any words you want back by hand."), wordWrap=True)
        self.versions = QListWidget()
        self.versions.setAccessibleName(self.tr("Earlier versions"))
        self.versions.addItems([self._version_text(r) for r in self.revisions])
        self.versions.currentRowChanged.connect(self._show)
        self.versions.setWordWrap(True)
        self.versions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.versions.setMaximumWidth(280)
        versions_label = QLabel(self.tr("&Versions"))
        versions_label.setBuddy(self.versions)
        self.compare = QTextBrowser(openLinks=False)
        self.compare.setAccessibleName(self.tr("Earlier wording and the wording now"))
        left = QVBoxLayout()
        left.addWidget(versions_label)
        left.addWidget(self.versions, 1)
        row = QHBoxLayout()
        row.addLayout(left)
        row.addWidget(self.compare, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)

    def _version_text(self, revision: Revision) -> str:
        # PySide6 turns the datetime into a QDateTime itself; its stubs take only QDateTime
        when = self.locale().toString(revision.saved_at, WHEN_FORMAT)  # type: ignore[call-overload]
        reason = (self.tr("Reworded while preparing for supervision")
                  if revision.reason == REWORD_REASON else revision.reason)
        return self.tr("{when}\n{reason}").format(when=when, reason=reason)

    def field_label(self, field: str) -> str:
        """What a part of an entry is called ("Entry text", a section's label, …)."""
        kind, _sep, key = field.partition(":")
        fixed = {"title": self.tr("Title"), "body": self.tr("Entry text"),
                 "strengths": self.tr("Strengths noticed")}
        if field in fixed:
            return fixed[field]
        if kind == "decision" and key.isdigit():
            return self.tr("Decision {number}").format(number=int(key) + 1)
        if kind == "action" and key.isdigit():
            return self.tr("Action {number}").format(number=int(key) + 1)
        return self._labels.get(field, key or field)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.revisions):
            self.compare.clear()
            return
        self.compare.setHtml(self.comparison_html(self.revisions[row]))

    def comparison_html(self, revision: Revision) -> str:
        """Each part that differs from now: its earlier wording beside the wording now."""
        fields = list(revision.texts) + [f for f in self.current if f not in revision.texts]
        changed = [f for f in fields
                   if revision.texts.get(f, "") != self.current.get(f, "")]
        palette = self.palette()
        style = "font-weight: 700; background-color: {colour};".format(colour=_mix(
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Highlight), 0.25))
        parts = [self._part_html(f, revision.texts.get(f, ""), self.current.get(f, ""), style)
                 for f in changed]
        if not changed:
            parts.append("<p><i>{}</i></p>".format(escape(self.tr(
                "This version reads the same as the entry does now."))))
        same = len([f for f in fields if f not in changed
                    and (revision.texts.get(f) or self.current.get(f))])
        if changed and same:
            note = self.tr("%n other parts read the same as now.", "", same)
            parts.append(f"<p><i>{escape(note)}</i></p>")
        return "".join(parts)

    def _part_html(self, field: str, old: str, new: str, style: str) -> str:
        then, now = marked(old, new, style)
        empty = "<i>{}</i>".format(escape(self.tr("(empty)")))
        earlier, now_ = self.tr("Earlier"), self.tr("Now")
        return (
            f"<h3>{escape(self.field_label(field))}</h3>"
            '<table width="100%" cellspacing="0" cellpadding="6" border="1" '
            'style="border-collapse: collapse;">'
            f'<tr><th align="left" width="50%">{escape(earlier)}</th>'
            f'<th align="left" width="50%">{escape(now_)}</th></tr>'
            f'<tr><td valign="top">{then or empty}</td>'
            f'<td valign="top">{now or empty}</td></tr></table>')
