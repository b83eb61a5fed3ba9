"""Writes the spreadsheet fixtures in this folder (run by hand: python tests/data/sheets/make_fixtures.py).

The sheets are made for smmplan, in the shape of content calendars published
as templates in public repositories and blogs (the column sets are the ones
issue 17 quotes): a title row above the header, multi-line quoted captions,
several platforms in one cell, blank dates of ideas not yet planned, Russian
plans saved by Excel as cp1251 with `;`, and by Google Sheets as UTF-8 with a
byte-order mark. XLSX needs XlsxWriter and ODS needs odfpy (neither is needed
to run the tests, which read the committed files).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HERE = Path(__file__).resolve().parent

CAFE_HEADER = ["Date", "Platform", "Content Type", "Topic", "Caption Idea", "Target Audience", "Goal", "Status"]
CAFE = [
    ["12/07/2026", "Instagram", "Educational", "How we roast our winter blend",
     "Three things happen in the roaster:\n1. drying\n2. browning\n3. first crack", "Coffee lovers 25-40",
     "Awareness", "Approved"],
    ["12/08/2026", "Instagram, Facebook", "Engagement", "Poll: oat or almond milk?", "Vote in stories, results Friday",
     "Regulars", "Engagement", "Scheduled"],
    ["12/09/2026", "Facebook", "UGC", "Guest photo of the week", "Repost @anna.brews with her permission", "Regulars",
     "Loyalty", "Approved"],
    ["12/10/2026", "Instagram", "Promo", "Winter menu: 10% off pre-orders", "Link in bio, code WINTER10",
     "New customers", "Sales", "Review"],
    ["12/11/2026", "Instagram", "Engaging", "Caption this latte art", "", "Everyone", "Engagement", "Draft"],
    ["12/13/2026", "Facebook", "Educational", "Grind size for a French press", "Coarse, like sea salt.", "Home brewers",
     "Awareness", "Approved"],
    ["12/14/2026", "Instagram", "UGC", "Your mugs around the world", "Share yours with #cafemug", "Regulars",
     "Loyalty", "Approved"],
    ["", "Instagram", "Engaging", "Ideas backlog: barista Q&A", "", "Everyone", "Engagement", "Idea"],
    ["12/15/2026", "Instagram", "Educational", "Decaf without chemicals", "Swiss water process, step by step",
     "Health-minded", "Awareness", "Approved"],
    ["12/16/2026", "Facebook", "Engagement", "Which pastry joins the menu?", "Croissant or cinnamon roll?",
     "Regulars", "Engagement", "Approved"],
]

STUDIO_HEADER = ["Week", "Day", "Date", "Platform", "Content Type", "Status", "Theme", "Hook/Title", "Full Caption",
                 "Hashtags", "Media Type", "Link", "CTA", "Publish Time (HH:MM AM/PM)", "Notes", "Review By",
                 "Approved (Yes/No)"]
STUDIO = [
    ["1", "Mon", "Dec 7", "Instagram", "Educational", "Ready", "Form", "3 cues for a safer squat",
     "Knees track over toes.\nChest up.\nBrace before you go down.", "#squat #form", "Reel",
     "https://studio.example/squat", "Save for later", "7:30 AM", "", "Kate", "Yes"],
    ["1", "Tue", "Dec 8", "LinkedIn", "Engagement", "Ready", "Community", "What got you moving this year?",
     "Tell us in the comments: what got you moving in 2026?", "", "Text", "", "Comment", "12:00 PM", "", "Kate", "Yes"],
    ["1", "Wed", "Dec 9", "Instagram", "UGC", "Ready", "Members", "Member story: Olga's first pull-up",
     "Olga trained twice a week since June. Today: her first pull-up! (shared with permission)", "#members",
     "Carousel", "", "Book a trial", "6:00 PM", "Consent form signed", "Kate", "Yes"],
    ["1", "Thu", "Dec 10", "Instagram", "Promo", "In review", "Offer", "December trial week for $10",
     "New here? Try a full week of classes for $10.", "#offer", "Image", "https://studio.example/trial",
     "Book now", "5:00 PM", "Mark as ad", "Kate", "No"],
    ["1", "Fri", "Dec 11", "Facebook", "Engaging", "Ready", "Fun", "Guess the coach from the playlist",
     "Three songs, one coach. Who is it?", "", "Video", "", "Guess in comments", "7:00 PM", "", "Kate", "Yes"],
    ["2", "Mon", "Dec 14", "Instagram", "Educational", "Ready", "Recovery", "Sleep is part of the program",
     "Seven hours is the floor, not the goal.", "#recovery", "Reel", "", "Share", "7:30 AM", "", "Kate", "Yes"],
    ["2", "Wed", "Dec 16", "Instagram", "UGC", "Ready", "Members", "Your home workouts, shared",
     "Tag us in your home session and we repost the best ones (with your OK).", "#homegym", "Carousel", "",
     "Tag us", "6:00 PM", "", "Kate", "Yes"],
    ["2", "Fri", "Dec 18", "Instagram", "Engagement", "Ready", "Community", "Holiday class schedule poll",
     "Which extra class should we add over the holidays?", "", "Story", "", "Vote", "7:00 PM", "", "Kate", "Yes"],
]

RU_HEADER = ["Дата публикации", "Соцсеть", "Рубрика", "Тема", "Текст", "Статус", "Ответственный", "Согласовано"]
RU = [
    ["07.12.2026", "ВК, Телеграм", "Вовлечение", "Опрос: ржаной или чиабатта?",
     "Что испечь к выходным?\nГолосуйте в комментариях!", "Согласовано", "Ирина", "да"],
    ["08.12.2026", "ВКонтакте", "Полезное", "Как хранить хлеб, чтобы не черствел", "Три простых правила.",
     "на согласовании", "Ирина", "нет"],
    ["09.12.2026", "Телеграм", "Пользовательский", "Фото недели от подписчицы", "Завтрак с нашими круассанами "
     "(с разрешения автора)", "черновик", "Олег", ""],
    ["10.12.2026", "ВК", "Реклама", "Скидка 10% на торты к Новому году", "Заказ по ссылке в профиле. Реклама.",
     "запланировано", "Ирина", "да"],
    ["11.12.2026", "Телеграм", "Вовлечение", "Угадайте начинку по фото", "", "черновик", "Олег", ""],
    ["", "ВК", "Полезное", "Идея: мастер-класс по закваске", "", "идея", "", ""],
    ["14.12.2026", "ВК", "Обучающий", "Почему тесто должно отдыхать", "Разбираем автолиз.", "согласовано", "Ирина",
     "да"],
]
RU_WORDS = [["7 декабря", "19.00"], ["8 декабря", "10:00"], ["9 декабря", "12.30"], ["10 декабря", "18:00"],
            ["11 декабря", "19.00"], ["", ""], ["14 декабря", "09:00"]]


def write_csv(name: str, header: list[str], rows: list[list[str]], encoding: str, delimiter: str,
              title: str | None = None) -> None:
    import csv
    import io

    buf = io.StringIO()
    out = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    if title:
        out.writerow([title] + [""] * (len(header) - 1))
    out.writerow(header)
    out.writerows(rows)
    (HERE / name).write_bytes(buf.getvalue().encode(encoding))


def studio_xlsx() -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(HERE / "studio-weekly-plan.xlsx"))
    sheet = book.add_worksheet("December")
    date_fmt = book.add_format({"num_format": "dd mmm yyyy"})
    time_fmt = book.add_format({"num_format": "h:mm AM/PM"})
    sheet.write_string(0, 0, "Content Calendar — December 2026")
    sheet.write_row(2, 0, STUDIO_HEADER)
    for r, row in enumerate(STUDIO, 3):
        for c, value in enumerate(row):
            if c == 2:
                day = dt.datetime.strptime(value + " 2026", "%b %d %Y")
                sheet.write_datetime(r, c, day, date_fmt)
            elif c == 13:
                t = dt.datetime.strptime(value, "%I:%M %p")
                sheet.write_datetime(r, c, dt.datetime(1899, 12, 31, t.hour, t.minute), time_fmt)
            else:
                sheet.write_string(r, c, value)
    book.close()


def pekarnya_ods() -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Декабрь")

    def row(values: list[object]) -> None:
        tr = TableRow()
        for v in values:
            if isinstance(v, dt.date):
                cell = TableCell(valuetype="date", datevalue=v.isoformat())
                cell.addElement(P(text=v.strftime("%d.%m.%Y")))
            else:
                cell = TableCell(valuetype="string")
                for line in str(v).split("\n") if v else []:
                    cell.addElement(P(text=line))
            tr.addElement(cell)
        table.addElement(tr)

    row(RU_HEADER)
    for values in RU:
        day = values[0]
        row([dt.datetime.strptime(day, "%d.%m.%Y").date() if day else "", *values[1:]])
    doc.spreadsheet.addElement(table)
    doc.save(str(HERE / "pekarnya-plan.ods"))


def main() -> None:
    write_csv("cafe-content-calendar.csv", CAFE_HEADER, CAFE, "utf-8", ",")
    studio = [[*r[:2], r[2] + ", 2026" if r[0] == "1" else r[2], *r[3:]] for r in STUDIO]
    write_csv("studio-weekly-plan.csv", STUDIO_HEADER, studio, "utf-8", ",", title="Content Calendar — December")
    write_csv("pekarnya-plan-cp1251.csv", RU_HEADER, RU, "cp1251", ";")
    words_header = [RU_HEADER[0], "Время", *RU_HEADER[1:]]
    words = [[w[0], w[1], *r[1:]] for w, r in zip(RU_WORDS, RU)]
    write_csv("pekarnya-plan-utf8-bom.csv", words_header, words, "utf-8-sig", "\t")
    write_csv("ambiguous-dates.csv", ["Date", "Platform", "Type", "Title"],
              [["03/04/2026", "VK", "engaging", "Spring poll"], ["04/05/2026", "VK", "educational", "How to"]],
              "utf-8", ",")
    write_csv("bad-rows.csv", ["Date", "Time", "Platform", "Type", "Title"],
              [["2026-12-07", "19:00", "VK", "engaging", "A good row"],
               ["32.13.2026", "19:00", "VK", "engaging", "Impossible date"],
               ["2026-12-08", "25:99", "VK", "educational", "Impossible time"],
               ["2026-12-09", "10:00", "Telegram", "", "No type"],
               ["2026-12-10", "11:00", "VK", "ugc", "Another good row"]],
              "utf-8", ",")
    studio_xlsx()
    pekarnya_ods()


if __name__ == "__main__":
    main()
