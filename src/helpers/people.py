"""People named with a role: "Prime Minister of the Republic of Kazakhstan Olzhas Bektenov",
"Kazakh PM Olzhas Bektenov", "Olzhas Bektenov, the Prime Minister of ...", plural and
coordinated titles, counterparts; later mentions by surname resolve to the same person."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .countries import CountryMention, city_country, country_in
from .names import PARTICLES, bare, is_name_token, same_name
from .reference import rows, words
from .structure import Layout

WORD = re.compile(r"[^\W\d_]+(?:[-’'.][^\W\d_]+)*(?:[’']s)?|\d+|\S")
PLACE_WORDS = {"region", "Region", "city", "City", "province", "Province", "oblast", "Oblast", "district",
               "District"}
CONNECTORS = {"of", "the", "and", "for", "in", "on"}
OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?")
DASH_GAP = re.compile(r"\s*[–—-]\s*")
GAP_BEFORE_OFFICE = re.compile(r"(?:[’']s)?\s*(?:the\s+)?")
APPOSITIVE_LEAD = re.compile(r",\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w’']+\s+)?$")
MODIFIERS = r"(?:(?:former|late|acting|then|current|newly[- ]appointed)\s+)?"


@dataclass
class Person:
    """One person of an article, with the span of the mention that gives the fullest name."""

    name: str
    title: str
    country: str | None
    start: int
    end: int
    mentions: list[tuple[int, int]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _titles() -> tuple[re.Pattern[str], dict[str, str]]:
    canon = {}
    for r in rows("titles"):
        canon[r["phrase"].lower()] = r["canonical"]
    canon["counterpart"] = "@counterpart"
    alt = "|".join(re.escape(p) for p in sorted(canon, key=len, reverse=True))
    pat = re.compile(rf"(?<![\w-]){MODIFIERS}(?P<pre>(?:first\s+)?(?:deputy|vice)[\s-]+)?(?P<head>{alt})(?P<pl>s|es)?(?![\w-])")
    return pat, canon


@lru_cache(maxsize=1)
def _titles_ci() -> re.Pattern[str]:
    return re.compile(_titles()[0].pattern, re.I)


class _Reader:
    """Walks the words after an office, tokenised lazily (most walks stop after a few words),
    knowing which words belong to a country's name."""

    def __init__(self, text: str, countries: list[CountryMention], start: int, end: int):
        self.text = text
        self._words = WORD.finditer(text, start, end)
        self._countries = countries
        self._cstarts = [c.start for c in countries]
        self.toks: list[tuple[str, int, int]] = []
        self._country: dict[int, CountryMention] = {}
        self.office = words("office_words")

    def has(self, i: int) -> bool:
        """True when token ``i`` exists (reading on as far as needed)."""
        while len(self.toks) <= i:
            m = next(self._words, None)
            if m is None:
                return False
            s = m.start()
            k = bisect.bisect_right(self._cstarts, s) - 1
            if k >= 0 and s < self._countries[k].end:
                self._country[len(self.toks)] = self._countries[k]
            self.toks.append((m.group(), s, m.end()))
        return i >= 0

    def country(self, i: int) -> CountryMention | None:
        return self._country.get(i) if self.has(i) else None

    def start(self, i: int) -> int:
        return self.toks[i][1]

    def end(self, i: int) -> int:
        return self.toks[i][2]

    def index_at(self, pos: int) -> int:
        """Index of the first token at or after ``pos``."""
        i = 0
        while self.has(i) and self.toks[i][1] < pos:
            i += 1
        return i

    def tok(self, i: int) -> str:
        return self.toks[i][0] if self.has(i) else ""

    def country_end(self, i: int) -> int:
        """Index after the country mention starting at token ``i`` (``i`` when none)."""
        c = self.country(i)
        if c is None:
            return i
        j = i
        while self.has(j) and self.toks[j][1] < c.end:
            j += 1
        return j

    def skip_honorifics(self, i: int) -> int:
        """Index after courtesy words ("His Highness", "Mr.", "H.E.") starting at token ``i``."""
        honor = words("honorifics")
        while self.tok(i).rstrip(".") in honor:
            i += 1
            if self.tok(i) == ".":
                i += 1
        return i

    def name_at(self, i: int, most: int = 4) -> int:
        """Index after a person's name starting at token ``i`` (``i`` when none starts there)."""
        i = self.skip_honorifics(i)
        j, n = i, 0
        while self.has(j) and n < most:
            t = self.tok(j)
            if self.country(j):
                break
            if is_name_token(t):
                n += 1
                j += 1
                if t != bare(t):  # a possessive ends the name
                    break
                continue
            if t in PARTICLES and n and is_name_token(self.tok(j + 1)):
                j += 1
                continue
            break
        return j if n else i

    def office_tail(self, i: int) -> tuple[int, list[CountryMention]]:
        """Index after an office's tail ("of Health of the Republic of Azerbaijan", "(governor) of
        North Kazakhstan region", "of Veszprem"), and the countries named in it."""
        found: list[CountryMention] = []
        j = i
        if self.tok(j) == "(":  # "Akim (governor) of ..."
            k = j + 1
            while self.has(k) and k - j <= 4 and self.tok(k) != ")":
                k += 1
            if self.tok(k) == ")":
                j = k + 1
        while self.has(j):
            if self.country(j):
                found.append(self.country(j))
                j = self.country_end(j)
                continue
            t = self.tok(j)
            if t == "to" and self.country(j + 1) and found:  # "Ambassador of Japan to Uzbekistan"
                found.append(self.country(j + 1))
                j = self.country_end(j + 1)
                continue
            if t in ("of", "for", "in") or (t == "and" and (self._office_word(j + 1) or self.country(j + 1))):
                k = j + 1
                if self.tok(k) == "the":
                    k += 1
                if self.country(k) or self._office_word(k) or self._place(k, after_of=True):
                    j = k
                    continue
                # "Mayor of Veszprem Gyulya Porg": one unknown word of place before a full name
                if t == "of" and is_name_token(self.tok(k)) and self.name_at(k + 1) >= k + 3:
                    j = k + 1
                    continue
                # "Secretary General of the Organization of Turkic States": unknown words of a body's
                # name that ends in an office word
                k2 = k
                while self.tok(k2)[:1].isupper() and not self._office_word(k2) and not self.country(k2) and k2 - k < 3:
                    k2 += 1
                if k2 > k and self._office_word(k2):
                    j = k2
                    continue
                # "Chairman of the Board of Rosatom, Alexey Likhachev": a body's name before a comma
                if t == "of" and self.tok(k)[:1].isupper() and self.tok(k + 1) == ",":
                    j = k + 1
                    continue
                break
            if self._office_word(j) or self._place(j):
                j += 1
                continue
            break
        return j, found

    def _office_word(self, i: int) -> bool:
        t = bare(self.tok(i))
        return bool(t) and t[:1].isupper() and t in self.office and t not in {"The", "A", "An"}

    def _place(self, i: int, after_of: bool = False) -> bool:
        t = self.tok(i)
        if t in PLACE_WORDS:
            return True
        # a city only right after "of" ("Mayor of Veszprem"): first names can be cities too
        if after_of and t[:1].isupper() and city_country(t):
            return True
        # an unknown capitalised word followed by a place word ("Shusha region")
        return bool(t[:1].isupper()) and self.tok(i + 1) in PLACE_WORDS


