"""Export what can still be read from a damaged journal, as CareJournal JSON.

The damaged file is never written to (carejournal/store/salvage.py reads it read-only, or a
private copy of it). What is read is put together in the documented JSON format
(docs/interchange.md), so `carejournal import --format json FILE` brings it into a new journal.
Parts whose owner was lost (the sections of an entry that cannot be read, a link to a lost
entry) are left out and counted as not saved in their table; a goal whose person's name was
lost is kept under "Unknown person N". The file says it is a salvage in a top-level
"salvage" object, which import ignores. Rows that only page-level recovery could reach
(carejournal/store/recovery.py) are counted per table as "recovered"; rows it found but could
not give to one table are among "left_out", and "warnings" says what its rows may include.

Memory stays bounded: the file is written as it is read, an entry at a time (its text and
its parts' texts read again by rowid just before it is written), never held whole; so are
learning records, each with its evidence files' bytes. A journal older than a table (one
last opened before learning records existed) has none of its rows, and loses none.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from carejournal import __version__, durable
from carejournal.core.cpd import MAX_EVIDENCE_FILES, Evidence, check_evidence
from carejournal.core.domain import InvalidInput, utc_now
from carejournal.core.errors import JournalError
from carejournal.core.supervision import Function
from carejournal.exchange.errors import ImportProblem
from carejournal.exchange.json_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Encoded,
    chunks,
    to_document,
    utf8,
)
from carejournal.store.salvage import LIGHT, Damaged, NothingReadable, TableRead, opened

PART_TABLES = {"people": "entry_people", "tags": "entry_tags", "acts": "entry_acts",
               "sections": "entry_sections", "decisions": "decisions",
               "actions": "action_items", "revisions": "entry_revisions",
               "dismissed": "entry_dismissals"}  # an entry's parts and the tables they are in


@dataclass(frozen=True)
class _Part:
    """One kind of part of an entry: its table, the columns written (renamed as the format
    names them) and the column that orders them."""

    table: str
    keys: tuple[str, ...]
    order: str
    rename: dict[str, str] = field(default_factory=dict)


PARTS = {"acts": _Part("entry_acts", ("act_id", "label", "note"), "id", {"act_id": "act"}),
         "sections": _Part("entry_sections", ("key", "text"), "position"),
         "decisions": _Part("decisions", ("text", "rung", "choices_offered"), "position"),
         "actions": _Part("action_items", ("text", "review_on", "done_on"), "position"),
         "revisions": _Part("entry_revisions", ("saved_at", "reason", "texts"), "id"),
         "dismissed": _Part("entry_dismissals", ("key",), "key")}
__all__ = ["NothingReadable", "SalvageFailed", "SalvageReport", "TableCount", "salvage"]

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
          "supervision_preparations": "supervision preparations",
          "learning_records": "learning records", "learning_evidence": "evidence files",
          "feedback_received": "feedback", "reflective_accounts": "reflective accounts"}
BLOCK = 1 << 16  # bytes written at a time (small: a salvage's memory stays well under the file)
NOTE = ("This is a salvage: what could still be read from a damaged journal. Some of the "
        "journal may be missing from it; see \"tables\".")


class SalvageFailed(JournalError):
    """The salvage stopped part way; nothing was written and the journal is as it was."""


@dataclass(frozen=True)
class TableCount:
    """One table of the damaged journal: rows saved, and rows that could not be read."""

    name: str
    label: str
    saved: int
    lost: int | None  # None: some rows were lost, but how many is not known
    problem: str = ""
    recovered: int = 0  # rows read from pages SQLite could not reach (at most `saved`)

    @property
    def complete(self) -> bool:
        return self.lost == 0 and not self.problem


@dataclass(frozen=True)
class SalvageReport:
    """What a salvage wrote, table by table, and what it had to leave out."""

    out: Path
    tables: tuple[TableCount, ...]
    left_out: dict[str, int] = field(default_factory=dict)  # repairs made: what -> how many
    may_include_deleted: bool = False  # rows read page by page, the freelist unreadable
    unchecked: bool = False  # rows read page by page that no HMAC could check (salt damaged)

    @property
    def entries_saved(self) -> int:
        return next(t.saved for t in self.tables if t.name == "entries")

    @property
    def recovered(self) -> int:
        """Rows saved that came from page-level recovery, in all tables."""
        return sum(t.recovered for t in self.tables)

    @property
    def complete(self) -> bool:
        return all(t.complete for t in self.tables) and not self.left_out

    @property
    def warnings(self) -> list[str]:
        """What the rows read page by page may hold, in words (for the command line)."""
        said = []
        if self.may_include_deleted:
            said.append("The list of the journal's free pages could not be read, so rows read "
                        "page by page may include some that had been deleted.")
        if self.unchecked:
            said.append("The journal's salt is damaged, so its pages could not be checked: "
                        "rows read page by page may hold damaged text.")
        return said

    def as_json(self) -> dict[str, Any]:
        """The report as plain values (for --json and the file's "salvage" note)."""
        return {"out": str(self.out), "complete": self.complete,
                "tables": {t.name: {"saved": t.saved, "lost": t.lost,
                                    "recovered": t.recovered,
                                    **({"problem": t.problem} if t.problem else {})}
                           for t in self.tables},
                "recovered": self.recovered, "left_out": dict(self.left_out),
                "may_include_deleted": self.may_include_deleted, "unchecked": self.unchecked,
                "warnings": self.warnings}


def salvage(journal: Path, out: Path, key: bytes | None = None,
            now: Callable[[], dt.datetime] = utc_now) -> SalvageReport:
    """Write what can be read of the (damaged) journal to out, as CareJournal JSON.

    Raises NothingReadable when nothing at all can be read, SalvageFailed when the salvage
    stops part way (out is then not written); the journal is never written.
    """
    journal, out = journal.absolute(), out.absolute()
    if out in {journal, *(Path(f"{journal}{s}") for s in ("-wal", "-shm", "-journal"))}:
        raise InvalidInput(f"{out.name} is the damaged journal itself; choose a new file for "
                           "what can be read")
    try:
        with opened(journal, key) as damaged:
            return _write(journal, out, damaged, now())
    except MemoryError as exc:  # (a damaged page is not this: store/salvage.py reads past it)
        raise SalvageFailed(f"There was not enough memory to salvage {journal.name}. Nothing "
                            "was written, and the journal has been left as it was.") from exc


def _write(journal: Path, out: Path, damaged: Damaged, when: dt.datetime) -> SalvageReport:
    """Stream the document into out (durably, owner-only: 0600); return the report."""
    builder = _Builder(damaged, when)
    header = {"format": FORMAT_NAME, "version": FORMAT_VERSION,
              "exported_at": when.astimezone(dt.UTC).isoformat(), "app_version": __version__}
    report: list[SalvageReport] = []

    def salvage_note() -> bytes:  # written last: the counts are known by then
        counts = tuple(_count(t, builder.dropped.get(t.name, 0))
                       for t in damaged.tables.values())
        report.append(SalvageReport(out, counts, dict(builder.left_out) | damaged.notes,
                                    damaged.may_include_deleted, damaged.unchecked))
        note = {"note": NOTE, "from": journal.name} | report[0].as_json()
        note.pop("out")
        return _encode(note)

    with durable.writing(out, durable.PRIVATE) as handle:
        for block in utf8(_ending_with(chunks(header | builder.parts()), salvage_note), BLOCK):
            handle.write(block)
    return report[0]


def _ending_with(pieces: Iterator[str | bytes], last: Callable[[], bytes]
                 ) -> Iterator[str | bytes]:
    """The document's pieces with one more key, "salvage", made once the rest is written."""
    held: str | bytes | None = None
    for piece in pieces:
        if held is not None:
            yield held
        held = piece  # the last piece closes the document: it is written after "salvage"
    yield b',\n "salvage": '
    yield last()
    yield held or "\n}\n"


def _encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _count(table: TableRead, dropped: int) -> TableCount:
    lost = table.lost
    return TableCount(table.name, LABELS.get(table.name, table.name),
                      len(table.rows) - dropped,
                      None if lost is None else lost + dropped, table.problem,
                      min(table.recovered, len(table.rows) - dropped))


class _Builder:
    """Puts the rows read into the shape json_format.to_document reads (entries with
    feeling_score and feeling_word), an entry at a time."""

    def __init__(self, damaged: Damaged, when: dt.datetime) -> None:
        self.damaged = damaged
        self.when = when
        self.t = {name: sorted(read.rows, key=lambda r: r["_rowid"])
                  for name, read in damaged.tables.items()}
        self.left_out: dict[str, int] = defaultdict(int)
        self.dropped: dict[str, int] = defaultdict(int)  # read, but unusable (per table)
        self.kept: set[int] = set()  # the entries written
        self.plain_acts: list[Any] = []  # the little things, as the file holds them

    def _leave_out(self, reason: str, count: int = 1) -> None:
        if count:
            self.left_out[reason] += count

    def _plain(self, key: str, records: list[Row]) -> list[Any]:
        """Records as the JSON format writes them (dates as ISO text)."""
        snapshot: dict[str, Any] = {"entries": []} | {key: records}
        plain: list[Any] = to_document(snapshot, self.when, __version__)[key]
        return plain

    def parts(self) -> dict[str, Any]:
        """The document's parts; entries, links and goals are Encoded, written as read."""
        people = {r["id"]: r for r in self.t["people"]}
        tags = {r["id"]: r["name"] for r in self.t["tags"]}
        acts = self._acts()
        self.plain_acts = self._plain("kindness_acts", acts)
        settings = {r["key"]: r["value"] for r in self.t["settings"]
                    if isinstance(r["value"], str)}
        return {
            "people": [{k: r[k] for k in ("name", "nicknames", "alias")} for r in people.values()],
            "tags": list(tags.values()),
            "kindness_acts": self.plain_acts,
            "entries": Encoded(self._entries(people, tags, acts)),
            "links": Encoded(_encode(r) for r in self._links()),
            "goals": Encoded(self._goal_records(people)),
            "settings": settings,
            "supervision_sessions": Encoded(_encode(r) for r in self._sessions()),
            "learning": Encoded(self._learning()),
            "feedback": Encoded(_encode(r) for r in self._feedback()),
            "reflective_accounts": Encoded(_encode(r) for r in self._accounts()),
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
                 ) -> Iterator[bytes]:
        """Each entry that can be read and imported, as JSON, read and written one by one."""
        ids = {r["id"] for r in self.t["entries"]}
        names = {"people": self._names("entry_people", "person_id",
                                       {k: v["name"] for k, v in people.items()}, ids),
                 "tags": self._names("entry_tags", "tag_id", tags, ids)}
        parts = {key: self._parts(part, ids) for key, part in PARTS.items()}
        for light in self.t["entries"]:
            row = self.damaged.row("entries", light["_rowid"])
            entry = None if row is None else self._entry(row, names, parts)
            plain = None if entry is None else self._plain("entries", [entry])[0]
            if plain is not None and _importable({"entries": [plain]}, self.plain_acts):
                self.kept.add(plain["id"])
                yield _encode(plain)
                continue
            self.dropped["entries"] += 1
            for key, table in PART_TABLES.items():  # its parts go with it, counted as lost
                lost = names[key] if key in names else parts[key]
                self.dropped[table] += len(lost.get(light["id"], []))

    def _entry(self, row: Row, names: dict[str, dict[int, list[str]]],
               parts: dict[str, dict[int, list[Row]]]) -> Row:
        """The entry in the JSON format's shape, its parts' texts read again."""
        entry = _pick(row, "id", "kind", "occurred_on", "occurred_time", "shift", "title",
                      "body", "feeling_score", "feeling_word", "strengths", "model",
                      "created_at", "updated_at", "deleted_at")
        for key in ("people", "tags"):
            entry[key] = sorted(names[key].get(row["id"], []), key=str.casefold)
        for key, part in PARTS.items():
            entry[key] = []
            for read in parts[key].get(row["id"], []):
                whole = read if part.table not in LIGHT else self.damaged.row(
                    part.table, read["_rowid"])
                if whole is None:  # (it was read a moment ago: this is not expected)
                    self.dropped[part.table] += 1
                    continue
                entry[key].append({part.rename.get(k, k): whole[k] for k in part.keys})
        entry["dismissed"] = [d["key"] for d in entry["dismissed"]]
        return entry

    def _names(self, table: str, column: str, names: dict[int, str], ids: set[int]
               ) -> dict[int, list[str]]:
        grouped: dict[int, list[str]] = defaultdict(list)
        for row in self.t[table]:
            if row["entry_id"] in ids and row[column] in names:
                grouped[row["entry_id"]].append(names[row[column]])
            else:  # its entry, or the name it points to, could not be read
                self.dropped[table] += 1
        return grouped

    def _parts(self, part: _Part, ids: set[int]) -> dict[int, list[Row]]:
        """An entry's parts in order, by entry: the rows read (light ones: their rowid)."""
        grouped: dict[int, list[Row]] = defaultdict(list)
        for row in sorted(self.t[part.table], key=lambda r: (r["entry_id"], r[part.order])):
            if row["entry_id"] not in ids:
                self.dropped[part.table] += 1
                continue
            grouped[row["entry_id"]].append(row)
        return grouped

    def _links(self) -> Iterator[Row]:
        for row in self.t["entry_links"]:
            if row["source_id"] in self.kept and row["target_id"] in self.kept:
                yield {"source": row["source_id"], "target": row["target_id"],
                       "kind": row["kind"]}
            else:
                self.dropped["entry_links"] += 1

    def _goal_records(self, people: dict[int, Row]) -> Iterator[bytes]:
        """The goals, made once the entries are written (they name the entries kept)."""
        for record in self._plain("goals", self._goals(people)):
            yield _encode(record)

    def _goals(self, people: dict[int, Row]) -> list[Row]:
        attempts: dict[int, list[Row]] = defaultdict(list)
        for a in self.t["goal_attempts"]:
            attempts[a["goal_id"]].append(
                {"occurred_on": a["occurred_on"], "outcome": a["outcome"], "note": a["note"],
                 "entry": a["entry_id"] if a["entry_id"] in self.kept else None})
        goals = []
        for g in self.t["goals"]:
            person = people.get(g["person_id"], {}).get("name")
            if person is None:
                person = f"Unknown person {g['person_id']}"
                self._leave_out("goals kept under 'Unknown person' (the name was lost)")
            goal = {"person": person, "text": g["text"], "status": g["status"],
                    "created_at": g["created_at"], "status_changed_at": g["status_changed_at"],
                    "asked_at": g["asked_at"], "own_attempts": g["own_attempts"],
                    "reflection": g["reflection_id"] if g["reflection_id"] in self.kept
                    else None,
                    "attempts": attempts.pop(g["id"], [])}
            checkable = goal | {"reflection": None,
                                "attempts": [a | {"entry": None} for a in goal["attempts"]]}
            if _importable({"goals": self._plain("goals", [checkable])}, []):
                goals.append(goal)
            else:
                self.dropped["goals"] += 1
        self.dropped["goal_attempts"] += sum(len(v) for v in attempts.values())
        return goals

    def _sessions(self) -> Iterator[Any]:
        actions: dict[int, list[Row]] = defaultdict(list)
        for a in sorted(self.t["supervision_actions"], key=lambda r: r["position"]):
            actions[a["session_id"]].append(_pick(a, "text", "owner", "due_on", "status")
                                            | {"function": _function(a.get("function"))})
        preps = {p["session_id"]: _pick(p, "state", "created_at", "updated_at")
                 for p in self.t["supervision_preparations"]}
        for light in self.t["supervision_sessions"]:
            s = self.damaged.row("supervision_sessions", light["_rowid"])
            if s is None:
                self.dropped["supervision_sessions"] += 1
                continue
            session = _pick(s, "held_on", "supervisor", "notes", "created_at") | {
                "actions": actions.pop(s["id"], []), "preparation": preps.pop(s["id"], None)}
            plain = self._plain("supervision_sessions", [session])
            if _importable({"supervision_sessions": plain}, []):
                yield plain[0]
            else:
                self.dropped["supervision_sessions"] += 1
                self.dropped["supervision_actions"] += len(session["actions"])
                self.dropped["supervision_preparations"] += session["preparation"] is not None
        self.dropped["supervision_actions"] += sum(len(v) for v in actions.values())
        self.dropped["supervision_preparations"] += len(preps)


    def _learning(self) -> Iterator[bytes]:
        """Each learning record with its evidence files, the files' bytes read again (by
        rowid) and written one record at a time."""
        files: dict[int, list[Row]] = defaultdict(list)
        for light in self.t["learning_evidence"]:
            files[light["learning_id"]].append(light)
        for r in self.t["learning_records"]:
            record = _pick(r, "method", "topic", "started_on", "ended_on", "minutes",
                           "participatory_minutes", "themes", "changed", "peer_reflection",
                           "created_at") | {"evidence": []}
            if not _importable({"learning": self._plain("learning", [record])}, []):
                self.dropped["learning_records"] += 1
                self.dropped["learning_evidence"] += len(files.pop(r["id"], []))
                continue
            record["evidence"] = self._evidence(files.pop(r["id"], []))
            yield _encode(self._plain("learning", [record])[0])
        self.dropped["learning_evidence"] += sum(len(v) for v in files.values())

    def _evidence(self, lights: list[Row]) -> list[Row]:
        """A record's evidence files as the format writes them (bytes as base64); a file
        that cannot be read again, or that import would refuse, is counted as lost."""
        kept: list[Row] = []
        for light in sorted(lights, key=lambda e: e["id"]):
            whole = self.damaged.row("learning_evidence", light["_rowid"])
            if whole is None or len(kept) == MAX_EVIDENCE_FILES or not _sound(whole):
                self.dropped["learning_evidence"] += 1
                continue
            kept.append({"name": whole["name"],
                         "data": base64.b64encode(whole["content"]).decode("ascii")})
        return kept

    def _feedback(self) -> Iterator[Any]:
        for r in self.t["feedback_received"]:
            plain = self._plain("feedback", [_pick(r, "received_on", "from_role", "said",
                                                   "changed", "created_at")])
            if _importable({"feedback": plain}, []):
                yield plain[0]
            else:
                self.dropped["feedback_received"] += 1

    def _accounts(self) -> Iterator[Any]:
        """The reflective accounts; one written from an entry not kept names no entry."""
        for r in self.t["reflective_accounts"]:
            account = {"entry": r["entry_id"] if r["entry_id"] in self.kept else None,
                       "written_on": r["written_on"], "themes": r["themes"]}
            plain = self._plain("reflective_accounts", [account])
            if _importable({"reflective_accounts": plain}, []):
                yield plain[0]
            else:
                self.dropped["reflective_accounts"] += 1


def _sound(evidence: Row) -> bool:
    """Whether an evidence file read back is one import would take."""
    name, data = evidence.get("name"), evidence.get("content")
    if not isinstance(name, str) or not isinstance(data, bytes) or len(name) > 255:
        return False
    try:
        check_evidence(Evidence(name, data))
    except InvalidInput:
        return False
    return True


def _function(value: Any) -> str | None:
    """An action's function as salvaged: a known one, else none (a journal from before
    0008 has no such column; a damaged page may hold nonsense)."""
    return value if value in {f.value for f in Function} else None


def _pick(row: Row, *keys: str) -> Row:
    return {k: row[k] for k in keys}


def _importable(part: dict[str, Any], acts: list[Any]) -> bool:
    """Whether `carejournal import` would accept this record (values read from damaged
    pages can be nonsense: such a record is left out rather than spoil the whole file).
    The record and the little things are plain already (as the file holds them)."""
    from carejournal.exchange.json_import import parse_json
    from carejournal.services.importing import checked

    document: dict[str, Any] = {
        "format": FORMAT_NAME, "version": FORMAT_VERSION,
        "exported_at": utc_now().astimezone(dt.UTC).isoformat(), "app_version": __version__,
        "people": [], "tags": [], "kindness_acts": acts, "entries": [], "links": [],
        "goals": [], "settings": {}, "supervision_sessions": [], "learning": [],
        "feedback": [], "reflective_accounts": []} | part
    try:
        text = json.dumps(document, ensure_ascii=False, allow_nan=False)
        checked(parse_json(text, "salvage"), "salvage")
    except (ImportProblem, ValueError, TypeError, AttributeError):
        return False
    return True
