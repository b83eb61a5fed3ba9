"""Honesty rules: the readings the sixteenth round added (issue 14), checked by name on phrasings of
my own, with a neighbour for each that must go the other way. The round was tuned on four
development sets written for it (99-102: marketplace sellers; music, streaming, games and apps;
local businesses; questions, requests and refusals), each scored once before; these phrasings are
not from any corpus.

- Words a role lacked: Discord's "мемберы", "as random gamers", "play customers", a price per
  unit ("$9 each", "оплата за каждый опубликованный") beside reviews, a VPN as cover, raid trains.
- A question that asks for a source is no audit ("Есть ли сервис, где можно купить ...",
  "Looking for sub4sub partners"), while "Есть ли боты среди подписчиков" still is.
- What is said after a tactic can turn it down or clear it: "— vetoed", "мы их исключим",
  "Накрутку не предлагайте".
- A changed rating as the condition of a reward ("поменяет оценку на пятёрку"), a review request
  sent only to a top score ("rated the demo 10/10"), "whatever they think of it" as its neighbour.
- Answering reviews is the brand's work: "answers the reviews", "от имени разработчика".

Written after the tuning they check."""

from __future__ import annotations

import pytest

from tests.test_honesty_shapes import assert_flagged, assert_passes, cli_ban_findings

PAIRS = [
    # (banned, its neighbour)
    ("Закажем мемберов на сервер перед плейтестом, тысячи полторы",
     "Мемберы сервера сами зовут друзей на плейтест, мы только делаем анонс"),
    ("Staff will comment under the launch trailer as random gamers",
     "Staff will answer under the launch trailer as the studio, signed with their names"),
    ("Ask the interns to play customers in the salon's comments",
     "The interns play a board game on stream with the viewers"),
    ("Есть ли сервис, где можно купить подписчиков в Telegram недорого?",
     "Есть ли боты среди подписчиков канала? Проверим выгрузку перед отчётом"),
    ("Looking for sub4sub partners, small channels welcome",
     "Looking for fake followers in the blogger's audience before we sign"),
    ("Напишите отзывы о клинике на картах, оплата за каждый опубликованный",
     "Напишите пост о клинике для блога, оплата за каждый опубликованный текст по договору"),
    ("A vendor posts the reviews on Amazon for us, $9 each",
     "Отзывы пишут только покупатели; копирайтеру платим за каждый опубликованный текст"),
    ("Our SMM intern posts the reviews through a VPN so the site can't tie them to us",
     "Our SMM intern answers the reviews from the office laptop, signed as the brand"),
    ("The client suggested buying views for the trailer, we agreed",
     "The client suggested buying views for the trailer — vetoed, we ran YouTube ads instead"),
    ("В конкурс добавим фейковых участников, чтобы разогреть голосование",
     "Если в конкурсе окажутся фейковые участники, мы их исключим"),
    ("Лайки на пост докупим через панель",
     "Лайки на пост растут медленно, но честно. Накрутку не предлагайте"),
    ("Raid-for-raid with five other streamers every night",
     "Raided a friend's stream after ours ended, because we liked the game"),
    ("Скидка 20% тем, кто поменяет оценку на пятёрку",
     "Если клиент сам поменяет оценку после решения проблемы, поблагодарим его в ответе"),
    ("Only send the Steam review request to those who rated the demo 10/10",
     "Send the Steam review request to everyone who finished the demo, whatever they think of it"),
    ("Warm up 40 TikTok accounts and have them ask about prices under our videos",
     "Warm up the audience with a behind-the-scenes video before the price announcement"),
    ("Как отвечать на отзывы от лица довольных клиентов, чтобы не спалиться?",
     "Как отвечать на отзывы от имени разработчика, чтобы было вежливо и по делу?"),
]


@pytest.mark.parametrize(("banned", "neighbour"), PAIRS, ids=[f"pair{i}" for i in range(len(PAIRS))])
def test_each_reading_and_its_neighbour(banned, neighbour):
    assert_flagged(banned)
    assert_passes(neighbour)


@pytest.mark.parametrize("text", [
    "The blogger reviews each gadget on camera, $300 each video, marked as advertising",
    "Кто-то накрутил прослушивания нашему треку без нашего ведома — написали в поддержку площадки",
    "Someone inflated the views on our clip without our knowledge; we asked the platform to remove them",
    "Отправляем продукт блогерам без требования положительного отзыва",
    "Жалоба на честные слова клиента: разобрать на планёрке",  # (a report needs a review to take down)
])
def test_neighbours_pass(text):
    assert_passes(text)


def test_sixteenth_round_through_the_installed_command(tmp_path):
    bans, _ = cli_ban_findings(tmp_path, [
        "The client suggested buying views for the trailer — vetoed, we ran YouTube ads instead",
        "A vendor posts the reviews on Amazon for us, $9 each",
        "Если в конкурсе окажутся фейковые участники, мы их исключим",
    ])
    assert bans == [("BAN004", 3)]  # (line 1 is "tactics:")