PAREN = re.compile(r"\s*\([^)]{0,40}\)")
POSS = re.compile(r"[’']s\b")
EMPTY_OF = re.compile(r"\b(of|in|for|to)\s+(the\s+)?(?=(of|in|for|to)\b|$)")
TRAILING = re.compile(r"(?:\s+(?:of|in|for|and|the|to))+\s*$")
DOUBLE_THE = re.compile(r"\bthe\s+(?=the\b)")
SPACES = re.compile(r"\s{2,}")


def _clean_title(text: str, countries: list[CountryMention], start: int) -> str:
    """An office as a short phrase without the country ("Governor of Russia's Voronezh Region" ->
    "Governor of Voronezh Region")."""
    out = text
    states = [c for c in countries if c.kind not in ("city", "region")]
    for c in sorted(states, key=lambda c: c.start, reverse=True):
        a, b = c.start - start, c.end - start
        if 0 <= a < b <= len(out):
            out = out[:a] + out[b:]
    out = PAREN.sub("", out)
    out = POSS.sub("", out)
    out = EMPTY_OF.sub("", out.strip())
    out = TRAILING.sub("", out.strip())
    out = DOUBLE_THE.sub("", out)
    return SPACES.sub(" ", out).strip(" ,")


def _canonical(head: str, canon: dict[str, str]) -> str:
    c = canon.get(head.lower(), "")
    if c:
        return c
    return head[:1].upper() + head[1:]


