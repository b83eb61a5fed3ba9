"""Honesty rules on phrasings of my own, written shape by shape after the first
held-out set was scored (issue 14): sellers' adverts, relatives, actors and AI
as reviewers, ratings as conditions, exchange and automation slang, Russian
word order and passives; and the legitimate neighbours (ads, audits, printed
review cards, employer reviews, gifts for followers, refusals, policy lists).
None of these is in the corpus files; each asserts its own verdict through
`detect`, and a few go through the installed command."""

from __future__ import annotations

import json

import pytest

from smmplan.rules import honesty
from tests.conftest import run_cli

BOUGHT_AUDIENCE = [
    'Top up the group with 2000 members from a supplier before the sale',
    'We put $300 into followers from a vendor in Turkey',
    'Подписчиков в канал закупим у поставщика, 5 тысяч к запуску',
    'Подписчиков на канал возьмём оптом, так дешевле',
    'Живые подписчики в инстаграм по 1,2 ₽ за штуку, без списаний',
    '10k IG followers, real looking, lifetime refill, $25',
    'Набьём группу участниками через биржу заданий',
    'Followers will be purchased in tranches of 1,000 each week',
    'Участников в беседу нагоним платно через сервис',
    'Inflate the follower count to 50k before pitching sponsors',
    'Подписчики были куплены ещё прошлым подрядчиком, оставляем',
    'Followers get bought in the first week, organic later',
    'SMM-панель: подписчики ТГ от 15 ₽, старт 0-1 час',
    "Grow the channel to 20k with subscribers from an ad exchange that sells 'real users'",
    'Накачаем паблик подписотой к сезону',
    'Buying subs on YouTube to unlock monetization faster',
    'закупка аудитории в телегу через ботов-агрегаторов',
    'Нужно 3к подписчиков к концу недели, берём у знакомого продавца',
    'Audience boost package: +5,000 followers, delivered gradually',
    'Telegram members (offer traffic), 2₽ each, no drops',
    "Followers from a 'growth partner' who charges $50 per thousand",
    'Докупаем фолловеров, когда прирост падает',
    'Накрутка подписчиков ВК — дёшево и быстро, пишите в лс',
    'Пополним канал подписчиками с биржи',
    'Подписчиков прикупим немного, чтобы канал не выглядел пустым',
    'A paid follower bundle for the new TikTok',
    'Клиент просит 10к подписчиков к пятнице — закинем через панельку',
    '🔥 ПОДПИСЧИКИ ТЕЛЕГРАМ 🔥 от 9 руб/шт, гарантия, быстрый старт',
    'need +3k IG followers asap, whoever has a cheap vendor ping me',
    'Купленная аудитория поможет пройти модерацию партнёрки',
    'Канал раскрутим ботами до 5к к запуску курса',
]

BOUGHT_ENGAGEMENT = [
    'Reels views: order 50k from the panel for the launch reel',
    'Лайки под розыгрышем докрутим через сервис',
    'Просмотры на видео закупаем пакетами по 10 тысяч',
    'Paid upvotes on Reddit to push the thread to the front page',
    'Комментарии под постом закажем у исполнителей на бирже',
    'Накрутим реакции на каждый пост в канале',
    'Get 1,000 story views for $2 from a promo panel',
    'Оплатим голоса в конкурсе, чтобы наш проект победил',
    'Likes and saves will be bought on every carousel',
    'TikTok: накрутка просмотров на первые 3 видео',
    'Спонсорам покажем охваты, подкрученные через панель',
    'A few hundred purchased comments to make the giveaway look busy',
    'Рейтинг приложения поднимем купленными оценками',
    'Have the panel deliver 300 likes per post, drip-fed over 2 hours',
    'Реакции в телеграм: 100 шт за 50 ₽',
    "Views on the launch video: we'll pay for 100k",
    'Заплатить за репосты в пабликах-миллионниках... нет, за сами репосты от аккаунтов-исполнителей',
    'Get comments written by freelancers from a task exchange under each post',
    'Лайки в инсту по 10 копеек',
    'Push the Reel with 20k bought views so the algorithm notices',
    'Comment packages: 50 custom comments for $10',
    'Буст просмотров сторис через сервис, 1000 за 30 руб',
    'YouTube: buy watch hours to hit 4,000 for monetisation',
    'Лайкосы на пост закинем с биржи, 200 штук',
    'Reactions under the pinned post — order a few hundred from the usual guy',
    'накрутить прослушивания треку на Яндекс Музыке',
]

