"""The registration tracker: what a worker's register asks of them by its next deadline,
and how far the journal's learning and feedback records go towards it. Pure: the service
hands in the records and today's date.

- Social Work England: at least two pieces of CPD each registration year (to 30 November),
  at least one of them with peer reflection.
- NMC: revalidation every three years: 35 hours of CPD (20 participatory), 5 pieces of
  practice-related feedback, 5 written reflective accounts and a reflective discussion.
- Social Care Wales: a CPD record kept for the manager; the tracker counts the last year's.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from carejournal.core.cpd import Feedback, Learning, hours_text
from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _, ngettext

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

SWE_PIECES, SWE_PEER = 2, 1
NMC_HOURS, NMC_PARTICIPATORY, NMC_FEEDBACK, NMC_ACCOUNTS = 35, 20, 5, 5
REMINDER_DAYS = (60, 14)  # a gentle note this many days before a deadline, once each


class Register(enum.StrEnum):
    """The worker's register."""

    NONE = "none"
    SWE = "swe"
    NMC = "nmc"
    SCW = "scw"


REGISTER_LABELS = {Register.NONE: "None", Register.SWE: "Social Work England",
                   Register.NMC: "Nursing and Midwifery Council",
                   Register.SCW: "Social Care Wales"}


def parse_register(text: str) -> Register:
    """A register from its key ('swe', 'nmc', 'scw', 'none'), or InvalidInput."""
    try:
        return Register(text.strip().lower())
    except ValueError:
        raise InvalidInput(_("unknown register '{text}': choose one of {choices}").format(
            text=text, choices=", ".join(r.value for r in Register))) from None


def day_month_year(day: dt.date) -> str:
    """'14 March 2028'."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def swe_year(today: dt.date) -> tuple[dt.date, dt.date]:
    """The Social Work England registration year holding today: 1 December to 30 November."""
    end = dt.date(today.year, 11, 30)
    if today > end:
        end = dt.date(today.year + 1, 11, 30)
    return dt.date(end.year - 1, 12, 1), end


def three_years_before(day: dt.date) -> dt.date:
    """The day after the same date three years earlier (29 February falls to the 28th)."""
    try:
        start = day.replace(year=day.year - 3)
    except ValueError:
        start = day.replace(year=day.year - 3, day=28)
    return start + dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Figure:
    """One requirement: its key, what is done and what is asked (None: done or not yet)."""

    key: str
    done: int | float
    needed: int | float


@dataclass(frozen=True, slots=True)
class TrackerStatus:
    """The register's figures for the period ending at the deadline (no deadline: none)."""

    register: Register
    start: dt.date | None
    deadline: dt.date | None
    figures: tuple[Figure, ...]
    text: str

    def days_left(self, today: dt.date) -> int | None:
        """Days until the deadline (None when there is none)."""
        return None if self.deadline is None else (self.deadline - today).days

    def as_json(self) -> dict[str, object]:
        """The figures for `carejournal cpd status --json`."""
        return {"register": self.register.value,
                "start": self.start.isoformat() if self.start else None,
                "deadline": self.deadline.isoformat() if self.deadline else None,
                "figures": {f.key: {"done": f.done, "needed": f.needed} for f in self.figures},
                "text": self.text}


@dataclass(frozen=True, slots=True)
class Records:
    """What the journal holds towards a register."""

    learning: Sequence[Learning] = ()
    feedback: Sequence[Feedback] = ()
    accounts: Sequence[dt.date] = ()  # when each reflective account was written
    discussion_on: dt.date | None = None  # the NMC reflective discussion


def tracker_status(register: Register, today: dt.date, records: Records,
                   revalidation_on: dt.date | None = None) -> TrackerStatus:
    """The tracker's figures and its one calm line."""
    if register is Register.SWE:
        return _swe(today, records)
    if register is Register.NMC:
        if revalidation_on is None:
            return TrackerStatus(register, None, None, (), _(
                "Revalidation: set your revalidation date to see your figures"))
        return _nmc(revalidation_on, records)
    if register is Register.SCW:
        return _scw(today, records)
    return TrackerStatus(register, None, None, (), "")


