"""Placeholder post ideas by content type, in English and Russian.

Every generated post gets a concrete idea for its type (a poll, a customer
photo shown with permission, a how-to, an offer...): from the plan's rubrics
when it has them, else from its kind of business (`business:`), else these
general ones. Titles are never reused; when a bank runs dry the post gets a
clearly marked, dated placeholder instead of a numbered repeat.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from smmplan.findings import squeeze
from smmplan.locale import N_, _, dates, speaking

IDEAS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "engaging": (
            "Poll: which new product should we launch next?",
            "Question of the week: how do you start your morning?",
            "Contest: share a photo with our product and win a gift card",
            "Quiz: five questions about how our product is made",
            "This or that: vote for the winter or the summer collection",
            "Caption this: our team photo from the workshop",
            "Tell us in one word what you love about us",
            "Guess the number: how many orders did we pack this week?",
            "Ask us anything: the founder answers in the comments",
            "Pick the name for our next product, the winner gets it first",
        ),
        "user_generated": (
            "Customer photo of the week, shared with permission",
            "A customer's review of their first order, posted with consent",
            "Your setups with our product: three favourites from the tags",
            "A regular customer's story in their own words",
            "Unboxing video from a customer, reposted with permission",
            "Review roundup: what customers said this month",
            "Contest entries: the best photos you sent us",
            "A customer's tip for using our product, shared with credit",
        ),
        "educational": (
            "How to choose the right product for you in three steps",
            "Tip: five mistakes to avoid and how to fix them",
            "Behind the scenes: a day with our team",
            "How it's made: from idea to your door",
            "Checklist: how to get the most out of your purchase",
            "Myths and facts: what really matters when choosing",
            "How to care for your purchase so it lasts longer",
            "Beginner's guide: the basics explained in one post",
            "Behind the scenes: how we test every new product",
        ),
        "advertising": (
            "Offer of the week: a discount for subscribers",
            "New product: meet it and order on the site",
            "Limited edition: pre-orders are open",
            "Bundle offer: two favourites for a better price",
            "Free delivery weekend: order on the site",
            "Gift set for the season: order in advance",
        ),
        "curated": (
            "Worth reading: the best article of the week in our field",
            "Three industry trends we are watching",
            "A partner's guide we recommend, with a link to the source",
            "Expert quote of the week and what we think about it",
            "Roundup: the most useful links of the month",
        ),
        "original": (
            "Our own research: what we learned from our customers",
            "A case study from our work, step by step",
            "Our checklist, made by the team",
            "An idea we tested this month and the result",
            "Our view on a question customers often ask",
        ),
        "personal": (
            "Meet the team: who packs your orders",
            "How our company started: the founder's story",
            "A day off with the team",
            "What our team is reading and watching",
            "A small win we are proud of this month",
        ),
        "value": (
            "How to choose the right product for you in three steps",
            "Poll: which new product should we launch next?",
            "Customer photo of the week, shared with permission",
            "Tip: five mistakes to avoid and how to fix them",
            "Behind the scenes: a day with our team",
            "Question of the week: how do you start your morning?",
        ),
    },
    "ru": {
        "engaging": (
            "Опрос: какой новый продукт запустить следующим?",
            "Вопрос недели: с чего начинается ваше утро?",
            "Конкурс: пришлите фото с нашим продуктом и выиграйте сертификат",
            "Викторина: пять вопросов о том, как мы работаем",
            "Это или то: голосуем за зимнюю или летнюю коллекцию",
            "Придумайте подпись к фото нашей команды",
            "Одним словом: за что вы нас любите?",
            "Угадайте число: сколько заказов мы собрали за неделю?",
            "Спросите нас о чём угодно: основатель отвечает в комментариях",
            "Выберите название новинки, победитель получит её первым",
        ),
        "user_generated": (
            "Фото недели от покупателя, публикуем с разрешения",
            "Отзыв покупателя о первом заказе, публикуем с согласия",
            "Ваши фото с нашим продуктом: три любимых из отметок",
            "История постоянного клиента его словами",
            "Распаковка от покупателя, публикуем с разрешения",
            "Подборка отзывов за месяц",
            "Работы участников конкурса: лучшие фото от вас",
            "Совет покупателя, как пользоваться продуктом, с указанием автора",
        ),
        "educational": (
            "Как выбрать подходящий продукт за три шага",
            "Совет: пять ошибок и как их избежать",
            "Закулисье: один день нашей команды",
            "Как это делается: от идеи до вашей двери",
            "Чек-лист: как получить максимум от покупки",
            "Мифы и факты: что на самом деле важно при выборе",
            "Как ухаживать за покупкой, чтобы она служила дольше",
            "Для новичков: основы в одном посте",
            "Закулисье: как мы тестируем каждую новинку",
        ),
        "advertising": (
            "Предложение недели: скидка для подписчиков",
            "Новинка: знакомьтесь и заказывайте на сайте",
            "Лимитированная серия: открыт предзаказ",
            "Набор из двух любимых позиций по выгодной цене",
            "Выходные с бесплатной доставкой: заказ на сайте",
            "Подарочный набор к сезону: закажите заранее",
        ),
        "curated": (
            "Стоит прочитать: лучшая статья недели о нашей сфере",
            "Три тренда отрасли, за которыми мы следим",
            "Полезный гид от партнёров, со ссылкой на источник",
            "Цитата эксперта недели и наше мнение",
            "Подборка самых полезных ссылок месяца",
        ),
        "original": (
            "Наше исследование: что мы узнали от клиентов",
            "Кейс из нашей работы, шаг за шагом",
            "Наш чек-лист, составленный командой",
            "Идея, которую мы проверили в этом месяце, и результат",
            "Наш взгляд на частый вопрос клиентов",
        ),
        "personal": (
            "Знакомьтесь с командой: кто собирает ваши заказы",
            "Как всё начиналось: история основателя",
            "Выходной день с командой",
            "Что читает и смотрит наша команда",
            "Маленькая победа месяца, которой мы гордимся",
        ),
        "value": (
            "Как выбрать подходящий продукт за три шага",
            "Опрос: какой новый продукт запустить следующим?",
            "Фото недели от покупателя, публикуем с разрешения",
            "Совет: пять ошибок и как их избежать",
            "Закулисье: один день нашей команды",
            "Вопрос недели: с чего начинается ваше утро?",
        ),
    },
}
IDEAS["en"]["promotional"] = IDEAS["en"]["advertising"]
IDEAS["ru"]["promotional"] = IDEAS["ru"]["advertising"]

# How a post of user content says whose it is (the honesty rule asks for it).
UGC_SOURCE = {
    "en": "a customer's content, published with their permission (confirm the author)",
    "ru": "контент покупателя, публикуем с его разрешения (уточнить автора)",
}
UGC_CATEGORIES = ("user_generated",)

# Type names written in Russian plans.
RU_TYPES = {
    "engaging": "вовлекающий",
    "user_generated": "пользовательский",
    "educational": "обучающий",
    "advertising": "рекламный",
    "promotional": "рекламный",
    "curated": "курируемый",
    "original": "авторский",
    "personal": "личный",
    "value": "ценный",
}

# Placeholders, when a bank runs dry: clearly marked, naming what needs ideas, and dated so
# that two of them are never the same title.
_RUBRIC_DRY = N_("Rubric «{rubric}»: add ideas (post of {day})")
_TYPE_DRY = N_("{category} post: add an idea (post of {day})")
_DRY_NOTE = N_("placeholder: the idea bank ran dry; write the idea before the post is drafted")


class _InLanguage:
    """``DRY_NOTE["ru"]``: a text of the catalogue in the language of the plan it is written into."""

    def __init__(self, message: str):
        self.message = message

    def __getitem__(self, language: str) -> str:
        with speaking(language):
            return _(self.message)


DRY_NOTE = _InLanguage(_DRY_NOTE)

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")

# The kinds of business with ideas of their own (smmplan/data/ideas/KIND.yaml), and the
# words plans write for them.
BUSINESS_KINDS = ("cafe", "beauty", "fitness", "b2b_software", "retail", "education", "services", "events")


def is_russian(language: str | None, texts: list[str]) -> bool:
    """`language: ru`, or mostly Cyrillic titles when the plan does not say."""
    if language:
        return language.strip().lower().startswith("ru")
    cyr = sum(bool(_CYRILLIC.search(t)) for t in texts if t)
    return cyr * 2 > len([t for t in texts if t]) > 0


@cache
def _business_banks() -> tuple[dict[str, str], dict[str, dict[str, dict[str, tuple[str, ...]]]]]:
    """(word -> business kind, kind -> language -> category -> ideas), read once with smmplan's loader."""
    from pathlib import Path

    from smmplan import loader

    words: dict[str, str] = {}
    banks: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    folder = Path(__file__).parent / "data" / "ideas"
    for kind in BUSINESS_KINDS:
        raw = loader.load((folder / f"{kind}.yaml").read_bytes()).data
        for word in (kind, *raw.get("aliases", ())):
            words[squeeze(word).replace(" ", "_")] = kind
        banks[kind] = {lang: {cat: tuple(v) for cat, v in raw[lang].items()} for lang in ("en", "ru")}
    return words, banks


