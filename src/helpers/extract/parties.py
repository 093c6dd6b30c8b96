"""Parties: the sides each document's phrases name, split into organisations and states from the
places and bodies layers ("the Ministry of Culture of Azerbaijan and the Ministry of Culture and
Sports of Kazakhstan", "Glagit, Musashi Seimitsu Industry Glafit, and BIDA", "the Ministries of
Justice of Kyrgyzstan and Russia", "the Kazakh and Russian Governments"), each with its state and
level. People who sign are not parties; sides the text leaves unnamed give none."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .doc import AHEAD, Doc, Span, span
from .levels import level_of
from .lexicon import CALENDAR, POSSESSIVE_GAP, cue, cue_words, not_name_words, table, words
from .names import same_name, surname_like
from .places import OF_PLACE, SET_OFF

RELATIVE = re.compile(rf"\b(?:{cue('relative')})\b", re.I)
UNNAMED = re.compile(rf"\b(?:{cue('unnamed_owner')})\s+(?:[\w-]+\s+)?(?:{cue('unnamed_body')})\b|"
                     rf"^(?:the\s+)?(?:{cue('unnamed_subject')})\b", re.I)
PLACE_KIND = re.compile(rf"(?:the\s+)?(?:{cue('place_kind')})\b", re.I)
PLURAL_HEAD_OF = re.compile(r"(?:the\s+)?(?P<mod>(?:[a-z]+\s+){0,2})(?P<head>[A-Za-z]+)\s+of\s+(?:the\s+)?(?P<list>.+)$")
TWO_AND_HEAD = re.compile(r"(?:the\s+)?(?P<a>[A-Z][\w’'-]+)\s+and\s+(?P<b>[A-Z][\w’'-]+)\s+(?P<head>[A-Za-z]+)$")
DASHED = re.compile(r"\s[–—-]\s(?P<names>.+?)(?:\s[–—-](?:\s|$)|$)")
DESCRIPTOR = re.compile(r"(?:[a-z][\w-]*\s+){0,3}(?P<kind>[a-z][\w-]*)\s+(?=[A-Z])")
STATE_LABELS = ("name", "official", "demonym", "seat")
# heads written with a capital when they stand for one state's body ("the governments of A and B" ->
# "Government of A")
PROPER_HEADS = frozenset(cue_words("proper_head"))
LOCAL_HEADS = frozenset(cue_words("local_head"))


def parties(doc: Doc) -> list[Span]:
    """The parties layer: attrs ``name``, ``alpha3``, ``level`` and ``doc`` (the document)."""
    taking = _main_states(doc)
    out: list[Span] = []
    for d in doc["documents"]:
        found: list[tuple[int, int, str | None, str]] = []
        named_own = False
        pair = False
        for s, e, how in d["sides"]:
            if e <= s:
                continue
            dash = DASHED.search(doc.text, s, e)
            if dash and _unnamed(doc, s, dash.start()):
                s = dash.start("names")  # "The two sides – Turkmengaz and Gazprom – signed": those named
                e = dash.end("names")
            sides_of = _sides_of_states(doc, s, e)
            if sides_of:  # "the Kazakh and Uzbek sides signed": one state each, by the shared phrase
                found.extend(sides_of)
                named_own = True
                continue
            if _unnamed(doc, s, e):
                named_own = named_own or how != "subject"  # "between the two countries' audit agencies"
                pair = pair or bool(STATE_PAIR.fullmatch(doc.text, s, e))
                continue
            items = split_sides(doc, s, e)
            if how in ("subject", "by") and (not items or any(_personal(doc, x[0], x[1]) for x in items)):
                continue  # people who sign are no sides, nor the bodies their offices name (TABLES.md)
            items = [x for x in items if not _personal(doc, x[0], x[1])]
            found.extend(items)
            named_own = named_own or bool(items)
        if not named_own and d["group_sides"]:
            for s, e, how in d["group_sides"]:
                if e > s and not _unnamed(doc, s, e):
                    items = split_sides(doc, s, e)
                    if not any(_personal(doc, x[0], x[1]) for x in items):
                        found.extend(items)
        if not found and pair and d["counted_sides"]:  # "the two countries signed": those counted before
            for s, e, _ in d["counted_sides"]:
                if not _unnamed(doc, s, e):
                    found.extend(x for x in split_sides(doc, s, e) if not _personal(doc, x[0], x[1]))
        found = [x for x in _unique(found) if not _capital_for_government(doc, x, d)]
        for x in _fill(found, taking):
            s, e, alpha3, level = x[:4]
            name = x[4] if len(x) > 4 else doc.text[s:e]
            out.append(span(s, e, "party", name=name, alpha3=alpha3, level=level, doc=d))
    return out


STATE_PAIR = re.compile(rf"(?:the\s+)?(?:two|both)\s+(?:{cue('states_word')})(?:\s+(?:{cue('signed_verb')}))?", re.I)


CITY_MATTERS = re.compile(rf"\b(?:{cue('city_matters')})\b", re.I)


def _capital_for_government(doc: Doc, x: tuple, d: Span) -> bool:
    """A capital named alone as a side stands for its government ("Minsk and Moscow signed"), where
    the text is not about cities ("sister cities", "the city administrations")."""
    p = doc["places"].starting_at(x[0])
    if p is None or p.end != x[1] or p.label != "capital":
        return False
    s, e = doc.layout.sentence_at(d.start)
    return not CITY_MATTERS.search(doc.text, s, e)


def _unnamed(doc: Doc, s: int, e: int) -> bool:
    """True for sides the text does not name: "the two countries", "relevant departments of A
    and B", "the Ministries of Foreign Affairs" (a plural head and no state)."""
    seg = doc.text[s:e]
    if RELATIVE.search(seg):
        return True
    named = [p for p in doc["places"].within(s, e) if p["alpha3"]] or [
        b for b in doc["bodies"].within(s, e) if not b["plural"]]
    if named:
        return False
    return bool(UNNAMED.search(seg)) or any(b["plural"] for b in doc["bodies"].within(s, e))


