"""The command line, side by side with jrnl on the same entries, and against its import floor.

Every command runs as a real process (interpreter start included), the way a person or a
script runs it. `add` runs last, since it changes both journals.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.core import WARM_UP, Recorder, child_env, run_timed, script
from benchmarks.dataset import SEARCH_WORD, TAG, generate, write_carejournal, write_jrnl
from benchmarks.peer import Jrnl

FLOOR = [sys.executable, "-c", "import sqlalchemy.orm"]
FLOOR_TARGET = 1.3
FAST_TARGET = 4.0  # list the last 10, tag filter, search: at least this many times jrnl's speed
WRITE_TARGET = 20.0  # add and export
PEER_RUNS = 3  # jrnl's add takes seconds at 20,000 entries
CROSSOVER_SIZES = (0, 100, 1_000, 5_000)
ADDED_TEXT = "A quiet shift; we had tea in the garden."


def commands(out: Path) -> list[tuple[str, str, list[str], list[str], float]]:
    """(key, what, CareJournal's arguments, jrnl's arguments, target ratio)."""
    return [
        ("list10", "last 10 entries", ["list", "-n", "10"], ["-n", "10"], FAST_TARGET),
        ("tag", f"tag filter ({TAG})", ["list", "--tag", TAG], [f"@{TAG}"], FAST_TARGET),
        ("search", f"full-text search ({SEARCH_WORD})", ["search", SEARCH_WORD],
         ["-contains", SEARCH_WORD], FAST_TARGET),
        ("export", "export everything as JSON",
         ["export", "--format", "json", "--out", str(out)], ["--export", "json"], WRITE_TARGET),
        ("add", "add one entry", ["add", "--kind", "reflection", ADDED_TEXT],
         [ADDED_TEXT], WRITE_TARGET),
    ]


def journal_entries(journal: Path) -> int:
    from carejournal.services.journal import Journal

    opened = Journal.open(journal, read_only=True)
    try:
        return opened.count()
    finally:
        opened.close()


def ours(journal: Path, args: list[str]) -> list[str]:
    return [script("carejournal"), "--journal", str(journal), *args]


def sample(run: Callable[[], float], runs: int, warm_up: bool = True) -> list[float]:
    """Wall times of runs calls (after one untimed call, which fills the disk cache)."""
    if warm_up and WARM_UP["on"]:
        run()
    return [run() for _ in range(runs)]


def bench_cli(rec: Recorder, runs: int, journal: Path, jrnl_txt: Path,
              sizes: tuple[int, ...] = CROSSOVER_SIZES) -> None:
    """The CLI rows: the floor, then each command against jrnl's equivalent."""
    env = child_env()
    rec.section("Command line: CareJournal against jrnl on the same entries")
    floor = rec.add("cli_floor", "import floor: python -c 'import sqlalchemy.orm'",
                    sample(lambda: run_timed(FLOOR, env)[0], runs),
                    note="what any command of ours pays before it starts")
    peer = Jrnl(journal.parent / "jrnl-home", jrnl_txt) if Jrnl.available() else None
    if peer is None:
        rec.notes.append("jrnl is not installed (pip install -e '.[bench]'): no ratios.")
    with tempfile.TemporaryDirectory(prefix="carejournal-cli-") as folder:
        for key, what, mine, theirs, target in commands(Path(folder) / "all.json"):
            writes = key == "add"
            times = sample(lambda a=mine: run_timed(ours(journal, a), env)[0], runs,
                           warm_up=not writes)
            measure = rec.add(f"cli_{key}", f"carejournal: {what}", times,
                              floor=statistics.median(times) / floor.median * 1000,
                              floor_target=FLOOR_TARGET)
            if key == "export":
                data_floor(rec, journal, out=Path(folder) / "floor.out",
                           size=(Path(folder) / "all.json").stat().st_size, runs=runs, env=env)
            if peer is None:
                continue
            peer_times = sample(lambda a=theirs: run_timed(peer.argv(a), peer.env())[0],
                                min(runs, PEER_RUNS), warm_up=not writes)
            rec.add(f"jrnl_{key}", f"jrnl: {what} (jrnl {' '.join(theirs)})", peer_times)
            measure.ratio = statistics.median(peer_times) / statistics.median(times)
            measure.ratio_of, measure.ratio_target = "jrnl", target
    listed, exported = rec.get("cli_list10"), rec.get("cli_export")
    rec.notes.append(
        f"Of `carejournal list -n 10` ({listed.median:,.0f} ms), the floor is "
        f"{floor.median:,.0f} ms: starting Python and importing SQLAlchemy's ORM. Reading "
        "commands and `add` do not import the ORM: they use SQLAlchemy Core over lightweight "
        "tables (store/tables.py), so they pay Python and `import sqlalchemy`, then compile "
        "one query and read the rows. What would lower that further: using sqlite3 without "
        "SQLAlchemy for them (its import is most of the floor), or a resident process.")
    data = rec.get("cli_export_data_floor")
    rec.notes.append(
        f"The JSON export ({exported.median:,.0f} ms) is over its import floor because of its "
        f"size: reading every row with sqlite3 and writing as many bytes takes "
        f"{data.median:,.0f} ms on its own, without SQLAlchemy or JSON. The export adds to "
        "that the import floor and the JSON quoting of every value, which SQLite does "
        "(store/snapshot_read.py); Python only joins the pieces.")
    if sizes and peer is not None:
        bench_crossover(rec, journal.parent, journal_entries(journal), sizes, min(runs, 3))


