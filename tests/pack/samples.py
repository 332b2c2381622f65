"""Sample pack Documents for the writer tests: every block type and awkward text."""

from __future__ import annotations

import io
import random

from carejournal.pack.document import (
    Bullets,
    Document,
    Heading,
    Image,
    PageBreak,
    Paragraph,
    Table,
)

NAMES = ("Zoë", "Siobhán", "Łukasz")
EMOJI = "\U0001f60a"  # smiling face with smiling eyes
CURLY = "\u201cI\u2019d rather do it myself,\u201d she said."
TRICKY = "# not a heading\n| pipe | cell |\n- not a list\n1. not numbered\n**not bold**"
LONG_CELL = " ".join(["It was the word she used herself, so I kept it."] * 90)
ALT = "Nine decisions were made with people, three for people and two to people."
WORDS = ("we sat together and talked about the garden the plan for the week and what "
         "she wanted to do next time").split()


def png(width: int = 800, height: int = 400) -> bytes:
    """A small bar-chart-like PNG drawn with Pillow."""
    from PIL import Image as PilImage
    from PIL import ImageDraw

    picture = PilImage.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(picture)
    for n in range(8):
        draw.rectangle((40 + n * 90, height - 40 - n * 35, 100 + n * 90, height - 40),
                       fill=(60, 110, 140))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def long_paragraph(words: int = 2000) -> str:
    """A paragraph of exactly this many words, ending with a marker word."""
    rng = random.Random(6)
    return " ".join(rng.choice(WORDS) for _ in range(words - 1)) + " ENDOFLONGPARAGRAPH"


def sample() -> Document:
    """A pack with every block type, Unicode names, a very long paragraph and a long cell."""
    return Document(
        f"Supervision pack for {NAMES[0]}",
        "2 March to 16 March 2026 \u2014 supervisor: Siobhán",
        (
            Heading("Actions from the last session"),
            Table(("Action", "Owner", "Due", "Status"),
                  ((f"Ask {NAMES[1]} about the \u201cwalk to town\u201d plan", "me",
                    "12 Mar", "done"),
                   (f"Read the policy and note two questions for {NAMES[2]}", "supervisor",
                    "20 Mar", "in progress"))),
            Heading("Summary"),
            Paragraph(f"I wrote 14 entries, most about everyday moments {EMOJI}."),
            Bullets(("Decisions made with people: 9 of 14", "Goals ended early: 1")),
            Image(png(), "Decisions by rung of the ladder", ALT),
            Heading("Entries"),
            Heading("Tuesday 3 March, early shift", 2),
            Paragraph(TRICKY),
            Paragraph(CURLY, "quote"),
            Heading("What happened", 3),
            Paragraph(long_paragraph()),
            Paragraph("People appear by their initials.", "note"),
            Bullets(("Ask about the rota", "Talk about the fire drill"), numbered=True),
            Heading("Language check"),
            Table(("Finding", "Why", "What I did"),
                  (("difficult", "labels the person", "reworded"),
                   ("refused", "frames a choice as defiance", LONG_CELL))),
            PageBreak(),
            Heading("Agenda"),
            Bullets(("How do I share the plan?", "What do they want too?"), numbered=True),
        ),
    )


def empty() -> Document:
    """A pack with a title only."""
    return Document("Nothing to bring this time", "", ())
