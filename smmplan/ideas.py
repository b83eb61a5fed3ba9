"""Placeholder post ideas by content type, in English and Russian.

Every generated post gets a concrete idea for its type (a poll, a customer
photo shown with permission, a how-to, an offer...). Titles are unique: when
a type's ideas run out they come round again with the round number.
"""

from __future__ import annotations

import re

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

_ROUND = {"en": "round {n}", "ru": "выпуск {n}"}
_OTHER = {"en": "A {category} post", "ru": "Пост: {category}"}

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def is_russian(language: str | None, texts: list[str]) -> bool:
    """`language: ru`, or mostly Cyrillic titles when the plan does not say."""
    if language:
        return language.strip().lower().startswith("ru")
    cyr = sum(bool(_CYRILLIC.search(t)) for t in texts if t)
    return cyr * 2 > len([t for t in texts if t]) > 0


class Titles:
    """Unique placeholder titles, cycling through each type's ideas."""

    def __init__(self, language: str, taken: set[str] | None = None):
        self.language = language if language in IDEAS else "en"
        self.taken = {_norm(t) for t in taken or ()}
        self.used: dict[str, int] = {}

    def next(self, category: str) -> str:
        ideas = IDEAS[self.language].get(category) or (_OTHER[self.language].format(category=category),)
        while True:
            i = self.used.get(category, 0)
            self.used[category] = i + 1
            title = ideas[i % len(ideas)]
            if i >= len(ideas):
                title += f" ({_ROUND[self.language].format(n=i // len(ideas) + 1)})"
            if _norm(title) not in self.taken:
                self.taken.add(_norm(title))
                return title


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
