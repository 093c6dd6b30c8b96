"""People named with a role: "Prime Minister of the Republic of Kazakhstan Olzhas Bektenov",
"Kazakh PM Olzhas Bektenov", "Olzhas Bektenov, the Prime Minister of ...", plural and
coordinated titles, counterparts; later mentions by surname resolve to the same person."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .countries import CountryMention
from .names import PARTICLES, bare, is_name_token, same_name, surname
from .offices import (
    Office,
    and_title_pattern,
    canonical,
    country_before,
    read_office,
    title_pattern,
    title_pattern_ci,
    written_office,
)
from .reference import alternation, phrases
from .structure import Layout

OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?")
FIRST_AND_PATRONYMIC = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+[A-Z][a-z]+(?:ovich|evich|yevich|ovna|evna|yevna)"
                                  r"\b(?!\s+[A-Z])")
APPOSITIVE_LEAD = re.compile(r",\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w’']+\s+)?$")


@dataclass
class Person:
    """One person of an article, with the span of the mention that gives the fullest name."""

    name: str
    title: str
    country: str | None
    start: int
    end: int
    mentions: list[tuple[int, int]] = field(default_factory=list)
    guessed: bool = False  # the country is the article's main one, for want of any sign


def find_people(text: str, layout: Layout, countries: list[CountryMention]) -> list[Person]:
    """Every person named with a role (and every later mention by surname), fullest name first."""
    pat, _ = title_pattern()
    low = text.lower()
    # matching the lower-cased text case-sensitively is several times faster than re.I
    titles = pat.finditer(low) if len(low) == len(text) else title_pattern_ci().finditer(text)
    starts = [c.start for c in countries]  # countries come sorted by start
    found: list[Person] = []
    consumed_until = -1
    pending: list[tuple[str, int, int]] = []  # a second name waiting for "... and the TITLE"
    last_person_end = -1
    previous: tuple[int, str] | None = None  # where the last office ended, and its title
    for m in titles:
        if m.start() < consumed_until:
            continue
        # a name or an office's tail can only follow where the next word is capitalised,
        # "of", "for", "in" or a parenthesis
        nxt = text[m.end():m.end() + 6].lstrip()
        wide = nxt[:1].isupper() or nxt[:1] == "(" or nxt.startswith(("of ", "for ", "in ", "to ", ", "))
        if not wide and not pending and not APPOSITIVE_LEAD.search(text, max(0, m.start() - 40), m.start()):
            # nothing after the office, no name before it ("the heads of state", "ministers"),
            # unless a second office follows a dash ("First Deputy Prime Minister – Minister of ...")
            previous = (m.end(), written_office(text, m))
            continue
        office = read_office(text, m, countries, starts, previous, wide)
        if office is None:
            continue
        previous = (office.end, office.title)
        names = _names_after(office) or _names_before(text, office, pending)
        if not names:
            continue
        per_country: list[str | None] = [office.country] * len(names)
        if office.plural and len(office.tail_countries) == len(names):
            per_country = [c.alpha3 for c in office.tail_countries]
        # "Hungarian President Katalin Novak and Prime Minister Viktor Orban": the demonym is shared
        if office.country is None and found and text[last_person_end:m.start()].strip() in ("and", ","):
            per_country = [found[-1].country] * len(names)
        if len(names) == 1 and per_country[0] is None:  # "President Xi Jinping of China"
            after = OF_COUNTRY.match(text, names[0][1])
            if after:
                hit = next((c for c in countries if c.start == after.end()), None)
                per_country = [hit.alpha3 if hit else None]
        for (s, e), c in zip(names, per_country):
            name = bare(text[s:e]).strip()
            e = s + len(name)  # "Olaf Scholz’s visit": the evidence is the name
            found.append(Person(name, office.title, c, s, e, [(min(m.start(), s), max(e, office.end))]))
            last_person_end = e
        consumed_until = max(names[-1][1], office.end)
    people = _merge(found)
    _resolve_counterparts(people, layout)
    _add_bare_people(text, people)
    _add_mentions(text, people)
    _offices_from_headline(text, layout, people, countries)
    _fill_countries(text, layout, people, countries)
    return people


def _names_after(office: Office) -> list[tuple[int, int]]:
    """Names right after an office: "President Kassym-Jomart Tokayev", "Presidents A and B",
    "the President of Kazakhstan, Nursultan Nazarbayev,"."""
    reader, j, names = office.reader, office.tail_end, []
    while True:
        j = reader.skip_honorifics(j)
        if reader.tok(j) in COURTESY_TITLES:  # "the Emir of Qatar Sheikh Tamim ...": the office's name
            j = reader.skip_honorifics(j + 1)
        k = reader.name_at(j)
        if k == j:
            break
        names.append((reader.start(j), reader.end(k - 1)))
        if office.plural and reader.tok(k) in ("and", ",") and reader.name_at(k + 1) > k + 1:
            j = k + 1
            continue
        break
    if names:
        return names
    t = office.tail_end
    had_tail = bool(office.tail_countries) or t > office.tail_start
    k = reader.name_at(t + 1) if reader.tok(t) == "," and had_tail else t + 1
    if k > t + 1 and reader.tok(k) in (",", ".", "to", "in", "on") and (office.tail_countries or k - t > 2):
        return [(reader.start(t + 1), reader.end(k - 1))]
    return []


def _names_before(text: str, office: Office, pending: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """Names right before ", the TITLE" ("Alikhan Smailov, the Prime Minister of Kazakhstan"),
    or the second of "A and B, the Minister of X and the Minister of Y" waiting in ``pending``."""
    before = _appositive_before(text, office.start)
    if before:
        if office.plural:
            return before
        if len(before) > 1 and and_title_pattern().match(text, office.end):
            # "A and B, the Minister of X of C1 and the Minister of Y of C2"
            pending.append((text[before[1][0]:before[1][1]], before[1][0], office.end))
            return before[:1]
        return before[-1:]
    if pending and text[pending[0][2]:office.start].strip() in ("and", "and the", ", and the", ", the"):
        name2, ps, _ = pending.pop(0)
        return [(ps, ps + len(name2))]
    return []


def _offices_from_headline(text: str, layout: Layout, people: list[Person],
                           countries: list[CountryMention]) -> None:
    """People the body names without an office take the offices the headline names without a
    person ("Belarusian PM wraps up visit" ... "Golovchenko paid courtesy visits"; "Foreign
    Ministers of Belarus and Russia hold meeting" ... "between Vladimir Makei and Sergey Lavrov")."""
    untitled = sorted((p for p in people if not p.title), key=lambda p: p.start)
    if not untitled or not layout.headline:
        return
    hs, he = layout.headline
    pat, canon = title_pattern()
    offices: list[tuple[str, str | None]] = []
    for m in pat.finditer(text.lower(), hs, he):
        head = text[m.start("head"):m.end("head")]
        base = canonical(head, canon)
        if base == "@counterpart" or not (head[:1].isupper() or head.isupper()):
            continue
        after = [c for c in countries if m.end() <= c.start < he and c.kind in ("name", "official", "demonym")]
        before = country_before(text, m.start(), countries, [c.start for c in countries])
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


# a lower-case particle may sit between two capitalised words ("Mohamed bin Zayed Al Nahyan")
NAMEPAT = (r"[A-Z][^\W\d_]+(?:[-’'][^\W\d_]+)*(?:\s+(?:(?:" + "|".join(sorted(PARTICLES)) +
           r")\s+){0,2}(?:[A-Z][^\W\d_]+(?:[-’'][^\W\d_]+)*))")
APPOSITIVE = re.compile(
    rf"(?P<a>{NAMEPAT}{{0,4}})(?:\s+and\s+(?P<b>{NAMEPAT}{{0,4}}))?\s*,\s+(?:the\s+|his\s+|her\s+|their\s+)?"
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
            keep: list[str] = []
            for i in range(len(toks) - 1, -1, -1):
                t = toks[i]
                j = i
                while j > 0 and toks[j - 1] in PARTICLES:  # "von der Leyen"
                    j -= 1
                particle = t in PARTICLES and keep and j > 0 and is_name_token(toks[j - 1])
                if is_name_token(t) or particle:
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
            first_name = (len(p.name.split()) == 1 and p.name == q.name.split()[0]
                          and (p.title == q.title or p.title in COURTESY_TITLES))
            if same_name(p.name, q.name) and not _two_officials(p, q) or first_name:
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


def _two_officials(p: Person, q: Person) -> bool:
    """Near names each introduced with an office of its own are two people ("Prime Minister
    Ali Asadov", "Deputy Prime Minister Ali Ahmadov"), not two spellings of one."""
    differ = surname(p.name).casefold() != surname(q.name).casefold()
    return differ and not _weak(p.title) and not _weak(q.title) and p.title != q.title


# titles of courtesy that an office written before them outranks ("Emir of Qatar Sheikh Tamim")
COURTESY_TITLES = ("Sheikh", "Sheikha")


def _weak(title: str) -> bool:
    """A title that a fuller one met later replaces (a courtesy title like "Sheikh" included)."""
    return title in ("", "Minister", "leader", "@counterpart", "Head", *COURTESY_TITLES)


def _resolve_counterparts(people: list[Person], layout: Layout) -> None:
    """"his Turkish counterpart Mevlut Cavusoglu": the office of the person he is counterpart of."""
    for p in people:
        if p.title != "@counterpart":
            continue
        sent = layout.sentence_at(p.start)
        others = [q for q in people if q is not p and q.title != "@counterpart" and
                  (sent[0] <= q.start <= sent[1] or any(sent[0] <= s <= sent[1] for s, _ in q.mentions))]
        p.title = others[0].title if others else ""



@lru_cache(maxsize=1)
def _human_verb() -> re.Pattern[str]:
    """Verbs only people do (signals.csv "human"): a bare name before one is a person ("Sergey
    Lavrov congratulated"), where "signed" or "held" could follow a company's name as well."""
    verbs = alternation(phrases("signals", "human"))
    return re.compile(rf"(?<=\S)\s+(?:{verbs})\b")


def _name_ending_at(text: str, end: int) -> tuple[int, int] | None:
    """The span of up to three capitalised words that end right at ``end`` ("Sergey Lavrov")."""
    start = end
    n = 0
    while n < 3:
        k = start
        while k > 0 and text[k - 1] == " ":
            k -= 1
        j = k
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "-’'"):
            j -= 1
        word = text[j:k]
        if not word or not is_name_token(word) or (j > 0 and text[j - 1] not in " \n\t\"“«(—–"):
            break
        if n and k == start:  # no space between two words
            break
        start = j
        n += 1
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return (start, stop) if n else None


@lru_cache(maxsize=1)
def _and_name() -> re.Pattern[str]:
    return re.compile(rf"\s+and\s+({NAMEPAT}{{1,2}})\b")


@lru_cache(maxsize=1)
def _between_names() -> re.Pattern[str]:
    # "negotiations between A and B": people meet; "an agreement between A and B": bodies sign
    # (no leading \b: a pattern that starts with words is found faster; talks/meeting end words anyway)
    return re.compile(rf"(?:talks|negotiations|meeting|conversation|consultations|dialogue)\s+(?:between|with)\s+"
                      rf"(?P<a>{NAMEPAT}{{1,2}})\s+and\s+(?P<b>{NAMEPAT}{{1,2}})\b")


def _add_bare_people(text: str, people: list[Person]) -> None:
    """Names without an office: "negotiations between Vladimir Makei and Sergey Lavrov",
    "Golovchenko paid courtesy visits", "Peter Siyarto" beside a named minister."""
    known = [p.name for p in people]
    cands: list[tuple[int, int]] = []
    # a verb is rarer than a capital: find the verbs, then look back for a name
    for v in _human_verb().finditer(text):
        span = _name_ending_at(text, v.start())
        if span:
            cands.append(span)
    for m in _between_names().finditer(text):
        cands.append((m.start("a"), m.end("a")))
        cands.append((m.start("b"), m.end("b")))
    # "negotiations with Vladimir Vladimirovich": a first name and a patronymic address a person
    for m in FIRST_AND_PATRONYMIC.finditer(text) if ("vich" in text or "vna" in text) else ():
        if not any(p.name.split()[0] == m.group(1) for p in people):  # not someone already named
            cands.append((m.start(), m.end()))
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
        family = surname(p.name)
        pos = text.find(family)
        while pos >= 0:
            end = pos + len(family)
            whole = (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "-")) and \
                (end == len(text) or not (text[end].isalnum() or text[end] == "-"))
            if whole and not any(s <= pos < e for s, e in p.mentions):
                p.mentions.append((pos, end))
            pos = text.find(family, end)
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
        # a demonym that introduces someone else ("Kazakh Foreign Minister X") is not this person's
        taken = [(q.mentions[0][0] - 30, q.mentions[0][1]) for q in people if q.country and q.mentions]
        near = [c for c in countries if s0 <= c.start < e0
                and not any(a <= c.start < b for a, b in taken)]
        # "signed by A, Minister of State, and B, Minister of Economy of Azerbaijan": the other side
        near = [c for c in near if not any(_in_appositive(text, q, c.start) for q in people if q.country)]
        sides = {q.country for q in people if q is not p and q.country and
                 any(s0 <= a < e0 for a, _ in q.mentions)}
        if near:
            before = [c for c in near if c.start < p.start]
            p.country = (before[-1] if before else near[0]).alpha3
        elif len(main) == 2 and len(sides) == 1 and sides < set(main) and _signing(text[s0:e0]):
            p.country = (set(main) - sides).pop()
        elif main:
            p.country, p.guessed = main[0], True


def take_home_country(people: list[Person], home: str | None) -> None:
    """People whose country was only the article's main one take the reporting outlet's
    country instead ("President Ilham Aliyev said", in AZERTAC: Azerbaijan's)."""
    if home is None:
        return
    for p in people:
        if p.guessed:
            p.country = home


def _in_appositive(text: str, q: Person, pos: int) -> bool:
    """True when ``pos`` lies in the office written after one of q's mentions, up to the next
    comma or sentence end ("Mikayil Jabbarov, Minister of Economy of Azerbaijan")."""
    for _, e in q.mentions:
        if e <= pos < e + 90:
            gap = text[e:pos]
            if re.match(r",\s+(?:the\s+)?[A-Z]", gap) and not re.search(r"[;.]|,\s*and\b|,.*,", gap):
                return True
    return False


def _signing(sentence: str) -> bool:
    """A sentence that tells of signing (the cues of signals.csv, 'signed')."""
    low = sentence.lower()
    return any(cue in low for cue in phrases("signals", "signed"))
