"""Fonts and text for the PDF pack: DejaVu Sans when available, else a latin-1 core font."""

from __future__ import annotations

import importlib.util
import unicodedata
from collections.abc import Callable, Container
from dataclasses import dataclass
from pathlib import Path

from carejournal.pack.document import clean_text

CORE_FAMILY = "helvetica"
UNICODE_FAMILY = "dejavu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_INVISIBLE = {0x200D, 0xFE0E, 0xFE0F, 0x20E3} | set(range(0x1F3FB, 0x1F400))
_LATIN1_LOOKALIKES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u2026": "...", "\u2022": "-", "\u20ac": "EUR", "\u2122": "(TM)", "\u2192": "->",
    "\u0141": "L", "\u0142": "l", "\u0152": "OE", "\u0153": "oe", "\u0110": "D", "\u0111": "d",
    "\u0131": "i", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
})


@dataclass(frozen=True, slots=True)
class Fonts:
    """Which font family the PDF uses and what it can show."""

    family: str
    files: dict[str, Path]  # style ("", "B", "I") -> TTF file; empty for the core font
    bullet: str

    @property
    def unicode(self) -> bool:
        """True when a Unicode TrueType font is embedded."""
        return bool(self.files)


def font_folder() -> Path | None:
    """matplotlib's bundled DejaVu fonts, found without importing matplotlib."""
    try:
        spec = importlib.util.find_spec("matplotlib")
    except (ImportError, ValueError):
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location) / "mpl-data" / "fonts" / "ttf"
        if all((folder / _FONT_FILES[style]).is_file() for style in ("", "B")):
            return folder
    return None


def choose_fonts(folder: Path | None = None, *, search: bool = True) -> Fonts:
    """DejaVu Sans (regular, bold and oblique if present) or the core Helvetica."""
    folder = folder or (font_folder() if search else None)
    if folder is None:
        return Fonts(CORE_FAMILY, {}, "-")
    files = {style: folder / name for style, name in _FONT_FILES.items()
             if (folder / name).is_file()}
    return Fonts(UNICODE_FAMILY, files, "\u2022")


def _described(char: str) -> str:
    """A character no font here can draw, in words: "😊" -> "[smiling face ...]"."""
    if ord(char) in _INVISIBLE or unicodedata.category(char) in ("Mn", "Cf"):
        return ""
    name = unicodedata.name(char, "")
    return f"[{name.lower()}]" if name else "?"


def _latin1(char: str) -> str:
    """One character as latin-1 text: itself, a look-alike, its base letter or words."""
    if ord(char) < 256:
        return char
    alike = char.translate(_LATIN1_LOOKALIKES)
    if alike != char:
        return alike
    base = "".join(c for c in unicodedata.normalize("NFKD", char)
                   if not unicodedata.combining(c))
    if base and all(ord(c) < 256 for c in base):
        return base
    return _described(char)


def text_maker(fonts: Fonts, drawable: Container[int] = ()) -> Callable[[str], str]:
    """A function making user text safe for the chosen font (drawable: the font's code points)."""
    if not fonts.unicode:
        return lambda text: "".join(map(_latin1, unicodedata.normalize("NFC", clean_text(text))))

    def safe(text: str) -> str:
        """Keep what the font draws; describe the rest in words."""
        chars = unicodedata.normalize("NFC", clean_text(text))
        return "".join(c if c == "\n" or ord(c) in drawable else _described(c) for c in chars)

    return safe
