"""Honesty rules: the readings the sixth round added (issue 14), checked by name on phrasings of
my own, with a neighbour for each that must pass. The round was tuned on two independent
development sets (28, 29) written for it; these phrasings are not from any corpus.

- A denial's scope ends where a comma turns to "просто", "just", "but", "instead": "we buy
  nothing, just mass-follow" keeps the second task ("мы ничего не покупаем, просто ...").
- A defensive word of an earlier task does not defend a later task of the list that starts with
  its own verb ("draft the FAQ, ban spammers, top up likes with the panel"); a participle names
  what is checked ("доля ботов, накрученные просмотры") and stays defended.
- A negated passive hides rather than defends ("... so the account doesn't get flagged").
- A count topped up reads the whole text ("The page sits at 300 followers. Top it up to 5k").
- Colleagues asking where a count is got ("кто где берёт просмотры").
- A price-list line: a count beside a sum, unless the sentence speaks of ads, goals or cost
  metrics ("ТГ подписчики 1000 — 300 ₽" against "Таргет: цена подписчика 22 ₽").
- Auto-likes sold for one's own posts or by subscription are bought engagement (BAN002); an
  auto-liker run on others' posts is exchange and automation (BAN006).
- Observations of others' numbers ("prob bought", "явно накручены") are masks, not tactics; a
  confession in the passive ("were purchased in March") stays a tactic.
- Adding a number to a page ("add 4k followers"), unless the sentence speaks of a newsletter, a
  work chat or ads; reviews by people who never tried the product, across "even though".

Written after the tuning they check; a known gap is kept as a strict expected failure."""

from __future__ import annotations

import pytest

from tests.test_honesty_shapes import assert_flagged, assert_passes, cli_ban_findings
from smmplan.rules import honesty

PAIRS = [
    # (banned, its neighbour)
    ("Мы ничего не покупаем у сервисов, просто массово лайкаем чужие посты по хештегам",
     "Мы ничего не покупаем у сервисов и ничего не накручиваем, только контент и таргет"),
    ("Weekly: draft the FAQ post, ban spammers, top up likes on the pinned post with the panel",
     "Weekly: draft the FAQ post, ban spammers, check the likes on the pinned post for bots"),
    ("Order 3k followers in small batches so the account doesn't get flagged",
     "Report the 3k fake followers in small batches so they get flagged and removed"),
    ("The page sits at 300 followers. Top it up to 5k before the pitch.",
     "The page sits at 300 followers. Top up the ad budget before the pitch."),
    ("кто где берёт просмотры на рилсы подешевле?",
     "кто где берёт идеи для рилсов, чтобы набирали просмотры?"),
    ("ТГ подписчики 1000 — 300 ₽, без списаний",
     "Таргет в ТГ: потрачено 30 000 ₽, +1 300 подписчиков, цена подписчика 23 ₽"),
    ("Ольга из отзыва на лендинге — её придумали мы, фото со стока",
     "Ольга из отзыва на лендинге — реальная клиентка, фото с её согласия"),
    ("Reward 300 coins for a 5-star rating in the store",
     "Reward 300 coins for finishing the tutorial, rating prompt shown to everyone later"),
    ("Can you add 4k followers to the page before the pitch?",
     "Add 200 subscribers from the webinar list to the newsletter"),
    ("Ask our friends to review the bakery on Google, even though they never tried the bread",
     "Ask our friends who tried the bread to review the bakery on Google, honestly"),
]


@pytest.mark.xfail(strict=True, reason="known gap: an observation whose hedge ('по нашей оценке') stands after "
                   "the counted noun and the participle is read as a tactic")
def test_an_observation_hedged_after_its_words():
    assert_passes("У конкурента около половины подписчиков накручены, по нашей оценке; в отчёт")


@pytest.mark.parametrize(("banned", "neighbour"), PAIRS, ids=[f"pair{i}" for i in range(len(PAIRS))])
def test_each_reading_and_its_neighbour(banned, neighbour):
    assert_flagged(banned)
    assert_passes(neighbour)


def code_of(text: str) -> set[str]:
    codes = {c.id: c.code for c in honesty.lexicon().categories.values()}
    return {codes[h.category] for h in honesty.detect(text)}


def test_auto_likes_for_own_posts_are_bought_and_an_auto_liker_on_others_is_automation():
    assert code_of("Автолайки на каждый новый пост, тариф на месяц") == {"BAN002"}
    assert code_of("auto-likes subscription: 200 likes per post, $19/mo") == {"BAN002"}
    assert code_of("Run an auto-liker on #weddingdress posts, 500 likes a day") == {"BAN006"}


@pytest.mark.parametrize("text", [
    # plan texts of the repository's own fixtures that the rules flagged (found by running them over
    # every plan text in the repository): prices of a product beside members, votes or saves
    "Join our members-only challenge. Non-members can join for $39 and get the full plan.",
    "Drop it in the comments, let's keep each other accountable.",
    "Приходите на дегустацию в субботу: три варианта, 350 ₽ за сет, голосуем на месте.",
    "Pricing update: Team plan now $12/seat. Annual billing saves 20%.",
])
def test_everyday_plan_texts_pass(text):
    assert_passes(text)


def test_an_observation_is_no_tactic_but_a_confession_is():
    assert_passes("Competitor's reels: 1M views and 30 comments, prob bought")
    assert_passes("У конкурента просмотры явно накручены, в отчёт приложим график")
    assert_flagged("Monthly report: 2,000 followers were purchased in March to hit the KPI")


def test_sixth_round_through_the_installed_command(tmp_path):
    bans, _ = cli_ban_findings(tmp_path, [
        "кто где берёт подписчиков в ТГ подешевле?",
        "Таргет на подписку в ТГ, цена подписчика до 40 ₽",
    ])
    assert bans == [("BAN001", 2)]  # (line 1 is "tactics:")
