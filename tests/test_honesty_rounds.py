"""The honesty rules on the independent sets written during the fourth to fifteenth generalising rounds.

Each set (tests/data/honesty_devN.yaml: 5-13 in the fourth round, 14-27 in the fifth, 28-33 in the
sixth, 34-41 in the seventh, 42-43 in the eighth, 44-45 in the ninth, 46-60 in the twelfth, 61-76 in
the thirteenth, 77-94 in the fourteenth, 95-98 in the fifteenth, 99-106 in the sixteenth, 107-110 in the seventeenth, 115-118 in the eighteenth) was written on December 2, 3 or 4 2026 by an engineer
who never opened the rules, their
lexicon, smmplan/text/ or any other honesty corpus, each with its own brief. Each was scored once before any
tuning on it (the first look: what a new set of wordings gets from the rules as they stood), then
tuned on by word shapes, never by its phrases; from then on it is development data, and its floors
keep what the tuning reached. The held-out sets (tests/test_honesty_heldout_sets.py) were written
with the brief of the seventh set (the fourth to seventh) and of the ninth (the eighth), and never
read until scored.
Run with -s to see every miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.honesty_score import assert_scores

DATA = Path(__file__).parent / "data"

# (set, its brief, first look: recall and precision, the sets tuned on before it, floors now)
ROUNDS = [
    (5, "the usual brief: plans, briefs, sellers' adverts, slang, both languages",
     "86.3 % (145/168)", "96.7 % (145/150)", "none of these", 0.97, 0.99),
    (6, "the hardest wordings: long task texts, the tactic by its effect, euphemisms, mixed slang",
     "67.9 % (114/168)", "91.9 % (114/124)", "5", 0.92, 0.99),
    (7, "the brief of the fourth held-out set",
     "89.7 % (140/156)", "95.2 % (140/147)", "5-6", 0.98, 0.99),
    (8, "half of the legitimate phrases share a keyword with a banned tactic",
     "92.0 % (127/138)", "96.9 % (127/131)", "5-7", 0.99, 0.99),
    (9, "five writers: a junior manager, an account director, a seller, a client, a channel admin",
     "90.7 % (127/140)", "93.4 % (127/136)", "5-8", 0.99, 0.99),
    (10, "growth hackers, agencies, marketplace sellers, app marketers, local businesses (60 % English)",
     "90.4 % (122/135)", "96.1 % (122/127)", "5-9", 0.97, 0.99),
    (11, "lines of real documents: plan rows, proposals, reports, tasks, chats, adverts (60 % Russian)",
     "84.1 % (116/138)", "97.5 % (116/119)", "5-10", 0.97, 0.99),
    (12, "the brief of the fourth held-out set again: the best estimate of what it will score",
     "91.4 % (128/140)", "97.0 % (128/132)", "5-11, 13", 0.96, 0.99),
    (13, "short plan lines: tactic bullets, post titles, KPI notes, price-list lines",
     "92.5 % (123/133)", "98.4 % (123/125)", "5-11", 0.96, 0.99),
    # the fifth round (December 2, late): two sets written with the seventh and eighth held-out sets
    (14, "the tactic by what is done and its effect: two sentences, arrows, what a page shows, fresh verbs",
     "77.3 % (102/132)", "91.9 % (102/111)", "5-13", 0.93, 0.98),
    (15, "lines of working documents with typos, abbreviations and mixed scripts (60 % Russian)",
     "84.1 % (111/132)", "94.1 % (111/118)", "5-13", 0.98, 0.99),
    (16, "the brief of the held-out sets: plans, briefs, sellers' adverts, chats, growth-hacking threads",
     "91.4 % (128/140)", "97.0 % (128/132)", "5-15", 0.97, 0.99),
    (17, "six writers: a clinic's marketer, a freelancer, a marketplace seller, an app marketer, a music manager, a junior",
     "89.5 % (128/143)", "96.2 % (128/133)", "5-15", 0.97, 0.98),
    (18, "hard neighbours (two thirds share a keyword with a tactic); tactics by euphemism, passive, result",
     "73.9 % (102/138)", "95.3 % (102/107)", "5-15", 0.92, 0.99),
    (19, "varied grammar: questions, conditionals, reported speech, past reports, the tactic in a subordinate clause",
     "89.9 % (124/138)", "97.6 % (124/127)", "5-18", 0.95, 0.99),
    (20, "platform by platform, each with its own counters (60 % Russian)",
     "91.3 % (126/138)", "100.0 % (126/126)", "5-18", 0.99, 0.99),
    (21, "short lines of plans, slides, spreadsheets and price lists: terse, abbreviated, often verbless",
     "92.0 % (127/138)", "99.2 % (127/128)", "5-18", 0.95, 0.99),
    (22, "the held-out sets' brief, in the writer's own words rather than stock phrases",
     "93.5 % (129/138)", "97.7 % (129/132)", "5-21", 0.98, 0.99),
    (23, "five writers: a café owner, a course producer, a dealer, a B2B SaaS marketer, a city channel admin",
     "87.0 % (120/138)", "96.0 % (120/125)", "5-21", 0.97, 0.98),
    (24, "paragraphs of 2-4 sentences where the tactic is one part among dates, budgets and people",
     "86.2 % (119/138)", "91.5 % (119/130)", "5-21", 0.89, 0.99),
    (25, "the held-out sets' brief, each tactic as a junior, a director, a seller, an owner and an admin would put it",
     "93.5 % (129/138)", "100.0 % (129/129)", "5-24", 0.97, 0.99),
    (26, "Russian as typed in work chats and Telegram: slang, anglicisms in Cyrillic, typos (65 % Russian)",
     "92.8 % (128/138)", "96.2 % (128/133)", "5-24", 0.97, 0.98),
    (27, "English of growth marketers, indie hackers and sellers on Slack, Reddit, Discord (65 % English)",
     "89.9 % (124/138)", "95.4 % (124/130)", "5-24", 0.97, 0.98),
    # the sixth round (December 2, night): 28-29 written with the thirteenth and fourteenth held-out
    # sets, 30-33 with the fifteenth and sixteenth; each scored once before it was tuned on
    (28, "the hardest everyday wordings: questions between admins, asides in reports, counts and prices without a seller, typos, pronouns",
     "76.8 % (106/138)", "93.8 % (106/113)", "5-27, the held-out sets 4-12", 0.92, 0.99),
    (29, "six writers: a clinic, a mobile game, a fashion brand, a hotel, a crypto project, a freelancer; several tasks in one line",
     "84.8 % (117/138)", "94.4 % (117/124)", "5-27, the held-out sets 4-12", 0.94, 0.98),
    (30, "the tactic told by what is done: steps, arrows, if-then, what a screen shows, a plan row's columns",
     "71.7 % (99/138)", "93.4 % (99/106)", "5-29", 0.89, 0.97),
    (31, "platform by platform and niche by niche, each with its own counters (favourites, wishlists, upvotes)",
     "91.3 % (126/138)", "97.7 % (126/129)", "5-29", 0.97, 0.99),
    (32, "messages between clients and agencies: requests, agreements, refusals, counter-proposals",
     "92.8 % (128/138)", "93.4 % (128/137)", "5-31", 0.97, 0.97),
    (33, "euphemism and indirect speech: the tactic never named by its usual word",
     "68.1 % (94/138)", "94.9 % (94/99)", "5-31", 0.76, 0.97),
    # the seventh round (December 2, before midnight): 34-35 written with the nineteenth to
    # twenty-second held-out sets, each scored once at f9242d6 before it was tuned on
    (34, "the brief of the seventh held-out set, again",
     "95.1 % (137/144)", "98.6 % (137/139)", "5-33, the held-out sets 4-16", 1.0, 1.0),
    (35, "five writers: an account manager, a seller, a growth hacker, a small business owner, an analyst",
     "91.7 % (132/144)", "94.3 % (132/140)", "5-33, the held-out sets 4-16", 0.99, 0.99),
    # 36-37 written while 34-35 were tuned on, each scored once before it was tuned on
    (36, "five writers, again",
     "93.8 % (135/144)", "92.5 % (135/146)", "5-35, the held-out sets 4-18", 0.97, 1.0),
    (37, "the brief of the seventh held-out set, a third time",
     "99.3 % (143/144)", "99.3 % (143/144)", "5-36, the held-out sets 4-18", 1.0, 1.0),
    # 38-39 written while 36-37 were tuned on, scored once at 56a9285
    (38, "five writers, a third time",
     "91.0 % (131/144)", "96.3 % (131/136)", "5-37, the held-out sets 4-18", 1.0, 1.0),
    (39, "five writers, a fourth time",
     "91.7 % (132/144)", "95.7 % (132/138)", "5-37, the held-out sets 4-18", 0.97, 1.0),
    # 40-41 written while 38-39 were tuned on; 41 scored once at 5ef039a, 40 at 3a03a89
    (40, "five writers, a fifth time",
     "91.7 % (132/144)", "98.5 % (132/134)", "5-39, 41, the held-out sets 4-18", 0.99, 0.99),
    (41, "five writers, a sixth time",
     "91.7 % (132/144)", "94.3 % (132/140)", "5-39, the held-out sets 4-18", 0.97, 1.0),
    # the eighth round (after midnight): 42-43 written with the twenty-third to twenty-sixth
    # held-out sets, each scored once before it was tuned on
    (42, "five writers, a seventh time",
     "91.0 % (131/144)", "96.3 % (131/136)", "5-41, the held-out sets 4-22", 0.97, 1.0),
    (43, "five writers, an eighth time",
     "91.0 % (131/144)", "97.0 % (131/135)", "5-42, the held-out sets 4-22", 0.99, 1.0),
    # the ninth round (December 3): 44-45 written with the twenty-seventh to thirtieth held-out
    # sets, each scored once at 34786a4 before it was tuned on
    (44, "the hardest everyday wordings: the tactic by what is done and its effect, with no word of buying or faking",
     "66.0 % (95/144)", "95.0 % (95/100)", "5-43, the held-out sets 4-26", 0.92, 1.0),
    (45, "five writers: a café owner, a course producer, a car dealer, a B2B SaaS marketer, a city channel admin",
     "91.0 % (131/144)", "97.0 % (131/135)", "5-43, the held-out sets 4-26", 0.97, 0.99),
    # the twelfth round (December 3, tenth session): 46-60 written while the eleventh round's held-out
    # sets (37-38) and each other were tuned on, each scored once before it was tuned on (the commits
    # are in tests/data/README.md)
    (46, "the usual brief: plans, briefs, client chats, sellers' adverts, growth forums",
     "93.8 % (135/144)", "95.1 % (135/142)", "5-45, the held-out sets 4-36", 0.96, 1.0),
    (47, "five writers: a charity, a crypto project, a furniture store, a beauty salon, a podcast host",
     "87.5 % (126/144)", "98.4 % (126/128)", "5-45, the held-out sets 4-36", 0.96, 1.0),
    (48, "the usual brief, with Reddit-style threads and freelance gig descriptions",
     "92.4 % (133/144)", "97.1 % (133/137)", "5-47, the held-out sets 4-38", 0.98, 0.99),
    (49, "five writers: a car-service chain, an online English school, a craft brewery, a mobile game studio, a wedding photographer",
     "95.1 % (137/144)", "95.8 % (137/143)", "5-47, the held-out sets 4-38", 0.99, 1.0),
    (50, "rows of working documents: content-plan rows, tickets, meeting notes, voice messages, price lists",
     "95.8 % (138/144)", "97.2 % (138/142)", "5-47, the held-out sets 4-38", 0.99, 1.0),
    (51, "five writers: a pharmacy chain, a Telegram news channel, a handmade jewellery seller, a B2B logistics firm, a yoga retreat",
     "89.6 % (129/144)", "96.3 % (129/134)", "5-47, the held-out sets 4-38", 0.97, 1.0),
    (52, "the usual brief, a third of the tactics told indirectly (slang, euphemism, a price list, a reported conversation)",
     "83.3 % (120/144)", "94.5 % (120/127)", "5-51, the held-out sets 4-38", 0.9, 1.0),
    (53, "five writers: a municipal PR consultant, a toy shop, a fintech app, a dance studio, a travel blogger",
     "91.7 % (132/144)", "95.0 % (132/139)", "5-51, the held-out sets 4-38", 0.98, 1.0),
    (54, "five writers: a vet clinic, a flower delivery, an IT recruiting agency, a streetwear brand, a local theatre",
     "90.3 % (130/144)", "95.6 % (130/136)", "5-51, the held-out sets 4-38", 0.99, 1.0),
    (55, "rows of working documents with typos, Russian-English jargon and transliterated Russian",
     "87.5 % (126/144)", "96.9 % (126/130)", "5-51, the held-out sets 4-38", 0.97, 1.0),
    (56, "the usual brief",
     "91.0 % (131/144)", "97.0 % (131/135)", "5-55, the held-out sets 4-38", 0.98, 1.0),
    (57, "five writers: a private kindergarten, an auto parts seller, a comedian's manager, a SaaS founder, a coffee roastery",
     "86.8 % (125/144)", "96.9 % (125/129)", "5-56, 58, the held-out sets 4-38", 0.95, 0.99),
    (58, "five writers: a cosmetic surgery clinic, a regional news site, a bookshop, a cleaning service, a betting affiliate",
     "88.9 % (128/144)", "94.8 % (128/135)", "5-55, the held-out sets 4-38", 0.99, 0.99),
    (59, "the usual brief",
     "92.4 % (133/144)", "96.4 % (133/138)", "5-58, the held-out sets 4-38", 0.95, 0.99),
    (60, "five writers: a language app, a seaside hotel, a barbershop chain, a furniture retailer, a charity fundraiser",
     "89.6 % (129/144)", "95.6 % (129/135)", "5-58, the held-out sets 4-38", 0.93, 0.97),
    # the thirteenth round (December 3, eleventh session): 61-64 written with the held-out sets
    # 47-50, each scored once before it was tuned on, with the rules of 510b997 and the first of this
    # round's changes (from the misses of the held-out sets 43-46, now read)
    (61, "apps and e-commerce: app stores, Steam, Product Hunt, Trustpilot, G2, Otzovik; launch checklists",
     "91.0 % (131/144)", "98.5 % (131/133)", "5-60, the held-out sets 4-46", 0.98, 0.99),
    (62, "VK, Дзен, OK, Rutube, Shorts and Reels of small businesses: colloquial, typos, object-first order",
     "94.4 % (136/144)", "95.8 % (136/142)", "5-60, the held-out sets 4-46", 0.96, 0.97),
    (63, "online schools, course producers, coaches, realtors, salons: launches, webinars, testimonials",
     "95.1 % (137/144)", "95.1 % (137/144)", "5-60, the held-out sets 4-46", 0.96, 0.98),
    (64, "B2B and employer brand: LinkedIn, hh.ru, Glassdoor, Хабр Карьера, Clutch; events and webinars",
     "79.2 % (114/144)", "96.6 % (114/118)", "5-60, the held-out sets 4-46", 0.95, 0.99),
    # 65-68 written while 61-64 were tuned on, each scored once at 15f49cc before it was tuned on
    (65, "the tactic told by what is done and its effect, never by 'buy' or 'fake' (hints, euphemisms, targets by a date)",
     "67.4 % (97/144)", "95.1 % (97/102)", "5-64, the held-out sets 4-46", 0.88, 0.99),
    (66, "five writers: a food-delivery franchise, a politician's press office, a music label, a crypto community, a kids' clothing shop",
     "90.3 % (130/144)", "98.5 % (130/132)", "5-64, the held-out sets 4-46", 0.92, 0.98),
    (67, "rows of working documents: plan rows, task titles, minutes, reports, voice notes, offers and price lists",
     "92.4 % (133/144)", "96.4 % (133/138)", "5-64, the held-out sets 4-46", 0.94, 0.97),
    (68, "the hardest neighbours (policies, refusals, audits, lessons) and tactics with negations, conditions and questions",
     "81.9 % (118/144)", "88.7 % (118/133)", "5-64, the held-out sets 4-46", 0.92, 0.96),
    # 69-72 written while 65-68 were tuned on, each scored once at 141cce3 before it was tuned on
    (69, "the usual brief, by an agency owner of ten years: everyday wording, phrases of 15-35 words with context",
     "90.3 % (130/144)", "94.9 % (130/137)", "5-68, the held-out sets 4-46", 0.96, 0.97),
    (70, "five writers: a hotel chain, a mobile-game community, a regional news channel, a furniture seller, a wellness retreat",
     "88.9 % (128/144)", "98.5 % (128/130)", "5-68, the held-out sets 4-46", 0.96, 0.99),
    (71, "Russian-first writers: mixed jargon, passives and object-first order, in Russian and in English written the same way",
     "94.4 % (136/144)", "93.2 % (136/146)", "5-68, the held-out sets 4-46", 0.97, 0.96),
    (72, "one line of a working document each: a plan's tactic column, KPI notes, offers, homework, freelancer profiles",
     "91.0 % (131/144)", "96.3 % (131/136)", "5-68, the held-out sets 4-46", 0.95, 0.98),
    # 73-76 written while 69-72 were tuned on, each scored once at 1fc020b (the rules of e1864bd)
    (73, "the usual brief, by a junior manager and her clients in small towns: plain words, run-on sentences, typos",
     "87.5 % (126/144)", "94.0 % (126/134)", "5-72, the held-out sets 4-46", 0.91, 0.97),
    (74, "five writers: a dentistry chain, a gaming channel, a wedding venue, an EdTech growth lead, a city council's press service",
     "88.9 % (128/144)", "92.1 % (128/139)", "5-72, the held-out sets 4-46", 0.90, 0.97),
    (75, "tactics and their neighbours as questions, requests and advice in forums and chats",
     "86.8 % (125/144)", "92.6 % (125/135)", "5-72, the held-out sets 4-46", 0.94, 0.99),
    (76, "rows of marketplace and local-business documents: seller tasks, admin chats, map-listing notes, front desks",
     "93.1 % (134/144)", "97.1 % (134/138)", "5-72, the held-out sets 4-46", 0.98, 0.99),
    # the fourteenth round: 77-80 scored once with the rules of dcfa4e1 and the first changes of the round
    # (tuned on the held-out sets 51-54, read once scored), 81-84 once 77-80 had been tuned on
    (77, "half of it Telegram and VK admins' slang and SMM-service sellers' adverts, with their neighbours",
     "97.2 % (140/144)", "96.6 % (140/145)", "5-76, the held-out sets 4-54", 0.99, 1.00),
    (78, "half of it long agency briefs, client chats and meeting notes: past tense, reported speech, questions",
     "95.1 % (137/144)", "94.5 % (137/145)", "5-76, the held-out sets 4-54", 0.97, 0.98),
    (79, "half of it terse plan cells and notes with symbols, the tactic told by its effect or price",
     "91.0 % (131/144)", "99.2 % (131/132)", "5-76, the held-out sets 4-54", 0.93, 1.00),
    (80, "half of it negations and modality both ways: tactics a negation does not excuse, refusals and lessons",
     "88.2 % (127/144)", "92.7 % (127/137)", "5-76, the held-out sets 4-54", 0.97, 0.97),
    (81, "half of it the review economy: marketplaces, maps, app stores, B2B review sites and their programmes",
     "92.4 % (133/144)", "94.3 % (133/141)", "5-80, the held-out sets 4-54", 0.97, 0.97),
    (82, "half of it bots, sockpuppets and coordinated inauthentic behaviour, and chat-bots and disclosed personas",
     "93.8 % (135/144)", "95.1 % (135/142)", "5-80, the held-out sets 4-54", 0.97, 0.99),
    (83, "half of it engagement exchange and mass automation, and collaborations, giveaways and schedulers",
     "96.5 % (139/144)", "96.5 % (139/144)", "5-80, the held-out sets 4-54", 0.99, 1.00),
    (84, "half of it bought audience and engagement across platforms and metrics, and each platform's own ads",
     "93.8 % (135/144)", "99.3 % (135/136)", "5-80, the held-out sets 4-54", 0.97, 1.00),
    # 85-87 scored once at 837c61e, after 77-84 and the held-out sets 55-56 had been tuned on
    (85, "half of it online schools and the infobusiness: courses, marathons, webinars, funnels, student reviews",
     "92.4 % (133/144)", "97.1 % (133/137)", "5-84, the held-out sets 4-56", 0.96, 0.98),
    (86, "half of it gaming, esports, crypto and Web3 communities: Discord, Steam, Twitch, airdrops, raids",
     "93.8 % (135/144)", "98.5 % (135/137)", "5-84, the held-out sets 4-56", 0.97, 1.00),
    (87, "half of it reputation management of clinics, salons, restaurants, hotels and lawyers",
     "96.5 % (139/144)", "95.2 % (139/146)", "5-84, the held-out sets 4-56", 1.00, 0.98),
    # 91, 93 and 94 scored once at 67f4d62; 88, 89 and 92 at cde2032; 90 at the commit that added it
    (88, "half of it the music industry: streams, charts, Shazam counts, playlists, labels and managers",
     "88.2 % (127/144)", "95.5 % (127/133)", "5-87, 91, 93-94, the held-out sets 4-58", 0.97, 0.98),
    (89, "half of it votes, polls, contests, awards, petitions and rankings",
     "91.7 % (132/144)", "99.2 % (132/133)", "5-87, 91, 93-94, the held-out sets 4-58", 0.97, 1.00),
    (90, "half of it developers, car dealers, B2B services, recruiting and employer brand, law firms",
     "92.4 % (133/144)", "97.1 % (133/137)", "5-89, 91-94, the held-out sets 4-58", 0.96, 1.00),
    (91, "half of it said between the lines by an experienced lead: euphemisms, hints, irony, sarcasm",
     "81.9 % (118/144)", "92.2 % (118/128)", "5-87, the held-out sets 4-58", 0.90, 0.98),
    (92, "half of it dialogues between a client and an agency, labelled by what is agreed",
     "88.2 % (127/144)", "85.8 % (127/148)", "5-87, 91, 93-94, the held-out sets 4-58", 0.88, 0.92),
    (93, "half of it fashion, beauty, food and lifestyle bloggers in mixed Russian-English slang",
     "94.4 % (136/144)", "97.8 % (136/139)", "5-87, the held-out sets 4-58", 0.94, 0.97),
    (94, "half of it passives, nominalisations and reports after the fact, on both sides",
     "89.6 % (129/144)", "94.2 % (129/137)", "5-87, the held-out sets 4-58", 0.91, 0.94),
    # the fifteenth round: 95, 96 and 98 scored once at 83f7cb9 (after the held-out sets 67-70 had been
    # tuned on), 97 once they had been tuned on too
    (95, "the usual brief in the words of Telegram channel owners, admins and ad buyers",
     "88.9 % (128/144)", "94.1 % (128/136)", "5-94, the held-out sets 4-70", 0.91, 0.97),
    (96, "the usual brief on reviews: maps, marketplaces and app stores",
     "89.6 % (129/144)", "93.5 % (129/138)", "5-94, the held-out sets 4-70", 0.93, 0.97),
    (97, "the usual brief in long sentences of 20-40 words with their context",
     "88.9 % (128/144)", "93.4 % (128/137)", "5-96, 98, the held-out sets 4-70", 0.89, 0.97),
    (98, "a third of the tactics said indirectly, the legitimate phrases full of the same words",
     "85.4 % (123/144)", "93.2 % (123/132)", "5-94, the held-out sets 4-70", 0.88, 0.96),
    # the sixteenth round: 99-102 scored once at 04a053e (the fifteenth round's last rules), 103 once
    # 99-102 had been tuned on, 104-106 once 103 had been
    (99, "the usual brief in the words of marketplace and e-commerce sellers",
     "92.4 % (133/144)", "96.4 % (133/138)", "5-98, the held-out sets 4-86", 0.96, 0.99),
    (100, "the usual brief in music, streaming, games and apps",
     "89.6 % (129/144)", "97.0 % (129/133)", "5-98, the held-out sets 4-86", 0.96, 0.99),
    (101, "the usual brief in local businesses and their reviews on maps and booking sites",
     "94.4 % (136/144)", "97.8 % (136/139)", "5-98, the held-out sets 4-86", 0.98, 0.99),
    (102, "questions, requests and negotiations, labelled by whether what they propose is banned",
     "91.0 % (131/144)", "95.6 % (131/137)", "5-98, the held-out sets 4-86", 0.98, 0.99),
    (103, "the usual brief in short, terse one-liners with abbreviations and slang",
     "87.5 % (126/144)", "97.7 % (126/129)", "5-102, the held-out sets 4-86", 0.97, 0.99),
    (104, "B2B and LinkedIn, Product Hunt and Hacker News, political campaigns and NGOs",
     "88.9 % (128/144)", "97.0 % (128/132)", "5-103, the held-out sets 4-86", 0.94, 0.99),
    (105, "told after the fact or of others: retrospectives, audits, case studies, confessions, news",
     "84.0 % (121/144)", "77.6 % (121/156)", "5-103, the held-out sets 4-86", 0.91, 0.94),
    (106, "two thirds Russian: VK, Telegram, Дзен, Одноклассники, Avito and their slang",
     "88.9 % (128/144)", "97.7 % (128/131)", "5-103, the held-out sets 4-86", 0.97, 0.99),
    # the seventeenth round: scored once with the rules of 82e9f76 (the first look below), and with the
    # learned model made without them (107 95.1/99.3, 108 97.2/98.6, 109 96.5/99.3, 110 95.1/97.2), then
    # learned from (the rules were not tuned on them); the floors keep the rules with the model as shipped
    (107, "restaurants, events and retail: ordinary purchases and orders everywhere beside the tactics",
     "92.4 % (133/144)", "97.1 % (133/137)", "5-106, the held-out sets 4-98", 0.95, 0.97),
    (108, "B2B and SaaS: LinkedIn, G2, Capterra, Trustpilot, Product Hunt, Habr, vc.ru",
     "92.4 % (133/144)", "98.5 % (133/135)", "5-106, the held-out sets 4-98", 0.96, 0.98),
    (109, "bloggers, creators and their producers: YouTube, VK Video, Дзен, courses and marathons",
     "88.9 % (128/144)", "98.5 % (128/130)", "5-106, the held-out sets 4-98", 0.95, 0.98),
    (110, "games, apps, Discord and Steam communities, esports, crypto and NFT projects",
     "90.3 % (130/144)", "97.0 % (130/134)", "5-106, the held-out sets 4-98", 0.95, 0.97),
    # the eighteenth round: scored once with the rules of 20179b2 (the first look below), and with the
    # learned model made without them (115 95.8/96.5, 116 97.9/98.6, 117 95.8/96.5, 118 96.5/98.6), then
    # learned from (the rules were not tuned on them); the floors keep the rules with the model as shipped
    (115, "online schools, course authors, coaches and experts: webinars, launches, marathons",
     "93.8 % (135/144)", "96.4 % (135/140)", "5-110, the held-out sets 4-98", 0.95, 0.97),
    (116, "real estate, car dealers, banks, fintech, insurers and clinics, with their compliance teams",
     "91.0 % (131/144)", "98.5 % (131/133)", "5-110, the held-out sets 4-98", 0.97, 0.99),
    (117, "NGOs, politics, city pages, universities, events and online votes",
     "93.8 % (135/144)", "96.4 % (135/140)", "5-110, the held-out sets 4-98", 0.96, 0.98),
    (118, "the usual brief in short, terse plan cells, tracker cards and sticky notes",
     "92.4 % (133/144)", "98.5 % (133/135)", "5-110, the held-out sets 4-98", 0.96, 0.99),
]


@pytest.mark.parametrize(("number", "brief", "recall0", "precision0", "before", "recall", "precision"), ROUNDS,
                         ids=[f"dev{r[0]}" for r in ROUNDS])
def test_independent_set_keeps_its_tuned_score(number, brief, recall0, precision0, before, recall, precision):
    assert_scores(DATA / f"honesty_dev{number}.yaml", 260, recall, precision)
