"""Bodies: names of organisations written out in the text ("Ministry of Culture and Sports of
Kazakhstan", "Japan Bank for International Cooperation (JBIC)", "Bangladesh SEZ Ltd"), each with
its head's kind, its level, its state and its acronym. A name is grown from a head word of
``body_kinds.csv``: the capitalised words before it and its complements after it ("of ...",
"for ...", "under the Government of ..."), up to where another body's name begins."""
from __future__ import annotations

import re
from functools import lru_cache

from .doc import Doc, Mask, Span, find_words, span
from .lexicon import CALENDAR, POSSESSIVE_END, cue_words, table, words
from .levels import level_of
from .matcher import matcher
from .places import city_country, lookup

CONNECTORS = {"of", "and", "for", "the", "&", "on", "under", "de", "du", "des", "al"}
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}s?")
LEFT_STOPS = {"The", "A", "An", "In", "On", "At", "As", "By", "For", "With", "From", "To", "And", "Of", "Under",
              "Between", "Among", "During", "After", "Before", "Also", "Both", "This", "That", "These", "Those",
              "Its", "Their", "His", "Her", "Our"}


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1].isdigit() and any(c.isalpha() for c in tok)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """The head words of offices ("Chairman", "Minister", "Director"): the last capitalised word
    before any "of" in ``titles.csv``; they end a body's name ("SFD Board of Directors Chairman")."""
    out = set()
    for r in table("titles"):
        ws = [w for w in r["pattern"].split(" of ")[0].split() if w[:1].isupper()]
        if ws:
            out.add(ws[-1])
    return frozenset(out) - _head_words()


def _title_case(line: str) -> bool:
    ws = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return bool(ws) and sum(w[0].isupper() for w in ws) >= 0.8 * len(ws)


def bodies(doc: Doc) -> list[Span]:
    """The bodies layer: one span per body's name, attrs ``kind``, ``level``, ``alpha3``,
    ``plural``, ``singular`` (the head of one body), ``acronym`` and ``owner`` (a possessive
    state right before the name, which the name leaves out)."""
    text, lay = doc.text, doc.layout
    toks = lay.tokens
    words_ = [text[a:b] for a, b in toks]
    places = doc["places"]
    folded = doc.folded
    heads = matcher("body_kinds").finditer(text, folded=folded)
    # a name never runs across a line's end ("Press Release / Federal Ministry ... / Berlin, 4 March")
    breaks = frozenset(lay.token_at(s) for s, _ in lay.lines)
    found: list[tuple[int, int, dict]] = []
    for h in heads:
        first = text[h.start]
        if not (first.isupper() or h.row.get("case") == "exact"):
            local = _local_lower(doc, text, toks, words_, h)  # "the Samarkand regional khokimiyat"
            if local is not None:
                found.append((*local, dict(h.row)))
            continue
        inside = [p for p in doc["places"].at(h.start) if p["kind"] in ("name", "official", "seat")]
        if inside:
            continue  # "Russian Federation", "Kyrgyz Republic": a state's name
        if lay.in_headline(h.start) and _title_case(text[lay.headline[0]:lay.headline[1]]):
            continue  # in a headline Written In Capitals, no name has an edge
        i = lay.token_at(h.start)
        j = lay.token_at(h.end)
        s_tok = _left(words_, i, h.row.get("case") == "exact", breaks)
        comps = [c for c in h.row["complements"].split("|") if c]
        e_tok = _right(text, toks, words_, j, {c.split(":")[0] for c in comps}, places, breaks,
                       {c.split(":")[0] for c in comps if c.endswith(":field")}, head_start=i)
        found.append((s_tok, e_tok, dict(h.row)))
    # one span per body: a head read inside another body's name belongs to it
    found.sort(key=lambda x: (x[0], -x[1]))
    merged: list[tuple[int, int, dict]] = []
    for s, e, row in found:
        if merged and s < merged[-1][1]:
            ps, pe, prow = merged[-1]
            merged[-1] = (ps, max(pe, e), prow if pe >= e else row)
            continue
        merged.append((s, e, row))
    # "Huawei Technologies Co., Ltd.": a legal form after a comma closes the name before it
    joined: list[tuple[int, int, dict]] = []
    forms = {f.lower() for f in cue_words("legal_form")}
    for s_tok, e_tok, row in merged:
        if joined and e_tok - s_tok == 1 and words_[s_tok].lower().rstrip(".") in forms \
                and re.fullmatch(r"\.?\s*,\s*", text[toks[joined[-1][1] - 1][1]:toks[s_tok][0]]):
            joined[-1] = (joined[-1][0], e_tok, joined[-1][2])
            continue
        joined.append((s_tok, e_tok, row))
    out: list[Span] = []
    acronyms: dict[str, Span] = {}
    for s_tok, e_tok, row in joined:
        s, e = toks[s_tok][0], toks[e_tok - 1][1]
        if out and s < out[-1].end:
            continue  # "(NNPC Ltd)": the acronym of the name before, read into it
        acronym = None
        # "(JBIC)", "«Khovar»", "[Uzbekistan Railways]" right after the name
        m = ACRONYM_AFTER.match(text, e, e + 24)
        short = SHORT_NAME_AFTER.match(text, e, e + 44) if not m else None
        if short and any(p.start == short.start("a") and p.end == short.end("a")
                         for p in places.within(short.start("a"), short.end("a"))):
            short = None  # "(South Korea)": where it is, not its name
        if m:
            acronym = m.group("a")
            e = m.end()
        elif short:
            e = short.end()
        else:
            m = re.match(r"\s*[«“\"](?P<a>[^»”\"\n]{2,30})[»”\"]", text[e:e + 34])
            if m and _is_cap(m.group("a")):
                e += m.end()
        owner = _owner(text, s, places)
        name = text[s:e]
        sp = span(s, e, "body", kind=row["kind"], level=level_of(name, row["kind"]),
                  alpha3=_country(text, s, e, places, owner), plural=bool(row.get("singular")),
                  singular=row.get("singular") or "", acronym=acronym, owner=owner)
        out.append(sp)
        if acronym:
            acronyms[acronym] = sp
    # later mentions by acronym ("... between MBRSC and the CNES") are the body named before
    taken = Mask(len(text), ((b.start, b.end) for b in out))
    for s, e in find_words(text, acronyms):
        if taken.covers(s) or text[s - 1:s] == "(" or text[e:e + 1] == ")":
            continue
        body = acronyms[text[s:e]]
        out.append(span(s, e, "body", kind=body["kind"], level=body["level"], alpha3=body["alpha3"], plural=False,
                        singular="", acronym=body["acronym"], owner=None, refers_to=body))
    return out


