"""Honesty rules: the readings the ninth and tenth rounds added (issue 14), checked by name on phrasings of
my own, with a neighbour for each that must pass. The round was tuned on the eighth round's
held-out sets (23-26, after they were scored) and two development sets written for it (44, 45);
these phrasings are not from any corpus.

- People put in quotation marks are not what they are called: a short quotation (the reader's
  role `quoted`) holding people, beside accounts, a bot or a word of faking ("bot 'students'",
  profiles of «обычных пенсионеров»); a rubric named in quotes is no such label.
- Accounts made in numbers that then do what the public does (register accounts to comment).
- Reviews passed off as customers' ("post them as client testimonials", "выложить как отзывы
  клиенток"), owned up to ("the reviews were ours", "это мы писали"), or written until real ones
  come ("until real feedback is collected").
- Sellers' words without a verb of buying: refills, a counter's add-on or subscription, "they send
  10k views", a guarantee against drops, "капает по 300 в неделю", "добей до круглой цифры".
- Complaints about honest reviews until they are taken down; a gate that withholds the review link
  from the unhappy and routes them to support.
- Neighbours: a competitor's count seen as bought, a music track, verified purchases, a drop in
  percent, a spam offer received, a welcome bot, a memo for cashiers.

The tenth round, tuned on the ninth round's held-out sets (27-30) once they had been scored, and the
eleventh, on the tenth's (31-34) (slide headings, pouring subscribers in, raids, account farms):

- Userbots, viewer bots (bought views, BAN002) and bot networks; Cyrillic L4L; everyone
  subscribing to everyone in a folder; streaming exchanges; auto-adding friends.
- Reviews posted "as patients", "as if real fans made them", drafted until "the real ones come
  later"; self-buyout deals; paying a reviewer to change a rating; complaints "drowned out";
  banning whoever leaves a negative comment.
- A top-up through a service, an order per post, "не рекламой, а чтоб сразу 50 тысяч".
- Neighbours: moderation that keeps complaints ("жалобы оставляем"), bots counted in a report, a
  feedback bot, a customer who wrote a review, an influencer paid a fixed fee, vetting before a
  purchase of ads, a spam offer for inflation sent to the spam folder, a phrase across a `;`.

Written after the tuning they check."""

from __future__ import annotations

import pytest

from smmplan.rules import honesty
from tests.test_honesty_shapes import assert_flagged, assert_passes, cli_ban_findings

PAIRS = [
    # (banned, its neighbour)
    ("Fill the Discord with 20 bot 'members' who cheer every announcement",
     "Fill the Discord with a welcome bot and a 'members' role for everyone who joins"),
    ("Заведём профили «довольных клиентов» и будем хвалить салон в районных пабликах",
     "Заведём рубрику «Довольные клиенты»: фото и истории с согласия гостей"),
    ("Have the intern register 40 accounts to comment under the launch posts",
     "Have the intern register the brand's accounts on Threads and Bluesky before the launch"),
    ("Take the quotes the copywriter drafted and post them as customer testimonials on the landing",
     "Take the quotes customers sent in the survey and post them, with their consent, on the landing"),
    ("Те пять отзывов на Озоне у клиента — это мы писали, пусть не знает",
     "Те пять отзывов на Озоне у клиента — мы на них ответили, он в курсе"),
    ("Fill the testimonials section with short quotes of ours until real reviews are collected",
     "Keep the testimonials section hidden, no quotes of ours, until real reviews are collected"),
    ("The vendor gives a 30-day refill if the follower count drops",
     "The follower count dropped 3% after the giveaway ended, which is normal"),
    ("Каждую неделю на канал капает по 500 подписчиков с тарифа, оплата до пятницы",
     "Каждую неделю на канал приходит около 500 подписчиков из посевов, отчёт до пятницы"),
    ("У группы 9,6к участников, тысяча стоит 150 ₽ — добей до 10к к пятнице",
     "У группы 9,6к участников, до 10к добьём конкурсом и посевами к пятнице"),
    ("Flag the honest reviews on the rival's listing as spam until they are taken down",
     "Flag the spam reviews on our listing as spam until they are taken down"),
    ("If a guest is unhappy, don't send the Google link, give them the support email instead",
     "Every guest gets the Google link; if one is unhappy, the support email is there too"),
    ("Hand the QR card for a Google review only to guests who look happy",
     "Hand the QR card for a Google review to every guest, happy or not"),
    ("Панель даёт рефил 30 дней, если подписчики начнут отписываться",
     "Сервис рассылки даёт 30 дней бесплатно, если подписчики начнут отписываться"),
    ("Spin up fifty personas on Threads so the hashtag looks grassroots",
     "Spin up a weekly thread on Threads so the hashtag grows from real replies"),
    ("Жалуйтесь на отзывы конкурента, хоть они и честные, пока карты их не снимут",
     "Жалуйтесь на отзывы с матом и рекламой, площадка такие снимает"),
    ("Наша модерация: публикуем 4 и 5 звёзд, остальные отзывы не публикуем",
     "Наша модерация: публикуем все отзывы, и 1 звезду, и 5 звёзд, мат удаляем"),
    # the tenth round, tuned on the held-out sets 27-30 once scored
    ("Купил 40 юзерботов, пусть пишут в чате канала каждый час",
     "Купил подписку на бота-модератора, он удаляет спам в чате канала"),
    ("Everyone in the folder subscribes to everyone, that's the deal",
     "Everyone in the folder gets a shout-out in our Friday post, that's the deal"),
    ("Ask the nurses to post Google reviews as patients, five stars each",
     "Ask the patients to post Google reviews after the visit, any rating they like"),
    ("Draft a few testimonials for the landing, the real ones will come later anyway",
     "Collect a few testimonials for the landing, the drafts will come later from the customers"),
    ("Pay the reviewer to edit their 1-star review up to 4",
     "Pay the freelance reviewer for the detailed product test, whatever rating they give"),
    ("Ban anyone who leaves a negative comment under the ads",
     "Ban anyone who leaves spam links under the ads"),
    ("в группе 300 человек, докинем 3к через сервис к открытию",
     "в группе 300 человек, позовём ещё через рассылку к открытию"),
    ("Закажите на каждый пост по 300 просмотров",
     "Закажите на каждый пост обложку у дизайнера"),
    # the eleventh, tuned on the held-out sets 31-34 once scored
    ("слайд 5: сначала нальём 3к подписчиков, потом таргет",
     "слайд 5: сначала контент-план на месяц, потом таргет на подписку"),
    ("Hide the critical replies with the keyword filter so nobody sees them",
     "Hide the spam replies with the keyword filter so nobody sees the scam links"),
    ("Платим клиентам 300 ₽, чтобы исправили оценку с тройки на пятёрку",
     "Платим курьерам премию за доставку в срок, без привязки к отзывам"),
    ("raid group tonight: everyone likes and RTs the pinned tweet within 10 minutes",
     "launch group tonight: everyone reads the pinned thread and asks questions"),
    ("У меня ферма акков, пусть пишут под рилсами «где купить?»",
     "У меня ферма в деревне, снимем рилсы про урожай и спросим, где купить семена"),
    # the last pass, on the held-out sets 35-36 once scored
    ("Заполнить чат ботами к запуску, чтобы казалось, что тут общаются",
     "Заполнить чат полезными постами к запуску, чтобы было о чём общаться"),
    ("Hide the angry replies under the announcement, keep the supportive ones",
     "Hide the spam replies under the announcement, keep the angry ones and answer them"),
    ("drop your reel below, you watch mine and I watch yours",
     "drop your reel below, I'll give honest feedback on the hook"),
]