def _unique(found: list[tuple[int, int, str | None, str]]) -> list[tuple[int, int, str | None, str]]:
    seen: set[tuple] = set()
    out = []
    for x in found:
        k = (x[0], x[1], x[2], x[4] if len(x) > 4 else "")
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def _organisation(doc: Doc, x: tuple[int, int, str | None, str]) -> bool:
    """True for a side that is a body, a state or a name written like one."""
    s, e = x[0], x[1]
    if doc["bodies"].within(s, e) or doc["places"].within(s, e):
        return True
    name = doc.text[s:e]
    return bool(re.fullmatch(r"[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4}", name)) and not _personal(doc, s, e)


def _personal(doc: Doc, s: int, e: int) -> bool:
    """True for a side that is a person or an office ("President Tokayev", "the leaders")."""

    name = doc.text[s:e]
    if doc["people"].starting_in(s, e):
        return True
    words_ = name.split()
    if words_ and any(same_name(name, n) for n in _names_by_surname(doc).get(words_[-1].lower(), ())):
        return True
    if doc["offices"].starting_in(s, e):
        return not doc["bodies"].within(s, e)
    return bool(re.fullmatch(r"(?:he|she|they|we|it|both|the\s+two|the\s+leaders?)", name, re.I))


def _names_by_surname(doc: Doc) -> dict[str, list[str]]:
    """The people layer's names by the lower-cased last word (built once per article)."""
    cache = doc.cache.get("names_by_surname")
    if cache is None:
        cache = {}
        for p in doc["people"]:
            cache.setdefault(p["name"].split()[-1].lower(), []).append(p["name"])
        doc.cache["names_by_surname"] = cache
    return cache


COUNTERPART_OF = re.compile(r"\bcounterparts?\s+(?:from|of|in)\s+(?:the\s+)?$")
STATE_NOUN = re.compile(rf"[ \t]+(?:{cue('state_noun')})\b")
LOCATOR_END = re.compile(r"\s*(?:,|and\b|&|$)")


