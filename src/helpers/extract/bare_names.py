"""Names no office marks, found by what stands around them: a verb only people do ("Sergey Lavrov
congratulated"), the sides of talks ("negotiations between Vladimir Makei and Sergey Lavrov"), a
name coordinated with a person already known ("Jeyhun Bayramov and Peter Siyarto"), a first name
and a patronymic ("Vladimir Vladimirovich"), a form of address ("Mr Mirziyoyev")."""
from __future__ import annotations

import re
from functools import lru_cache

from .doc import Doc, Span, find_words, span
from .lexicon import alternation_of, cue, cue_words
from .names import name_end, patronymic_endings, same_name, surname_like
from .matcher import matcher
from .name_spans import name_start, named, skip_courtesy, token_at


@lru_cache(maxsize=1)
def _human_verb() -> re.Pattern[str]:
    """Verbs only people do (signals.csv "human"): a bare name before one is a person."""
    return re.compile(rf"(?<=\S)\s+(?:{alternation_of('signals', 'signal', 'human')})\b")


@lru_cache(maxsize=1)
def _first_and_patronymic() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])[A-Z][a-z]+\s+[A-Z][a-z]+(?:{patronymic_endings()})\b(?!\s+[A-Z])")




AND = re.compile(r"\s+and\s+")
BETWEEN = re.compile(rf"(?:{cue('talks')})\s+(?:between|with)\s+")


@lru_cache(maxsize=1)
def _group_nouns() -> frozenset[str]:
    """Nouns of people as a group ("officials", "representatives") that a body's name qualifies."""
    return frozenset(cue_words("group_noun"))


ITS = re.compile(r"\s+(?:that\s+)?(?:it|its)\b")


def bare_names(doc: Doc, text: str, toks, words_, found: list[Span]) -> list[Span]:
    """Names no office marks: before a verb of people ("Sergey Lavrov congratulated"), the sides
    of talks ("negotiations between Vladimir Makei and Sergey Lavrov"), a name coordinated with
    a known person ("Jeyhun Bayramov and Peter Siyarto")."""
    lay = doc.layout
    known = [p["name"] for p in found]
    cands: list[tuple[int, int]] = []  # token ranges
    for v in _human_verb().finditer(text):
        if ITS.match(text, v.end()):
            continue  # "Gazprom Neft said it would invest": a body speaks of itself as "it"
        k = token_at(toks, v.end() - len(v.group().lstrip()))
        s = name_start(words_, k)
        if s < k:
            cands.append((s, k))
    for m in BETWEEN.finditer(text):
        i = token_at(toks, m.end())
        k = name_end(words_, i)
        if k > i and k < len(words_) and words_[k] == "and":
            k2 = name_end(words_, k + 1)
            if k2 > k + 1:
                cands.append((i, k))
                cands.append((k + 1, k2))
    # "Jeyhun Bayramov and Peter Siyarto", "Vladimir Putin and Shavkat Mirziyoyev adopted": a name
    # coordinated with someone known, wherever the known one is written
    for _, m_end in find_words(text, (p["name"] for p in found)):
        a = AND.match(text, m_end, m_end + 8)
        if not a:
            continue
        i = token_at(toks, a.end())
        k = name_end(words_, i)
        if k > i and (k >= len(words_) or words_[k] not in ("of",) and words_[k].lower() not in _group_nouns()):
            cands.append((i, k))  # (not "Tokayev and Air Astana officials": a name that qualifies a group)
    # "negotiations with Vladimir Vladimirovich": a first name and a patronymic address a person
    for m in _first_and_patronymic().finditer(text):
        i = token_at(toks, m.start())
        cands.append((i, i + 2))
    # "Mr Mirziyoyev", "Dr. Ralph Gonsalves", "Datuk Seri Anwar Ibrahim", "Honorable Mark Brown": a form
    # of address names a person (a one-word royal style may be an office, read with the offices)
    addressed = set()
    for h in matcher("honorifics").finditer(text, folded=doc.folded):
        if h.row["kind"] == "royal" and " " not in h.row["pattern"] or not text[h.start].isupper():
            continue
        i, _ = skip_courtesy(text, toks, token_at(toks, h.start), doc.folded)
        k = name_end(words_, i)
        if k > i:
            cands.append((i, k))
            addressed.add(i)
    out = []
    for a, b in cands:
        s, e, name = named(text, toks[a][0], toks[b - 1][1])
        if lay.in_headline(s) or lay.is_noise(s):
            continue
        toks_ = name.split()
        if any(same_name(name, k) for k in known):
            continue
        if any(p.start <= s and e <= p.end for p in doc["places"].at(s)):
            continue  # "New Delhi said": a capital speaks for its government, no person
        if len(toks_) == 1 and not (surname_like(name) or a in addressed):
            continue  # a lone word is too often a place or a body
        out.append(span(s, e, "person", name=name, title="", alpha3=None, office=None, how="bare"))
        known.append(name)
    return out
