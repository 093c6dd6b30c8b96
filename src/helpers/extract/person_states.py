"""The state each person serves, from the strongest sign the article gives: "X of Oman" after
the name, a table column's header, the state one signs on behalf of, the one ministry of the
office's field, where one goes or comes home to, whom one meets, the side no one else holds,
the state named nearest, the outlet's own state; else the article's main one (marked guessed)."""
from __future__ import annotations

import re

from .co_signers import companions, pair_signers
from .doc import Doc
from .role_mentions import by_role, holder
from .lexicon import cue, cue_words
from .places import OF_PLACE

DESTINATION = re.compile(rf"\b(?:{cue('travel')})\s+(?:the\s+)?$", re.I)
MEETING = re.compile(rf"\b(?:{cue('meeting')})\b", re.I)
OTHER_SIGNER = re.compile(r",?\s+and\s+(?:an?|the)\s+[a-z][\w -]{0,40}?\s+(?:of|from)\s+(?:the\s+)?")
LEADERS = frozenset(cue_words("leader_office"))
MEETS = re.compile(rf"\b(?:{cue('meets_verb')})\b")


def fill_states(doc: Doc, people: list[dict]) -> None:
    """A state for each person without one, from the strongest sign: "X of Oman" after the
    name; a person met by someone of the other side ("held talks with X"); two people of one
    title named together ("Presidents A and B", "President A and Kazakh President B"); the one
    side no known person holds; the state named nearest in the person's sentence (not where
    someone goes); the outlet's own state; else the article's main one (marked guessed)."""
    text = doc.text
    art = doc["article"][0] if len(doc["article"]) else None
    taking = _by_first_mention(doc, list(art["countries"]) if art is not None else [])
    home = art["home"] if art is not None else None
    places = doc["places"]
    _by_column(doc, people)
    for p in people:
        if p["alpha3"]:
            continue
        for s, e in p["mentions"]:
            m = OF_PLACE.match(text, e)
            q = places.starting_at(m.end()) if m else None
            if q is not None and q["alpha3"] and q.label in ("name", "official"):
                p["alpha3"] = q["alpha3"]  # "Sultan Haitham bin Tariq Al Said of Oman"
                break
    _on_behalf(doc, people)
    by_role(doc, people)
    _from_ministries(doc, people)
    sides = taking if len(taking) == 2 else _two_named(doc)
    if len(sides) == 2:
        _travels(doc, people, sides)
        _sides(doc, people, sides)
    settled = {id(p) for p in people if p["alpha3"]}
    pair_signers(doc, people, taking, settled)
    _rest(doc, people, taking, home)
    pair_signers(doc, people, taking, settled)
    companions(doc, people, settled)


def _rest(doc: Doc, people: list[dict], taking: list[str], home: str | None) -> None:
    """The people still of no state: the side no known person holds; the state named nearest in
    the person's sentence; the outlet's own state; else the article's main one (guessed)."""
    text, lay, places = doc.text, doc.layout, doc["places"]
    covered = {p["alpha3"] for p in people if p["alpha3"]}
    left = [a for a in taking if a not in covered]
    unknown = [p for p in people if not p["alpha3"]]
    if len(left) == 1 and len(taking) == 2:
        for p in unknown:
            p["alpha3"] = left[0]
        return
    if unknown and len(left) == len(unknown) and len(taking) == 2:
        for p, a in zip(sorted(unknown, key=lambda p: p["start"]), left):
            p["alpha3"] = a
        return
    states = [pl for pl in places if pl["alpha3"] and pl.label in ("name", "official", "demonym", "seat")]
    for p in unknown:
        s, e = lay.sentence_at(p["start"])
        taken = [(q["start"] - 40, q["end"]) for q in people if q is not p and q["alpha3"]]
        near = [pl for pl in states if s <= pl.start < e and not any(a <= pl.start < b for a, b in taken)
                and not DESTINATION.search(text, max(s, pl.start - 20), pl.start)]
        if near:
            before = [pl for pl in near if pl.start < p["start"]]
            pick = before[-1] if before else near[0]
            if not before and len(taking) == 2 and pick["alpha3"] in taking and \
                    OTHER_SIGNER.fullmatch(text, p["end"], pick.start):
                # "signed by Foreign Secretary Amrit Rai and a representative of China's Ministry": the other side's
                p["alpha3"] = taking[1] if pick["alpha3"] == taking[0] else taking[0]
            else:
                p["alpha3"] = pick["alpha3"]
        elif (listed := _listed_with(doc, p, people)) is not None:
            p["alpha3"] = listed
        elif home and home in taking:
            p["alpha3"] = home
        elif taking:
            p["alpha3"], p["guessed"] = taking[0], True


ENUMERATION = re.compile(r"(?:(?:and|of|the|for|on|in|to)\b|[A-Z(][\w()’'-]*|[\s,;–-])*")
FUNCTION_WORD = re.compile(r"\b(?:and|of|the|for|on|in|to)\b")


