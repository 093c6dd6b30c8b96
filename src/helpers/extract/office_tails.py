"""The tail of an office written after its head word: "of Health of the Republic of Azerbaijan",
"(governor) of North Kazakhstan region", "for Foreign Affairs and International Cooperation", "of
the Indian Upper House (Rajya Sabha)", "of Mubadala": where it ends, the words it adds to the title
(states left out) and the states it names; and where the holder's name begins after a body."""
from __future__ import annotations

import re
from functools import lru_cache

from .doc import AHEAD
from .lexicon import CALENDAR, not_name_words, table, words
from .matcher import matcher
from .places import city_country

STATE_KINDS = ("name", "official", "demonym", "seat")
APPOSED_REST = re.compile(r"(?:[ \t]+[A-Z][\w’'-]*){1,3}(?=\s*,)")
CAP_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}")


def tail(text: str, pos: int, places, bodies, local: bool, appositive: bool = False,
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
            branch = bodies.starting_at(end + 1) if text[end:end + 1] == " " and end == body.end else None
            if branch is not None:  # "of the Japan International Cooperation Agency (JICA) Bangladesh Office": its branch
                end = _before_holder(text, end + 1, branch.end)
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
FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$")
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
    before_and = 0  # where the run stood before its last "and"
    while True:
        m = FIELD_WORD.match(text, i)
        if not m:
            break
        w = m.group()
        if before_and and w in _title_words():
            return before_and  # "of Foreign Affairs, and Indian External Affairs Minister S. Jaishankar": another office
        joined = n and re.search(r"\band\s+$", text[pos:i])
        # the last field, after "and": no capitalised word follows, or an office's word does
        # ("of Foreign Affairs and Senegalese Abroad, Yassine Fall")
        nxt = re.match(r"\s+([A-Z][\w’'-]*)", text[m.end():m.end() + AHEAD])
        # (or a holder's name of two words or more follows: "and Production Rana Tanveer Hussain")
        last = not nxt or nxt.group(1) in office or bool(
            HOLDER_AFTER.match(text, m.end()) and not re.search(r",\s*and\s+$", text[pos:i]))  # (", and" opens a name)
        initial = len(w) == 1 or text[m.end():m.end() + 1] == "." and text[m.end() + 1:m.end() + 2].isalpha()
        # (the first field may be any word a holder's name follows: "Commissioner for the Mediterranean Dubravka Suica")
        first = not n and w not in CALENDAR and HOLDER_AFTER.match(text, m.end()) and FOR_BEFORE.search(text, max(0, pos - 10), pos)
        if w not in office and not ((joined and last or first) and not initial
                                    and matcher("honorifics").match(text, i, min(len(text), i + 40)) is None):
            break
        n += 1
        end = i = m.end()
        sep = re.match(r" (?=[A-Z])|,?\s+and\s+(?=[A-Z])|,\s+(?=[A-Z])", text[i:i + AHEAD])
        if not sep:
            break
        if "and" in sep.group():
            before_and = end
        i += sep.end()
    return end


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Offices written as one word ("Minister", "Secretary", "Ambassador"): a field never ends in one."""
    return frozenset(r["pattern"] for r in table("titles") if r["pattern"].isalpha() and r["pattern"][0].isupper())
