"""What one line of an article is, read alone: a date line, an item of a site's menu, a page's
chrome (skip links, cookie banners), a release's label, a credit, a caption, the end of a report's
page, a list item's bullet, a line that names a document; and the lines of a text, a table's row
giving a line per cell."""
from __future__ import annotations

import re

from .lexicon import cue, expand

# a line that only dates the text ("31 May 2023, 18:11", "Wednesday, August 22, 2018", "13:27 | 16.05.2024")
DATE = re.compile(expand(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{DAY}\.?\s+{MONTH},?\s+{YEAR}|{MONTH}\s+{DAY},?\s+{YEAR}"
    r"|{YEAR}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./](?:{YEAR}|\d\d))"), re.I)
DAY_ONLY = re.compile(expand(r"(?:{MONTH}\s+{DAY}\b|\b{DAY}\.?\s+{MONTH})"), re.I)
BULLET = re.compile(r"^\s*(?:[-–—•*·▪►○◦]+|\d{1,2}[.)]|[a-z][.)]|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\))\s*(?=\S)")


def line_spans(text: str) -> tuple[list[tuple[int, int]], dict[tuple[int, int], tuple[int, int]]]:
    """The lines of ``text``; a row of a table (cells set apart by tabs) gives a line per cell.
    Also each cell's (row number, column number), rows counted from a table's first."""
    spans, cells, start, row = [], {}, 0, -1
    lines = text.split("\n")
    bars = [line.count(" | ") if " | " in line else 0 for line in lines]
    for i, line in enumerate(lines):
        parts = [(m.start(), m.end()) for m in CELL.finditer(line)] if "\t" in line else []
        if bars[i] >= 2 and bars[i] in (bars[i - 1] if i else 0, bars[i + 1] if i + 1 < len(lines) else 0) \
                and not PIPE_ROW.match(line):
            # "1 | Agreement on ... | Trade": rows of a table written with bars inside only
            parts = [(m.start(), m.end()) for m in PIPE_CELL.finditer(line)]
        if PIPE_ROW.match(line):  # "| 1 | Agreement on ... |": a table as Markdown and page readers write one
            parts = [(m.start(), m.end()) for m in PIPE_CELL.finditer(line)]
            if all(RULE_CELL.fullmatch(line[a:b]) for a, b in parts):
                spans.append((start, start + len(line)))
                cells[spans[-1]] = (-2, 0)  # the rule under the header: no cell of its own
                start += len(line) + 1
                continue
        if len(parts) == 1 and PIPE_ROW.match(line):  # "| text |": a page laid out in a table of one column
            a, b = parts[0]
            spans.append((start + a, start + b))
            row = -1
        elif len(parts) >= 2:
            row += 1
            for col, (a, b) in enumerate(parts):
                spans.append((start + a, start + b))
                cells[(start + a, start + b)] = (row, col)
        else:
            lead = len(line) - len(line.lstrip(" \t")) if line.strip() else 0  # an indented paragraph starts at its word
            spans.append((start + lead, start + len(line)))
            if line.strip():
                row = -1
        start += len(line) + 1
    return spans, cells


CELL = re.compile(r"[^\t]*[^\t\s][^\t]*")
PIPE_ROW = re.compile(r"\s*\|.*\|\s*$")
PIPE_CELL = re.compile(r"[^|\s](?:[^|]*[^|\s])?")
RULE_CELL = re.compile(r":?-{3,}:?")


# a word (with inner hyphens, apostrophes, full stops: "Al-Nahyan", "O'zbekiston", "U.S", "T.Atahallyev",
# "Dr." as one where the stop ends an abbreviation) or one mark


def is_date_line(line: str) -> bool:
    """A line that only dates or places the text ("31 May 2023, 18:11", "ASTANA, July 8")."""
    line = line.strip()
    n = len(line.split())
    if n > 10:
        return False
    if DATE.search(line) and n <= 10 and not line.endswith("."):
        return True
    return n <= 6 and bool(DAY_ONLY.search(line)) and not line.endswith(".")


def ends_sentence(line: str) -> bool:
    """True for a line that ends a sentence; a closing quote does only after a stop inside it
    ('... said: "We agree."'), not after a quoted phrase ('Hun Manet: "Cambodia welcomes investors"')."""
    line = line.rstrip()
    bare = line.rstrip("»\"”'’")
    if bare != line:
        return bare.endswith((".", "!", "?", "…", ",", ";", ":"))
    return line.endswith((".", "!", "?", "…", ":", ";", ","))


NAV_RUN = 3  # menu lines in a row that make a page's navigation


def menu_item(line: str) -> bool:
    """A line of a site's menu: one or two words ("Home", "World news"), or items set apart by
    "|" ("EN | RU | KZ"), with no sentence's end and no date."""
    line = line.strip()
    return bool(line) and (short(line, 2) or "|" in line and short(line.replace("|", " "), 8)) \
        and not ends_sentence(line) and not is_date_line(line)


def names_document(text: str, s: int, e: int) -> bool:
    """True for a line whose first words hold a document's head ("Agreement between ...",
    "Comprehensive Program of ...")."""
    from .matcher import matcher

    head = [h for h in matcher("doc_types").finditer(text, s, min(e, s + 60)) if h.row["doc_type"] != "-"]
    return bool(head) and len(text[s:head[0].start].split()) <= 3


def short(line: str, most: int) -> bool:
    return len(line.split()) <= most


CHROME = re.compile(rf"(?i)\s*(?:{cue('page_chrome')})\b")
PAGE_END = re.compile(rf"(?i)\s*(?:{cue('page_end')})\s*(?::|$)")
# a link to a file a page offers ("Roadmap 2026-2028.docx (1.2 MB)"): no line of the report
FILE_LINE = re.compile(r"(?i)[^\n]{1,200}\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|odt|rtf)\b\s*(?:\([^()\n]{0,30}\))?\s*$")
PAGE_BREAK = re.compile(rf"(?i)\s*(?:{cue('page_break')})\s*(?::|$)")
REPORT_WORDS = 10  # a line of this many words that ends a sentence is a paragraph of the report
BREADCRUMB = re.compile(r"\s*[\w’'-]+(?:\s[\w’'-]+){0,3}(?:\s*[/>»|]\s*[\w’'-]+(?:\s[\w’'-]+){0,3})+\s*")
CREDIT_LINE = re.compile(rf"(?i)\s*(?:{cue('credit_label')})\s*:")
BYLINE = re.compile(rf"\s*(?i:{cue('byline')})\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}\s*")
RELEASE_LINE = re.compile(rf"(?i)\s*(?:{cue('release_label')})\s*[.:]?\s*")  # "PRESS RELEASE", "Media release"
CAPTION = re.compile(rf"^\s*(?:{cue('caption_line')})\b|\b(?:{cue('caption_label')})\s*:", re.I)