def _listed_with(doc: Doc, p: dict, people: list[dict]) -> str | None:
    """The state of the people a person is listed with ("with PM Modi, President Droupadi Murmu, Vice
    President ... Jagdeep Dhankhar"): the ones named next to them, with only offices, commas and
    "and" between, where they agree."""
    text = doc.text
    s, e = doc.layout.sentence_at(p["start"])
    states = set()
    for q in people:
        if q is p or not q["alpha3"]:
            continue
        for a, b in q["mentions"]:
            if not s <= a < e:
                continue
            gap = text[b:p["start"]] if b <= p["start"] else text[p["end"]:a]
            if len(gap) <= 90 and ENUMERATION.fullmatch(gap) and ("," in gap or FUNCTION_WORD.search(gap)):
                states.add(q["alpha3"])
    return states.pop() if len(states) == 1 else None


def _meets(gap: str) -> bool:
    """A word of meeting between two people ("held talks with"), not a comma's "with" of people
    standing by (", with PM Oli and Premier Li Qiang looking on")."""
    return any(not (m.group().lower() == "with" and gap[:m.start()].rstrip().endswith(",")) for m in MEETING.finditer(gap))


def _by_column(doc: Doc, people: list[dict]) -> None:
    """A person in a table's cell is of the state its column's header names ("Indian Signatory")."""
    lay = doc.layout
    if not lay.columns:
        return
    for p in people:
        if p["alpha3"]:
            continue
        for s, _ in p["mentions"]:
            cell = lay.paragraph_at(s)
            head = lay.columns.get(cell)
            states = {q["alpha3"] for q in doc["places"].within(*head) if q["alpha3"]} if head else set()
            if len(states) == 1:
                p["alpha3"] = states.pop()
                break


BEHALF_AFTER = re.compile(r",?\s+(?:(?:signed\s+|who\s+signed\s+)?(?:it\s+|them\s+)?on\s+behalf\s+of|(?:signed|who\s+signed)\s+(?:it\s+|them\s+)?for)\s+(?:the\s+)?")
BEHALF_BEFORE = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?(?P<side>[^,.;]{2,60}?)\s+by\s+[^,.;]{0,80}$")


def _on_behalf(doc: Doc, people: list[dict]) -> None:
    """"Jimmy Gasore signed on behalf of Rwanda", "signed on behalf of the State of Qatar by HE
    Minister ... Al Thani": the person is of the state he signs for."""
    text, places = doc.text, doc["places"]
    for p in people:
        if p["alpha3"]:
            continue
        for s, e in p["mentions"]:
            m = BEHALF_AFTER.match(text, e)
            q = places.starting_at(m.end()) if m else None
            if q is None:
                m = BEHALF_BEFORE.search(text, max(0, s - 160), s)
                inside = [pl for pl in places.within(m.start("side"), m.end("side"))] if m else []
                q = inside[-1] if inside else None
            if q is not None and q["alpha3"] and q.label in ("name", "official", "demonym"):
                p["alpha3"] = q["alpha3"]
                break


COMPLEMENT = re.compile(r"\s(?:of|for)\s+(?:the\s+)?(?P<field>.+)$")


def _field(name: str) -> str:
    """The field an office or a body is of: "energy and infrastructure" for "Minister of Energy and
    Infrastructure" and for "UAE Ministry of Energy and Infrastructure of the UAE"."""
    m = COMPLEMENT.search(name)
    if not m:
        return ""
    return re.split(r"\s+of\s+", m.group("field"))[0].lower()


def _from_ministries(doc: Doc, people: list[dict]) -> None:
    """"Suhail Al Mazrouei, Minister of Energy and Infrastructure" beside "the UAE Ministry of Energy
    and Infrastructure and Kenya's Ministry of Energy and Petroleum": the state of the one ministry
    of that field."""
    states: dict[str, set[str]] = {}
    for b in doc["bodies"]:
        alpha3 = b["alpha3"] or b["owner"]
        f = _field(doc.text[b.start:b.end])
        if alpha3 and f and b["kind"] == "ministry":
            states.setdefault(f, set()).add(alpha3)
    if not states:
        return
    for p in people:
        f = _field(p["title"]) if p["title"].startswith("Minister") and not p["alpha3"] else ""
        if len(states.get(f, ())) == 1:
            p["alpha3"] = next(iter(states[f]))


GOING = re.compile(rf"(?:[’']s|\s+(?:(?:is|was|will|has|had|have)\s+)?(?:(?:be|been|on)\s+)?(?:an?\s+)?)\s*"
                   rf"(?:[\w-]+\s+){{0,3}}?(?:{cue('going_to')})\s+(?:the\s+)?")
