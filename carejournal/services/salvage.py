"""Export what can still be read from a damaged journal, as CareJournal JSON.

The damaged file is never written to (carejournal/store/salvage.py reads it read-only, or a
private copy of it). What is read is put together in the documented JSON format
(docs/interchange.md), so `carejournal import --format json FILE` brings it into a new journal.
Parts whose owner was lost (the sections of an entry that cannot be read, a link to a lost
entry) are left out and counted as not saved in their table; a goal whose person's name was
lost is kept under "Unknown person N". The file says it is a salvage in a top-level
"salvage" object, which import ignores.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from carejournal import __version__, durable
from carejournal.core.domain import InvalidInput, utc_now
from carejournal.exchange.errors import ImportProblem
from carejournal.exchange.json_format import FORMAT_NAME, FORMAT_VERSION, dumps, to_document
from carejournal.store.salvage import NothingReadable, TableRead, read_damaged

PART_TABLES = {"people": "entry_people", "tags": "entry_tags", "acts": "entry_acts",
               "sections": "entry_sections", "decisions": "decisions",
               "actions": "action_items", "revisions": "entry_revisions",
               "dismissed": "entry_dismissals"}  # an entry's parts and the tables they are in
__all__ = ["NothingReadable", "SalvageReport", "TableCount", "salvage"]

Row = dict[str, Any]
LABELS = {"entries": "entries", "people": "people", "tags": "tags",
          "kindness_acts": "little things (catalogue)", "entry_people": "people in entries",
          "entry_tags": "tags on entries", "entry_acts": "little things done",
          "entry_sections": "entry sections", "decisions": "decisions",
          "action_items": "action items", "entry_revisions": "earlier versions of entries",
          "entry_dismissals": "dismissed language-lens findings", "entry_links": "links",
          "goals": "goals", "goal_attempts": "goal attempts", "settings": "settings",
          "supervision_sessions": "supervision sessions",
          "supervision_actions": "supervision actions",
          "supervision_preparations": "supervision preparations"}
NOTE = ("This is a salvage: what could still be read from a damaged journal. Some of the "
        "journal may be missing from it; see \"tables\".")


@dataclass(frozen=True)
class TableCount:
    """One table of the damaged journal: rows saved, and rows that could not be read."""

    name: str
    label: str
    saved: int
    lost: int | None  # None: some rows were lost, but how many is not known
    problem: str = ""

    @property
    def complete(self) -> bool:
        return self.lost == 0 and not self.problem


@dataclass(frozen=True)
class SalvageReport:
    """What a salvage wrote, table by table, and what it had to leave out."""

    out: Path
    tables: tuple[TableCount, ...]
    left_out: dict[str, int] = field(default_factory=dict)  # repairs made: what -> how many

    @property
    def entries_saved(self) -> int:
        return next(t.saved for t in self.tables if t.name == "entries")

    @property
    def complete(self) -> bool:
        return all(t.complete for t in self.tables) and not self.left_out

    def as_json(self) -> dict[str, Any]:
        """The report as plain values (for --json and the file's "salvage" note)."""
        return {"out": str(self.out), "complete": self.complete,
                "tables": {t.name: {"saved": t.saved, "lost": t.lost,
                                    **({"problem": t.problem} if t.problem else {})}
                           for t in self.tables},
                "left_out": dict(self.left_out)}


def salvage(journal: Path, out: Path, key: bytes | None = None,
            now: Callable[[], dt.datetime] = utc_now) -> SalvageReport:
    """Write what can be read of the (damaged) journal to out, as CareJournal JSON.

    Raises NothingReadable when nothing at all can be read; the journal is never written.
    """
    journal, out = journal.absolute(), out.absolute()
    if out in {journal, *(Path(f"{journal}{s}") for s in ("-wal", "-shm", "-journal"))}:
        raise InvalidInput(f"{out.name} is the damaged journal itself; choose a new file for "
                           "what can be read")
    tables = read_damaged(journal, key)
    builder = _Builder(tables)
    snapshot = builder.snapshot()
    counts = tuple(_count(t, builder.dropped.get(t.name, 0)) for t in tables.values())
    report = SalvageReport(out, counts, dict(builder.left_out))
    document = to_document(snapshot, now(), __version__)
    document["salvage"] = {"note": NOTE, "from": journal.name} | report.as_json()
    document["salvage"].pop("out")
    _write(out, dumps(document))
    return report


def _count(table: TableRead, dropped: int) -> TableCount:
    lost = table.lost
    return TableCount(table.name, LABELS.get(table.name, table.name),
                      len(table.rows) - dropped,
                      None if lost is None else lost + dropped, table.problem)


class _Builder:
    """Puts the rows read into the shape json_format.to_document reads (entries with
    feeling_score and feeling_word)."""

    def __init__(self, tables: dict[str, TableRead]) -> None:
        self.t = {name: sorted(read.rows, key=lambda r: r["_rowid"])
                  for name, read in tables.items()}
        self.left_out: dict[str, int] = defaultdict(int)
        self.dropped: dict[str, int] = defaultdict(int)  # read, but unusable (per table)

    def _leave_out(self, reason: str, count: int = 1) -> None:
        if count:
            self.left_out[reason] += count

    def snapshot(self) -> dict[str, Any]:
        people = {r["id"]: r for r in self.t["people"]}
        tags = {r["id"]: r["name"] for r in self.t["tags"]}
        acts = self._acts()
        entries = self._entries(people, tags, acts)
        kept = {e["id"] for e in entries}
        return {
            "people": [{k: r[k] for k in ("name", "nicknames", "alias")} for r in people.values()],
            "tags": list(tags.values()),
            "kindness_acts": acts,
            "entries": entries,
            "links": self._links(kept),
            "goals": self._goals(people, kept),
            "settings": {r["key"]: r["value"] for r in self.t["settings"]
                         if isinstance(r["value"], str)},
            "supervision_sessions": self._sessions(),
        }

    def _acts(self) -> list[Row]:
        acts = [_pick(r, "id", "key", "label", "position", "retired_at")
                for r in self.t["kindness_acts"]]
        known = {a["id"] for a in acts}
        for done in self.t["entry_acts"]:  # a catalogue row lost: keep what was recorded
            if done["act_id"] not in known:
                known.add(done["act_id"])
                acts.append({"id": done["act_id"], "key": None,
                             "label": done["label"] or f"Little thing {done['act_id']}",
                             "position": 1000 + done["act_id"], "retired_at": utc_now()})
                self._leave_out("little things rebuilt from what entries recorded")
        return acts

    def _entries(self, people: dict[int, Row], tags: dict[int, str], acts: list[Row]
                 ) -> list[Row]:
        ids = {r["id"] for r in self.t["entries"]}
        names = {"people": self._names("entry_people", "person_id",
                                       {k: v["name"] for k, v in people.items()}, ids),
                 "tags": self._names("entry_tags", "tag_id", tags, ids)}
        parts = {
            "acts": self._parts("entry_acts", ids, ("act_id", "label", "note"), "id",
                                rename={"act_id": "act"}),
            "sections": self._parts("entry_sections", ids, ("key", "text"), "position"),
            "decisions": self._parts("decisions", ids, ("text", "rung", "choices_offered"),
                                     "position"),
            "actions": self._parts("action_items", ids, ("text", "review_on", "done_on"),
                                   "position"),
            "revisions": self._parts("entry_revisions", ids, ("saved_at", "reason", "texts"),
                                     "id"),
            "dismissed": self._parts("entry_dismissals", ids, ("key",), "key"),
        }
        result = []
        for row in self.t["entries"]:
            entry = _pick(row, "id", "kind", "occurred_on", "occurred_time", "shift", "title",
                          "body", "feeling_score", "feeling_word", "strengths", "model",
                          "created_at", "updated_at", "deleted_at")
            for key in ("people", "tags"):
                entry[key] = sorted(names[key].get(row["id"], []), key=str.casefold)
            for key, grouped in parts.items():
                entry[key] = grouped.get(row["id"], [])
            entry["dismissed"] = [d["key"] for d in entry["dismissed"]]
            if _importable({"kindness_acts": acts, "entries": [entry]}, acts):
                result.append(entry)
                continue
            self.dropped["entries"] += 1
            for key, table in PART_TABLES.items():  # its parts go with it, counted as lost
                self.dropped[table] += len(entry[key])
        return result

    def _names(self, table: str, column: str, names: dict[int, str], ids: set[int]
               ) -> dict[int, list[str]]:
        grouped: dict[int, list[str]] = defaultdict(list)
        for row in self.t[table]:
            if row["entry_id"] in ids and row[column] in names:
                grouped[row["entry_id"]].append(names[row[column]])
            else:  # its entry, or the name it points to, could not be read
                self.dropped[table] += 1
        return grouped

    def _parts(self, table: str, ids: set[int], keys: tuple[str, ...], order: str,
               rename: dict[str, str] | None = None) -> dict[int, list[Row]]:
        grouped: dict[int, list[Row]] = defaultdict(list)
        rename = rename or {}
        for row in sorted(self.t[table], key=lambda r: (r["entry_id"], r[order])):
            if row["entry_id"] not in ids:
                self.dropped[table] += 1
                continue
            grouped[row["entry_id"]].append({rename.get(k, k): row[k] for k in keys})
        return grouped

    def _links(self, kept: set[int]) -> list[Row]:
        links = []
        for row in self.t["entry_links"]:
            if row["source_id"] in kept and row["target_id"] in kept:
                links.append({"source": row["source_id"], "target": row["target_id"],
                              "kind": row["kind"]})
            else:
                self.dropped["entry_links"] += 1
        return links

    def _goals(self, people: dict[int, Row], kept: set[int]) -> list[Row]:
        attempts: dict[int, list[Row]] = defaultdict(list)
        for a in self.t["goal_attempts"]:
            attempts[a["goal_id"]].append(
                {"occurred_on": a["occurred_on"], "outcome": a["outcome"], "note": a["note"],
                 "entry": a["entry_id"] if a["entry_id"] in kept else None})
        goals = []
        for g in self.t["goals"]:
            person = people.get(g["person_id"], {}).get("name")
            if person is None:
                person = f"Unknown person {g['person_id']}"
                self._leave_out("goals kept under 'Unknown person' (the name was lost)")
            goal = {"person": person, "text": g["text"], "status": g["status"],
                    "created_at": g["created_at"], "status_changed_at": g["status_changed_at"],
                    "asked_at": g["asked_at"], "own_attempts": g["own_attempts"],
                    "reflection": g["reflection_id"] if g["reflection_id"] in kept else None,
                    "attempts": attempts.pop(g["id"], [])}
            checkable = goal | {"reflection": None,
                                "attempts": [a | {"entry": None} for a in goal["attempts"]]}
            if _importable({"goals": [checkable]}, []):
                goals.append(goal)
            else:
                self.dropped["goals"] += 1
        self.dropped["goal_attempts"] += sum(len(v) for v in attempts.values())
        return goals

    def _sessions(self) -> list[Row]:
        actions: dict[int, list[Row]] = defaultdict(list)
        for a in sorted(self.t["supervision_actions"], key=lambda r: r["position"]):
            actions[a["session_id"]].append(_pick(a, "text", "owner", "due_on", "status"))
        preps = {p["session_id"]: _pick(p, "state", "created_at", "updated_at")
                 for p in self.t["supervision_preparations"]}
        sessions = []
        for s in self.t["supervision_sessions"]:
            session = _pick(s, "held_on", "supervisor", "notes", "created_at") | {
                "actions": actions.pop(s["id"], []), "preparation": preps.pop(s["id"], None)}
            if _importable({"supervision_sessions": [session]}, []):
                sessions.append(session)
            else:
                self.dropped["supervision_sessions"] += 1
        self.dropped["supervision_actions"] += sum(len(v) for v in actions.values())
        self.dropped["supervision_preparations"] += len(preps)
        return sessions


def _pick(row: Row, *keys: str) -> Row:
    return {k: row[k] for k in keys}


def _importable(part: dict[str, Any], acts: list[Row]) -> bool:
    """Whether `carejournal import` would accept this record (values read from damaged
    pages can be nonsense: such a record is left out rather than spoil the whole file)."""
    from carejournal.exchange.json_import import parse_json
    from carejournal.services.importing import checked

    empty: dict[str, Any] = {"people": [], "tags": [], "entries": [], "links": [],
                             "goals": [], "settings": {}, "supervision_sessions": []}
    document = to_document(empty | {"kindness_acts": acts} | part, utc_now(), __version__)
    text = dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION} | document)
    try:
        checked(parse_json(text, "salvage"), "salvage")
    except (ImportProblem, ValueError, TypeError, AttributeError):
        return False
    return True


def _write(out: Path, text: str) -> None:
    """Write text to out durably and atomically, owner-only (0600)."""
    durable.write_text(out, text, durable.PRIVATE)
