"""The steps of a preparation for supervision, as the wizard and `carejournal prepare` use
them: the entries brought, the language check, strengths per person, power and fallibility."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from carejournal.core.catalogues import ladder, load_toml
from carejournal.core.dates import short_day
from carejournal.core.domain import (
    Entry,
    EntryDraft,
    EntryFilter,
    EntryKind,
    EntryRow,
    InvalidInput,
)
from carejournal.core.findings import Finding
from carejournal.core.patterns import Period
from carejournal.core.preparation import (
    AgendaItem,
    AgendaKind,
    GoalReflection,
    HowIAm,
    Kept,
    LanguageItem,
    PersonStrengths,
    Power,
    Preparation,
    Rewording,
    Situation,
    Stage,
    clean_reason,
    clean_words,
    stages_from,
)
from carejournal.core.resources import resource_path
from carejournal.core.supervision import AgreedAction, Function, Session
from carejournal.services.lens import FieldFinding, field_texts

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

REWORD_REASON = "Reworded while preparing for supervision"


class Preparing:
    """Works out and applies each step's choices over one journal."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # -- step 1: entries ------------------------------------------------------------
    def period_rows(self, prep: Preparation) -> list[EntryRow]:
        """Every entry in the preparation's period, oldest first."""
        rows = self._journal.rows(EntryFilter(since=prep.since, until=prep.until))
        return sorted(rows, key=lambda r: (r.occurred_on, r.occurred_time is not None,
                                           r.occurred_time, r.id))

    def chosen(self, prep: Preparation) -> list[EntryRow]:
        """The entries brought to supervision."""
        rows = self.period_rows(prep)
        if prep.entry_ids is None:
            return rows
        wanted = set(prep.entry_ids)
        return [r for r in rows if r.id in wanted]

    def set_discuss(self, prep: Preparation, entry_id: int, on: bool) -> None:
        """Mark an entry "to discuss" (it goes on the agenda) or not."""
        row = self._journal.row(entry_id)
        if row is None:
            raise InvalidInput(f"there is no entry {entry_id}")
        source = f"entry:{entry_id}"
        prep.to_discuss = [i for i in prep.to_discuss if i != entry_id] + ([entry_id] if on
                                                                            else [])
        if on:
            day = short_day(row.occurred_on)
            title = row.title or row.summary or day
            prep.bring(AgendaItem(AgendaKind.ENTRY, f"To discuss: {title} ({day})", source))
        else:
            prep.drop(source)

    def session_of(self, prep: Preparation) -> Session:
        """The session prepared for (an export for a period alone has none stored: then a
        session on the period's last day stands in)."""
        if prep.session_id:
            return self._journal.supervision.session(prep.session_id)
        return Session(prep.until)

    def last_actions(self, prep: Preparation) -> tuple[AgreedAction, ...]:
        """The actions agreed at the session before the one being prepared for."""
        before = self._journal.supervision.previous_to(self.session_of(prep))
        return before.actions if before is not None else ()

    # -- step 2: language -------------------------------------------------------------
    def language(self, prep: Preparation, entry_id: int | None = None
                 ) -> list[LanguageItem]:
        """Every lens finding in the chosen entries (or in one of them), grouped by wording
        within a field."""
        rows = [r for r in self.chosen(prep) if entry_id is None or r.id == entry_id]
        return self.language_of(prep, rows, self._journal.entries([r.id for r in rows]))

    def language_of(self, prep: Preparation, rows: Sequence[EntryRow],
                    entries: Sequence[Entry]) -> list[LanguageItem]:
        """language() for entries already read (rows and entries in the same order)."""
        lens = self._journal.lens.lens()  # the rules switched off, read once for all
        items: list[LanguageItem] = []
        for row, entry in zip(rows, entries, strict=True):
            draft = entry.draft()
            fields = tuple(field_texts(draft))
            texts = {t.field: t.text for t in fields}
            groups: dict[str, list[FieldFinding]] = {}
            for item in fields:  # as LensService.check_draft, with the lens read once
                if not item.text.strip():
                    continue
                for finding in lens.check(item.text, draft.dismissed, people=draft.people):
                    if finding.mention:  # the worker reflecting on a word: nothing to go over
                        continue
                    key = f"{row.id}/{item.field}/{finding.key}"
                    groups.setdefault(key, []).append(FieldFinding(item.field, item.label,
                                                                   finding))
            for key, same in groups.items():
                first = same[0]
                items.append(LanguageItem(
                    key, row, first.field, first.label, first.finding, len(same),
                    sentence_around(texts.get(first.field, ""), first.finding),
                    prep.kept.get(key), key in prep.questions))
        return items

    def start_language(self, prep: Preparation) -> int:
        """Count the findings the first time the step is reached; return the count before."""
        if prep.language_before is None:
            prep.language_before = sum(i.occurrences for i in self.language(prep))
        return prep.language_before

    def reword(self, prep: Preparation, key: str, replacement: str,
               sentence: bool = False) -> None:
        """Replace the wording (its first occurrence), or with sentence=True the whole
        sentence it is in, in the entry; the earlier texts go to the entry's history."""
        item = self._item(prep, key)
        new = " ".join(replacement.split())
        if not new:
            raise InvalidInput("give the new wording")
        draft = self._journal.get(item.entry.id).draft()
        text = field_text(draft, item.field)
        start, end = sentence_span(text, item.finding) if sentence else \
            (item.finding.start, item.finding.end)
        before = text[start:end]
        if not sentence and (start == 0 or text[:start].rstrip().endswith((".", "!", "?"))
                             or text[:start].endswith("\n")):
            new = new[:1].upper() + new[1:]
        changed = set_field(draft, item.field, text[:start] + new + text[end:])
        self._journal.supervision.keep_revision(item.entry.id, dict(texts_of(draft)),
                                                REWORD_REASON)
        self._journal.update(item.entry.id, changed)
        prep.rewordings.append(Rewording(item.entry.id, item.field, item.finding.rule,
                                         before, new))
        self.undecide(prep, key)

    def keep(self, prep: Preparation, key: str, reason: str) -> None:
        """Keep a wording as written, with the worker's reason."""
        self._item(prep, key)
        prep.kept[key] = Kept(clean_reason(reason))
        self._unquestion(prep, key)

    def question(self, prep: Preparation, key: str) -> None:
        """Bring a wording to supervision as a question (it goes on the agenda)."""
        item = self._item(prep, key)
        prep.kept.pop(key, None)
        if key not in prep.questions:
            prep.questions.append(key)
        prep.bring(AgendaItem(
            AgendaKind.LANGUAGE,
            f"How else could I put \u201c{item.finding.text}\u201d "
            f"({short_day(item.entry.occurred_on)})? {item.finding.why}",
            f"language:{key}"))

    def undecide(self, prep: Preparation, key: str) -> None:
        """Forget what was decided about a wording."""
        prep.kept.pop(key, None)
        self._unquestion(prep, key)

    def _unquestion(self, prep: Preparation, key: str) -> None:
        prep.questions = [q for q in prep.questions if q != key]
        prep.drop(f"language:{key}")

    def _item(self, prep: Preparation, key: str) -> LanguageItem:
        entry, _sep, _rest = key.partition("/")
        for item in self.language(prep, int(entry) if entry.isdigit() else -1):
            if item.key == key:
                return item
        raise InvalidInput(f"there is no language finding '{key}' in the chosen entries")

    # -- step 3: strengths --------------------------------------------------------------
    def strengths(self, prep: Preparation) -> list[PersonStrengths]:
        """For each person in the chosen entries, strength and problem words noted."""
        self._journal.lens.recount_stale()
        rows = self._journal.supervision.person_balance(prep.since, prep.until,
                                                        prep.entry_ids)
        return [PersonStrengths(name, n, s, p, prep.strengths.get(name, ""))
                for name, n, s, p in rows]

    def note_strength(self, prep: Preparation, person: str, text: str) -> None:
        """Record a strength the worker saw in someone (and take any question off)."""
        clean = " ".join(text.split())
        if not clean:
            raise InvalidInput("write the strength you saw, in a few words")
        prep.strengths[person] = clean
        prep.drop(f"strength:{person}")

    def strength_question(self, prep: Preparation, person: str) -> None:
        """Bring to supervision: what strengths might I be missing in this person?"""
        prep.strengths.pop(person, None)
        prep.bring(AgendaItem(AgendaKind.STRENGTH,
                              f"I have only noted problems for {person}. "
                              "What strengths might I be missing?", f"strength:{person}"))

    # -- step 4: power and fallibility -----------------------------------------------------
    def power(self, prep: Preparation) -> Power:
        """Decisions made with people, goals ended early, and own-fallibility reflections."""
        period = Period(prep.since, prep.until)
        series = self._journal.patterns.decisions(period)
        shared = {r.key for r in ladder() if r.relation == "with"}
        total = sum(n for _k, _l, n in series.by_rung)
        made_with = sum(n for key, _l, n in series.by_rung if key in shared)
        plans = self._journal.patterns.plans(period)
        ended = tuple(g for g in plans.goals if g.ended_early)
        notes = [r for r in self.chosen(prep) if r.kind is EntryKind.FALLIBILITY]
        goals = {g.reflection_id: g for g in self._journal.goals.list()
                 if g.reflection_id is not None}
        reflections = [r for r in notes if r.id in goals]
        words = {e.id: e.body for e in self._journal.entries([r.id for r in reflections])}
        on_goals = tuple(GoalReflection(goals[r.id].id, goals[r.id].person, goals[r.id].text,
                                        r, words.get(r.id, "")) for r in reflections)
        mirrors = tuple(r for r in notes if r.id not in goals)
        return Power(total, made_with, ended, mirrors, power_questions(), on_goals)

    def bring_question(self, prep: Preparation, text: str, kind: AgendaKind = AgendaKind.POWER
                       ) -> None:
        """Put one of the seeds' questions (or the worker's own) on the agenda."""
        clean = " ".join(text.split())
        if not clean:
            raise InvalidInput("the question is empty")
        source = f"{kind.value}:{clean}" if kind is not AgendaKind.QUESTION else ""
        prep.bring(AgendaItem(kind, clean, source))

    # -- step 5: bring a situation ---------------------------------------------------------
    def bring_situation(self, prep: Preparation, entry_id: int) -> Situation:
        """Choose the entry to work through Kolb's four stages, prefilled from its text and
        sections (choosing the one already chosen keeps what the worker wrote)."""
        if prep.situation is not None and prep.situation.entry_id == entry_id:
            return prep.situation
        if entry_id not in {r.id for r in self.chosen(prep)}:
            raise InvalidInput(f"entry {entry_id} is not among the entries brought")
        entry = self._journal.get(entry_id)
        prep.situation = Situation(entry_id, stages_from(entry.body, entry.sections))
        return prep.situation

    def write_stage(self, prep: Preparation, stage: Stage, text: str) -> None:
        """Put the worker's words for one stage of the situation."""
        if prep.situation is None:
            raise InvalidInput("choose a situation to bring first")
        stages = dict(prep.situation.stages)
        stages[stage.value] = clean_words(text)
        prep.situation = Situation(prep.situation.entry_id, stages)

    def drop_situation(self, prep: Preparation) -> None:
        """Bring no situation after all."""
        prep.situation = None

    # -- step 6: how I am ----------------------------------------------------------------
    def how_i_am(self, prep: Preparation, text: str, include: bool | None = None) -> None:
        """Keep how the worker is, in their words; include says whether the pack shows it
        (None leaves that as it was)."""
        shown = prep.how_i_am.include if include is None else include
        prep.how_i_am = HowIAm(clean_words(text), shown)

    # -- step 7: the agenda -----------------------------------------------------------------
    def tag(self, prep: Preparation, index: int, function: Function | None) -> None:
        """Say which function of supervision an agenda item serves (None: untagged)."""
        prep.tag(index, function)


