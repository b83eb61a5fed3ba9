"""The catalogues' sources and their upkeep (Babel): extract, update, compile, check.

Run by maintainers and by the tests, never by ``smmplan`` itself (Babel's
extraction and ``.po`` reader are not needed to speak a language):

    python -m smmplan.locale update    # new messages into ru/<module>.po, untranslated
    python -m smmplan.locale tidy      # a message translated in two files is kept in one
    python -m smmplan.locale compile   # ru/*.po -> ru/LC_MESSAGES/smmplan.mo
    python -m smmplan.locale check     # what is missing, stale or mismatched

The Russian sources are split by module (``ru/rules.kpi.po``,
``ru/report.text.po``, ...) so that people translating different parts of the
code never edit one file; they compile into one catalogue. A message lives in
the file of the module it is first used in.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from smmplan.locale import DOMAIN, HERE, LANGUAGES

PACKAGE = HERE.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != "en")
DEFAULT_AREA = "core"


@dataclass
class Message:
    """One message of the code: its English forms and where it is used."""

    id: str
    plural: str | None = None
    places: list[tuple[str, int]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.id

    @property
    def area(self) -> str:
        """The module it is first used in, as its source file's name: ``rules/kpi.py`` -> ``rules.kpi``."""
        first = self.places[0][0] if self.places else ""
        return first.removesuffix(".py").replace("/", ".") if first else DEFAULT_AREA