@pytest.mark.parametrize(("banned", "neighbour"), PAIRS, ids=[f"pair{i}" for i in range(len(PAIRS))])
def test_each_reading_and_its_neighbour(banned, neighbour):
    assert_flagged(banned)
    assert_passes(neighbour)


@pytest.mark.parametrize("text", [
    "Get the new single to the top of the Spotify track charts with a real pre-save campaign",
    "Отзывы только от подтверждённых покупателей, показываем все оценки",
    "Views dropped 25% in July, compare the hooks before blaming the algorithm",
    "Spam email from a 'growth agency' offering 5k likes for $9: mark as spam, no reply",
    "The welcome bot posts the rules; the BOT tag shows in the member list",
    "Скидка 10 % всем, кто пришёл по купону — оформить памятку для кассиров",
    "видел, что у соседнего кафе подписчики купленные, у них ноль комментариев",
    "Auto-reply: people who comment 'price' get the price list in DMs",  # a quoted label, no people
    "Модерация: удаляем мат и рекламу, жалобы на сервис оставляем и отвечаем на них",
    "Как считать ER, если часть подписчиков боты? Нужны честные цифры в отчёте",
    "Подключили бота обратной связи: подписчики пишут жалобы и идеи анонимно",
    "Клиентка написала в отзыве, что мастер опоздала. Как ответить?",
    "Интеграция у блогера с пометкой «реклама», оплата фикс, без привязки к просмотрам",
    "Перед закупом рекламы смотрите соотношение просмотров к подписчикам",
    "Paid creator review of the kettle, marked #ad; she keeps the kettle whatever she says",
    "Training slide: why bought followers destroy reach and how we grow instead",
    "Правила сообщества: спам, боты и фейки — бан",
    "Мама написала в отзыве, что ребёнку скучно на занятиях, ответим и пригласим на встречу",
    "В подписчиках куча ботов с пустыми аватарками, почищу на выходных",
    "Comment rules: criticism stays up, we remove slurs, spam and doxxing",
    "Отчёт модерации: 12 страниц-двойников, на все подали жалобы, 9 удалено",
    "A/B test: 'Buy now' button vs 'Add to cart' on the product page",
    "В вотсапе бренда бот, который подбирает размер по росту и весу",
])
def test_neighbours_pass(text):
    assert_passes(text)


def test_quoted_is_given_by_the_reader_and_only_to_a_short_quotation():
    def quoted(text: str) -> list[str]:
        reading = honesty.read(text)
        return [reading.tokens[h.first].word for h in honesty._quoted(reading)]

    assert quoted("15 bot 'students' in the chat") == ["students"]
    assert quoted("профили «обычных пенсионеров» в ОК") == ["обычных", "пенсионеров"]
    assert quoted("we don't buy, it's the customers' choice") == []  # apostrophes, no quotation
    assert quoted("'a quotation of more than three words' here") == []


def test_ninth_round_through_the_installed_command(tmp_path):
    bans, _ = cli_ban_findings(tmp_path, [
        "Seed the group with 12 bot 'parents' asking about the course",
        "Seed the group with the course's FAQ and a 'parents' channel",
    ])
    assert bans == [("BAN003", 2)]  # (line 1 is "tactics:")
