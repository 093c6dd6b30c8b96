"""People named in the body: the holder of an office written before the name ("Prime Minister of
Malaysia Anwar Ibrahim", "the Minister of Foreign Affairs, Alberto van Klaveren") or after it
("Mahmadtoir Zokirzoda, the head of ..."), plural and coordinated offices ("Presidents A and B"),
and names that only what stands around them marks (``bare_names``). Each mention carries the name
as written without honorifics, the office's title and state."""
from __future__ import annotations

import re
from functools import lru_cache

from .bare_names import bare_names
from .doc import AHEAD, Doc, Mask, Span, find_words, span
from .lexicon import alternation_of, cue_words
from .name_spans import name_start, named, skip_courtesy, token_at
from .names import is_name_token, name_end
from .places import lookup

NAME_GAP = re.compile(r"\s*(?:,\s*)?")
# an office right after "Name, " is that person's ("Nurlanbek Shakiev, Speaker of ...")
APPOSITIVE_BEFORE = re.compile(r"[A-Z][a-z][\w’'-]*\s*,\s*(?:the\s+|a\s+|an\s+|his\s+|her\s+)?(?:[A-Z][\w’'-]*[’']s\s+)?$")


def people(doc: Doc) -> list[Span]:
    """The people layer: one span per name written out, attrs ``name``, ``title``, ``alpha3``,
    ``office`` (the office span, or None) and ``how`` (after, before, bare)."""
    text, lay = doc.text, doc.layout
    toks = lay.tokens
    words_ = [text[a:b] for a, b in toks]
    folded = doc.folded
    found: list[Span] = []
    taken = Mask(len(text))
    prev_person: Span | None = None
    pending: dict[int, tuple[int, int, str]] = {}  # office start -> the name waiting for it
    offices_ = list(doc["offices"])
    for n_o, o in enumerate(offices_):
        if lay.in_headline(o.start) or lay.is_noise(o.start) and not any(a <= o.start < b for a, b in lay.captions):
            continue
        appositive = bool(APPOSITIVE_BEFORE.search(text, max(0, o["country_start"] - 60), o["country_start"]))
        before = [n for n in _before(text, toks, words_, o) if not _place(doc, n)]
        nxt = offices_[n_o + 1] if n_o + 1 < len(offices_) else None
        if len(before) == 1 and nxt is not None and re.fullmatch(r"\s*(?:,\s*)?and\s+(?:the\s+)?", text[o.end:nxt.start]):
            pair = _coordinated_before(text, toks, words_, o)
            if len(pair) == 2:  # "A and B, the Minister of X of C1 and the Minister of Y of C2"
                before = pair[:1]
                pending[nxt.start] = pair[1]
        if o.start in pending:
            before = [pending.pop(o.start)]
            appositive = True
        # an office after "Name, " is that person's, unless its own holder follows it at once
        # ("According to Anwar, Pakistan's Prime Minister Shehbaz Sharif raised ...")
        after = _after(text, toks, words_, o, folded, comma=not (appositive and before))
        if after and appositive and before and o["head"][:1].islower():
            after = []  # "Talgat Aldybergenov, head of Kazakhstan Temir Zholy, and ...": the office is his
        names, how = (after, "after") if after else (before, "before")
        alpha3 = o["alpha3"] or _state_after(doc, o)
        # "Hungarian President Katalin Novak and Prime Minister Viktor Orban": the demonym is shared
        if alpha3 is None and prev_person is not None and prev_person["alpha3"] and \
                re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[prev_person.end:o.start]):
            alpha3 = prev_person["alpha3"]
        states = list(o["states"]) if o["plural"] and len(o["states"]) == len(names) else [alpha3] * len(names)
        if o["plural"] and len(o["states"]) != len(names):
            states = [_state_set_before(doc, s) or a3 for (s, _, _), a3 in zip(names, states)]
        if len(names) == 1 and not o["states"]:
            states = [_state_of_name(doc, names[0][1]) or states[0]]
        for (s, e, name), a3 in zip(names, states):
            if taken.covers(s) and how == "before":
                # "Sun Chanthol, First Vice-Chairman of ...": a second office of someone named before
                prev = next((p for p in found if p.start == s), None)
                if prev is not None:
                    found.remove(prev)
                    title = prev["title"] + ", " + o["title"] if prev["title"] != o["title"] else prev["title"]
                    prev_person = span(s, e, "person", name=name, title=title, alpha3=prev["alpha3"] or a3,
                                       office=prev["office"], how=prev["how"], second=o)
                    found.append(prev_person)
                continue
            prev_person = span(s, e, "person", name=name, title=o["title"], alpha3=a3, office=o, how=how)
            found.append(prev_person)
            taken.add(s, e)
    found.extend(bare_names(doc, text, toks, words_, found))
    found.extend(_later(doc, text, found))
    return found


