"""Where quotes are: the marks that open and close them (curly, angled, low-high, straight double
and single) and the segments of a paragraph they enclose, unbalanced marks at either end included;
who said them is read by :mod:`.quotes`."""
from __future__ import annotations

import re

OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’", "'": "'"}
# "spoke of the 'solid foundation' linking ...": a few lower-case words between straight single quotes
QUOTED_PHRASE = re.compile(r"'[a-z][^'\n]{0,100}?[a-z]'(?![\w])")
MARKS = re.compile("[“”«»„\"‘’']")  # the marks that open or close a quote


def segments(text: str, s: int, e: int, sentence_starts: list[int] = ()) -> list[tuple[int, int, bool, bool]]:
    """(start, end, opened, closed) of each quoted segment of ``text[s:e]`` (one paragraph); a
    closing mark never opened closes a quote from the paragraph's start or, after another quote,
    from the first sentence after it."""
    out: list[tuple[int, int, bool, bool]] = []
    open_at, closer = None, ""
    phrase = False  # a straight single quote opened before a lower-case word: a phrase quoted ('solid foundation')
    last_end = s
    for m in MARKS.finditer(text, s, e):
        i = m.start()
        ch = text[i]
        if open_at is None:
            if ch in OPENERS and _opens(text, i, s, e):
                open_at, closer = i, OPENERS[ch]
                phrase = False
            elif ch == "'" and QUOTED_PHRASE.match(text, i, e) and (i == s or text[i - 1].isspace()):
                open_at, closer, phrase = i, "'", True
            elif ch in "”»\"" and _closes(text, i, s, e) and i > last_end and (
                    text[i - 1:i] in ",.!?…" or not text[i + 1:e].strip(" .,;!?")):
                start = last_end if not out else next((x for x in sentence_starts if last_end <= x < i), None)
                if start is not None:
                    out.append((start, i, False, True))  # closed, never opened
                last_end = i + 1
        elif ch == closer and (_closes(text, i, s, e) or phrase and text[i - 1].isalpha() and not text[i + 1:i + 2].isalnum()) \
                or ch in "”»" and closer in "”»\"" and ch != closer and _closes(text, i, s, e):
            out.append((open_at + 1, i, True, True))
            last_end = i + 1
            open_at = None
    if open_at is not None:
        out.append((open_at + 1, e, True, False))
    return out


def closing_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> dict[int, int]:
    """Paragraphs inside a quote left open by an earlier one (no mark of their own, or only the
    closing one): paragraph number -> where its quoted words end. A run counts only where a later
    paragraph closes it before opening anything."""
    out: dict[int, int] = {}
    run: list[int] = []
    for n, (ps, pe) in enumerate(paragraphs):
        first = MARKS.search(text, ps, pe)
        if first is None:
            run.append(n)
            continue
        i = first.start()
        if text[i] in "”»\"" and _closes(text, i, ps, pe) and not (text[i] in OPENERS and _opens(text, i, ps, pe)):
            for k in run:
                out[k] = paragraphs[k][1]
            out[n] = i
        run = []
    return out


def _opens(text: str, i: int, s: int, e: int) -> bool:
    before = text[i - 1] if i > s else " "
    after = text[i + 1] if i + 1 < e else " "
    if text[i] in "“«„":
        return not after.isspace()
    if text[i] == "'":  # a straight single quote opens only a sentence ("'We have solved ...,' he said")
        return (before.isspace() or before in "([{—–-/:") and after.isupper()
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _closes(text: str, i: int, s: int, e: int) -> bool:
    before = text[i - 1] if i > s else " "
    after = text[i + 1] if i + 1 < e else " "
    if text[i] == "’":
        return not before.isspace() and not after.isalnum()
    if text[i] == "'":  # not an apostrophe ("Mirziyoyev's", "countries' ties"): after a stop or a comma
        return before in ",.!?…" and not after.isalnum()
    return not before.isspace() or text[i] in "”»"


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "“«\"„‘'-–—.,;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "”“»\"’',"):
        e -= 1
    return s, e