def find_people(text: str, layout: Layout, countries: list[CountryMention]) -> list[Person]:
    """Every person named with a role (and every later mention by surname), fullest name first."""
    pat, canon = _titles()
    low = text.lower()
    # matching the lower-cased text case-sensitively is several times faster than re.I
    titles = pat.finditer(low) if len(low) == len(text) else _titles_ci().finditer(text)
    found: list[Person] = []
    consumed_until = -1
    pending: list[tuple[str, int, int]] = []  # a second name waiting for "... and the TITLE"
    last_person_end = -1
    found_title_end: tuple[int, str] | None = None
    for m in titles:
        if m.start() < consumed_until:
            continue
        # a name or an office's tail can only follow where the next word is capitalised,
        # "of", "for", "in" or a parenthesis: read a short window otherwise
        nxt = text[m.end():m.end() + 6].lstrip()
        wide = nxt[:1].isupper() or nxt[:1] == "(" or nxt.startswith(("of ", "for ", "in ", ", "))
        if not wide and not pending and not APPOSITIVE_LEAD.search(text, max(0, m.start() - 40), m.start()):
            # nothing after the office, no name before it ("the heads of state", "ministers"),
            # unless a second office follows a dash ("First Deputy Prime Minister – Minister of ...")
            found_title_end = (m.end(), text[m.start("pre") if m.group("pre") else m.start("head"):m.end("head")])
            continue
        reader = _Reader(text, countries, m.start(), min(len(text), m.end() + (160 if wide else 30)))
        head = text[m.start("head"):m.end("head")]
        plural = bool(m.group("pl"))
        if head.lower() in ("general", "head", "leader", "director", "chairman") and plural:
            continue
        i = reader.index_at(m.end())
        tail_end, tail_countries = reader.office_tail(i)
        if tail_end > i and not tail_countries and reader.tok(tail_end - 1) in CONNECTORS:
            tail_end -= 1
        tail_end_pos = reader.end(tail_end - 1) if tail_end > i else m.end()
        country_pre = _country_before(text, m.start(), countries)
        base = _canonical(head, canon)
        pre = text[m.start("pre"):m.end("pre")] if m.group("pre") else ""
        if pre and not base.lower().startswith(("deputy", "vice", "first")):
            base = " ".join(w.capitalize() for w in pre.split()) + " " + base  # "Deputy Foreign Minister"
        if base == "@counterpart":
            title = base
        else:
            cleaned = _clean_title(text[m.start("head"):tail_end_pos], tail_countries, m.start("head"))
            written = text[m.start("head"):m.end()]
            rest = cleaned[len(written):] if cleaned.lower().startswith(written.lower()) else ""
            title = base + rest
        if found_title_end is not None and DASH_GAP.fullmatch(text, found_title_end[0], m.start()):
            title = found_title_end[1] + " – " + title  # "First Deputy Prime Minister – Minister of Finance"
        found_title_end = (tail_end_pos, title)
        region_pre = _region_before(text, m.start())
        if region_pre and head.lower() in ("governor", "akim", "mayor"):
            title = f"{base} of {region_pre[0]}"
        country = None
        if tail_countries:
            country = tail_countries[0].alpha3 if not plural else None
        if country is None and country_pre:
            country = country_pre.alpha3
        if country is None and region_pre:
            country = region_pre[1]
        if country is None and tail_end > i:
            country = country_in(text[m.end():tail_end_pos])  # "Governor of the Navoi region"
        names: list[tuple[int, int]] = []
        j = tail_end
        # "Presidents Kassym-Jomart Tokayev and Vladimir Putin"
        while True:
            j = reader.skip_honorifics(j)
            k = reader.name_at(j)
            if k == j:
                break
            names.append((reader.start(j), reader.end(k - 1)))
            if plural and reader.tok(k) in ("and", ",") and reader.name_at(k + 1) > k + 1:
                j = k + 1
                continue
            break
        if not names:
            k = reader.name_at(tail_end + 1) if reader.tok(tail_end) == "," and (tail_countries or tail_end > i) \
                else tail_end + 1
            if k > tail_end + 1 and reader.tok(k) in (",", ".", "to", "in", "on") and \
                    (tail_countries or k - tail_end > 2):
                # "the President of Kazakhstan, Nursultan Nazarbayev, ..."
                names = [(reader.start(tail_end + 1), reader.end(k - 1))]
        if not names:
            before = _appositive_before(text, m.start())
            coordinated = bool(_pat_and_title().match(text[tail_end_pos:]))
            if before:
                if plural:
                    names = before
                elif len(before) > 1 and coordinated:
                    # "A and B, the Minister of X of C1 and the Minister of Y of C2"
                    names = before[:1]
                    pending.append((text[before[1][0]:before[1][1]], before[1][0], tail_end_pos))
                else:
                    names = before[-1:]
            elif pending and text[pending[0][2]:m.start()].strip() in ("and", "and the", ", and the", ", the"):
                name2, ps, _ = pending.pop(0)
                names = [(ps, ps + len(name2))]
        if not names:
            continue
        per_country: list[str | None] = [country] * len(names)
        if plural and len(tail_countries) == len(names):
            per_country = [c.alpha3 for c in tail_countries]
        # "Hungarian President Katalin Novak and Prime Minister Viktor Orban": the demonym is shared
        if country is None and found and text[last_person_end:m.start()].strip() in ("and", ","):
            per_country = [found[-1].country] * len(names)
        if len(names) == 1 and per_country[0] is None:
            after = OF_COUNTRY.match(text, names[0][1])
            if after:
                hit = next((c for c in countries if c.start == after.end()), None)
                per_country = [hit.alpha3 if hit else None]
        for (s, e), c in zip(names, per_country):
            name = bare(text[s:e]).strip()
            e = s + len(name)  # "Olaf Scholz’s visit": the evidence is the name
            found.append(Person(name, title, c, s, e, [(min(m.start(), s), max(e, tail_end_pos))]))
            last_person_end = e
        consumed_until = max(names[-1][1], tail_end_pos)
    people = _merge(found)
    _resolve_counterparts(people, layout)
    _add_bare_people(text, people)
    _add_mentions(text, people)
    _offices_from_headline(text, layout, people, countries)
    _fill_countries(text, layout, people, countries)
    return people