def split_sides(doc: Doc, s: int, e: int) -> list[tuple[int, int, str | None, str]]:
    """(start, end, alpha3, level) of each party a phrase names."""
    text = doc.text
    s, e = _strip(text, s, e)
    if e <= s:
        return []
    seg = text[s:e]
    dash = DASHED.search(seg)
    first = doc["bodies"].starting_at(s)
    if dash and first is not None and first.end <= s + dash.start():
        dash = None  # "Ministry of Tourism of A – Ministry of Culture of B": two sides, a dash between
    if dash:  # "the news agencies of Belarus and China – BelTA and Xinhua –"
        owners = [p["alpha3"] for p in doc["places"].within(s, s + dash.start()) if p.label in STATE_LABELS]
        named = split_sides(doc, s + dash.start("names"), s + dash.end("names"))
        if len(owners) == len(named):
            return [(a, b, c or owner, lvl) for (a, b, c, lvl), owner in zip(named, owners)]
        return named
    shared = _shared(doc, s, e)
    if shared is not None:
        return shared
    return _entities(doc, s, e)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.\"”»"):
        e -= 1
    m = re.match(r"(?:the|The)\s+", text[s:e])
    if m:
        s += m.end()
    return s, e


def _entities(doc: Doc, s: int, e: int) -> list[tuple[int, int, str | None, str]]:
    """The bodies, states and other names of a phrase, in order, split where "and" or a comma
    stands between two of them."""
    text = doc.text
    bodies, places = doc["bodies"], doc["places"]
    known = {p["name"].split()[-1] for p in doc["people"]}
    out = []
    lone: list[tuple[int, int]] = []
    pos = s
    while pos < e:
        m = re.match(r"(?:\s+[–—-](?=\s)|\s+|,|&|and\b|the\b|as\s+well\s+as\b|(?:together\s+)?with\b)+", text[pos:e])
        if m and m.end():
            pos += m.end()
            continue
        m = PEOPLE_OF.match(text, pos, e)
        if m:  # "Representatives of the Ministry of ... and Huawei": the sides follow
            pos = m.end()
            continue
        b = _starting(bodies, pos, e)
        p = _starting(places, pos, e)
        if p is not None and p.get("possessive") and (nb := _starting(bodies, _after_possessive(text, p.end), e)):
            out.append((nb.start, nb.end, nb["alpha3"] or p["alpha3"], nb["level"]))  # "Kyrgyzstan's Ministry of Health"
            pos = nb.end
            continue
        if p is not None and p.get("possessive"):
            nxt = _after_possessive(text, p.end)
            dm = DESCRIPTOR.match(text, nxt, e)
            if dm and dm.group("kind") in words("body_kinds_common"):
                # "Kazakhstan's national railway company Kazakhstan Temir Zholy": the company
                nb = _starting(bodies, dm.end(), e)
                end = nb.end if nb is not None else _name_end(text, dm.end(), e)
                if end > dm.end():
                    out.append((dm.end(), end, p["alpha3"], nb["level"] if nb is not None else
                                level_of(dm.group("kind") + " " + text[dm.end():end])))
                    pos = end
                    continue
            place = _starting(places, nxt, e)
            end = place.end if place is not None else _name_end(text, nxt, e)
            if end > nxt:
                level = _place_level(place) if place is not None else level_of(text[nxt:end])
                out.append((nxt, end, p["alpha3"], level))  # "Nigeria's Chart and Capstone ...", "China's Xi'an"
                pos = end
                continue
            pos = nxt  # "China's media outlets": a side the text leaves unnamed, not the state
            continue
        cm = re.match(r"(?:city|town)\s+of\s+[A-ZÀ-Þ][\w’'-]+(?:[ -][A-Z][\w’'-]+)?", text[pos:e])
        if cm:  # "the city of Shusha in Azerbaijan": the city; where it lies is its state
            a, b_ = pos, pos + cm.end()
            inside = places.within(a, b_)
            alpha3 = inside[-1]["alpha3"] if inside and inside[-1]["alpha3"] else None
            loc = re.match(r"\s+in\s+(?:the\s+)?", text[b_:e])
            if loc and (lp := places.starting_at(b_ + loc.end())) is not None:
                alpha3 = alpha3 or lp["alpha3"]
                pos = lp.end
            else:
                pos = b_
            out.append((a, b_, alpha3, "city"))
            continue
        if b is not None and (p is None or b.end >= p.end):
            alpha3, pos = b["alpha3"], b.end
            loc = SET_OFF.match(text, pos, e)
            lp = places.starting_at(loc.end()) if loc else None
            if lp is not None and lp.label in STATE_LABELS and alpha3 in (None, lp["alpha3"]) \
                    and LOCATOR_END.match(text, lp.end, e):
                alpha3, pos = lp["alpha3"], lp.end  # "the Institute of ... (ITAM), Ghana and ...": where it is
            out.append((b.start, b.end, alpha3, b["level"]))
            continue
        if p is not None and p.label == "demonym":
            dk = DEMONYM_KIND.match(text, p.end, e)
            if dk and dk.group("kind") in words("body_kinds_common"):
                end = _name_end(text, dk.end(), e)  # "the French company TotalEnergies": the company, of France
                if end > dk.end():
                    out.append((dk.end(), end, p["alpha3"], level_of(dk.group("kind") + " " + text[dk.end():end])))
                    pos = end
                    continue
            gov = STATE_NOUN.match(text, p.end, e)
            if gov:  # "The Kyrgyz government and ...": the state's government
                out.append((p.start, gov.end(), p["alpha3"], "state"))
                pos = gov.end()
                continue
            named = _named_before(doc, p, e)
            if named is not None:  # "the Korean bank signed ..." after "the Export-Import Bank of Korea"
                b, pos = named
                out.append((b.start, b.end, b["alpha3"], b["level"]))
                continue
            sp = re.match(r"[ \t]+", text[p.end:e])
            after = p.end + (sp.end() if sp else 0)
            end = _name_end(text, after, e) if sp else after
            first = text[after:end].split()[0] if end > after else ""
            if end > after and first not in not_name_words() and not doc["people"].within(after, end) \
                    and not surname_like(first):
                out.append((p.start, end, p["alpha3"], level_of(text[p.start:end])))  # "Saudi Aramco", "Turkish Airlines"
                pos = end
                continue
            pos = max(end, p.end)
            continue  # "Chinese leader Xi Jinping": a demonym is no side of its own
        if p is not None and COUNTERPART_OF.search(text, max(s, p.start - 30), p.start):
            pos = p.end  # "and its counterpart from Tajikistan": a side the text does not name
            continue
        if p is not None and not re.match(r"\s+[A-Z0-9]", text[p.end:e]):
            alpha3, pos = p["alpha3"], p.end
            loc = OF_PLACE.match(text, pos, e) if p.label not in STATE_LABELS else None
            lp = places.starting_at(loc.end()) if loc else None
            if lp is not None and lp.label in STATE_LABELS and alpha3 in (None, lp["alpha3"]):
                alpha3, pos = lp["alpha3"], lp.end  # "the Tashkent region of Uzbekistan": where it lies
            out.append((p.start, p.end, alpha3, _place_level(p)))
            continue
        end = _name_end(text, pos, e)
        joined = AND_BODY.search(text, pos, end)
        if joined and bodies.starting_at(joined.end()) is not None:
            end = joined.start()  # "Uzbekneftegaz and MOL Group": a name, then a body the bodies layer knows
        if end > pos:
            name = text[pos:end]
            if name in known or " " not in name and SIMPLE_WORD.fullmatch(name) and surname_like(name):
                lone.append((pos, end))  # a surname, perhaps: "Tokayev and Putin signed"
            out.append((pos, end, _name_state(doc, pos, end), level_of(name)))
            pos = end
            continue
        nxt = re.search(r"\s", text[pos:e])
        pos = pos + nxt.end() if nxt else e
    # people sign, no side is named: names of people known in the text, or a phrase made only of
    # words with surnames' endings
    drop = {(a, b) for a, b in lone if text[a:b] in known}
    if lone and len(lone) == len(out):
        drop = set(lone)
    return [x for x in out if (x[0], x[1]) not in drop]


