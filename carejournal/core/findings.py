"""What the language lens found in a text: a value the store keeps, the preparation lists
and the pack prints (the matcher that finds them is carejournal/lens/)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """One wording the lens noticed; start and end are character offsets into the text."""

    start: int
    end: int
    text: str
    rule: str
    category: str
    why: str
    alternatives: tuple[str, ...]
    key: str
    # Why the wording is mentioned rather than used ("quoted", "mentioned", "negated"), or ""
    # when it is used. A mention is shown quietly and never counted.
    reason: str = ""

    @property
    def mention(self) -> bool:
        """Whether the writer quotes, names or negates the wording rather than using it."""
        return bool(self.reason)

    def as_json(self) -> dict[str, object]:
        """A plain dict for --json output."""
        return {"start": self.start, "end": self.end, "text": self.text, "rule": self.rule,
                "category": self.category, "why": self.why,
                "alternatives": list(self.alternatives), "key": self.key,
                "mention": self.mention, "reason": self.reason}


def finding_key(rule: str, words: Sequence[str]) -> str:
    """What a dismissal remembers: the rule and the words, not where they were."""
    return f"{rule}:{' '.join(words)}"