def _local_lower(doc: Doc, text: str, toks, words_, h) -> tuple[int, int] | None:
    """A local government written in lower case next to its place: "the Samarkand regional
    khokimiyat", "Almaty region akimat", "the akimat of Almaty region" (token range)."""
    if h.row["kind"] != "local government" and text[h.start:h.end].lower() not in cue_words("local_head"):
        return None  # "the Tashkent city administration": a local head after a level word
    lay = doc.layout
    i, j = lay.token_at(h.start), lay.token_at(h.end)
    k = i
    while k > 0 and words_[k - 1].lower() in cue_words("local_level"):
        k -= 1
    if k < i and k > 0 and _is_cap(words_[k - 1]):
        k -= 1
        while k > 0 and _is_cap(words_[k - 1]) and words_[k - 1] not in LEFT_STOPS:
            k -= 1
        return k, j
    if j + 1 < len(words_) and words_[j] == "of":
        at = j + 1 + (words_[j + 1] == "the")
        p = doc["places"].starting_at(toks[at][0]) if at < len(toks) else None
        if p is not None:
            return i, lay.token_at(p.end)
    return None


def _left(words_: list[str], i: int, exact: bool, breaks: frozenset[int] = frozenset()) -> int:
    """Index of the first token of a body's name whose head is token ``i`` (``breaks``: tokens
    that start a line)."""
    k = i
    n = 0
    while k > 0 and n < 7 and k not in breaks:
        w = words_[k - 1]
        if w in LEFT_STOPS or w in _title_words() and not exact or w in CALENDAR:
            break
        if _is_cap(w) and not POSSESSIVE_END.search(w):
            k -= 1
            n += 1
            continue
        # "Bank of China", "U.S. Trade and Development Agency": a connector between capitalised words,
        # unless the words before it are a body's name of their own ("ONODA Inc and Bangladesh SEZ Ltd"),
        # the words after it start with a state ("Nepal Television and China Media Group"), or a name
        # ends with a state before it ("Danantara Indonesia and Mubadala Investment Company")
        if w in ("of", "and", "&", "for") and n and k >= 2 and k - 1 not in breaks and _is_cap(words_[k - 2]) \
                and _free_run(words_, k - 2) \
                and not (w == "and" and lookup(words_[k]) is not None) \
                and not (w == "and" and lookup(words_[k - 2]) is not None and k >= 3 and _is_cap(words_[k - 3])) \
                and not (w == "and" and _two_names(words_, k)):
            k -= 1
            continue
        break
    while k < i and words_[k] in CONNECTORS:
        k += 1
    return k