DEMONYM_KIND = re.compile(r"(?:[ \t]+[a-z][\w-]*){0,3}?[ \t]+(?P<kind>[a-z]+)[ \t]+(?=[A-Z0-9])")
PEOPLE_OF = re.compile(rf"(?i:{cue('people_of')})\s+")
SIMPLE_WORD = re.compile(r"[A-Z][a-z’'-]+")


def _name_state(doc: Doc, s: int, e: int) -> str | None:
    """The state of a name the bodies layer does not know: a state inside it ("Korea Eximbank"),
    a city it opens with, a state's stem ("Kazatomprom", "Samruk-Kazyna")."""
    from .bodies import _stems
    from .places import city_country

    inside = [x for x in doc["places"].within(s, e) if x["alpha3"]]
    if inside:
        return inside[0]["alpha3"]
    name = doc.text[s:e]
    first = name.split()[0] if name.split() else ""
    city = city_country(first) if first[:1].isupper() and len(name.split()) > 1 else None
    if city:
        return city
    for w in re.findall(r"[A-Z][a-z]+", name):
        for stem, alpha3 in _stems():
            if w.startswith(stem) and len(w) > len(stem) + 2:
                return alpha3
    return None


def _place_level(p: Span) -> str:
    return "state" if p.label in STATE_LABELS else "regional" if p.label == "region" else "city"


