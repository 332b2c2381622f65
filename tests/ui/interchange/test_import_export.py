"""File › Import… and File › Export… on real files and a real journal: each format imports
and the timeline shows the entries; a malformed file changes nothing and says why in the
CLI's words; JSON export writes an owner-only file that imports back."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from carejournal.core.domain import EntryFilter
from carejournal.exchange.errors import ImportProblem
from carejournal.services.importing import import_files, report_lines
from carejournal.services.journal import Journal
from carejournal.ui.interchange.controller import ExportChoice
from carejournal.ui.interchange.import_dialog import ImportDialog
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft


def summaries(window: MainWindow) -> list[str]:
    """What the timeline shows, top to bottom."""
    model = window.timeline.model
    return [model.data(model.index(i)) for i in range(model.rowCount())]


def files(tmp_path: Path) -> dict[str, list[Path]]:
    """One real file (or two, for Markdown) of each format."""
    (tmp_path / "j.json").write_text(json.dumps({"entries": [
        {"date": "2026-03-01", "time": "09:15", "title": "Market", "body": "Went to the "
         "market with Sam.", "tags": ["@out"], "starred": True}]}), encoding="utf-8")
    (tmp_path / "notes.csv").write_text(
        "Day,Note,Labels\n2026-03-02,Helped Jo write a letter.,post\n"
        "2026-03-03,Quiet night shift.,nights\n", encoding="utf-8")
    (tmp_path / "2026-03-04-garden.md").write_text("# Garden\n\nPlanted bulbs with Ann.\n",
                                                   encoding="utf-8")
    (tmp_path / "2026-03-05-bus.md").write_text("---\ntags: bus\n---\nThe bus was late.\n",
                                                encoding="utf-8")
    source = Journal.open(tmp_path / "source.sqlite", create=True)
    try:
        source.add(draft("Exported from another journal.", people=("Mary",)))
        from carejournal.services.json_export import export_json

        export_json(source, tmp_path / "all.json")
    finally:
        source.close()
    return {"json": [tmp_path / "all.json"], "jrnl": [tmp_path / "j.json"],
            "csv": [tmp_path / "notes.csv"],
            "markdown": [tmp_path / "2026-03-04-garden.md", tmp_path / "2026-03-05-bus.md"]}


EXPECTED = {"json": ["Exported from another journal."],
            "jrnl": ["Market"],
            "csv": ["Quiet night shift.", "Helped Jo write a letter."],
            "markdown": ["The bus was late.", "Garden"]}


def run_dialog(qtbot, window: MainWindow, fmt: str, chosen: list[Path],
               monkeypatch: pytest.MonkeyPatch) -> ImportDialog:
    """File › Import…, the format chosen, the files picked with Choose…, Import clicked."""
    window.actions_.import_.trigger()
    dialog = window.interchange.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(p) for p in chosen], ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(chosen[0]), ""))
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    return dialog


@pytest.mark.parametrize("fmt", ["json", "jrnl", "csv", "markdown"])
def test_each_format_imports_and_the_timeline_shows_it(
        qtbot, make_window, journal: Journal, tmp_path: Path, fmt: str,
        monkeypatch: pytest.MonkeyPatch, dialogs: list) -> None:
    window = make_window()
    chosen = files(tmp_path)[fmt]
    dialog = run_dialog(qtbot, window, fmt, chosen, monkeypatch)
    if fmt == "csv":
        assert dialog.csv_box.isVisible()
        assert not dialog.import_button.isEnabled(), "no column is called date or text"
        assert dialog.preview.rowCount() == 2
        assert dialog.preview.item(0, 1).text() == "Helped Jo write a letter."
        dialog.columns["date"].setCurrentIndex(dialog.columns["date"].findText("Day"))
        dialog.columns["text"].setCurrentIndex(dialog.columns["text"].findText("Note"))
        dialog.columns["tags"].setCurrentIndex(dialog.columns["tags"].findText("Labels"))
        assert dialog.mapping() == "date=Day,text=Note,tags=Labels"
    else:
        assert not dialog.csv_box.isVisible()
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.interchange.last_message), timeout=10_000)
    assert summaries(window) == EXPECTED[fmt]
    assert journal.count() == len(EXPECTED[fmt])
    said = [args for name, args in dialogs if name == "information"][-1]
    assert said[2].startswith(f"Imported {len(EXPECTED[fmt])} entries; 0 already in")
    if fmt == "csv":
        assert journal.get(window.timeline.model.entry_id(1) or 0).tags == ("post",)
    if fmt == "json":
        assert "Also new: 1 people." in said[2]
        assert window.timeline.filters.person.findText("Mary") >= 0, "the filter knows her"


def test_the_window_says_what_the_cli_says(tmp_path: Path, journal: Journal) -> None:
    """The window shows report_lines, which the CLI prints: one wording for both."""
    report = import_files(journal, "csv", files(tmp_path)["csv"], "date=Day,text=Note")
    assert report_lines(report) == ["Imported 2 entries; 0 already in the journal were "
                                    "skipped."]


def test_a_malformed_file_changes_nothing_and_says_why(
        qtbot, make_window, journal: Journal, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, dialogs: list) -> None:
    journal.add(draft("Already here."))
    window = make_window()
    bad = tmp_path / "bad.csv"
    bad.write_text("date,text\n2026-03-01,fine\n2026-02-31,impossible\n", encoding="utf-8")
    with pytest.raises(ImportProblem) as cli_said:
        import_files(journal, "csv", [bad])
    dialog = run_dialog(qtbot, window, "csv", [bad], monkeypatch)
    assert dialog.mapping() == "date=date,text=text"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.interchange.last_message), timeout=10_000)
    assert window.interchange.last_message == str(cli_said.value)
    assert "Nothing was imported." in window.interchange.last_message
    assert [(name, args[1]) for name, args in dialogs] == [("warning", "Nothing was imported")]
    assert journal.count() == 1
    assert summaries(window) == ["Already here."]


def test_an_unreadable_csv_is_said_in_the_dialog(qtbot, tmp_path: Path) -> None:
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"date,text\n\"2026-03-01,unclosed\n")
    dialog.set_files([broken])
    assert "bad CSV" in dialog.problem.text()
    assert not dialog.import_button.isEnabled()


def test_the_import_dialog_closes_with_escape(qtbot, make_window) -> None:
    window = make_window()
    window.actions_.import_.trigger()
    dialog = window.interchange.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.interchange.dialog is None)
    assert journal_unchanged(window)


def journal_unchanged(window: MainWindow) -> bool:
    return window.journal.count() == 0


def test_json_export_round_trips(qtbot, make_window, journal: Journal, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch, dialogs: list) -> None:
    journal.add(draft("Tea with Mary.", people=("Mary",), tags=("tea",)))
    journal.add(draft("A second entry."))
    window = make_window()
    out = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(ExportChoice, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.actions_.export.trigger()
    qtbot.waitUntil(lambda: bool(window.interchange.last_message), timeout=10_000)
    assert window.interchange.last_message == (
        f"Exported the whole journal (2 entries) to {out}. It is not encrypted: keep it "
        "somewhere safe.")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    copy = Journal.open(tmp_path / "copy.sqlite", create=True)
    try:
        import_files(copy, "json", [out])
        bodies = sorted(copy.get(r.id).body for r in copy.rows(EntryFilter()))
        assert bodies == ["A second entry.", "Tea with Mary."]
        assert copy.get(copy.rows(EntryFilter(person="Mary"))[0].id).tags == ("tea",)
    finally:
        copy.close()


def test_exporting_an_encrypted_journal_warns_first(qtbot, make_window, journal: Journal,
                                                    tmp_path: Path, dialogs: list,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    monkeypatch.setattr(type(journal), "encrypted", property(lambda self: True))
    out = tmp_path / "out.json"
    window.interchange.export_json(out)  # the warning is answered with Cancel
    assert [args[1] for name, args in dialogs if name == "warning"] == [
        "The file will not be encrypted"]
    assert not out.exists()
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a: QMessageBox.StandardButton.Save)
    window.interchange.export_json(out)
    qtbot.waitUntil(lambda: bool(window.interchange.last_message), timeout=10_000)
    assert out.exists() and "not encrypted" in window.interchange.last_message


def test_export_choice_points_to_the_wizard_for_a_pack(qtbot, make_window,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    asked: list[bool] = []
    window.supervision.opener = lambda *args: asked.append(True)  # the wizard, not opened

    def choose_pack(self: ExportChoice) -> QDialog.DialogCode:
        assert self.json.isChecked()
        self.show()
        qtbot.mouseClick(self.pack, Qt.MouseButton.LeftButton)
        assert self.chosen() == "pack"
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportChoice, "exec", choose_pack)
    window.actions_.export.trigger()
    assert asked == [True]


def test_the_window_stays_responsive_while_importing(
        qtbot, make_window, journal: Journal, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The import runs off the window's thread: events are handled while it works."""
    import threading

    window = make_window()
    release = threading.Event()
    started: list[str] = []
    real = journal.ops.import_files

    def slow(*args: object) -> object:
        started.append(threading.current_thread().name)
        release.wait(10)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(journal.ops, "import_files", slow)
    window.interchange.start_import("csv", files(tmp_path)["csv"], "date=Day,text=Note")
    qtbot.waitUntil(lambda: bool(started))
    assert started == ["import"]
    assert window.interchange.progress is not None
    ticks: list[int] = []
    QApplication.processEvents()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks))  # the event loop runs meanwhile
    release.set()
    qtbot.waitUntil(lambda: bool(window.interchange.last_message), timeout=10_000)
    assert window.interchange.progress is None
    assert len(summaries(window)) == 2
