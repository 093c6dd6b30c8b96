"""Hard-wrapped texts (e-mails, copies of PDFs, plain-text wires) read like their paragraphs."""
from __future__ import annotations

import textwrap

import pytest

from helpers import parse_article
from helpers.decoding import normalise, unwrap

PARAGRAPHS = [
    "Kazakhstan and Uzbekistan sign agreements on water and energy",
    "ASTANA, March 5 (Kazinform) - Kazakh Prime Minister Olzhas Bektenov and Uzbek Prime Minister Abdulla "
    "Aripov held talks in Astana on Tuesday and signed an agreement between the Government of the Republic "
    "of Kazakhstan and the Cabinet of Ministers of the Republic of Uzbekistan on the joint management of "
    "interstate water facilities for 2025-2030.",
    "The sides also signed a memorandum of understanding between the Ministry of Energy of Kazakhstan and "
    "the Ministry of Energy of Uzbekistan on cooperation in the field of renewable energy.",
    "\"Our countries are bound by centuries-old ties of friendship,\" Bektenov said.",
]
FLAT = "\n\n".join(PARAGRAPHS)


def facts(text: str) -> dict:
    rows = parse_article(normalise(text)[0], "w")
    return {"outlet": rows.article["outlet"], "event": rows.article["event_type"],
            "documents": [(d["doc_type"], d["title"].split()) for d in rows.documents],
            "parties": sorted(" ".join(s["party"].split()) for s in rows.signatories),
            "people": sorted(p["person"] for p in rows.people), "quotes": [q["speaker"] for q in rows.quotes]}


def test_a_wrapped_text_reads_as_its_paragraphs():
    wrapped = PARAGRAPHS[0] + "\n\n" + "\n\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS[1:])
    assert wrapped != FLAT
    assert facts(wrapped) == facts(FLAT)
    assert len(facts(FLAT)["documents"]) == 2 and facts(FLAT)["outlet"] == "Kazinform"


def test_unwrapping_keeps_the_length_and_the_lines_of_lists():
    wrapped = "\n".join(textwrap.fill(p, 60) for p in PARAGRAPHS)
    assert len(unwrap(wrapped)) == len(wrapped)
    listing = "The following documents were signed:\n" + "\n".join(
        f"- Memorandum of understanding on cooperation in the field number {n};" for n in range(6))
    assert unwrap(listing) == listing  # items and lines that end a clause stay lines
    ordinary = "\n".join(PARAGRAPHS)  # one long line per paragraph: nothing is wrapped
    assert unwrap(ordinary) == ordinary
    one_a_line = ("Kazakhstan, Uzbekistan sign deals\n"
                  "Published: 12 September 2025, 14:05 | Updated: 12 September 2025, 16:30 | Politics\n"
                  "ASTANA, March 5 (Kazinform) - President Tokayev held talks with President Mirziyoyev.\n"
                  "The leaders discussed trade, energy and transport cooperation between the two countries.\n"
                  "They signed a memorandum on water management and an agreement on the state border.\n")
    assert unwrap(one_a_line) == one_a_line  # short paragraphs a line each, meta lines: nothing to join


