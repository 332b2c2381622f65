"""`carejournal check` and `carejournal lens ...`: the language lens from a terminal.

Checking a file or standard input opens no journal and imports no database or Qt code,
so it starts quickly and works where there is no journal at all. With --spelling, misspelt
words are reported too (British English and no words of one's own for a file; the journal's
language, personal dictionary and people's names for its entries), by the same service the
window uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import heapq
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from carejournal.cli.parser import date_type, positive
from carejournal.core.domain import EntryFilter, InvalidInput
from carejournal.core.i18n import _
from carejournal.lens.balance import Balance, Verdict, measure_rules
from carejournal.lens.lexicon import shipped_lexicon
from carejournal.lens.matcher import Finding, Lens, Lexicon, load_lexicon
from carejournal.lens.phrases import words_of

if TYPE_CHECKING:
    from carejournal.services.journal import Journal
    from carejournal.services.lens import LensService
    from carejournal.services.spelling import SpellingService
    from carejournal.spelling.speller import Misspelling

EXIT_CLEAN, EXIT_FOUND = 0, 1
# Measured: the lens and the balance read about 500,000 words (2.7 MB) a second, so the
# largest text (about 2 million words) takes about 4 seconds and 65 MB of memory; bigger
# input is refused at once rather than left to churn.
MAX_BYTES = 10 * 1024 * 1024
# Suggestions take 0.1 to 0.5 s a word, so only this many different misspelt words get them.
MAX_SUGGESTED = 50
# Long texts are checked a piece at a time, so memory stays small whatever the size.
CHUNK_CHARS = 256 * 1024
# A character no phrase can run across (not part of a word, not a space or hyphen).
BREAK = re.compile(r"[^\w\s\-\u2010\u2011'’\u00ad\u200b\u200c\u200d]|_")
USAGE = ("give a FILE to check, '-' to read standard input, or --entry ID / --since DATE "
         "to check journal entries (see 'carejournal check --help')")
BALANCE_TEXT = {
    Verdict.STRENGTHS: "Strength words: {strengths}. Problem words: {problems}. "
                       "Words in all: {words}. The writing leans towards strengths.",
    Verdict.BALANCED: "Strength words: {strengths}. Problem words: {problems}. "
                      "Words in all: {words}. The writing is balanced between strengths "
                      "and problems.",
    Verdict.PROBLEMS: "Strength words: {strengths}. Problem words: {problems}. "
                      "Words in all: {words}. The writing leans towards problems.",
    Verdict.TOO_FEW: "Strength words: {strengths}. Problem words: {problems}. "
                     "Words in all: {words}. Too few strength or problem words to say "
                     "which way the writing leans.",
}


def add_check_arguments(check: argparse.ArgumentParser) -> None:
    """The arguments of `carejournal check`."""
    check.add_argument("file", metavar="FILE", nargs="?",
                       help=_("UTF-8 text file to check; '-' reads standard input"))
    check.add_argument("--entry", type=positive, action="append", default=[], metavar="ID",
                       help=_("check this journal entry (repeat for more)"))
    check.add_argument("--since", type=date_type, metavar="DATE",
                       help=_("check the entries from this date"))
    check.add_argument("--until", type=date_type, metavar="DATE",
                       help=_("check the entries up to this date"))
    check.add_argument("--since-last-supervision", action="store_true",
                       help=_("check the entries since your last supervision session"))
    check.add_argument("--json", action="store_true", help=_("print JSON"))
    check.add_argument("--spelling", action="store_true",
                       help=_("report misspelt words too, with spellings to use instead"))
    check.add_argument("--lexicon", type=Path, help=argparse.SUPPRESS)  # for tests


def add_lens_arguments(lens: argparse.ArgumentParser) -> None:
    """The subcommands of `carejournal lens`."""
    actions = lens.add_subparsers(dest="lens_command", metavar="ACTION")
    rules = actions.add_parser("rules", help=_("list the rules and whether each is on"))
    rules.add_argument("--json", action="store_true", help=_("print JSON"))
    for name, helptext in (("off", "stop pointing out a rule's wording in this journal"),
                           ("on", "point out a rule's wording again")):
        switch = actions.add_parser(name, help=helptext)
        switch.add_argument("rule", metavar="RULE", help=_("the rule's id (see: lens rules)"))


# -- check ------------------------------------------------------------------------------
def run_check(args: argparse.Namespace) -> int:
    """Check a file, standard input or journal entries; exit 1 if anything was found."""
    lexicon = load_lexicon(args.lexicon) if args.lexicon else shipped_lexicon()
    warn(lexicon.problems)
    if not lexicon.rules:
        raise InvalidInput(_("no language rules could be loaded from {path}, so nothing was "
                             "checked").format(path=lexicon.path))
    if args.entry or args.since or args.until or args.since_last_supervision:
        if args.file is not None:
            raise InvalidInput(_("check a FILE or journal entries (--entry, --since), not both"))
        return _check_entries(args, lexicon)
    text = read_text(args.file)
    if not text.strip() and not args.json:
        say("The text is empty: there is nothing to check.")
        return EXIT_CLEAN
    checking = TextCheck(Lens(lexicon), text)
    spelling = _spelling(args)
    out, lines, found = _Output(args.json, spelling, lexicon), _Lines(text), 0
    misspelt = spelling.check(text) if spelling is not None else []
    for finding in in_order(checking.findings(), misspelt):
        found += not (isinstance(finding, Finding) and finding.mention)  # a mention: shown
        out.finding(finding, lines, {})
    return out.finish(checking.balance, found)


def _spelling(args: argparse.Namespace, journal: Journal | None = None
              ) -> SpellingService | None:
    """The spelling service when --spelling was given (the journal's, or the defaults)."""
    if not args.spelling:
        return None
    if journal is not None:
        return journal.spelling
    from carejournal.services.spelling import SpellingService

    return SpellingService()


def in_order(findings: Iterable[Finding], misspelt: Iterable[Misspelling]
             ) -> Iterator[Finding | Misspelling]:
    """Lens findings and misspelt words together, by where they start."""
    return heapq.merge(findings, misspelt, key=lambda item: item.start)


class TextCheck:
    """Checks a text piece by piece: findings as they come, and the balance so far."""

    def __init__(self, lens: Lens, text: str, size: int = CHUNK_CHARS) -> None:
        self.lens, self.text, self.size = lens, text, size
        self.rules = measure_rules()  # a broken word list is reported before any output
        self.balance = Balance()

    def findings(self) -> Iterator[Finding]:
        """Every finding, in order, with offsets into the whole text."""
        for offset, piece in pieces(self.text, self.size):
            words = words_of(piece)
            self.balance += self.rules.measure(piece, words)
            for finding in self.lens.check(piece, (), words):
                yield (replace(finding, start=finding.start + offset,
                               end=finding.end + offset) if offset else finding)


def pieces(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) of text, each cut just after a character no phrase runs across."""
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start + size // 2, start + size)
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _cut(text: str, low: int, high: int) -> int:
    window = text[low:high]
    last = None
    for last in BREAK.finditer(window):  # noqa: B007 - the last one is wanted
        pass
    if last is not None:
        return low + last.end()
    space = max(window.rfind(" "), window.rfind("\n"))  # no punctuation at all: rare
    return low + space + 1 if space >= 0 else high


def read_text(name: str | None) -> str:
    """The text of a file or standard input ('-' or None), checked to be UTF-8 text."""
    if name is None or name == "-":
        stdin = sys.stdin
        if stdin is None or (name is None and stdin.isatty()):
            raise InvalidInput(USAGE)
        if stdin.isatty():
            sys.stderr.write(_("Type or paste the text, then press Ctrl-D on a new line.\n"))
        return _decode(_read_limited(stdin.buffer, "standard input"), "standard input")
    try:
        with open(name, "rb") as handle:
            data = _read_limited(handle, name)
    except IsADirectoryError:
        raise InvalidInput(_('{name} is a folder, not a text file').format(name=name)) from None
    except OSError as exc:
        raise InvalidInput(_("cannot read {name}: {value}")
                               .format(name=name, value=exc.strerror or exc)) from None
    return _decode(data, name)


def _read_limited(handle: BinaryIO, name: str) -> bytes:
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InvalidInput(_("{name} is larger than {value} MB, too long to check in one go; "
                             "split it into smaller files")
                               .format(name=name, value=MAX_BYTES // (1024 * 1024)))
    return data


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise InvalidInput(_("{name} looks like a binary file, not text; nothing was checked")
                               .format(name=name))
    try:
        return data.decode("utf-8-sig")  # a byte-order mark is not part of the text
    except UnicodeDecodeError:
        raise InvalidInput(_("{name} is not UTF-8 text; save it as UTF-8 and try again")
                               .format(name=name)) from None


def _check_entries(args: argparse.Namespace, lexicon: Lexicon) -> int:
    from carejournal.cli.main import open_journal

    if args.since and args.until and args.since > args.until:
        raise InvalidInput(_("--since is after --until: no dates can match"))
    if args.since_last_supervision and args.since:
        raise InvalidInput(_("give --since or --since-last-supervision, not both"))
    journal = open_journal(args, create=True)
    try:
        if args.since_last_supervision:
            args.since = journal.supervision.since_last(args.until or dt.date.today()).since
        service = journal.lens.with_lexicon(lexicon) if args.lexicon else journal.lens
        warn(p for p in service.problems() if p not in lexicon.problems)
        return _report_entries(journal, service, args)
    finally:
        journal.close()


def _report_entries(journal: Journal, service: LensService, args: argparse.Namespace) -> int:
    from carejournal.services.lens import field_texts

    given = list(dict.fromkeys(args.entry))
    entries = [journal.get(entry_id) for entry_id in given]  # an unknown id stops here
    ids: list[int] = []
    if args.since or args.until:
        rows = journal.rows(EntryFilter(since=args.since, until=args.until))
        ids = [r.id for r in reversed(rows) if r.id not in given]
    if not entries and not ids and not args.json:
        say("No entries in that period: there is nothing to check.")
        return EXIT_CLEAN
    spelling = _spelling(args, journal)
    out, found, balance = _Output(args.json, spelling, service.lexicon()), 0, Balance()
    for entry in [*entries, *(journal.get(i) for i in ids)]:
        draft = entry.draft()
        balance += service.balance_of(draft)
        lines = {t.field: _Lines(t.text) for t in field_texts(draft)}
        order = {field: n for n, field in enumerate(lines)}
        items: list[tuple[str, str, Finding | Misspelling]] = [
            (i.field, i.label, i.finding) for i in service.check_draft(draft)]
        if spelling is not None:
            items += [(i.field, i.label, i.misspelling) for i in spelling.check_draft(draft)]
        items.sort(key=lambda item: (order[item[0]], item[2].start))
        shown = ""
        for field, label, item in items:
            if field != shown and not args.json:
                say(f"Entry {entry.id} ({entry.occurred_on.isoformat()}), {label}:")
                shown = field
            found += not (isinstance(item, Finding) and item.mention)  # a mention: shown
            out.finding(item, lines[field], {"entry": entry.id, "field": field, "label": label})
    return out.finish(balance, found)


class _Lines:
    """Line and column (1-based, in characters) of offsets taken in increasing order."""

    def __init__(self, text: str) -> None:
        self.text, self._at, self._line, self._line_start = text, 0, 1, 0

    def of(self, offset: int) -> tuple[int, int]:
        if offset < self._at:  # not in order: start again
            self._at, self._line, self._line_start = 0, 1, 0
        newlines = self.text.count("\n", self._at, offset)
        if newlines:
            self._line += newlines
            self._line_start = self.text.rfind("\n", self._at, offset) + 1
        self._at = offset
        return self._line, offset - self._line_start + 1


class _Output:
    """Prints findings as they come (human lines or a JSON array), then the balance."""

    def __init__(self, as_json: bool, spelling: SpellingService | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.as_json = as_json
        self.spelling = spelling
        self.lexicon = lexicon  # for each finding's sources
        self._suggested: set[str] = set()
        self._first = True
        self._utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
        if as_json:
            sys.stdout.write('{\n  "findings": [')

    def finding(self, finding: Finding | Misspelling, lines: _Lines,
                extra: dict[str, Any]) -> None:
        line, col = lines.of(finding.start)
        if not isinstance(finding, Finding):
            self._misspelling(finding, line, col, extra)
            return
        if self.as_json:
            self._write(finding.as_json() | {"line": line, "col": col,
                                             "sources": self.sources(finding)} | extra)
            return
        phrase = " ".join(finding.text.split())
        indent = "  " if extra else ""
        if finding.mention:
            say(f"{indent}{line}:{col}  {phrase}  ({finding.reason}: you're reflecting on "
                "this word — good)")
            return
        say(f"{indent}{line}:{col}  {phrase}  → {'; '.join(finding.alternatives)}  "
            f"({finding.why})")

    def sources(self, finding: Finding) -> list[dict[str, object]]:
        """Where the finding's rule comes from (title, publisher, year, link, 'after')."""
        rule = self.lexicon.rule(finding.rule) if self.lexicon is not None else None
        return [citation.as_json() for citation in rule.citations] if rule else []

    def _misspelling(self, word: Misspelling, line: int, col: int,
                     extra: dict[str, Any]) -> None:
        suggestions = self._suggestions(word.text)
        if self.as_json:
            self._write(word.as_json(suggestions) | {"line": line, "col": col} | extra)
            return
        instead = f"  → {'; '.join(suggestions)}" if suggestions else ""
        say(f"{'  ' if extra else ''}{line}:{col}  {word.text}{instead}  (spelling)")

    def _suggestions(self, word: str) -> tuple[str, ...]:
        if self.spelling is None:
            return ()
        if word not in self._suggested:
            if len(self._suggested) >= MAX_SUGGESTED:
                return ()
            self._suggested.add(word)
        return self.spelling.suggest(word)

    def _write(self, data: dict[str, Any]) -> None:
        sys.stdout.write(("\n    " if self._first else ",\n    ")
                         + json.dumps(data, ensure_ascii=not self._utf8))
        self._first = False

    def finish(self, balance: Balance, found: int) -> int:
        if self.as_json:
            sys.stdout.write(("" if self._first else "\n  ") + '],\n  "balance": '
                             + json.dumps(balance.as_json()) + "\n}\n")
        else:
            if not found:
                say("Nothing to look at again.")
            say(BALANCE_TEXT[balance.verdict].format(
                strengths=balance.strengths, problems=balance.problems, words=balance.words))
        return EXIT_FOUND if found else EXIT_CLEAN


def say(line: str) -> None:
    """Print a line, replacing what the terminal's encoding cannot show."""
    try:
        print(line)
    except UnicodeEncodeError:
        encoding = sys.stdout.encoding or "ascii"
        print(line.encode(encoding, "replace").decode(encoding))


def warn(problems: Any) -> None:
    """Lexicon problems go to standard error; the good rules are still used."""
    for problem in problems:
        sys.stderr.write(_('carejournal: warning: {problem}\n').format(problem=problem))


# -- lens rules / off / on ------------------------------------------------------------------
def shown_phrase(phrase: str) -> str:
    """A phrase as people read it, without the '+' that marks inflections."""
    return " ".join(word.rstrip("+") for word in phrase.split())


def run_lens(journal: Journal, args: argparse.Namespace) -> int:
    """List the rules, or switch one off or on in this journal."""
    service = journal.lens
    warn(service.problems())
    lexicon = service.lexicon()
    if not lexicon.rules:
        raise InvalidInput(_("no language rules could be loaded from {path}")
                               .format(path=lexicon.path))
    if args.lens_command in ("on", "off"):
        return _switch(service, args.rule.strip(), args.lens_command == "on")
    off = service.disabled_rules()
    if getattr(args, "json", False):
        print(json.dumps([{"id": r.id, "category": r.category, "on": r.id not in off,
                           "phrase": shown_phrase(r.phrases[0]), "why": r.why,
                           "alternatives": list(r.alternatives),
                           "sources": [c.as_json() for c in r.citations]} for r in lexicon.rules],
                         ensure_ascii=False, indent=2))
        return EXIT_CLEAN
    width = max(len(r.id) for r in lexicon.rules)
    for rule in lexicon.rules:
        state = "off" if rule.id in off else "on"
        say(f"{rule.id:<{width}}  {rule.category:<9} {state:<3}  "
            f"{shown_phrase(rule.phrases[0])}  → {'; '.join(rule.alternatives)}")
    say(f"{len(lexicon.rules) - len(off & lexicon.by_id.keys())} of {len(lexicon.rules)} "
        "rules are on. Switch one off with: carejournal lens off RULE")
    return EXIT_CLEAN


def _switch(service: LensService, rule_id: str, on: bool) -> int:
    try:
        service.set_rule_on(rule_id, on)
    except InvalidInput:
        near = difflib.get_close_matches(rule_id, list(service.lexicon().by_id), n=1)
        hint = f"; did you mean '{near[0]}'?" if near else ""
        raise InvalidInput(_("there is no language rule '{rule_id}'{hint} (see: carejournal lens "
                             "rules)").format(rule_id=rule_id, hint=hint)) from None
    rule = service.lexicon().rule(rule_id)
    phrase = shown_phrase(rule.phrases[0]) if rule else rule_id
    if on:
        say(f"Switched on the rule '{rule_id}': the lens will point out \u201c{phrase}\u201d "
            "again.")
    else:
        say(f"Switched off the rule '{rule_id}' in this journal: the lens will no longer "
            f"point out \u201c{phrase}\u201d. Switch it back on with: "
            f"carejournal lens on {rule_id}")
    return EXIT_CLEAN