def extract(root: Path = PACKAGE) -> dict[str, Message]:
    """Every marked message in the package's Python code, by its English text."""
    from babel.messages.extract import extract_from_dir

    found: dict[str, Message] = {}
    # data files' texts shown to people: smmplan/locale/datafiles.py
    method_map = [("**/catalogues.py", "ignore"), ("data/*.yaml", "smmplan.locale.datafiles:extract"), ("**.py", "python")]
    for filename, lineno, text, _comments, _context in extract_from_dir(
        str(root), method_map=method_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        if isinstance(text, tuple):
            msgid, plural = text[0], text[1]
        else:
            msgid, plural = text, None
        if not msgid:
            continue
        message = found.setdefault(msgid, Message(msgid, plural))
        if plural and not message.plural:
            message.plural = plural
        message.places.append((filename.replace("\\", "/"), lineno))
    for message in found.values():
        message.places.sort()
    return found


def sources(language: str) -> list[Path]:
    return sorted((HERE / language).glob("*.po"))


def read(path: Path):
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        return read_po(fh, locale=path.parent.name, domain=DOMAIN)


def merged(language: str):
    """The language's sources as one catalogue (the one ``compile`` writes)."""
    from babel.messages.catalog import Catalog

    import datetime as dt

    fixed = dt.datetime(2026, 12, 2, tzinfo=dt.timezone.utc)  # a compiled catalogue changes only with its messages
    catalog = Catalog(locale=language, domain=DOMAIN, project="smmplan", fuzzy=False, creation_date=fixed,
                      revision_date=fixed, last_translator="smmplan", language_team="smmplan")
    for path in sources(language):
        for message in read(path):
            if message.id:
                catalog[message.id] = message
    return catalog


def placeholders(text: str) -> set[str]:
    """The ``str.format`` names in a text: ``{n}``, ``{value!r}``, ``{count:,}`` -> n, value, count."""
    names = set()
    try:
        for _literal, name, _spec, _conversion in string.Formatter().parse(text):
            if name is not None:
                names.add(name)
    except ValueError:
        names.add("<malformed braces>")
    return names


def problems(language: str, messages: dict[str, Message] | None = None) -> Iterator[str]:
    """Everything wrong with a language's catalogue, one line each."""
    messages = extract() if messages is None else messages
    seen: dict[str, Path] = {}
    for path in sources(language):
        for entry in read(path):
            if not entry.id:
                continue
            msgid = entry.id[0] if isinstance(entry.id, tuple) else entry.id
            name = f"{path.parent.name}/{path.name}"
            if msgid in seen:
                yield f"{name}: {msgid!r} is also in {seen[msgid].name}"
            seen[msgid] = path
            source = messages.get(msgid)
            if source is None:
                yield f"{name}:{entry.lineno}: {msgid!r} is used nowhere in the code (obsolete: delete it)"
                continue
            forms = entry.string if isinstance(entry.string, (tuple, list)) else (entry.string,)
            if "fuzzy" in entry.flags or not all(forms):
                yield f"{name}:{entry.lineno}: {msgid!r} has no {language} translation"
                continue
            wanted = placeholders(source.id) | (placeholders(source.plural) if source.plural else set())
            for form in forms:
                got = placeholders(form)
                if got != wanted:
                    yield (f"{name}:{entry.lineno}: the translation of {msgid!r} has placeholders "
                           f"{sorted(got)}, the source {sorted(wanted)}")
            if bool(source.plural) != isinstance(entry.id, tuple):
                yield f"{name}:{entry.lineno}: {msgid!r} must {'have' if source.plural else 'not have'} plural forms"
    for msgid, message in messages.items():
        if msgid not in seen:
            where = ", ".join(f"{f}:{n}" for f, n in message.places[:3])
            yield f"{msgid!r} ({where}) has no {language} translation in any {language}/*.po"


def update(language: str) -> int:
    """Add the code's new messages to the language's sources, untranslated, each in its area's file."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    messages = extract()
    known = set()
    for path in sources(language):
        known.update(m.id[0] if isinstance(m.id, tuple) else m.id for m in read(path) if m.id)
    new: dict[str, list[Message]] = {}
    for message in messages.values():
        if message.id not in known:
            new.setdefault(message.area, []).append(message)
    for area, items in new.items():
        path = HERE / language / f"{area}.po"
        catalog = read(path) if path.exists() else Catalog(
            locale=language, domain=DOMAIN, project="smmplan", version="", fuzzy=False,
            header_comment=f"# {language} messages of smmplan's {area} (see smmplan/locale/catalogues.py).",
            last_translator="smmplan", language_team="smmplan")
        for message in items:
            msgid = (message.id, message.plural) if message.plural else message.id
            catalog.add(msgid, ("", "", "") if message.plural else "", locations=message.places)
        _write(path, catalog, write_po)
    return sum(len(items) for items in new.values())


def tidy(language: str) -> list[str]:
    """Keep each message in one source: the file of the module that uses it first when that
    file has it, else the first file that has it (translators working in parallel on
    different modules may each have added a shared message). Says where translations differed."""
    from babel.messages.pofile import write_po

    messages = extract()
    catalogs = {path: read(path) for path in sources(language)}
    holders: dict[str, list[Path]] = {}
    for path, catalog in catalogs.items():
        for entry in catalog:
            if entry.id:
                holders.setdefault(entry.id[0] if isinstance(entry.id, tuple) else entry.id, []).append(path)
    said, changed = [], set()
    for msgid, paths in holders.items():
        if len(paths) < 2:
            continue
        owner = messages[msgid].area + ".po" if msgid in messages else None
        keep = next((p for p in paths if p.name == owner), paths[0])
        kept = catalogs[keep][msgid].string
        for path in paths:
            if path != keep:
                other = catalogs[path][msgid].string
                if other != kept:
                    said.append(f"{msgid!r}: kept {keep.name}'s {kept!r}, dropped {path.name}'s {other!r}")
                catalogs[path].delete(msgid)
                changed.add(path)
    for path in changed:
        _write(path, catalogs[path], write_po)
    return said


def compile_(language: str) -> Path:
    """Compile the language's sources into the catalogue smmplan reads."""
    from babel.messages.mofile import write_mo

    target = HERE / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    _write(target, merged(language), write_mo)
    return target


# The date forms smmplan shows (smmplan.locale.dates), by CLDR skeleton.
SKELETONS = ("MMMd", "MMMEd", "yMMMd", "E")
INTERVALS = ("MMMd", "yMMMd")


def date_forms(language: str) -> dict:
    """A language's date forms from Babel's CLDR data, as ``%``-format patterns over named
    fields (``%(d)s %(MMM)s``) and the names they take: what smmplan needs to write dates at
    run time without loading Babel (some 20 ms). ``compile`` writes it beside the catalogue;
    a test holds its output to Babel's own for every day of several years."""
    from babel import Locale
    from babel.dates import get_day_names, get_month_names, parse_pattern

    loc = Locale.parse(language)

    def pattern(text: str) -> str:
        return parse_pattern(text).format

    return {
        "skeletons": {sk: pattern(loc.datetime_skeletons[sk]) for sk in SKELETONS},
        "long": pattern(str(loc.date_formats["long"])),
        "intervals": {sk: {diff: [pattern(part) for part in parts] for diff, parts in loc.interval_formats[sk].items()}
                      for sk in INTERVALS},
        "fallback": loc.interval_formats[None].replace("{0}", "%(start)s").replace("{1}", "%(end)s"),
        "names": {
            "MMM": [get_month_names("abbreviated", "format", loc)[m] for m in range(1, 13)],
            "MMMM": [get_month_names("wide", "format", loc)[m] for m in range(1, 13)],
            "LLL": [get_month_names("abbreviated", "stand-alone", loc)[m] for m in range(1, 13)],
            "E": [get_day_names("abbreviated", "format", loc)[d] for d in range(7)],
            "ccc": [get_day_names("abbreviated", "stand-alone", loc)[d] for d in range(7)],
            # a calendar's month heading and its weekdays' full names (the client page)
            "LLLL": [get_month_names("wide", "stand-alone", loc)[m] for m in range(1, 13)],
            "cccc": [get_day_names("wide", "stand-alone", loc)[d] for d in range(7)],
        },
    }


def write_date_forms(language: str) -> Path:
    import json

    target = HERE / language / "dates.json"
    _write_text(target, json.dumps(date_forms(language), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return target


def _write_text(path: Path, text: str) -> None:
    from smmplan.io import write_file

    write_file(str(path), text)


def _write(path: Path, catalog, writer) -> None:
    import io

    from smmplan.io import write_file

    buffer = io.BytesIO()
    kwargs = {"width": 100, "sort_output": False, "include_lineno": False} if writer.__name__ == "write_po" else {}
    writer(buffer, catalog, **kwargs)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(str(path), buffer.getvalue())


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    try:
        import babel  # noqa: F401
    except ImportError:
        print("python -m smmplan.locale needs Babel: pip install 'smmplan[i18n]' (or -e '.[i18n]' in a clone)")
        return 2
    status = 0
    for language in TRANSLATED:
        if command == "update":
            print(f"{language}: {update(language)} new messages")
        elif command == "tidy":
            for line in tidy(language):
                print(line)
        elif command == "compile":
            print(f"{language}: wrote {compile_(language)} and {write_date_forms(language)}")
        elif command == "check":
            found = list(problems(language))
            for line in found:
                print(line)
            print(f"{language}: {len(found)} problems")
            status = status or (1 if found else 0)
        else:
            print("usage: python -m smmplan.locale [update|tidy|compile|check]")
            return 2
    return status
