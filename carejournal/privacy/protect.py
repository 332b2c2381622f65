"""Identity protection for a pack: people get aliases, and other identifiers the detector
finds are replaced unless the worker confirms them."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from carejournal.privacy.identifiers import (
    Identifier,
    IdKind,
    detect,
    label,
    placeholder,
    replace_all,
)
from carejournal.privacy.pseudonym import PersonNames, Pseudonymiser


@dataclass(frozen=True, slots=True)
class Detected:
    """One identifier found in the pack (after aliases), and how often."""

    kind: IdKind
    text: str
    count: int

    @property
    def label(self) -> str:
        return label(self.kind)


class Protection:
    """The aliases of one pack and the identifiers found in its texts."""

    def __init__(self, people: Iterable[PersonNames], allowed: Iterable[str] = ()) -> None:
        self.pseudonymiser = Pseudonymiser(people)
        # The worker's and supervisor's own names are not someone to protect.
        self._allowed = tuple(w for name in allowed for w in name.split() if w)
        self._known = (*self.pseudonymiser.terms(), *self.aliases().values())
        # Their names, whose words are found in any case and anywhere (a surname alone,
        # "JONES", a name opening a sentence; an everyday word such as "Brown" only where
        # something says it is a name), except words of the worker's and supervisor's names.
        # Each name stays whole, so the detector knows which words belong together.
        own = {w.casefold() for w in self._allowed}
        self._listed = tuple(
            name for term in self.pseudonymiser.terms() if "," not in term
            and (name := " ".join(w for w in term.split() if w.casefold() not in own)))
        # Each text's aliased form and identifiers, worked out once for the scan and the
        # scrubber both (a pack's texts are scanned, then written with the same texts).
        self._seen: dict[str, tuple[str, list[Identifier]]] = {}

    def aliases(self) -> dict[str, str]:
        """Each person's alias in this pack, by name."""
        return self.pseudonymiser.aliases()

    def scan(self, texts: Iterable[str]) -> list[Detected]:
        """Identifiers left after aliasing, each distinct text once, in order found."""
        found: dict[tuple[IdKind, str], int] = {}
        for text in texts:
            if not text:
                continue
            for item in self._found(text)[1]:
                key = (item.kind, item.text)
                found[key] = found.get(key, 0) + 1
        # A text found as a place in one sentence and as a name in another is listed once,
        # as a name (each place keeps its own placeholder where it stands).
        names = {text for kind, text in found if kind is IdKind.NAME}
        merged: dict[tuple[IdKind, str], int] = {}
        for (kind, text), n in found.items():
            key = (IdKind.NAME, text) if kind is IdKind.PLACE and text in names else (kind, text)
            merged[key] = merged.get(key, 0) + n
        return [Detected(kind, text, n) for (kind, text), n in merged.items()]

    def _found(self, text: str) -> tuple[str, list[Identifier]]:
        """The text with aliases in, and the identifiers detected in that."""
        seen = self._seen.get(text)
        if seen is None:
            aliased = self.pseudonymiser.apply(text)
            seen = self._seen[text] = (aliased, detect(aliased, self._known, self._allowed,
                                                         self._listed))
        return seen

    def scrubber(self, keep: Collection[str] = (),
                 everywhere: Iterable[Detected] = ()) -> Callable[[str], str]:
        """A function that protects one text: aliases first, then every detected identifier
        replaced by a placeholder except the texts the worker confirmed (keep). The texts
        in everywhere (what the scan found in the whole pack) are replaced wherever they
        stand, also where the detector would not see them (a name opening a sentence)."""
        again = sorted({(d.text, placeholder(d.kind)) for d in everywhere if d.text not in keep},
                       key=lambda pair: -len(pair[0]))
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t, _p in again)
                             + r")(?!\w)") if again else None
        places = dict(again)

        def scrub(text: str) -> str:
            if not text:
                return text
            alone = self.pseudonymiser.name_alone(text)
            if alone is not None:  # a name in a list of people, even an everyday word
                return alone
            aliased, found = self._found(text)
            done = replace_all(aliased, found, keep) if found else aliased
            return pattern.sub(lambda m: places[m.group(0)], done) if pattern else done
        return scrub


def statement(people: int, replaced: Collection[Detected], kept: Collection[Detected]) -> str:
    """The closing statement of a pack: that identities were protected, and how."""
    parts = [
        "Identities in this pack were protected before it was written. "
        f"{_people_text(people)} Their names and any nicknames the worker recorded were "
        "replaced wherever they appeared."]
    if replaced:
        shown = sorted({placeholder(d.kind) for d in replaced})
        parts.append("Other details that could identify someone were replaced with a "
                     f"placeholder in square brackets: {', '.join(shown)}.")
    else:
        parts.append("No other identifying details (such as NHS numbers, postcodes, phone "
                     "numbers or dates of birth) were found.")
    if kept:
        parts.append(f"The worker checked and kept {len(kept)} capitalised word(s) or "
                     "detail(s) as written, such as place names.")
    parts.append("The journal itself stays on the worker's own computer.")
    return " ".join(parts)


def _people_text(people: int) -> str:
    if people == 0:
        return "No people were named in the journal."
    if people == 1:
        return "The one person named in the journal is called by an alias."
    return f"The {people} people named in the journal are each called by an alias " \
           "(their initials, or an alias the worker chose)."
