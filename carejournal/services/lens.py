"""The language lens as the window and the command line use it.

Checks drafts field by field (leaving out dismissed findings and switched-off rules),
measures their strengths/problems balance, and keeps per-entry counts in the journal so
that a period's figures are sums. Counts are taken with every rule on; switched-off rules
are left out when summing, so switching a rule never needs a recount.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from carejournal.core.domain import EntryDraft, InvalidInput
from carejournal.core.errors import ResourceError
from carejournal.core.resources import resource_path
from carejournal.core.templates import template_for
from carejournal.lens.balance import Balance, BalanceRules, measure_rules
from carejournal.lens.lexicon import shipped_lexicon
from carejournal.lens.matcher import Finding, Lens, Lexicon, shipped_lens
from carejournal.lens.phrases import words_of
from carejournal.store.lens_repo import EntryCounts, StaleEntry

if TYPE_CHECKING:
    from carejournal.services.settings import SettingsService

RECOUNT_BATCH = 500
# Part of lens_version: change it when what is counted changes, so every entry is recounted.
# 2: mentions (quoted, named, negated wording) and wording not about a person are not counted.
COUNTING_SCHEME = b"carejournal lens counts 2"
TITLE, BODY, STRENGTHS = "Title", "Entry text", "Strengths noticed"


@dataclass(frozen=True, slots=True)
class FieldFinding:
    """A finding in one field of a draft: "title", "body", "strengths", "section:<key>",
    "decision:<n>" or "action:<n>" (n counts from 0), with a label for people."""

    field: str
    label: str
    finding: Finding


@dataclass(frozen=True, slots=True)
class FieldText:
    """One text of a draft; balanced when it counts towards the strengths/problems balance."""

    field: str
    label: str
    text: str
    balanced: bool


def field_texts(draft: EntryDraft) -> Iterator[FieldText]:
    """The texts of a draft the lens reads, in order; empty ones and choices left out."""
    yield FieldText("title", TITLE, draft.title, False)
    yield FieldText("body", BODY, draft.body, True)
    yield FieldText("strengths", STRENGTHS, draft.strengths, True)
    labels, choices = _section_labels(draft)
    for key, text in draft.sections:
        if key not in choices:
            yield FieldText(f"section:{key}", labels.get(key, key), text, True)
    for n, decision in enumerate(draft.decisions):
        yield FieldText(f"decision:{n}", f"Decision {n + 1}", decision.text, True)
    for n, action in enumerate(draft.actions):
        yield FieldText(f"action:{n}", f"Action {n + 1}", action.text, False)


def _section_labels(draft: EntryDraft) -> tuple[dict[str, str], set[str]]:
    """Section labels by key, and the keys of sections that hold a choice, not writing."""
    if not draft.sections:
        return {}, set()
    try:
        template = template_for(draft.kind.value, draft.model)
    except InvalidInput:
        template = None
    if template is None:
        return {}, set()
    return ({s.key: s.label for s in template.sections},
            {s.key for s in template.sections if s.kind == "choice"})


def clean_dismissed(keys: Iterable[str]) -> tuple[str, ...]:
    """Dismissed finding keys as stored: trimmed, no blanks or repeats, sorted."""
    return tuple(sorted({k.strip() for k in keys if k.strip()}))


def file_digest(*paths: Path) -> str:
    """A short hash of the counting scheme and these files' bytes (a lens_version)."""
    digest = hashlib.sha256(COUNTING_SCHEME)
    for path in paths:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"(unreadable)")
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


class _Store(Protocol):
    def period_sums(self, since: dt.date | None, until: dt.date | None
                    ) -> tuple[int, int, int]: ...
    def period_findings(self, since: dt.date | None, until: dt.date | None,
                        leave_out: Iterable[str] = ()) -> dict[str, int]: ...
    def stale(self, version: str, after_id: int, limit: int) -> list[StaleEntry]: ...
    def store_counts(self, counted: list[tuple[StaleEntry, EntryCounts]]) -> int: ...