def _later(doc: Doc, text: str, found: list[Span]) -> list[Span]:
    """Later mentions of a person by family name alone ("Tokayev said")."""
    from .names import family_word, surname

    taken = Mask(len(text), ((p.start, p.end) for p in found))
    out = []
    # the family name with and without a particle joined to it ("el-Sisi", "Sisi")
    names = {f for p in found for f in (surname(p["name"]), family_word(p["name"])) if len(f) >= 3}
    for a, b in find_words(text, names):
        if taken.covers(a) or doc.layout.is_noise(a):
            continue
        out.append(span(a, b, "person", name=text[a:b], title="", alpha3=None, office=None, how="surname"))
        taken.add(a, b)
    # a given name alone, where a person is the subject ("According to Anwar,", "Anwar said", "Anwar's"),
    # after the full name and when one person of the article has it
    given: dict[str, list[Span]] = {}
    for p in found:
        parts = p["name"].split()
        if len(parts) > 1 and len(parts[0]) >= 3:
            given.setdefault(parts[0], []).append(p)
    given = {g: ps for g, ps in given.items() if len({p["name"] for p in ps}) == 1}
    for a, b in find_words(text, given):
        if taken.covers(a) or doc.layout.is_noise(a):
            continue
        first = min(given[text[a:b]], key=lambda p: p.start)
        if a < first.start:
            continue
        if _GIVEN_BEFORE.search(text, max(0, a - 14), a) or _given_after().match(text, b):
            out.append(span(a, b, "person", name=first["name"], title="", alpha3=None, office=None, how="given"))
            taken.add(a, b)
    return out


_GIVEN_BEFORE = re.compile(r"(?:[Aa]ccording\s+to|\band)\s+$")


@lru_cache(maxsize=1)
def _given_after() -> re.Pattern[str]:
    """What makes a lone given name a person: a possessive, "and", or a verb of speech."""
    return re.compile(rf"(?:[’']s\b|\s+(?:and|also|{alternation_of('signals', 'signal', 'speech')})\b)")


def _after(text: str, toks, words_, o: Span, folded: str, comma: bool = True) -> list[tuple[int, int, str]]:
    """Names right after an office: "President Kassym-Jomart Tokayev", "Presidents A and B",
    "the President of the Republic, Gabriel Boric,", "speaker of the Lok Sabha (lower house) Om Birla"."""
    i = token_at(toks, o["tail_end"])
    may_comma, comma = comma, False
    if i + 1 < len(toks) and lookup(words_[i]) and is_name_token(words_[i + 1]):
        i += 1  # "Chairman of the Cabinet of Ministers Kyrgyzstan Akylbek Japarov"
    if i < len(toks) and words_[i] == "(":
        k = i
        while k < len(toks) and words_[k] != ")" and k - i < 8:
            k += 1
        i = k + 1
    if i < len(toks) and words_[i] == ",":
        if not may_comma:
            return []
        comma = True
        i += 1
    if i < len(toks) and re.search(r"[\t\n]", text[o["tail_end"]:toks[i][0]]):
        return []  # a name in the next cell or line of a table is not this office's holder
    out = []
    while i < len(toks):
        if o["plural"] and out and i + 1 < len(toks) and words_[i + 1] == "," and lookup(words_[i]):
            i += 2  # "The foreign ministers of Colombia, A, and Ecuador, B,": the next one's state, then his name
        j, _ = skip_courtesy(text, toks, i, folded)
        k = name_end(words_, j)
        if k == j:
            break
        s, e = toks[j][0], toks[k - 1][1]
        if comma:
            # "the President of Kazakhstan, Nursultan Nazarbayev," / "the two Presidents, A and B,": a
            # name set off by commas (or ending the sentence), not the subject of a verb
            nxt = words_[k] if k < len(words_) else "."
            listing = o["plural"] and nxt in ("and", ",")
            if nxt not in (",", ".", ")", ";", ":") and not listing:
                return []
        out.append(named(text, s, e))
        if o["plural"] and k < len(words_) and words_[k] == "of":
            m = k + 1 + (k + 1 < len(words_) and words_[k + 1] == "the")
            while m < len(words_) and m - k <= 5 and words_[m][:1].isupper():
                m += 1  # "Foreign ministers A of Argentina and B of Chile": each one's state after his name
            if m < len(words_) and words_[m] in ("and", ","):
                k = m
        if o["plural"] and k < len(words_) and words_[k] in ("and", ","):
            i = k + 1 + (k + 1 < len(words_) and words_[k] == "," and words_[k + 1] == "and")
            continue
        break
    return out


