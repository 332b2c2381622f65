"""View › Learning and Feedback…: learning and feedback recorded from the window, and the
register chosen, through the journal's service; the hub hears of each write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate

from carejournal.core.changes import Changes
from carejournal.core.cpd import Theme
from carejournal.core.registration import Register
from carejournal.services.journal import Journal
from carejournal.ui.cpd.dialog import LearningDialog

TODAY = dt.date(2026, 6, 1)


def make(qtbot: Any, journal: Journal, heard: list[Changes]) -> LearningDialog:
    dialog = LearningDialog(journal, heard.append, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_learning_record_with_evidence_is_added(qtbot: Any, journal: Journal,
                                                  tmp_path: Path) -> None:
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    qtbot.keyClicks(dialog.method, "Study day")
    qtbot.keyClicks(dialog.topic, "Dysphagia")
    dialog.hours.setValue(6.5)
    dialog.participatory.setValue(5)
    dialog.themes[Theme.SAFETY].setChecked(True)
    dialog.peer.setChecked(True)
    qtbot.keyClicks(dialog.changed, "I check the IDDSI level.")
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"%PDF")
    dialog.add_evidence_file(cert)
    assert dialog.evidence_label.text() == "cert.pdf"
    dialog.add_learning()
    [record] = journal.cpd.learning()
    assert (record.topic, record.minutes, record.participatory_minutes, record.themes,
            record.peer_reflection, [e.name for e in record.evidence]) == (
        "Dysphagia", 390, 300, (Theme.SAFETY,), True, ["cert.pdf"])
    assert heard == [Changes(settings=True)]
    assert dialog.learning_list.count() == 1 and dialog.method.text() == ""
    assert dialog.evidence == []


def test_a_bad_record_says_why_and_writes_nothing(qtbot: Any, journal: Journal) -> None:
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    qtbot.keyClicks(dialog.method, "Course")
    dialog.add_learning()  # no topic
    assert "topic is empty" in dialog.problem.text()
    assert journal.cpd.learning() == [] and heard == []


def test_feedback_and_register(qtbot: Any, journal: Journal) -> None:
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    qtbot.keyClicks(dialog.role, "relative")
    qtbot.keyClicks(dialog.said, "You took time.")
    dialog.add_feedback()
    assert [f.said for f in journal.cpd.feedback()] == ["You took time."]
    dialog.register.setCurrentIndex(dialog.register.findData("nmc"))
    dialog.revalidation.setDate(QDate(2028, 3, 14))
    dialog.save_register()
    assert journal.cpd.register() is Register.NMC
    assert journal.cpd.revalidation_on() == dt.date(2028, 3, 14)
    assert dialog.tracker.text().startswith("Revalidation by 14 March 2028: CPD 0 of 35")
    assert "feedback 1 of 5" in dialog.tracker.text()


def test_no_shortcut_letter_is_used_twice(qtbot: Any, journal: Journal) -> None:
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

    dialog = make(qtbot, journal, [])
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(
        QAbstractButton)]
    tabs = dialog.findChild(QTabWidget)
    texts += [tabs.tabText(i) for i in range(tabs.count())]
    letters = [m.group(1).lower() for t in texts if (m := re.search(r"&(\w)", t))]
    assert len(letters) == len(set(letters)), sorted(letters)