def _offices_from_headline(text: str, layout: Layout, people: list[Person],
                           countries: list[CountryMention]) -> None:
    """People the body names without an office take the offices the headline names without a
    person ("Belarusian PM wraps up visit" ... "Golovchenko paid courtesy visits"; "Foreign
    Ministers of Belarus and Russia hold meeting" ... "between Vladimir Makei and Sergey Lavrov")."""
    untitled = sorted((p for p in people if not p.title), key=lambda p: p.start)
    if not untitled or not layout.headline:
        return
    hs, he = layout.headline
    pat, canon = _titles()
    offices: list[tuple[str, str | None]] = []
    for m in pat.finditer(text.lower(), hs, he):
        head = text[m.start("head"):m.end("head")]
        base = _canonical(head, canon)
        if base == "@counterpart" or not (head[:1].isupper() or head.isupper()):
            continue
        after = [c for c in countries if m.end() <= c.start < he and c.kind in ("name", "official", "demonym")]
        before = _country_before(text, m.start(), countries)
        if m.group("pl") and len(after) >= 2:  # "Foreign Ministers of Belarus and Russia"
            offices.extend((base, c.alpha3) for c in after[:2])
        else:
            offices.append((base, before.alpha3 if before else (after[0].alpha3 if after else None)))
    named = {(p.title, p.country) for p in people if p.title}
    offices = [o for o in offices if o not in named]
    if len(offices) != len(untitled):
        return
    for p, (title, country) in zip(untitled, offices):
        p.title = title
        p.country = p.country or country


