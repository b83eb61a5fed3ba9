"""Settings for a run: what the command line and config files decide.

Discovery of `[tool.smmplan]` in pyproject.toml and `.smmplan.yaml` lives
here too; the engine only ever sees a :class:`Settings`.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from smmplan.findings import nearest
from smmplan.loader import DEFAULT_MAX_BYTES, read_file, thousands
from smmplan.locale import N_, _

CONFIG_MAX_BYTES = 1024 * 1024  # a config file is a few lines


class Settings(NamedTuple):
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    formula: str | dict | None = None  # default when a plan names none
    tolerance: float | None = None  # default when a plan names none
    banned_phrases: tuple[str, ...] = ()
    allowed_phrases: tuple[str, ...] = ()
    role_words: tuple[tuple[str, str], ...] = ()  # (honesty role, word or phrase) the project adds
    custom_metrics: dict[str, str] = {}  # metric -> goal kind (read only: the default is shared)
    exclude: tuple[str, ...] = ()
    as_of: dt.date | None = None
    due_days: int = 3
    max_file_size: int = DEFAULT_MAX_BYTES
    # Rules whose findings nothing may silence (`no-suppress`, --no-suppress): no comment,
    # no `ignore`, no allowed phrase. And rules the plan itself may silence without a
    # warning (`plan-may-suppress`; SMM003 otherwise, for the honesty rules).
    no_suppress: tuple[str, ...] = ()
    plan_may_suppress: tuple[str, ...] = ()
    config_path: str | None = None  # the config file these settings came from, if any
    slots: dict = {}  # (read only) channel -> tuple of networks.Slot
    repeat_days: int = 14  # PLT008: the same text on one channel within this many days
    starved_weeks: int = 3  # RUB005: a rubric with no post for this many weeks
    lang: str | None = None  # the report's language (`lang:` in the config, --lang): beats the plan's `language:`

    # Selection given on the command line, applied after the config file's
    # (select, ignore, extend_select) above: the command line beats the file.
    cli_selection: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None = None

    def enabled(self, code: str, name: str | None = None) -> bool:
        """ruff-style selection: within a layer the most specific selector decides
        (a rule's code or name beats a prefix such as `BAN`, which beats `ALL`);
        ignore wins a tie. A layer with `select` starts afresh; the command line's
        layer comes after the config file's."""
        if name is None:
            from smmplan.rules import registry

            rule = registry().get(code)
            name = rule.name if rule else None
        on = True  # every rule is selected by default
        layers = [(self.select, self.ignore, self.extend_select)]
        if self.cli_selection is not None:
            layers.append(self.cli_selection)
        for select, ignore, extend in layers:
            best_sel = _specificity((*select, *extend), code, name)
            best_ign = _specificity(ignore, code, name)
            if select:
                on = best_sel >= 0 and best_sel > best_ign
            elif best_sel > best_ign:
                on = True
            elif best_ign > best_sel:
                on = False
        return on

    def may_suppress(self, code: str, name: str | None = None) -> bool:
        """May anything silence this rule's findings? Not when `no-suppress` names it."""
        return _specificity(self.no_suppress, code, name) < 0

    def plan_may(self, code: str, name: str | None = None) -> bool:
        """May the plan itself silence this rule without a warning (`plan-may-suppress`)?"""
        return _specificity(self.plan_may_suppress, code, name) >= 0

    def selected_by_config(self, code: str, name: str | None = None) -> bool:
        """Would the configuration file's selection alone (without the command line's) check this rule?"""
        return self.cli_selection is None and self.enabled(code, name) or (
            self.cli_selection is not None and self._replace(cli_selection=None).enabled(code, name))

    def deselected_by(self, code: str, name: str | None = None):
        """The configuration's selection, which turned this rule off, as a SuppressedBy."""
        from smmplan.findings import SuppressedBy

        if self.config_path:
            why = _("the configuration's `select`/`ignore` in {path}").format(path=self.config_path)
        else:
            why = _("the configuration's `select`/`ignore`")
        return SuppressedBy(why, False, None, "config")

    def today(self) -> dt.date:
        return self.as_of or dt.date.today()


def _specificity(selectors, code: str, name: str | None) -> int:
    """How specifically `selectors` name a rule: -1 not at all, 0 for ALL, else the
    length of the matching prefix (a full code or the rule's name count as full)."""
    best = -1
    for sel in selectors:
        if sel == "ALL":
            best = max(best, 0)
        elif sel == name or sel == code:
            best = max(best, len(code))
        elif code.startswith(sel):
            best = max(best, len(sel))
    return best


# --- selectors ------------------------------------------------------------------


def normalize_selector(raw: str) -> str:
    """A rule code, a prefix of codes (`MIX`, `BAN0`), a rule name or ALL.

    Raises ValueError with a did-you-mean for anything that selects no rule.
    """
    from smmplan.rules import registry

    rules = registry()
    sel = raw.strip()
    names = {r.name for r in rules.values()}
    if sel.lower() in names:
        return sel.lower()
    up = sel.upper()
    if up == "ALL" or (up and any(code.startswith(up) for code in rules)):
        return up
    families = sorted({r.family for r in rules.values()})
    near = nearest(sel, [*rules, *names, *families])
    if near:
        raise ValueError(_("`{selector}` selects no rule; did you mean `{near}`?").format(selector=raw, near=near))
    raise ValueError(_("`{selector}` selects no rule; `smmplan rules` lists them").format(selector=raw))


def split_selectors(values) -> tuple[str, ...]:
    """`--select MIX,BAN --select PLAN001` -> ('MIX', 'BAN', 'PLAN001'), validated."""
    out: list[str] = []
    for value in values or ():
        out += [normalize_selector(part) for part in str(value).split(",") if part.strip()]
    return tuple(out)


# --- config files -----------------------------------------------------------------

CONFIG_NAMES = (".smmplan.yaml", ".smmplan.yml", "pyproject.toml")


class ConfigError(Exception):
    """A config file that cannot be used: exit 2, naming the file and the key."""


class Config(NamedTuple):
    """One config file's settings. `path` is None for the built-in defaults. (A named tuple:
    a dataclass is generated anew at every start.)"""

    path: str | None
    values: dict  # Settings field -> value

    @property
    def root(self) -> str:
        import os

        return os.path.dirname(os.path.abspath(self.path)) if self.path else os.getcwd()

    def excluded(self, path: str) -> bool:
        """Does an `exclude` pattern match `path`? A pattern without `/` matches any
        file or directory name below the config's directory (`drafts`, `*.tmpl.yaml`);
        one with `/` matches the path relative to it (`archive/2025-*`), and
        everything beneath a matching directory."""
        import fnmatch
        import os

        patterns = self.values.get("exclude", ())
        if not patterns:
            return False
        rel = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        if rel.startswith("../"):
            rel = os.path.abspath(path).replace(os.sep, "/")
        parts = rel.split("/")
        for pat in patterns:
            pat = pat.strip("/")
            if "/" in pat:
                if fnmatch.fnmatchcase(rel, pat) or any(
                    fnmatch.fnmatchcase("/".join(parts[:i]), pat) for i in range(1, len(parts))
                ):
                    return True
            elif any(fnmatch.fnmatchcase(part, pat) for part in parts):
                return True
        return False


def _where(path: str, key: str, table: str) -> str:
    return f"{path}: `{table}{key}`"


def _strings(value, problem: str) -> tuple[str, ...]:
    """A list of non-empty texts (one text is a list of one); ValueError(`problem`, translated) otherwise."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(_(problem))
    return tuple(v.strip() for v in value)


def _number(value, low: float, high: float | None, problems: tuple[str, str], **names) -> float:
    """A finite number from `low` to `high`; else ValueError with the first of `problems` (not a number)
    or the second (out of range), translated and filled in with `value` and `names`."""
    import math

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(_(problems[0]).format(value=value, **names))
    if not math.isfinite(value) or value < low or (high is not None and value > high):
        raise ValueError(_(problems[1]).format(value=value, **names))  # NaN compares false to every bound
    return value


MAX_FILE_MIB = 4096  # the largest --max-file-size / max-file-size, in MiB


def file_size_limit(mib) -> int:
    """A size limit in MiB (the option's and the config key's) as bytes; ValueError for
    anything that is not a finite number from a byte up to MAX_FILE_MIB (NaN, infinity)."""
    return int(_number(mib, 1 / (1024 * 1024), MAX_FILE_MIB, _MIB_PROBLEMS, max=MAX_FILE_MIB) * 1024 * 1024)


_MIB_PROBLEMS = (N_("must be a number of MiB above 0 and up to {max}, not `{value}`"),
                 N_("must be a number of MiB above 0 and up to {max}, not {value}"))
_TOLERANCE_PROBLEMS = (N_("must be a number of percentage points from 0 to 100, not `{value}`"),
                       N_("must be a number of percentage points from 0 to 100, not {value}"))


def _selectors(value) -> tuple[str, ...]:
    return tuple(normalize_selector(v) for v in _strings(value, N_("must be a list of rule codes, prefixes or names")))


def _formula(value):
    from smmplan import formulas

    if isinstance(value, dict):
        value = {str(k): str(v) for k, v in value.items()}
    elif not isinstance(value, str):
        raise ValueError(_("must be a preset name or a mapping of categories to percents"))
    try:
        formulas.resolve(value)
    except formulas.FormulaError as exc:
        raise ValueError(str(exc)) from None
    return value


def _metrics(value) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        raise ValueError(_("must map metric names to goal kinds, e.g. {newsletter_signups: leads}"))
    return {k.strip(): v.strip() for k, v in value.items()}


def _role_words(value) -> tuple[tuple[str, str], ...]:
    """{role: [words]}: words a project adds to the honesty rules' roles."""
    from smmplan.rules import honesty  # only when the key is given: the lexicon names the roles

    roles = honesty.lexicon().docs
    if not isinstance(value, dict):
        raise ValueError(_("must map honesty roles to lists of words, e.g. {acquire: [выкупить]}"))
    out = []
    for role, words in value.items():
        if str(role) not in roles:
            near = nearest(str(role), list(roles))
            if near:
                raise ValueError(_("unknown role `{role}`; did you mean `{near}`? Roles: {roles}").format(
                    role=role, near=near, roles=", ".join(roles)))
            raise ValueError(_("unknown role `{role}` Roles: {roles}").format(role=role, roles=", ".join(roles)))
        out += [(str(role), w) for w in _strings(words, N_("must be a list of words"))]
    return tuple(out)


def _slots(value) -> dict:
    from smmplan import networks

    if not isinstance(value, dict):
        raise ValueError(_("must map channels to posting slots, e.g. {vk: 'Tue–Fri 10:00–12:00'}"))
    try:
        return {str(k): networks.parse_slots(v) for k, v in value.items()}
    except networks.SlotError as exc:
        raise ValueError(str(exc)) from None


def _due_days(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(_("must be a whole number of days (0 or more), not `{value}`").format(value=value))
    return value


def _language(value) -> str:
    from smmplan.locale import LANGUAGES, normalise

    language = normalise(value)
    if language is None:
        raise ValueError(_("takes one of: {languages}, not `{value}`").format(languages=", ".join(LANGUAGES),
                                                                           value=value))
    return language


# config key -> (Settings field, converter)
CONFIG_KEYS = {
    "select": ("select", _selectors),
    "ignore": ("ignore", _selectors),
    "extend-select": ("extend_select", _selectors),
    "formula": ("formula", _formula),
    "tolerance": ("tolerance", lambda v: float(_number(v, 0, 100, _TOLERANCE_PROBLEMS))),
    "banned-phrases": ("banned_phrases", lambda v: _strings(v, N_("must be a list of phrases"))),
    "allowed-phrases": ("allowed_phrases", lambda v: _strings(v, N_("must be a list of phrases"))),
    "role-words": ("role_words", _role_words),
    "custom-metrics": ("custom_metrics", _metrics),
    "exclude": ("exclude", lambda v: _strings(v, N_("must be a list of glob patterns"))),
    "due-days": ("due_days", _due_days),
    "no-suppress": ("no_suppress", _selectors),
    "plan-may-suppress": ("plan_may_suppress", _selectors),
    "max-file-size": ("max_file_size", file_size_limit),
    "repeat-days": ("repeat_days", _due_days),
    "slots": ("slots", _slots),
    "lang": ("lang", _language),
    "starved-weeks": ("starved_weeks", _due_days),
}


def parse_config(raw, path: str, table: str = "") -> Config:
    """Validate a config mapping; ConfigError names the file and the key."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        if table:
            raise ConfigError(_("{path}: the {table} must be a mapping of settings").format(
                path=path, table=table.rstrip(".")))
        raise ConfigError(_("{path}: the file must be a mapping of settings").format(path=path))
    values: dict = {}
    for key, value in raw.items():
        if key not in CONFIG_KEYS:
            near = nearest(str(key).replace("_", "-"), CONFIG_KEYS)
            where = _where(path, str(key), table)
            if near:
                raise ConfigError(_("{where} is not a setting; did you mean `{near}`?").format(where=where, near=near))
            raise ConfigError(_("{where} is not a setting; known keys: {keys}").format(
                where=where, keys=", ".join(CONFIG_KEYS)))
        name, convert = CONFIG_KEYS[key]
        try:
            values[name] = convert(value)
        except ValueError as exc:  # the converters say what is wrong with the value
            raise ConfigError(_("{where} {problem}").format(where=_where(path, key, table), problem=exc)) from None
    return Config(path, values)


def read_config(path: str, required: bool = True) -> Config | None:
    """Read a `.smmplan.yaml`, a `pyproject.toml` ([tool.smmplan]) or another
    TOML file (settings at its top level). A pyproject.toml without the table is
    None when found by discovery, an error when named with --config."""
    import tomllib

    try:  # like a plan: never block on a FIFO, never read a device or a huge file
        data, size = read_file(path, CONFIG_MAX_BYTES)
    except OSError as exc:
        raise ConfigError(_("{path}: cannot read the config file: {error}").format(
            path=path, error=exc.strerror or exc)) from None
    if size > CONFIG_MAX_BYTES:
        raise ConfigError(_("{path}: the config file is {size} bytes, over the {limit}-byte limit").format(
            path=path, size=thousands(size), limit=thousands(CONFIG_MAX_BYTES)))
    if path.endswith((".yaml", ".yml")):
        import yaml

        try:
            raw = yaml.load(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            raise ConfigError(_("{path}: not valid YAML: {error}").format(path=path, error=exc)) from None
        return parse_config(raw, path)
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(_("{path}: not valid TOML: {error}").format(path=path, error=exc)) from None
    if path.endswith("pyproject.toml") or "tool" in doc:
        table = doc.get("tool", {}).get("smmplan") if isinstance(doc.get("tool"), dict) else None
        if table is None:
            if required:
                raise ConfigError(_("{path}: there is no [tool.smmplan] table in it").format(path=path))
            return None
        return parse_config(table, path, "tool.smmplan.")
    return parse_config(doc, path)


class ConfigFinder:
    """Finds the config that governs a path: the nearest `.smmplan.yaml` or
    `pyproject.toml` with [tool.smmplan], walking up from the path's directory.
    Results are cached per directory, so a tree of plans costs one lookup per
    directory. `--config FILE` fixes one config for all; `--isolated` none."""

    def __init__(self, config_file: str | None = None, isolated: bool = False):
        self._fixed: Config | None = None
        if isolated:
            self._fixed = Config(None, {})
        elif config_file is not None:
            self._fixed = read_config(config_file, required=True)
        self._by_dir: dict[str, Config] = {}

    def for_path(self, path: str, is_dir: bool = False) -> Config:
        import os

        if self._fixed is not None:
            return self._fixed
        directory = os.path.abspath(path if is_dir else os.path.dirname(path) or ".")
        return self._lookup(directory)

    def _lookup(self, directory: str) -> Config:
        import os

        walked = []
        found: Config | None = None
        d = directory
        while True:
            if d in self._by_dir:
                found = self._by_dir[d]
                break
            walked.append(d)
            for name in CONFIG_NAMES:
                candidate = os.path.join(d, name)
                if os.path.isfile(candidate):
                    found = read_config(candidate, required=False)
                    if found is not None:
                        break
            if found is not None:
                break
            parent = os.path.dirname(d)
            if parent == d:
                found = Config(None, {})
                break
            d = parent
        for w in walked:
            self._by_dir[w] = found
        return found


def settings_for(config: Config, cli_selection=None, **cli) -> Settings:
    values = dict(config.values)
    if cli.get("no_suppress"):  # the command line adds to the config's, never lifts them
        cli["no_suppress"] = tuple(dict.fromkeys((*values.get("no_suppress", ()), *cli["no_suppress"])))
    values.update({k: v for k, v in cli.items() if v is not None})
    return Settings(cli_selection=cli_selection, config_path=config.path, **values)
