"""The export step on its own: nothing written before the check, a detail kept as written,
a path that cannot be written, and the background write never blocking the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from carejournal.core.preparation import Step
from carejournal.services.journal import Journal
from carejournal.ui.supervision.page_export import ExportPage
from carejournal.ui.supervision.wizard import PrepareWizard
from tests.conftest import draft
from tests.ui.supervision.prep_journal import TODAY, fill


@pytest.fixture
def page(journal: Journal, qtbot) -> Iterator[ExportPage]:
    fill(journal)
    journal.add(draft("We walked to Brighton beach together.", day=TODAY,
                      people=("Mary Jones",)))
    prep = journal.supervision.prepare_next(TODAY)
    prep.step = Step.EXPORT
    wizard = PrepareWizard(journal, prep)
    qtbot.addWidget(wizard)
    wizard.show()
    found = wizard.currentPage()
    assert isinstance(found, ExportPage)
    next(b for b in found.formats.buttons() if b.property("format") == "md").setChecked(True)
    yield found  # the wizard stays alive (and on screen) until the test ends


def _found_row(page: ExportPage, text: str) -> int:
    return [page.found.item(n, ExportPage.FOUND).text()
            for n in range(page.found.rowCount())].index(text)


def test_a_place_name_can_be_kept_as_written(page: ExportPage, tmp_path: Path,
                                            qtbot) -> None:
    assert not page.export_button.isEnabled()
    assert not page.export_to(tmp_path / "early.md"), "nothing is written before the check"
    assert not (tmp_path / "early.md").exists()
    page.check()
    row = _found_row(page, "Brighton")
    assert page.found.item(row, ExportPage.KIND).text() == "a place", "after \"walked to\""
    page.found.item(row, ExportPage.REPLACE).setCheckState(Qt.CheckState.Unchecked)
    assert page.keep() == {"Brighton"}
    assert page.export_to(tmp_path / "pack.md")
    qtbot.waitUntil(lambda: not page.writing, timeout=20_000)
    text = (tmp_path / "pack.md").read_text(encoding="utf-8")
    assert "walked to Brighton beach" in text
    assert "SW1A" not in text and "\\[postcode\\]" in text  # Markdown escapes brackets
    assert [d.text for d in page.written.kept] == ["Brighton"]


def test_changing_names_means_checking_again(page: ExportPage, journal: Journal) -> None:
    page.check()
    assert page.export_button.isEnabled()
    row = [page.people.item(n, 0).text() for n in range(page.people.rowCount())].index(
        "Jo Bloggs")
    page.people.item(row, ExportPage.ALIAS).setText("Robin")
    assert not page.export_button.isEnabled() and page.plan is None
    page.check()
    assert page.plan.protection.aliases()["Jo Bloggs"] == "Robin"
    page.worker.setText("Sam")
    page.worker.editingFinished.emit()
    assert not page.export_button.isEnabled(), "the cover changed: check again"
    assert journal.supervision.prepare_next(TODAY).worker_name == "Sam"


def test_a_path_that_cannot_be_written_is_said_calmly(page: ExportPage, tmp_path: Path,
                                                     qtbot, dialogs: list) -> None:
    page.check()
    target = tmp_path / "no such folder" / "pack.md"
    page.choose_path = lambda: target  # type: ignore[method-assign]
    page.export()
    qtbot.waitUntil(lambda: not page.writing, timeout=20_000)
    assert page.written is None
    assert not target.parent.exists()
    kind, args = dialogs[-1]
    assert kind == "warning" and "no such folder" in args[2]
    assert "Nothing was left half-written" in args[2]
    assert page.export_button.isEnabled() and page.check_button.isEnabled()


def test_the_suffix_follows_the_format(page: ExportPage, tmp_path: Path, qtbot) -> None:
    page.check()
    assert page.suggested_path().name == "Supervision pack 26 Nov 2026.md"
    assert page.export_to(tmp_path / "pack.docx")
    assert page.chosen_format().value == "docx", "a .docx name chooses Word"
    qtbot.waitUntil(lambda: not page.writing, timeout=20_000)
    assert (tmp_path / "pack.docx").read_bytes()[:2] == b"PK"


def test_cancelling_the_file_dialog_writes_nothing(page: ExportPage, tmp_path: Path) -> None:
    page.check()
    page.choose_path = lambda: None  # type: ignore[method-assign]
    page.export()
    assert not page.writing and page.written is None
    assert list(tmp_path.glob("*.md")) == []


def test_open_and_show_in_folder_once_the_pack_is_written(page: ExportPage, tmp_path: Path,
                                                          qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QUrl

    from carejournal.ui.supervision import page_export

    opened: list[QUrl] = []
    monkeypatch.setattr(page_export, "opener", lambda url: opened.append(url) or True)
    assert page.open_button.isHidden() and page.folder_button.isHidden()
    page.check()
    assert page.export_to(tmp_path / "pack.md")
    qtbot.waitUntil(lambda: not page.writing, timeout=20_000)
    assert page.open_button.isVisible() and page.folder_button.isVisible()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "pack.md")),
                      QUrl.fromLocalFile(str(tmp_path))]
    assert all(url.isLocalFile() for url in opened)


def test_when_nothing_offers_to_open_the_pack_it_says_so(page: ExportPage, tmp_path: Path,
                                                        qtbot, monkeypatch) -> None:
    from carejournal.ui.supervision import page_export

    monkeypatch.setattr(page_export, "opener", lambda url: False)
    page.check()
    assert page.export_to(tmp_path / "pack.md")
    qtbot.waitUntil(lambda: not page.writing, timeout=20_000)
    assert not page.open_pack()
    assert "Could not open" in page.message.text()


def test_a_new_export_hides_the_buttons_until_it_is_written(page: ExportPage, tmp_path: Path,
                                                           qtbot) -> None:
    page.check()
    assert page.export_to(tmp_path / "one.md")
    qtbot.waitUntil(lambda: not page.writing, timeout=20_000)
    assert page.open_button.isVisible()
    assert page.export_to(tmp_path / "two.md")
    assert page.open_button.isHidden(), "hidden while writing"
    qtbot.waitUntil(lambda: not page.writing, timeout=20_000)
    assert page.open_button.isVisible() and page.written.path.name == "two.md"
