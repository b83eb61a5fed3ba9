"""One reading of free text, shared by the rules that judge what a text says
(honesty today, content-type inference next).

- :mod:`smmplan.text.normalise`: NFKC, case folding, ignorable characters out,
  look-alike letters of Latin, Cyrillic and Greek read in the word's script,
  with an offset map back to the original;
- :mod:`smmplan.text.tokens`: words (dotted spellings read whole) and clauses;
- :mod:`smmplan.text.roles`: vocabularies of words and phrases (stems, exact
  forms, numbers, wildcards matched in linear time) found among the words.

A family that reads text keeps its vocabularies as data (``smmplan/data``)
and its rules of combination to itself.
"""

from smmplan.text.normalise import OffsetMap, normalise
from smmplan.text.roles import Entry, RoleHit, Vocabulary, WordMatcher, glob_match, parse_entry
from smmplan.text.tokens import Reading, Token, read, tokenise

__all__ = ["Entry", "OffsetMap", "Reading", "RoleHit", "Token", "Vocabulary", "WordMatcher", "glob_match",
           "normalise", "parse_entry", "read", "tokenise"]
