"""The plan format as pydantic models.

The loader hands over text for every scalar; these field types decide what the
text means (``10:30`` is a time, ``4`` a whole number, ``NO`` stays text in a
title). Unknown keys are refused everywhere. Keep the models few and lean:
building them is most of smmplan's start-up.

Annotations are evaluated as the module loads (no ``from __future__ import
annotations``): pydantic would otherwise compile each field's annotation from
its text at every start (some 70 of them).
"""

import datetime as dt
import functools
import re
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, dataclasses, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from smmplan.locale import _

_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*$")

# In the order a post moves through them; `changes_requested` sends a post back from review,
# `on_hold` pauses it (it stays in the mix), `cancelled` takes it out of the mix.
STATUSES = ("idea", "draft", "review", "changes_requested", "approved", "scheduled", "published", "on_hold",
            "cancelled")


def _participle(*stems: str) -> tuple[str, ...]:
    """`согласован` -> согласован, согласовано, согласована, согласованы."""
    return tuple(stem + end for stem in stems for end in ("", "о", "а", "ы"))


# Other words people write for each status, as normalised by canonical_status()
# (lower case, ё -> е, spaces and hyphens -> _).
_STATUS_WORDS = {
    "idea": ("ideas", "идея", "идеи"),
    "draft": ("wip", "in_progress", "черновик", "в_работе"),
    "review": ("in_review", "pending_approval", "awaiting_approval", "for_approval",
               "на_согласовании", "на_согласование", "согласование", "на_утверждении", "на_проверке"),
    "changes_requested": ("changes", "needs_changes", "changes_needed", "revise", "revision", "rework",
                          "на_доработке", "на_доработку", "доработка", "доработать", "на_правках", "правки",
                          "на_исправлении", "вернули_на_доработку"),
    "approved": _participle("согласован", "одобрен", "утвержден"),
    "scheduled": ("queued", "в_отложке") + _participle("запланирован"),
    "published": ("posted", "live", "вышел", "вышло") + _participle("опубликован"),
    "on_hold": ("hold", "paused", "pause", "postponed", "frozen", "на_паузе", "пауза", "на_холде",
                "заморожен", "заморожено") + _participle("приостановлен"),
    "cancelled": ("canceled", "отмена") + _participle("отменен"),
}
STATUS_ALIASES = {word: status for status, words in _STATUS_WORDS.items() for word in words}


@functools.lru_cache(maxsize=1024)  # a plan uses a handful of status words on thousands of posts
def normalise_status(raw: str) -> str:
    return re.sub(r"[\s\-]+", "_", raw.strip().lower().replace("ё", "е"))


@functools.lru_cache(maxsize=1024)
def canonical_status(raw: str | None) -> str | None:
    """`На согласовании` -> `review`; None for words that are not a status."""
    if raw is None:
        return "draft"
    word = normalise_status(raw)
    if word in STATUSES:
        return word
    return STATUS_ALIASES.get(word)


# Every model's config, set on each (a shared base class would be a model pydantic builds too,
# validator and all, at every start).
_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True)
# The config of the parts of a plan (posts, goals, rubrics...): built when first used on their own
# (`defer_build`). A plan is validated by the Plan model, whose validator holds theirs: building
# each part's own validator and serializer at every start as well was some 0.8 ms of a small
# plan's check.
_PART = ConfigDict(_CONFIG, defer_build=True)


# The empty defaults of list and mapping fields. Plain functions rather than the `list` and
# `dict` types: pydantic reads a default factory's signature, and a builtin type's is parsed from
# its text by the tokenize module, whose patterns cost some 3 ms to compile at every start.
def _no_items() -> list:
    return []


def _no_pairs() -> dict:
    return {}


class Kpi(BaseModel):
    """One measurable indicator of a goal."""

    model_config = _PART

    metric: str = Field(description="What is measured, e.g. site_clicks, engagement_rate, first_response_time.")
    target: str | None = Field(None, description="The figure to reach: a number, a percent (`4%`) or a duration (`2h`).")
    actual: str | None = Field(None, description="The figure reached so far, for progress tracking.")
    source: str | None = Field(None, description="Where the figure is read: GA4, VK statistics, the helpdesk...")
    basis: str | None = Field(None, description="For engagement_rate: by reach (default), followers or impressions.")
    period: str | None = Field(None, description="The period of the target if not the plan's, e.g. `month`.")
    baseline: str | None = Field(None, description="The starting figure, e.g. the community size for followers_growth.")