@cache
def power_questions() -> tuple[str, ...]:
    """The seeds' questions for the power and fallibility step (resources/supervision.toml)."""
    found = load_toml(resource_path("supervision.toml")).get("power_questions", [])
    return tuple(str(q) for q in found) if isinstance(found, list) else ()


def sentence_span(text: str, finding: Finding) -> tuple[int, int]:
    """Where the sentence a finding is in starts and ends (spaces left out)."""
    start = max(text.rfind(c, 0, finding.start) for c in ".!?\n") + 1
    ends = [i for c in ".!?\n" if (i := text.find(c, finding.end)) != -1]
    end = min(ends) + (text[min(ends)] != "\n") if ends else len(text)
    while start < finding.start and text[start].isspace():
        start += 1
    while end > finding.end and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_around(text: str, finding: Finding, limit: int = 240) -> str:
    """The sentence a finding is in, shortened around it when long."""
    start, end = sentence_span(text, finding)
    sentence = text[start:end]
    if len(sentence) <= limit:
        return sentence
    left = max(0, finding.start - start - limit // 2)
    return "\u2026" + sentence[left:left + limit].strip() + "\u2026"


def field_text(draft: EntryDraft, field: str) -> str:
    """The text of one field of a draft, by the lens's field names."""
    for item in field_texts(draft):
        if item.field == field:
            return item.text
    raise InvalidInput(f"the entry has no field '{field}'")


def set_field(draft: EntryDraft, field: str, text: str) -> EntryDraft:
    """The draft with one field's text replaced."""
    if field == "title":
        return replace(draft, title=text)
    if field == "body":
        return replace(draft, body=text)
    if field == "strengths":
        return replace(draft, strengths=text)
    kind, _sep, key = field.partition(":")
    if kind == "section":
        return replace(draft, sections=tuple((k, text if k == key else t)
                                             for k, t in draft.sections))
    if kind == "decision":
        n = int(key)
        return replace(draft, decisions=tuple(replace(d, text=text) if i == n else d
                                              for i, d in enumerate(draft.decisions)))
    if kind == "action":
        n = int(key)
        return replace(draft, actions=tuple(replace(a, text=text) if i == n else a
                                            for i, a in enumerate(draft.actions)))
    raise InvalidInput(f"the entry has no field '{field}'")


def texts_of(draft: EntryDraft) -> list[tuple[str, str]]:
    """Every text of a draft by field, as the entry's history keeps them."""
    return [(item.field, item.text) for item in field_texts(draft)]