def _two_names(words_: list[str], k: int) -> bool:
    """True for "Uzbekneftegaz and MOL Group": one name of a word before "and", and no word of an
    office's field on either side of it (as in "Chamber of Commerce and Industry", "Trade and
    Development Agency"), so "and" joins two names."""
    before, after = words_[k - 2], words_[k]
    single = k < 3 or not _is_cap(words_[k - 3])
    fields = words("office_words")
    return single and before not in fields and after not in fields and lookup(before) is None


def _free_run(words_: list[str], j: int) -> bool:
    """True when the capitalised run ending at token ``j`` holds no body's head and no connector
    before it (it may then join the name after it: "U.S. Trade and Development Agency")."""
    heads = _head_phrases()
    k = j
    while k >= 0 and _is_cap(words_[k]) and not POSSESSIVE_END.search(words_[k]):
        if any(tuple(w.lower() for w in words_[max(0, k - len(p) + 1):k + 1]) == p for p in heads.get(words_[k].lower(), ())):
            return False  # "Kenya Power and Lighting Company": "Power" heads a body only as "Executive Power"
        k -= 1
    return k < 0 or words_[k] not in ("of", "and", "&", "for", ",")


def _right(text: str, toks: list[tuple[int, int]], words_: list[str], j: int, complements: set[str],
           places, breaks: frozenset[int] = frozenset(), fields: set[str] = frozenset(), head_start: int | None = None) -> int:
    """Index after the last token of a body's name whose head ends before token ``j`` (``fields``:
    complements that never take a place; ``head_start``: the head's first token)."""
    i = j - 1 if head_start is None else head_start
    end = j
    n = len(toks)
    joiners = _joiners()
    k = j
    # a legal form written first takes a longer name, states and all ("JSC NC Kazakhstan Temir Zholy")
    legal = words_[i] in cue_words("legal_form")
    while k < n and k - j < (5 if legal else 3) and k not in breaks and _is_cap(words_[k]) and words_[k] not in _head_words() \
            and words_[k] not in _title_words() and words_[k] not in CALENDAR:
        k += 1
        if lookup(words_[k - 1]) is not None and not legal:
            break
    # "Agence Française de ...", "Office National des ...": a head written first, its name after it
    head_first = bool(complements & joiners) or k < n and words_[k] in joiners
    if (i >= 1 and not _is_cap(words_[i - 1]) or i == 0 or head_first) and k > j and (k >= n or not _is_cap(words_[k])):
        end = k
    taken = False  # a complement read already
    while end < n and end - j < MAX_NAME_WORDS and end not in breaks:
        w = words_[end]
        if (w in complements or w in joiners) and end + 1 < n and end + 1 not in breaks:
            if w in ("on", "for", "under") and _ends_with_state(places, toks[end - 1][1]):
                break  # "Ministry of ... of the Federative Republic of Brazil on Agricultural Cooperation"
            if w == "on" and taken and words_[end + 1] == "the":
                break  # "Committee on X", but "Ministry of Planning and Investment on the Belt and Road": a subject
            taken = True
            k = end + 1
            while k < n and k - end < 3 and (words_[k] == "the" or words_[k] in joiners):
                k += 1  # "of the", "de la"
            if w in fields and k < n and places.starting_at(toks[k][0]) is not None:
                break  # "Nazarbayev University in Astana": where it is, not its name ("Research in Ayurveda")
            run = _cap_run(text, toks, words_, k, places, breaks)
            if run == k:
                break
            end = run
            continue
        break
    return end


def _ends_with_state(places, pos: int) -> bool:
    """True when a state's name ends at ``pos``: a body's name closes after its state."""
    p = places.before(pos)
    return p is not None and p.end == pos and p["kind"] in ("name", "official")


# "(JBIC)", "(NNPC Ltd)": an acronym in brackets after a name, with its legal form
ACRONYM_AFTER = re.compile(rf"\s*\((?P<a>[A-Z][A-Za-z0-9&.-]{{1,12}}(?:\s+(?:{'|'.join(re.escape(f) for f in cue_words('legal_form'))}))?)\)")
# "(China Exim)", "(Rajya Sabha)": a short name of two or three capitalised words in brackets
SHORT_NAME_AFTER = re.compile(r"\s*\((?P<a>[A-Z][\w&.-]{1,12}(?:\s+[A-Z][\w&.-]{1,12}){1,2})\)")
MAX_NAME_WORDS = 40  # tokens of the longest body's name read