def _starting(layer, pos: int, e: int) -> Span | None:
    x = layer.starting_at(pos)
    return x if x is not None and x.end <= e else None


def _after_possessive(text: str, pos: int) -> int:
    m = POSSESSIVE_GAP.match(text, pos, pos + AHEAD)  # "Kyrgyzstan's ", "Laos' "
    return m.end() if m else pos


AND_BODY = re.compile(r"\s+(?:and|&)\s+")
NAME_RUN = re.compile(r"[A-Z0-9][\w’'.&-]*(?:\s+(?:[A-Z0-9][\w’'.&-]*|\([A-Z][\w.&-]*\)|of|for|de|and(?=\s+[A-Z][\w’'.&-]*\s+"
                      r"(?:Limited|Ltd|Inc|Co|LLC|JSC|Group|Company|Corporation)\b)))*")


def _name_end(text: str, pos: int, e: int) -> int:
    """Where a capitalised name at ``pos`` ends ("Technip", "Chart and Capstone Integrated
    Limited", "O'zbekiston temir yo'llari [Uzbekistan Railways]")."""
    m = NAME_RUN.match(text, pos, e)
    if not m or m.group() in CALENDAR:
        return pos  # "Pakistan and Turkiye on Thursday signed": a day, no side
    end = m.end()
    br = re.match(r"(?:\s+[a-z’'][\w’']*){1,3}(?=\s*\[)", text[end:e])  # a name in its own language, glossed
    if br:
        end += br.end()
    gl = re.match(r"\s*\[[^\]]{2,40}\]", text[end:e])
    if gl:
        end += gl.end()
    return end


KIND_AFTER = re.compile(r"[ \t]+(?P<kind>[a-z]+)\b(?![ \t]+[A-Z])")


def _named_before(doc: Doc, p: Span, e: int) -> tuple[Span, int] | None:
    """"the Korean bank" for the one body of that kind and state the text named before it: that
    body, and where the phrase ends."""
    m = KIND_AFTER.match(doc.text, p.end, e)
    if not m or m.group("kind") not in words("body_kinds_common"):
        return None
    kind = m.group("kind")
    earlier = [b for b in doc["bodies"].within(0, p.start) if b["alpha3"] == p["alpha3"]
               and kind in doc.text[b.start:b.end].lower().split()]
    if len({doc.text[b.start:b.end] for b in earlier}) != 1:
        return None
    return earlier[0], m.end()


def _sides_of_states(doc: Doc, s: int, e: int) -> list[tuple[int, int, str | None, str]]:
    """"the Kazakh and Uzbek sides", "the Kyrgyz and Azerbaijani sides": the two states."""
    s, e = _strip(doc.text, s, e)
    m = TWO_AND_HEAD.fullmatch(doc.text, s, e)
    if not m or m.group("head").lower() not in cue_words("sides_word"):
        return []
    pa, pb = doc["places"].starting_at(m.start("a")), doc["places"].starting_at(m.start("b"))
    if pa is None or pb is None or not pa["alpha3"] or not pb["alpha3"] or pa["alpha3"] == pb["alpha3"]:
        return []
    return [(s, e, pa["alpha3"], "state"), (s, e, pb["alpha3"], "state")]


