"""`carejournal goal ...`: a person's goals, their attempts, and the question before ending one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from carejournal.cli.output import print_json
from carejournal.cli.parser import date_type, positive
from carejournal.core.domain import InvalidInput
from carejournal.core.goals import (
    Attempt,
    FallibilityAnswer,
    Goal,
    GoalStatus,
    Outcome,
    parse_choice,
)
from carejournal.core.i18n import _
from carejournal.core.templates import questions
from carejournal.services.journal import Journal

OUTCOME_WORDS = {Outcome.MANAGED: "managed", Outcome.PARTLY: "partly",
                 Outcome.NOT_THIS_TIME: "not this time"}


def add_arguments(goal: argparse.ArgumentParser) -> None:
    """The subcommands of `carejournal goal`."""
    actions = goal.add_subparsers(dest="goal_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=_("a new goal for a person"))
    add.add_argument("person", metavar="PERSON")
    add.add_argument("text", metavar="TEXT", help=_("the goal, in the person's own words"))
    listing = actions.add_parser("list", help=_("goals, with their attempts by outcome"))
    listing.add_argument("--person", default="", help=_("only this person's goals"))
    listing.add_argument("--status", action="append", default=[], metavar="STATUS",
                         help="only goals with this status (repeat): "
                              + ", ".join(s.value for s in GoalStatus))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    show = actions.add_parser("show", help=_("one goal with its attempts"))
    show.add_argument("id", type=positive, metavar="ID")
    show.add_argument("--json", action="store_true", help=_("print JSON"))
    attempt = actions.add_parser("attempt", help=_("log one try at a goal"))
    attempt.add_argument("id", type=positive, metavar="ID")
    attempt.add_argument("outcome", metavar="OUTCOME", help=_("managed, partly or not-this-time"))
    attempt.add_argument("--date", type=date_type, help=_("YYYY-MM-DD, today or yesterday"))
    attempt.add_argument("--note", default="", help=_("a few words about how it went"))
    attempt.add_argument("--entry", type=positive, metavar="ENTRY_ID",
                         help=_("the journal entry where it came up"))
    reword = actions.add_parser("reword", help=_("change a goal's words"))
    reword.add_argument("id", type=positive, metavar="ID")
    reword.add_argument("text", metavar="TEXT")
    status = actions.add_parser("status", help=_("pause, achieve, end or reopen a goal"))
    status.add_argument("id", type=positive, metavar="ID")
    status.add_argument("status", metavar="STATUS", help=", ".join(s.value for s in GoalStatus))
    _add_answer_options(status)
    end = actions.add_parser("discontinue", help=_("end a goal (asks first after few attempts)"))
    end.add_argument("id", type=positive, metavar="ID")
    end.add_argument("--unattainable", action="store_true", help=_("mark it unattainable instead"))
    _add_answer_options(end)


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(_("'{text}' is not a whole number (0 or more)")
                                             .format(text=text))
    return int(text)


def _add_answer_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--own-attempts", type=_count, metavar="N",
                     help=_("your answer: how many attempts your own hardest change took"))
    cmd.add_argument("--reflection", metavar="TEXT",
                     help=_("a short reflection, kept as a fallibility entry linked to the goal"))
    cmd.add_argument("--go-on", action="store_true",
                     help=_("end the goal without answering the question"))


def run(journal: Journal, args: argparse.Namespace) -> int:
    """Carry out one goal action."""
    handlers: dict[str, Callable[[Journal, argparse.Namespace], None]] = {
        "add": _add, "list": _list, "show": _show, "attempt": _attempt, "reword": _reword,
        "status": _status, "discontinue": _discontinue,
    }
    handlers[args.goal_command](journal, args)
    return 0


def _known_name(journal: Journal, name: str) -> str:
    """The journal's own spelling of a name typed in any case ('ann' finds 'Ann')."""
    wanted = " ".join(name.split()).casefold()
    return next((p for p in journal.people() if p.casefold() == wanted), name)


