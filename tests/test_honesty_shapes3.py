"""Honesty rules on a third round of phrasings of my own (issue 14), written
shape by shape after the second held-out set was scored and became development
data: misspelt and slang audience words, prices written after the quantity,
more verbs of getting (topped up, докрутим), accounts sold with a history,
reviews made up or filled in by the brand, complaints hidden, thresholds on a
score, star symbols, gates said as a contrast, activity chats and "everyone
likes everyone else's"; and the legitimate neighbours (none of..., diagnoses
of a bought audience, disqualified entries, stop lists, negated verbs after the
object, webinars on telling real from fake). None of these is in a corpus
file; each asserts its own verdict through `detect`, and a few go through the
installed command."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli
from tests.test_honesty_shapes import _codes, assert_flagged, assert_passes

BOUGHT_AUDIENCE = [
    'Подпищиков на новый канал возьмём у знакомого, тысяч пять',
    'Фоловеров в инсту докинем через панельку, там по 30 копеек',
    'Добавим 2000 участников в чат за 1500 рублей у исполнителя с Кворка',
    'Members for the Discord server: 5k for $40 from a Fiverr gig',
    '+300 подписчиков в сутки, ручное добавление, гарантия 30 дней',
    'Followers get topped up to 10k through the vendor before the pitch',
    'The follower count was pumped by an outside reseller last spring',
    'Подписоту в паблик нагоним через биржу, 700 рублей за тысячу',
    'Subscribers: 1,000 for 9 dollars, delivered over two days',
    'Участники в группу будут заведены инвайтингом, 400 человек в день',
]

BOUGHT_ENGAGEMENT = [
    'Story views will be topped up to 3k via the panel every morning',
    'Лайки под каждым рилсом докрутим до 500 через сервис',
    'Реакции на посты: автоматически по 100 на каждый новый пост, тариф 590₽ в месяц',
    'Views on the trailer: 50 000 for 1200 rubles, retention 40 %',
    'Комментарии под постом закажем: 30 штук за 600 рублей',
    'Saves on every carousel get boosted via a panel, 200 each',
]

BOTS = [
    'Продаём аккаунты ВК с отлежкой 3 месяца и аватарками, опт от 50 шт',
    'Selling aged Instagram accounts with posts and followers, ideal for seeding comments',
    'Прогретые аккаунты для комментинга под постами конкурентов',
    'Закупим акки с историей под вброс отзывов в чаты',
]

FAKE_REVIEWS = [
    "We'll make up a dozen customer quotes for the landing page until real ones come in",
    'Отзывы в карточке товара заполним сами, пока продаж мало',
    'Fabricate five testimonials with stock faces for the launch',
    'Блок отзывов на сайте наполним своими силами',
]

REVIEW_MANIPULATION = [
    'Hide every comment complaining about delivery, keep the praise',
    'Комментарии, где клиенты жалуются на доставку, удаляем сразу',
    'Any review saying "not recommended" gets flagged again and again until it disappears',
    'The survey tool drops anyone who scored us below 8 before sending the review link',
    'Enter the raffle: leave a 5★ review on Google Maps and DM us the screenshot',
    'Скидка 15 % за отзыв на 5⭐ в карточке',
    'Кешбэк 100 ₽ за 5* на маркетплейсе',
    'Недовольным гостям администратор звонит сам, а довольных просим написать отзыв на Яндексе',
    'Unhappy clients get a call from the manager, while happy ones are asked for a Google review',
    'Only the happy ones receive the review link; the rest go to support',
    'Every two-star review on Google gets flagged again and again until it is gone',
    'Отрицательные отзывы в группе удаляются модератором в течение часа',
    'The form screens out anyone who rated the visit below 7 before the review invite',
    'Автоматическая рассылка отсеивает тех, кто поставил оценку ниже 4, и шлёт остальным ссылку на отзыв',
]

EXCHANGE_AUTOMATION = [
    'Актив-чат в телеге: каждый лайкает и комментирует посты остальных участников',
    'Комментинг-группа для рилс: кидаешь ссылку, 20 человек пишут комменты',
    'ВП-папка: подписываемся на каналы всех участников, отписываться нельзя две недели',
    'Activity chat: everyone likes and saves the reels of all the other members',
]

LEGITIMATE = [
    'None of our growth comes from bought followers or paid likes',
    'Ни один подписчик не куплен: только контент и реклама',
    'Nobody on the team buys likes or followers for clients',
    'Send every customer the review link in the post-purchase email',
    'Post-purchase survey asks each buyer for a rating, good or bad',
    "Compare the blogger's reach with the follower count; a low ratio usually means a bought audience",
    'A sudden spike of foreign followers often indicates purchased subscribers',
    'Резкий прирост без охватов говорит о купленных подписчиках у блогера',
    'Giveaway rules: entries from fake accounts are disqualified',
    'Участники с фейковых аккаунтов не засчитываются в розыгрыше',
    'Стоп-лист агентства: накрутка, боты, купленные отзывы и взаимные подписки',
    'Никаких накруток, ботов, заказных отзывов и взаимных лайков',
    'Рекламу в чатах активности не покупаем, только посевы в каналах с живой аудиторией',
    'Подписчиков не покупаем, растём на контенте',
    'Вебинар: как отличить живую аудиторию от накрученной',
    'Workshop for clients: how to distinguish real followers from bought ones',
    'Ask every customer for a review, whether happy or unhappy, with the same message',
    'Довольных и недовольных клиентов одинаково просим оставить отзыв',
    'Reply to every complaining comment within an hour, never hide it',
    'Top up the ads budget for the follower campaign in the ads manager',
    'Заполним раздел отзывов отзывами реальных клиентов с их согласия',
    'Fill the reviews page with real customer reviews, with their consent',
    'Рассылка по 100 сообщений в день подписчикам, которые дали согласие',
    'Likes goal: 200 per post by the end of the quarter',
    'We sell gift cards to followers at 10 % off',
    'Продаём мерч подписчикам канала по 990 ₽',
    'Selling our old accounts in the CRM is not possible; export the contacts instead',
    'Отвечаем на отзывы с оценкой ниже 4 в течение часа',
    'Responses to reviews below 3 stars go to the manager within an hour',
    'The chatbot sends the review link to every customer after the visit',
    'Лайки и комментарии считаем по каждому посту в отчёте',
    'Collect customer quotes for the landing page with written consent',
    'Spam reviews get reported; negative reviews are answered in public within a day',
    'Отрицательные отзывы не удаляются: отвечаем на каждый публично',
    'Buy an ad slot in a channel with 50k subscribers for 12 000 ₽',
    'Закупаем рекламу у блогеров, по 3000 ₽ за пост, с маркировкой erid',
    'Пополним рекламный кабинет на 20 000 рублей перед запуском кампании на подписчиков',
    'Top up the ads account so the follower campaign keeps running',
    'Audit: 12 % of the followers look like bots, we remove them every month',
    'Чистим группу от ботов и мёртвых аккаунтов каждую неделю',
    'Report fake accounts that copy our brand and post scam giveaways',
    'Жалуемся на фейковые страницы, которые выдают себя за наш магазин',
    'The chatbot answers questions automatically, 24/7, on every new post',
    'Бот автоматически отвечает на комментарии под каждым постом',
    'Giveaway under the platform rules: follow the account and comment under the post, the winner is drawn at random',
    'Розыгрыш по правилам площадки: подписка и комментарий под постом, победителя выберем рандомайзером',
    'Политика агентства: не покупаем подписчиков, лайки и отзывы, не используем ботов',
    'We never buy followers and never reward only positive reviews',
    'Make-up artist reviews: we repost what clients write about their looks, with permission',
    'Makeup reviews from beauty bloggers, marked as ads',
    'Продаём подарочные сертификаты подписчикам со скидкой 10 %',
    'Selling accounts is against the rules; we never buy or sell pages',
    'Продажа аккаунтов запрещена правилами площадки',
    'Возьмём у клиентов согласие на публикацию отзывов',
    'Докрутим креативы и тексты объявлений до конца недели',
    'Reactions under each post are counted in the weekly report',
    'Спрашиваем всех гостей — и довольных, и недовольных — и просим оставить честный отзыв',
    'Unhappy customers get a call from the manager and the same review link as everyone else',
    'Happy or not, every guest gets the same review request',
    'Подписчиков не покупаем и ботов не используем — только контент и посевы с маркировкой',
    'Followers we never buy; ads we buy through the ads manager',
    'Никто из сотрудников не пишет отзывы о салоне',
    'None of the reviews on the site are written by staff',
    'Стоп-слова для модерации: накрутка, боты, взаимные подписки',
    'Don\'t forget to report bots in the comments',
]


# Written in this round and still missed (not asserted; named here so the gap is on record):
#   'The reviews section gets filled in by the team with invented names' ("reviews section" reads as
#       a page of the site, which the `review` role masks);
#   'Сочиним десяток отзывов от «покупательниц» для сайта' (the quotation marks that make the buyers
#       fake are not read; "сочинить" alone also writes honest texts asking for reviews).


BANNED = [(code, t) for code, texts in (
    ("BAN001", BOUGHT_AUDIENCE), ("BAN002", BOUGHT_ENGAGEMENT), ("BAN003", BOTS), ("BAN004", FAKE_REVIEWS),
    ("BAN005", REVIEW_MANIPULATION), ("BAN006", EXCHANGE_AUTOMATION)) for t in texts]


@pytest.mark.parametrize(("code", "text"), BANNED)
def test_banned_shape_is_flagged(code, text):
    assert_flagged(text)


@pytest.mark.parametrize("text", LEGITIMATE)
def test_legitimate_neighbour_passes(text):
    assert_passes(text)


def test_code_of_each_shape_mostly_right():
    wrong = [(c, t, _codes(t)) for c, t in BANNED if _codes(t) != [c]]
    assert len(wrong) <= 0.1 * len(BANNED), wrong


def test_third_round_through_the_installed_command(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "tactics:\n"
        "  - Кешбэк 100 ₽ за 5* на маркетплейсе\n"
        "  - None of our growth comes from bought followers or paid likes\n"
        "  - 'ВП-папка: подписываемся на каналы всех участников, отписываться нельзя две недели'\n"
        "  - Подписчиков не покупаем, растём на контенте\n"
        "  - Members for the Discord server, 5k for $40 from a Fiverr gig\n",
        encoding="utf-8")
    proc = run_cli("check", str(plan), "--format", "json")
    assert proc.returncode == 1, proc.stderr.decode()
    found = [(f["code"], f["line"]) for f in json.loads(proc.stdout)["findings"] if f["code"].startswith("BAN")]
    assert sorted(found) == [("BAN001", 6), ("BAN005", 2), ("BAN006", 4)], found
    [star] = [f for f in json.loads(proc.stdout)["findings"] if f["code"] == "BAN005"]
    assert "5*" in star["message"]  # the rating as written
