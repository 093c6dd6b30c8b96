"""Quoted statements and who said them. Each quoted segment is a row: a quote split by "he
said", each paragraph of a long quote, a short phrase quoted from a person. Marks may be curly,
angled, straight or single, and unbalanced at either end; a speaker is named after the quote
(", Novák said"), before it ("Lula declared that", "According to X,", "X stated:"), by a role
("the Sultan of Oman said"), by a pronoun, or carries on from the quote before."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .doc import Doc, Mask, Span, span
from .lexicon import alternation_of, cue
from .names import core, same_name, surname
from .quote_marks import MARKS, closing_paragraphs, segments, trim
from .role_mentions import ROLE_SYNONYMS

QUOTED_AS = re.compile(r"\bquoted\s+(?P<who>[^,.;:]{2,60}?)\s+as\s+saying\b")
QUOTED_AS_SAYING = re.compile(r"\s+(?:was|is|has\s+been)\s+(?:also\s+)?quoted\s+as$")
# a verb of speech in the passive names its speaker after "by" ("This was stated by the President of X at ...")
BY_AGENT = re.compile(r"\s+by\s+(?P<who>(?:the\s+)?[^,:;.]{2,60}?)(?=\s+(?:at|in|during|on|while|when|after|before|following)\b|\s*[,:;.]|\s*$)")
PASSIVE_AFTER = re.compile(r"\s*,?\s*[—–-]?\s*(?:[Tt]his|[Tt]hat|[Ii]t)\s+(?:was|has\s+been|is)\s+(?:\w+\s+)?[a-z]+ed\b")
MIN_WORDS = 2
WHOLE_QUOTE_WORDS = 6  # a paragraph quoted whole, with no attribution, is a statement from this length
NAME_ONLY = re.compile(r"(?:[A-Z][\w’'-]*\s*){1,4}")
NO_OFFICE = {w for w, role in ROLE_SYNONYMS.items() if not role} | {""}


@lru_cache(maxsize=1)
def _verbs() -> str:
    return alternation_of("signals", "signal", "speech")


@lru_cache(maxsize=1)
def _after_rx() -> re.Pattern[str]:
    who = r"(?P<who>(?:[Tt]he\s+)?[A-Za-zÀ-ÿĀ-ỹ][\w’'.\- ]{0,60}?)"
    return re.compile(rf"\s*,?\s*[—–-]?\s*(?:{who}\s+(?:{_verbs()})\b|(?:{_verbs()})\s+(?P<who2>(?:the\s+)?[A-Z][\w’'.\- ]{{1,50}}?|"
                      rf"the\s+[a-z][\w’'\- ]{{1,40}}?)(?=[,.;]|\s+(?:in|at|on|during|to|that|after|before|while|when|"
                      rf"following)\b|$))")


@lru_cache(maxsize=1)
def _before_verb() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_verbs()}|according\s+to)\b", re.I)


def quotes(doc: Doc) -> list[Span]:
    """The quotes layer: attrs ``speaker`` (a name of the people layer) and ``text``."""
    text, lay = doc.text, doc.layout
    people = list(doc["people"])
    titles = Mask(len(text), [(d.start, d.end) for d in doc["documents"]] + [(b.start, b.end) for b in doc["bodies"]])
    out: list[Span] = []
    starts = [a for a, _ in lay.sentences]
    last_speaker: str | None = None
    prev_open_end = prev_quoted = False
    paragraphs = [(lay.lead[1] if lay.lead and lay.lead[0] == ps else ps, pe) for ps, pe in lay.paragraphs]
    closes_open = closing_paragraphs(text, paragraphs)
    waiting: list[tuple[int, int]] = []  # quoted paragraphs left open, whose speaker is not named yet
    for n, (ps, pe) in enumerate(paragraphs):
        done = -1  # where the words of a quote carried over from earlier paragraphs end
        if waiting and waiting[-1][1] < paragraphs[n - 1][0]:
            waiting = []  # only the paragraphs right before a quote's speaker wait for him
        if n in closes_open and prev_open_end and prev_quoted and last_speaker:
            # a long quote goes on through paragraphs with no mark of their own, to the one that closes it
            qs, qe = trim(text, ps, closes_open[n])
            if qe > qs and len(text[qs:qe].split()) >= MIN_WORDS:
                out.append(span(qs, qe, "quote", speaker=last_speaker, text=text[qs:qe]))
                prev_open_end = closes_open[n] >= pe - 2 and not MARKS.search(text, ps, pe)
                prev_quoted = True
                if prev_open_end:
                    continue
                if MARKS.search(text, closes_open[n] + 1, pe) is None:
                    continue
                done = closes_open[n]
        transcript = _transcript(doc, ps, pe, people)
        if transcript:  # "President of Russia Vladimir Putin: Mr Mirziyoyev, ...": the turn is one statement
            speaker, qs = transcript
            turn = _turn(doc, qs, people)
            if turn is not None:
                out.append(span(turn[0], turn[1], "quote", speaker=speaker, text=text[turn[0]:turn[1]]))
            last_speaker = speaker
            continue
        dash = _dash_speech(doc, ps, pe, people, out)
        if dash is not None:
            out.append(dash)
            last_speaker = dash["speaker"]
            continue
        i0, i1 = bisect.bisect_left(starts, ps), bisect.bisect_left(starts, pe)
        segs = segments(text, ps, pe, starts[i0:i1])
        para_speaker = last_speaker if done >= 0 else None
        for k, (qs, qe, opened, closed) in enumerate(segs):
            if qe <= done:
                continue
            qs, qe = trim(text, qs, qe)
            if qe <= qs or len(text[qs:qe].split()) < MIN_WORDS or titles.covers(qs) or NAME_ONLY.fullmatch(text[qs:qe]):
                continue  # '"Billion Trees"': a name in quotes, no statement
            who = _after(doc, qe, pe, people, out) if closed else None
            if not closed:  # '“We will double trade by 2030, Tokayev said.': the attribution is inside
                inner = _unclosed_rx().search(text, qs, qe)
                if inner and (w := _resolve(doc, inner.group("who"), qs, people, out)):
                    who, qe = w, inner.start()
            if who is None:
                who = _before(doc, qs, people, out)
            if who is None and k and para_speaker:
                who = para_speaker  # "..., the President noted, speaking about the nature. “What Oman lacks, we have.”"
            if who is None and k == 0 and opened and text[ps:qs].strip() in ('"', "“", "«", "") and last_speaker \
                    and (prev_open_end or prev_quoted):
                who = last_speaker  # a long quote goes on in a new paragraph
            if who is None and k == 0 and n and text[ps:qs].strip() in ('"', "“", "«", "„", ""):
                prev_end = len(text[:paragraphs[n - 1][1]].rstrip())
                if text[prev_end - 1:prev_end] == ":":  # "Addressing the press, Tokayev noted:" / "“Our countries ...”"
                    who = _before(doc, prev_end - 1, people, out)
                elif len(segs) == 1 and closed and qe >= pe - 3 and len(text[qs:qe].split()) >= WHOLE_QUOTE_WORDS:
                    # "Tokayev stressed the importance of trade." / "“Our trade has grown ...”": a paragraph
                    # that is a quote alone is the words of the one the paragraph before has speaking
                    who = _before(doc, prev_end - 1, people, out)
            if who is None:
                if k == len(segs) - 1 and opened and not closed:
                    waiting.append((qs, qe))  # '"We have instructed our ministers ...' (its speaker comes later)
                continue
            if k == 0 and opened and text[ps:qs].strip() in ('"', "“", "«", "„"):
                # the paragraphs of a long quote before it, each opened and none closed, are the same speaker's
                out.extend(span(a, b, "quote", speaker=who, text=text[a:b]) for a, b in waiting)
            waiting = []
            out.append(span(qs, qe, "quote", speaker=who, text=text[qs:qe]))
            para_speaker = last_speaker = who
        prev_open_end = bool(segs) and (not segs[-1][3] or segs[-1][1] >= pe - 2)
        prev_quoted = bool(out) and out[-1].start >= ps
    return out


@lru_cache(maxsize=1)
def _unclosed_rx() -> re.Pattern[str]:
    return re.compile(rf",\s+(?P<who>(?:the\s+)?[A-Z][\w’'\-. ]{{0,60}}?)\s+(?:{_verbs()})\b[^.]{{0,40}}\.?\s*$")


@lru_cache(maxsize=1)
def _dash_rx() -> re.Pattern[str]:
    """A paragraph that opens with a dash and hands over to its speaker after ", —"."""
    return re.compile(rf"\s*[—–-]\s+(?P<q>[^—–]{{15,}}?)[,.!?…]?\s+[—–-]\s+"
                      rf"(?P<who>(?:the\s+|The\s+)?[A-Za-z][\w’'\- ]{{0,60}}?)\s+(?:{_verbs()})\b")


def _dash_speech(doc: Doc, ps: int, pe: int, people: list[Span], said: list[Span]) -> Span | None:
    """"— Our countries are reliable partners, — Tokayev said." (dashes for quote marks)."""
    text = doc.text
    if text[ps:pe].lstrip()[:1] not in "—–-":
        return None
    m = _dash_rx().match(text, ps, pe)
    if not m:
        return None
    who = _resolve(doc, m.group("who"), ps, people, said)
    qs, qe = trim(text, m.start("q"), m.end("q"))
    if not who or qe - qs < 15:
        return None
    return span(qs, qe, "quote", speaker=who, text=text[qs:qe])


def _after(doc: Doc, qe: int, pe: int, people: list[Span], said: list[Span]) -> str | None:
    """The speaker an attribution right after the closing mark names (", Novák said")."""
    text = doc.text
    close = qe
    while close < pe and text[close] in "”“»\"’',.!?… ":  # „...“ closes with a low-high pair's “
        close += 1
        if close - qe > 4:
            break
    m = _after_rx().match(text, close, pe)
    passive = PASSIVE_AFTER.match(text, close, pe)
    if passive:  # '"...," - this was stated by President X'
        agent = BY_AGENT.match(text, passive.end())
        if agent:
            return _resolve(doc, agent.group("who"), qe, people, said)
    if not m:
        return None
    who = (m.group("who") or m.group("who2") or "").strip()
    who = QUOTED_AS_SAYING.sub("", who)  # "the Kenyan leader was quoted as saying"
    return _resolve(doc, who, qe, people, said)


def _before(doc: Doc, qs: int, people: list[Span], said: list[Span]) -> str | None:
    """The speaker the sentence names before the quote: the subject of the last verb of speech
    ("Lula declared that", "X said:", "Zhai Yan, chairman of Colorful Guizhou, said in turn
    that", "The Hungarian premier acknowledged ..., but said"), or "According to X,"."""
    text, lay = doc.text, doc.layout
    s, _ = lay.sentence_at(qs)
    s = max(s, qs - HEAD_REACH)  # a run-on text's "sentence" is no longer than a sentence is
    head = text[s:qs]
    verbs = list(_before_verb().finditer(head))
    if not verbs:
        return None
    qa = QUOTED_AS.search(head)
    if qa:  # "The agency quoted Anwar as saying:"
        return _resolve(doc, qa.group("who"), qs, people, said)
    v = verbs[-1]
    agent = BY_AGENT.match(head, v.end())
    if agent:  # "This was stated by the President of Uzbekistan at the meeting:"
        return _resolve(doc, agent.group("who"), qs, people, said)
    if v.group().lower() in ("in his words", "in her words"):
        return _resolve(doc, "he", qs, people, said)  # 'In his words, "..."': the one spoken of last
    if v.group().lower() == "according to":
        m = re.match(r"\s+(?P<who>[^,]{2,60}),", text[s + v.end():qs])
        return _resolve(doc, m.group("who"), qs, people, said) if m else None
    before = head[:v.start()]
    before = re.sub(r",[^,]{1,80},\s*$", " ", before)  # an appositive between the subject and its verb
    before = re.sub(r"\s[–—-]\s[^–—]{1,80}\s[–—-]\s*$", " ", before)  # "Madbouly – speaking at a press conference – said:"
    before = re.sub(r"\s+(?:also|then|further|in\s+turn|once\s+more|for\s+(?:his|her)\s+part|has|had|have|was|"
                    r"would|will)\s*$", " ", before.rstrip())
    words_ = before.split()
    for n in (4, 3, 2, 1):  # the words right before the verb: "Aleksandr Lukashenko", "the President", "he"
        if len(words_) >= n:
            who = _resolve(doc, " ".join(words_[-n:]), qs, people, said)
            if who:
                return who
    opening = re.match(r"\s*(?:[A-Z][\w’'-]*\s*,\s*)?(?P<who>(?:[Tt]he\s+)?[^,]{1,60}?)(?:,|\s+(?:\w+\s+)?(?:"
                       + _verbs() + r"))", head)
    if opening:  # the sentence's subject
        return _resolve(doc, opening.group("who"), qs, people, said)
    return None


def _transcript(doc: Doc, ps: int, pe: int, people: list[Span]) -> tuple[str, int] | None:
    """A transcript's turn: "President of Russia Vladimir Putin: Mr Mirziyoyev," at a paragraph's start."""
    text = doc.text
    m = re.match(r"(?P<who>[A-Z][\w’'.\- ]{3,80}?):\s", text[ps:pe])
    if not m or any(ch in text[ps:ps + m.end()] for ch in "\"“«"):
        return None
    who = _resolve(doc, m.group("who"), ps + m.end(), people)
    if not who or not any(p.start >= ps and p.end <= ps + m.end() for p in people):
        return None
    return who, ps + m.end()


def _turn(doc: Doc, start: int, people: list[Span]) -> tuple[int, int] | None:
    """A transcript's turn from ``start``: its paragraphs up to the next speaker's line, leaving
    out a form of address ("Mr Mirziyoyev,")."""
    lay, text = doc.layout, doc.text
    paras = [(a, b) for a, b in lay.paragraphs if b > start]
    s = start
    end = None
    for k, (a, b) in enumerate(paras):
        a = max(a, start)
        if k and _transcript(doc, a, b, people):
            break
        if len(text[a:b].split()) <= 3 and end is None:
            continue  # "Mr Mirziyoyev,"
        if end is None:
            s = a
        end = b
    if end is None:
        return None
    s, e = trim(text, s, end)
    return (s, e) if e > s else None


def _resolve(doc: Doc, who: str, pos: int, people: list[Span], said: list[Span] = ()) -> str | None:
    """The person a speaker phrase names: a name or a surname, a pronoun, or a role ("the
    Sultan of Oman", "The Hungarian premier", "the Kazakh President")."""
    who = re.sub(r"^(?:the|The|and|but|while)\s+", "", who.strip(" ,")).strip()
    if not who:
        return None
    people = _near(people, pos)
    low = who.lower()
    if _IMPERSONAL.search(low):
        return None  # "the ministry said in a statement": a body's words are no person's quote
    if low in ("he", "she", "him", "her"):  # "According to him, ..."
        return _last_person(doc, pos, people, said)
    last = core(who.split()[-1])
    for p in reversed(people):  # the people layer comes sorted by start: the last named first
        if last == surname(p["name"]) or last[:1] == p["name"].split()[-1][:1] and same_name(who, p["name"]):
            return p["name"]
    if len(who.split()) == 1 and who[:1].isupper():  # "Lula" of "Luiz Inacio Lula da Silva"
        named = {p["name"] for p in people if who in p["name"].split()}
        if len(named) == 1:
            return named.pop()
    words_ = low.split()
    if len(words_) > 6:
        return None
    role = low
    for syn, canon in ROLE_SYNONYMS.items():
        role = re.sub(rf"\b{syn}\b", canon, role) if canon else role
    role = " ".join(w for w in role.split() if w not in ("of", "the"))
    states = _states_in(doc, who)
    role_words = [w for w in role.split() if _state_of(w) is None and w not in NO_OFFICE]
    cands = []
    for p in people:
        title = (p["title"] or "").lower()
        if states and p["alpha3"] is not None and p["alpha3"] not in states:
            continue
        if role_words and not all(w in title for w in role_words):
            continue
        if not role_words and not states:
            continue
        cands.append(p)
    if states and any(p["alpha3"] in states for p in cands):
        cands = [p for p in cands if p["alpha3"] in states]  # one of that state before one of no known state
    if not cands:
        names = {p["name"] for p in people if p["how"] != "surname"}
        return names.pop() if len(names) == 1 and (role_words or states) else None  # the only person of the article
    # "Ruto noted that ... "...," the President said": one of that title reported speaking in the paragraph
    para = doc.layout.paragraph_at(pos)
    in_para = [p for p in people if para[0] <= p.start < pos and _reports(doc, p)]
    for p in reversed(in_para):
        if any(same_name(p["name"], c["name"]) for c in cands):
            return next(c["name"] for c in cands if same_name(p["name"], c["name"]))
    speakers = [q["speaker"] for q in said]
    for name in reversed(speakers):  # "the president said": the one of that title who spoke last
        if any(same_name(name, p["name"]) for p in cands):
            return name
    home = doc["outlet"][0]["home"] if len(doc["outlet"]) else None
    own = {p["name"] for p in cands if p["alpha3"] == home} if home and not states else set()
    if len(own) == 1:  # "the Head of State said" in a Kazakh agency's report: Kazakhstan's
        return own.pop()
    before = [p for p in cands if p.start < pos] or cands
    return max(before, key=lambda p: p.start)["name"]


_IMPERSONAL = re.compile(rf"(?:^|\s)(?:{cue('impersonal_speaker')})$")
HEAD_REACH = 400  # how far before a quote its speaker is looked for in the sentence
NEAR = 6000  # how far from a quote its speaker may be named (a report names a speaker near the words)


def _near(people: list[Span], pos: int) -> list[Span]:
    """The people named within ``NEAR`` characters of ``pos`` (the layer comes sorted by start),
    so resolving a speaker costs the same in a long text as in a short one."""
    start = bisect.bisect_left(people, pos - NEAR, key=lambda p: p.start)
    return people[start:bisect.bisect_left(people, pos + NEAR, lo=start, key=lambda p: p.start)]


def _states_in(doc: Doc, phrase: str) -> set[str]:
    from .places import scan

    return {a for _, _, a, kind, _ in scan(phrase) if a and kind in ("name", "official", "demonym")}


def _state_of(word: str) -> str | None:
    from .places import lookup

    return lookup(word.capitalize())


def _last_person(doc: Doc, pos: int, people: list[Span], said: list[Span]) -> str | None:
    """The person a pronoun stands for: the last speaker, if one spoke just before, else the
    last person named before."""
    lay = doc.layout
    para_start = lay.paragraph_at(pos)[0]
    since = max(said[-1].end, para_start) if said else para_start
    # the subject of a sentence of this paragraph since the last quote ("Saidov thanked Japan. "...," he
    # said"), or one reported speaking there ("Milei, for his part, stressed ...")
    subjects = [p for p in people if since <= p.start and p.end <= pos
                and (lay.sentence_at(p.start)[0] == p.start or _reports(doc, p))]
    if subjects and (not said or subjects[-1]["name"] != said[-1]["speaker"]):
        return subjects[-1]["name"]
    if said and 0 <= pos - said[-1].end < 600:
        # one reported speaking since that quote ("Okaniwa said Japan remained ...") speaks now
        since_quote = [p for p in people if said[-1].end <= p.start and p.end <= pos and _reports(doc, p)]
        return since_quote[-1]["name"] if since_quote else said[-1]["speaker"]
    before = [p for p in people if p.end <= pos]
    if not before:
        return None
    # one reported as speaking ("According to Anwar, ...", "Anwar said ...") before one only mentioned
    reported = [p for p in before if pos - p.end < 600 and _reports(doc, p)]
    last = max(reported or before, key=lambda p: p.start)
    # "The President noted that ... "..." he said": a role that spoke in the paragraph, after them
    para = doc.layout.paragraph_at(pos)
    roles = [m for m in _role_speech().finditer(doc.text, para[0], pos) if m.start() > last.end]
    if roles:
        who = _resolve(doc, roles[-1].group("who"), roles[-1].start(), people, said)
        if who:
            return who
    return last["name"]


@lru_cache(maxsize=1)
def _role_speech() -> re.Pattern[str]:
    """A role as the subject of speech at a sentence's start ("The President noted ...")."""
    return re.compile(rf"(?:^|(?<=\n)|(?<=[.!?]\s))(?P<who>The\s+[A-Z]?[\w-]+(?:\s+[A-Z]?[\w-]+){{0,3}}?)\s+(?:also\s+)?"
                      rf"(?:{_verbs()})\b")


def _reports(doc: Doc, p: Span) -> bool:
    """Whether a person's mention is the subject of speech: "X said", "According to X"."""
    text = doc.text
    return bool(_ACCORDING.search(text, max(0, p.start - 14), p.start) or _speech_after().match(text, p.end))


_ACCORDING = re.compile(r"[Aa]ccording\s+to\s+$")


@lru_cache(maxsize=1)
def _speech_after() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:,[^,]{{1,60}},\s*)?(?:also\s+)?(?:{_verbs()})\b")