def goal_json(goal: Goal) -> dict[str, Any]:
    """A goal with its attempts counted by outcome."""
    return {
        "id": goal.id, "person": goal.person, "text": goal.text, "status": goal.status.value,
        "attempts": goal.attempts,
        "outcomes": {Outcome.MANAGED.value: goal.managed, Outcome.PARTLY.value: goal.partly,
                     Outcome.NOT_THIS_TIME.value: goal.not_yet},
        "last_attempt_on": goal.last_attempt_on.isoformat() if goal.last_attempt_on else None,
        "created_at": goal.created_at.isoformat(timespec="seconds"),
        "asked_at": goal.asked_at.isoformat(timespec="seconds") if goal.asked_at else None,
        "own_attempts": goal.own_attempts,
        "reflection_id": goal.reflection_id,
    }


def attempt_json(attempt: Attempt) -> dict[str, Any]:
    """One attempt, with the entry it is linked to (if any)."""
    return {"id": attempt.id, "date": attempt.occurred_on.isoformat(),
            "outcome": attempt.outcome.value, "note": attempt.note,
            "entry_id": attempt.entry_id, "entry_summary": attempt.entry_summary or None}


def counts_text(goal: Goal) -> str:
    """'3 attempts: 1 managed, 1 partly, 1 not this time' (or 'no attempts yet')."""
    if not goal.attempts:
        return "no attempts yet"
    parts = [f"{n} {OUTCOME_WORDS[o]}" for o, n in ((Outcome.MANAGED, goal.managed),
             (Outcome.PARTLY, goal.partly), (Outcome.NOT_THIS_TIME, goal.not_yet)) if n]
    noun = "attempt" if goal.attempts == 1 else "attempts"
    return f"{goal.attempts} {noun}: {', '.join(parts)}"


def _add(journal: Journal, args: argparse.Namespace) -> None:
    goal = journal.goals.add(_known_name(journal, args.person), args.text)
    print(_("Added goal {id} for {person}: “{text}”.")
              .format(id=goal.id, person=goal.person, text=goal.text))


def _list(journal: Journal, args: argparse.Namespace) -> None:
    statuses = [_status_of(word)
                for value in args.status for word in value.split(",") if word.strip()]
    person = _known_name(journal, args.person) if args.person.strip() else ""
    goals = journal.goals.list(person, statuses)
    if args.json:
        print_json([goal_json(g) for g in goals])
        return
    if not goals:
        print(_("No goals match.") if person or statuses else
              _("No goals yet. Add one with: carejournal goal add PERSON \"their goal, in their "
              "own words\""))
    width = max((len(g.person) for g in goals), default=0)
    for goal in goals:
        print(f"{goal.id:>4}  {goal.person:<{width}}  {goal.status.value:<12}  {goal.text}  "
              f"({counts_text(goal)})")


def _show(journal: Journal, args: argparse.Namespace) -> None:
    goal = journal.goals.get(args.id)
    attempts = journal.goals.attempts(goal.id)
    if args.json:
        print_json([goal_json(goal) | {"attempt_log": [attempt_json(a) for a in attempts]}])
        return
    print(_("Goal {id} · {person} · {value}")
              .format(id=goal.id, person=goal.person, value=goal.status.value))
    print(goal.text)
    print(counts_text(goal).capitalize())
    for attempt in attempts:
        note = f"  {attempt.note}" if attempt.note else ""
        entry = (f"  (entry {attempt.entry_id}: {attempt.entry_summary})"
                 if attempt.entry_id else "")
        print(f"  {attempt.occurred_on.isoformat()}  "
              f"{OUTCOME_WORDS[attempt.outcome]:<13}{note}{entry}".rstrip())
    if goal.asked_at:
        print(_answer_text(goal))