class Goal(BaseModel):
    """A business goal and the KPIs that show whether the plan reaches it."""

    model_config = _PART

    kind: str = Field(description="traffic, awareness, loyalty or support (also sales, leads).")
    description: str | None = Field(None, description="The goal in the client's words.")
    kpis: list[Kpi] = Field(default_factory=_no_items, description="How the goal is measured.")
    response_time: str | None = Field(None, description="For support goals: promised first-response time, e.g. `2h`.")


class Tactic(BaseModel):
    """A promotion method, described in words and optionally by kind."""

    model_config = _PART

    name: str | None = Field(None, description="Short name of the tactic.")
    description: str | None = Field(None, description="What will be done.")
    kind: str | None = Field(None, description="paid_ads, influencer, seeding, giveaway, chatbot, review_request...")


class Client(BaseModel):
    """Who the plan is made with and who signs posts off."""

    model_config = _PART

    name: str | None = Field(None, description="The client company.")
    contact: str | None = Field(None, description="Contact person or address.")
    approver: str | None = Field(None, description="Who approves posts before they go out.")


# A plan holds thousands of posts: a post is a slotted dataclass, not a model. A model
# instance carries a dict of its fields and a set of those given (some 1.2 KB a post;
# 24 MiB of a 20,000-post plan); a slotted instance holds the values alone. Pydantic
# validates it the same way (the same config, fields and validators).
@dataclasses.dataclass(slots=True, kw_only=True, config=_PART)
class Post:
    """One publication in the plan."""

    date: dt.date = Field(description="Publication date, YYYY-MM-DD.")
    time: dt.time | None = Field(None, description="Publication time, HH:MM (unquoted 10:30 means half past ten).")
    channel: str | None = Field(None, description="Where it goes out: instagram, telegram, vk...")
    type: str | None = Field(None, description="Content type: a category of the plan's formula (engaging, ugc, "
                             "educational, ad...). May be left out when the post names its `rubric`.")
    rubric: str | None = Field(None, description="The plan's rubric the post belongs to; its type comes from the rubric.")
    title: str = Field(description="Working title or idea of the post.")
    text: str | None = Field(None, description="The post's text or a longer description.")
    link: str | None = Field(None, description="URL the post links to (with UTM tags for traffic goals).")
    media: str | None = Field(None, description="What goes with the text: text (none), image, video, carousel, "
                              "story or reel; Russian words such as `фото`, `карусель`, `сторис` are accepted.")
    permalink: str | None = Field(None, description="Address of the live post once published, for the client and the report.")
    author: str | None = Field(None, description="Whose content a user-generated post shows.")
    owner: str | None = Field(None, description="Who on the team prepares the post.")
    source: str | None = Field(None, description="Where user content comes from (with permission).")
    notes: str | None = Field(None, description="Notes for the team.")
    status: str | None = Field(
        None, description="idea, draft (default), review, changes_requested (sent back by the client), approved, "
        "scheduled, published, on_hold (paused) or cancelled; Russian words such as `на согласовании`, "
        "`на доработке`, `на паузе`, `согласовано` are accepted.", json_schema_extra={"examples": list(STATUSES)})
    approved_by: str | None = Field(None, description="Who approved the post.")
    approved_on: dt.date | None = Field(None, description="When it was approved.")
    sponsored: bool = Field(False, description="A paid or partner post (needs a disclosure).")
    disclosure: str | None = Field(None, description="How a sponsored post is marked, e.g. `#ad`, `Реклама`.")

    # True when `type` was filled in from the post's rubric rather than written: set by the
    # plan's validator, never read from the file (not in __init__, nor in the JSON Schema)
    type_from_rubric: SkipJsonSchema[bool] = Field(default=False, init=False, repr=False)

    @field_validator("time", mode="before")
    @classmethod
    def _time(cls, value: Any) -> Any:
        return _time_of_day(value) if value.__class__ is str else value

    @model_validator(mode="after")
    def _type_or_rubric(self) -> "Post":
        if self.type is None and self.rubric is None:
            raise PydanticCustomError("post_without_type", _("a post needs a `type` (or a `rubric` whose type it takes)"))
        return self


