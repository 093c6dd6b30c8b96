"""A Markdown note as plain text: its syntax taken out, every other character kept where it
was, so the offsets of the text the parser reads map back into the file."""
from __future__ import annotations

import re

from .textmap import Edit, Offsets, apply

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
FIELD = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
# Field names of front matter -> the metadata they give.
FIELDS = {"title": "title", "headline": "title", "date": "published", "published": "published",
          "url": "url", "link": "url", "source": "outlet", "outlet": "outlet", "site": "outlet", "id": "id"}

# Markup that is removed, keeping what it marks (group "keep" where there is one).
LINE_MARKS = re.compile(r"^(?P<mark>[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?(?:>[ \t]?)*))", re.M)
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.M)
RULE = re.compile(r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$", re.M)
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
LINK = re.compile(r"\[(?P<keep>[^\]\n]+)\]\((?:[^()\n]|\([^)\n]*\))*\)|\[(?P<keep2>[^\]\n]+)\]\[[^\]\n]*\]")
STRONG = re.compile(r"(?<![\w*_\\])(\*\*|__)(?=\S)(?P<keep>[^\n]+?)(?<=\S)\1(?![\w*_])")
EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(?P<keep>[^*\n]+?)(?<=[^\s*])\*(?![\w*])"
                      r"|(?<![\w_\\])_(?=[^\s_])(?P<keep2>[^_\n]+?)(?<=[^\s_])_(?![\w_])")
CODE = re.compile(r"`+")
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!>])")
REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
BULLET = re.compile(r"^([ \t]*)[*+](?=[ \t]+\S)", re.M)


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Metadata of a YAML-style front matter block at the top, and where the block ends."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    meta: dict[str, str] = {}
    for f in FIELD.finditer(m.group(1)):
        key = FIELDS.get(f.group(1).lower())
        value = f.group(2).strip().strip("\"'")
        if key and value and key not in meta:
            meta[key] = value
    return meta, m.end()


def _keep(m: re.Match) -> list[Edit]:
    """Edits removing a match's markup around the group it keeps."""
    name = "keep" if m.group("keep") is not None else "keep2"
    return [(m.start(), m.start(name), ""), (m.end(name), m.end(), "")]


def strip(text: str) -> tuple[str, Offsets | None, dict[str, str]]:
    """Plain text of a Markdown note, its offsets back into the note, and the note's front
    matter as metadata (title, published, url, outlet, id)."""
    meta, body = front_matter(text)
    edits: list[Edit] = [(0, body, "")] if body else []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return a >= body and all(b <= s or a >= e for s, e in taken)

    def add(new: list[Edit], span: tuple[int, int]) -> None:
        if free(*span):
            edits.extend(new)
            taken.append(span)

    for m in CODE.finditer(text):
        add([(m.start(), m.end(), "")], m.span())
    for m in REFERENCE.finditer(text):
        add([(m.start(), m.end(), "")], m.span())
    for m in RULE.finditer(text):
        add([(m.start(), m.end(), "")], m.span())
    for m in IMAGE.finditer(text):
        add([(m.start(), m.end(), "")], m.span())
    for m in LINK.finditer(text):
        add(_keep(m), m.span())
    for pattern in (STRONG, EMPHASIS):
        for m in pattern.finditer(text):
            new = _keep(m)
            if free(new[0][0], new[0][1]) and free(new[1][0], new[1][1]):
                edits.extend(new)
                taken.extend([(a, b) for a, b, _ in new])
    for m in LINE_MARKS.finditer(text):
        add([(m.start(), m.end(), "")], m.span())
    for m in CLOSING_HASHES.finditer(text):
        add([(m.start(), m.end(), "")], m.span())
    for m in TAG.finditer(text):
        add([(m.start(), m.end(), "\n" if m.group().lower().startswith("<br") else "")], m.span())
    for m in ESCAPE.finditer(text):
        add([(m.start(), m.end(), "")], m.span())
    for m in BULLET.finditer(text):
        add([(m.start(1) + len(m.group(1)), m.end(), "-")], (m.end() - 1, m.end()))
    plain, offsets = apply(text, edits)
    return plain, offsets, meta