def _cap_run(text: str, toks: list[tuple[int, int]], words_: list[str], k: int, places,
             breaks: frozenset[int] = frozenset()) -> int:
    """Index after a run of capitalised words from token ``k`` (inner "of", "and", "for", "the";
    commas of a list of fields; a region's name), stopping before "and" that opens another
    body's name, before an office held by a person ("... Chairman, H.E.") and after a state's
    name that a person's name follows ("of Turkmenistan T.Atahallyev")."""
    n = len(toks)
    end = k
    i = k
    state_end = -1  # where the last state's name in the run ends
    titles = _title_words()
    office_words = _office_vocabulary()
    office_head, checked = True, k  # every word so far names an office: "of the Prime Minister"
    last = min(n, k + MAX_NAME_WORDS)  # no body's name is longer: run-on capitals stay linear
    while i < last and (i == k or i not in breaks):
        w = words_[i]
        region = places.starting_at(toks[i][0])
        if region is not None and region.label == "region":
            while i < n and toks[i][1] <= region.end:
                i += 1
            end = i
            continue
        state = places.starting_at(toks[i][0])
        if state is not None and state["kind"] in ("name", "official") and state.end > toks[i][0]:
            while i < n and toks[i][0] < state.end:
                i += 1
            end = state_end = i
            if i < n and _is_cap(words_[i]) and not _holds_office_or_head(words_, i):
                break  # "of the Republic of Tajikistan T.Atahallyev": a person's name follows
            continue
        if w in cue_words("place_word") and i + 1 < n and words_[i + 1] == "of":
            i += 2  # "Akimat of the city of Astana"
            continue
        if _is_cap(w) and w not in CALENDAR:
            while checked < i:
                office_head = office_head and words_[checked] in office_words
                checked += 1
            if w in titles and not office_head and (i + 1 >= n or _is_cap(words_[i + 1]) or words_[i + 1] in (",", "(")):
                break  # an office, and its holder after it
            i += 1
            end = i
            if POSSESSIVE_END.search(w) or i - 1 > k and w in cue_words("legal_form"):
                break  # "Embraer S.A. Francisco Gomes Neto": a legal form closes the name
            continue
        if w in ("of", "for", "the", "&", "on", "under") and i + 1 < n and (_is_cap(words_[i + 1]) or words_[i + 1] == "the"):
            if state_end == i and w in ("on", "for", "under"):
                break  # "Government of the Republic of Korea on the Economic Partnership": the state closes the name
            if w == "on" and words_[i + 1] == "the":
                break  # "Ministry of Planning and Investment on the Belt and Road Initiative": a document's subject
            i += 1
            continue
        if w in _joiners():  # "Hydrocarbures et des Mines", "Econômico e Social"
            a = i
            while a < n and a - i < 3 and words_[a] in _joiners():
                a += 1
            if a < n and a not in breaks and _is_cap(words_[a]):
                i = a
                continue
            break
        if (w == "and" or w == "," and i + 1 < n and words_[i + 1] == "and") and i + 1 < n:
            a = i + 1 + (words_[i + 1] == "and")
            the = a < n and words_[a] == "the"
            nxt = a + the
            if nxt < n and _is_cap(words_[nxt]):
                if POSSESSIVE_END.search(words_[nxt]):
                    break  # "... and Tajikistan's State Service Agency": the next body's owner
                new_body = _opens_body(words_, nxt, after_state=end == i and state_end == i) \
                    and (the or words_[i - 1] not in _head_words())
                if not new_body and (w != "," or _fields_list(words_, i)):
                    i = nxt
                    continue
            break
        if w == "," and i + 1 < n and _is_cap(words_[i + 1]) and _fields_list(words_, i):
            i += 1
            continue
        break
    return end


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    """Words that join a body's name in other languages (cues.csv: name_connector)."""
    return frozenset(cue_words("name_connector"))


@lru_cache(maxsize=1)
def _office_vocabulary() -> frozenset[str]:
    """Every capitalised word of an office's name in ``titles.csv``."""
    return frozenset(w for r in table("titles") for w in r["pattern"].split() if w[:1].isupper())


def _holds_office_or_head(words_: list[str], i: int) -> bool:
    """True when the capitalised run at token ``i`` holds an office's or a body's head word."""
    k = i
    while k < len(words_) and _is_cap(words_[k]) and k - i < 5:
        if words_[k] in _title_words() or words_[k] in _head_words():
            return True
        k += 1
    return False