def _shared(doc: Doc, s: int, e: int) -> list[tuple[int, int, str | None, str]] | None:
    """Coordinated forms: "the Kazakh and Russian Governments" (one shared name, two states), "the
    Ministries of Justice of Kyrgyzstan and Russia", "the railway administrations of A, B and C",
    "the Kazgeology and Rosgeologia companies", "the administrations of the cities of A and B"."""
    text = doc.text
    seg = text[s:e]
    m = TWO_AND_HEAD.fullmatch(seg)
    if m and _plural_head(m.group("head")):
        pa = doc["places"].starting_at(s + m.start("a"))
        pb = doc["places"].starting_at(s + m.start("b"))
        level = level_of(_singular(m.group("head")))
        if pa is not None and pb is not None:
            return [(s, e, pa["alpha3"], level), (s, e, pb["alpha3"], level)]
        return [(s + m.start("a"), s + m.end("a"), None, level), (s + m.start("b"), s + m.end("b"), None, level)]
    m = PLURAL_HEAD_OF.fullmatch(seg)
    if m and _plural_head(m.group("head")):
        states = [p for p in doc["places"].within(s + m.start("list"), e)]
        rest = re.sub(PLACE_KIND.pattern + r"\s+of\s+", "", text[s + m.start("list"):e])
        if states and all(p.label in STATE_LABELS + ("city", "capital", "region") for p in states) and \
                re.fullmatch(r"[A-Z][\w’' -]*?(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?[A-Z][\w’' -]*?)+", rest):
            head = _singular(m.group("head"))
            if head.lower() in PROPER_HEADS:
                head = head.capitalize()
            mod = m.group("mod")
            head = (mod.title() if head[:1].isupper() else mod) + head
            middle = text[s + m.start("list"):states[0].start]  # "of Justice of" in "Ministries of Justice of A and B"
            middle = re.sub(r"^\s*(?:the\s+)?", "", middle)
            level = "city" if "cit" in seg[:len(seg) - len(rest)] else level_of(head)
            if PLACE_KIND.match(m.group("list")):
                return [(s, e, p["alpha3"], level) for p in states]  # "administrations of the cities of A and B"
            local = head.lower() in LOCAL_HEADS
            return [(p.start, p.end, p["alpha3"], _place_level(p) if local and p.label in ("region", "city", "capital")
                     else level, f"{head} of {middle}{text[p.start:p.end]}".replace(" of of ", " of ")) for p in states]
    return None


@lru_cache(maxsize=1)
def _plurals() -> dict[str, str]:
    out = {r["pattern"].lower(): r["singular"] for r in table("body_kinds") if r.get("singular")}
    for w in cue_words("plural_head"):
        out.setdefault(w, w[:-3] + "y" if w.endswith("ies") else w[:-1])
    return out


def _plural_head(word: str) -> bool:
    return word.lower() in _plurals()


def _singular(word: str) -> str:
    sing = _plurals().get(word.lower(), word)
    return sing[:1].upper() + sing[1:] if word[:1].isupper() else sing.lower()


def _main_states(doc: Doc) -> list[str]:
    """The states the body names most, in the order it first names them (two at most)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for p in doc["places"]:
        if p["alpha3"] and p.label in STATE_LABELS and not doc.layout.is_noise(p.start):
            counts[p["alpha3"]] += 1
            first.setdefault(p["alpha3"], p.start)
    top = [a for a, n in counts.most_common(2) if n >= 2 or len(counts) <= 2]
    return sorted(top, key=lambda a: first[a])


def _fill(found: list[tuple[int, int, str | None, str]], taking: list[str]) -> list[tuple[int, int, str | None, str]]:
    """A party whose name gives no state takes the article's state its partners don't have."""
    known = {x[2] for x in found if x[2]}
    left = [c for c in taking if c not in known]
    out = []
    for x in found:
        s, e, alpha3, level = x[:4]
        if alpha3 is None and left:
            alpha3 = left.pop(0) if len(left) > 1 else left[0]
        out.append((s, e, alpha3, level, *x[4:]))
    return out
