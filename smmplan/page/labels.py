"""Every word the page writes itself, in English and Russian, in one place.

The page speaks the plan's language (`language: en|ru`, else English). Words
from the plan (titles, channels, types as written) are shown as written. When
the project moves to gettext catalogues, these dictionaries are the strings to
extract: keys are stable names, values the text. Placeholders use
``str.format`` names.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "ru")

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "page_title": "Content plan: {brand}",
        "page_title_plain": "Content plan",
        "skip": "Skip to the calendar",
        "brand": "Brand",
        "period": "Period",
        "formula": "Formula",
        "tolerance": "± {pp} pp",
        "per_week": "week", "per_month": "month", "per_quarter": "quarter", "per_year": "year", "per_days": "{n} d",
        "client": "Client",
        "approver": "Approver",
        "made": "Made",
        "as_of": "Figures as of",
        "not_given": "not given",
        "posts_count": "{n} posts",
        "posts_one": "1 post",
        "contents": "On this page",
        "summary": "At a glance",
        "calendar": "Calendar",
        "calendar_note": "Each post is a card: time, channel, title, type and status. On a phone the calendar reads as a list.",
        "week": "Week",
        "week_of": "Week of {date}",
        "no_posts": "No posts in this plan yet.",
        "mix": "Content mix",
        "mix_note": "Actual share of each type against the formula's target; the shaded band is what the tolerance allows.",
        "mix_whole": "Whole plan",
        "mix_weekly": "Week by week",
        "mix_weekly_note": "Each bar is one week's posts by type; the top bar is the formula's target.",
        "mix_weekly_off": "✕ marks a week whose mix is off the formula.",
        "target": "Target",
        "actual": "Actual",
        "allowed": "Allowed",
        "posts": "Posts",
        "status": "Status",
        "ok": "on target",
        "off": "off target",
        "type": "Type",
        "mix_table": "The mix as a table",
        "mix_none": "The plan has no formula the mix can be measured against.",
        "kpis": "Goals and KPIs",
        "kpis_note": "{done} of the plan's period has passed.",
        "goal": "Goal",
        "metric": "Metric",
        "progress": "Done",
        "expected": "Expected by now",
        "source": "Source",
        "kpis_none": "The plan names no goals with KPIs.",
        "kpi_ahead": "ahead",
        "kpi_on track": "on track",
        "kpi_behind": "behind",
        "kpi_unknown": "no figure yet",
        "waiting": "Waiting for approval",
        "waiting_who": "{n} posts wait for {who}.",
        "waiting_who_one": "1 post waits for {who}.",
        "waiting_client": "the client",
        "waiting_none": "Nothing is waiting for approval.",
        "date": "Date",
        "channel": "Channel",
        "title": "Title",
        "problems": "What needs attention",
        "problems_none": "No problems found: the plan passes every check.",
        "problems_count": "{errors} to fix, {warnings} to look at, {infos} notes.",
        "problems_unreadable": "The plan file could not be read in full; fix it and make the page again.",
        "fix": "What to do",
        "post_ref": "Post of {date}",
        "the_plan": "the plan",
        "legend": "Legend",
        "legend_types": "Post types",
        "legend_statuses": "Statuses",
        "legend_rubrics": "Rubrics",
        "legend_note": "Colour is a help, never the only cue: every card names its type and status in words.",
        "unknown_type": "type not in the formula",
        "rubric": "Rubric",
        "link": "link",
        "live_post": "live post",
        "footer": "Made with smmplan {version} from {file}. Works offline; nothing is loaded from the network.",
        "severity_error": "to fix",
        "severity_warning": "to look at",
        "severity_info": "note",
        "family_PLAN": "Plan file",
        "family_MIX": "Content mix",
        "family_BAN": "Honesty",
        "family_KPI": "Goals and KPIs",
        "family_FLOW": "Client workflow",
        "family_PLT": "Platforms",
        "family_RUB": "Rubrics",
        "family_SMM": "smmplan",
        "family_other": "Other",
        "status_idea": "idea",
        "status_draft": "draft",
        "status_review": "awaiting approval",
        "status_approved": "approved",
        "status_scheduled": "scheduled",
        "status_published": "published",
        "status_cancelled": "cancelled",
        "status_unknown": "status unclear",
        "more_in_month": "{n} more posts this month",
    },
    "ru": {
        "page_title": "Контент-план: {brand}",
        "page_title_plain": "Контент-план",
        "skip": "К календарю",
        "brand": "Бренд",
        "period": "Период",
        "formula": "Формула",
        "tolerance": "± {pp} п. п.",
        "per_week": "неделю", "per_month": "месяц", "per_quarter": "квартал", "per_year": "год", "per_days": "{n} дн.",
        "client": "Клиент",
        "approver": "Согласует",
        "made": "Сделано",
        "as_of": "Данные на",
        "not_given": "не указано",
        "posts_count": "постов: {n}",
        "posts_one": "1 пост",
        "contents": "На этой странице",
        "summary": "Коротко",
        "calendar": "Календарь",
        "calendar_note": "Каждый пост — карточка: время, канал, заголовок, тип и статус. На телефоне календарь читается списком.",
        "week": "Неделя",
        "week_of": "Неделя с {date}",
        "no_posts": "В плане пока нет постов.",
        "mix": "Контент-микс",
        "mix_note": "Фактическая доля каждого типа против цели формулы; закрашенная полоса — допуск.",
        "mix_whole": "Весь план",
        "mix_weekly": "По неделям",
        "mix_weekly_note": "Каждая полоса — посты одной недели по типам; верхняя полоса — цель формулы.",
        "mix_weekly_off": "✕ — неделя, где микс вне нормы формулы.",
        "target": "Цель",
        "actual": "Факт",
        "allowed": "Допустимо",
        "posts": "Постов",
        "status": "Статус",
        "ok": "в норме",
        "off": "вне нормы",
        "type": "Тип",
        "mix_table": "Микс таблицей",
        "mix_none": "У плана нет формулы, с которой можно сравнить микс.",
        "kpis": "Цели и KPI",
        "kpis_note": "Прошло {done} периода плана.",
        "goal": "Цель",
        "metric": "Показатель",
        "progress": "Выполнено",
        "expected": "Ожидалось к этому дню",
        "source": "Источник",
        "kpis_none": "В плане нет целей с KPI.",
        "kpi_ahead": "с опережением",
        "kpi_on track": "по плану",
        "kpi_behind": "отстаёт",
        "kpi_unknown": "цифры пока нет",
        "waiting": "Ждут согласования",
        "waiting_who": "Постов ждут согласования ({who}): {n}.",
        "waiting_who_one": "1 пост ждёт согласования ({who}).",
        "waiting_client": "клиент",
        "waiting_none": "Согласования ничего не ждёт.",
        "date": "Дата",
        "channel": "Канал",
        "title": "Заголовок",
        "problems": "Что требует внимания",
        "problems_none": "Проблем нет: план проходит все проверки.",
        "problems_count": "Исправить: {errors}, проверить: {warnings}, заметок: {infos}.",
        "problems_unreadable": "Файл плана не удалось прочитать целиком; исправьте его и сделайте страницу снова.",
        "fix": "Что сделать",
        "post_ref": "Пост от {date}",
        "the_plan": "план",
        "legend": "Условные обозначения",
        "legend_types": "Типы постов",
        "legend_statuses": "Статусы",
        "legend_rubrics": "Рубрики",
        "legend_note": "Цвет — подсказка, а не единственный признак: на каждой карточке тип и статус написаны словами.",
        "unknown_type": "тип не из формулы",
        "rubric": "Рубрика",
        "link": "ссылка",
        "live_post": "пост",
        "footer": "Сделано smmplan {version} из {file}. Работает без сети: ничего не загружается из интернета.",
        "severity_error": "исправить",
        "severity_warning": "проверить",
        "severity_info": "заметка",
        "family_PLAN": "Файл плана",
        "family_MIX": "Контент-микс",
        "family_BAN": "Честность",
        "family_KPI": "Цели и KPI",
        "family_FLOW": "Работа с клиентом",
        "family_PLT": "Площадки",
        "family_RUB": "Рубрики",
        "family_SMM": "smmplan",
        "family_other": "Другое",
        "status_idea": "идея",
        "status_draft": "черновик",
        "status_review": "на согласовании",
        "status_approved": "согласовано",
        "status_scheduled": "запланировано",
        "status_published": "опубликовано",
        "status_cancelled": "отменено",
        "status_unknown": "статус неясен",
        "more_in_month": "ещё постов в этом месяце: {n}",
    },
}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "ru": ("Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь",
           "Ноябрь", "Декабрь"),
}
# "1 December", "1 декабря": the month as a day's date says it
MONTHS_OF = {
    "en": MONTHS["en"],
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
}
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ru": ("Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"),
}
WEEKDAYS_SHORT = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "ru": ("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"),
}

# The formula categories of the presets, in each language; a custom category is shown as written.
CATEGORIES = {
    "en": {"engaging": "engaging", "user_generated": "user-generated", "educational": "educational",
           "advertising": "advertising", "promotional": "promotional", "value": "value", "curated": "curated",
           "original": "original", "personal": "personal"},
    "ru": {"engaging": "вовлекающий", "user_generated": "пользовательский", "educational": "обучающий",
           "advertising": "рекламный", "promotional": "продающий", "value": "полезный", "curated": "подборки",
           "original": "авторский", "personal": "личный"},
}

# Goal kinds (smmplan/data/kpi_metrics.yaml); another kind is shown as written.
GOALS = {
    "en": {"traffic": "traffic", "awareness": "awareness", "loyalty": "loyalty", "support": "support"},
    "ru": {"traffic": "трафик", "awareness": "узнаваемость", "loyalty": "лояльность", "support": "поддержка"},
}


def language_of(value: str | None) -> str:
    """The page's language for a plan's `language:` value (en when absent or unknown)."""
    word = (value or "").strip().lower()
    for lang in LANGUAGES:
        if word == lang or word.startswith(lang + "-") or word.startswith(lang + "_"):
            return lang
    return {"russian": "ru", "русский": "ru"}.get(word, "en")


class Words:
    """The page's words in one language: ``w("key", n=3)``, ``w.month(12)``..."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LABELS else "en"
        self.labels = LABELS[self.lang]

    def __call__(self, key: str, **values: object) -> str:
        text = self.labels.get(key)
        if text is None:
            text = LABELS["en"][key]
        return text.format(**values) if values else text

    def month(self, month: int) -> str:
        return MONTHS[self.lang][month - 1]

    def day(self, date) -> str:
        """`1 December 2026`, `1 декабря 2026`."""
        return f"{date.day} {MONTHS_OF[self.lang][date.month - 1]} {date.year}"

    def day_short(self, date) -> str:
        """`Mon 1 Dec`: a card list's day heading."""
        month = MONTHS_OF[self.lang][date.month - 1]
        return f"{WEEKDAYS_SHORT[self.lang][date.weekday()]}, {date.day} {month[:3] if self.lang == 'en' else month}"

    def weekdays(self) -> tuple[str, ...]:
        return WEEKDAYS[self.lang]

    def weekdays_short(self) -> tuple[str, ...]:
        return WEEKDAYS_SHORT[self.lang]

    def category(self, name: str) -> str:
        return CATEGORIES[self.lang].get(name, name.replace("_", " "))

    def goal(self, kind: str) -> str:
        return GOALS[self.lang].get(kind, kind.replace("_", " "))

    def quantity(self, text: str) -> str:
        """A figure as smmplan's KPI rules write it (`1,200`, `2 h`, `30 min`, `1.5`), in this language."""
        if self.lang != "ru":
            return text
        text = re.sub(r"(?<=\d),(?=\d{3})", "\u202f", text).replace(".", ",")
        return re.sub(r" (h|min)$", lambda m: " " + {"h": "ч", "min": "мин"}[m[1]], text)

    def count(self, n: int) -> str:
        return self("posts_one") if n == 1 else self("posts_count", n=n)
