"""Offices of people as the genre writes them: "Prime Minister of the Republic of Kazakhstan",
"Kazakh PM", "Minister of Finance, Economic Planning, Trade, and Investment of Republic of
Seychelles", "Akim (governor) of North Kazakhstan region", "Astrakhan region Governor", "SFD
Board of Directors Chairman", "Embraer's director-general". Each office span carries its short
title (states left out), the states it names, and whether it is plural."""
from __future__ import annotations

import re
from functools import lru_cache

from .doc import AHEAD, Doc, Span, span
from .lexicon import cue, cue_words, not_name_words, table, words
from .matcher import Matcher, matcher
from .places import SET_OFF, city_country

_RANK, _DEPUTY = cue("office_rank"), cue("office_deputy")
# ("... press service\n\nMinister of Health": a modifier is a word of its own on the office's line)
MODIFIER = re.compile(rf"(?<!\w)(?:(?P<mod>(?i:{cue('office_time')}))[ \t]+)?"
                      rf"(?P<pre>(?:{_RANK})[ \t]+(?:(?i:{_DEPUTY})[ \t-]+)?|(?i:{_DEPUTY})[ \t-]+)?$")
STATE_KINDS = ("name", "official", "demonym", "seat")
LOCAL_HEADS = cue_words("local_office")
# an office written after a name and a comma ("Sun Chanthol, First Vice-Chairman of ..."): it ends there
CLOSED = re.compile(r"\s*(?:[,.;)]|$)")
APPOSED_REST = re.compile(r"(?:[ \t]+[A-Z][\w’'-]*){1,3}(?=\s*,)")
APPOSITIVE = re.compile(r"[A-Z][a-z][\w’'-]*\s*,\s*(?:the\s+|a\s+)?$")
CAP_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}")


@lru_cache(maxsize=1)
def _titles() -> Matcher:
    """The offices of ``titles.csv``, each also in the plural ("Presidents", "Foreign Ministers",
    "Secretaries of State"): the plural of an office's head word before any "of"."""
    rows = []
    for r in table("titles"):
        rows.append(r)
        head, sep, rest = r["pattern"].partition(" of ")
        ws = head.split()
        last = ws[-1]
        plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else \
            last + "es" if last.endswith(("s", "sh", "ch", "x")) else last + "s"
        rows.append({**r, "pattern": " ".join(ws[:-1] + [plural]) + sep + rest, "plural": "yes"})
    return Matcher(tuple(rows))


def offices(doc: Doc) -> list[Span]:
    """The offices layer: attrs ``title`` (short form, states left out), ``alpha3``, ``states``
    (every state its words name, for plural offices), ``plural``, ``head`` (the office word as
    written), ``canonical``, ``head_end`` and ``tail_end`` (where the office's words end)."""
    text = doc.text
    folded = doc.folded
    places, bodies = doc["places"], doc["bodies"]
    out: list[Span] = []
    last_end = -1
    for h in _titles().finditer(text, folded=folded):
        if h.start < last_end:
            continue
        word = text[h.start:h.end]
        if any(b.start < h.start and h.end <= b.end for b in bodies.at(h.start)):
            continue  # "Office of the Prime Minister": a body's name
        if h.row.get("case") == "exact" and _inside_name(text, h.start, places):
            continue  # "Colorful Yunnan General Aviation"
        if _personal_before().search(text, max(0, h.start - 12), h.start):
            continue  # "Dr. Sultan Ahmed Al Jaber": after a private person's form of address, a given name
        plural = h.row.get("plural") == "yes"
        head_start = _fields_before(text, h.start, word)
        m = MODIFIER.search(text, max(0, head_start - 30), head_start)
        start = m.start() if m and m.group(0) else head_start
        canonical = text[head_start:h.start] + (h.row.get("canonical") or _capitalised(word))
        if plural and not h.row.get("canonical"):
            canonical = _singular(canonical)
        if m and m.group("pre"):
            pre = [w.capitalize() for w in m.group("pre").replace("-", " ").split()]
            while pre and canonical.lower().startswith(" ".join(pre).lower()):
                pre = []
            if pre and canonical.lower().startswith(pre[-1].lower()):
                pre = pre[:-1]  # "First" of "First Vice-Chairman"
            canonical = " ".join(pre + [canonical])
        if m and m.group("mod") and m.group("mod").lower() == "former":
            canonical = "Former " + canonical
        appositive = bool(APPOSITIVE.search(text, max(0, start - 60), start))
        tail_end, title_tail, states = _tail(text, h.end, places, bodies, word.lower() in LOCAL_HEADS, appositive,
                                             word[:1].islower())
        alpha3 = states[0] if states else None
        loc = SET_OFF.match(text, tail_end)
        where = places.starting_at(loc.end()) if loc and alpha3 is None else None
        if where is not None and where.label in STATE_KINDS and CLOSED.match(text, where.end):
            alpha3, states = where["alpha3"], [where["alpha3"]]  # "Minister of State for Foreign Trade, UAE,"
        before = _before(text, start, places, bodies)
        if alpha3 is None and before is not None and before[1]:
            alpha3 = before[1]
            states = [alpha3]
        title = canonical + title_tail
        if before is not None and before[2] and not title_tail:
            title = f"{canonical} of {before[2]}"  # "Astrakhan region Governor", "Embraer's director-general"
        out.append(span(start, tail_end, "office", title=title, alpha3=alpha3, plural=plural, head=word,
                        canonical=canonical, head_end=h.end, tail_end=tail_end, states=tuple(states),
                        country_start=before[0] if before is not None else start))
        last_end = tail_end
    return _chain(text, out)


