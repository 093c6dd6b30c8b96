"""Offices of people as the genre writes them: "Prime Minister of the Republic of Kazakhstan",
"Kazakh PM", "Minister of Health of ...", "Akim (governor) of North Kazakhstan region", and the
short form of each ("Prime Minister", "Minister of Health", "Akim of North Kazakhstan region")."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .countries import CountryMention, city_country, country_in
from .names import PARTICLES, bare, is_name_token
from .reference import alternation, rows, words

WORD = re.compile(r"[^\W\d_]+(?:[-’'.][^\W\d_]+)*(?:[’']s)?|\d+|\S")
PLACE_WORDS = {"region", "Region", "city", "City", "province", "Province", "oblast", "Oblast", "district",
               "District"}
CONNECTORS = {"of", "the", "and", "for", "in", "on"}
BODY_BEFORE = re.compile(r"([A-Z][\w-]+)\s+$")
PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|yevich|yevna|uly|ulu|kyzy|qizi|ogly|oglu)$")
LOCAL_HEADS = {"governor", "akim", "mayor", "khokim", "hokim"}
DASH_GAP = re.compile(r"\s*(?:[–—-]|and)\s*")
GAP_BEFORE_OFFICE = re.compile(r"(?:[’']s)?\s*(?:the\s+)?")
MODIFIERS = r"(?:(?:former|late|acting|then|current|newly[- ]appointed)\s+)?"


@lru_cache(maxsize=1)
def title_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    canon = {}
    for r in rows("titles"):
        canon[r["phrase"].lower()] = r["canonical"]
    canon["counterpart"] = "@counterpart"
    alt = alternation(list(canon))
    pat = re.compile(rf"(?<![\w-]){MODIFIERS}(?P<pre>(?:first\s+)?(?:deputy|vice)[\s-]+)?(?P<head>{alt})(?P<pl>s|es)?(?![\w-])")
    return pat, canon


@lru_cache(maxsize=1)
def title_pattern_ci() -> re.Pattern[str]:
    return re.compile(title_pattern()[0].pattern, re.I)


class OfficeReader:
    """Walks the words after an office, tokenised lazily (most walks stop after a few words),
    knowing which words belong to a country's name."""

    def __init__(self, text: str, countries: list[CountryMention], starts: list[int], start: int, end: int):
        self.text = text
        self._words = WORD.finditer(text, start, end)
        self._countries = countries
        self._cstarts = starts
        self.toks: list[tuple[str, int, int]] = []
        self._country: dict[int, CountryMention] = {}
        self.office = words("office_words")
        self.destinations: list[CountryMention] = []

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
            # an initial inside a name: "S. Jaishankar", "Antony J. Blinken"
            if len(t) == 1 and t.isupper() and self.tok(j + 1) == "." and is_name_token(self.tok(j + 2)):
                j += 2
                continue
            if is_name_token(t):
                n += 1
                j += 1
                if t != bare(t):  # a possessive ends the name
                    break
                continue
            if t in PARTICLES and n and is_name_token(self.tok(j + 1)):
                j += 1
                most = min(most + 1, 6)  # "Badr bin Hamad bin Hamood Albusaidi": a chain of names
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
            if t == "," and self._office_word(j + 1) and j > i:  # "Minister of Investment, Industry and Trade"
                j += 1
                continue
            if t == "to" and self.country(j + 1):  # "Ambassador of Japan to Uzbekistan"
                self.destinations.append(self.country(j + 1))  # where it serves, not whom
                j = self.country_end(j + 1)
                continue
            if t in ("of", "for", "in") or (t == "and" and (self._office_word(j + 1) or self.country(j + 1))):
                k = j + 1
                if self.tok(k) == "the":
                    k += 1
                if self.country(k) or self._office_word(k) or self._place(k, after_of=True):
                    j = k
                    continue
                # "Chairman of the Board of JSC Samruk-Kazyna Nurlan Zhakupov": a run of capitalised
                # words after "of" ends with the holder's name (two words, three with a patronymic)
                run = k
                while self.tok(run)[:1].isupper() and not self.country(run) and run - k < 8:
                    run += 1
                if t == "of" and run - k >= 3 and is_name_token(self.tok(run - 1)) and is_name_token(self.tok(run - 2)):
                    name_len = 3 if PATRONYMIC.search(self.tok(run - 2)) and run - k >= 4 else 2
                    j = run - name_len
                    break
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
        return (bool(t) and t[:1].isupper() and t in self.office and t not in {"The", "A", "An"}
                and t not in words("honorifics"))  # "President His Highness ...": the office ends

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


def clean_title(text: str, countries: list[CountryMention], start: int) -> str:
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