def _opens_body(words_: list[str], i: int, after_state: bool = False) -> bool:
    """True when the capitalised run at token ``i`` holds a body's head before its first lower-case
    word ("and the Ministry of ...", "and JSC KazMunayGas"), i.e. a second body begins there. After
    a state's name, which closes a body's name, the run may hold "and" and "of" ("... of the Republic
    of Tajikistan and the National Television and Radio Company of Uzbekistan")."""
    heads = _head_words()
    if after_state and ACRONYM.fullmatch(words_[i]):
        return True  # "the Ministry of Health of Uzbekistan and KOICA"
    k = i
    while k < len(words_) and k - i < (10 if after_state else 6):
        w = words_[k]
        if w in heads:
            return True
        if not (_is_cap(w) or after_state and w in ("and", "of", "for") and k + 1 < len(words_) and _is_cap(words_[k + 1])):
            break
        k += 1
    return False


@lru_cache(maxsize=1)
def _head_patterns() -> tuple[tuple[str, ...], ...]:
    """Each body kind's words up to its head noun, the last word before any "of" ("National
    Assembly", "Cabinet" of "Cabinet of Ministers"; "Consulate" of "Consulate General")."""
    out = []
    for r in table("body_kinds"):
        ws = r["pattern"].split(" of ")[0].split()
        out.append(tuple(ws[:1] if ws[-1] == "General" else ws))
    return tuple(out)


@lru_cache(maxsize=1)
def _head_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lower-cased head word -> the lower-cased words of each pattern up to it ("power": ("executive", "power"))."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ws in _head_patterns():
        out.setdefault(ws[-1].lower(), []).append(tuple(w.lower() for w in ws))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    """The nouns that head bodies' names, as written ("Assembly", "Cabinet", "Consulate")."""
    return frozenset(ws[-1] for ws in _head_patterns())


def _fields_list(words_: list[str], comma: int) -> bool:
    """True for a comma inside a body's list of fields ("Ministry of Culture, Sports, and Tourism"):
    capitalised words and commas up to "and" and one more capitalised word, none a head or a state."""
    heads = _head_words()
    k = comma + 1
    while k < len(words_) and k - comma < 12:
        w = words_[k]
        if w == ",":
            k += 1
            continue
        if w == "and":
            if k == comma + 1 and "," not in words_[max(0, comma - 4):comma]:
                return False  # "of QazaqGaz, and Alexei Miller, ...": two of a kind, not a list of fields
            k += words_[k + 1] == "the" if k + 1 < len(words_) else 0
            return k + 1 < len(words_) and _is_cap(words_[k + 1]) and words_[k + 1] not in heads \
                and lookup(words_[k + 1]) is None
        if not _is_cap(w) or w in heads or lookup(w) is not None:
            return False
        k += 1
    return False


def _owner(text: str, s: int, places) -> str | None:
    """A possessive state right before a name ("Kyrgyzstan's Ministry of Health")."""
    before = places.before(s)
    if before is not None and before.get("possessive") and before["alpha3"] \
            and re.fullmatch(r"[’']s?\s*", text[before.end:s]):
        return before["alpha3"]
    return None


def _country(text: str, s: int, e: int, places, owner: str | None) -> str | None:
    """The state a body belongs to: its possessive owner, the last state named in it (not where
    it sits: "in", "to"), a demonym in it, a city or region in it, a state's stem in a word."""
    if owner:
        return owner
    inside = places.within(s, e)
    states = [p for p in inside if p["kind"] in ("name", "official", "demonym", "seat", "capital") and p["alpha3"]
              and not re.search(r"\b(?:in|to|at)\s+(?:the\s+)?$", text[s:p.start])]
    if states:
        return states[-1]["alpha3"]
    local = [p for p in inside if p["alpha3"]]
    if local:
        return local[-1]["alpha3"]
    # a city at the start of a name or after "of" ("Abu Dhabi Fund", "Akimat of Almaty"), not a
    # personal name inside one ("Mohammed Bin Rashid Space Centre")
    for m in re.finditer(r"(?:^|\bof\s+(?:the\s+)?)([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)", text[s:e]):
        for cand in (m.group(1), m.group(1).split()[0]):
            c = city_country(cand)
            if c and cand not in _head_words():
                return c
    for w in re.findall(r"[A-Z][a-z]+", text[s:e]):
        for r in _stems():
            if w.startswith(r[0]) and len(w) > len(r[0]) + 2:
                return r[1]
    return None


@lru_cache(maxsize=1)
def _stems() -> tuple[tuple[str, str], ...]:
    found = [(r["alias"], r["alpha3"]) for r in table("countries") if r["kind"] == "stem"]
    return tuple(sorted(found, key=lambda x: len(x[0]), reverse=True))


def acronym_like(word: str) -> bool:
    """A word in capitals that may name a body ("CORFO", "MBRSC"), not a state's name."""
    return bool(ACRONYM.fullmatch(word)) and lookup(word) is None and word not in words("not_bodies")