FIELDS_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*,?\s+){1,3}and\s+$")  # (the fields' words are checked one by one)


def _fields_before(text: str, pos: int, word: str) -> int:
    """Where an office written field first begins: "Commerce and Industry Minister", "Business and
    Trade Secretary" (capitalised fields of offices joined by "and" before the matched "Industry
    Minister"); else ``pos``."""
    if word.split()[0] not in words("office_words") or len(word.split()) < 2:
        return pos
    m = FIELDS_BEFORE.search(text, max(0, pos - 60), pos)
    if not m:
        return pos
    start = pos
    for w in reversed(list(re.finditer(r"[A-Z][\w’'-]*", text[m.start():pos]))):
        if w.group() not in words("office_words"):
            break  # "UK Business and Trade Secretary": the fields start after the state
        start = m.start() + w.start()
    return start


@lru_cache(maxsize=1)
def _personal_before() -> re.Pattern[str]:
    """A private person's form of address right before a word ("Dr. ", "Mr ")."""
    forms = sorted((r["pattern"] for r in table("honorifics") if r["kind"] == "personal"), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in forms) + r")\s+$")


def _singular(title: str) -> str:
    ws = title.split()
    last = ws[-1]
    ws[-1] = last[:-3] + "y" if last.endswith("ies") else last[:-2] if last.endswith("ches") else last[:-1]
    return " ".join(ws)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:] if word[:1].islower() and word not in ("leader", "spokesperson", "member") else word


def _inside_name(text: str, pos: int, places) -> bool:
    """True when a capitalised word stands right before ``pos`` that is no state, no demonym and
    no punctuation: the title is then a word of a name ("Colorful Yunnan General Aviation")."""
    m = re.search(r"([A-Z][\w’'-]*)\s+$", text[max(0, pos - 40):pos])
    if not m:
        return False
    p = places.starting_at(pos - len(m.group(0)))
    return p is None or p.label not in STATE_KINDS