def canonical(head: str, canon: dict[str, str]) -> str:
    c = canon.get(head.lower(), "")
    if c:
        return c
    return head[:1].upper() + head[1:]


@lru_cache(maxsize=1)
def and_title_pattern() -> re.Pattern[str]:
    pat, _ = title_pattern()
    return re.compile(r"\s*,?\s+and\s+(?:the\s+)?(?:[A-Z][\w’']+\s+)?" + pat.pattern, re.I)


def country_before(text: str, pos: int, countries: list[CountryMention], starts: list[int]) -> CountryMention | None:
    """A country or demonym right before an office ("Kazakh PM", "Azerbaijan's Prime Minister")."""
    k = bisect.bisect_left(starts, pos) - 1
    while k >= 0 and pos - countries[k].end <= 8:
        c = countries[k]
        if c.end <= pos and GAP_BEFORE_OFFICE.fullmatch(text, c.end, pos):
            return c
        k -= 1
    return None


def region_before(text: str, pos: int) -> tuple[str, str | None] | None:
    """A region right before an office ("Astrakhan region Governor")."""
    m = re.search(r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+(?:region|Region|oblast|province))\s+$", text[max(0, pos - 60):pos])
    if not m:
        return None
    return m.group(1), country_in(m.group(1))




@dataclass
class Office:
    """An office written at ``text[start:end]`` (its tail included): its short title, the country
    it serves, the countries its tail names, and the reader placed after it."""

    start: int
    end: int
    head: str
    title: str
    country: str | None
    tail_countries: list[CountryMention]
    plural: bool
    reader: OfficeReader
    tail_start: int  # index of the first token after the title itself
    tail_end: int  # index of the first token after the office


def read_office(text: str, m: re.Match[str], countries: list[CountryMention], starts: list[int],
                previous: tuple[int, str] | None, wide: bool) -> Office | None:
    """The office a title match opens, with its tail ("of Health of the Republic of Azerbaijan")
    and its country (from the tail, a demonym or possessive before, or a region before)."""
    _, canon = title_pattern()
    line_end = text.find("\n", m.end())  # an office and its holder's name stay on one line
    stop = min(len(text) if line_end < 0 else line_end, m.end() + (160 if wide else 30))
    reader = OfficeReader(text, countries, starts, m.start(), stop)
    head = text[m.start("head"):m.end("head")]
    plural = bool(m.group("pl"))
    if head.lower() in ("general", "head", "leader", "director", "chairman") and plural:
        return None
    i = reader.index_at(m.end())
    tail_end, tail_countries = reader.office_tail(i)
    if tail_end > i and not tail_countries and reader.tok(tail_end - 1) in CONNECTORS:
        tail_end -= 1
    end = reader.end(tail_end - 1) if tail_end > i else m.end()
    base = canonical(head, canon)
    pre = text[m.start("pre"):m.end("pre")] if m.group("pre") else ""
    if pre and not base.lower().startswith(("deputy", "vice", "first")):
        base = " ".join(w.capitalize() for w in pre.split()) + " " + base  # "Deputy Foreign Minister"
    if base == "@counterpart" or end == m.end():
        title = base
    else:
        cleaned = clean_title(text[m.start("head"):end], tail_countries + reader.destinations, m.start("head"))
        written = text[m.start("head"):m.end()]
        title = base + (cleaned[len(written):] if cleaned.lower().startswith(written.lower()) else "")
    joined = DASH_GAP.fullmatch(text, previous[0], m.start()) if previous is not None else None
    if joined:  # "First Deputy Prime Minister – Minister of Finance", "State Councilor and Foreign Minister"
        title = previous[1] + (" and " if "and" in joined.group() else " – ") + title
    local = head.lower() in LOCAL_HEADS
    region = region_before(text, m.start()) if local or not tail_countries else None
    if region and local:
        title = f"{base} of {region[0]}"  # "Astrakhan region Governor"
    country = None
    if tail_countries and not plural:
        country = tail_countries[0].alpha3
    if country is None:
        before = country_before(text, m.start(), countries, starts)
        country = before.alpha3 if before else (region[1] if region else None)
    if country is None and tail_end > i:
        country = country_in(text[m.end():end])  # "Governor of the Navoi region"
    if country is None:
        body = BODY_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if body:
            country = country_in(body.group(1))  # "Uzbekneftegaz Chairman Bakhodir Sidikov"
    return Office(m.start(), end, head, title, country, tail_countries, plural, reader, i, tail_end)


def written_office(text: str, m: re.Match[str]) -> str:
    """The office a title match names, as written (prefix included)."""
    return text[m.start("pre") if m.group("pre") else m.start("head"):m.end("head")]