BOTS = [
    'Spin up 30 burner accounts to comment on our posts',
    'Заведём десяток левых аккаунтов и будем хвалить себя в комментах',
    'Bot network to retweet every announcement',
    'Нейрокомментинг: ИИ-аккаунты пишут комментарии в чужих каналах',
    'Боты будут смотреть наши сторис каждый день',
    'Run twenty fake personas that praise the product in Facebook groups',
    'Твинки с разных аккаунтов поддержат обсуждение',
    'Пусть боты лайкают и репостят анонсы',
    'Create 15 Instagram profiles with stolen photos to hype the launch',
    'Фермы аккаунтов для обсуждений в чатах района',
    'AI-generated personas will chat with customers as if they were regulars',
    'Keep 40 fake accounts warmed up to like and comment on client posts',
    'Armies of bots will share the giveaway',
    'Прогреем пул левых акков и будем ими комментировать',
    'The team runs several personal-looking accounts that recommend the brand in forums',
    'Создадим фейки и будем спорить в комментах, чтобы поднять активность',
    'Ботоводы обещают 30 живых аккаунтов для комментов',
    'Use sock puppets to defend the brand in Reddit threads',
    'Запустим бота, который от имени подписчиков хвалит новый вкус',
    'Several fake mums in the parenting groups recommend our stroller',
]

FAKE_REVIEWS = [
    'Our receptionists will leave five Google reviews each this week',
    'Отзывы на маркетплейсе напишут жёны и мужья сотрудников',
    'Have ChatGPT draft 40 customer testimonials for the landing page',
    'Отзывы сгенерируем нейросетью и разместим от имени покупателей',
    "Testimonials from the owner's cousins, posted under made-up names",
    'Buy a batch of reviews for the Wildberries card',
    'Отзывы от знакомых владельца разместим на Яндекс Картах',
    'Write customer reviews ourselves and post them from different accounts',
    'Закажем 30 отзывов на Авито у исполнителя',
    'Ask the interns to write a couple of glowing testimonials',
    'Отзывы клиник будем писать своими силами с разных телефонов',
    "Reviews on Trustpilot: we'll post them ourselves under customer names",
    'Нанять людей на бирже, чтобы оставили отзывы о ресторане',
    'Отзывы на Озоне от своих: каждый сотрудник оставит по 3',
    "testimonials written by our copywriter and signed with customers' first names",
    "Menu reviews on Google: the chef's family will post them",
    'Отзывы заказываем пачками у фрилансеров',
    'Пишем отзывы сами и публикуем с аккаунтов друзей',
    'Generate product reviews with an LLM and post them as verified buyers',
    'Agency staff leave testimonials posing as clients',
    'Отзывы на картах оставит сам владелец с телефонов сотрудников',
    'Отзывы на Яндекс Маркете — пусть напишет бухгалтерия, у них 5 человек',
    'Ask our suppliers to leave 5-star reviews on our product page',
    'Отзовики: разместим 20 отзывов через агентство отзывов',
    'Write the testimonials in-house and attribute them to past clients',
    'Генерим отзывы в GPT, публикуем с разных аккаунтов',
]

REVIEW_MANIPULATION = [
    'Free dessert for anyone who gives us five stars on TripAdvisor',
    'Кешбэк 300 ₽ за отзыв на пять звёзд',
    'Remove one-star reviews by reporting them as spam',
    'Плохие отзывы скрываем, хорошие закрепляем',
    'Invite only satisfied clients to review us on Google',
    'Негативные комментарии под постами удаляем сразу',
    'Промокод на следующий заказ тем, кто поставит 5 звёзд',
    "Unhappy customers don't get the review request email",
    'A free coffee for every 5-star Google review you show the barista',
    'Скидку даём только за положительный отзыв',
    'Bury the bad reviews under a wave of new good ones',
    'Жалобы в отзывах удаляем через модератора площадки',
    'Give a gift card to customers who rate us 10/10',
    'Отзывы с оценкой 1-2 прячем из виджета на сайте',
    'Customers who leave a 5-star review get a 15% coupon',
    'Удаляем все отзывы на 1 и 2 звезды',
    'Бесплатная доставка за отзыв с оценкой 5',
    'Negative reviews: hide them from the website widget',
    'Только довольным гостям отправляем ссылку на отзыв',
    'Reviews under 4 stars get reported until Google removes them',
    'Чек-лист: негатив на картах оспариваем, пока не удалят',
    'Win a spa day: leave us a 5-star review to enter',
    'Плохие оценки в приложении прячем, показываем только 4-5',
    'Bonus points only for reviews rated 4 or 5 stars',
]

