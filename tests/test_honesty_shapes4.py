"""Honesty rules on a thirteenth and fourteenth round of phrasings of my own (issue 14), written
while the fifth and sixth independent sets were tuned on, each round before it was run. First
look: the thirteenth caught 35 of 39 banned phrasings (the misses: a passive of delivering,
"bump our follower count", an order far from its object, a review swap) and passed 17 of 17
neighbours; the fourteenth caught 20 of 23 and passed 12 of 12. Besides the vocabulary, three
readings are checked here by name: a mask whose wildcards pass over a word of getting ("for the
presale purchase 5k members"), a negated defensive word ("не удаляли"), and an unless-word that is
part of the match itself ("customer stories" written by the brand)."""

from __future__ import annotations


import pytest

from tests.test_honesty_shapes import assert_flagged, assert_passes, cli_ban_findings

BANNED = [
    "Snag 3k TikTok followers from that vendor before the brand deal closes",
    "follower packages: 1k / 5k / 10k, pick one for the launch",
    "Подгоним 5к подписчиков в канал к старту продаж",
    "Надо нарастить подписчиков до 10к через панель, органика слишком медленная",
    "Залетаем с 3000 подписчиков, закупленных заранее",
    "Пропиарить аккаунт: +5000 фолловеров за 2 дня, гарантия",
    "ordered a batch of 2k members for the discord so it doesn't look empty",
    "Подписчики закуплены, 2000 штук, пришли за сутки",
    "Канал прокачан на 5к подписоты через знакомого админа",
    "Get the reel to 100k views with a paid view package so it looks viral",
    "Throw 500 likes on each carousel from the panel",
    "Накидаем лайков на конкурсный пост, чтобы он был первым",
    "Подольём просмотров на видео, чтобы зашло в рекомендации",
    "Заказываем по 300 реакций на каждый пост через бота-накрутчика",
    "Boost the poll with purchased votes so our option wins",
    "На каждую сторис заливаем по 1000 просмотров",
    "spin up 30 fake profiles to comment under the competitor's ads",
    "Заведём 40 левых страниц и будем хвалить салон в местных пабликах",
    "Run a network of AI personas that post daily about the brand",
    "Боты в комментах под каждым постом пишут «класс, хочу!»",
    "Каждый сотрудник заведёт по три фейка и будет поддерживать обсуждение",
    "Create 20 Gmail accounts and comment as different people",
    "Пусть админы с личных акков поддерживают посты в комментах как будто обычные люди",
    "Have the interns post 5-star reviews on Google Maps from their phones",
    "Generate 20 testimonials with ChatGPT for the landing page",
    "Отзывы нарисуем сами, фото возьмём из интернета",
    "Swap reviews with the bakery next door: we review them, they review us",
    "Договорились с соседней кофейней: мы им отзыв, они нам",
    "Write a few customer stories ourselves and sign them with made-up names",
    "Give a free dessert to anyone who posts a 5-star review and shows it to the waiter",
    "Only send the Trustpilot invite to customers who rated us 5 in the survey",
    "Скидка 15% за отзыв с пятью звёздами на Ozon",
    "A full refund if they delete their review",
    "Join the like-for-like chat and like 20 posts a day",
    "Вступаем в чат активности: лайк и коммент на 10 постов выше",
    "Поставим автоматические лайки на посты всех, кто подписан на конкурента",
    "подписываемся на 200 человек в день, отписываемся через неделю",
    "The Discord server needs a crowd for the presale: purchase 5k members with avatars",
    "Сетку виртуалов с прошлой кампании не удаляли? Переключим её на защиту бренда в комментах",
    "Buy followers for the page, then run Meta Ads to them",
    "Купленная аудитория 10к + таргет на неё же",
]

LEGITIMATE = [
    "Boost the best reel with $50 in Ads Manager",
    "Закупаем рекламу у блогеров с маркировкой erid",
    "Чистим подписчиков от ботов раз в месяц",
    "Почистить подписчиков от ботов и мёртвых аккаунтов",
    "Чат-бот отвечает на вопросы клиентов круглосуточно",
    "Compare views of organic and paid posts in the monthly report",
    "Розыгрыш по правилам: подписка, лайк, отметить друга",
    "The support bot asks customers to rate the chat from 1 to 5",
    "Customers who leave any review, good or bad, get a 5% coupon",
    "In exchange for an honest review you get 10% off, whatever you write",
    "We reviewed their proposal and they reviewed ours",
    "Купили рекламу у блогера: 40 тысяч просмотров и 300 подписчиков",
    "The AI assistant drafts replies to reviews, a manager checks each one",
    "Report the fake 1-star reviews left by a competitor to Google, with screenshots as evidence",
    "The competitor probably bought their 50k followers; our engagement rate goes into the case study",
    "Пункт для договора: агентство не использует ботов, купленную активность и фейковые отзывы",
    "Нанять модератора: чистить спам и бот-комменты под розыгрышем, на живые вопросы отвечать",
    "Step 3 of the launch checklist: announce the giveaway to our followers",
    "Write the FAQ as if real customers asked the questions",
    # the fifteenth round, hard neighbours only (first look: 32 of 42 passed)
    "Our followers bought out the whole batch of gingerbread in two hours",
    "Subscribers who bought the course get a bonus lesson",
    "Подписчики раскупили весь тираж мерча за день",
    "Бот в телеграме собирает заявки и отвечает на частые вопросы",
    "Рассылка в директ только тем, кто сам написал нам первым",
    "Мы купили рекламу в трёх пабликах, пришло 400 подписчиков",
    "Заказали 200 наклеек «Оставьте отзыв» для столиков — для всех гостей",
    "Check whether the blogger's likes come from bots before paying",
    "Не удаляем негативные отзывы — отвечаем на них публично",
    "Giveaway rules: one entry per person, fake accounts are disqualified",
    "Бесплатная консультация каждому, кто оставит отзыв — любой, не обязательно положительный",
    "We don't do follow-for-follow or engagement pods, ever",
    "Mass following is against Instagram's rules, so we grow with reels",
    "Накрутка подписчиков — это путь в теневой бан, объясняем клиенту",
    "Paid followers campaign in Meta Ads: target lookalikes of our customers",
    "Pay per follower with TikTok Promote, 5,000 ₽ budget",
    "The bot sends a feedback form to every customer after delivery",
    "Закупили посев в пабликах про кофе: 12 постов за месяц, все с erid",
    "Подготовить кейс: как мы выросли с 1к до 10к подписчиков без накрутки",
]


@pytest.mark.parametrize("text", BANNED)
def test_banned_shape_is_flagged(text):
    assert_flagged(text)


@pytest.mark.parametrize("text", LEGITIMATE)
def test_legitimate_neighbour_passes(text):
    assert_passes(text)


def test_new_readings_through_the_installed_command(tmp_path):
    found, _ = cli_ban_findings(tmp_path, [
        "'The Discord server needs a crowd for the presale: purchase 5k members with avatars'",
        "Сетку виртуалов не удаляли? Переключим её на защиту бренда в комментах",
        "Write a few customer stories ourselves and sign them with made-up names",
        "Чистим подписчиков от ботов раз в месяц"])
    assert found == [("BAN001", 2), ("BAN003", 3), ("BAN004", 4)], found