@lru_cache(maxsize=1)
def _pat_and_title() -> re.Pattern[str]:
    pat, _ = _titles()
    return re.compile(r"\s*,?\s+and\s+(?:the\s+)?(?:[A-Z][\w’']+\s+)?" + pat.pattern, re.I)


def _country_before(text: str, pos: int, countries: list[CountryMention]) -> CountryMention | None:
    """A country or demonym right before an office ("Kazakh PM", "Azerbaijan's Prime Minister")."""
    for c in countries:
        if c.end > pos:
            break
        if pos - c.end <= 8 and GAP_BEFORE_OFFICE.fullmatch(text, c.end, pos):
            return c
    return None


def _region_before(text: str, pos: int) -> tuple[str, str | None] | None:
    """A region right before an office ("Astrakhan region Governor")."""
    m = re.search(r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+(?:region|Region|oblast|province))\s+$", text[max(0, pos - 60):pos])
    if not m:
        return None
    return m.group(1), country_in(m.group(1))


NAMEPAT = r"[A-Z][^\W\d_]+(?:[-’'][^\W\d_]+)*(?:\s+(?:[A-Z][^\W\d_]+(?:[-’'][^\W\d_]+)*))"
APPOSITIVE = re.compile(
    rf"(?P<a>{NAMEPAT}{{0,3}})(?:\s+and\s+(?P<b>{NAMEPAT}{{0,3}}))?\s*,\s+(?:the\s+|his\s+|her\s+|their\s+)?"
    rf"(?:[A-Z][\w’']+\s+)?$")


def _appositive_before(text: str, pos: int) -> list[tuple[int, int]]:
    """Names right before ", the TITLE" ("Alikhan Smailov, the Prime Minister of Kazakhstan")."""
    window_start = max(0, pos - 120)
    m = APPOSITIVE.search(text[window_start:pos])
    if not m:
        return []
    out = []
    for g in ("a", "b"):
        if m.group(g):
            s, e = window_start + m.start(g), window_start + m.end(g)
            toks = text[s:e].split()
            # keep the trailing run of name-like words ("On April 24, Sadyr Zhaparov")
            keep = []
            for t in reversed(toks):
                if is_name_token(t):
                    keep.append(t)
                else:
                    break
            if not keep:
                return []
            name = " ".join(reversed(keep))
            out.append((e - len(name), e))
    return out


def _merge(found: list[Person]) -> list[Person]:
    """One row per person: mentions of one name (or a spelling of it) join the fullest form."""
    people: list[Person] = []
    for p in found:
        for q in people:
            # "Sheikh Mohamed" after "Sheikh Mohamed bin Zayed Al Nahyan": a first-name reference
            first_name = len(p.name.split()) == 1 and p.name == q.name.split()[0] and p.title == q.title
            if same_name(p.name, q.name) or first_name:
                q.mentions.extend(p.mentions)
                if len(p.name.split()) > len(q.name.split()):
                    q.name, q.start, q.end = p.name, p.start, p.end
                if q.country is None:
                    q.country = p.country
                if _weak(q.title) and not _weak(p.title):
                    q.title = p.title
                break
        else:
            people.append(p)
    return people


def _weak(title: str) -> bool:
    return title in ("", "Minister", "leader", "@counterpart", "Head")


def _resolve_counterparts(people: list[Person], layout: Layout) -> None:
    """"his Turkish counterpart Mevlut Cavusoglu": the office of the person he is counterpart of."""
    for p in people:
        if p.title != "@counterpart":
            continue
        sent = layout.sentence_at(p.start)
        others = [q for q in people if q is not p and q.title != "@counterpart" and
                  (sent[0] <= q.start <= sent[1] or any(sent[0] <= s <= sent[1] for s, _ in q.mentions))]
        p.title = others[0].title if others else ""


HUMAN_VERBS = ("said|noted|stressed|emphasi[sz]ed|underlined|added|told|congratulated|thanked|paid|laid|"
               "visited|met|held|signed|spoke|pointed|welcomed|expressed|voiced|called|urged|assured|"
               "recalled|remarked|announced|invited")


@lru_cache(maxsize=1)
def _human_verb() -> re.Pattern[str]:
    return re.compile(rf"(?<=\S)\s+(?:{HUMAN_VERBS})\b")


@lru_cache(maxsize=1)
def _name_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'-])(?P<n>{NAMEPAT}{{0,2}}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)$")