EXCHANGE_AUTOMATION = [
    "Join a Telegram chat where everyone likes each other's posts",
    "Follow 200 people a day from the competitor's hashtag, unfollow after a week",
    'Лайкаем друг друга в чате блогеров города',
    'Use an automation tool to like posts by location',
    'Масслайкинг по геотегу через сервис',
    'Comment pods with 20 wellness accounts',
    'Подписка за подписку с другими мастерами маникюра',
    'Auto-follow accounts that use our hashtags',
    'Instagram engagement group: everyone comments on the new post within an hour',
    'Подписываемся на аудиторию конкурентов, потом отписываемся',
    'Взаимные лайки с сообществом мастеров',
    'Mass-DM all followers of the rival studio',
    'Боту поручим ставить лайки всем, кто пишет под хэштегом',
    'Follow-for-follow with other bakeries in the city',
    'Чат взаимных комментариев для продвижения',
    'Automatically like every post under #smallbusiness',
    'Массово подписываемся на аудиторию конкурентов',
    'We comment on theirs, they comment on ours: a group of 30 accounts',
    'Join a like-exchange group on Telegram',
    'Follow/unfollow in bulk to get follow-backs',
    'Чат активности: каждый день лайки и комменты всем из списка',
    'Mass story viewing with a tool, 5k stories a day',
    'Сделаем массовые приглашения в друзья по ЦА',
]

