"""The command line's words in the worker's language, through gettext.

`_("text")` and `ngettext("one", "many", n)` look the text up in the catalogue for the
language the system asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them):
resources/translations/locale/<language>/LC_MESSAGES/carejournal.mo, compiled from its .po
at build time. With no catalogue the English text is used as it is. The texts are extracted
into resources/translations/messages.pot with Babel (`make messages`). The window has its
own translations (Qt's, in ui/settings/language.py).
"""

from __future__ import annotations

import gettext
from functools import cache

from carejournal.core.resources import resource_path

DOMAIN = "carejournal"


@cache
def catalogue() -> gettext.NullTranslations:
    """The catalogue for the system's language (English, as written, when there is none)."""
    return gettext.translation(DOMAIN, str(resource_path("translations", "locale")),
                               fallback=True)


def _(message: str) -> str:
    """A message in the worker's language."""
    return catalogue().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """A message about a number, in the form the language needs for it."""
    return catalogue().ngettext(singular, plural, n)