@functools.lru_cache(maxsize=1024)  # a plan uses a few times of day on thousands of posts
def _time_of_day(value: str) -> Any:
    """`10:30`, `9:05`, `9.30` as a time (times are immutable: one object can serve every post);
    anything else unchanged, for pydantic to read or refuse."""
    m = _TIME.match(value)
    if m:
        h, mi, s = int(m[1]), int(m[2]), int(m[3] or 0)
        if h < 24 and mi < 60 and s < 60:
            return dt.time(h, mi, s)
    return value


class Idea(BaseModel):
    """An idea in a rubric's bank: a title, and optionally a text and a link."""

    model_config = _PART

    title: str = Field(description="The idea as a working title.")
    text: str | None = Field(None, description="A longer description or a draft text.")
    link: str | None = Field(None, description="A link the post will use.")


def _text_items(value: Any, key: str) -> Any:
    """A list whose items may be plain text: text `x` stands for the mapping `{key: x}`."""
    if isinstance(value, list):
        return [{key: v} if isinstance(v, str) else v for v in value]
    return value


def _percent(value: Any) -> Any:
    """`15`, `15%`, `15 %` -> 15."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return value.strip()[:-1].strip()
    return value


class Rubric(BaseModel):
    """A recurring rubric (content pillar) of the brand, with its bank of ideas."""

    model_config = _PART

    name: str = Field(description="The rubric's name, as posts name it in `rubric:`.")
    type: str = Field(description="The formula category its posts count as (engaging, educational...).")
    share: float | None = Field(None, ge=0, le=100, description="Percent of the plan's posts, e.g. `15`.")
    per_month: int | None = Field(None, ge=0, le=1000, description="Posts a month, instead of a share.")
    goal: str | None = Field(None, description="The business goal the rubric serves.")
    audience: str | None = Field(None, description="Whom the rubric speaks to.")
    description: str | None = Field(None, description="What the rubric is about.")
    ideas: list[Idea] = Field(default_factory=_no_items, description="The rubric's bank of ideas: text, or mappings "
                              "with title, text and link.")

    @field_validator("share", mode="before")
    @classmethod
    def _share(cls, value: Any) -> Any:
        return _percent(value)

    @field_validator("ideas", mode="before")
    @classmethod
    def _ideas(cls, value: Any) -> Any:
        return _text_items(value, "title")


class Occasion(BaseModel):
    """A date of the brand's own worth a post: the shop's birthday, a product's launch."""

    model_config = _PART

    date: str = Field(description="YYYY-MM-DD, or MM-DD for a date that comes back every year.")
    name: str = Field(description="What happens on that day.")
    rubric: str | None = Field(None, description="The rubric that suits it.")
    type: str | None = Field(None, description="The content type that suits it, when no rubric does.")


