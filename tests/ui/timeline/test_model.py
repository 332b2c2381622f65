"""The timeline item model on its own, without a window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from carejournal.core.domain import EntryKind, EntryRow
from carejournal.ui.timeline.model import ID_ROLE, META_ROLE, TimelineModel


def _row(entry_id: int, day: int, summary: str = "Tea", time: dt.time | None = None,
         people: tuple[str, ...] = ()) -> EntryRow:
    return EntryRow(id=entry_id, kind=EntryKind.KINDNESS, occurred_on=dt.date(2026, 1, day),
                    occurred_time=time, shift="", title="", summary=summary, people=people)


def test_model_is_consistent_under_qt_checks(qtbot) -> None:
    model = TimelineModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows([_row(1, 2), _row(2, 1)])
    model.replace_row(_row(1, 2, "Coffee"))
    model.set_rows([])


def test_rows_show_summary_date_kind_and_people(qtbot) -> None:
    model = TimelineModel()
    model.set_rows([_row(7, 5, "Cup of tea", dt.time(9, 30), ("Ana", "Bo")), _row(8, 4, "")])
    first = model.index(0)
    assert first.data() == "Cup of tea"
    assert first.data(ID_ROLE) == 7
    meta = first.data(META_ROLE)
    assert "09:30" in meta and "Little thing" in meta and meta.endswith("Ana, Bo")
    assert "2026" in meta
    assert model.index(1).data() == "(no text yet)"
    assert "Cup of tea" in first.data(Qt.ItemDataRole.AccessibleTextRole)


def test_replace_row_in_place_only_when_it_keeps_its_place(qtbot) -> None:
    model = TimelineModel()
    model.set_rows([_row(1, 3), _row(2, 2)])
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    assert model.replace_row(_row(2, 2, "New words"))
    assert changed == [1] and model.index(1).data() == "New words"
    assert not model.replace_row(_row(2, 9)), "a new date needs a re-sort"
    assert not model.replace_row(_row(99, 1)), "not shown"


def test_positions_and_ids(qtbot) -> None:
    model = TimelineModel()
    model.set_rows([_row(5, 3), _row(6, 2)])
    assert model.row_of(6) == 1 and model.row_of(42) == -1
    assert model.entry_id(0) == 5 and model.entry_id(2) is None
    assert model.rowCount(model.index(0)) == 0, "a list has no children"


def test_returning_none_to_qt_does_not_leak_references(qtbot) -> None:
    """Guards against PySide6 6.12.0, which lost a reference to None per empty data() call."""
    import sys

    model = TimelineModel()
    model.set_rows([_row(1, 2)])
    index = model.index(0)
    before = sys.getrefcount(None)
    for _ in range(500):
        assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert sys.getrefcount(None) >= before - 10


def test_extend_adds_the_rest_below_the_rows_shown(qtbot) -> None:
    model = TimelineModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows([_row(5, 5), _row(4, 4)])
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    assert model.extend([_row(5, 5, "Coffee"), _row(4, 4), _row(3, 3), _row(2, 2)])
    assert [model.entry_id(r) for r in range(model.rowCount())] == [5, 4, 3, 2]
    assert inserted == [(2, 3)] and not resets, "added in place: no reset"
    assert model.index(0).data() == "Coffee", "the rows shown take the fresh values"
    assert model.extend([_row(5, 5), _row(4, 4), _row(3, 3), _row(2, 2)]), "nothing to add"


def test_extend_refuses_rows_the_shown_ones_do_not_begin(qtbot) -> None:
    model = TimelineModel()
    model.set_rows([_row(5, 5), _row(4, 4)])
    assert not model.extend([_row(6, 6), _row(5, 5), _row(4, 4)])
    assert not model.extend([_row(5, 5)])
    assert [model.entry_id(r) for r in range(model.rowCount())] == [5, 4]