def data_floor(rec: Recorder, journal: Path, out: Path, size: int, runs: int,
               env: dict[str, str]) -> None:
    """What any export must pay: sqlite3 reading every row and writing as many bytes."""
    argv = [sys.executable, "-m", "benchmarks.export_floor", str(journal), str(out), str(size)]
    rec.add("cli_export_data_floor", "  export's data floor: python + sqlite3 reading every "
            "row, writing as many bytes, fsync", sample(lambda: run_timed(argv, env)[0], runs),
            note=f"{size / 1e6:,.1f} MB written; no SQLAlchemy, no JSON")
    out.unlink(missing_ok=True)


def bench_crossover(rec: Recorder, folder: Path, full: int,
                    sizes: tuple[int, ...] = CROSSOVER_SIZES, runs: int = 3) -> None:
    """`list -n 10` and search at smaller journals: from which size on are we faster?"""
    rec.section("Command line at smaller journals: where CareJournal overtakes jrnl")
    points: dict[str, list[tuple[int, float, float]]] = {"list10": [], "search": []}
    for size in sizes:
        entries = generate(size) if size else []
        base = folder / f"size-{size}"
        base.mkdir(exist_ok=True)
        journal, text = base / "journal.sqlite", base / "journal.txt"
        write_carejournal(journal, entries)
        write_jrnl(text, entries)
        peer = Jrnl(base / "jrnl-home", text)
        for key, mine, theirs in (("list10", ["list", "-n", "10"], ["-n", "10"]),
                                  ("search", ["search", SEARCH_WORD],
                                   ["-contains", SEARCH_WORD])):
            a = sample(lambda m=mine, j=journal: run_timed(ours(j, m))[0], runs)
            b = sample(lambda t=theirs, p=peer: run_timed(p.argv(t), p.env())[0], runs)
            m = rec.add(f"size_{size}_{key}",
                        f"{size:,} entries: carejournal {' '.join(mine)}", a,
                        note=f"jrnl {statistics.median(b) * 1000:,.0f} ms")
            m.ratio, m.ratio_of = statistics.median(b) / statistics.median(a), "jrnl"
            points[key].append((size, statistics.median(a), statistics.median(b)))
    for key, found in points.items():
        found.append((full, rec.get(f"cli_{key}").median / 1000,
                      rec.get(f"jrnl_{key}").median / 1000))
        rec.notes.append(crossover_note(key, found))


def crossover_note(key: str, points: list[tuple[int, float, float]]) -> str:
    """Where CareJournal's time and jrnl's cross, interpolated between measured sizes."""
    if points and points[0][2] >= points[0][1]:
        return f"CareJournal's `{key}` is faster than jrnl's from {points[0][0]:,} entries on."
    for (n0, ours0, peer0), (n1, ours1, peer1) in zip(points, points[1:], strict=False):
        gap0, gap1 = peer0 - ours0, peer1 - ours1  # positive: CareJournal is faster
        if gap1 >= 0:
            at = n0 + (n1 - n0) * (-gap0) / (gap1 - gap0)
            return (f"CareJournal's `{key}` overtakes jrnl's at about {round(at, -2):,.0f} "
                    f"entries (between the {n0:,} and {n1:,} measured; jrnl's time grows "
                    "with the journal, ours hardly does).")
    return f"CareJournal's `{key}` was not faster than jrnl's at any size measured."
