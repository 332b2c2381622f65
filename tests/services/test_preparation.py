"""The preparation steps over a real journal: choosing entries, the language check (reword
with history, keep with a reason, bring as a question), strengths, power and the agenda."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.domain import Decision, EntryKind, InvalidInput
from carejournal.core.preparation import AgendaKind, Preparation
from carejournal.core.supervision import AgreedAction, Session
from carejournal.services.journal import Journal
from tests.conftest import draft

TODAY = dt.date(2026, 11, 23)
DAY = dt.date(2026, 11, 10)


@pytest.fixture
def prep(journal: Journal) -> Preparation:
    journal.supervision.add(Session(dt.date(2026, 11, 1), "Sam",
                                    actions=(AgreedAction("Read the policy"),)))
    sid = journal.supervision.add(Session(dt.date(2026, 11, 26)))
    return journal.supervision.preparation(sid, TODAY)


def test_entries_default_to_the_whole_period_and_can_be_chosen(journal: Journal,
                                                              prep: Preparation) -> None:
    inside = journal.add(draft("Tea with Mary.", day=DAY, people=("Mary",)))
    other = journal.add(draft("A walk.", day=DAY + dt.timedelta(days=1)))
    journal.add(draft("Too early.", day=dt.date(2026, 10, 1)))
    steps = journal.preparing
    assert [r.id for r in steps.chosen(prep)] == [inside, other]
    prep.entry_ids = [other]
    assert [r.id for r in steps.chosen(prep)] == [other]
    steps.set_discuss(prep, other, True)
    assert prep.to_discuss == [other]
    assert prep.agenda[0].kind is AgendaKind.ENTRY and "A walk." in prep.agenda[0].text
    steps.set_discuss(prep, other, False)
    assert prep.agenda == [] and prep.to_discuss == []
    assert [a.text for a in steps.last_actions(prep)] == ["Read the policy"]


def test_language_lists_each_wording_once_with_its_context(journal: Journal,
                                                          prep: Preparation) -> None:
    entry = journal.add(draft("Mary was non-compliant again. She was non-compliant at tea.",
                              day=DAY, people=("Mary",)))
    items = journal.preparing.language(prep)
    assert len(items) == 1
    item = items[0]
    assert (item.entry.id, item.field, item.occurrences) == (entry, "body", 2)
    assert item.context == "Mary was non-compliant again."
    assert journal.preparing.start_language(prep) == 2


def test_rewording_changes_the_entry_and_keeps_the_original(journal: Journal,
                                                           prep: Preparation) -> None:
    entry = journal.add(draft("The service user enjoyed the garden.", day=DAY))
    steps = journal.preparing
    assert steps.start_language(prep) == 1
    key = steps.language(prep)[0].key
    steps.reword(prep, key, "Mary enjoyed the garden with me.", sentence=True)
    assert journal.get(entry).body == "Mary enjoyed the garden with me."
    history = journal.supervision.revisions(entry)
    assert len(history) == 1
    assert history[0].texts["body"] == "The service user enjoyed the garden."
    assert "supervision" in history[0].reason
    assert steps.language(prep) == []
    assert prep.rewordings[0].before == "The service user enjoyed the garden."
    assert prep.rewordings[0].after == "Mary enjoyed the garden with me."
    assert prep.language_before == 1, "the count before stays as it was"


def test_rewording_a_section_and_refusing_an_empty_wording(journal: Journal,
                                                          prep: Preparation) -> None:
    entry = journal.add(draft("", kind=EntryKind.REFLECTION, day=DAY, model="gibbs",
                              sections=(("description", "The case was hard."),)))
    steps = journal.preparing
    item = steps.language(prep)[0]
    assert item.field == "section:description"
    with pytest.raises(InvalidInput, match="new wording"):
        steps.reword(prep, item.key, "  ")
    steps.reword(prep, item.key, "situation")
    assert dict(journal.get(entry).sections)["description"] == "The situation was hard."
    assert prep.rewordings[-1].before == "case"


def test_keep_needs_a_reason_and_question_goes_on_the_agenda(journal: Journal,
                                                            prep: Preparation) -> None:
    journal.add(draft("A service user. He refused his lunch.", day=DAY))
    steps = journal.preparing
    first, second = steps.language(prep)
    with pytest.raises(InvalidInput, match="why you are keeping"):
        steps.keep(prep, first.key, "   ")
    steps.keep(prep, first.key, "It is the name of the team's form")
    steps.question(prep, second.key)
    items = {i.key: i for i in steps.language(prep)}
    assert items[first.key].kept.reason == "It is the name of the team's form"
    assert items[second.key].question and items[second.key].decided
    assert [a.kind for a in prep.agenda] == [AgendaKind.LANGUAGE]
    steps.keep(prep, second.key, "Quoting the care plan")
    assert prep.agenda == [] and prep.questions == [], "keeping takes the question off"
    steps.undecide(prep, second.key)
    assert not steps.language(prep)[1].decided


def test_rewording_finds_the_wording_again_after_the_entry_changed(journal: Journal,
                                                           prep: Preparation) -> None:
    entry = journal.add(draft("The service user smiled.", day=DAY))
    key = journal.preparing.language(prep)[0].key
    journal.update(entry, draft("Now the text is different. Service user smiled.", day=DAY))
    journal.preparing.reword(prep, key, "mary")  # found again at its new place
    assert journal.get(entry).body == "Now the text is different. Mary smiled."


def test_strengths_per_person_prompt_when_only_problems(journal: Journal,
                                                        prep: Preparation) -> None:
    journal.add(draft("Jo was aggressive and difficult.", day=DAY, people=("Jo",)))
    journal.add(draft("Mary was kind and funny; she helped.", day=DAY, people=("Mary",)))
    steps = journal.preparing
    people = {p.name: p for p in steps.strengths(prep)}
    assert people["Jo"].needs_strength and people["Jo"].problems > 0
    assert not people["Mary"].needs_strength and people["Mary"].strengths > 0
    steps.strength_question(prep, "Jo")
    assert prep.agenda[0].source == "strength:Jo"
    steps.note_strength(prep, "Jo", "  Jo remembered my name  ")
    assert prep.agenda == []
    assert {p.name: p for p in steps.strengths(prep)}["Jo"].noted == "Jo remembered my name"
    assert not {p.name: p for p in steps.strengths(prep)}["Jo"].needs_strength


def test_power_counts_decisions_made_with_people(journal: Journal, prep: Preparation
                                                 ) -> None:
    journal.add(draft("Planned the week.", day=DAY, decisions=(
        Decision("Chose the menu together", "co-production"),
        Decision("I booked the GP", "informing"))))
    journal.add(draft("I got it wrong today.", kind=EntryKind.FALLIBILITY, day=DAY))
    power = journal.preparing.power(prep)
    assert power.decisions == 2
    assert power.made_with == 1 and power.share_with == 0.5
    assert len(power.fallibility) == 1
    assert any("own plans survive" in q for q in power.questions)
    journal.preparing.bring_question(prep, power.questions[0])
    journal.preparing.bring_question(prep, power.questions[0])
    assert len(prep.agenda) == 1, "the same question is brought once"


def test_an_unknown_finding_key_is_refused(journal: Journal, prep: Preparation) -> None:
    journal.add(draft("A service user.", day=DAY))
    for key in ("999/body/service-user:service user", "nonsense"):
        with pytest.raises(InvalidInput, match="no language finding"):
            journal.preparing.keep(prep, key, "because")


def test_language_leaves_out_switched_off_rules_and_dismissed_findings(
        journal: Journal, prep: Preparation) -> None:
    text = "Mary was non-compliant. The service user enjoyed tea."
    plain = journal.add(draft(text, day=DAY, title="A service user"))
    dismissed = journal.add(draft(text, day=DAY, dismissed=("service-user:service user",)))
    found = {(i.entry.id, i.field, i.finding.rule)
             for i in journal.preparing.language(prep)}
    assert found == {(plain, "title", "service-user"), (plain, "body", "service-user"),
                     (plain, "body", "non-compliant"), (dismissed, "body", "non-compliant")}
    journal.lens.set_rule_on("service-user", False)
    found = {(i.entry.id, i.field, i.finding.rule)
             for i in journal.preparing.language(prep)}
    assert found == {(plain, "body", "non-compliant"), (dismissed, "body", "non-compliant")}


def test_language_leaves_out_mentions_and_wording_about_things(
        journal: Journal, prep: Preparation) -> None:
    entry = journal.add(draft("I nearly wrote 'non-compliant'. The fire door is non-compliant. "
                              "Mary was non-compliant at tea.", day=DAY, people=("Mary",)))
    items = journal.preparing.language(prep)
    assert [(i.entry.id, i.occurrences, i.context) for i in items] == [
        (entry, 1, "Mary was non-compliant at tea.")]
    assert journal.preparing.start_language(prep) == 1


def test_language_reads_the_chosen_entries_together_not_one_by_one(
        journal: Journal, prep: Preparation, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [journal.add(draft(f"Service user {n} was non-compliant.", day=DAY))
           for n in range(3)]
    reads: list[list[int]] = []
    bulk = journal.entries
    monkeypatch.setattr(journal, "get", lambda _id: pytest.fail("read one by one"))
    monkeypatch.setattr(journal, "entries", lambda wanted: reads.append(list(wanted))
                        or bulk(wanted))
    assert len(journal.preparing.language(prep)) == 6
    assert reads == [ids]


def test_a_situation_is_prefilled_kept_when_chosen_again_and_refused_if_not_brought(
        journal: Journal, prep: Preparation) -> None:
    from carejournal.core.preparation import Stage

    gibbs = journal.add(draft("Notes first.", EntryKind.REFLECTION, DAY, model="gibbs",
                              sections=(("description", "We went out."),
                                        ("feelings", "Nervous."),
                                        ("action-plan", "Plan again."))))
    other = journal.add(draft("Too early.", day=dt.date(2026, 10, 1)))
    steps = journal.preparing
    situation = steps.bring_situation(prep, gibbs)
    assert situation.words(Stage.EXPERIENCE) == "Notes first.\n\nWe went out."
    assert situation.words(Stage.REFLECTION) == "Nervous."
    assert situation.words(Stage.THINKING) == ""
    assert situation.words(Stage.ACTION) == "Plan again."
    steps.write_stage(prep, Stage.THINKING, "  Going slowly helped.  ")
    assert steps.bring_situation(prep, gibbs).words(Stage.THINKING) == "Going slowly helped."
    with pytest.raises(InvalidInput, match="not among the entries brought"):
        steps.bring_situation(prep, other)
    steps.drop_situation(prep)
    with pytest.raises(InvalidInput, match="choose a situation"):
        steps.write_stage(prep, Stage.ACTION, "x")


def test_how_i_am_keeps_the_choice_to_include_unless_told(journal: Journal,
                                                          prep: Preparation) -> None:
    steps = journal.preparing
    steps.how_i_am(prep, "Tired.")
    assert not prep.how_i_am.include
    steps.how_i_am(prep, "Tired.", True)
    steps.how_i_am(prep, "Tired, better now.")
    assert prep.how_i_am.include and prep.how_i_am.text == "Tired, better now."
    with pytest.raises(InvalidInput):
        steps.how_i_am(prep, "x" * 10_001)


def test_an_agreed_action_is_linked_to_a_function(journal: Journal, prep: Preparation
                                                  ) -> None:
    from carejournal.core.supervision import Function

    action = journal.supervision.sessions()[0].actions[0]
    assert action.function is None
    journal.supervision.set_action_function(action.id or 0, Function.MANAGEMENT)
    assert journal.supervision.sessions()[0].actions[0].function is Function.MANAGEMENT
    with pytest.raises(InvalidInput):
        journal.supervision.set_action_function(999, Function.SUPPORT)
