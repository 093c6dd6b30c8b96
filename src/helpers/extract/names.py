"""What a person's name looks like, token by token, and how two spellings of one name compare."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .lexicon import MONTHS, not_name_words, table, words
from .places import aliases

POSSESSIVE = re.compile(r"[’']s$")
# "Tokayev", "Kassym-Jomart", "O'Neil", "Phạm", "T.Atahallyev" (an initial written onto the surname)
NAME_WORD = re.compile(r"(?:[A-Z][a-z]?\.)*[A-ZÀ-ÖØ-ÞĀ-ỸА-Я][a-zß-öø-ÿā-ỹа-я]+(?:[-’'][A-Za-zÀ-ÿĀ-ỹ][a-zß-öø-ÿā-ỹ]*)*"
                       r"|(?:Mc|Mac|O’|O'|D’|D')[A-Z][a-z]+")
INITIALS = re.compile(r"[A-Z]{2,3}")  # "KP Sharma Oli"
CAPS_FAMILY = re.compile(r"[A-Z]{4,12}")  # "IWAYA Takeshi", "KISHIDA Fumio"
DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # "T.V. Nagendra Prasad"
DIGRAPH_INITIAL = re.compile(r"[A-Z][a-z]")  # "Zh.", "Sh.", "Kh." before a surname


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    """Lower-case words inside names ("bin", "van", "de"), and their capitalised forms that stand
    between two names ("Bin", "Al")."""
    return words("name_particles")


@lru_cache(maxsize=1)
def blocked() -> frozenset[str]:
    """Capitalised words that are never part of a person's name: words of offices and bodies'
    names, states and demonyms, months and days, honorifics, function words."""
    out = set(not_name_words()) | set(MONTHS)
    for r in table("titles"):
        out.update(w for w in r["pattern"].split() if w[:1].isupper())
    for r in table("body_kinds"):
        out.update(w for w in r["pattern"].split() if w[:1].isupper())
    for r in table("honorifics"):
        out.update(w.rstrip(".") for w in r["pattern"].split())
    for r in table("doc_types"):
        out.update(w.capitalize() for w in r["pattern"].split() if w.isalpha() and len(w) > 2)
    for alias, (_, kind) in aliases().items():
        if kind in ("name", "official", "demonym", "seat") and " " not in alias:
            out.add(alias)
    return frozenset(out)


def bare(token: str) -> str:
    """A token without its possessive ending."""
    return POSSESSIVE.sub("", token)


def is_name_token(token: str) -> bool:
    """True for a word that can be part of a person's name."""
    t = bare(token)
    if not NAME_WORD.fullmatch(t):
        head, _, rest = t.partition("-")  # "al-Sudani", "el-Sisi": a particle joined to a name
        return bool(rest) and head in particles() and bool(NAME_WORD.fullmatch(rest)) and rest not in blocked()
    if "." in t and t.split(".")[0] in blocked():
        return False  # "Dr.Rahma": a courtesy word, not an initial ("Ch.Ganbold", "B.Battsetseg")
    return t not in blocked() and t.split("-")[0] not in blocked()


@lru_cache(maxsize=1)
def royal_styles() -> frozenset[str]:
    """Royal styles that also stand inside names ("Ibrahim Sultan Iskandar")."""
    return frozenset(r["pattern"] for r in table("honorifics") if r["kind"] == "royal" and " " not in r["pattern"])


@lru_cache(maxsize=1)
def personal_forms() -> tuple[str, ...]:
    """A private person's forms of address ("Dr", "Mr", "Prof"; honorifics.csv kind "personal"),
    without their stop, longest first: a royal style after one is a given name ("Dr. Sultan ...")."""
    forms = {r["pattern"].rstrip(".") for r in table("honorifics") if r["kind"] == "personal"}
    return tuple(sorted(forms, key=len, reverse=True))


REGNAL = re.compile(r"I{2,3}|IV|VI{0,3}|IX|XI{0,3}")


def _initial_at(words_: list[str], j: int) -> bool:
    """True where an initial and its stop stand before a name ("V. Nagendra")."""
    return j + 2 < len(words_) and len(words_[j]) == 1 and words_[j].isupper() and words_[j + 1] == "." \
        and is_name_token(words_[j + 2])


def name_end(words_: list[str], i: int, most: int = 6) -> int:
    """Index after a person's name that starts at token ``i`` (``i`` when none does): name
    words, particles and initials between them, up to ``most`` name words."""
    j, n = i, 0
    while j < len(words_) and n < most:
        t = words_[j]
        nxt = words_[j + 1] if j + 1 < len(words_) else ""
        if n == 0 and DIGRAPH_INITIAL.fullmatch(t) and nxt == "." and j + 2 < len(words_) \
                and is_name_token(words_[j + 2]) and t not in blocked():
            j += 2  # "Zh. Kulubaev", "Sh. Mirziyoyev": an initial of two letters
            continue
        if is_name_token(t):
            n += 1
            j += 1
            if t != bare(t):
                break  # a possessive ends the name ("Olaf Scholz's visit")
            continue
        # an initial inside or before a name: "Sitiveni L. Rabuka", "S. Jaishankar"
        if len(t) == 1 and t.isupper() and nxt == "." and j + 2 < len(words_) and (
                is_name_token(words_[j + 2]) or _initial_at(words_, j + 2)):
            j += 2  # "T. V. Nagendra Prasad": initials in a row before the name
            continue
        if n == 0 and CAPS_FAMILY.fullmatch(t) and is_name_token(nxt) and t not in blocked() \
                and not (j + 2 < len(words_) and is_name_token(words_[j + 2])):
            j += 1  # "IWAYA Takeshi": a family name in capitals before one given name (Japan's style)
            continue
        if n == 0 and (INITIALS.fullmatch(t) or DOTTED_INITIALS.fullmatch(t)) and is_name_token(nxt) \
                and t not in blocked():
            j += 1  # "KP Sharma Oli", "T.V. Nagendra Prasad"
            continue
        if n and REGNAL.fullmatch(t):
            j += 1  # "King Abdullah II of Jordan": a regnal number closes the name
            break
        if n and (t in particles() or t in royal_styles()) and (is_name_token(nxt) or nxt in particles()
                                                                  and j + 2 < len(words_) and is_name_token(words_[j + 2])):
            j += 1  # "Mohamed bin Zayed Al Nahyan", "Ibrahim Sultan Iskandar", "Gloria de la Fuente"
            most = min(most + 1, 8)
            continue
        break
    return j if n else i


