"""`carejournal stats`: the patterns of practice over a period, as tables or JSON.

Weeks are named by their Monday (YYYY-MM-DD), as in the charts. Imports no Qt and no
matplotlib: the figures are the plain series of carejournal/core/patterns.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from carejournal.cli.output import print_json
from carejournal.cli.parser import date_type
from carejournal.core.domain import EntryKind, InvalidInput, clean_name
from carejournal.core.i18n import _, ngettext
from carejournal.core.patterns import (
    ActsSeries,
    BalancePerWeek,
    DecisionsSeries,
    KindsPerWeek,
    LensPerWeek,
    Period,
    PeriodChoice,
    PlansSeries,
    Streaks,
    period_for,
)

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

CHOICES = (PeriodChoice.WEEKS_4, PeriodChoice.MONTHS_3, PeriodChoice.MONTHS_12)
WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


def add_arguments(stats: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal stats`."""
    add_period_options(stats)
    stats.add_argument("--json", action="store_true", help=_("print JSON"))


def add_period_options(parser: argparse.ArgumentParser) -> None:
    """--period, --since, --until and --person, read back by period_from."""
    parser.add_argument("--period", choices=[c.value for c in CHOICES],
                        help=_("the last 4 weeks (default), 3 months or 12 months, ending today "
                             "(or on --until)"))
    parser.add_argument("--since", type=date_type, metavar="DATE", help=_("from this date"))
    parser.add_argument("--until", type=date_type, metavar="DATE",
                        help=_("up to this date (default today)"))
    parser.add_argument("--since-last-supervision", action="store_true",
                        help=_("from the day of your last supervision session"))
    parser.add_argument("--person", default="", help=_("only entries and goals of this person"))


def period_from(args: argparse.Namespace, today: dt.date, person: str = "",
                journal: Journal | None = None) -> Period:
    """The period the options ask for; InvalidInput for a contradiction."""
    if args.since_last_supervision:
        if args.since is not None or args.period:
            raise InvalidInput(_("give --since-last-supervision on its own, without "
                               "--since or --period"))
        if journal is None:
            raise InvalidInput(_("this command cannot use --since-last-supervision"))
        return journal.supervision.since_last(args.until or today, person)
    if args.since is not None:
        if args.period:
            raise InvalidInput(_("give --period or --since, not both"))
        return period_for(PeriodChoice.CUSTOM, today, args.since, args.until, person)
    choice = PeriodChoice(args.period or PeriodChoice.WEEKS_4.value)
    return period_for(choice, args.until or today, person=person)


def _known_name(journal: Journal, name: str) -> str:
    """The journal's own spelling of a name typed in any case."""
    wanted = clean_name(name).casefold()
    return next((p for p in journal.people() if p.casefold() == wanted), clean_name(name))


def today() -> dt.date:
    """Today's local date (the worker's dates are local dates)."""
    return dt.date.today()


def run(journal: Journal, args: argparse.Namespace) -> int:
    """Print every series for the period."""
    day = today()
    person = _known_name(journal, args.person) if args.person.strip() else ""
    period = period_from(args, day, person, journal)
    series = journal.patterns.all(period, day)
    if args.json:
        print_json({"period": period.as_json()}
                   | {name: value.as_json() for name, value in series.items()})
        return 0
    heading = (_("Patterns from {since} to {until}, entries about {person}. Weeks are named "
                 "by their Monday.") if period.person else
               _("Patterns from {since} to {until}, all entries. Weeks are named by their "
                 "Monday."))
    print(heading.format(since=period.since.isoformat(), until=period.until.isoformat(),
                         person=period.person))
    for show in (_kinds, _acts, _lens, _balance, _decisions, _streaks, _plans):
        print()
        show(series, period, day)
    return 0


