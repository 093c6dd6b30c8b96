"""People referred to by their role and state ("The Hungarian premier acknowledged ...", "the Kazakh
President said"): the one person of that title whose state the text has not told is of that state."""
from __future__ import annotations

import re

from .doc import Doc
from .lexicon import table

DEFINITE = re.compile(r"\b[Tt]he\s+$")


# Words a role may be written in -> the title words they stand for (role_synonyms.csv; an empty role:
# a word that names no office of its own, "leader"); the quotes' speakers are read by them too
ROLE_SYNONYMS = {r["pattern"]: r["role"] for r in table("role_synonyms")}


def holder(doc: Doc, o, people: list[dict]) -> dict | None:
    """The one person whose title the role of office span ``o`` names, where the text refers to
    someone by role ("the Hungarian premier", "The Prime Minister") and names no one after it."""
    if o["plural"] or id(o) in _held(doc):
        return None
    if not DEFINITE.search(doc.text, max(0, o["country_start"] - 5), o["country_start"]):
        return None
    role = o["canonical"].lower()
    role = ROLE_SYNONYMS.get(role) or role
    holders = [p for p in people if role in p["title"].lower()]
    return holders[0] if len(holders) == 1 else None


def _held(doc: Doc) -> set[int]:
    """The office spans a person is named with."""
    if "held_offices" not in doc.cache:
        doc.cache["held_offices"] = {id(m["office"]) for m in doc["people"] if m["office"] is not None}
    return doc.cache["held_offices"]


def by_role(doc: Doc, people: list[dict]) -> None:
    """A definite role with a state and no name ("the Hungarian premier") gives its state to the one
    person of that title who has none."""
    for o in doc["offices"]:
        if o["alpha3"] and (p := holder(doc, o, people)) is not None and not p["alpha3"]:
            p["alpha3"] = o["alpha3"]
