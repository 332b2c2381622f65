"""The GUI benchmark runs on a tiny journal and records sane rows (values are not judged)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.core import Recorder
from benchmarks.gui import bench_gui
from carejournal.services.journal import Journal
from tests.conftest import draft

pytestmark = pytest.mark.slow  # real windows started and timed: make test-all


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "j.sqlite"
    journal = Journal.open(path, create=True)
    try:
        for body in ("Had a cup of tea with Mary.", "A visit to the park.", "Quiet shift."):
            journal.add(draft(body))
    finally:
        journal.close()
    return path


def test_bench_gui_records_start_ratio_and_memory(tiny: Path) -> None:
    rec = Recorder(runs=1)
    bench_gui(rec, 1, tiny, warm=False)
    floor, ours = rec.get("gui_floor"), rec.get("gui_cold_start")
    assert 0 < floor.median < 60_000 and 0 < ours.median < 60_000
    assert ours.ratio == pytest.approx(ours.median / floor.median)
    assert (ours.ratio_of, ours.ratio_target) == ("floor", 1.3)
    assert "3 of 3 rows read" in ours.note, "the timeline held every entry at first paint"
    assert "NOT filled" not in ours.note
    loaded = rec.get("gui_loaded")
    assert ours.median <= loaded.median < 60_000, "every row is loaded after the first paint"
    assert "matplotlib not loaded" in ours.note and not rec.notes
    assert rec.get("gui_cpu").median > 0 and rec.get("gui_floor_cpu").median > 0
    parts = ("gui_interpreter", "gui_import", "gui_app", "gui_open", "gui_construct",
             "gui_first_paint")
    assert all(rec.get(key).median > 0 for key in parts)
    assert sum(rec.get(key).median for key in parts) <= ours.median * 1.01
    assert rec.get("gui_rest").median >= 0
    rss = rec.get("gui_rss")
    assert (rss.unit, rss.target) == ("MB", 250.0)
    assert 30 < rss.median < 2000, "megabytes, not kilobytes or bytes"
    with pytest.raises(KeyError):
        rec.get("gui_rss_warm")


def test_no_backup_and_no_lock_are_left_beside_the_journal(tiny: Path) -> None:
    bench_gui(Recorder(runs=1), 1, tiny, warm=False)
    left = sorted(str(p.relative_to(tiny.parent)) for p in tiny.parent.rglob("*"))
    left = [name for name in left if name != "j.sqlite.checked"]  # the note of a clean close
    assert left in (["j.sqlite"], ["backups", "j.sqlite"])  # the app makes the folder at start


def test_a_first_paint_counts_as_filled_when_the_view_is_full() -> None:
    from benchmarks.gui import _filled

    assert _filled({"rows_shown": 150, "rows_total": 20_000, "rows_visible": 17})
    assert not _filled({"rows_shown": 10, "rows_total": 20_000, "rows_visible": 17})
    assert _filled({"rows_shown": 3, "rows_total": 3, "rows_visible": 17})
    assert not _filled({"rows_shown": 2, "rows_total": 3, "rows_visible": 17})
