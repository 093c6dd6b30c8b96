"""The same report written in the styles outlets publish it in gives the same facts: hard-wrapped
at 72 columns, with HTML entities, with straight quotes, with its headline in capitals, saved as a
web page. Every sample article is rewritten each way and read again."""
from __future__ import annotations

import html
import re
import textwrap

import pytest
from conftest import SEEDS

from helpers import parse_article
from helpers.formats import HTML, TEXT, read


def wrapped(t: str) -> str:  # as e-mailed or sent by a plain-text wire
    return "\n".join("\n".join(textwrap.wrap(line, 72)) if len(line) > 72 else line for line in t.split("\n"))


def entities(t: str) -> str:  # a feed's text copied with its entities
    return t.replace("&", "&amp;").replace("“", "&#8220;").replace("”", "&#8221;").replace("’", "&#8217;") \
        .replace("«", "&laquo;").replace("»", "&raquo;")


def straight(t: str) -> str:  # a typewriter's marks
    return t.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def capitals(t: str) -> str:  # a headline in capitals
    first, sep, rest = t.partition("\n")
    return (first.upper() if len(first) < 160 and not first.rstrip().endswith(".") else first) + sep + rest


def page(t: str) -> str:  # saved as a web page, with a menu and a footer
    paras = [p.strip() for p in re.split(r"\n\s*\n", t) if p.strip()]
    body = "".join("<p>" + html.escape(p).replace("\n", "<br>\n") + "</p>\n" for p in paras[1:])
    return (f"<html><head><title>{html.escape(paras[0])}</title></head><body><nav><a href='/'>Home</a> | "
            f"<a href='/news'>News</a></nav><article><h1>{html.escape(paras[0])}</h1>\n{body}</article>"
            "<footer>© 2025 Example News. All rights reserved.</footer></body></html>")


def indented(t: str) -> str:  # paragraphs opened with a tab
    return "\n".join("\t" + line if line.strip() and i else line for i, line in enumerate(t.split("\n")))


def single_breaks(t: str) -> str:  # no blank line between paragraphs
    return re.sub(r"\n\s*\n", "\n", t)


def captions(t: str) -> str:  # a byline under the headline, photo credits between paragraphs
    first, _, rest = t.partition("\n")
    if len(first) < 160 and not first.rstrip().endswith("."):
        t = first + "\nBy Staff Reporter | Updated: 12 March 2025, 10:45\n" + rest
    paras = t.split("\n\n")
    return "\n\n".join(p + ("\n\nPhoto: press service" if i in (1, 3) else "") for i, p in enumerate(paras))


STYLES = {"wrapped": (wrapped, TEXT), "entities": (entities, TEXT), "straight": (straight, TEXT),
          "capitals": (capitals, TEXT), "page": (page, HTML), "indented": (indented, TEXT),
          "single_breaks": (single_breaks, TEXT), "captions": (captions, TEXT)}


def facts(text: str, kind: str) -> dict[str, list]:
    item = read(text.encode("utf-8"), kind)[0]
    rows = parse_article(item.text, "s")
    fold = lambda s: " ".join(straight(s).split()).lower()  # noqa: E731 - marks and wraps aside
    return {"documents": sorted((d["doc_type"], d["status"], fold(d["title"])) for d in rows.documents),
            "parties": sorted((fold(s["party"]), s["country"], s["level"]) for s in rows.signatories),
            "people": sorted((p["person"], p["title"], p["country"]) for p in rows.people),
            "quotes": sorted((q["speaker"], fold(q["text"])[:40]) for q in rows.quotes),
            "periods": sorted(str((d["start_year"], d["end_year"], d["years"])) for d in rows.durations)}


ARTICLES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("style", STYLES)
def test_a_report_in_another_outlet_s_style_gives_the_same_facts(style):
    rewrite, kind = STYLES[style]
    differ = []
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8-sig")
        if facts(rewrite(text), kind) != facts(text, TEXT):
            differ.append(path.stem)
    assert not differ, f"{style}: {differ}"