class Plan(BaseModel):
    """A content plan: posts over a period, held to a content formula."""

    model_config = _CONFIG

    brand: str | None = Field(None, description="The brand or client the plan is for.")
    start: dt.date | None = Field(None, description="First day of the plan; else the first post's date.")
    weeks: int | None = Field(None, ge=1, le=520, description="Length of the plan in weeks.")
    language: str | None = Field(None, description="Language of the posts: en or ru.")
    channels: list[str] = Field(default_factory=_no_items, description="Channels the plan uses.")
    formula: Union[str, dict[str, str], None] = Field(
        None, description="A preset name (golden, 80-20, thirds, 5-3-2, 4-1-1, 70-20-10, 50-30-20) "
        "or a mapping category -> percent summing to 100. Default: golden."
    )
    tolerance: float | None = Field(None, ge=0, le=100, description="Percentage points allowed around each share (default 5).")
    as_of: dt.date | None = Field(None, description="Date the actual figures were taken.")
    client: Client | None = Field(None, description="The client side of the plan.")
    goals: list[Goal] = Field(default_factory=_no_items, description="Business goals and their KPIs.")
    tactics: list[Tactic] = Field(
        default_factory=_no_items, description="Promotion methods for the period: text, or mappings with name/description/kind."
    )
    banned_phrases: list[str] = Field(
        default_factory=_no_items, description="Extra phrases the honesty rules flag in this plan (`*` is any word ending)."
    )
    allowed_phrases: list[str] = Field(
        default_factory=_no_items, description="Phrases the honesty rules never flag in this plan (a legitimate use)."
    )
    timezone: str | None = Field(
        None, description="IANA time zone the posts' times are in, e.g. Europe/Moscow (default: the machine's). "
        "Exports to calendars and schedulers use it."
    )
    channel_timezones: dict[str, str] = Field(
        default_factory=_no_pairs, description="A channel whose posts go out in another time zone than `timezone`: "
        "channel -> IANA name, e.g. {telegram: Asia/Yekaterinburg}."
    )
    slots: dict[str, Union[str, list[str]]] | None = Field(
        None, description="Posting slots per channel, e.g. `{vk: 'Tue–Fri 10:00–12:00'}`; posts outside them are "
        "reported, and `suggest` times new posts inside them."
    )
    business: str | None = Field(None, description="Kind of business, for built-in ideas: cafe, beauty, fitness, "
                                 "b2b_software, retail, education, services, events.")
    country: Union[str, list[str], None] = Field(
        None, description="Country or countries (ISO codes: RU, US...) whose public holidays are occasions.")
    rubrics: list[Rubric] = Field(default_factory=_no_items, description="The brand's rubrics (content pillars).")
    occasions: list[Occasion] = Field(default_factory=_no_items, description="The brand's own dates worth a post.")
    posts: list[Post] = Field(default_factory=_no_items, description="The publications.")

    @field_validator("timezone", mode="after")
    @classmethod
    def _timezone(cls, value: str | None) -> str | None:
        return None if value is None else check_timezone(value)

    @field_validator("channel_timezones", mode="after")
    @classmethod
    def _channel_timezones(cls, value: dict[str, str]) -> dict[str, str]:
        return {channel: check_timezone(name) for channel, name in value.items()}

    @field_validator("formula", mode="before")
    @classmethod
    def _formula(cls, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            return value
        raise PydanticCustomError("formula_shape",
                                  _("the formula must be a preset name or a mapping of categories to percents"))

    @field_validator("tactics", mode="before")
    @classmethod
    def _tactics(cls, value: Any) -> Any:
        return _text_items(value, "name")

    @field_validator("channels", mode="before")
    @classmethod
    def _channels(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="after")
    def _types_from_rubrics(self) -> "Plan":
        """A post that names a known rubric and no type takes the rubric's type."""
        if self.rubrics:
            from smmplan.rubrics import find

            for post in self.posts:
                if post.type is None and post.rubric is not None:
                    rubric = find(self.rubrics, post.rubric)
                    if rubric is not None:
                        post.type = rubric.type
                        post.type_from_rubric = True
        return self


@functools.lru_cache(maxsize=64)
def check_timezone(name: str) -> str:
    """`name` if it is an IANA time zone (Europe/Moscow, UTC); a validation error naming the fix otherwise
    (a PydanticCustomError: its message is the sentence itself, without pydantic's "Value error, ")."""
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError("unknown_zone", _("`{name}` is not an IANA time zone; write it like Europe/Moscow, "
                                                     "Asia/Yekaterinburg or UTC"), {"name": name}) from None
    return name


def fields_of(model: Any) -> dict[str, Any]:
    """A model's or a pydantic dataclass's fields that a plan may write (name -> FieldInfo)."""
    if isinstance(model, type) and issubclass(model, BaseModel):
        return model.model_fields
    fields = getattr(model, "__pydantic_fields__", None) or {}
    return {name: f for name, f in fields.items() if f.init is not False}


def known_keys(loc: tuple) -> list[str]:
    """Field names of the model found at a validation error's location."""
    model: Any = Plan
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        field = fields_of(model).get(step)
        if field is None:
            break
        model = _inner_model(field.annotation) or model
    return list(fields_of(model))


def _inner_model(annotation: Any) -> Any:
    if fields_of(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


@functools.lru_cache(maxsize=8)  # one per kind of item
def item_validator(key: str) -> Any:
    """The validator of one item of the plan's `posts`, `goals`, `tactics`, `rubrics` or `occasions` list."""
    from pydantic import TypeAdapter

    return TypeAdapter({"posts": Post, "goals": Goal, "tactics": Tactic, "rubrics": Rubric,
                        "occasions": Occasion}[key])


def post_dict(post: Post) -> dict[str, Any]:
    """A post's fields as a plan writes them (what ``model_dump()`` gives for a model)."""
    return {f: getattr(post, f) for f in fields_of(Post)}
