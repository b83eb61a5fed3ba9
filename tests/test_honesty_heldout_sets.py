"""The honesty rules on the held-out sets of the fourth to sixteenth generalising rounds.

Each set (tests/data/honesty_heldoutN.yaml) was written on December 2 2026, with the brief of
tests/test_honesty_rounds.py's seventh set, by an engineer who never opened the rules, their
lexicon, smmplan/text/ or any other honesty corpus; nobody working on the rules read it until it
was scored, once:

- the fourth, written before the round's tuning began, scored when the round's rules were final
  (after the independent development sets and the merge of the speed work);
- the fifth, written while the fourth's misses were generalised from, scored with the rules tuned
  on everything before it;
- the sixth, written after the fifth had been scored, scored the same way;
- the seventh (the brief of the fourth) and the eighth (five writers: a junior manager, an account
  director, a seller, a small-business owner, a channel admin), both written before the fifth
  round's tuning began, scored once when its fourteen independent sets (14-27) had been tuned on;
- the ninth (the brief of the fourth) and the tenth (the brief of the eighth), written while the
  seventh and eighth were tuned on, scored once with the round's rules final;
- the eleventh and twelfth (the same two briefs), written after the ninth and tenth had been
  scored and tuned on, scored once with the rules as they then stood (commit 8567cc6);
- the thirteenth and fourteenth (the same two briefs), written before the sixth round's tuning
  began, and the fifteenth and sixteenth, written while it ran, scored once together at commit
  c039843;
- the seventeenth and eighteenth (the same two briefs), written while the thirteenth to sixteenth
  were tuned on, scored once at commit 2022ec7, the last change to the rules of that round;
- the nineteenth to twenty-second (the seventh's brief: 19 and 21; five writers: 20 and 22),
  written before the seventh round's tuning began, scored once together at commit d20ccac, the
  last change to the rules of that round;
- the twenty-third to twenty-sixth (the same briefs: 23 and 25; 24 and 26), written while the
  nineteenth to twenty-second were tuned on (the eighth round), scored once together at commit
  1264b8c, that round's last change to the rules;
- the twenty-seventh to thirtieth (the same briefs: 27 and 29; 28 and 30), written on December 3
  before the ninth round's tuning began, scored once together at commit 6abbbba, that round's last
  change to the rules;
- the thirty-first to thirty-fourth (the same briefs: 31 and 33; 32 and 34), written while the
  twenty-seventh to thirtieth were tuned on (the tenth round), scored once together at commit
  ae66ed7, that round's last change to the rules;
- the thirty-fifth and thirty-sixth (the same briefs), written while the thirty-first to
  thirty-fourth were tuned on (the eleventh round), scored once together at commit ca8c3a9, that
  round's last change to the rules;
- the thirty-seventh and thirty-eighth (the same briefs), written while the thirty-fifth and
  thirty-sixth were tuned on, scored once together at commit 48f5ca9, that session's last change to
  the rules;
- the thirty-ninth to forty-second (39 to the usual brief, 41 as rows of working documents, 40 and
  42 as five writers), written on December 3 before the twelfth round's tuning began, scored once
  together at commit f8e9389, whose rules are those of c05b28d, the round's first part's last
  change to them;
- the forty-third to forty-sixth (43 to the usual brief, 45 as rows of working documents, 44 and
  46 as five writers), written while the thirty-ninth to forty-second were tuned on, scored once
  together at commit 97a9605, the twelfth round's last change to the rules;
- the forty-seventh to fiftieth (each to the usual brief with a field of its own), written on
  December 3 before the thirteenth round's tuning began, scored once together at commit c860ade
  (the rules of 71bff20, the last change to them of that round's first part);
- the fifty-first to fifty-fourth (51 to the usual brief, 53 as rows of working documents, 52 and
  54 as five writers), written while the forty-seventh to fiftieth were tuned on, scored once
  together with the rules of 6b42608 (the round's last change to them), in the commit that
  added them;
- the fifty-fifth to fifty-eighth (each to the usual brief with a field of its own: local
  businesses and marketplaces, growth forums and freelance gigs, formal corporate wording, work
  chats typed in a hurry), written on December 3 before the fourteenth round's tuning began,
  scored once together at commit eff71a4, then read and tuned on;
- the fifty-ninth to sixty-second (five writers; small businesses outside the capitals; the
  creator economy; one line of a working document each), written while the fifty-fifth to
  fifty-eighth were tuned on, scored once together at commit 6956c37, then read and tuned on;
- the sixty-third to sixty-sixth (the usual brief; five writers; one line of a working document
  each; questions and advice in forums and chats), written while the fifty-ninth to sixty-second
  were tuned on, scored once together with the rules of ae90010, then read and tuned on;
- the sixty-seventh to seventieth (the usual brief; five writers; one line of a working document
  each; messages in chats and forums), written while the sixty-third to sixty-sixth were tuned on,
  scored once together with the rules of 630d5ba, the fourteenth round's last change to them, in
  the commit that added them, then read and tuned on in the fifteenth round;
- the seventy-first to seventy-fourth (the usual brief; five writers; one line of a working
  document each; client e-mails and account reports), written before the fifteenth round's tuning
  began, put aside unread while the sixty-seventh to seventieth and the development sets 95-98
  were tuned on, scored once together with the rules of 6ac6150, then read and tuned on;
- the seventy-fifth to seventy-eighth (the usual brief; five writers; one line of a working
  document each; messages in work chats and forums), written while the seventy-first to
  seventy-fourth were scored, put aside unread while those were tuned on, scored once together
  with the rules of 601ce43, then read and tuned on;
- the seventy-ninth to eighty-second (the usual brief; five writers; messages in work chats and
  forums; client e-mails, voice messages and account reports), written while the seventy-fifth to
  seventy-eighth were scored, put aside unread while those were tuned on, scored once together
  with the rules of c54b019, in the commit that added them; one entry was then taken out (a false
  alarm the full suite found), and their misses were printed by accident: read since;
- the eighty-third to eighty-sixth (the usual brief; five writers; one line of a working document
  each; work chats and client correspondence), written once the seventy-ninth to eighty-second had
  been read, scored once together with the rules of 919e653, in the commit that added them; their
  misses were printed by accident after a later mend of the lexicon: read since, never tuned on;
- the eighty-seventh to ninetieth (the usual brief; five writers; one line of a working document
  each; chats, forums and sellers' adverts), written before the sixteenth round's tuning began,
  scored once with the rules on main then (04a053e) and again, still unread, when the tuning on
  the development sets 99-106 ended (4740695), in the commit that added them;
- the ninety-first to ninety-fourth (the same briefs; the fourth as correspondence and reports),
  written while 99-102 were tuned on, scored once with the rules of 4740695, in the commit that
  added them; 87-94 were then read and tuned on;
- the ninety-fifth to ninety-eighth (the same briefs; the fourth as chats, e-mails and forums),
  written while 91-94 were scored, scored once with the rules of 6316fde, then read and tuned on;
- the ninety-ninth to hundred-and-second (the same briefs), written while 95-98 were scored,
  scored once with the rules of 5bde51f, the sixteenth round's last change to them.

Issue 14's targets are recall >= 95 % and precision >= 97 %. The floors keep each set's first and
only unread score; the misses of the first forty-six have been read since and tuned on (the forty-third
to forty-sixth in the thirteenth round), so each is development data now, and so are the forty-seventh
to fiftieth, the fifty-first to fifty-fourth, the fifty-fifth to sixty-second, and
the sixty-third to eighty-sixth since they were scored (the last eight read by accident, never
tuned on), and the eighty-seventh to ninety-eighth since they were scored. The ninety-ninth to
hundred-and-second judge the rules on main; the next round needs new ones.
Run with -s to see every miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.honesty_score import assert_scores

DATA = Path(__file__).parent / "data"

# (set, its unread score: recall, precision, code mix-ups; floors)
SETS = [
    (4, "93.8 % (135/144)", "95.1 % (135/142)", 1, 0.93, 0.95),  # neither target met
    (5, "93.9 % (139/148)", "98.6 % (139/141)", 2, 0.93, 0.98),  # precision met, recall not
    (6, "94.5 % (138/146)", "98.6 % (138/140)", 3, 0.94, 0.98),  # precision met, recall one phrase short
    # the fifth round: both written before its tuning began, scored once when it was final
    (7, "98.6 % (142/144)", "98.6 % (142/144)", 4, 0.98, 0.98),  # both targets met
    (8, "93.1 % (134/144)", "97.8 % (134/137)", 7, 0.93, 0.97),  # precision met, recall not
    # written while the seventh and eighth were tuned on, scored once with the fifth round's rules final
    (9, "93.8 % (135/144)", "93.8 % (135/144)", 5, 0.93, 0.93),  # neither target met
    (10, "93.1 % (134/144)", "97.1 % (134/138)", 8, 0.93, 0.97),  # precision met, recall not
    # written after the ninth and tenth were scored, scored once with the rules tuned on them too
    (11, "95.1 % (137/144)", "97.9 % (137/140)", 5, 0.95, 0.97),  # both targets met
    (12, "83.3 % (120/144)", "97.6 % (120/123)", 5, 0.83, 0.97),  # precision met, recall far from it
    # the sixth round: written before its tuning began (13-14) or while it ran (15-16), scored once
    # at commit c039843 with the round's rules as they then stood
    (13, "95.1 % (137/144)", "100.0 % (137/137)", 2, 0.95, 1.0),  # both targets met
    (14, "91.7 % (132/144)", "95.7 % (132/138)", 2, 0.91, 0.95),  # neither target met
    (15, "95.8 % (138/144)", "98.6 % (138/140)", 1, 0.95, 0.98),  # both targets met
    (16, "85.4 % (123/144)", "93.9 % (123/131)", 6, 0.85, 0.93),  # neither target met
    # written while 13-16 were tuned on, scored once at commit 2022ec7: the rules on main since
    (17, "97.2 % (140/144)", "95.9 % (140/146)", 3, 0.97, 0.95),  # recall met, precision not
    (18, "86.8 % (125/144)", "96.9 % (125/129)", 4, 0.86, 0.96),  # neither target met
    # the seventh round: written before its tuning began (to the two briefs, two each), scored
    # once at commit d20ccac, the round's last change to the rules: the rules on main since
    (19, "97.2 % (140/144)", "100.0 % (140/140)", 5, 0.97, 1.0),  # both targets met
    (20, "94.4 % (136/144)", "97.1 % (136/140)", 5, 0.94, 0.97),  # precision met, recall one phrase short
    (21, "95.8 % (138/144)", "97.9 % (138/141)", 3, 0.95, 0.97),  # both targets met
    (22, "91.0 % (131/144)", "95.6 % (131/137)", 2, 0.9, 0.95),  # neither target met
    # the eighth round: written while the nineteenth to twenty-second were tuned on, scored once
    # at commit 1264b8c, the round's last change to the rules: the rules on main since
    (23, "96.5 % (139/144)", "98.6 % (139/141)", 3, 0.96, 0.98),  # both targets met
    (24, "88.9 % (128/144)", "97.7 % (128/131)", 2, 0.88, 0.97),  # precision met, recall not
    (25, "95.8 % (138/144)", "98.6 % (138/140)", 0, 0.95, 0.98),  # both targets met
    (26, "94.4 % (136/144)", "99.3 % (136/137)", 1, 0.94, 0.99),  # precision met, recall one phrase short
    # the ninth round: written before its tuning began (27 and 29 to the seventh's brief, 28 and 30
    # as five writers), scored once together at commit 6abbbba, the round's last change to the rules
    (27, "95.1 % (137/144)", "96.5 % (137/142)", 3, 0.95, 0.96),  # recall met, precision not
    (28, "85.4 % (123/144)", "91.8 % (123/134)", 8, 0.85, 0.91),  # neither target met
    (29, "94.4 % (136/144)", "96.5 % (136/141)", 6, 0.94, 0.96),  # neither target met
    (30, "85.4 % (123/144)", "94.6 % (123/130)", 5, 0.85, 0.94),  # neither target met
    # the tenth round: written while the ninth's sets were tuned on (31 and 33 to the seventh's
    # brief, 32 and 34 as five writers), scored once together at commit ae66ed7, the round's last
    # change to the rules
    (31, "92.4 % (133/144)", "98.5 % (133/135)", 8, 0.92, 0.98),  # precision met, recall not
    (32, "90.3 % (130/144)", "94.2 % (130/138)", 2, 0.9, 0.94),  # neither target met
    (33, "85.4 % (123/144)", "99.2 % (123/124)", 7, 0.85, 0.99),  # precision met, recall not
    (34, "93.1 % (134/144)", "94.4 % (134/142)", 10, 0.93, 0.94),  # neither target met
    # the eleventh round: written while 31-34 were tuned on (35 to the seventh's brief, 36 as five
    # writers), scored once together at commit ca8c3a9, the round's last change to the rules
    (35, "95.8 % (138/144)", "95.8 % (138/144)", 5, 0.95, 0.95),  # recall met, precision not
    (36, "95.1 % (137/144)", "95.1 % (137/144)", 5, 0.95, 0.95),  # recall met, precision not
    # written while 35-36 were tuned on (37 to the seventh's brief, 38 as five writers), scored once
    # together at commit 48f5ca9, the last change to the rules: the rules on main since
    (37, "94.4 % (136/144)", "97.8 % (136/139)", 3, 0.94, 0.97),  # precision met, recall not
    (38, "91.0 % (131/144)", "97.0 % (131/135)", 5, 0.9, 0.97),  # precision met, recall not
    # the twelfth round: written before its tuning began (39 to the usual brief, 41 as rows of
    # working documents, 40 and 42 as five writers), scored once together at commit f8e9389 (the
    # rules of c05b28d); read and tuned on since
    (39, "93.8 % (135/144)", "98.5 % (135/137)", 11, 0.93, 0.98),  # precision met, recall not
    (40, "93.8 % (135/144)", "97.8 % (135/138)", 7, 0.93, 0.97),  # precision met, recall not
    (41, "93.8 % (135/144)", "97.1 % (135/139)", 7, 0.93, 0.97),  # precision met, recall not
    (42, "91.7 % (132/144)", "97.1 % (132/136)", 4, 0.91, 0.97),  # precision met, recall not
    # written while 39-42 were tuned on (43 to the usual brief, 45 as rows of working documents, 44
    # and 46 as five writers), scored once together at commit 97a9605, the last change to the rules:
    # read and tuned on in the thirteenth round
    (43, "93.1 % (134/144)", "95.0 % (134/141)", 4, 0.93, 0.95),  # neither target met
    (44, "86.8 % (125/144)", "96.9 % (125/129)", 7, 0.86, 0.96),  # neither target met
    (45, "95.1 % (137/144)", "94.5 % (137/145)", 5, 0.95, 0.94),  # recall met, precision not
    (46, "93.1 % (134/144)", "97.8 % (134/137)", 7, 0.93, 0.97),  # precision met, recall not
    # the thirteenth round: written before its tuning began, each with a field of its own (47
    # Telegram sellers and admins, 48 agencies serving restaurants, clinics and hotels, 49
    # marketplace sellers and local services on map sites, 50 creators and growth hackers), scored
    # once together at commit c860ade (the rules of 71bff20, the round's first part's last change
    # to them); read and tuned on since
    (47, "87.5 % (126/144)", "92.0 % (126/137)", 7, 0.87, 0.91),  # neither target met
    (48, "92.4 % (133/144)", "98.5 % (133/135)", 3, 0.92, 0.98),  # precision met, recall not
    (49, "88.9 % (128/144)", "94.1 % (128/136)", 8, 0.88, 0.94),  # neither target met
    (50, "87.5 % (126/144)", "95.5 % (126/132)", 5, 0.87, 0.95),  # neither target met
    # written while 47-50 were tuned on (51 to the usual brief, 53 as rows of working documents, 52
    # and 54 as five writers), scored once together with the rules of 6b42608 (the last change to
    # them), in the commit that added them: the rules on main since
    (51, "95.1 % (137/144)", "97.9 % (137/140)", 6, 0.95, 0.97),  # both targets met
    (52, "96.5 % (139/144)", "95.9 % (139/145)", 3, 0.96, 0.95),  # recall met, precision not
    (53, "96.5 % (139/144)", "98.6 % (139/141)", 6, 0.96, 0.98),  # both targets met
    (54, "96.5 % (139/144)", "98.6 % (139/141)", 5, 0.96, 0.98),  # both targets met
    # the fourteenth round: written while 51-54 and the round's first independent sets (77-84) were
    # tuned on, each to the usual brief with a field of its own (55 local businesses and marketplaces,
    # 56 growth forums and freelance gigs, 57 formal corporate and B2B wording, 58 work chats typed
    # in a hurry, mixed Russian and English), scored once together at commit eff71a4
    (55, "95.8 % (138/144)", "96.5 % (138/143)", 8, 0.95, 0.96),  # recall met, precision not
    (56, "95.8 % (138/144)", "97.9 % (138/141)", 6, 0.95, 0.97),  # both targets met
    (57, "95.8 % (138/144)", "93.9 % (138/147)", 5, 0.95, 0.93),  # recall met, precision not
    (58, "93.1 % (134/144)", "99.3 % (134/135)", 3, 0.93, 0.99),  # precision met, recall not
    # written while 55-58 and 85-94 were tuned on (59 as five writers, 60 small businesses outside the
    # capitals, 61 the creator economy and brand deals, 62 one line of a working document each),
    # scored once together at commit 6956c37; read and tuned on since
    (59, "93.1 % (134/144)", "93.7 % (134/143)", 11, 0.93, 0.93),  # neither target met
    (60, "95.1 % (137/144)", "95.8 % (137/143)", 3, 0.95, 0.95),  # recall met, precision not
    (61, "89.6 % (129/144)", "98.5 % (129/131)", 7, 0.89, 0.98),  # precision met, recall not
    (62, "93.8 % (135/144)", "95.7 % (135/141)", 4, 0.93, 0.95),  # neither target met
    # written while 59-62 were tuned on (63 to the usual brief, 64 as five writers, 65 one line of a
    # working document each, 66 questions, requests and advice in forums and chats), scored once
    # together with the rules of ae90010, then read and tuned on
    (63, "96.5 % (139/144)", "99.3 % (139/140)", 7, 0.96, 0.99),  # both targets met
    (64, "84.0 % (121/144)", "96.8 % (121/125)", 7, 0.84, 0.96),  # neither target met
    (65, "92.4 % (133/144)", "96.4 % (133/138)", 6, 0.92, 0.96),  # neither target met
    (66, "91.0 % (131/144)", "95.6 % (131/137)", 6, 0.90, 0.95),  # neither target met
    # written while 63-66 were tuned on (67 to the usual brief, 68 as five writers, 69 one line of a
    # working document each, 70 messages in chats and forums), scored once together with the rules
    # of 630d5ba (the round's last change to them), in the commit that added them: the rules on main
    (67, "97.2 % (140/144)", "97.2 % (140/144)", 5, 0.97, 0.97),  # both targets met
    (68, "96.5 % (139/144)", "95.2 % (139/146)", 5, 0.96, 0.95),  # recall met, precision not
    (69, "97.2 % (140/144)", "97.2 % (140/144)", 6, 0.97, 0.97),  # both targets met
    (70, "89.6 % (129/144)", "94.2 % (129/137)", 5, 0.89, 0.94),  # neither target met
    # the fifteenth round: written before its tuning began (71 to the usual brief, 72 as five writers,
    # 73 one line of a working document each, 74 client e-mails and account reports), put aside unread
    # while 67-70 and the development sets 95-98 were tuned on, scored once together with the rules
    # of 6ac6150 (the round's last change to them), in the commit that added them: the rules on main
    (71, "95.1 % (137/144)", "97.9 % (137/140)", 8, 0.95, 0.97),  # both targets met
    (72, "88.2 % (127/144)", "96.2 % (127/132)", 5, 0.88, 0.96),  # neither target met
    (73, "90.3 % (130/144)", "99.2 % (130/131)", 4, 0.90, 0.99),  # precision met, recall not
    (74, "93.1 % (134/144)", "95.0 % (134/141)", 3, 0.93, 0.95),  # neither target met
    # written while 71-74 were scored (75 to the usual brief, 76 as five writers, 77 one line of a
    # working document each, 78 messages in work chats and forums), put aside unread while 71-74 were
    # read and tuned on, scored once together with the rules of 601ce43 (the round's last change to
    # them), in the commit that added them: the rules on main
    (75, "94.4 % (136/144)", "97.8 % (136/139)", 6, 0.94, 0.97),  # precision met, recall not
    (76, "88.9 % (128/144)", "97.0 % (128/132)", 6, 0.88, 0.96),  # neither target met (96.97 %)
    (77, "96.5 % (139/144)", "98.6 % (139/141)", 2, 0.96, 0.98),  # both targets met
    (78, "88.2 % (127/144)", "94.8 % (127/134)", 10, 0.88, 0.94),  # neither target met
    # written while 75-78 were scored (79 to the usual brief, 80 as five writers, 81 messages in work
    # chats and forums, 82 client e-mails, voice messages and account reports), put aside unread while
    # 75-78 were read and tuned on, scored once together with the rules of c54b019 (the round's last
    # change to them), in the commit that added them: the rules on main
    # (after they were scored, one entry of c54b019 was taken out because the full suite found a false
    # alarm it raised in tests/test_honesty_shapes3.py; 79 lost one tactic with it, hence its floor)
    (79, "96.5 % (139/144)", "97.2 % (139/143)", 5, 0.95, 0.97),  # both targets met
    (80, "92.4 % (133/144)", "99.3 % (133/134)", 10, 0.92, 0.99),  # precision met, recall not
    (81, "92.4 % (133/144)", "93.7 % (133/142)", 6, 0.92, 0.93),  # neither target met
    (82, "88.9 % (128/144)", "92.8 % (128/138)", 9, 0.88, 0.92),  # neither target met
    # written once 79-82 had been read (83 to the usual brief, 84 as five writers, 85 one line of a
    # working document each, 86 work chats and client correspondence), scored once together with the
    # rules of 919e653, in the commit that added them; a review then mended twelve entries that could
    # never match as written (86 gains a tactic: 140/144), and their misses were printed by accident
    # while checking it: read since, never tuned on
    (83, "95.1 % (137/144)", "99.3 % (137/138)", 8, 0.95, 0.99),  # both targets met
    (84, "91.7 % (132/144)", "95.7 % (132/138)", 5, 0.91, 0.95),  # neither target met
    (85, "96.5 % (139/144)", "98.6 % (139/141)", 3, 0.96, 0.98),  # both targets met
    (86, "96.5 % (139/144)", "92.7 % (139/150)", 4, 0.96, 0.92),  # recall met, precision not
    # the sixteenth round: 87-90 (87 to the usual brief, 88 as five writers, 89 one line of a working
    # document each, 90 chats, forums and sellers' adverts) written before its tuning began and scored
    # once with the rules on main then (04a053e: 93.1/97.8, 91.0/100, 93.1/99.3, 89.6/94.9; pooled
    # 91.7/98.0), then again, still unread, with the rules the round's tuning on 99-106 ended at
    # (4740695, the figures below); 91-94 (the same four briefs, 94 as correspondence and reports)
    # written while 99-102 were tuned on and scored once with the rules of 4740695
    (87, "93.8 % (135/144)", "97.8 % (135/138)", 5, 0.93, 0.97),  # neither target met
    (88, "91.7 % (132/144)", "100.0 % (132/132)", 9, 0.91, 1.00),  # precision met, recall not
    (89, "93.1 % (134/144)", "99.3 % (134/135)", 6, 0.93, 0.99),  # precision met, recall not
    (90, "89.6 % (129/144)", "94.9 % (129/136)", 8, 0.89, 0.94),  # neither target met
    (91, "93.1 % (134/144)", "97.1 % (134/138)", 9, 0.93, 0.97),  # precision met, recall not
    (92, "88.9 % (128/144)", "96.2 % (128/133)", 8, 0.88, 0.96),  # neither target met
    (93, "93.8 % (135/144)", "99.3 % (135/136)", 9, 0.93, 0.99),  # precision met, recall not
    (94, "89.6 % (129/144)", "97.0 % (129/133)", 7, 0.89, 0.96),  # precision met, recall not
    # 95-98 (the same four briefs, 98 as chats, e-mails and forums) written while 91-94 were scored,
    # scored once with the rules of 6316fde, after 87-94 had been read and tuned on
    (95, "95.8 % (138/144)", "97.9 % (138/141)", 6, 0.95, 0.97),  # both targets met
    (96, "86.8 % (125/144)", "96.2 % (125/130)", 8, 0.86, 0.96),  # neither target met
    (97, "88.9 % (128/144)", "98.5 % (128/130)", 5, 0.88, 0.98),  # precision met, recall not
    (98, "86.1 % (124/144)", "92.5 % (124/134)", 8, 0.86, 0.92),  # neither target met
    # 99-102 (the same four briefs) written while 95-98 were scored, scored once with the rules of
    # 5bde51f, after 95-98 had been read and tuned on: the rules on main, in the commit that added them
    (99, "93.8 % (135/144)", "97.8 % (135/138)", 10, 0.93, 0.97),  # precision met, recall not
    (100, "86.1 % (124/144)", "96.9 % (124/128)", 8, 0.86, 0.96),  # neither target met
    (101, "95.1 % (137/144)", "100.0 % (137/137)", 4, 0.95, 1.00),  # both targets met
    (102, "88.2 % (127/144)", "95.5 % (127/133)", 12, 0.88, 0.95),  # neither target met
]


@pytest.mark.parametrize(("number", "recall0", "precision0", "mixups0", "recall", "precision"), SETS,
                         ids=[f"heldout{s[0]}" for s in SETS])
def test_heldout_set_keeps_its_unread_score(number, recall0, precision0, mixups0, recall, precision):
    assert_scores(DATA / f"honesty_heldout{number}.yaml", 270, recall, precision)