def _tail(text: str, pos: int, places, bodies, local: bool, appositive: bool = False,
          lower: bool = False) -> tuple[int, str, list[str]]:
    """Where an office's tail ends ("of Health of the Republic of Azerbaijan", "(governor) of
    North Kazakhstan region", "to the President on Information and Strategy", "of the Indian
    Upper House (Rajya Sabha)", "of Tajikistan's Majlisi Namoyandagon"), the words it adds to the
    title (states left out) and the states it names. After a name and a comma (``appositive``) no
    holder's name follows, so capitalised words after "of" are all the body's; an office written in
    lower case there (``lower``: "X, head of Kazakhstan Temir Zholy,") takes them after a state too."""
    end = pos
    parts: list[str] = []
    states: list[str] = []
    m = re.match(r"\s*\([a-z][^()]{0,30}\)", text[pos:pos + AHEAD])  # "Akim (governor) of ..."
    if m:
        end = pos + m.end()
    while True:
        m = re.match(r"\s+(of|for|in|on|to)\s+(?:(the)\s+)?", text[end:end + AHEAD])
        if not m:
            break
        prep, the = m.group(1), m.group(2)
        at = end + m.end()
        written = f" {prep} {'the ' if the else ''}"
        place = places.starting_at(at)
        body = bodies.starting_at(at)
        if body is not None and (place is None or body.end > place.end):
            if body["alpha3"] or body["owner"]:
                states.append(body["alpha3"] or body["owner"])
            end = _gloss(text, _before_holder(text, at, body.end))
            parts.append(written + _without_states(text, at, end, places))
            continue
        if re.match(r"Republic\b(?!\s+of)", text[at:at + AHEAD]) and the:
            end = at + len("Republic")  # "President of the Republic": the state itself
            continue
        if place is not None and place.label == "capital" and local and prep == "of":
            if place["alpha3"]:  # "Mayor of Tashkent", "Akim of Astana": the city is the office's
                states.append(place["alpha3"])
            parts.append(written + text[place.start:place.end])
            end = place.end
            continue
        if place is not None and place.label in STATE_KINDS + ("capital",) and prep in ("of", "to", "in"):
            if place.get("possessive") or place.label == "demonym":
                # "of Tajikistan's Majlisi Namoyandagon", "of the Indian Upper House (Rajya Sabha)": a body
                after = re.match(r"(?:[’']s)?\s+", text[place.end:place.end + AHEAD])
                at2 = place.end + (after.end() if after else 0)
                known = bodies.starting_at(at2) or places.starting_at(at2)
                run = CAP_RUN.match(text, at2)
                run_end = known.end if known is not None else run.end() if run else at2
                if run_end > at2 and (known is not None or appositive or not _person_run(text[at2:run_end]) or
                                      re.match(r"\s*\(", text[run_end:run_end + AHEAD])):
                    states.append(place["alpha3"])
                    end = _gloss(text, _before_holder(text, at2, run_end))
                    parts.append(written + text[at2:end])
                    continue
                holder = _before_holder(text, at2, run_end) if run_end > at2 and prep == "of" else run_end
                if at2 < holder < run_end and len(text[at2:run_end].split()) >= 3:
                    # "Chairman of Kazakh Invest Yerzhan Kazykhanov": a body named after its state, then its holder
                    states.append(place["alpha3"])
                    end = holder
                    parts.append(written + text[place.start:holder].rstrip())
                    continue
            run = CAP_RUN.match(text, place.end + 1) if appositive and lower and text[place.end:place.end + 1] == " " \
                else None
            if run and prep == "of" and re.match(r"\s*,", text[place.end + 1 + len(run.group().rstrip()):]):
                # "X, head of Kazakhstan Temir Zholy, ...": after a name no holder follows, the words are a body's
                states.append(place["alpha3"])
                end = place.end + 1 + len(run.group().rstrip())
                parts.append(written + text[place.start:end])
                continue
            if prep == "of" or not states and prep != "to":
                states.append(place["alpha3"])
            end = place.end
            # "Foreign Ministers of Kazakhstan and South Korea": more states of a plural office
            while (nm := re.match(r"(?:,\s*|\s+and\s+)(?:the\s+)?", text[end:end + AHEAD])) and \
                    (nxt := places.starting_at(end + nm.end())) is not None and nxt.label in STATE_KINDS:
                states.append(nxt["alpha3"])
                end = nxt.end
            continue
        if place is not None and prep in ("of", "in"):  # a region or a city
            if place["alpha3"]:
                states.append(place["alpha3"])
            parts.append(written + _without_states(text, place.start, place.end, places))
            end = place.end
            continue
        low = LOWER_BODY.match(text, at)
        if low and low.group("head").lower() in _lower_heads():  # "heads of the city administrations"
            parts.append(written + low.group(0))
            end = low.end()
            continue
        f = _fields(text, at)  # "of Foreign Affairs and International Cooperation", "on Information and Strategy"
        if f > at and appositive and (rest := APPOSED_REST.match(text, f)):
            f = rest.end()  # "X, Minister of Commerce, Industry and Investment Promotion, met": all up to the comma
        if f > at:
            parts.append(written + text[at:f])
            end = f
            continue
        first = re.match(r"[A-Z][\w’'-]*", text[at:at + AHEAD])
        city = local and prep == "of" and first and city_country(first.group(), 15_000)
        if city:  # "Mayor of Veszprem Gyulya Porg", "Mayor of Samarkand Erkinjon Turdimov"
            states.append(city)
            parts.append(written + first.group())
            end = at + first.end()
            continue
        run = re.match(r"(?:[A-Z][\w’'-]*(?:\s+|$|(?=[.,;:)!?]))){3,8}", text[at:at + AHEAD])
        if run and prep == "of" and (h_end := _before_holder(text, at, at + len(run.group().rstrip()))) < at + len(run.group().rstrip()):
            parts.append(written + text[at:h_end])  # "CEO of Gazprom Neft Alexander Valeryevich Dyukov"
            end = h_end
            break
        run = CAP_RUN.match(text, at)
        if run and prep in ("of", "for"):  # "for Ecological Transition, Teresa Ribera,"
            r_end = at + len(run.group().rstrip())
            # a body the gazetteers do not know ("of the Lok Sabha (lower house)", "of Colorful Guizhou,",
            # "of Mohanikaya of Cambodia"): capitalised words up to a bracket, a comma or "of"
            if re.match(r"\s*(?:\(|,|of\s)", text[r_end:r_end + AHEAD]) and (appositive or not _person_run(run.group())):
                end = _gloss(text, r_end)
                parts.append(written + text[at:end])
                continue
        break
    return end, "".join(parts), states