def _within(day: dt.date, start: dt.date, end: dt.date) -> bool:
    return start <= day <= end


def _swe(today: dt.date, records: Records) -> TrackerStatus:
    start, end = swe_year(today)
    pieces = [r for r in records.learning if _within(r.ended_on, start, end)]
    peer = sum(1 for r in pieces if r.peer_reflection)
    text = _("Registration year to 30 November: CPD {done} of {needed}, with peer reflection "
             "{peer} of {peer_needed}").format(done=len(pieces), needed=SWE_PIECES,
                                               peer=peer, peer_needed=SWE_PEER)
    return TrackerStatus(Register.SWE, start, end,
                         (Figure("cpd", len(pieces), SWE_PIECES),
                          Figure("peer_reflection", peer, SWE_PEER)), text)


def _nmc(deadline: dt.date, records: Records) -> TrackerStatus:
    start = three_years_before(deadline)
    learning = [r for r in records.learning if _within(r.ended_on, start, deadline)]
    minutes = sum(r.minutes for r in learning)
    participatory = sum(r.participatory_minutes for r in learning)
    feedback = sum(1 for f in records.feedback if _within(f.received_on, start, deadline))
    accounts = sum(1 for d in records.accounts if _within(d, start, deadline))
    discussed = records.discussion_on is not None and _within(records.discussion_on, start,
                                                               deadline)
    hours, part = hours_text(minutes), hours_text(participatory)
    text = _("Revalidation by {deadline}: CPD {hours} of {needed} hours ({part} of "
             "{part_needed} participatory), feedback {feedback} of {feedback_needed}, "
             "reflective accounts {accounts} of {accounts_needed}, reflective discussion "
             "{discussion}").format(
        deadline=day_month_year(deadline), hours=hours, needed=NMC_HOURS, part=part,
        part_needed=NMC_PARTICIPATORY, feedback=feedback, feedback_needed=NMC_FEEDBACK,
        accounts=accounts, accounts_needed=NMC_ACCOUNTS,
        discussion=_("done") if discussed else _("not yet"))
    figures = (Figure("cpd_hours", round(minutes / 60, 2), NMC_HOURS),
               Figure("participatory_hours", round(participatory / 60, 2), NMC_PARTICIPATORY),
               Figure("feedback", feedback, NMC_FEEDBACK),
               Figure("reflective_accounts", accounts, NMC_ACCOUNTS),
               Figure("reflective_discussion", int(discussed), 1))
    return TrackerStatus(Register.NMC, start, deadline, figures, text)


def _scw(today: dt.date, records: Records) -> TrackerStatus:
    start = today - dt.timedelta(days=364)
    learning = [r for r in records.learning if _within(r.ended_on, start, today)]
    minutes = sum(r.minutes for r in learning)
    text = ngettext("CPD record, last 12 months: {count} piece of learning, {hours} hours",
                    "CPD record, last 12 months: {count} pieces of learning, {hours} hours",
                    len(learning)).format(count=len(learning), hours=hours_text(minutes))
    return TrackerStatus(Register.SCW, start, None,
                         (Figure("cpd", len(learning), 0),
                          Figure("cpd_hours", round(minutes / 60, 2), 0)), text)


def reminder_due(status: TrackerStatus, today: dt.date, shown: Sequence[str]) -> str | None:
    """The reminder to show today, once each ('60' or '14' days before the deadline, keyed
    by deadline so the next period reminds again), or None. shown: the keys shown already."""
    left = status.days_left(today)
    if left is None or left < 0 or status.deadline is None:
        return None
    for days in sorted(REMINDER_DAYS):
        if left <= days:
            key = f"{status.deadline.isoformat()}:{days}"
            return None if key in shown else key
    return None