def _answer_text(goal: Goal) -> str:
    """What the worker answered when asked before ending the goal."""
    parts = [f"Asked on {goal.asked_at:%Y-%m-%d} before ending it"] if goal.asked_at else []
    if goal.own_attempts is not None:
        parts.append(f"your own hardest change took {goal.own_attempts} attempts")
    if goal.reflection_id:
        parts.append(f"your reflection is entry {goal.reflection_id}")
    return "; ".join(parts) + "."


def _attempt(journal: Journal, args: argparse.Namespace) -> None:
    outcome = Outcome(parse_choice(Outcome, args.outcome, "outcome"))
    journal.goals.attempt(args.id, outcome, args.date, args.note, args.entry)
    goal = journal.goals.get(args.id)
    print(_("Logged an attempt at goal {id} ({outcome}). So far: {counts}.").format(
        id=goal.id, outcome=OUTCOME_WORDS[outcome], counts=counts_text(goal)))


def _reword(journal: Journal, args: argparse.Namespace) -> None:
    journal.goals.reword(args.id, args.text)
    print(_("Reworded goal {id}: “{text}”.")
              .format(id=args.id, text=journal.goals.get(args.id).text))


def _status(journal: Journal, args: argparse.Namespace) -> None:
    _change(journal, args, _status_of(args.status))


def _status_of(text: str) -> GoalStatus:
    return GoalStatus(parse_choice(GoalStatus, text, "status"))


def _discontinue(journal: Journal, args: argparse.Namespace) -> None:
    status = GoalStatus.UNATTAINABLE if args.unattainable else GoalStatus.DISCONTINUED
    _change(journal, args, status)


def _change(journal: Journal, args: argparse.Namespace, status: GoalStatus) -> None:
    goal = journal.goals.get(args.id)
    answer = _answer_from_flags(args)
    if answer is None and journal.goals.needs_question(goal, status):
        answer = _ask(goal, journal.goals.threshold())
    changed = journal.goals.set_status(goal.id, status, answer)
    print(_('Goal {id} is now {value}.').format(id=changed.id, value=changed.status.value))
    if answer is not None and changed.asked_at:
        print(_answer_text(changed) if answer.own_attempts is not None or changed.reflection_id
              else _("You went on without answering; the journal notes that you were asked."))
    if changed.reflection_id:
        print(_("Read your reflection with: carejournal show {reflection_id}")
                  .format(reflection_id=changed.reflection_id))


def _answer_from_flags(args: argparse.Namespace) -> FallibilityAnswer | None:
    if args.own_attempts is None and args.reflection is None and not args.go_on:
        return None
    return FallibilityAnswer(args.own_attempts, args.reflection or "")


def _ask(goal: Goal, threshold: int) -> FallibilityAnswer:
    """Ask the fallibility question at a terminal; elsewhere, explain the options and stop."""
    asked = questions()
    noun = "attempt" if goal.attempts == 1 else "attempts"
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"goal {goal.id} has had {goal.attempts} {noun} (fewer than {threshold}). Before "
            f"ending it: {asked.goal} Answer with --own-attempts N (and --reflection TEXT if "
            "you like), or use --go-on to end it without answering.")
    print(_("Goal {id} (“{text}”) has had {attempts} {noun}.\n")
              .format(id=goal.id, text=goal.text, attempts=goal.attempts, noun=noun))
    print(asked.goal)
    print(asked.goal_detail + "\n")
    own = _ask_number("Attempts (leave blank to skip): ")
    print("\n" + asked.goal_invitation)
    reflection = _input("A few sentences, on one line (leave blank to skip): ")
    return FallibilityAnswer(own, reflection)


def _ask_number(prompt: str) -> int | None:
    while True:
        answer = _input(prompt)
        if not answer or answer.isdigit():
            return int(answer) if answer else None
        print(_("Please type a whole number, such as 7, or leave it blank."))


def _input(prompt: str) -> str:
    try:
        return input(prompt).strip()
    except EOFError:
        print()
        return ""
    except KeyboardInterrupt:
        print()
        raise InvalidInput(_("stopped; the goal was not changed")) from None