def _before_holder(text: str, start: int, end: int) -> int:
    """Where the holder's name begins when the capitalised words of ``text[start:end]`` end with
    one ("of the Organization of Turkic States Kubanychbek Omuraliev", "of JSC Samruk-Kazyna
    Nurlan Zhakupov") and nothing capitalised follows; else ``end``."""
    from .names import is_name_token, is_patronymic, particles

    if re.match(r"\s+[A-Z(]", text[end:end + 2]):
        return end
    ws = list(re.finditer(r"[^\s]+", text[start:end]))
    if len(ws) < 3 or not all(is_name_token(w.group()) for w in ws[-2:]):
        return end
    n = 3 if len(ws) >= 4 and is_patronymic(ws[-2].group()) and is_name_token(ws[-3].group()) else 2
    while len(ws) > n + 1 and ws[-n].group() in particles() and is_name_token(ws[-n - 1].group()):
        n += 1  # "of Mubadala Khaldoon Al Mubarak": a particle inside the name takes the word before it
    return start + ws[-n].start() - 1 if ws[-n - 1].group()[:1].isupper() else end


def _without_states(text: str, s: int, e: int, places) -> str:
    """``text[s:e]`` without the states it names as owners ("Milli Majlis of Azerbaijan" ->
    "Milli Majlis", "Russia's Voronezh Region" -> "Voronezh Region"); a state that is a word of
    a name stays ("Oman Chamber of Commerce")."""
    out = text[s:e]
    for p in sorted(places.within(s, e), key=lambda p: -p.start):
        if p.label == "demonym" and p.start == s and p.end < e:
            out = out[p.end - s:].lstrip()  # "the Indian Upper House" -> "the Upper House"
            continue
        if p.label not in ("name", "official"):
            continue
        a, b = p.start - s, p.end - s
        before = re.search(r"\s+of\s+(?:the\s+)?$", out[:a])
        poss = re.match(r"[’']s\s+", out[b:])
        if before and b >= len(out.rstrip()):
            out = out[:before.start()] + out[b:]
        elif poss:
            out = out[:a] + out[b + poss.end():]
    return out.strip()


def _gloss(text: str, end: int) -> int:
    """After a name, its gloss in brackets ("Upper House (Rajya Sabha)")."""
    m = re.match(r"\s*\([A-Z][^()]{1,40}\)", text[end:end + AHEAD])
    return end + m.end() if m else end


def _person_run(run: str) -> bool:
    """True for capitalised words that read as a person's name (two name-like words)."""
    from .names import is_name_token

    ws = run.split()
    return len(ws) >= 2 and all(is_name_token(w) for w in ws[-2:]) and not any(w in not_name_words() for w in ws)


FIELD_WORD = re.compile(r"[A-Z][\w’'-]*")
HOLDER_AFTER = re.compile(r"(?:\s+[A-Z][\w’'-]+){2,}")
LOWER_BODY = re.compile(r"(?:[a-z]+\s+){0,2}(?P<head>[a-z]+)(?=[\s,.;])")


@lru_cache(maxsize=1)
def _lower_heads() -> frozenset[str]:
    """Bodies' head nouns in lower case ("administrations", "ministry"), as tails of offices."""
    return frozenset(r["pattern"].lower() for r in table("body_kinds") if " " not in r["pattern"] and r.get("case") != "exact")