class LensService:
    """The lens of one journal: its rules (some maybe switched off) and its stored counts."""

    def __init__(self, store: _Store, settings: SettingsService,
                 lexicon: Lexicon | None = None) -> None:
        self._store = store
        self._settings = settings
        self._lexicon = lexicon
        self._version: str | None = None
        self._balance: BalanceRules | None = None
        self._balance_problem = ""
        self._lens: Lens | None = None
        self._full: Lens | None = None
        # A one-off command (the CLI's add or edit) saves an entry without counting it when
        # the lens is not built yet in this process: building it takes a second or two, and
        # the entry is counted the next time counts are read (recount_stale). Imports count
        # every entry as they go (counts_now): thousands left would be counted all at once.
        self.count_later = False

    def with_lexicon(self, lexicon: Lexicon) -> LensService:
        """The same journal seen through another lexicon (to try out an edited file)."""
        return LensService(self._store, self._settings, lexicon)

    # -- the rules ------------------------------------------------------------
    def lexicon(self) -> Lexicon:
        """The lexicon in use (the shipped one unless another was given)."""
        if self._lexicon is None:
            self._lexicon = shipped_lexicon()
        return self._lexicon

    def problems(self) -> tuple[str, ...]:
        """What could not be loaded: bad rules in the lexicon, a broken word list."""
        self._rules()
        extra = (self._balance_problem,) if self._balance_problem else ()
        return self.lexicon().problems + extra

    def disabled_rules(self) -> frozenset[str]:
        """Ids of the rules switched off in this journal."""
        return self._settings.lens_rules_off()

    def set_rule_on(self, rule_id: str, on: bool) -> None:
        """Switch a rule on or off for this journal; unknown ids raise InvalidInput."""
        off = self.disabled_rules()
        if self.lexicon().rule(rule_id) is None and rule_id not in off:
            raise InvalidInput(f"there is no language rule '{rule_id}'")
        self._settings.set_lens_rules_off(off - {rule_id} if on else off | {rule_id})

    def lens(self) -> Lens:
        """The lexicon minus the rules switched off (rebuilt only when those change)."""
        disabled = self.disabled_rules()
        if self._lens is None or self._lens.disabled != disabled:
            self._lens = self._built(disabled)
        return self._lens

    def warm(self, disabled: frozenset[str]) -> None:
        """Load the lexicon and build the lens for these switched-off rules ahead of lens(),
        which then finds it built. Reads no setting, so it may run off the window's thread:
        building takes a second or two, and the window must not stand still for it."""
        if self.lexicon() is shipped_lexicon():
            shipped_lens(disabled)

    def _built(self, disabled: frozenset[str]) -> Lens:
        """A lens over this service's lexicon; over the shipped one, the process's own (a
        second window, a reopened journal and a locked one coming back share it: building
        takes a second or two, and a lens holds nothing of any journal)."""
        if self.lexicon() is shipped_lexicon():
            return shipped_lens(disabled)
        return Lens(self.lexicon(), disabled)

    def version(self) -> str:
        """What stored counts must carry to be current: a hash of lexicon and word lists."""
        if self._version is None:
            self._version = file_digest(self.lexicon().path, resource_path("balance.toml"))
        return self._version

    # -- drafts ---------------------------------------------------------------
    def check_draft(self, draft: EntryDraft) -> list[FieldFinding]:
        """Findings field by field, in order; dismissed ones and switched-off rules left out
        (mentions kept: Finding.mention says which they are)."""
        lens = self.lens()
        return [FieldFinding(item.field, item.label, finding)
                for item in field_texts(draft) if item.text.strip()
                for finding in lens.check(item.text, draft.dismissed, people=draft.people)]

    def balance_of(self, draft: EntryDraft) -> Balance:
        """Strength and problem words in the text, strengths, sections and decisions."""
        rules = self._rules()
        total = Balance()
        if rules is None:
            return total
        for item in field_texts(draft):
            if item.balanced and item.text.strip():
                total += rules.measure(item.text)
        return total

    def counts(self, draft: EntryDraft) -> EntryCounts | None:
        """What to store with an entry; None when the word lists cannot be read (the entry
        is then saved anyway and counted later). One tokenising per text serves both."""
        if self.count_later and self._full is None:
            return None  # counted later, by whatever next reads the counts
        rules = self._rules()
        if rules is None:
            return None
        if self._full is None:
            self._full = self._built(frozenset())
        found: dict[str, tuple[str, int]] = {}
        total = Balance()
        for item in field_texts(draft):
            if not item.text.strip():
                continue
            words = words_of(item.text)
            for rule in self._full.rules_found(item.text, words, draft.dismissed,
                                               draft.people):
                _category, count = found.get(rule.id, (rule.category, 0))
                found[rule.id] = (rule.category, count + 1)
            if item.balanced:
                total += rules.measure(item.text, words)
        findings = tuple(sorted((rule, cat, n) for rule, (cat, n) in found.items()))
        return EntryCounts(total.words, total.strengths, total.problems, findings,
                           self.version())

    def counts_now(self, draft: EntryDraft) -> EntryCounts | None:
        """counts, never put off (for imports, and for counting what was left)."""
        later, self.count_later = self.count_later, False
        try:
            return self.counts(draft)
        finally:
            self.count_later = later

    def _rules(self) -> BalanceRules | None:
        if self._balance is None and not self._balance_problem:
            try:
                self._balance = measure_rules()
            except ResourceError as exc:
                self._balance_problem = str(exc)
        return self._balance

    # -- periods --------------------------------------------------------------
    def recount_stale(self, batch: int = RECOUNT_BATCH) -> int:
        """Count again, batch by batch, entries counted by another lexicon (or never)."""
        if self._rules() is None:
            return 0
        version, after, done = self.version(), 0, 0
        while stale := self._store.stale(version, after, batch):
            counted = [(entry, counts) for entry in stale
                       if (counts := self.counts_now(entry.draft)) is not None]
            done += self._store.store_counts(counted)
            after = stale[-1].id
        return done

    def period_balance(self, since: dt.date | None, until: dt.date | None) -> Balance:
        """The balance of the entries (not in the trash) from since to until, inclusive."""
        self.recount_stale()
        strengths, problems, words = self._store.period_sums(since, until)
        return Balance(strengths, problems, words)

    def period_findings(self, since: dt.date | None, until: dt.date | None
                        ) -> dict[str, int]:
        """Findings per category in the period's entries, switched-off rules left out."""
        self.recount_stale()
        return self._store.period_findings(since, until, self.disabled_rules())