@lru_cache(maxsize=8192)
def same_name(a: str, b: str) -> bool:
    """True when two written names are one person: same surname and first name (or one is a
    bare surname, or one's words end the other's), allowing spelling variants ("Szijarto" /
    "Siyarto", "Aleksandr" / "Alexander", "Suhulu" / "Suluhu")."""
    ta, tb = _without_suffix(a.split()), _without_suffix(b.split())
    if not ta or not tb:
        return False
    if not _close(surname(a), surname(b)):
        # "Samia Suhulu" / "Samia Suluhu": one given name, a surname spelt two ways
        return len(ta) > 1 and len(tb) > 1 and given(a) == given(b) and _close(surname(a), surname(b), 0.6)
    if len(ta) == 1 or len(tb) == 1:
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if long_[-len(short):] == short:
        return True  # "Tariq Al Said" of "Haitham bin Tariq Al Said"
    return _close(given(a), given(b))


def family_first(name: str) -> bool:
    """True for a name written family name first ("Xi Jinping", "Yoon Suk Yeol")."""
    parts = name.split()
    if len(parts) == 2 and CAPS_FAMILY.fullmatch(parts[0]) and not parts[1].isupper():
        return True  # "IWAYA Takeshi"
    # the given name of such a name is one or two syllables a word ("Jinping", "Suk Yeol", "Jae-myung");
    # "Lee Kinyanjui" is a Kenyan's, family name last
    return len(parts) > 1 and parts[0] in words("family_first") and all(
        len(VOWELS.findall(w)) <= 2 for p in parts[1:] for w in p.split("-"))


VOWELS = re.compile(r"[aeiouAEIOU]+")


def surname(name: str) -> str:
    """The word a person is later called by alone: the family name, without a particle joined to
    it ("Sisi" of "Abdel Fattah el-Sisi")."""
    return core(family_word(name))


def family_word(name: str) -> str:
    """The word of the family name as written ("el-Sisi")."""
    parts = _without_suffix(name.split())
    return (parts[0] if family_first(name) else parts[-1]) if parts else ""


def _without_suffix(parts: list[str]) -> list[str]:
    """A name's words without the generation's mark that may close it ("Tiu Laurel Jr." -> "Tiu Laurel")."""
    n = len(parts)
    while n > 2 and parts[n - 1] in words("name_suffixes"):
        n -= 1
    return parts[:n]


def core(token: str) -> str:
    """A name's word without a particle joined by a hyphen ("el-Sisi" -> "Sisi", "Al-Falih" -> "Falih")."""
    head, _, rest = token.partition("-")
    return rest if rest and head in particles() and rest[:1].isupper() else token


def given(name: str) -> str:
    """The given name's first word (the other end from the family name)."""
    parts = name.split()
    return parts[-1] if family_first(name) else parts[0] if parts else ""


def _close(x: str, y: str, ratio: float = 0.72) -> bool:
    x, y = x.lower(), y.lower()
    if x == y:
        return True
    if len(x) > 4 and len(y) > 4 and x[0] == y[0] and _skeleton(x) == _skeleton(y):
        return True  # "Mohamed" / "Muhammad", "Mohammed": one name transliterated two ways
    return len(x) > 3 and len(y) > 3 and x[0] == y[0] and SequenceMatcher(None, x, y).ratio() >= ratio


def _skeleton(word: str) -> str:
    """A word's consonants, each run of one written once ("muhammad" -> "mhmd")."""
    out = re.sub(r"[aeiouy’'-]", "", word)
    return re.sub(r"(.)\1+", r"\1", out)


@lru_cache(maxsize=1)
def _endings() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(sorted(words('surname_endings'), key=len, reverse=True))})$")


def patronymic_endings() -> str:
    """The endings of fathers' names (patronymic_endings.txt) as one alternation, longest first."""
    return "|".join(sorted(words("patronymic_endings"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patronymic() -> re.Pattern[str]:
    return re.compile(rf"(?:{patronymic_endings()})$")


def is_patronymic(token: str) -> bool:
    """A father's name in a Russian-style name ("Grigoryevich", "Kemelevich", "Petrovna")."""
    return bool(_patronymic().search(token))


def surname_like(token: str) -> bool:
    """A lone word read as a surname only with a surname's ending (surname_endings.txt)."""
    return bool(_endings().search(token))