def _fields(text: str, pos: int) -> int:
    """Where a run of capitalised office words ends ("Foreign Affairs and International
    Cooperation", "Finance, Economic Planning, Trade, and Investment", "Information and
    Strategy"), or ``pos``: words of ``office_words``, and any last word after "and"."""
    office = words("office_words")
    end = i = pos
    n = 0
    while True:
        m = FIELD_WORD.match(text, i)
        if not m:
            break
        w = m.group()
        joined = n and re.search(r"\band\s+$", text[pos:i])
        # the last field, after "and": no capitalised word follows, or an office's word does
        # ("of Foreign Affairs and Senegalese Abroad, Yassine Fall")
        nxt = re.match(r"\s+([A-Z][\w’'-]*)", text[m.end():m.end() + AHEAD])
        # (or a holder's name of two words or more follows: "and Production Rana Tanveer Hussain")
        last = not nxt or nxt.group(1) in office or bool(
            HOLDER_AFTER.match(text, m.end()) and not re.search(r",\s*and\s+$", text[pos:i]))  # (", and" opens a name)
        initial = len(w) == 1 or text[m.end():m.end() + 1] == "." and text[m.end() + 1:m.end() + 2].isalpha()
        if w not in office and not (joined and last and not initial
                                    and matcher("honorifics").match(text, i, min(len(text), i + 40)) is None):
            break
        n += 1
        end = i = m.end()
        sep = re.match(r" (?=[A-Z])|,?\s+and\s+(?=[A-Z])|,\s+(?=[A-Z])", text[i:i + AHEAD])
        if not sep:
            break
        i += sep.end()
    return end


def _before(text: str, start: int, places, bodies) -> tuple[int, str | None, str] | None:
    """What stands right before an office: a demonym or a possessive state ("Kazakh PM",
    "Azerbaijan's Prime Minister"), a region ("Astrakhan region Governor"), a body ("SFD Board of
    Directors Chairman", "Uzbekneftegaz Chairman") or a possessive name ("Embraer's
    director-general"): (where it starts, its state, its words for the title or "")."""
    p = places.before(start)
    if p is not None and re.fullmatch(r"(?:[’']s)?\s*(?:the\s+)?", text[p.end:start]):
        if p.label in STATE_KINDS + ("capital",) and p["alpha3"]:
            return p.start, p["alpha3"], ""
        if p.label == "region":
            return p.start, p["alpha3"], text[p.start:p.end]
    b = bodies.before(start)
    if b is not None and re.fullmatch(r"(?:[’']s)?\s+", text[b.end:start]):
        return b.start, b["alpha3"] or b["owner"], text[b.start:b.end]
    m = re.search(r"\b([A-Z][\w’'-]+)[’']s\s+$", text[max(0, start - 40):start])
    if m:
        return start - len(m.group(0)), None, m.group(1)
    m = re.search(r"(?<![.!?]\s)\b([A-Z][a-z][\w’'-]+)\s+$", text[max(0, start - 40):start])
    if m:  # "Uzbekneftegaz Chairman": a company's name with a state's stem
        from .bodies import _stems

        for stem, alpha3 in _stems():
            if m.group(1).startswith(stem) and len(m.group(1)) > len(stem) + 2:
                return start - len(m.group(0)), alpha3, ""
    return None


def _chain(text: str, found: list[Span]) -> list[Span]:
    """Offices joined by "and", a dash or a comma with no name between them ("Vice President and
    Chairman of ...", "First Deputy Prime Minister – Minister of ...", "Deputy Prime Minister,
    Minister of ..."): the later one carries the whole title."""
    out: list[Span] = []
    for o in found:
        prev = out[-1] if out else None
        gap = text[prev.end:o.start] if prev is not None else ""
        if prev is not None and not prev["plural"] and re.fullmatch(r"\s*(?:,|and|[–—-])\s*(?:the\s+)?", gap) \
                and not (gap.strip().startswith(",") and APPOSITIVE.search(text, max(0, prev.start - 60), prev.start)) \
                and not ("and" in gap and prev["tail_end"] > prev["head_end"] and o["tail_end"] > o["head_end"]):
            joint = gap.strip()
            sep = " and " if joint.startswith("and") else ", " if joint.startswith(",") else " – "
            attrs = dict(o.attrs)
            attrs["title"] = prev["title"] + sep + o["title"]
            attrs["alpha3"] = o["alpha3"] or prev["alpha3"]
            attrs["states"] = tuple(prev["states"]) + tuple(o["states"])
            attrs["chained"] = prev
            attrs["country_start"] = prev["country_start"]
            out[-1] = span(prev.start, o.end, "office", **attrs)  # one office: no holder stands between
            continue
        out.append(o)
    return out