# -- tables -----------------------------------------------------------------------------------
def table(header: Sequence[str], rows: Sequence[Sequence[object]], align: str = "") -> None:
    """Print rows under a header, indented; align has "l" or "r" per column (default: the
    first column left, the others right)."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    align = align or "l" + "r" * (len(header) - 1)
    widths = [max(len(row[n]) for row in cells) for n in range(len(header))]
    for row in cells:
        print("  " + "  ".join(cell.ljust(width) if side == "l" else cell.rjust(width)
                               for cell, width, side in zip(row, widths, align, strict=True)
                               ).rstrip())


def _weeks(weeks: Sequence[dt.date], *columns: Sequence[object]) -> list[list[object]]:
    return [[week.isoformat(), *(column[n] for column in columns)]
            for n, week in enumerate(weeks)]


def _kinds(series: dict[str, Any], _period: Period, _today: dt.date) -> None:
    kinds: KindsPerWeek = series["kinds"]
    print(_("Entries per week, by kind"))
    table(["week", *(k.value for k in EntryKind)],
          _weeks(kinds.weeks, *(kinds.counts[k] for k in EntryKind)))


def _acts(series: dict[str, Any], _period: Period, _today: dt.date) -> None:
    acts: ActsSeries = series["acts"]
    print(_("Little things done"))
    if acts.by_act:
        table(["little thing", "times"], acts.by_act)
    else:
        print(_("  None recorded in this period."))
    print(_("Little things per week"))
    table(["week", "done"], _weeks(acts.weeks, acts.per_week))


def _lens(series: dict[str, Any], _period: Period, _today: dt.date) -> None:
    lens: LensPerWeek = series["lens"]
    print(_("Language lens: findings per 1,000 words, by category"))
    keys = list(lens.per_1000)
    table(["week", "words", *keys],
          _weeks(lens.weeks, lens.words, *([f"{r:.1f}" for r in lens.per_1000[k]] for k in keys)))
    for key in keys:
        print(f"  {key}: {lens.category_names.get(key, key)}")


def _balance(series: dict[str, Any], _period: Period, _today: dt.date) -> None:
    balance: BalancePerWeek = series["balance"]
    print(_("Strength and problem words per week"))
    table(["week", "strengths", "problems"],
          _weeks(balance.weeks, balance.strengths, balance.problems))


def _decisions(series: dict[str, Any], _period: Period, _today: dt.date) -> None:
    decisions: DecisionsSeries = series["decisions"]
    print(_("Decisions by rung of the ladder of co-production, bottom rung first"))
    table(["rung", "decisions"], [(label, n) for _key, label, n in decisions.by_rung])
    print(_("Decisions per week, and the share made with the person"))
    shares = ["-" if s is None else f"{round(s * 100)}%" for s in decisions.with_share]
    table(["week", "decisions", "with"], _weeks(decisions.weeks, decisions.per_week, shares))


def _streaks(series: dict[str, Any], period: Period, today: dt.date) -> None:
    streaks: Streaks = series["streaks"]
    total = (period.until - period.since).days + 1
    print(_('Days with entries: {len} of {total}').format(len=len(streaks.days), total=total))
    rows = []
    for monday in period.weeks():
        days = (monday + dt.timedelta(days=n) for n in range(7))
        rows.append([monday.isoformat(), *(
            "" if not period.since <= day <= period.until else streaks.days.get(day, ".")
            for day in days)])
    table(["week", *WEEKDAYS], rows)
    longest = f"Longest run in this period: {_days(streaks.longest)}."
    if period.until < today - dt.timedelta(days=1):  # the period is over: no current run
        print(f"  {longest}")
        return
    print(_("  Current run: {days}. {longest}")
              .format(days=_days(streaks.current), longest=longest))
    if not streaks.current:
        print(_("  A new run starts with your next entry. Days without writing are normal."))


def _days(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def _plans(series: dict[str, Any], _period: Period, _today: dt.date) -> None:
    plans: PlansSeries = series["plans"]
    print(_("Plans: attempts at goals in this period"))
    if not plans.goals:
        print(_("  No goals were tried, set or ended in this period."))
        return
    table(["goal", "person", "managed", "partly", "not this time", "status", "in their words"],
          [(f"{g.goal_id}{'*' if g.ended_early else ''}", g.person, g.managed, g.partly,
            g.not_this_time, g.status, _short(g.text)) for g in plans.goals], "llrrrll")
    if any(g.ended_early for g in plans.goals):
        print(_("  * ended after fewer than {threshold} attempts in all: worth a second look "
                "together.").format(threshold=plans.threshold))


def _short(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"