def business_kind(word: str | None) -> str | None:
    """`Салон красоты` -> beauty; None for a word that names no kind smmplan has ideas for."""
    if not word:
        return None
    return _business_banks()[0].get(squeeze(word).replace(" ", "_").replace("-", "_"))


def suggest_business(word: str) -> str | None:
    from smmplan.findings import nearest

    pool = _business_banks()[0]
    near = nearest(squeeze(word).replace(" ", "_"), pool)
    return pool[near] if near else None


@dataclass(frozen=True, slots=True)
class Pick:
    """An idea for a new post: its title, and the rubric, text and link it comes with."""

    title: str
    rubric: str | None = None
    text: str | None = None
    link: str | None = None
    placeholder: bool = False


class Titles:
    """Ideas for new posts, never the same twice and never numbered repeats.

    A category with rubrics takes the next unused idea of its rubrics' banks, in bank
    order, the rubric furthest behind its share first; a rubric whose bank is dry gets a
    dated placeholder naming it. A category without rubrics takes the business's ideas
    (`business:`), or the general ones, then a dated placeholder."""

    def __init__(self, language: str, taken: set[str] | None = None, *, business: str | None = None,
                 rubrics: list[tuple[str, str, float, tuple]] | None = None, planned: dict[str, int] | None = None):
        self.language = language if language in IDEAS else "en"
        self.taken: set[str] = set()  # titles as compared (squeeze): given out, and the plan's once read
        self._planned = list(taken or ())  # the plan's titles, read only when an idea may be one of them
        self._planned_words: str | None = None
        kind = business_kind(business)
        self.bank = dict(IDEAS[self.language])
        if kind is not None:
            self.bank.update(_business_banks()[1][kind][self.language])
        # (name, category, weight, ideas as (title, text, link)) per rubric
        self.rubrics = list(rubrics or ())
        self.planned = dict(planned or {})

    def next(self, category: str, day: dt.date | None = None) -> str:
        return self.pick(category, day).title

    def pick(self, category: str, day: dt.date | None = None) -> Pick:
        mine = [r for r in self.rubrics if r[1] == category]
        if mine:
            name, _, weight, ideas = min(mine, key=lambda r: (self.planned.get(r[0], 0) / r[2], self.rubrics.index(r)))
            self.planned[name] = self.planned.get(name, 0) + 1
            for title, text, link in ideas:
                if self.take(title):
                    return Pick(title, name, text, link)
            return Pick(self._dry(_RUBRIC_DRY, day, rubric=name), name, placeholder=True)
        for title in self.bank.get(category, ()):
            if self.take(title):
                return Pick(title)
        label = RU_TYPES.get(category, category) if self.language == "ru" else category.replace("_", "-").capitalize()
        return Pick(self._dry(_TYPE_DRY, day, category=label), placeholder=True)

    def take(self, title: str) -> bool:
        key = squeeze(title)
        if key in self.taken:
            return False
        if self._planned and self._may_be_planned(key):
            self.taken.update(map(squeeze, self._planned))  # (a 20,000-post plan's titles, read once)
            self._planned = []
            if key in self.taken:
                return False
        self.taken.add(key)
        return True

    def _may_be_planned(self, key: str) -> bool:
        """False when some word of `key` is in none of the plan's titles (then no title squeezes to it)."""
        if self._planned_words is None:
            self._planned_words = "\n".join(map(str.lower, self._planned))
        return all(word in self._planned_words for word in key.split())

    def _dry(self, message: str, day: dt.date | None, **names: str) -> str:
        """A dated placeholder title, in the plan's language."""
        with speaking(self.language):
            when = dates.day(day) if day else "?"
            template = _(message)
        title = template.format(day=when, **names)
        n = 2
        while not self.take(title):  # two posts of one rubric on one day
            title = template.format(day=f"{when}, {n}", **names)
            n += 1
        return title