WRAPS = [  # (text wrapped at 72 columns, the line break that must become a space / stay a break)
    ("The two Prime Ministers discussed trade and signed a memorandum on the Tokha-\n"
     "Chhahare Tunnel and an agreement on the Kathmandu-Kerung railway line of\n"
     "2026, the ministry said in a statement issued after the talks in Beijing.\n"
     "In my view, this has helped lift the relations between our countries to\n"
     "greater heights, the minister said at a press conference held in Kathmandu.",
     "Tokha-Chhahare", True),
    ("The two Prime Ministers discussed trade and signed a memorandum on the Tokha-\n"
     "Chhahare Tunnel and an agreement on the Kathmandu-Kerung railway line of\n"
     "2026, the ministry said in a statement issued after the talks in Beijing.\n"
     "In my view, this has helped lift the relations between our countries to\n"
     "greater heights, the minister said at a press conference held in Kathmandu.",
     "Beijing. In my view", True),
    ("The accords signed on Monday cover the fields of endowments and Islamic;\n"
     "trade, as well as financial control between the two countries' audit\n"
     "agencies, the Moroccan news agency reported on the day of the signing.\n"
     "The agreements also cover programs on cultural and artistic cooperation\n"
     "(2022-2025), youth (2023-2024), and sports (2022-2023) of both states and\n"
     "the exchange of experience between their ministries of culture and sport.",
     "Islamic; trade", True),
    ("The two leaders will witness the signing of the Agreement between the Govern-\n"
     "ment of the Republic of Singapore and the Government of Japan on Defence\n"
     "Equipment and Technology Transfer, and also of a long-term plan on the two-\n"
     "way flows of goods and services between the two economies in the Pacific.",
     "the Government of the Republic", True),  # a word broken at its hyphen: the whole word is written elsewhere
    ("The two leaders will witness the signing of the Agreement between the Govern-\n"
     "ment of the Republic of Singapore and the Government of Japan on Defence\n"
     "Equipment and Technology Transfer, and also of a long-term plan on the two-\n"
     "way flows of goods and services between the two economies in the Pacific.",
     "the two-way flows", True),  # a compound broken at its hyphen keeps it
    ("A Memorandum of Understanding on Visa Exemption was Signed\n"
     "In the framework of the meeting of the Heads of State of the two\n"
     "countries, the following documents were established in order to create\n"
     "a legal basis for cooperation between the governments of both nations\n"
     "and to widen the ties between the business communities of the two.",
     "was Signed\nIn the framework", False),
]


@pytest.mark.parametrize("text, joined, wraps", WRAPS)
def test_a_line_break_is_a_wrap_only_where_the_next_word_did_not_fit(text, joined, wraps):
    flat = normalise(text)[0]
    if wraps:
        assert joined in flat
    else:
        assert joined in flat and joined in text


PAGE = """Skip to main content
Menu
Search
English | Français

Politics
Egypt, Greece sign maritime and energy agreements
By Ahmed Hassan
Published: 12 September 2025, 14:05

CAIRO – Egyptian President Abdel Fattah al-Sisi and Greek Prime Minister Kyriakos Mitsotakis on Friday witnessed the signing of an agreement on electricity interconnection and a memorandum of understanding on migration.

The electricity agreement was signed by Egypt's Minister of Electricity Mahmoud Esmat and Greece's Minister of Environment and Energy Stavros Papastavrou.

"We are determined to deepen our strategic partnership," Mitsotakis said during a joint press conference.

Tags
Egypt
Greece
"""


def test_a_wrapped_report_under_a_page_s_menus_reads_as_its_paragraphs():
    wrapped = "\n".join("\n".join(textwrap.wrap(line, 72)) if len(line) > 72 else line for line in PAGE.split("\n"))
    assert wrapped != PAGE
    assert facts(wrapped) == facts(PAGE)
    assert len(facts(PAGE)["documents"]) == 2 and "Mahmoud Esmat" in facts(PAGE)["people"]


def test_a_list_run_into_one_line_reads_as_its_items():
    flat = ("The following documents were signed • Agreement between the Government of Kazakhstan and "
            "the Government of Uzbekistan on water management • Memorandum between the Ministry of Energy of "
            "Kazakhstan and the Ministry of Energy of Uzbekistan on renewable energy • Roadmap on trade for 2025-2027")
    assert len(normalise(flat)[0]) == len(flat)
    got = facts(flat)
    assert [t for t, _ in got["documents"]] == ["agreement", "memorandum", "roadmap"]
    assert [words[-1] for _, words in got["documents"]] == ["management", "energy", "2025-2027"]  # each ends at its bullet
    assert "Ministry of Energy of Kazakhstan" in got["parties"]


def test_a_sentence_broken_by_a_page_number_reads_whole():
    text = ("During the visit, the two Prime Ministers will witness the exchange of the Memorandum of Understanding "
            "between the Ministry of Digital of Malaysia and the Ministry of\n\n1\n\nInformation and Communications of "
            "Vietnam.\n\nWISMA PUTRA\n\n2\n\nKUALA LUMPUR")
    flat = normalise(text)[0]
    assert len(flat) == len(text)
    assert "Ministry of" in flat and "\n\n1\n\n" not in flat
    assert "WISMA PUTRA\n\n2\n\nKUALA" in flat  # a number between two lines in capitals is left alone
    parties = [s["party"] for s in parse_article(flat, "p").signatories]
    assert any(p.startswith("Ministry of") and p.endswith("Information and Communications of Vietnam") for p in parties)
