"""Honesty rules: the readings the fourteenth round added (issue 14), checked by name on phrasings of
my own, with a neighbour for each that must pass. The round was tuned on the thirteenth round's last
held-out sets (51-54, after they were scored), its own first held-out sets (55-58, after they were
scored) and development sets written for it (77-94); these phrasings are not from any corpus.

- A negation with a manner after it denies the manner, not the act: "never ... in one batch",
  "не ... за один день", "more than two a day", "from the same phone".
- A dialogue: "Client: ... / Us: no, ..." turns the client's turn down, and so does "Мы: не будем;"
  or "Мы: покупать не будем, ..."; an answer that goes on ("не будем ждать, накрутим") or says yes
  does not.
- Evasion said as "без блокировок" or "so IG doesn't flag us", a count's rest topped up, "organic"
  in quotes after a purchase. (Numbers wanted "before the sponsor call" were tried as a sign of
  secrecy and dropped: the twelfth round's neighbour "needs 3k more subscribers before the sponsor
  call. Just post daily" is honest.)
- Neighbours: the same words in refusals, procurement rules, written confirmations, appeals; a
  denial of publishing that is a policy because what is not published is fake ("не публикуем
  фейковые отзывы"), while "негативные отзывы не публикуем" still hides them.

Written after the tuning they check."""

from __future__ import annotations

import pytest

from tests.test_honesty_shapes import assert_flagged, assert_passes, cli_ban_findings

PAIRS = [
    # (banned, its neighbour)
    ("Never buy all 20k followers in one batch, spread them over a month",
     "Never buy followers, not even a few, we grow with content"),
    ("Не заказывайте все 10к подписчиков за один день, растяните на неделю",
     "Не заказываем подписчиков ни у кого, растём контентом"),
    ("Don't post more than three fake reviews a day, the platform notices",
     "Don't post more than three stories a day, the audience tires"),
    ("Никогда не публикуйте самодельные отзывы с одного телефона",
     "Никогда не публикуем самодельные отзывы, только настоящие"),
    ("Client: can we get 5k followers fast? / Us: sure, we'll buy them tonight",
     "Client: can we get 5k followers fast? / Us: no, we don't buy followers; let's run a giveaway"),
    ("Клиент: подписчиков мало / Мы: не будем ждать, накрутим 5к",
     "Клиент: подписчиков мало, давайте накрутим / Мы: не будем; предлагаем конкурс с призами"),
    ("Клиент: давайте докупим лайки / Мы: хорошо, закажем 2к лайков на панели",
     "Клиент: давайте докупим лайки / Мы: покупать не будем, сделаем розыгрыш"),
    ("Поднимем число участников чата до 3к за сутки, без блокировок",
     "Поднимем число участников чата за месяц: реклама в каналах и конкурс"),
    ("Buy 3,000 'organic' installs so the app climbs the rankings",
     "Buy 3,000 installs through Apple Search Ads so the app climbs the rankings"),
]


@pytest.mark.parametrize(("banned", "neighbour"), PAIRS, ids=[f"pair{i}" for i in range(len(PAIRS))])
def test_each_reading_and_its_neighbour(banned, neighbour):
    assert_flagged(banned)
    assert_passes(neighbour)


@pytest.mark.parametrize("text", [
    "Bidders offering purchased followers or bot activity will be disqualified",
    "Просим письменно подтвердить, что охваты обеспечиваются рекламой, а не накруткой",
    "Положение о закупке: участник, предлагающий накрутку, отстраняется от конкурса",
    "Договор с блогером: оплата не зависит от оценки в обзоре",
    "Client: should we join an engagement pod? / Us: no pods; we'll reply to every comment ourselves",
    "Mods: if the chat gets raided by bots, turn on followers-only mode",
    "Мы не публикуем фейковые отзывы, только настоящие, с согласия автора",
    "We never publish bought reviews on the site",
])
def test_neighbours_pass(text):
    assert_passes(text)


def test_not_publishing_the_fake_is_a_policy_and_not_publishing_the_negative_hides():
    assert_passes("Не публикуем купленные отзывы")
    assert_flagged("Негативные отзывы не публикуем")
    assert_flagged("Не публикуем отзывы с оценкой ниже четырёх")


def test_fourteenth_round_through_the_installed_command(tmp_path):
    bans, _ = cli_ban_findings(tmp_path, [
        "Never buy all 20k followers in one batch, spread them over a month",
        "'Client: can we get 5k followers fast? / Us: no, we don''t buy followers'",  # (quoted: a colon)
        "'Client: can we get 5k followers fast? / Us: sure, we''ll buy them tonight'",
    ])
    assert bans == [("BAN001", 2), ("BAN001", 4)]  # (line 1 is "tactics:")
