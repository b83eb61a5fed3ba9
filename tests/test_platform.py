"""PLT: networks, their aliases and limits, posting slots, and `smmplan channels`."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from smmplan import networks
from smmplan.config import Settings
from smmplan.suggest import make_calendar
from tests.conftest import check_text, codes, run_cli


def plt(result) -> list:
    return [f for f in result.findings if f.code.startswith("PLT")]


def plan(posts: str, head: str = "") -> str:
    return f"brand: Test\n{head}posts:\n{posts}"


# --- the data file ------------------------------------------------------------------


def test_every_network_of_the_issue_is_known_with_russian_aliases():
    cat = networks.catalogue()
    assert set(cat.networks) >= {"instagram", "facebook", "vk", "telegram", "ok", "dzen", "tiktok", "youtube",
                                 "x", "threads", "linkedin", "pinterest"}
    for word, key in {"ВК": "vk", "ВКонтакте": "vk", "В Контакте": "vk", "тг": "telegram", "Телеграм": "telegram",
                      "инста": "instagram", "Одноклассники": "ok", "Дзен": "dzen", "Яндекс Дзен": "dzen",
                      "twitter": "x", "Ютуб": "youtube"}.items():
        assert networks.canonical(word) == key, word


def test_no_alias_names_two_networks():
    seen: dict[str, str] = {}
    for key, net in networks.catalogue().networks.items():
        for word in (key, net.name, *net.aliases):
            folded = networks.normalise(word)
            assert seen.setdefault(folded, key) == key, f"`{word}` names {seen[folded]} and {key}"


def test_every_limit_cites_a_source_and_a_date_and_unsourced_limits_are_absent():
    for key, net in networks.catalogue().networks.items():
        limits = [f for f in ("text", "caption", "title", "hashtags", "posts_per_day") if getattr(net, f) is not None]
        if limits:
            assert net.sources, f"{key} has limits {limits} and no source"
        dt.date.fromisoformat(net.checked)
        for missing in net.unsourced:
            assert getattr(net, missing) is None, f"{key}.{missing} is marked unsourced but set"
        assert set(net.kinds) <= set(networks.catalogue().kind_order)


@pytest.mark.parametrize("word, kind", [("фото", "image"), ("Карусель", "carousel"), ("сторис", "story"),
                                        ("Reels", "reel"), ("shorts", "reel"), ("видео", "video"), ("gif", None)])
def test_post_kinds_read_in_both_languages(word, kind):
    assert networks.canonical_kind(word) == kind


# --- channels -------------------------------------------------------------------------


def test_a_post_on_a_channel_the_plan_does_not_list_is_an_error_with_did_you_mean():
    result = check_text(plan("  - {date: 2026-12-01, channel: instagarm, type: engaging, title: Poll}\n",
                             "channels: [vk, instagram]\n"))
    assert codes(result, "PLT") == [("PLT001", 4, 33)]
    assert "Did you mean `instagram`?" in plt(result)[-1].message


def test_aliases_of_listed_channels_are_the_same_channel():
    result = check_text(plan("  - {date: 2026-12-01, channel: ВК, type: engaging, title: Poll}\n"
                             "  - {date: 2026-12-02, channel: Телеграм, type: engaging, title: Quiz}\n",
                             "channels: [vk, tg]\n"))
    assert codes(result, "PLT") == []


def test_back_to_back_ads_see_vk_and_its_aliases_as_one_channel():
    result = check_text(plan("  - {date: 2026-12-01, channel: ВК, type: ad, title: Sale}\n"
                             "  - {date: 2026-12-02, channel: vk, type: ad, title: New menu}\n"
                             "  - {date: 2026-12-03, channel: вконтакте, type: ad, title: Gift cards}\n"))
    assert [c for c, *_ in codes(result, "MIX003")] == ["MIX003", "MIX003"]


def test_a_misspelt_network_without_a_channel_list_is_a_warning_once():
    result = check_text(plan("  - {date: 2026-12-01, channel: telegarm, type: engaging, title: Poll}\n"
                             "  - {date: 2026-12-02, channel: telegarm, type: engaging, title: Quiz}\n"
                             "  - {date: 2026-12-03, channel: blog, type: engaging, title: Essay}\n"))
    assert codes(result, "PLT") == [("PLT002", 3, 33)]
    assert "`telegram`" in plt(result)[-1].message


def test_a_misspelt_network_in_the_channel_list_is_a_warning():
    result = check_text(plan("  - {date: 2026-12-01, channel: vk, type: engaging, title: Poll}\n",
                             "channels: [vk, instagarm, newsletter]\n"))
    assert codes(result, "PLT") == [("PLT002", 2, 16)]


# --- limits -----------------------------------------------------------------------------


def test_text_over_the_network_limit_is_an_error():
    result = check_text(plan(f"  - {{date: 2026-12-01, channel: x, type: engaging, title: T, text: {'a' * 281}}}\n"))
    assert codes(result, "PLT") == [("PLT003", 3, 68)]
    assert "281 characters; X (Twitter) takes at most 280" in plt(result)[-1].message


def test_telegram_caption_under_media_has_its_own_limit():
    long = "a" * 1500
    with_media = check_text(plan(f"  - {{date: 2026-12-01, channel: tg, media: photo, type: engaging, title: T, "
                                 f"text: {long}}}\n"))
    text_only = check_text(plan(f"  - {{date: 2026-12-01, channel: tg, type: engaging, title: T, text: {long}}}\n"))
    assert [c for c, *_ in codes(with_media, "PLT")] == ["PLT004"]
    assert "1,500 characters; Telegram takes at most 1,024 under image posts" in plt(with_media)[-1].message
    assert codes(text_only, "PLT") == []


def test_hashtags_over_the_limit_name_the_ones_to_drop():
    result = check_text(plan("  - {date: 2026-12-01, channel: instagram, media: image, type: engaging, title: T, "
                             "text: 'Winter #coffee #latte #cozy #morning #city #sale #menu'}\n"))
    assert [c for c, *_ in codes(result, "PLT")] == ["PLT005"]
    assert "7 hashtags; Instagram takes at most 5" in plt(result)[-1].message
    assert "#sale, #menu" in plt(result)[-1].fix


def test_a_url_in_an_instagram_caption_is_an_info_but_a_link_key_is_not():
    in_text = check_text(plan("  - {date: 2026-12-01, channel: instagram, media: image, type: advertising, "
                              "title: Sale, text: 'Order at https://shop.example/sale'}\n"))
    as_key = check_text(plan("  - {date: 2026-12-01, channel: instagram, media: image, type: advertising, "
                             "title: Sale, link: 'https://shop.example/sale'}\n"))
    assert [(f.code, f.severity) for f in in_text.findings if f.code.startswith("PLT")] == [("PLT006", "info")]
    assert "link in bio" in plt(in_text)[-1].fix
    assert codes(as_key, "PLT") == []


def test_a_post_kind_the_network_lacks_and_an_unknown_kind():
    result = check_text(plan("  - {date: 2026-12-01, channel: telegram, media: reels, type: engaging, title: A}\n"
                             "  - {date: 2026-12-02, channel: vk, media: hologram, type: engaging, title: B}\n"))
    found = [(f.code, f.line, f.message) for f in result.findings if f.code.startswith("PLT")]
    assert [(c, line) for c, line, _ in found] == [("PLT007", 3), ("PLT007", 4)]
    assert "Telegram has no reel posts" in found[0][2]
    assert "`media: hologram` is no post kind" in found[1][2]


def test_a_youtube_title_over_100_characters():
    result = check_text(plan(f"  - {{date: 2026-12-01, channel: youtube, media: video, type: educational, "
                             f"title: {'t' * 101}}}\n"))
    assert [c for c, *_ in codes(result, "PLT")] == ["PLT010"]


def test_more_than_fifty_posts_a_day_on_vk():
    posts = "".join(f"  - {{date: 2026-12-01, channel: vk, type: engaging, title: Post {i}}}\n" for i in range(52))
    result = check_text(plan(posts))
    assert codes(result, "PLT") == [("PLT011", 53, 12)]


def test_near_repeats_on_one_channel_within_the_window_but_exact_repeats_are_mix004():
    posts = ("  - {date: 2026-12-01, channel: vk, type: engaging, title: A, text: 'Big sale today! #sale'}\n"
             "  - {date: 2026-12-05, channel: ВК, type: engaging, title: B, text: 'big sale today 🎉 #winter'}\n"
             "  - {date: 2026-12-06, channel: tg, type: engaging, title: C, text: 'Big sale today! #sale'}\n"
             "  - {date: 2026-12-30, channel: vk, type: engaging, title: D, text: 'Big sale, today!'}\n")
    result = check_text(plan(posts))
    assert codes(result, "PLT") == [("PLT008", 4, 69)]
    assert [c for c, *_ in codes(result, "MIX004")] == ["MIX004"]  # the exact repeat on telegram


def test_repeat_window_comes_from_the_config():
    posts = ("  - {date: 2026-12-01, channel: vk, type: engaging, title: A, text: 'Big sale today! #sale'}\n"
             "  - {date: 2026-12-30, channel: vk, type: engaging, title: B, text: 'big sale today #winter'}\n")
    assert codes(check_text(plan(posts)), "PLT") == []
    assert [c for c, *_ in codes(check_text(plan(posts), Settings(repeat_days=30)), "PLT")] == ["PLT008"]


def test_cancelled_posts_are_not_held_to_platform_rules():
    result = check_text(plan(f"  - {{date: 2026-12-01, channel: x, type: engaging, title: T, status: cancelled, "
                             f"text: {'a' * 300}}}\n"))
    assert codes(result, "PLT") == []


# --- slots ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, days, start, end", [
    ("Tue–Fri 10:00–12:00", {1, 2, 3, 4}, "10:00", "12:00"),
    ("вт-пт 10-12", {1, 2, 3, 4}, "10:00", "12:00"),
    ("daily 18:30-20:00", set(range(7)), "18:30", "20:00"),
    ("weekends 11.00 - 13.00", {5, 6}, "11:00", "13:00"),
    ("Mon,Wed,Fri 9:00-10:00", {0, 2, 4}, "09:00", "10:00"),
    ("будни 9-18", set(range(5)), "09:00", "18:00"),
    ("сб-пн 12:00-14:00", {5, 6, 0}, "12:00", "14:00"),
    ("19:00-21:00", set(range(7)), "19:00", "21:00"),
])
def test_slots_are_read_in_both_languages(text, days, start, end):
    slot = networks.parse_slot(text)
    assert slot.days == frozenset(days)
    assert (f"{slot.start:%H:%M}", f"{slot.end:%H:%M}") == (start, end)


@pytest.mark.parametrize("text", ["Tuesday at ten", "Tue 12:00-10:00", "Funday 10-12", "Mon 25:00-26:00", ""])
def test_unreadable_slots_say_what_to_write(text):
    with pytest.raises(networks.SlotError, match="`"):
        networks.parse_slot(text)


def test_a_post_outside_its_slots_is_an_info_at_its_time():
    result = check_text(plan("  - {date: 2026-12-01, time: '10:30', channel: ВК, type: engaging, title: In}\n"
                             "  - {date: 2026-12-02, time: '19:00', channel: vk, type: engaging, title: Late}\n"
                             "  - {date: 2026-12-06, time: '11:00', channel: vk, type: engaging, title: Sunday}\n",
                             "slots:\n  vk: Tue–Fri 10:00–12:00\n"))
    assert codes(result, "PLT") == [("PLT009", 6, 30), ("PLT009", 7, 30)]
    assert "Wed 02 Dec at 19:00 is outside the slots of vk: Tue–Fri 10:00–12:00" in plt(result)[0].message


def test_a_bad_slot_in_the_plan_is_an_error_where_it_is_written():
    result = check_text(plan("  - {date: 2026-12-01, channel: vk, type: engaging, title: Poll}\n",
                             "channels: [vk]\nslots:\n  vk: Tuesday at ten\n  tg: daily 10-12\n"))
    assert [(c, line) for c, line, _ in codes(result, "PLT")] == [("PLT012", 4), ("PLT012", 5)]


def test_config_slots_through_the_installed_command(tmp_path):
    (tmp_path / ".smmplan.yaml").write_text("slots:\n  telegram: [Mon–Fri 09:00–10:00]\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text(plan("  - {date: 2026-12-05, time: '09:30', channel: тг, type: engaging, "
                                          "title: Saturday}\n"), encoding="utf-8")
    run = run_cli("check", "p.yaml", "--select", "PLT", "--format", "json", cwd=tmp_path)
    found = [(f["code"], f["line"]) for f in json.loads(run.stdout)["findings"]]
    assert found == [("PLT009", 3)]
    (tmp_path / ".smmplan.yaml").write_text("slots:\n  telegram: sometimes\n", encoding="utf-8")
    bad = run_cli("check", "p.yaml", cwd=tmp_path)
    assert bad.returncode == 2 and "slots" in bad.stderr.decode() and "Tue–Fri 10:00–12:00" in bad.stderr.decode()


def test_suggest_puts_new_posts_inside_their_channels_slots():
    settings = Settings(slots={"vk": networks.parse_slots("Tue–Thu 10:00–12:00"),
                               "telegram": networks.parse_slots("daily 18:00–20:00")})
    made = make_calendar(weeks=2, per_week=6, start=dt.date(2027, 1, 4), channels=["vk", "telegram"],
                         settings=settings)
    slots = networks.merged_slots(settings)
    weeks_before = sorted((p.date - dt.date(2027, 1, 4)).days // 7 for p in made.calendar.posts)
    assert weeks_before == [0] * 6 + [1] * 6  # moved within its week, never out of it
    for p in made.calendar.posts:
        h, m = map(int, p.time.split(":"))
        assert networks.in_slots(slots[networks.channel_key(p.channel)], p.date, dt.time(h, m)), p


def test_suggest_continues_a_plan_inside_its_own_slots_through_the_cli(tmp_path):
    src = tmp_path / "p.yaml"
    src.write_text("brand: Slots\nchannels: [vk]\nslots:\n  ВК: Tue–Fri 10:00–12:00\nposts:\n"
                   "  - {date: 2026-12-07, time: '11:00', channel: vk, type: engaging, title: Poll}\n",
                   encoding="utf-8")
    run = run_cli("suggest", str(src), "--weeks", "1", "--posts-per-week", "4", "-o", str(tmp_path / "next.yaml"))
    assert run.returncode == 0, run.stderr
    checked = run_cli("check", str(tmp_path / "next.yaml"), "--select", "PLT", "--format", "json")
    assert json.loads(checked.stdout)["findings"] == []
    assert "slots:" in (tmp_path / "next.yaml").read_text(encoding="utf-8")


# --- `smmplan channels` -------------------------------------------------------------------


def test_channels_lists_networks_aliases_and_limits():
    run = run_cli("channels")
    assert run.returncode == 0, run.stderr
    out = run.stdout.decode()
    for word in ("telegram", "тг", "text 4,096", "caption 1,024", "одноклассники", "dzen", "links not clickable"):
        assert word in out, word


@pytest.mark.parametrize("width", [60, 80, 120])
def test_channels_table_fits_the_width_without_cutting_words(width):
    from io import StringIO

    from smmplan.channels import print_table

    out = StringIO()
    print_table("never", out, width)
    lines = out.getvalue().splitlines()
    assert max(len(line.rstrip()) for line in lines) <= width
    assert "…" not in out.getvalue()
    assert "одноклассники" in out.getvalue()


def test_channels_json_carries_sources_and_dates():
    data = json.loads(run_cli("channels", "--format", "json").stdout)
    assert data["telegram"]["limits"] == {"text": 4096, "caption": 1024}
    assert data["instagram"]["links_clickable"] is False
    assert "text" in data["vk"]["unsourced"] and "text" not in data["vk"]["limits"]
    assert all(d["checked"] for d in data.values())
    assert all(d["sources"] for d in data.values() if d["limits"])


def test_schema_knows_media_and_slots():
    schema = json.loads(run_cli("schema").stdout)
    text = json.dumps(schema)
    assert '"media"' in text and '"slots"' in text


# --- the fast path against the plain reference ----------------------------------------------

from hypothesis import given, settings as hsettings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@hsettings(max_examples=300, deadline=None)
@given(title=st.lists(st.sampled_from(list("ab #:/.wW") + ["http", "www.", "WWW.", "#tag", "://"]),
                     max_size=60).map("".join),
       network=st.sampled_from(sorted(networks.catalogue().networks)))
def test_title_only_posts_skipped_by_the_fast_path_have_no_findings(title, network):
    """check() calls _limits for a post without text only when _title_limited says it could fire."""
    from types import SimpleNamespace

    from smmplan.rules.platform import _limits, _title_limited

    net = networks.catalogue().networks[network]
    post = SimpleNamespace(title=title, text=None, link=None)
    if not _title_limited(title, net):
        assert list(_limits(post, net, None, 0)) == []
