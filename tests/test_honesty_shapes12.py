"""Honesty rules: the readings the twelfth round added (issue 14), checked by name on phrasings of
my own, with a neighbour for each that must pass. The round was tuned on the eleventh round's
held-out sets (37-38, after they were scored) and fifteen development sets written for it (46-60);
these phrasings are not from any corpus.

- A passive after what was bought ("the votes ... were bought"), and "them" bought after the
  sentence that named them ("we need 2k votes. Just buy them").
- A count on top of a count ("we have 640, buy the other 360", "the shortfall").
- Getting it through a seller ("from that service", "via a views panel"), sellers' slang (the likes
  guy, прайс в закрепе, офферы, "N followers in N days", no password needed).
- Staff and relatives on a review site, "as if they were" customers, under a fake name; quoted
  personas that accounts are made for.
- A double negation that is a need ("без накрутки не обойтись"); praise kept while complaints
  go; a staff bonus for five stars; Russian written in Latin letters.
- A denial runs through a list of verbs with their objects ("We do NOT buy followers or run
  engagement pods") and stops at a turn (", just", ", so").
- Neighbours: offers received and reported, attacks on our page, "No text, just stars" after a
  question is no refusal, masks parted by a colon or a dash, giveaway randomisers and order bots,
  a relative clause that denies only itself ("subs that don't drop").

Written after the tuning they check."""

from __future__ import annotations

import pytest

from tests.test_honesty_shapes import assert_flagged, assert_passes, cli_ban_findings

PAIRS = [
    # (banned, its neighbour)
    ("The likes on the spring promo post were bought, about 4k of them",
     "The tickets for the spring promo were bought by about 400 followers"),
    ("The channel needs 3k more subscribers before the sponsor call. Just order them tonight",
     "The channel needs 3k more subscribers before the sponsor call. Just post daily and run the quiz"),
    ("We're at 720 followers; the agency may purchase the shortfall before the pitch",
     "We're at 720 followers; the agency may close the shortfall with a giveaway before the pitch"),
    ("get 800 saves on the recipe carousel from that panel",
     "get 800 saves on the recipe carousel from a better cover"),
    ("Пусть тётя и сестра администратора напишут на Яндекс Картах, что стриглись у нас",
     "Пусть администратор напишет на Яндекс Картах ответ гостье и извинится"),
    ("Have the baristas leave Google reviews as if they were regulars",
     "Have the baristas hand every regular a card asking for a Google review"),
    ("Без накрутки лайков на старте не обойтись, закажем 2к",
     "Без рекламы на старте не обойтись, закажем посев с маркировкой"),
    ("Комментарии с жалобами на доставку скрываем, а благодарности оставляем",
     "Комментарии со спамом и матом скрываем, а жалобы на доставку оставляем и отвечаем"),
    ("Курьер получает 200 ₽ сверху, если клиент ставит 5 звёзд",
     "Курьер получает 200 ₽ сверху, если доставка пришла в срок"),
    ("nakrutka podpischikov 3k, deshevo, bez otpisok",
     "target na podpischikov, byudzhet 10k, bez nakrutki"),
    ("Who's logged in as 'Olga from Kazan' today? Reply in the thread and praise the delivery",
     "Who's logged in as admin today? Reply in the thread and thank Olga for the feedback"),
    ("Заведём три аккаунта «мам из садика» и будем советовать нашу студию в чатах",
     "Заведём рубрику «Мамы из садика» с историями родителей, которые согласились"),
    ("Send the reel link to the views guy, it needs 20k by the evening",
     "Send the reel link to the editor, it needs subtitles by the evening"),
    ("Найди, где по-тихому подчистить карточку от единиц до распродажи",
     "Найди, как ответить на единицы в карточке до распродажи"),
]


@pytest.mark.parametrize(("banned", "neighbour"), PAIRS, ids=[f"pair{i}" for i in range(len(PAIRS))])
def test_each_reading_and_its_neighbour(banned, neighbour):
    assert_flagged(banned)
    assert_passes(neighbour)


@pytest.mark.parametrize("text", [
    "We do NOT buy followers or run engagement pods, whatever the client asks",
    "Мы не накручиваем просмотры и не сидим в чатах активности",
    "A vendor emailed offering 300 reviews for $50, deleted it",
    "Those 'buy likes' DMs we keep getting: mark as spam",
    "A bot farm flooded our page with fake 1-star reviews; reporting it to Google",
    "Auto-liking and auto-following stay switched off",
    "Розыгрыш: бот выбирает победителя случайно, итоги в сторис",
    "Our WhatsApp bot takes orders after 9pm",
    "Just hit 3k followers without a single bought one",
    "Deleted the spam comments, left all the critical ones up",
    "On the card: 'Tell us on Google, good or bad, we read everything'",
    "Someone in my DMs offered 1000 likes for $5, blocked and reported",
    "Client asked if we could buy likes. Told them no.",
])
def test_neighbours_pass(text):
    assert_passes(text)


def test_a_no_before_a_noun_answers_nothing():
    """"No" after a question refuses what was asked only when it stands alone ("No.", "No,
    we don't"); "No text, just stars" is part of the request."""
    assert_flagged("Can we buy 300 five-star ratings on Google Maps? No text, just stars.")
    assert_passes("Can we buy 300 five-star ratings on Google Maps? No, we don't do that.")


def test_a_relative_clause_denies_only_itself():
    assert_flagged("anyone know a cheap panel for youtube subs that doesn't drop after a week?")
    assert_passes("our youtube subs don't drop after a week, the growth is steady")


def test_a_dash_parts_a_mask():
    """A mask is one phrase: "first - purchase" across a dash is no "first purchase"."""
    assert_flagged("Social proof first - purchase 20k followers before the launch")
    assert_passes("Social proof first purchase discount: 10% off for new customers")


def test_twelfth_round_through_the_installed_command(tmp_path):
    bans, _ = cli_ban_findings(tmp_path, [
        "We need 2k votes for the contest. Just buy them tonight",
        "We need 2k votes for the contest. Just ask the regulars tonight",
    ])
    assert bans == [("BAN002", 2)]  # (line 1 is "tactics:")
