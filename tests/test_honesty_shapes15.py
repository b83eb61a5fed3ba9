"""Honesty rules: the readings the fifteenth round added (issue 14), checked by name on phrasings of
my own, with a neighbour for each that must go the other way. The round was tuned on the fourteenth
round's last held-out sets (67-70, after they were scored) and the false alarms left in every other
set; these phrasings are not from any corpus.

- A negation reaches over an opening quotation mark: "no 'views packages'", "без «живых подписчиков»".
- A clean-up said after what it cleans clears it even past the commas of its clause (the role
  `dealt_with`): a passive predicate ("Фейковые аккаунты, ..., отправлены в жалобу", "were
  documented and reported") or a verb with a pronoun for what was found ("..., removing them").
- Others' bots: spam, crypto and scam bots; someone spamming the comments.
- Context that is no reward or no tactic: "под розыгрышем" is a place, billing per view
  ("оплата за просмотр") is advertising, a paid integration that "была платная" is disclosed.
- Statements of policy: "must never", "a hard no", breaking a platform's rules, fear of inflation
  ("боюсь накруток"), leaving a pod or a chat.
- Complaints kept and answered are no suppression; thanks as the gate of a review request is.
- Entries that read a contraction beside its long form in one slot never matched the contraction
  ("don't|do not sell" never read "don't sell"): split, and the slot test tells that shape.

Written after the tuning they check."""

from __future__ import annotations

import pytest

from tests.test_honesty_shapes import assert_flagged, assert_passes, cli_ban_findings

PAIRS = [
    # (banned, its neighbour)
    ("Add a 'views package' to every reel so the numbers look healthy",
     "Paid boosts only, no 'views packages' from anyone"),
    ("Закажем «живых подписчиков» для нового канала, тысячи три",
     "Растём без «живых подписчиков» с бирж: только посевы и контент"),
    ("Bot followers from the usual vendor, 2k, before the pitch",
     "A wave of bot followers hit the page after the contest, we are removing them"),
    ("Боты в комментариях под каждым постом клиента, пусть создают движуху",
     "Боты, которые спамили в комментариях под постами клиента, заблокированы"),
    ("Our bot comments go under every competitor post at 9am",
     "Crypto bots keep flooding our comments, block them as they come"),
    ("Подарок за отзыв на пять звёзд: маска для волос",
     "Удалили спам-комментарии под розыгрышем, победителя выбрали случайно"),
    ("Накрутим 100к просмотров на ролик за 2 тысячи",
     "Кампания в VK Рекламе, оплата за просмотр, цель 100к просмотров"),
    ("Hide the complaints about the wait under the clinic's post",
     "Hide the spam, keep the complaints and answer them within a day"),
    ("Просим отзыв только у тех, кто написал спасибо в директ",
     "Просим отзыв у всех, кто был на приёме, и у тех, кто написал спасибо, и у недовольных"),
    ("Buy 2k likes on the announcement post from a panel",
     "Buying likes is a hard no for this account"),
    ("Run the engagement pod for the florist's posts every morning",
     "Engagement pods break Instagram's rules, so we quit the pod last month"),
    ("Хочу конкурс с голосованием лайками, докупим лайков своему участнику",
     "Хочу конкурс с голосованием лайками, но боюсь накруток со стороны участников"),
]


@pytest.mark.parametrize(("banned", "neighbour"), PAIRS, ids=[f"pair{i}" for i in range(len(PAIRS))])
def test_each_reading_and_its_neighbour(banned, neighbour):
    assert_flagged(banned)
    assert_passes(neighbour)


@pytest.mark.parametrize("text", [
    "Staff must never post reviews of the salon pretending to be clients",
    "We're not doing that: no bought subscribers for the new channel",
    "We don't sell followers, we sell ad slots",
    "Интеграция с блогером была платная, пометка «Реклама» и erid стоят",
    "Фейковые страницы, копирующие наш магазин, отправлены в жалобу",
    "The sock puppet accounts attacking the brand were documented for the platform",
    "Вышли из всех чатов активности, охваты упали, зато аудитория живая",
])
def test_neighbours_pass(text):
    assert_passes(text)


def test_fifteenth_round_through_the_installed_command(tmp_path):
    bans, _ = cli_ban_findings(tmp_path, [
        "Paid boosts only, no 'views packages' from anyone",
        "Add a 'views package' to every reel so the numbers look healthy",
        "A wave of bot followers hit the page after the contest, we are removing them",
    ])
    assert bans == [("BAN002", 3)]  # (line 1 is "tactics:")
