"""The reference data itself: files that load, patterns that compile, aliases that are unique,
labels from the closed lists, and no contradiction with the tables' contract (TABLES.md)."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from helpers.extract.lexicon import MONTHS, NUMBER_WORDS, cue, expand, key, reference_dir, table, words
from helpers.extract.matcher import Matcher, matcher
from helpers.extract.levels import level_of
from helpers.schema import labels

REF = reference_dir()
CSVS = sorted(p.stem for p in REF.glob("*.csv"))
TXTS = sorted(p.stem for p in REF.glob("*.txt"))
SRC = Path(__file__).resolve().parents[1] / "src" / "helpers"
# tables whose first column is found by the Matcher (phrases, `re:` forms, `case` = exact)
MATCHED = ("areas", "body_kinds", "credits", "doc_types", "honorifics", "periods", "titles", "role_synonyms")
# tables of plain regular expressions (matched case-insensitively)
REGEXES = ("levels", "events")


def test_every_reference_file_is_read():
    assert {"cues", "doc_types", "titles", "countries", "labels"} <= set(CSVS)
    for name in CSVS:
        rows = table(name)
        assert rows, name
        first = next(iter(rows[0]))
        assert all(r[first] for r in rows), f"{name}: a row with an empty {first}"
    for name in TXTS:
        assert words(name), name


@pytest.mark.parametrize("name", MATCHED)
def test_a_form_needs_only_words_it_holds(name):
    """A form's ``needs`` (words the text must hold for it to be tried) are words of its pattern,
    so the check can only spare a scan that would find nothing."""
    for r in table(name):
        for word in filter(None, r.get("needs", "").split("|")):
            spelled = re.sub(r"\\s[+*]?|\[ \\t\]\+|\s+", " ", r["pattern"].lower())
            assert word in spelled, (name, word, r["pattern"][:60])


@pytest.mark.parametrize("name", MATCHED)
def test_matched_patterns_compile(name):
    m = Matcher(table(name))
    assert m.finditer("") == []
    for r in table(name):
        if r["pattern"].startswith("re:"):
            re.compile(expand(r["pattern"][3:]))
        assert r.get("case", "") in ("", "exact"), (name, r)


@pytest.mark.parametrize("name", REGEXES)
def test_regex_tables_compile(name):
    for r in table(name):
        re.compile(r["pattern"], re.I)


@pytest.mark.parametrize("name", MATCHED + ("cues", "countries", "demonyms", "outlets", "signals"))
def test_aliases_are_unique(name):
    first = next(iter(table(name)[0]))
    if name == "cues":  # a phrase may serve two classes, but once in each; cues are placed as written
        keys = [(r["cue"], r["phrase"]) for r in table(name)]
    elif name == "signals":
        keys = [(r["signal"], key(r["pattern"])) for r in table(name)]
    else:
        keys = [(key(r[first]) if r.get("case") != "exact" else r[first], r.get("case", "")) for r in table(name)]
    twice = [k for k, n in Counter(keys).items() if n > 1]
    assert not twice, f"{name}: {twice}"


def test_word_lists_hold_each_word_once():
    for name in TXTS:
        text = "\n".join(line for line in (REF / f"{name}.txt").read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("#"))
        twice = [w for w, n in Counter(text.split()).items() if n > 1]
        assert not twice, f"{name}: {twice}"


def test_labels_are_from_the_closed_lists():
    lists = labels()
    assert {r["doc_type"] for r in table("doc_types")} - {"-"} <= lists["doc_type"]
    assert {r["level"] for r in table("levels")} <= lists["level"]
    assert {r["event_type"] for r in table("events")} <= lists["event_type"]
    assert {a for r in table("areas") for a in r["areas"].split(";")} - {"-"} == lists["area"]
    assert {r["number"] for r in table("doc_types")} <= {"sg", "pl"}
    assert {r["kind"] for r in table("honorifics")} <= {"courtesy", "royal", "rank", "personal"}
    assert {r["kind"] for r in table("countries")} <= {"name", "official", "stem", "seat", "capital", "none"}


def test_states_are_iso_codes():
    codes = {c.alpha_3 for c in pycountry.countries} | {"XKX"}  # Kosovo, by the code the EU and IMF use
    for name, column in (("countries", "alpha3"), ("demonyms", "alpha3"), ("outlets", "alpha3")):
        bad = {r[column] for r in table(name) if r[column]} - codes
        assert not bad, (name, bad)


def test_cue_classes_used_in_code_exist():
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"""\bcue(?:_words)?\(["'](\w+)["']\)""", path.read_text(encoding="utf-8")))
    defined = {r["cue"] for r in table("cues")}
    assert used and used <= defined, used - defined
    for name in used:
        re.compile(cue(name))


def test_calendar_words():
    assert len(MONTHS) == 12 and MONTHS[0] == "January"
    assert NUMBER_WORDS["ten"] == 10 and len(NUMBER_WORDS) == 21


# ---- no contradiction with the contract --------------------------------------------------------

@pytest.mark.parametrize("phrase, doc_type", [
    ("deal", "contract"), ("deals", "contract"), ("contract", "contract"), ("cooperation deal", "agreement"),
    ("MoU", "memorandum"), ("memorandum of understanding", "memorandum"), ("communiqué", "joint_statement"),
    ("joint statement", "joint_statement"), ("road map", "roadmap"), ("action plan", "plan"),
    ("plan of action", "plan"), ("letter of intent", "other"), ("Strategy", "other"), ("treaty", "treaty"),
    ("protocol", "protocol"), ("programme", "program"), ("declaration", "declaration"), ("accord", "agreement"),
])
def test_document_heads_follow_the_contract(phrase, doc_type):
    hits = matcher("doc_types").finditer(phrase)
    assert len(hits) == 1 and hits[0].end - hits[0].start == len(phrase)
    assert hits[0].row["doc_type"] == doc_type


def test_minutes_of_a_meeting_are_a_protocol():
    hits = matcher("doc_types").finditer("They signed the minutes of the meeting.")
    assert [h.row["doc_type"] for h in hits] == ["protocol"]


@pytest.mark.parametrize("name, level", [
    ("Cabinet of Ministers of Uzbekistan", "state"), ("Government of Kazakhstan", "state"),
    ("Kazinform News Agency", "company"), ("National Television and Radio Company", "company"),
    ("Nazarbayev University", "academic"), ("Institute of Botany", "academic"),
    ("Central Bank of Oman", "national_body"), ("State Customs Service", "national_body"),
    ("Ministry of Health", "national_body"), ("Investment Authority", "national_body"),
    ("Chamber of Commerce and Industry", "other"), ("Saudi Fund for Development", "other"),
    ("Kazakhstan Temir Zholy JSC", "company"), ("Development Bank of Kazakhstan", "company"),
    ("Asian Development Bank", "other"), ("Council of Higher Education", "national_body"),
    ("National Centre for Space Studies", "national_body"), ("Kazakh-Uzbek Business Council", "other"),
    ("Almaty city akimat", "city"), ("Samarkand region", "regional"), ("Sughd Province", "regional"),
    ("Government of Almaty region", "regional"), ("Government of Sindh", "regional"),
    ("Punjab Government", "regional"), ("Hanoi People's Committee", "city"),
    ("Administration of Astana", "city"), ("Bangkok Metropolitan Administration", "city"),
    ("Government of Singapore", "state"), ("National Museum of Kazakhstan", "other"),
])
def test_levels_follow_the_contract(name, level):
    assert level_of(name) == level