LEGITIMATE = [
    'Buy a ring light for the Reels studio',
    'Order 500 flyers with a QR code to our review page',
    'Закупить рекламу у трёх блогеров с аудиторией от 50 тысяч подписчиков',
    "Check the influencer's followers for bots with HypeAuditor",
    'Чистим группу от ботов и мёртвых аккаунтов раз в месяц',
    'Purchase a paid Telegram Premium subscription for the admin',
    'Отвечаем на все отзывы, и на хорошие, и на плохие, в течение дня',
    'A chatbot answers questions about delivery and takes orders',
    'Giveaway: follow the account and tag a friend, winner picked at random',
    'Розыгрыш среди подписчиков по правилам ВК, победителя выберем случайно',
    'We never buy followers or likes, and we tell clients why',
    'Ask every customer for a review after delivery, same wording for all',
    'Скидка 10% за любой отзыв, независимо от оценки',
    'Pay the photographer for the product shoot',
    'Reply to negative reviews publicly within 24 hours',
    'Our staff share their honest experience on their own pages, tagged as employees',
    'Запрещено покупать подписчиков и лайки — это прописано в договоре',
    'Targeted ads to get followers among local mothers',
    'Report fake reviews left by a competitor to Google',
    'Купить лампы для съёмки видеоотзывов клиентов',
    'Thank every follower who comments with a personal reply',
    'Рассказать подписчикам, почему накрутка вредит аккаунту',
    'Pay per click campaign in Google Ads for the spring sale',
    'Сотрудники ставят лайки постам компании со своих страниц — добровольно',
    'Follow relevant local businesses and comment thoughtfully',
    'Send the feedback survey to all customers, good experience or bad',
    'Buy a domain for the landing page',
    'Взаимный пиар с кофейней: пост у нас, пост у них, оба с пометкой',
    'Hire a community manager to reply to comments and reviews',
    'Удаляем спам и ботов из комментариев',
    'Upload 300 email subscribers from the CRM to the ads audience (with consent)',
    'Видеоотзывы снимаем только с реальными клиентами и с их согласия',
    'Printed cards asking guests for an honest review',
    'Audit: 12% of followers look like bots; report it to the client',
    'Buy a Facebook ad to reach followers of competitors',
    'Подписчики растут за счёт полезных постов и сторис',
    'Сравнить охваты органических и рекламных постов',
    'Order a new logo and profile cover from the designer',
    'Explain in a post why we never buy likes',
    'Проверить, нет ли у блогера накрученных подписчиков',
    'Remove spam comments from bots under our posts',
    'Staff training: how to answer negative reviews',
    'Ask the team for honest feedback on the new menu',
    'Подарок каждому, кто оставит любой честный отзыв',
    'Отчет по подписчикам и реакциям за неделю',
    'Покупаем рекламу в Telegram-каналах через биржу Telega.in',
    'Boost the post with $20 to people who like our page',
    'Pay a translator for the English captions',
    'Бот для записи на стрижку в Telegram',
    'Get feedback from five loyal customers before the launch',
    'Cross-promotion with a partner bakery, both posts labelled',
    'Отзывы публикуем все, включая негативные',
    'Buy props for the photo shoot',
    'Buy likes? No. We grow with content.',
    'Купить кольцевую лампу и микрофон для рилс',
    'Our influencer partner shares an honest review, marked #ad',
    'Detect bot comments and hide them from the thread',
    'Collect reviews from real customers with a QR code on the receipt',
    'Отвечаем на комментарии подписчиков в течение часа',
    'Хотим 1000 новых подписчиков за квартал за счёт рилс',
    'Buy gifts for the ten most active followers at the end of the year',
    'Monthly report: followers, reach, engagement rate, clicks',
    'Продвижение через посевы в тематических каналах с маркировкой',
    'Buy a ticket to the SMM conference for the team',
    'Increase followers by 10% through Reels and collaborations',
    'Лайки и подписчики растут органически, без накрутки',
    'Купить сертификаты для победителей конкурса',
    'Бот отвечает на частые вопросы подписчиков',
    'Scan our follower list for bots before the annual report',
    'Answer every review, including the negative ones, in a friendly tone',
    'A 5% discount for everyone who leaves a review, whatever the rating',
    'Отзывы сотрудников о работе публикуем на HH.ru с их согласия',
    'Order photo prints of customer reviews for the shop window',
    'Pay the influencer $500 for a Reel, labelled as a paid partnership',
    'Бюджет на рекламу: 30 000 ₽, цель — 1000 подписчиков',
    'Warn followers about fake accounts impersonating our brand',
    "Don't delete negative reviews; answer them",
    'Разбор: почему покупные лайки не дают продаж',
    'Interview real customers and publish their stories with consent',
    'Get likes by asking a question at the end of each post',
    'Купили микрофон, чтобы записывать подкаст для подписчиков',
    "Follow our partners' accounts and repost their news",
    'Engagement pods and bought likes are banned in our agency',
    'Считаем, сколько подписчиков пришло с каждого рекламного поста',
    'Hire a moderator to remove spam and bot comments',
    'Send a thank-you gift to customers who left any review',
    'Запрашиваем отзыв у всех клиентов, не только у довольных',
    "Buy a promo slot in the city's biggest Telegram channel (80k subscribers), marked as ad",
    'Подписчики не покупаются — растим их рубриками',
    "Check whether the blogger's likes come from bots",
    'Поставить цель: 500 реакций в месяц без платного продвижения',
    'Order new uniforms for the staff photo shoot',
    'Закупка кофе для гостей мастер-класса',
    'Staff answer reviews on Google under their own names',
    'Our team writes the product descriptions and FAQ',
    'Ask customers to rate us honestly, any score is welcome',
    'The SMM manager posts customer reviews we received by email, with consent',
    'Cashback for every purchase over 2000 ₽',
    'Mass mailing to subscribers who opted in',
    'Розыгрыш: подпишись, поставь лайк и отметь друга',
    'Collab post with a partner account; both audiences see it',
    'Buy an account on Canva Teams for five designers',
    'Delete duplicate posts from the schedule',
    'Скрыть комментарии с оскорблениями по правилам сообщества',
    'Fans vote for the new flavour in a poll',
    'Pay per view ads on YouTube for the trailer',
    'Разместить отзывы реальных клиентов на сайте со ссылкой на источник',
    'Increase likes with better hooks in the first line',
    'The agency audits the page and removes inactive and fake followers',
    'Друзья и родные основателя подписались сами — это нормально',
    'A bot reminds clients about their appointment the day before',
    'Нейросеть помогает писать черновики постов, редактор проверяет',
    "Use AI to summarise the week's customer reviews for the team",
    'Buy merch for the top fans of the month',
    'Discount for customers who leave a review of any kind',
    'Подарок за отзыв — любой, хоть с оценкой 1',
    'Отписываемся от неактуальных каналов в рабочем аккаунте',
    'ПОДПИСЧИКИ растут на 5% в месяц за счёт контента 🙌',
    'Buy a microphone and a tripod for the live streams',
    'Сервис отложенного постинга: SMMplanner, тариф на 3 месяца',
    'Increase views with subtitles and a strong first second',
    'Ask the team to share the vacancy post from their own pages',
    'Проверим канал блогера: нет ли ботов и накрутки просмотров',
    'Reviews page on the site pulls every Google review automatically',
    'Оплатить рекламу в ВК Рекламе на 20 000 ₽',
    'Our policy: no fake reviews, no bought followers, no bots',
    'Подписчикам — бесплатный гайд за подписку на рассылку',
    'Thank-you discount for every review, positive or negative',
    'Добавить виджет отзывов с Яндекс Карт на сайт',
    'Collect likes data via the API for the dashboard',
    'Запросить у клиента доступ к рекламному кабинету',
    'Respond to every 1-star review within a day with a fix',
    "Order a banner for the fair: 'Leave us a review'",
    'Сотрудники кофейни рассказывают о себе в рубрике «Команда»',
    'Bots are banned in our chat; the moderator removes them',
    'Купили рекламу у блогера-миллионника, пришло 2к подписчиков',
]

