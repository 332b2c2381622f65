"""Build resources/everyday_words.txt from SCOWL, as Debian's scowl package ships it.

The list is the words the identifier detector treats as everyday English: a listed name that
is one of them ("Brown", "Will", "Rose") is a name only where something says so. It is
SCOWL's sizes 10, 20 and 35 (35 is SCOWL's "small", common-word size) of the English and
British word lists, lowercase entries of letters only (no proper names, no possessives).

    apt-get download scowl && dpkg-deb -x scowl_*.deb scowl
    python scripts/build_everyday_words.py scowl/usr/share/dict/scowl > resources/everyday_words.txt

Its licence is resources/licences/SCOWL.txt (Debian's copyright file for the package).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SIZES = ("10", "20", "35")
LISTS = ("english-words", "british-words")
HEADER = """\
# Everyday English words, for the identifier detector (carejournal/privacy/identifiers.py):
# a name the worker listed that is also one of these ("Brown", "Will", "Rose") is found only
# where something says it is a name. Built by scripts/build_everyday_words.py from SCOWL
# (Spell Checker Oriented Word Lists, Kevin Atkinson; Debian package scowl 2020.12.07),
# sizes 10-35 of the English and British lists, lowercase entries only.
# Licence: resources/licences/SCOWL.txt. One word per line; '#' starts a comment.
"""


def words(folder: Path) -> list[str]:
    """The lowercase, letters-only words of SCOWL's common sizes, sorted."""
    found: set[str] = set()
    for name in LISTS:
        for size in SIZES:
            path = folder / f"{name}.{size}"
            if path.exists():
                text = path.read_bytes().decode("utf-8", errors="replace")
                found.update(w for w in text.split() if re.fullmatch(r"[a-z]+", w))
    return sorted(found)


def main() -> None:
    """Print the list for the SCOWL folder named on the command line."""
    sys.stdout.write(HEADER + "\n".join(words(Path(sys.argv[1]))) + "\n")


if __name__ == "__main__":
    main()
