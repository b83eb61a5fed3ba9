"""Honesty rules on rounds six to twelve of phrasings of my own (issue 14; rounds
one to five are in test_honesty_shapes.py). The sixth was written shape by shape
after the second held-out set was scored and became development data: misspelt and slang audience words, prices written after the quantity,
more verbs of getting (topped up, докрутим), accounts sold with a history,
reviews made up or filled in by the brand, complaints hidden, thresholds on a
score, star symbols, gates said as a contrast, activity chats and "everyone
likes everyone else's"; and the legitimate neighbours (none of..., diagnoses
of a bought audience, disqualified entries, stop lists, negated verbs after the
object, webinars on telling real from fake). None of these is in a corpus
file; each asserts its own verdict through `detect`, and a few go through the
installed command. The seventh to twelfth rounds were written on what an
independent writer might write next (sellers' adverts, Telegram and VK slang,
verbs other than buy, passives, fake reviewers, rewards for stars, hidden
complaints, pods and activity chats, and the hard neighbours), each before it
was run; the comments give each round's first look."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli
from tests.test_honesty_shapes import _codes, assert_flagged, assert_passes

BOUGHT_AUDIENCE = [
    'Подпищиков на новый канал возьмём у знакомого, тысяч пять',
    'Фоловеров в инсту докинем через панельку, там по 30 копеек',
    'Добавим 2000 участников в чат за 1500 рублей у исполнителя с Кворка',
    'Members for the Discord server: 5k for $40 from a Fiverr gig',
    '+300 подписчиков в сутки, ручное добавление, гарантия 30 дней',
    'Followers get topped up to 10k through the vendor before the pitch',
    'The follower count was pumped by an outside reseller last spring',
    'Подписоту в паблик нагоним через биржу, 700 рублей за тысячу',
    'Subscribers: 1,000 for 9 dollars, delivered over two days',
    'Участники в группу будут заведены инвайтингом, 400 человек в день',
    # seventh round (first look: 46 of 47 banned found, 1 of 42 neighbours flagged)
    'IG followers HQ — $2.5 per 1k, instant start, 30-day refill',
    '1000 подписчиков в ТГ — 290₽, без списаний, старт за час',
    'Зальём в канал 3к живых подписчиков перед анонсом',
    'Grab a few thousand followers from the usual panel before the collab pitch',
    'Подписчики в группу будут нагнаны через сервис к пятнице',
    'Followers were bought in bulk last year, we keep them',
    'Pump the TikTok to 50k followers with a growth package before pitching brands',
    'Офферные подписчики в канал по 3 ₽ — берём 5 тысяч',
    'Накрут подписоты на новый канал — 2к к запуску',
    'Order 10k YouTube subs so the channel looks established',
    # eighth round (first look: 30 of 37 banned found, 4 of 35 neighbours flagged)
    'Нужно +2к фоллов в инсту к запуску, кто знает норм панельку?',
    "For the pitch deck we'll need 15k followers on the page, so get them from the vendor Anna uses",
    'Раскрутим канал: 5000 подписчиков за неделю через накрутку',
    'Subscribers are cheap on SMM panels right now, grab 10k for the new channel',
    'Insta followers 🔥 only $1.99 per thousand, non-drop, DM',
    'Добавим в чат 1000 человек через инвайтер с чужих аккаунтов',
    'Followers count will be padded to 20k before the brand deal',
    'Купить подписчиков? Не вопрос, от 0,5 ₽ за штуку',
    "Don't wait, buy 1k followers today",
    # ninth round (first look: 31 of 36 banned found, 10 of 40 neighbours flagged)
    "Week 1 KPI: +3k followers (bought, to hit the client's vanity number)",
    'Набор подписчиков через биржу заданий: 1 ₽ за вступление',
    'Купленная аудитория 10к + таргет на неё же',
    'Members will be added via a Telegram inviter from scraped groups',
    'Аудиторию канала нарастим платными подписками с бирж',
    "We'll inflate the subscriber count on YouTube ahead of the sponsorship talks",
    'Get the follower number up with a cheap package, nobody checks',
    'Заказ подписчиков на Фриланс-бирже, 2000 человек',
    # tenth round (first look: 22 of 28 banned found, 2 of 37 neighbours flagged)
    'Целевое: 5к подписчиков к 1 марта, недостающее добьём накруткой',
    'Any shortfall in followers before the report gets topped up from the vendor',
    'Подписчиков прибавим платно у ребят из чата СММщиков',
    'Audience growth hack: buy a follower package, then run ads to it',
    'Вливаем 3000 подписчиков в новый паблик за выходные',
    'Followers arrive from a reseller in batches of 500 per day',
    # eleventh round (first look: 20 of 23 banned found, 1 of 30 neighbours flagged)
    'Для отчёта клиенту докинем 1500 подписчиков, чтобы график роста был ровный',
    "Channel members: we'll buy a starter pack of 2k so the first posts don't look empty",
    'Подписчиков в ВК можно дёшево взять на бирже, возьмём пару тысяч',
    'Fill the new group with 3k purchased members before the sale',
    'Пакет «Рост»: 10 000 подписчиков в Instagram, живые, с аватарками',
    # twelfth round (first look: 18 of 23 banned found, 0 of 35 neighbours flagged)
    'Канал клиента: 0 → 10к подписчиков за месяц, оплата после накрутки',
    'Нагоним участников в сообщество через сервис, чтобы пройти порог для монетизации',
    'Followers for sale: 10k aged, $35, PayPal only',
    'Подписчики с гарантией от отписок 90 дней — 0,7 ₽/шт',
]

BOUGHT_ENGAGEMENT = [
    'Story views will be topped up to 3k via the panel every morning',
    'Лайки под каждым рилсом докрутим до 500 через сервис',
    'Реакции на посты: автоматически по 100 на каждый новый пост, тариф 590₽ в месяц',
    'Views on the trailer: 50 000 for 1200 rubles, retention 40 %',
    'Комментарии под постом закажем: 30 штук за 600 рублей',
    'Saves on every carousel get boosted via a panel, 200 each',
    # seventh round (first look: 46 of 47 banned found, 1 of 42 neighbours flagged)
    'Просмотры на посты в ТГ нагоняем через бота, по 1000 на пост',
    'Likes on the launch reel will be boosted through a panel to 5k',
    'Залить 10к просмотров на рилс за 200 рублей',
    'Top up comments under the giveaway with 50 bought ones',
    'Докрутим реакции под постом до 300, чтобы выглядело живо',
    'Pay a click farm for 20k plays on the new track',
    'Голоса в конкурсе купим у ребят из чата, по 15 ₽ за голос',
    'Views package: 100k TikTok views, $9, delivered in 24h',
    # eighth round (first look: 30 of 37 banned found, 4 of 35 neighbours flagged)
    'Буст просмотров на сторис: 5к за 150 ₽ через бота в тг',
    'Get 500 likes on each new post from a likes app with real-looking profiles',
    'На каждый пост прилетит по 300 лайков от сервиса, автоматически',
    'Retweets and quote tweets purchased from a Telegram seller to trend the hashtag',
    'Прокачаем охваты купленными просмотрами',
    'Upvotes on Product Hunt bought from a launch service',
    'Buy likes? No problem, 1000 for $5 from our panel',
    # ninth round (first look: 31 of 36 banned found, 10 of 40 neighbours flagged)
    'Накрутка ПФ и просмотров на Дзене через биржу',
    'Bought saves and shares to push the carousel into Explore',
    'Comments on the launch post: 100 generic ones from a comment service',
    'Лайки с аккаунтов биржи под каждым постом клиента',
    'Пакет «Старт»: 1000 просмотров + 100 лайков за 490 ₽',
    'Stream plays on Spotify purchased from a promo vendor',
    'Vote rigging for the city award: 500 votes from a paid service',
    # tenth round (first look: 22 of 28 banned found, 2 of 37 neighbours flagged)
    'Под анонс закажем 200 комментариев с биржи, тексты напишем сами',
    "Likes are cheap: 1k for a dollar, we'll add them to every post",
    'Reposts from a paid network to make the news go viral',
    'Добьём охват до нужных цифр покупными просмотрами',
    # eleventh round (first look: 20 of 23 banned found, 1 of 30 neighbours flagged)
    'Комменты под розыгрышем купим, чтобы алгоритм поднял пост',
    'We need 300 likes in the first hour — buy them from the panel we used last time',
    'Просмотры сторис докупаем каждое утро через панель',
    'Order Telegram post views: 5k per post, auto mode',
    # twelfth round (first look: 18 of 23 banned found, 0 of 35 neighbours flagged)
    'Лайков мало — подкинем пару сотен через панель',
    'Pay per view service for the launch video: $2 per thousand views',
    'Реакции 🔥 и 👍 на посты канала покупаем пакетом на месяц',
    'Ratings for the app in the store: 200 five-star votes from a rating service',
    'Likes: 200 per post, automatically, 990 ₽ a month',
]

BOTS = [
    'Продаём аккаунты ВК с отлежкой 3 месяца и аватарками, опт от 50 шт',
    'Selling aged Instagram accounts with posts and followers, ideal for seeding comments',
    'Прогретые аккаунты для комментинга под постами конкурентов',
    'Закупим акки с историей под вброс отзывов в чаты',
    # seventh round (first look: 46 of 47 banned found, 1 of 42 neighbours flagged)
    'Заведём 30 фейковых страниц и будем хвалить салон в комментариях',
    "Bot accounts will flood the competitor's comments with questions about our product",
    'Армия ботов поднимет обсуждение под постом',
    'Sockpuppet accounts answer questions in the local moms group',
    'Запустим нейрокомментинг под постами конкурентов с живых на вид аккаунтов',
    # eighth round (first look: 30 of 37 banned found, 4 of 35 neighbours flagged)
    'Крауд-маркетинг: менеджеры пишут на форумах как довольные клиенты',
    'Create 10 burner accounts to hype the launch in Reddit threads',
    'Комментарии под постом конкурента от наших фейков с вопросами о цене',
    'Seed the local Facebook groups with posts from fake moms recommending us',
    'Купим пачку аккаунтов с историей для обсуждений в чатах района',
    # ninth round (first look: 31 of 36 banned found, 10 of 40 neighbours flagged)
    'Наши виртуалы заведут обсуждение под постом и похвалят продукт',
    'Fake profiles of happy clients will comment under the ads',
    'A bot network will retweet every campaign post',
    'Ботоводы обеспечат активность в комментариях первые сутки',
    # tenth round (first look: 22 of 28 banned found, 2 of 37 neighbours flagged)
    'Отдел продаж заведёт по три второстепенных аккаунта для активности в комментах',
    'Программа-накрутчик будет ставить лайки с 50 аккаунтов',
    # eleventh round (first look: 20 of 23 banned found, 1 of 30 neighbours flagged)
    'Фейковые аккаунты будут писать в комментариях, что уже купили и довольны',
    'Run 15 alt accounts to praise the new menu in local groups',
    'Нейроботы будут отвечать в комментариях от имени покупателей',
    # twelfth round (first look: 18 of 23 banned found, 0 of 35 neighbours flagged)
    "Twenty fake LinkedIn profiles will endorse the CEO's posts",
    'Сеть страниц-двойников будет распространять посты бренда как личные рекомендации',
    'Comment bots ask about prices under each ad so it looks popular',
]

FAKE_REVIEWS = [
    "We'll make up a dozen customer quotes for the landing page until real ones come in",
    'Отзывы в карточке товара заполним сами, пока продаж мало',
    'Fabricate five testimonials with stock faces for the launch',
    'Блок отзывов на сайте наполним своими силами',
    # seventh round (first look: 46 of 47 banned found, 1 of 42 neighbours flagged)
    'ChatGPT напишет 20 отзывов для карточки на Ozon',
    'AI-generated testimonials posted as real customers on the landing page',
    'Мама владелицы и её подруги оставят отзывы на картах',
    'The intern will leave five Google reviews from different accounts',
    'Отзывы для Авито пишет наш копирайтер, по 3 в день',
    'Employees post 5-star reviews of the clinic from their personal accounts',
    'Buy 30 Trustpilot reviews from a vendor',
    'Закажем 50 отзывов на Яндекс Картах у исполнителя',
    # eighth round (first look: 30 of 37 banned found, 4 of 35 neighbours flagged)
    'Reviews on G2: the sales team writes them from their own emails',
    'Отзывы на Авито напишем сами с разных телефонов',
    'Nano-agency writes Google reviews for our clients, $5 each',
    'Самовыкупы с отзывами на ВБ, 20 штук в неделю',
    'Use GPT to generate 40 product reviews and post them under customer names',
    'Жена директора напишет пару отзывов на 2ГИС',
    'Testimonials from actors for the video, presented as real clients',
    # ninth round (first look: 31 of 36 banned found, 10 of 40 neighbours flagged)
    "Our SMM manager drafts reviews and posts them from his wife's account",
    'Review pack: 10 Google reviews from local guides, $50',
    'Нейросеть сгенерирует отзывы с фото для карточек товаров',
    'Reviews for the salon will be written by the stylists themselves',
    'Платные отзывы от блогеров без маркировки, выдаём за личный опыт',
    # tenth round (first look: 22 of 28 banned found, 2 of 37 neighbours flagged)
    'Пусть каждый сотрудник оставит по отзыву на Google Картах до пятницы',
    'Reviews will be posted by our interns under made-up names',
    'Ghostwritten customer stories for the case page, no real client behind them',
    'Отзывы на маркетплейсе оставляют наши же менеджеры с личных аккаунтов',
    'Закажем отзывы у отзовиков под ключ — 40 штук на 2ГИС',
    # eleventh round (first look: 20 of 23 banned found, 1 of 30 neighbours flagged)
    "Owner's friends leave 5-star reviews after the soft opening, no visit needed",
    'Напишем 15 отзывов сами и разместим их на Яндекс Картах с разных аккаунтов',
    'Testimonials on the site are written by our copywriter and signed with client names',
    'Отзывы на товары заказываем у фрилансеров, 50 ₽ за штуку',
    # twelfth round (first look: 18 of 23 banned found, 0 of 35 neighbours flagged)
    'Сотрудники салона оставят отзывы как клиентки, с личных страниц',
    'Reviews on Amazon from a review club, in exchange for free products, 5 stars only',
    'Отзывы на картах напишет ИИ, а выложат стажёры',
    'Testimonial quotes for the ads will be invented by the copy team',
]

REVIEW_MANIPULATION = [
    'Hide every comment complaining about delivery, keep the praise',
    'Комментарии, где клиенты жалуются на доставку, удаляем сразу',
    'Any review saying "not recommended" gets flagged again and again until it disappears',
    'The survey tool drops anyone who scored us below 8 before sending the review link',
    'Enter the raffle: leave a 5★ review on Google Maps and DM us the screenshot',
    'Скидка 15 % за отзыв на 5⭐ в карточке',
    'Кешбэк 100 ₽ за 5* на маркетплейсе',
    'Недовольным гостям администратор звонит сам, а довольных просим написать отзыв на Яндексе',
    'Unhappy clients get a call from the manager, while happy ones are asked for a Google review',
    'Only the happy ones receive the review link; the rest go to support',
    'Every two-star review on Google gets flagged again and again until it is gone',
    'Отрицательные отзывы в группе удаляются модератором в течение часа',
    'The form screens out anyone who rated the visit below 7 before the review invite',
    'Автоматическая рассылка отсеивает тех, кто поставил оценку ниже 4, и шлёт остальным ссылку на отзыв',
    # seventh round (first look: 46 of 47 banned found, 1 of 42 neighbours flagged)
    'Leave 5 stars and get a free dessert on your next visit',
    'За отзыв с пятёркой — месяц обслуживания бесплатно',
    'Free shipping code once you rate us five stars',
    'Negative comments under ads: delete within 10 minutes',
    'Плохие отзывы на ВБ оспариваем, пока не снимут',
    'Hide 1-star reviews on the Facebook page',
    'Негатив в комментариях скрываем, позитив закрепляем',
    'Send the review request only to customers who gave us 9 or 10 in the survey',
    'Отзывы ниже 4 звёзд на сайте не публикуем',
    # eighth round (first look: 30 of 37 banned found, 4 of 35 neighbours flagged)
    'Скидка 20 % на следующий заказ за пятизвёздочный отзыв',
    'Bonus points only for 5-star reviews; lower ratings get nothing',
    'All negative reviews in the app store get reported as spam',
    'Плохие комменты под постами удаляем, чтобы не портили картину',
    'Happy customers get the Google link, unhappy ones get a private form',
    'Клиентам, поставившим 9-10, отправляем ссылку на отзыв, остальным — нет',
    'Win a dinner for two: leave us a 5-star review on TripAdvisor',
    # ninth round (first look: 31 of 36 banned found, 10 of 40 neighbours flagged)
    'Промокод на 500 ₽ тем, кто оставит положительный отзыв',
    'Gift card for every 5-star Google review, screenshot required',
    'Отзывы с оценкой ниже 4 скрываем на сайте',
    'Moderators bury critical comments so the thread stays positive',
    'Bad reviews on Yandex get disputed until the platform takes them down',
    'Ask only the regulars who love us to post reviews, skip the complainers',
    # tenth round (first look: 22 of 28 banned found, 2 of 37 neighbours flagged)
    'Каждому, кто поставит пять звёзд, — бесплатный кофе',
    'Enter the draw by rating the app 5 stars',
    'Low ratings get a support ticket; the others get the App Store prompt',
    'Удаляем все отзывы с одной звездой с карточки',
    'Critical comments disappear from the page by morning',
    'Недовольным звоним, остальным отправляем ссылку на отзыв',
    # eleventh round (first look: 20 of 23 banned found, 1 of 30 neighbours flagged)
    'Бонус 300 ₽ на счёт за отзыв с пятью звёздами',
    'Refund the delivery fee for customers who leave a 5-star rating',
    'Отрицательные отзывы на сайте сразу отправляем в архив',
    # twelfth round (first look: 18 of 23 banned found, 0 of 35 neighbours flagged)
    '5 звёзд в обмен на десерт — говорим официантам предлагать каждому гостю',
    'Ask for a review only after a positive NPS answer, others go to support',
    'Отзывы с жалобами на доставку прячем с главной карточки',
    'Report every 1-star review as fake until they remove it',
    "Negative reviews we don't publish on the site",
]

EXCHANGE_AUTOMATION = [
    'Актив-чат в телеге: каждый лайкает и комментирует посты остальных участников',
    'Комментинг-группа для рилс: кидаешь ссылку, 20 человек пишут комменты',
    'ВП-папка: подписываемся на каналы всех участников, отписываться нельзя две недели',
    'Activity chat: everyone likes and saves the reels of all the other members',
    # seventh round (first look: 46 of 47 banned found, 1 of 42 neighbours flagged)
    "Join a Telegram engagement group for reels: like and comment on everyone's posts",
    'L4L and F4F hashtags on every post',
    'Лайктайм в чате: все лайкают посты друг друга в 20:00',
    'Комментим посты друг друга в чате блогеров каждый день',
    "Follow 200 accounts a day from the competitor's followers and unfollow after 3 days",
    'Масслайкинг по хэштегу #кофемосква через сервис',
    'Взаимные репосты с каналами из папки',
    # eighth round (first look: 30 of 37 banned found, 4 of 35 neighbours flagged)
    'Подписка на подписку в сторис, отметь 3 друзей',
    'Engagement pod on Telegram: 40 creators, everyone comments within the first hour',
    "Follow/unfollow on the competitor's followers with an automation tool",
    'Ставим лайки всем подряд по геолокации через скрипт',
    'Мы лайкаем их посты — они лайкают наши, договорились с пятью кофейнями',
    # ninth round (first look: 31 of 36 banned found, 10 of 40 neighbours flagged)
    'Заходим в чат активности: 50 лайков своих — 50 лайков чужим',
    'Instagram pod with 30 fitness accounts, comments within 5 minutes of posting',
    'Автоподписка на аудиторию конкурентов с отпиской через день',
    'Like-for-like with other local shops every morning',
    'Mass-DM new followers of our competitors with a discount code via a bot',
    # tenth round (first look: 22 of 28 banned found, 2 of 37 neighbours flagged)
    'Договорились с тремя салонами лайкать посты друг друга каждое утро',
    'Авто-лайкинг постов по хэштегам через сервис',
    "Mass follow the hashtag #weddingphotographer, unfollow those who don't follow back",
    "Pod members must comment on each other's reels within an hour",
    # eleventh round (first look: 20 of 23 banned found, 1 of 30 neighbours flagged)
    'Join a comment pod for LinkedIn posts, 20 people',
    'Подписываемся на всех, кто подписан на конкурента, потом отписываемся',
    'Обмениваемся репостами и лайками с другими мастерами маникюра',
    # twelfth round (first look: 18 of 23 banned found, 0 of 35 neighbours flagged)
    'Чат взаимных подписок в Телеграме: 300 участников',
    'Like and comment ring with 10 bakeries, each post gets 10 comments',
    'Автоматически комментируем посты в ленте по хэштегам через бота',
]

LEGITIMATE = [
    'None of our growth comes from bought followers or paid likes',
    'Ни один подписчик не куплен: только контент и реклама',
    'Nobody on the team buys likes or followers for clients',
    'Send every customer the review link in the post-purchase email',
    'Post-purchase survey asks each buyer for a rating, good or bad',
    "Compare the blogger's reach with the follower count; a low ratio usually means a bought audience",
    'A sudden spike of foreign followers often indicates purchased subscribers',
    'Резкий прирост без охватов говорит о купленных подписчиках у блогера',
    'Giveaway rules: entries from fake accounts are disqualified',
    'Участники с фейковых аккаунтов не засчитываются в розыгрыше',
    'Стоп-лист агентства: накрутка, боты, купленные отзывы и взаимные подписки',
    'Никаких накруток, ботов, заказных отзывов и взаимных лайков',
    'Рекламу в чатах активности не покупаем, только посевы в каналах с живой аудиторией',
    'Подписчиков не покупаем, растём на контенте',
    'Вебинар: как отличить живую аудиторию от накрученной',
    'Workshop for clients: how to distinguish real followers from bought ones',
    'Ask every customer for a review, whether happy or unhappy, with the same message',
    'Довольных и недовольных клиентов одинаково просим оставить отзыв',
    'Reply to every complaining comment within an hour, never hide it',
    'Top up the ads budget for the follower campaign in the ads manager',
    'Заполним раздел отзывов отзывами реальных клиентов с их согласия',
    'Fill the reviews page with real customer reviews, with their consent',
    'Рассылка по 100 сообщений в день подписчикам, которые дали согласие',
    'Likes goal: 200 per post by the end of the quarter',
    'We sell gift cards to followers at 10 % off',
    'Продаём мерч подписчикам канала по 990 ₽',
    'Selling our old accounts in the CRM is not possible; export the contacts instead',
    'Отвечаем на отзывы с оценкой ниже 4 в течение часа',
    'Responses to reviews below 3 stars go to the manager within an hour',
    'The chatbot sends the review link to every customer after the visit',
    'Лайки и комментарии считаем по каждому посту в отчёте',
    'Collect customer quotes for the landing page with written consent',
    'Spam reviews get reported; negative reviews are answered in public within a day',
    'Отрицательные отзывы не удаляются: отвечаем на каждый публично',
    'Buy an ad slot in a channel with 50k subscribers for 12 000 ₽',
    'Закупаем рекламу у блогеров, по 3000 ₽ за пост, с маркировкой erid',
    'Пополним рекламный кабинет на 20 000 рублей перед запуском кампании на подписчиков',
    'Top up the ads account so the follower campaign keeps running',
    'Audit: 12 % of the followers look like bots, we remove them every month',
    'Чистим группу от ботов и мёртвых аккаунтов каждую неделю',
    'Report fake accounts that copy our brand and post scam giveaways',
    'Жалуемся на фейковые страницы, которые выдают себя за наш магазин',
    'The chatbot answers questions automatically, 24/7, on every new post',
    'Бот автоматически отвечает на комментарии под каждым постом',
    'Giveaway under the platform rules: follow the account and comment under the post, the winner is drawn at random',
    'Розыгрыш по правилам площадки: подписка и комментарий под постом, победителя выберем рандомайзером',
    'Политика агентства: не покупаем подписчиков, лайки и отзывы, не используем ботов',
    'We never buy followers and never reward only positive reviews',
    'Make-up artist reviews: we repost what clients write about their looks, with permission',
    'Makeup reviews from beauty bloggers, marked as ads',
    'Продаём подарочные сертификаты подписчикам со скидкой 10 %',
    'Selling accounts is against the rules; we never buy or sell pages',
    'Продажа аккаунтов запрещена правилами площадки',
    'Возьмём у клиентов согласие на публикацию отзывов',
    'Докрутим креативы и тексты объявлений до конца недели',
    'Reactions under each post are counted in the weekly report',
    'Спрашиваем всех гостей — и довольных, и недовольных — и просим оставить честный отзыв',
    'Unhappy customers get a call from the manager and the same review link as everyone else',
    'Happy or not, every guest gets the same review request',
    'Подписчиков не покупаем и ботов не используем — только контент и посевы с маркировкой',
    'Followers we never buy; ads we buy through the ads manager',
    'Никто из сотрудников не пишет отзывы о салоне',
    'None of the reviews on the site are written by staff',
    'Стоп-слова для модерации: накрутка, боты, взаимные подписки',
    'Don\'t forget to report bots in the comments',
    # seventh round
    'Buy an ad slot in the city news channel, 5 000 ₽ per post, marked as an ad',
    'Заказать рекламу у блогера с 30к подписчиков, с маркировкой',
    'Top up the ads cabinet by 10 000 ₽ for the follower campaign',
    'Пополнить рекламный кабинет ВК и запустить таргет на подписчиков конкурентов',
    "Audit the blogger's followers for bots before we pay",
    'Проверяем аудиторию блогера на ботов и накрутку через сервис аналитики',
    'Clean out bot followers every month and report the numbers honestly',
    'Чистим канал от ботов после каждой волны спама',
    'Report fake accounts impersonating our shop',
    'Chatbot takes orders and answers questions about delivery',
    'Чат-бот записывает клиентов и напоминает о визите',
    'Policy: we never buy followers, likes or reviews',
    'Мы не покупаем подписчиков и не накручиваем лайки',
    'Giveaway under Instagram rules: follow, like and tag a friend, winner picked at random',
    'Розыгрыш по правилам ВК: подписка на группу и репост, итоги через рандомайзер',
    'Paid subscription to the channel for 299 ₽ a month with bonus content',
    'Buy a gift for the top three commenters of the month',
    'Order review cards with a QR code for the tables',
    'Boost the best post through the ads manager with a 5 000 ₽ budget',
    'Раскрутка группы через таргет и посевы в тематических каналах',
    'Накрутка на цены в новом меню — 20 %',
    'KPI: likes, comments and saves per post, measured weekly',
    'Thank every reviewer with the same 5 % coupon, whatever the rating',
    'Дарим скидку 10 % за любой честный отзыв, хороший или плохой',
    'Reply to every negative review within a day and never delete it',
    'Не удаляем негативные отзывы, отвечаем на каждый публично',
    'We ask all customers for reviews, not only the happy ones',
    'Cross-promotion with the bakery next door, disclosed in both posts',
    'Совместный розыгрыш с партнёром, оба аккаунта указывают условия',
    'Collect video testimonials from real patients with signed consent',
    'Staff may reply to reviews on behalf of the clinic, signing with their name',
    'Сотрудники отвечают на отзывы от имени салона',
    'Explain in a post why bought followers hurt a brand',
    'Case study: how a competitor lost reach after buying likes',
    'Stories views grew 20 % after the quiz series',
    'Мы растим просмотры за счёт рилс и коллабораций',
    'Order 200 branded stickers for followers who come to the meetup',
    'Следим за подозрительными всплесками подписчиков и сообщаем клиенту',
    'Use the official Telegram Ads to get subscribers for the channel',
    'Купить рекламу в Telegram Ads для роста подписчиков',
    "Employees share the company's posts from their own accounts, marked as staff",
    'Отзывы сотрудников о работе в компании публикуем на HH',
    # eighth round
    "Why we don't buy followers: a post for the agency blog",
    'Как мы нашли ботов у блогера до того, как заплатили за рекламу',
    'Purchased ad impressions: 200k in the first week of the campaign',
    'Paid reach: 50 000 ₽ budget in VK Ads for the new followers campaign',
    'Boost the giveaway post through Meta Ads Manager',
    'Grow followers with a giveaway under the platform rules',
    'Add members from our opt-in email list to the Telegram chat',
    'Приглашаем клиентов в чат в Телеграме с их согласия',
    'Buy likes? No — we grow with content and ads',
    'Купить подписчиков? Нет, только реклама и контент',
    'Staff can leave honest reviews only if they disclose they work here',
    'UGC creators film videos for the brand, marked as paid partnership',
    'Бартер с блогерами с маркировкой рекламы',
    'Ask the team to share the vacancy post with friends',
    'Ask friends and family to follow the new page when it launches',
    'Reply to 1-star reviews publicly and offer a refund',
    'Собираем отзывы после покупки через SMS со ссылкой на карты, всем клиентам',
    'The review widget shows all reviews, good and bad, in order of date',
    'Отзывы на сайте выводятся все, без модерации по оценке',
    'Spam comments and insults are hidden according to the community rules',
    'Скрываем комментарии с оскорблениями и спамом по правилам сообщества',
    'Delete spam bots from the comments every morning',
    'Our bot replies to every comment with the menu link',
    'Автопостинг через SMMplanner по расписанию',
    'Scheduled posts go out automatically at 9:00',
    'Order a photo shoot with real customers who agreed to appear',
    'Закажем съёмку отзывов настоящих клиентов на видео',
    'Buy a Telegram Premium subscription for the admin account',
    'Buy a domain and an ads account for the new brand',
    'Заказать дизайн обложек для видеоотзывов клиентов',
    'Лайки и репосты от сотрудников компании — только с пометкой, что это сотрудники',
    'Mass mailing to subscribers who opted in, once a week',
    'Массовая рассылка по базе клиентов, давших согласие',
    'Followers from the ad campaign cost 12 ₽ each in VK Ads',
    'Подписчик из таргета обходится в 15 ₽',
    # ninth round
    'Week 1 KPI: +3k followers from reels and a giveaway under the rules',
    'Набор подписчиков через таргет и посевы: цена подписчика до 20 ₽',
    'Платные подписки на закрытый канал — 490 ₽ в месяц',
    'Invite members to the Telegram chat from our newsletter with a link',
    'Grow the subscriber count on YouTube with Shorts and collabs',
    'Bought ads: saves and shares grew 30 % with the Explore placement',
    'Comment prompts under each post to get real replies',
    'Лайки под постами считаем в отчёте как показатель вовлечённости',
    'Пакет «Старт» для клиента агентства: 12 постов и 4 рилс в месяц',
    'Vote for us in the city award — share the link with your friends',
    'Виртуальный тур по салону в сторис',
    'Happy clients can leave a video testimonial, we publish all of them',
    'Bot network detection: report the accounts retweeting our posts in bulk',
    'Отзывы клиентов публикуем с их согласия и без правок',
    'Our SMM manager replies to reviews from the brand account',
    'Review pack for the sales team: printed cards asking for an honest review',
    'Нейросеть помогает писать ответы на отзывы, менеджер проверяет',
    'Stylists ask their clients to leave a review after the visit',
    'Блогеры с маркировкой рекламы рассказывают о личном опыте',
    'Промокод на 500 ₽ за любой отзыв — положительный или отрицательный',
    'Gift card draw among all reviewers this month, whatever the rating',
    'Отвечаем на отзывы с оценкой ниже 4 в течение часа и предлагаем решение',
    'Moderators remove spam and insults; critical comments stay and get an answer',
    'We dispute only fake reviews that break the platform rules, with proof',
    'Ask the regulars who love us to post an honest review',
    'Чат активности клиентов клуба: тренировки, вопросы, поддержка',
    'Fitness accounts we collaborate with disclose the partnership',
    'Автоподписка на рассылку после покупки, с согласием клиента',
    'Like-for-like sales grew 8 % in the third quarter',
    'Send a welcome DM to new followers through the official inbox',
    'We do not use pods, bots or bought followers',
    'Ни ботов, ни накрутки, ни купленных отзывов — только честный рост',
    'Proposal note: followers are grown organically, never bought',
    "Report: competitors seem to buy followers; we don't",
    'How to spot a bot farm in your followers — carousel for the blog',
    'Как распознать накрутку у блогера: 5 признаков',
    'Engagement rate of bought audiences is low — a slide for the pitch',
    'Проверить блогера на накрутку через LiveDune перед покупкой рекламы',
    'Buy a sponsored post in a newsletter with 40k subscribers',
    'Закупка рекламы в Telegram-каналах с 10-50к подписчиков, по 2000 ₽ за пост',
    # tenth round
    'Целевое: 5к подписчиков к 1 марта за счёт рилс и посевов',
    'Any shortfall in followers goes in the report as it is, with the reasons',
    'Рост подписчиков: +12 % за месяц, без накрутки',
    'Audience growth plan: ads to lookalikes, collabs and a giveaway',
    'Вливаем бюджет в таргет на подписчиков конкурентов',
    'Followers arrive from the ads in batches after each campaign wave',
    'Под анонс попросим подписчиков написать комментарии с вопросами',
    'Шлём ссылку на рилс подписчикам в рассылке',
    'Likes are a weak KPI; we report saves and shares',
    'Reposts from partners are marked as partnership posts',
    'Охват добиваем таргетом и посевами с маркировкой',
    'Sales team accounts are verified and named after the staff member',
    'Bots that leave spam comments are banned by the moderator',
    'Программа для аналитики показывает долю ботов у блогера',
    'Попросим сотрудников рассказать о работе в компании на HH',
    'Interns post stories from the office, signed as the team',
    'Customer stories for the case page, approved by each client',
    'Менеджеры отвечают на отзывы на маркетплейсе от имени магазина',
    'Отзовики мониторим каждый день и отвечаем на все отзывы',
    'Каждому, кто оставит отзыв, — бесплатный кофе, независимо от оценки',
    'Enter the draw by commenting under the post; rules in the pinned comment',
    'Low ratings get a support ticket and a public answer',
    'Удаляем отзывы-спам по правилам площадки, остальные оставляем',
    'Critical comments get an answer from the manager by morning',
    'Договорились с тремя салонами о совместном розыгрыше с маркировкой',
    'Автопостинг постов по расписанию через сервис',
    'Follow back creators we work with on projects',
    'Pod coffee machine for the office — order before Friday',
    'Купим кофемашину на капсулах для офиса, подписку на капсулы оформим',
    'Buy gifts for subscribers who win the quiz',
    'Following the brand guidelines, every post gets the logo',
    'Increase the ads budget for likes campaign in Meta Ads Manager',
    'Заказать продвижение постов через официальную рекламу ВКонтакте',
    'Продвижение в Telegram Ads: цена за 1000 показов от 100 ₽',
    'CPM 150 ₽ per 1000 impressions on the followers campaign',
    'We pay bloggers for integrations; their followers see a marked ad',
    'Платим блогерам за интеграции, их подписчики видят рекламу с маркировкой',
    'Unhappy customers get a call and the same review link as the others',
    'Недовольным звоним и отправляем ссылку на отзыв, как и остальным',
    # eleventh round
    'Для отчёта клиенту считаем только живой прирост подписчиков, без накрутки',
    "Channel members: we'll invite our customers from the email list first",
    'Подписчиков в ВК приводим рекламой и посевами, бюджет 30 000 ₽',
    'Fill the new group with posts before inviting the first members',
    'Тариф «Рост» агентства: 20 постов, 8 рилс и отчёт',
    'Комменты под розыгрышем считаем, чтобы выбрать победителя',
    'We need 300 likes in the first hour — ask the community to react',
    'Просмотры сторис смотрим каждое утро в статистике',
    'Order Telegram Ads for the channel: 5k impressions a day',
    'Fake accounts in the comments are reported and blocked',
    'Run 15 posts in local groups through paid placements, marked as ads',
    'Чат-бот отвечает покупателям в комментариях от имени магазина',
    "Owner's friends are invited to the soft opening, no reviews asked",
    'Напишем ответы на 15 отзывов на Яндекс Картах',
    'Testimonials on the site are written by clients and signed with their names, with consent',
    'Описания товаров заказываем у фрилансеров, 500 ₽ за штуку',
    'Бонус 300 ₽ на счёт за любой отзыв с фото',
    'Refund the delivery fee for customers whose order was late',
    'Отрицательные отзывы на сайте разбираем на планёрке и отвечаем',
    'We reply to comments that mention the price increase',
    'Join a LinkedIn group for SMM managers to learn',
    'Подписываемся на коллег и партнёров из индустрии',
    'Обмениваемся опытом с другими мастерами маникюра на конференции',
    'Lookalike audience of buyers for the followers campaign',
    'Нагнать трафик на сайт рекламой в Яндекс Директ',
    'Pump up the volume of the launch with a live stream',
    'Top up the balance of the SMS service for review requests to all customers',
    'Раскрутка нового канала: реклама у блогеров и взаимный пиар с маркировкой',
    'Бот-ассистент напоминает клиентам оставить отзыв после визита',
    'Stop buying followers — the audit showed 40 % bots',
    # twelfth round
    'Канал клиента: 0 → 10к подписчиков за год через контент и рекламу',
    'Can you source 5 photos from customers for the brand page? Ask for consent',
    'Сообщество растёт: 500 новых участников после эфира',
    'Followers for the brand: we report growth monthly with the source of each',
    'Гарантия агентства: только живые подписчики из рекламы и контента',
    'Лайков мало — попробуем другой формат и время публикации',
    'Pay per click ads for the launch video: CPC $0.20',
    'Реакции на посты канала — считаем по неделям',
    'Ratings for the app in the store: ask every user once after the tenth session',
    'LinkedIn profiles of the team get a unified design and headline',
    'Страницы сотрудников в соцсетях: рекомендации по оформлению',
    'Comment on each ad reply from a real person within an hour',
    'Сотрудники салона отвечают клиенткам в директе',
    "Reviews on Amazon: send the platform's own request to every buyer",
    'ИИ помогает найти отзывы с вопросами, на которые надо ответить',
    'Testimonial quotes for the ads are taken from real reviews with consent',
    'Десерт в подарок на день рождения гостя',
    'Ask every customer for a review after the NPS survey, whatever the answer',
    'Отзывы с жалобами на доставку передаём в логистику и отвечаем публично',
    'Report reviews that contain personal data, as the platform requires',
    'Чат подписчиков канала в Телеграме: 300 участников, модерация',
    'Ring light and tripod for the comment videos',
    'Автоматически публикуем посты по расписанию через сервис отложенного постинга',
    'Нельзя покупать подписчиков: так в договоре с клиентом',
    'Bought followers ruin engagement rate — explain to the client',
    'Если клиент попросит накрутку, отказываемся и предлагаем рекламу',
    'Боты в комментариях — удаляем и баним',
    'Просим друзей бренда рассказать о запуске у себя в сторис с пометкой',
    'Employees can share honest reviews of the workplace on Glassdoor',
    'Проверка накрутки у блогеров перед закупкой рекламы',
    'Review request via QR code on every receipt',
    "Stickers with 'Review us on Google' for the counter",
    'Гости ставят оценку в анкете, всем отправляем одинаковую ссылку на отзыв',
    'Followers count: 12 400, up 3 % month over month',
    'Лайки, комментарии и сохранения — основа отчёта по вовлечённости',
    'Likes goal: 200 per post by the end of the quarter',
    'Недовольным звоним и отправляем ссылку на отзыв, как остальным',
    'Garage sale for followers: old props at half price',
    'Мерч в продаже для подписчиков канала',
]


# Written in this round and still missed (not asserted; named here so the gap is on record):
#   'The reviews section gets filled in by the team with invented names' ("reviews section" reads as
#       a page of the site, which the `review` role masks);
#   'Сочиним десяток отзывов от «покупательниц» для сайта' (the quotation marks that make the buyers
#       fake are not read; "сочинить" alone also writes honest texts asking for reviews);
#   'Отзывы от «клиентов» пишем сами по шаблону' (the same quotation marks; "reviews from clients"
#       reads as real customers' reviews);
#   'Шлём ссылку на рилс в сервис, оттуда приходит 10к просмотров' ("в сервис" alone is no seller:
#       videos go into analytics services too);
#   "Use bots to leave 'Where can I buy this?' comments under the ads" (the quoted question ends
#       the clause between the bots and the comments);
#   'We delete comments that mention the price increase' (what the comments say about the brand is
#       not read: deleting comments that mention spam links is moderation);
#   'Can you source 5k followers for the brand page by Monday? Budget is $60' (the question ends
#       the clause before the budget, and "source" alone gets followers honestly too).


BANNED = [(code, t) for code, texts in (
    ("BAN001", BOUGHT_AUDIENCE), ("BAN002", BOUGHT_ENGAGEMENT), ("BAN003", BOTS), ("BAN004", FAKE_REVIEWS),
    ("BAN005", REVIEW_MANIPULATION), ("BAN006", EXCHANGE_AUTOMATION)) for t in texts]


@pytest.mark.parametrize(("code", "text"), BANNED)
def test_banned_shape_is_flagged(code, text):
    assert_flagged(text)


@pytest.mark.parametrize("text", LEGITIMATE)
def test_legitimate_neighbour_passes(text):
    assert_passes(text)


def test_code_of_each_shape_mostly_right():
    wrong = [(c, t, _codes(t)) for c, t in BANNED if _codes(t) != [c]]
    assert len(wrong) <= 0.1 * len(BANNED), wrong


def test_third_round_through_the_installed_command(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "tactics:\n"
        "  - Кешбэк 100 ₽ за 5* на маркетплейсе\n"
        "  - None of our growth comes from bought followers or paid likes\n"
        "  - 'ВП-папка: подписываемся на каналы всех участников, отписываться нельзя две недели'\n"
        "  - Подписчиков не покупаем, растём на контенте\n"
        "  - Members for the Discord server, 5k for $40 from a Fiverr gig\n",
        encoding="utf-8")
    proc = run_cli("check", str(plan), "--format", "json")
    assert proc.returncode == 1, proc.stderr.decode()
    found = [(f["code"], f["line"]) for f in json.loads(proc.stdout)["findings"] if f["code"].startswith("BAN")]
    assert sorted(found) == [("BAN001", 6), ("BAN005", 2), ("BAN006", 4)], found
    [star] = [f for f in json.loads(proc.stdout)["findings"] if f["code"] == "BAN005"]
    assert "5*" in star["message"]  # the rating as written