HOME = re.compile(rf"\s+(?:(?:will|would|is|was)\s+)?(?:be\s+)?(?:{cue('coming_home')})\s+(?:the\s+)?")
COUNTERPART = re.compile(r"\s+and\s+(?:his|her)\s+")


def _travels(doc: Doc, people: list[dict], sides: list[str]) -> None:
    """A person of no state who goes to one side ("Yunus's visit to Tokyo") or meets its counterpart
    ("PM Oli and his Chinese counterpart") is of the other; one who comes home to a place
    ("Tinubu will be back in Abuja", "left Abuja for Beijing") is of its state."""
    text, places = doc.text, doc["places"]
    for p in people:
        if p["alpha3"]:
            continue
        for _, e in p["mentions"]:
            own = away = None
            m = HOME.match(text, e)
            q = places.starting_at(m.end()) if m else None
            if q is not None and q["alpha3"] in sides and q["kind"] in ("capital", "city", "name", "official", "seat"):
                own = q["alpha3"]
            m = GOING.match(text, e) if own is None else None
            q = places.starting_at(m.end()) if m else None
            if q is not None and q["alpha3"] in sides and q.label != "region":
                away = q["alpha3"]
            m = COUNTERPART.match(text, e) if own is None and away is None else None
            q = places.starting_at(m.end()) if m else None
            if q is not None and q.label == "demonym" and q["alpha3"] in sides \
                    and text.startswith("counterpart", q.end + 1):
                away = q["alpha3"]
            if away is not None:
                own = sides[1] if away == sides[0] else sides[0]
            if own is not None:
                p["alpha3"] = own
                break


def _two_named(doc: Doc) -> list[str]:
    """The two states the text names most (capitals and datelines included), when it names two."""
    from collections import Counter

    counts = Counter(pl["alpha3"] for pl in doc["places"] if pl["alpha3"] and pl.label != "region")
    top = [a for a, _ in counts.most_common(3)]
    return _by_first_mention(doc, top) if len(top) == 2 else []


def _by_first_mention(doc: Doc, taking: list[str]) -> list[str]:
    first: dict[str, int] = {}
    for pl in doc["places"]:
        if pl["alpha3"] in taking and pl.label in ("name", "official", "demonym") and \
                (not doc.layout.is_noise(pl.start) or doc.layout.in_headline(pl.start)):
            first.setdefault(pl["alpha3"], pl.start)
    return sorted(taking, key=lambda a: first.get(a, len(doc.text)))


def _sides(doc: Doc, people: list[dict], taking: list[str]) -> None:
    """People who meet are of the two sides: in one sentence, a person with no state named with
    a meeting word ("held talks with", "received", "counterpart") or beside a person of the same
    title ("President A and Kazakh President B") takes the side the other is not of."""
    text, lay = doc.text, doc.layout
    changed = True
    while changed:
        changed = False
        for p in people:
            if p["alpha3"]:
                continue
            for ps, pe in p["mentions"]:
                s, e = lay.sentence_at(ps)
                # the people of the sentence in the order it names them: its subject first ("Golovchenko
                # paid visits to ... Trong, held talks with Pham Minh Chinh": Golovchenko meets him)
                named = sorted(((m, q) for q in people if q is not p and q["alpha3"] in taking
                                for m in q["mentions"] if s <= m[0] < e), key=lambda x: x[0][0])
                seen_q: set[int] = set()
                for (a, b), q in named:
                    if id(q) in seen_q:
                        continue
                    seen_q.add(id(q))
                    gap = text[min(pe, b):max(ps, a)]
                    alike = p["title"] and (p["title"] == q["title"] or p["title"] in LEADERS and q["title"] in LEADERS)
                    same_title = alike and re.fullmatch(r"[^.;]{0,60}\band\b[^.;]{0,40}", gap)
                    if _meets(gap) or same_title:
                        p["alpha3"] = taking[1] if q["alpha3"] == taking[0] else taking[0]
                        changed = True
                        break
                if p["alpha3"]:
                    break
                # "the Vietnamese premier made courtesy calls on Samdech ... Say Chhum": one of a
                # state the sentence names before the meeting word meets the other's people
                meet = list(MEETS.finditer(text, max(s, ps - 120), ps))
                if meet:
                    owners = {pl["alpha3"] for pl in doc["places"].within(s, meet[-1].start())
                              if pl["alpha3"] in taking and pl.label in ("name", "official", "demonym")}
                    if not owners:  # "The Prime Minister is also to meet ...": the one the role names
                        roles = [holder(doc, o, people) for o in doc["offices"].within(s, meet[-1].start())]
                        owners = {r["alpha3"] for r in roles if r is not None and r is not p and r["alpha3"] in taking}
                    if len(owners) == 1:
                        (own,) = owners
                        p["alpha3"] = taking[1] if own == taking[0] else taking[0]
                        changed = True
                        break
