"""Honesty rules on a fifteenth round of phrasings of my own (issue 14), written after the
fourteenth and fifteenth independent sets had been tuned on, and run once before any change:
11 of 13 banned phrasings caught (the misses: "Инсту раздуть до 30к", the object two words from
its number; interns who "reply from their alts", where "reply" read as a defence) and 6 of 7
neighbours passed ("Happy or not, every guest gets the same review link" read as a gate).
Besides the vocabulary, the readings this round added are checked by name: a gate told as
questions and answers across sentences (the reader's role `asked`: the words a question mark
follows; a rule may read the whole text, `span: text`), a gate that treats everyone alike, an
observation of a competitor's numbers, "before the ads launch" as a time rather than the means,
and "any method is fine"."""

from __future__ import annotations

import pytest

from smmplan.rules import honesty
from tests.test_honesty_shapes import assert_flagged, assert_passes, cli_ban_findings

BANNED = [
    # a gate as questions and answers, over sentences
    "Enjoyed your stay? Leave us a Tripadvisor review. Not satisfied? Message the manager privately.",
    "Всё понравилось? Ссылка на Яндекс Карты. Не понравилось? Напишите в личку управляющему.",
    "Liked the meal? -> Google review link. No? -> our internal form",
    # score bands of a survey
    "CSAT 4-5 goes to the Google review page, the rest to the support form",
    "Опрос после доставки: 9-10 получают ссылку на отзыв, остальные — форму в поддержку",
    # paying to make a review go away
    "One-star review on Google? Pay the author to make it disappear.",
    # a channel inflated to a number, any means
    "Pump the Discord to 5k before the sponsor call, any source is fine",
    "Инсту раздуть до 30к к маю, неважно откуда",
    # paid likes and saves, alts, scripted profiles
    "Часть охвата — проплаченные лайки и сохры, в отчёт не пишем",
    "Our interns reply from their alts as happy customers",
    "Продвинуть хештег сеткой скриптовых профилей",
    # exchange
    "Ты мне подписку — я тебе подписку, чат на 200 каналов",
    "Swap followers with three other bakeries: they follow ours, we follow theirs",
]

LEGITIMATE = [
    # a question with no gate, and a gate that treats everyone alike
    "Enjoyed your stay? Tell your friends! Questions? Our manager is on WhatsApp.",
    "Happy or not, every guest gets the same review link; unhappy ones also get a call from the manager.",
    "Довольным и недовольным — одна и та же ссылка на отзыв, а недовольным ещё звонок управляющего",
    # an observation of a competitor's numbers
    "Competitor's followers look bought: 50k and 20 likes a post, noted in the audit",
    "Отчёт: у конкурента половина подписчиков — боты по данным аудита",
    # the ads are the means
    "Buy 5 ad slots in city channels with 20k subscribers for the launch",
    # buyers, not the brand, bought
    "Покупатель купил кресло и отметил нас в сторис — репостнем с его согласия",
]


@pytest.mark.parametrize(("text", "banned"), [(t, True) for t in BANNED] + [(t, False) for t in LEGITIMATE])
def test_phrasing_is_read_as_written(text, banned):
    (assert_flagged if banned else assert_passes)(text)


def test_a_gate_needs_its_question():
    """The same words as a gate's, told as a statement with no question, are no gate: a question
    mark is what makes "happy" the branch of a gate."""
    assert_flagged("Happy? Google review. Not happy? A private feedback form.")
    assert_passes("Happy guests often post a Google review. Not happy guests use the private feedback form.")


def test_a_defence_of_an_earlier_task_of_a_list_defends_nothing_after_and():
    """A defensive word defends the words after it in its clause, but not the last task of a list
    that ", and" starts with a verb of its own; a list of what is checked stays defended."""
    assert_flagged("Respond to all DMs within 2 hours, update the highlights, and have our staff "
                   "leave 5-star reviews from their personal accounts")
    assert_passes("Check the blogger's audience: share of bots, bought likes, sudden spikes")
    assert_passes("Audit the page, remove the bots, and report the fake accounts")


def test_the_reader_role_is_no_lexicon_word():
    lex = honesty.lexicon()
    assert "asked" in lex.docs and not any(e.role == "asked" for e in lex.entries)
    assert all(r.roles[0] not in honesty.READER_ROLES for r in lex.rules)


def test_new_readings_through_the_installed_command(tmp_path):
    bans, _ = cli_ban_findings(tmp_path, [
        "'Loved it? Google review. Didn''t? Tell us privately.'",
        "Buy 5 ad slots in city channels with 20k subscribers for the launch",
    ])
    assert bans == [("BAN005", 2)]