CODES = {c.id: c.code for c in honesty.lexicon().categories.values()}


def _codes(text: str) -> list[str]:
    return sorted({CODES[h.category] for h in honesty.detect(text)})


@pytest.mark.parametrize(("code", "text"), [(code, t) for code, texts in (
    ("BAN001", BOUGHT_AUDIENCE), ("BAN002", BOUGHT_ENGAGEMENT), ("BAN003", BOTS), ("BAN004", FAKE_REVIEWS),
    ("BAN005", REVIEW_MANIPULATION), ("BAN006", EXCHANGE_AUTOMATION)) for t in texts])
def test_banned_shape_is_flagged(code, text):
    assert_flagged(text)


@pytest.mark.parametrize("text", LEGITIMATE)
def test_legitimate_neighbour_passes(text):
    assert_passes(text)


def assert_flagged(text: str) -> None:
    hits = honesty.detect(text)
    assert hits, f"not flagged: {text!r}"
    assert all(h.roles for h in hits)  # the finding names the roles that matched


def assert_passes(text: str) -> None:
    assert _codes(text) == [], [(h.category, h.roles) for h in honesty.detect(text)]


def test_code_of_each_shape_mostly_right():
    """The category named is the expected one for nearly all (a bot writing a
    review may be read as either)."""
    pairs = [(c, t) for c, ts in (("BAN001", BOUGHT_AUDIENCE), ("BAN002", BOUGHT_ENGAGEMENT), ("BAN003", BOTS),
             ("BAN004", FAKE_REVIEWS), ("BAN005", REVIEW_MANIPULATION), ("BAN006", EXCHANGE_AUTOMATION)) for t in ts]
    wrong = [(c, t, _codes(t)) for c, t in pairs if _codes(t) != [c]]
    assert len(wrong) <= 0.05 * len(pairs), wrong


def cli_ban_findings(tmp_path, tactics: list[str]) -> tuple[list[tuple[str, int]], list[dict]]:
    """The BAN findings (code, line) of a plan of these tactics, checked by the installed command
    (exit 1 asserted), and all its findings as JSON."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("tactics:\n" + "".join(f"  - {t}\n" for t in tactics), encoding="utf-8")
    proc = run_cli("check", str(plan), "--format", "json")
    assert proc.returncode == 1, proc.stderr.decode()
    findings = json.loads(proc.stdout)["findings"]
    return sorted((f["code"], f["line"]) for f in findings if f["code"].startswith("BAN")), findings


def test_shapes_through_the_installed_command(tmp_path):
    found, _ = cli_ban_findings(tmp_path, [
        "Подписчиков на канал возьмём оптом, так дешевле",
        "Отзывы на маркетплейсе напишут жёны и мужья сотрудников",
        "Order 500 flyers with a QR code to our review page",
        "The client asked us to buy followers; we declined and proposed a paid ads test"])
    assert found == [("BAN001", 2), ("BAN004", 3)], found