@lru_cache(maxsize=1)
def _and_name() -> re.Pattern[str]:
    return re.compile(rf"\s+and\s+({NAMEPAT}{{1,2}})\b")


@lru_cache(maxsize=1)
def _between_names() -> re.Pattern[str]:
    return re.compile(rf"\b(?:between|with)\s+(?P<a>{NAMEPAT}{{1,2}})\s+and\s+(?P<b>{NAMEPAT}{{1,2}})\b")


def _add_bare_people(text: str, people: list[Person]) -> None:
    """Names without an office: "negotiations between Vladimir Makei and Sergey Lavrov",
    "Golovchenko paid courtesy visits", "Peter Siyarto" beside a named minister."""
    known = [p.name for p in people]
    cands: list[tuple[int, int]] = []
    # a verb is rarer than a capital: find the verbs, then look back for a name
    for v in _human_verb().finditer(text):
        m = _name_before().search(text, max(0, v.start() - 60), v.start())
        if m:
            cands.append((m.start("n"), m.end("n")))
    for m in _between_names().finditer(text):
        cands.append((m.start("a"), m.end("a")))
        cands.append((m.start("b"), m.end("b")))
    # "... Jeyhun Bayramov and Peter Siyarto": a name coordinated with a known person
    for p in people:
        m = _and_name().match(text, p.end)
        if m:
            cands.append((m.start(1), m.end(1)))
    for s, e in cands:
        name = text[s:e]
        toks = name.split()
        if not all(is_name_token(t) for t in toks):
            continue
        if any(same_name(name, k) for k in known):
            continue
        if len(toks) == 1 and not _looks_like_surname(toks[0]):
            continue
        people.append(Person(name, "", None, s, e, [(s, e)]))
        known.append(name)


def _looks_like_surname(token: str) -> bool:
    """A lone word read as a surname only with a surname's ending (the genre's Slavic, Turkic,
    Caucasian names); other lone capitalised words are too often places or bodies."""
    return bool(re.search(r"(ov|ev|ova|eva|in|ina|enko|ko|uk|yan|ian|ski|sky|skaya|yev|yeva|li|ly|zade|oglu|uly|kyzy|bek|bay|bayev|aev|iev|ich|vich|ovich|evich)$", token))


def _add_mentions(text: str, people: list[Person]) -> None:
    """Every later mention of a person by full name or surname."""
    for p in people:
        surname = p.name.split()[-1]
        pos = text.find(surname)
        while pos >= 0:
            end = pos + len(surname)
            whole = (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "-")) and \
                (end == len(text) or not (text[end].isalnum() or text[end] == "-"))
            if whole and not any(s <= pos < e for s, e in p.mentions):
                p.mentions.append((pos, end))
            pos = text.find(surname, end)
        p.mentions.sort()


def _fill_countries(text: str, layout: Layout, people: list[Person], countries: list[CountryMention]) -> None:
    """A country for each person without one: by elimination among the article's countries,
    else the nearest country named in the person's sentence."""
    counts: dict[str, int] = {}
    for c in countries:
        if not layout.is_noise(c.start):
            counts[c.alpha3] = counts.get(c.alpha3, 0) + 1
    first: dict[str, int] = {}
    for c in countries:
        first.setdefault(c.alpha3, c.start)
    main = [a for a, n in sorted(counts.items(), key=lambda x: -x[1]) if n >= 2][:2]
    covered = {q.country for q in people if q.country}
    left = sorted((a for a in main if a not in covered), key=lambda a: first[a])
    unknown = sorted((p for p in people if not p.country), key=lambda p: p.start)
    if left and len(left) == len(unknown):
        # "Presidents A and B": named in the order their countries were
        for p, a in zip(unknown, left):
            p.country = a
        return
    for p in people:
        if p.country:
            continue
        if len(left) == 1 and len(unknown) == 1:
            p.country = left[0]
            continue
        s0, e0 = layout.sentence_at(p.start)
        near = [c for c in countries if s0 <= c.start < e0]
        if near:
            before = [c for c in near if c.start < p.start]
            p.country = (before[-1] if before else near[0]).alpha3
        elif main:
            p.country = main[0]
