"""The parties of a document: split from "between A and B", from coordinated forms ("the
Ministries of Justice of Kyrgyzstan and Russia"), and from the clause that signs it ("Gazprom
and CNPC have concluded ..."); each with its country and level."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .bodies import body_words, comma_in_name, fields_end, has_body_word
from .countries import aliases, city_country, country_in, find_countries, lookup
from .documents import Document
from .names import is_name_token
from .reference import alternation, rows, words
from .structure import Layout

UNNAMED = re.compile(r"\b(?:two|both|our|the\s+two|relevant|respective|concerned|partner)\s+(?:countries|states|sides|"
                     r"nations|governments|departments|ministries|agencies|bodies|organi[sz]ations)\b|\brelevant\b|"
                     r"\brespective\b|^(?:the\s+)?(?:sides|parties|delegations|leaders|presidents|heads)\b",
                     re.I)
# where the sides end: a preposition that starts the subject ("on", "for 2026-2028"; not the "for"
# of "State Agency for Civil Service"), a comma before lower-case words, a dash, a stop
BETWEEN_END = re.compile(r"\s+(?:on|for|to|in)\s+(?![A-Z])|\s+(?:regarding|concerning|aimed|about|within|during|at|under|"
                         r"by|as\s+well\s+as)\b|,\s+(?!(?:and\s+)?[A-Z])|\s+[-–—]\s+|[;:.()]")
SIGN_VERB = re.compile(r"\b(?:have\s+|has\s+|had\s+)?(?:also\s+|both\s+|jointly\s+)?(?:signed|inked|concluded|adopted|"
                       r"approved|entered\s+into|exchanged|initialed|put\s+their\s+signatures\s+to)\b", re.I)
LEADING_THE_OR_POSS = re.compile(r"^(?:the\s+)?|[’']s\b")
FUNCTION_WORDS = re.compile(r"\b(?:of|the|and|in|for)\b")
AND_SPLIT = re.compile(r",?\s+and\s+")
RIGHT_STARTS_BODY = re.compile(r"(?:the\s+|[A-Z][\w’'-]*[’']s\s+|[A-Z]{2,}\b|(?:JSC|LLC|CJSC|OJSC|PJSC)\b)")
TWO_AND_HEAD = re.compile(r"([A-Z][\w’'-]+)\s+and\s+([A-Z][\w’'-]+)\s+([A-Za-z]+)")
HEAD_OF_TWO = re.compile(r"([A-Za-z]+)((?:\s+of\s+(?!the\s+[A-Z])[\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}(?:\s+and\s+[A-Z][\w-]+)?)?)"
                         r"\s+of\s+(.+?)\s+and\s+(.+)")
DASHED_NAMES = re.compile(r"\s[–—-]\s(.+?)\s[–—-](?:\s|$)")
POSSESSIVE_OWNER = re.compile(r"([A-Z][\w’' -]*?)[’']s\s+")
# the subject of a clause: after its start, a comma (and a conjunction), a "that", or the dash
# that ends a dateline
SUBJECT = re.compile(r"(?:^|,\s+(?:(?:while|whereas|and|as|when)\s+)?|\bthat\s+|\s[–—-]{1,2}\s+)"
                     # a subject opens with a capital, or with "the akimat of A", "the railway administrations of A"
                     r"((?:the\s+|The\s+)?(?:[A-Z]|(?:[a-z]+\s+){1,2}of\s+(?:the\s+)?[A-Z])[^,]*?)\s*$")
BETWEEN = re.compile(r"\bbetween\s+")
WORTH_THEN = re.compile(r"\s+worth\s+(?:[^,;.()]|(?<=\d)[.,](?=\d))*?\s(?=(?:between|with)\s)")
ABBREVIATION = re.compile(r"\s\([A-Z][A-Za-z0-9&.-]{1,12}\)")
# "a memorandum with (the) Asian Development Bank on ...": the side a clause's subject signed with
WITH_PARTNER = re.compile(r"\bwith\s+(?:the\s+)?(?P<w>(?:[A-Z][\w’'-]*[’']s\s+)?[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|for|and))*)"
                          r"(?=\s+(?:on|for|in|to|regarding|concerning|aimed)\s|\s*$)")
WITH_SIDE = re.compile(r"\bwith\s+(?:the\s+)?(?P<w>[^()]+?)\s*(?:\(|$)")
PARTICIPATION = re.compile(r"\bwith\s+the\s+participation\s+of\s+(?:the\s+)?")
PASSIVE_BY = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:signed|concluded|adopted|"
                        r"inked|approved)\s+by\s+(?P<by>[^.;]+)", re.I)
SIGNED_BETWEEN = re.compile(r"\b(?:signed|concluded|inked)\s+between\s+", re.I)
# a party that is a person or a pronoun: "President Tokayev", "the leaders", "they"
PERSONAL = re.compile(r"^(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:President|Presidents|Minister|Ministers|Prime\s+Ministers?|"
                      r"Chancellor|Governor|Akim|Mayor|Ambassador|Chairman|leaders?|heads?|Deputy|Secretary)\b"
                      r"|^(?:he|she|they|we|it|both|the\s+two)$", re.I)
PLURAL_HEADS = {"ministries": "Ministry", "governments": "Government", "administrations": "administration",
                "companies": "company", "agencies": "agency", "universities": "university", "akimats": "Akimat",
                "committees": "Committee", "banks": "bank", "corporations": "corporation", "cabinets": "Cabinet",
                "departments": "department", "offices": "office", "authorities": "authority", "chambers": "Chamber",
                "municipalities": "municipality", "cities": "city", "regions": "region", "provinces": "province"}


@dataclass(frozen=True)
class Party:
    """One side of a document, as written at ``text[start:end]``."""

    name: str
    country: str | None
    level: str
    start: int
    end: int


UNNAMED_WORDS = ("two", "both", "our", "relevant", "respective", "concerned", "partner", "sides", "parties",
                 "delegations", "leaders", "presidents", "heads", "country")


def _unnamed(phrase: str) -> bool:
    """True for sides the text does not name ("the foreign ministries of both countries")."""
    low = phrase.lower()
    return any(w in low for w in UNNAMED_WORDS) and bool(UNNAMED.search(phrase))


@lru_cache(maxsize=1)
def _levels() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r["pattern"], re.I), r["level"]) for r in rows("levels"))


@lru_cache(maxsize=4096)
def level_of(name: str) -> str:
    """The level of a body from its name (countries' names removed first)."""
    bare_name = name.strip()
    mentions = find_countries(bare_name)
    kinds = {m.kind for m in mentions}
    stripped = bare_name
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        if m.kind not in ("city", "region"):
            stripped = stripped[:m.start] + stripped[m.end:]
    core = LEADING_THE_OR_POSS.sub("", stripped).strip(" ,")
    core_words = FUNCTION_WORDS.sub("", core).strip()
    if not core_words:
        if kinds & {"city"} and not kinds & {"name", "official"}:
            return "city"
        if kinds & {"region"} and not kinds & {"name", "official"}:
            return "regional"
        return "state"
    # "Akimat of Astana", "Tashkent city khokimiyat": a local government named by its place
    if re.search(r"\b(akimat|khokimiyat|hokimiyat|executive committee|administration|municipality|mayor|hall)\b",
                 core, re.I) and not re.search(r"\b(region|regional|oblast|province)\b", core, re.I):
        if "city" in kinds:
            return "city"
        if "region" in kinds:
            return "regional"
    for rx, level in _levels():
        if rx.search(core):
            return level
    hit = aliases().get(core)
    # a city named as a side: a known city, or "city of X" for any city ("Orano" alone is a company)
    if hit and hit[1] == "city" or re.fullmatch(r"city of\s+[A-Z][\w’'-]+", core) and city_country(core.split()[-1]):
        return "city"
    if hit and hit[1] == "region":
        return "regional"
    return "company"


def _singular(word: str) -> str:
    low = word.lower()
    if low in PLURAL_HEADS:
        out = PLURAL_HEADS[low]
        return out[:1].upper() + out[1:] if word[:1].isupper() else out
    return word


def _split_list(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of the members of "A and B" / "A, B and C", where A and B may hold "and" themselves
    ("the Ministry of Culture and Sports of Kazakhstan and the Ministry of ...")."""
    seg = text[s:e]
    best, best_score = None, -1
    for m in AND_SPLIT.finditer(seg):
        left, right = seg[:m.start()], seg[m.end():]
        score = 0
        if RIGHT_STARTS_BODY.match(right):
            score += 2
        if find_countries(left) and find_countries(left)[-1].end >= len(left.rstrip()) - 1:
            score += 2
        last = [m for m in body_words(left[-20:])]
        if last and left.endswith(last[-1].group()):  # the left side ends with a body's head word
            score += 1
        if right[:1].isupper():
            score += 1
        if " of " in left and not _bodylike(right) and not RIGHT_STARTS_BODY.match(right):
            score -= 2  # "Ministry of Industry and Trade": one body, its fields joined by "and"
        if score > best_score:
            best, best_score = m, score
    if best is None or best_score < 1:
        return [(s, e)]
    left_span = (s, s + best.start())
    right_span = (s + best.end(), e)
    lefts = _split_commas(text, *left_span)
    return lefts + [right_span]


def _enumeration(text: str, s: int, e: int) -> list[tuple[int, int]] | None:
    """"A, B's C, D, and E": three or more members, split at every comma and "and", when each
    member is a body's name of its own (so "Ministry of Culture and Sports" stays whole)."""
    pieces, pos = [], s
    inside = 0  # the end of a body's list of fields ("Ministry of Investment, Industry and Trade")
    for m in re.finditer(r",\s+(?:and\s+)?|\s+and\s+", text[s:e]):
        if s + m.start() < inside:
            continue
        end = fields_end(text, s + m.start()) if text[s + m.start()] == "," else None
        if end is not None:
            inside = end
            continue
        pieces.append((pos, s + m.start()))
        pos = s + m.end()
    pieces.append((pos, e))
    if len(pieces) >= 3 and all(_body_of_its_own(text[a:b]) for a, b in pieces):
        return pieces
    return None


def _body_of_its_own(name: str) -> bool:
    """A whole body's name ("Kyrgyzstan’s Aiyl Bank", "Union of Banks", "Kazakhstan"), not the
    tail of one ("Sports of Kazakhstan")."""
    name = re.sub(r"^the\s+", "", name.strip())
    if lookup(name):
        return True
    head = re.sub(r"^[A-Z][\w’' -]*?[’']s\s+", "", name).split(" of ")[0]
    return has_body_word(head)


def _split_commas(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """"CJSC Azerbaijan Railways, JSC National Company Kazakhstan Railways": split only where
    each piece is a body of its own."""
    pieces: list[tuple[int, int]] = []
    pos = s
    for part in text[s:e].split(", "):
        if pieces and comma_in_name(text, pos - 2):  # "Ministry of Ecology, Geology and ..."
            pieces[-1] = (pieces[-1][0], pos + len(part))
        else:
            pieces.append((pos, pos + len(part)))
        pos += len(part) + 2
    if len(pieces) > 1 and all(_bodylike(text[a:b]) for a, b in pieces):
        return pieces
    return [(s, e)]


def _bodylike(name: str) -> bool:
    """A body's name or a country's."""
    return has_body_word(name) or bool(find_countries(name))


def _expand_shared(text: str, s: int, e: int) -> list[tuple[str, int, int, str | None]] | None:
    """Coordinated forms: "the Kazakh and Russian Governments" (one shared name, two countries),
    "the Ministries of Justice of Kyrgyzstan and Russia", "the Kazgeology and Rosgeologia companies",
    "the administrations of the Omsk Region and North Kazakhstan region"."""
    seg = text[s:e]
    lead = len(seg) - len(re.sub(r"^(?:the\s+)", "", seg, flags=re.I))
    core = seg[lead:]
    m = TWO_AND_HEAD.fullmatch(core)
    if m and m.group(3).lower() in PLURAL_HEADS:
        a, b = country_in(m.group(1)), country_in(m.group(2))
        if a and b and find_countries(m.group(1)) and find_countries(m.group(2)):
            return [(core, s + lead, e, a), (core, s + lead, e, b)]
        return [(m.group(1), s + lead + m.start(1), s + lead + m.end(1), country_in(m.group(1))),
                (m.group(2), s + lead + m.start(2), s + lead + m.end(2), country_in(m.group(2)))]
    listed = _head_of_list(text, s + lead, e)
    if listed:
        return listed
    m = HEAD_OF_TWO.fullmatch(core)
    if m and m.group(1).lower() in PLURAL_HEADS:
        head = _singular(m.group(1)) + m.group(2)
        out = []
        for g in (3, 4):
            part = m.group(g)
            ps = s + lead + m.start(g)
            c = country_in(part)
            is_state = bool(find_countries(part)) and all(x.kind in ("name", "official") for x in find_countries(part))
            if is_state and re.fullmatch(r"(?:the\s+)?[\w’' -]+", part) and find_countries(part)[0].start <= 4:
                out.append((f"{head} of {part}", ps, ps + len(part), c))
            else:
                out.append((re.sub(r"^the\s+", "", part), ps, ps + len(part), c))
        return out
    return None


HEAD_OF_LIST = re.compile(r"(?P<mod>(?:[a-z]+\s+){0,2})(?P<head>[A-Za-z]+)\s+of\s+(?:the\s+)?(?P<list>.+)")
LIST_SEP = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _head_of_list(text: str, s: int, e: int) -> list[tuple[str, int, int, str | None]] | None:
    """"the railway administrations of Turkmenistan, Azerbaijan and Türkiye": one party per
    country, each named by the shared head ("railway administration of Azerbaijan")."""
    m = HEAD_OF_LIST.fullmatch(text, s, e)
    if not m or m.group("head").lower() not in PLURAL_HEADS:
        return None
    single = _singular(m.group("head"))
    mod = m.group("mod").title() if single[:1].isupper() else m.group("mod")  # "Foreign Ministry"
    head = mod + single
    out, pos = [], m.start("list")
    for sep in [*LIST_SEP.finditer(text, pos, e), None]:
        end = sep.start() if sep else e
        part = text[pos:end]
        country = lookup(part)
        if country is None:
            return None
        out.append((f"{head} of {part}", pos, end, country))
        if sep:
            pos = sep.end()
    return out if len(out) >= 2 else None


def parties_from_phrase(text: str, s: int, e: int) -> list[tuple[str, int, int, str | None]]:
    """(name, start, end, country) of each party named in ``text[s:e]``."""
    seg = text[s:e]
    if _unnamed(seg):
        return []
    dash = DASHED_NAMES.search(seg)
    if dash:  # "the news agencies of Belarus and China – BelTA and Xinhua –"
        owners = [c.alpha3 for c in find_countries(seg[:dash.start()])]
        s, e = s + dash.start(1), s + dash.end(1)
        named = parties_from_phrase(text, s, e)
        if len(owners) == len(named):  # the names come in the order of their countries
            return [(n, a, b, c or owner) for (n, a, b, c), owner in zip(named, owners)]
        return named
    shared = _expand_shared(text, s, e)
    if shared is not None:
        return shared
    out = []
    for a, b in _enumeration(text, s, e) or _split_list(text, s, e):
        shared = _expand_shared(text, a, b)
        if shared:
            out.extend(shared)
            continue
        name = text[a:b]
        lead = len(name) - len(re.sub(r"^(?:the\s+)", "", name, flags=re.I))
        a += lead
        name = name[lead:]
        country = None
        m = POSSESSIVE_OWNER.match(name)
        if m and country_in(m.group(1)):
            country = country_in(m.group(1))
            a += m.end()
            name = name[m.end():]
        name = name.strip(" ,\"“”«»")
        if not name:
            continue
        out.append((name, a, a + len(name), country or country_in(name)))
    return out


def _is_person_like(name: str, people_names: list[str]) -> bool:
    from .names import same_name
    toks = name.split()
    if all(is_name_token(t) for t in toks) and any(same_name(name, p) for p in people_names):
        return True
    return bool(PERSONAL.search(name))


def find_parties(text: str, layout: Layout, doc: Document, people_names: list[str],
                 article_countries: list[str]) -> list[Party]:
    """The parties of one document, with country and level."""
    found: list[tuple[str, int, int, str | None]] = []
    title = text[doc.start:doc.end]
    # "a contract worth $1 billion with China Railway": the sides go on after the sum
    sides_end = doc.end
    later = None
    if not doc.list_item:
        send = layout.sentence_at(doc.start)[1]
        worth = WORTH_THEN.match(text, doc.end, send)
        if worth:
            later, sides_end = worth.end(), send
    bm = BETWEEN.search(title)
    if bm and re.search(r"\b(?:Meeting|meeting|Council|Commission|session|Session)\b", title[:bm.start()]):
        bm = None  # "Minutes of the Meeting of the Council ... between A and B": the council's sides
    between_at = doc.start + bm.end() if bm else None
    if between_at is None and later is not None and (lm := BETWEEN.match(text, later)):
        between_at = lm.end()
    if doc.sides_only:  # "... as well as North Kazakhstan region and Shaanxi province"
        found = parties_from_phrase(text, doc.start, doc.end)
    elif between_at is not None:
        bs = between_at
        stop = doc.end if bm else sides_end
        # an abbreviation in brackets belongs to the name before it: "... of Azerbaijan (SOCAR) and ..."
        rest = ABBREVIATION.sub(lambda m: " " * len(m.group()), text[bs:stop].rstrip(" .;"))
        cut = BETWEEN_END.search(rest)
        be = bs + (cut.start() if cut else len(rest))
        found = parties_from_phrase(text, bs, be)
    elif (pm := PARTICIPATION.search(title)) is not None:
        # "an agreement on ... with the participation of A, B and C"
        found = parties_from_phrase(text, doc.start + pm.end(), doc.end)
    elif doc.nested_in is None:
        # the clause's subject, and the side it signed with: "a memorandum with the ADB on ...",
        # "two memoranda - one with A (in the field of ...)"
        found = _clause_parties(text, layout, doc, people_names)
        if doc.with_side:
            found = found[:1]
        wm = (WITH_SIDE if doc.with_side else WITH_PARTNER).search(title)
        km = _kind_partner().search(title) if not wm else None
        base = doc.start
        if wm is None and km is None and later is not None:
            base = later
            rest = text[later:sides_end].rstrip(" .;")
            wm = WITH_PARTNER.match(rest)
            km = _kind_partner().match(rest) if not wm else None
        if wm and found:
            found += parties_from_phrase(text, base + wm.start("w"), base + wm.end("w"))
        elif km and found and country_in(km.group("d")):
            # "with the Chinese company Sinopharm": the name, of the demonym's country
            found.append((km.group("w"), base + km.start("w"), base + km.end("w"), country_in(km.group("d"))))
    found = [f for f in found if f[0] and not _is_person_like(f[0], people_names)]
    if not (between_at is not None or doc.sides_only) and len(found) < 2:
        return []  # sides read off the clause count only in pairs: one alone is likelier a signer
    parties = [Party(n, c, level_of(n), a, b) for n, a, b, c in found]
    return _fill_countries(parties, article_countries)


@lru_cache(maxsize=1)
def _kind_partner() -> re.Pattern[str]:
    """"with the Chinese company Sinopharm": a demonym, a kind of body (body_kinds.txt), a name."""
    kinds = alternation(sorted(words("body_kinds")))
    return re.compile(rf"\bwith\s+(?:the\s+)?(?P<d>[A-Z][\w’'-]+)\s+(?:{kinds})\s+"
                      r"(?P<w>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})(?=\s+(?:on|for|in|to|regarding|aimed)\s|\s*$)")


def _clause_parties(text: str, layout: Layout, doc: Document,
                    people_names: list[str]) -> list[tuple[str, int, int, str | None]]:
    """Parties from the clause that signs the document: its subject, "signed by ...", or
    "signed between ..."."""
    if doc.list_item:
        return []
    s, e = layout.sentence_at(doc.start)
    after = text[doc.end:e]
    pm = PASSIVE_BY.search(text[doc.end:e]) if re.match(r"\s*(?:was|were|has|have|had)\b", after) else None
    if pm:
        bs = doc.end + pm.start("by")
        tail = text[bs:e]
        cut = re.search(r",\s+(?:named|which|who|in|on|at|during)\b|[.;]|\s+(?:in|on|at|during)\s+(?!the\s+[A-Z])", tail)
        be = bs + (cut.start() if cut else len(tail))
        return parties_from_phrase(text, bs, be)
    sb = SIGNED_BETWEEN.search(after)
    if sb:
        bs = doc.end + sb.end()
        for _ in range(doc.pair):  # the n-th pair of "between A, as well as between B"
            nxt = re.search(r"\bas\s+well\s+as\s+between\s+", text[bs:e])
            if not nxt:
                return []
            bs += nxt.end()
        rest = text[bs:e]
        cut = re.search(r",?\s+as\s+well\s+as\s+|[.;]$", rest)
        be = bs + (cut.start() if cut else len(rest.rstrip(". ")))
        return parties_from_phrase(text, bs, be)
    before = text[s:doc.start]
    verbs = list(SIGN_VERB.finditer(before))
    if not verbs:
        return []
    v = verbs[-1]
    subject = before[:v.start()]
    # commas inside a body's fields ("Ministry of Investment, Industry and Trade") are masked
    # (same length, so offsets hold) so the subject is not taken to start after them
    subject = "".join("\u201a" if ch == "," and (comma_in_name(text, s + i) or _between_countries(text, s + i))
                      else ch for i, ch in enumerate(subject))
    # the subject starts after an opening phrase ("On Monday, ", "In addition, ")
    m = SUBJECT.search(subject)
    if not m:
        return []
    ss = s + m.start(1)
    se = s + m.end(1)
    phrase = text[ss:se]
    if re.search(r"\b(?:sides|parties|delegations|countries|leaders|Presidents|Ministers|heads|ministers)\b", phrase):
        return []
    found = parties_from_phrase(text, ss, se)
    if any(_is_person_like(f[0], people_names) for f in found):
        return []
    return [f for f in found if _bodylike(f[0]) or level_of(f[0]) != "company" or _proper(f[0])]


def _between_countries(text: str, comma: int) -> bool:
    """A comma in a list of countries ("of Turkmenistan, Azerbaijan and Türkiye")."""
    before = find_countries(text[max(0, comma - 40):comma])
    after = find_countries(text[comma + 1:comma + 40])
    return bool(before and before[-1].end == min(40, comma) and after
                and text[comma + 1:comma + 1 + after[0].start].strip() == "")


def _proper(name: str) -> bool:
    """A name that looks like a body's: capitalised words, not a person's name."""
    toks = name.split()
    return bool(toks) and toks[0][:1].isupper() and len(toks) <= 8


def _fill_countries(parties: list[Party], article_countries: list[str]) -> list[Party]:
    """A party whose name gives no country takes the article's country its partners don't have."""
    known = {p.country for p in parties if p.country}
    left = [c for c in article_countries if c not in known]
    out = []
    for p in parties:
        if p.country is None and left:
            # each side its own country: the second unknown side takes the next one
            p = Party(p.name, left.pop(0) if len(left) > 1 else left[0], p.level, p.start, p.end)
        out.append(p)
    return out
