"""The last step: the people of the article as persons. Spellings and partial mentions of one
name join the fullest ("Tariq Al Said" is Haitham bin Tariq Al Said, "Siyarto" is Peter
Szijarto); a person is then found wherever the text writes the family name; a counterpart takes
the office of the person he is counterpart of; a person the body names without an office takes
one the headline names; and a person with no state gets one (``person_states``)."""
from __future__ import annotations

from .doc import Doc, Span, span
from .names import is_patronymic, same_name, surname
from .person_states import fill_states

WEAK = ("", "Minister", "leader", "@counterpart", "Head")


def persons(doc: Doc) -> list[Span]:
    """The persons layer: attrs ``name`` (fullest form), ``title``, ``alpha3``, ``mentions`` (every
    (start, end) where the text names the person) and ``guessed`` (no sign of a state: the
    article's)."""
    groups: list[dict] = []
    # fuller names first, so a lone first name or surname joins the person it belongs to; groups
    # are looked up by the first letter of the family name and by the first word of the name
    by_letter: dict[str, list[dict]] = {}
    by_first: dict[str, list[dict]] = {}
    for m in sorted(doc["people"], key=lambda m: (-len(m["name"].split()), m.start)):
        name = m["name"]
        cands = by_letter.get(surname(name)[:1].lower(), []) + by_first.get(name.split()[0], [])
        for g in cands:
            if _one_person(m, g):
                g["mentions"].append(m)
                break
        else:
            g = {"mentions": [m]}
            groups.append(g)
            by_letter.setdefault(surname(name)[:1].lower(), []).append(g)
            by_first.setdefault(name.split()[0], []).append(g)
    out = []
    for g in groups:
        ms = g["mentions"]
        best = max(ms, key=lambda m: (len(m["name"].split()), -m.start))
        title = next((m["title"] for m in ms if m["title"] not in WEAK), "") or next(
            (m["title"] for m in ms if m["title"]), "")
        alpha3 = next((m["alpha3"] for m in ms if m["alpha3"] and m["office"] is not None), None) or next(
            (m["alpha3"] for m in ms if m["alpha3"]), None)
        spans = sorted({(m.start, m.end) for m in ms})
        out.append({"name": best["name"], "title": title, "alpha3": alpha3, "start": best.start, "end": best.end,
                    "mentions": spans, "guessed": False})
    _counterparts(doc, out)
    _headline_offices(doc, out)
    fill_states(doc, out)
    return [span(p["start"], p["end"], "person", name=p["name"], title=p["title"], alpha3=p["alpha3"],
                 mentions=tuple(p["mentions"]), guessed=p["guessed"]) for p in out]


def _one_person(m: Span, g: dict) -> bool:
    """True when mention ``m`` names the person of group ``g`` (its fuller mentions decide)."""
    for q in g["mentions"][:3]:
        if same_name(m["name"], q["name"]):
            # near names each introduced with an office of its own are two people ("Ali Asadov",
            # "Ali Ahmadov"), not two spellings of one
            differ = surname(m["name"]).casefold() != surname(q["name"]).casefold()
            if differ and m["title"] not in WEAK and q["title"] not in WEAK and m["title"] != q["title"]:
                continue
            return True
        # "Alexander Grigoryevich" for Alexander Lukashenko: a first name and a patronymic address him
        mt, qt = m["name"].split(), q["name"].split()
        if len(mt) == 2 and len(qt) >= 2 and mt[0] == qt[0] and is_patronymic(mt[1]) and not is_patronymic(qt[-1]):
            return True
        # "Sheikh Mohamed" after "Sheikh Mohamed bin Zayed Al Nahyan": a first-name reference
        if len(m["name"].split()) == 1 and m["name"] == q["name"].split()[0] and (m["title"] in (q["title"], "") or q["title"] in WEAK):
            return True
    return False


def _counterparts(doc: Doc, people: list[dict]) -> None:
    """"his Turkish counterpart Mevlut Cavusoglu": the title of the other person of the sentence."""
    lay = doc.layout
    for p in people:
        if p["title"] != "@counterpart":
            continue
        s, e = lay.sentence_at(p["start"])
        others = [q for q in people if q is not p and q["title"] not in ("@counterpart", "")
                  and any(s <= a < e for a, _ in q["mentions"])]
        p["title"] = others[0]["title"] if others else ""


def _headline_offices(doc: Doc, people: list[dict]) -> None:
    """People the body names without an office take the offices the headline names without a
    person ("Belarusian PM wraps up visit" ... "Golovchenko paid courtesy visits")."""
    untitled = sorted((p for p in people if not p["title"]), key=lambda p: p["start"])
    hl = doc.layout.headline
    if not untitled or not hl:
        return
    offices = [(o["canonical"], o["states"]) for o in doc["offices"] if hl[0] <= o.start < hl[1]
               and o["canonical"] != "@counterpart" and o["head"][:1].isupper()]
    flat: list[tuple[str, str | None]] = []
    for title, states in offices:
        if len(states) >= 2:
            flat.extend((title.rstrip("s"), a) for a in states)
        else:
            flat.append((title, states[0] if states else None))
    named = {(p["title"], p["alpha3"]) for p in people if p["title"]}
    flat = [o for o in flat if o not in named]
    if len(flat) != len(untitled):
        return
    for p, (title, alpha3) in zip(untitled, flat):
        p["title"] = title
        p["alpha3"] = p["alpha3"] or alpha3
