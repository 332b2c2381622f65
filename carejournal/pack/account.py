"""A reflective account on the NMC form as a Document (PDF, Word or Markdown through the
pack's writers): every text passes through scrub (identity protection) on its way in."""

from __future__ import annotations

from collections.abc import Callable

from carejournal.core.accounts import Account
from carejournal.pack.document import Block, Document, Heading, Paragraph

Scrub = Callable[[str], str]


def build_account(account: Account, scrub: Scrub, closing: str) -> Document:
    """The account: its four prompts, each followed by the worker's words."""
    blocks: list[Block] = [Paragraph("Written from a CareJournal reflection. Nothing in it "
                                     "should identify a person.", "note")]
    for key, prompt, answer in account.answers:
        blocks.append(Heading(prompt, 2, listed=False))
        paragraphs = [scrub(p) for p in answer.split("\n\n") if p.strip()]
        if key == "code" and account.themes:
            paragraphs.insert(0, account.theme_line)
        blocks.extend(Paragraph(p) for p in paragraphs or ["(nothing written)"])
    blocks += [Heading("How identities were protected", 2, listed=False),
               Paragraph(closing, "note")]
    return Document("Reflective account", "NMC revalidation: written reflective account",
                    tuple(blocks))
