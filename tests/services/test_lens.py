"""The language lens through the journal: drafts checked, counts stored, periods summed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from carejournal.core.domain import ActionItem, Decision, EntryKind, InvalidInput
from carejournal.core.errors import ResourceError
from carejournal.lens.balance import Balance
from carejournal.lens.matcher import load_lexicon
from carejournal.services import lens as lens_service
from carejournal.services.journal import Journal
from carejournal.services.lens import LensService, clean_dismissed
from tests.conftest import draft
from tests.store.test_schema import sql

SMALL_LEXICON = '''
version = 1

[categories.labels]
name = "Labels"
description = "Words that sum a person up."

[categories.blame]
name = "Blame"
description = "Words that blame."

[[rule]]
id = "service-user"
category = "labels"
phrases = ["service user+"]
why = "It names someone by a service."
alternatives = ["their name", "the person I support"]
source = "test"

[[rule]]
id = "case"
category = "labels"
phrases = ["case", "cases"]
exceptions = ["in case", "in any case"]
why = "A person is not a case."
alternatives = ["the person"]
source = "test"

[[rule]]
id = "refuses"
category = "blame"
phrases = ["refuse+"]
why = "It blames."
alternatives = ["said no to", "chose not to"]
source = "test"
'''
BROKEN_RULE = '''
[[rule]]
id = "Bad Id"
category = "labels"
phrases = ["x"]
why = "y"
alternatives = ["z"]
source = "test"
'''
DAY = dt.date(2026, 3, 2)


def write_lexicon(folder: Path, extra: str = "", name: str = "lexicon.toml") -> Path:
    """A small lexicon for tests (three rules, two categories), plus any extra TOML."""
    path = folder / name
    path.write_text(SMALL_LEXICON + extra, encoding="utf-8")
    return path


@pytest.fixture
def small(journal: Journal, tmp_path: Path) -> Journal:
    """The journal, with its lens reading the small lexicon."""
    journal.lens = journal.lens.with_lexicon(load_lexicon(write_lexicon(tmp_path)))
    return journal


def stored(path: Path, entry_id: int) -> list[tuple[str, str, int]]:
    return sql(path, "SELECT rule, category, count FROM entry_findings WHERE entry_id = ? "
                     "ORDER BY rule", (entry_id,))


# -- drafts -------------------------------------------------------------------------------
def test_check_draft_goes_field_by_field_in_order(small: Journal) -> None:
    found = small.lens.check_draft(draft(
        "He refused. Just in case.", EntryKind.REFLECTION, title="A case",
        strengths="Not a service user", model="gibbs",
        sections=(("description", "The case notes"), ("feelings", "Cases pile up")),
        decisions=(Decision("The case conference", "informing"),),
        actions=(ActionItem("refuse nothing"),)))
    assert [(f.field, f.finding.text) for f in found] == [
        ("title", "case"), ("body", "refused"), ("strengths", "service user"),
        ("section:description", "case"), ("section:feelings", "Cases"),
        ("decision:0", "case"), ("action:0", "refuse")]
    labels = {f.field: f.label for f in found}
    assert labels["decision:0"] == "Decision 1" and labels["action:0"] == "Action 1"
    assert labels["section:description"] == "Description"  # the model's own label


def test_check_draft_leaves_out_choice_sections_and_dismissed_keys(small: Journal) -> None:
    found = small.lens.check_draft(draft(
        "A case. Another case. A service user.", EntryKind.REFLECTION, model="schon",
        sections=(("mode", "case"),), dismissed=("case:case",)))
    assert [f.finding.rule for f in found] == ["service-user"]


def test_offsets_are_into_the_field_text(small: Journal) -> None:
    entry = draft("Ünïcode first: the service users’ rota.")
    (found,) = small.lens.check_draft(entry)
    assert entry.body[found.finding.start:found.finding.end] == found.finding.text
    assert found.finding.key == "service-user:service users"


def test_balance_of_reads_body_strengths_sections_and_decisions_only(
        journal: Journal) -> None:
    base = journal.lens.balance_of(draft("kind"))
    assert base.words == 1
    full = journal.lens.balance_of(draft(
        "kind", title="kind kind", strengths="kind", sections=(("what", "kind"),),
        decisions=(Decision("kind", "informing"),), actions=(ActionItem("kind kind"),)))
    assert full.words == 4 and full.strengths == 4 * base.strengths


# -- stored counts ------------------------------------------------------------------------
def test_counts_leave_out_dismissed_findings(small: Journal, journal_path: Path) -> None:
    entry_id = small.add(draft("The case. The cases. A service user refused.",
                               dismissed=("case:case",)))
    assert stored(journal_path, entry_id) == [("case", "labels", 1), ("refuses", "blame", 1),
                                              ("service-user", "labels", 1)]
    assert sql(journal_path, "SELECT lens_version FROM entries") == [(small.lens.version(),)]


def about_person(folder: Path, name: str) -> Path:
    """The small lexicon with "refuses" about a person being supported."""
    path = write_lexicon(folder, name=name)
    path.write_text(path.read_text(encoding="utf-8").replace(
        'id = "refuses"\ncategory = "blame"\n',
        'id = "refuses"\ncategory = "blame"\nabout = "person"\n'), encoding="utf-8")
    return path


def test_mentions_and_wording_about_things_are_not_counted(small: Journal, tmp_path: Path,
                                                            journal_path: Path) -> None:
    small.lens = small.lens.with_lexicon(load_lexicon(about_person(tmp_path, "about.toml")))
    text = ("I nearly wrote 'case' and stopped. He is not a service user. The car refused "
            "to start. Bo refused lunch.")
    found = small.lens.check_draft(draft(text))
    assert [(f.finding.text, f.finding.reason) for f in found] == [
        ("case", "quoted"), ("service user", "negated"), ("refused", "")]
    entry_id = small.add(draft(text))
    assert stored(journal_path, entry_id) == [("refuses", "blame", 1)]
    assert small.lens.period_findings(None, None) == {"blame": 1}


def test_the_entrys_people_are_who_its_sentences_are_about(small: Journal,
                                                           tmp_path: Path) -> None:
    small.lens = small.lens.with_lexicon(load_lexicon(about_person(tmp_path, "people.toml")))
    text = "after the plan bo refused lunch."
    assert small.lens.check_draft(draft(text)) == []
    with_bo = draft(text, people=("Bo",))
    assert [f.finding.text for f in small.lens.check_draft(with_bo)] == ["refused"]
    counts = small.lens.counts(with_bo)
    assert counts is not None and counts.findings == (("refuses", "blame", 1),)


def test_dismissals_are_tidied_saved_and_remembered_after_reopening(
        small: Journal, journal_path: Path) -> None:
    entry_id = small.add(draft("A case.", dismissed=(" case:case ", "", "case:case", "a:b")))
    assert small.get(entry_id).dismissed == ("a:b", "case:case")
    small.close()
    reopened = Journal.open(journal_path, create=True)
    try:
        entry = reopened.get(entry_id)
        assert entry.dismissed == ("a:b", "case:case")
        assert entry.draft().dismissed == entry.dismissed
        reopened.update(entry_id, entry.draft())
        assert reopened.get(entry_id).dismissed == ("a:b", "case:case")
        reopened.update(entry_id, draft("A case."))
        assert reopened.get(entry_id).dismissed == ()
    finally:
        reopened.close()


def test_clean_dismissed_sorts_and_drops_blanks() -> None:
    assert clean_dismissed(["b", " a ", "", "  ", "b"]) == ("a", "b")


def test_a_broken_word_list_never_stops_a_save(small: Journal, journal_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise ResourceError("balance.toml, line 3: broken")

    monkeypatch.setattr(lens_service, "measure_rules", broken)
    lens = small.lens.with_lexicon(small.lens.lexicon())
    small.lens = lens
    entry_id = small.add(draft("A case."))
    assert sql(journal_path, "SELECT lens_version FROM entries") == [(None,)]
    assert stored(journal_path, entry_id) == []
    assert "balance.toml, line 3: broken" in lens.problems()
    assert lens.balance_of(draft("kind")) == Balance()
    assert lens.recount_stale() == 0
    assert [f.finding.rule for f in lens.check_draft(draft("A case."))] == ["case"]


# -- rules switched off -------------------------------------------------------------------
def test_a_rule_switched_off_is_left_out_and_remembered(small: Journal, journal_path: Path,
                                                        tmp_path: Path) -> None:
    text = draft("A case. A service user.")
    small.add(text)
    small.lens.set_rule_on("case", False)
    assert small.lens.disabled_rules() == frozenset({"case"})
    assert [f.finding.rule for f in small.lens.check_draft(text)] == ["service-user"]
    assert small.lens.period_findings(None, None) == {"labels": 1}
    small.close()
    reopened = Journal.open(journal_path, create=True)
    try:
        reopened.lens = reopened.lens.with_lexicon(load_lexicon(tmp_path / "lexicon.toml"))
        assert reopened.lens.disabled_rules() == frozenset({"case"})
        assert "case" not in {f.finding.rule for f in reopened.lens.check_draft(text)}
        reopened.lens.set_rule_on("case", True)
        assert reopened.lens.period_findings(None, None) == {"labels": 2}
    finally:
        reopened.close()


def test_unknown_rules_cannot_be_switched(small: Journal) -> None:
    with pytest.raises(InvalidInput, match="no language rule 'nope'"):
        small.lens.set_rule_on("nope", False)
    assert small.lens.disabled_rules() == frozenset()


def test_a_rule_gone_from_the_lexicon_can_still_be_switched_back_on(small: Journal) -> None:
    small.settings.set_lens_rules_off(["retired-rule", "case"])
    small.lens.set_rule_on("retired-rule", True)
    assert small.lens.disabled_rules() == frozenset({"case"})


def test_the_lens_is_rebuilt_only_when_the_rules_change(small: Journal) -> None:
    first = small.lens.lens()
    assert small.lens.lens() is first
    small.lens.set_rule_on("refuses", False)
    second = small.lens.lens()
    assert second is not first and second.disabled == frozenset({"refuses"})
    assert small.lens.check_draft(draft("He refused.")) == []


def test_a_damaged_setting_switches_nothing_off(small: Journal) -> None:
    small.settings._store.set("lens_rules_off", "case")
    assert small.lens.disabled_rules() == frozenset()


# -- periods ------------------------------------------------------------------------------
def test_period_sums_take_a_date_range_and_leave_out_the_trash(small: Journal) -> None:
    def on(day: int, text: str) -> int:
        return small.add(draft(text, day=dt.date(2026, 3, day)))

    on(1, "A case, kind.")
    middle = on(5, "A case and a service user.")
    on(9, "Refused. Cases.")
    trashed = on(5, "A case.")
    small.trash([trashed])
    lens = small.lens
    assert lens.period_findings(dt.date(2026, 3, 5), dt.date(2026, 3, 5)) == {"labels": 2}
    assert lens.period_findings(dt.date(2026, 3, 5), None) == {"labels": 3, "blame": 1}
    assert lens.period_findings(None, dt.date(2026, 3, 4)) == {"labels": 1}
    assert lens.period_findings(dt.date(2026, 4, 1), None) == {}
    assert lens.period_balance(dt.date(2026, 3, 5), dt.date(2026, 3, 5)) == \
        lens.balance_of(small.get(middle).draft())
    everything = lens.period_balance(None, None)
    assert everything.words == 3 + 6 + 2
    small.restore([trashed])
    assert lens.period_balance(None, None).words == everything.words + 2


def test_recount_stale_fixes_stale_rows_in_batches(small: Journal, journal_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [small.add(draft(f"Case {n}. A service user.")) for n in range(5)]
    right = sql(journal_path, "SELECT * FROM entry_findings ORDER BY 1, 2")
    sql(journal_path, "UPDATE entries SET lens_version = NULL, word_count = 0 WHERE id < ?",
        (ids[3],))
    sql(journal_path, "UPDATE entries SET lens_version = 'an old lexicon' WHERE id = ?",
        (ids[4],))
    sql(journal_path, "DELETE FROM entry_findings WHERE entry_id != ?", (ids[3],))
    batches: list[int] = []
    reads = small.lens._store.stale

    def spy(version: str, after_id: int, limit: int) -> list:
        found = reads(version, after_id, limit)
        batches.append(len(found))
        return found

    monkeypatch.setattr(small.lens._store, "stale", spy)
    assert small.lens.recount_stale(batch=2) == 4
    assert batches == [2, 2, 0]
    assert sql(journal_path, "SELECT * FROM entry_findings ORDER BY 1, 2") == right
    assert sql(journal_path, "SELECT DISTINCT word_count, lens_version FROM entries") == \
        [(5, small.lens.version())]
    assert small.lens.recount_stale() == 0


def test_a_new_lexicon_makes_every_entry_stale(small: Journal, tmp_path: Path,
                                               journal_path: Path) -> None:
    entry_id = small.add(draft("A case. He refused."))
    before = small.lens.version()
    changed = write_lexicon(tmp_path, name="newer.toml").read_text().replace(
        'id = "refuses"\ncategory = "blame"', 'id = "refuses"\ncategory = "labels"')
    newer = tmp_path / "newer.toml"
    newer.write_text(changed, encoding="utf-8")
    small.lens = small.lens.with_lexicon(load_lexicon(newer))
    assert small.lens.version() != before
    assert small.lens.period_findings(None, None) == {"labels": 2}
    assert stored(journal_path, entry_id) == [("case", "labels", 1), ("refuses", "labels", 1)]


def test_the_version_changes_with_the_lexicon_bytes(tmp_path: Path) -> None:
    path = write_lexicon(tmp_path)
    before = lens_service.file_digest(path)
    assert lens_service.file_digest(path) == before
    path.write_text(SMALL_LEXICON + "\n# a comment\n", encoding="utf-8")
    assert lens_service.file_digest(path) != before
    assert lens_service.file_digest(tmp_path / "missing.toml") != before


# -- a lexicon with problems --------------------------------------------------------------
def test_one_bad_rule_is_named_and_the_rest_still_work(journal: Journal,
                                                       tmp_path: Path) -> None:
    lexicon = load_lexicon(write_lexicon(tmp_path, BROKEN_RULE))
    lens = journal.lens.with_lexicon(lexicon)
    assert any("Bad Id" in p for p in lens.problems())
    assert [f.finding.rule for f in lens.check_draft(draft("A case."))] == ["case"]


def test_the_shipped_lexicon_is_the_default(journal: Journal) -> None:
    assert isinstance(journal.lens, LensService)
    assert journal.lens.lexicon().rule("service-user") is not None
    found = journal.lens.check_draft(draft("She was non-compliant."))
    assert [f.finding.rule for f in found] == ["non-compliant"]


def test_journals_over_the_shipped_rules_share_one_built_lens(
        journal: Journal, tmp_path: Path) -> None:
    """Building the shipped lens takes a second or two; a second journal (a second window, a
    reopened or unlocked journal) uses the one already built, and still its own switches."""
    other = Journal.open(tmp_path / "other.journal", create=True)
    try:
        assert other.lens.lens() is journal.lens.lens()
        other.lens.set_rule_on("service-user", False)
        assert other.lens.lens() is not journal.lens.lens()
        assert "service-user" in other.lens.lens().disabled
        assert "service-user" not in journal.lens.lens().disabled
        text = draft("Took the service user to the shops.")
        assert [f.finding.rule for f in journal.lens.check_draft(text)] == ["service-user"]
        assert [f.finding.rule for f in other.lens.check_draft(text)] == []
        tried = journal.lens.with_lexicon(load_lexicon(write_lexicon(tmp_path)))
        assert tried.lens() is not journal.lens.lens()  # an edited lexicon is its own
    finally:
        other.close()


def test_a_one_off_entry_may_be_counted_later_but_many_are_counted_as_they_go(
        journal: Journal) -> None:
    """count_later (the CLI's add and edit) saves the entry uncounted when this service has
    not built its lens; add_many (imports) counts each entry as it stores it, so a big
    import never leaves thousands to count at once; what reads the counts counts the rest."""
    journal.lens.count_later = True
    one = journal.add(draft("A service user refused her tea."))
    journal.add_many([draft("Another service user."), draft("A third service user.")])
    version = journal.lens.version()
    assert [e.id for e in journal.lens._store.stale(version, 0, 10)] == [one]
    findings = journal.lens.period_findings(None, None)
    assert findings.get("labels") == 3 and findings.get("blame") == 1, findings
    assert journal.lens._store.stale(version, 0, 10) == []
    journal.update(one, draft("A service user had her tea."))  # the lens is built now
    assert journal.lens._store.stale(version, 0, 10) == []
