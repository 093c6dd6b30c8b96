"""People referred to by their role and state ("The Hungarian premier acknowledged ...", "the Kazakh
President said"): the one person of that title whose state the text has not told is of that state."""
from __future__ import annotations

import re
from functools import lru_cache

from .doc import Doc
from .lexicon import table

DEFINITE = re.compile(r"\b[Tt]he\s+$")


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    """Words a role may be written in -> the title words they stand for (role_synonyms.csv)."""
    return {r["pattern"]: r["role"] for r in table("role_synonyms") if r["role"]}


def by_role(doc: Doc, people: list[dict]) -> None:
    """A definite role with a state and no name ("the Hungarian premier") gives its state to the one
    person of that title who has none."""
    text = doc.text
    held = {id(m["office"]) for m in doc["people"] if m["office"] is not None}
    for o in doc["offices"]:
        if not o["alpha3"] or o["plural"] or id(o) in held:
            continue
        if not DEFINITE.search(text, max(0, o["country_start"] - 5), o["country_start"]):
            continue
        role = o["canonical"].lower()
        role = _roles().get(role, role)
        holders = [p for p in people if role in p["title"].lower()]
        if len(holders) == 1 and not holders[0]["alpha3"]:
            holders[0]["alpha3"] = o["alpha3"]