def _state_set_before(doc: Doc, s: int) -> str | None:
    """The state named right before a name and a comma ("of Colombia, Rosa Villavicencio")."""
    p = doc["places"].before(s)
    if p is not None and p["alpha3"] and p.label in ("name", "official") and re.fullmatch(r"\s*,\s*", doc.text[p.end:s]):
        return p["alpha3"]
    return None


def _before(text: str, toks, words_, o: Span) -> list[tuple[int, int, str]]:
    """Names right before ", the OFFICE" ("Alikhan Smailov, the Prime Minister of Kazakhstan"),
    "A and B, the Foreign Ministers of ...", "Nurlanbek Shakiev, Speaker of ..."."""
    i = token_at(toks, o["country_start"]) - 1
    while i >= 0 and (words_[i].lower() in ("the", "his", "her", "their", "its", "a", "an")
                      or re.fullmatch(r"[A-Z][\w’'-]*[’']s|[A-Z]{2,6}", words_[i])):
        i -= 1  # "X, the ...", "X, Embraer's director-general", "X, WHO Director-General"
    if i < 0 or words_[i] not in (",", "("):
        return []  # "X, the Minister of ...", "X (Minister of Finance)"
    names = []
    k = i
    while k > 0 and words_[k - 1] in cue_words("postnominal"):
        k -= 1  # "Hon. Anthony Albanese MP, Prime Minister of Australia"
    while True:
        start = name_start(words_, k)
        if start == k:
            break
        names.append(named(text, toks[start][0], toks[k - 1][1]))
        if o["plural"] and start >= 2 and words_[start - 1] in ("and", ","):
            k = start - 1
            continue
        break
    return names[::-1] if o["plural"] else names[:1]


def _coordinated_before(text: str, toks, words_, o: Span) -> list[tuple[int, int, str]]:
    """"A and B, the ...": both names, in order."""
    i = token_at(toks, o["country_start"]) - 1
    while i >= 0 and words_[i].lower() in ("the", "his", "her", "their", "its", "a", "an"):
        i -= 1
    if i < 0 or words_[i] != ",":
        return []
    b = name_start(words_, i)
    if b == i or b < 2 or words_[b - 1] != "and":
        return []
    a = name_start(words_, b - 1)
    if a == b - 1:
        return []
    return [named(text, toks[a][0], toks[b - 2][1]), named(text, toks[b][0], toks[i - 1][1])]


def _state_of_name(doc: Doc, end: int) -> str | None:
    """"Xi Jinping of China", "Sultan Haitham bin Tariq Al Said of Oman": the state after a name."""
    m = re.match(r"\s+of\s+(?:the\s+)?", doc.text[end:end + AHEAD])
    p = doc["places"].starting_at(end + m.end()) if m else None
    return p["alpha3"] if p is not None and p.label in ("name", "official") else None


def _state_after(doc: Doc, o: Span) -> str | None:
    """A state written between an office and its holder ("Chairman of the Cabinet of Ministers
    Kyrgyzstan Akylbek Japarov")."""
    m = re.match(r"\s+", doc.text[o["tail_end"]:])
    p = doc["places"].starting_at(o["tail_end"] + (m.end() if m else 0))
    return p["alpha3"] if p is not None and p.label in ("name", "official") else None


def _place(doc: Doc, name: tuple[int, int, str]) -> bool:
    """True for a "name" that is a place ("In Xi'an, President ...")."""
    return any(p.start <= name[0] and name[1] <= p.end for p in doc["places"].at(name[0]))
