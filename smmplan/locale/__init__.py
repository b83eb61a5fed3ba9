"""The user's language: English in the code, Russian in gettext catalogues.

Every user-facing string is written in English in the code and marked:

- ``_("...")`` translates it now, into the current language;
- ``ngettext(singular, plural, n)`` picks the plural form (Russian has three:
  1 пост, 2 поста, 5 постов);
- ``N_("...")`` only marks text defined at import (rule docs, table headers):
  it is translated with ``_()`` where it is shown.

Placeholders are ``str.format`` names, filled in after translating
(``_("{n} posts").format(n=n)``): a translation is a whole sentence, never
glued together from translated fragments, and a test checks that every
translation has the placeholders of its source.

The language is chosen once by :func:`choose` (``--lang``, the config's
``lang``, the plan's ``language:``, the locale, English) and made current with
:func:`speaking`. English needs no catalogue and loads nothing; Russian reads
the compiled catalogue ``ru/LC_MESSAGES/smmplan.mo`` once, with the standard
library's :mod:`gettext`, and its date forms (:mod:`smmplan.locale.dates`).
The sources are the ``.po`` files in ``ru/``; ``python -m smmplan.locale``
extracts, updates and compiles them with Babel (the ``i18n`` extra), which
smmplan itself never imports.
"""

from __future__ import annotations

import contextvars
import functools
import os
from collections.abc import Mapping
from pathlib import Path

LANGUAGES = ("en", "ru")
DEFAULT = "en"
DOMAIN = "smmplan"
HERE = Path(__file__).parent

_language: contextvars.ContextVar[str] = contextvars.ContextVar("smmplan_language", default=DEFAULT)


def current() -> str:
    """The language messages are written in now: ``en`` or ``ru``."""
    return _language.get()


@functools.lru_cache(maxsize=len(LANGUAGES))
def catalogue(language: str):
    """The compiled catalogue of one language (read once; English has none)."""
    import gettext

    if language == DEFAULT:
        return gettext.NullTranslations()
    with open(HERE / language / "LC_MESSAGES" / f"{DOMAIN}.mo", "rb") as fh:
        return gettext.GNUTranslations(fh)


def _(message: str) -> str:
    """``message`` in the current language."""
    language = _language.get()
    if language == DEFAULT:
        return message
    return catalogue(language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message that agrees with ``n``, in the current language."""
    language = _language.get()
    if language == DEFAULT:
        return singular if n == 1 else plural
    return catalogue(language).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it (it is translated where shown)."""
    return message


class speaking:
    """``with speaking("ru"): ...``: messages made inside are in that language.

    Also a plain call for the rest of the process: ``speaking("ru").enter()``.
    """

    def __init__(self, language: str | None):
        self.language = language if language in LANGUAGES else DEFAULT
        self._token: contextvars.Token | None = None

    def enter(self) -> str:
        self._token = _language.set(self.language)
        return self.language

    def __enter__(self) -> str:
        return self.enter()

    def __exit__(self, *exc) -> None:
        if self._token is not None:
            _language.reset(self._token)
            self._token = None


_NAMES = {
    "en": "en", "eng": "en", "english": "en", "английский": "en",
    "ru": "ru", "rus": "ru", "russian": "ru", "русский": "ru", "рус": "ru",
}


def normalise(value: object) -> str | None:
    """``ru``, ``RU``, ``ru_RU.UTF-8``, ``ru-RU``, ``russian``, ``русский`` -> ``ru``;
    ``en…`` -> ``en``; anything else (or nothing) -> None."""
    if not isinstance(value, str):
        return None
    word = value.strip().lower()
    if word in _NAMES:
        return _NAMES[word]
    head = word.replace("-", "_").split("_", 1)[0].split(".", 1)[0]
    return _NAMES.get(head)


def from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The locale's language, as POSIX chooses it: ``LC_ALL``, else ``LC_MESSAGES``,
    else ``LANG`` (the first that is set and not empty). ``ru…`` is Russian; any other
    locale (``C``, ``POSIX``, ``en_US.UTF-8``, ``de_DE``) is English; None when unset."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "ru" if value.strip().lower().startswith("ru") else DEFAULT
    return None


def choose(option: str | None = None, config: str | None = None, plan: str | None = None,
           environ: Mapping[str, str] | None = None) -> str:
    """The language of a report: ``--lang``, else the config's ``lang``, else the plan's
    ``language:``, else the locale, else English. Values are normalised (``ru_RU`` -> ``ru``);
    one that names no supported language is passed over."""
    for value in (option, config, plan):
        language = normalise(value)
        if language:
            return language
    return from_environment(environ) or DEFAULT
