"""Bytes to the text the parser reads: encodings as they come, then one form of Unicode,
spaces and digits, with offsets that still point into the decoded text."""
from __future__ import annotations

import codecs
import html
import re
import unicodedata

from .textmap import Edit, Offsets, apply

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
CONTROL = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B))  # NUL included


class CannotDecode(ValueError):
    """The bytes are not text in any encoding tried; the message says why."""


def _plausible_share(text: str) -> float:
    """The share of characters a news text is made of: Latin, Cyrillic, common punctuation.
    (Text decoded with the wrong byte order reads as CJK: printable, but not plausible.)"""
    if not text:
        return 0.0
    good = sum(1 for c in text if (c >= " " or c in "\t\n\r\f") and (c < "\u0250" or "\u0400" <= c < "\u0530"
               or "\u2000" <= c < "\u2070"))
    return good / len(text)


def _wide(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by its zero bytes."""
    head = data[:4096]
    if head.count(0) < len(head) // 8:
        return None
    best, share = None, 0.0
    for enc in WIDE:
        unit = 4 if "32" in enc else 2
        try:
            text = data[: len(data) - len(data) % unit].decode(enc)
        except UnicodeDecodeError:
            continue
        s = _plausible_share(text[:2048])
        if s > share:
            best, share = text, s
    return best if share >= 0.97 else None


def _legacy(data: bytes) -> str:
    """A single-byte code page, biased to the genre's two: Cyrillic (cp1251) where bytes above
    127 stand side by side as letters of words do, else Western (cp1252)."""
    high = [i for i, b in enumerate(data) if b >= 0x80]
    together = sum(1 for i in high if (i + 1 < len(data) and data[i + 1] >= 0x80) or (i and data[i - 1] >= 0x80))
    if high and together / len(high) > 0.6:
        text = data.decode("cp1251", errors="replace")
        if sum("\u0400" <= c <= "\u04ff" for c in text) >= len(high) * 0.6:
            return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode(data: bytes) -> str:
    """Bytes to text: a byte-order mark first, then UTF-16/32 without one, UTF-8 (a few bad
    bytes replaced), then a legacy code page. Raises CannotDecode for binary data."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise CannotDecode(f"bad {enc} after its byte-order mark ({exc.reason})") from None
    if 0 in data[:4096]:
        wide = _wide(data)
        if wide is not None:
            return wide
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, CONTROL))
    if controls > len(sample) * 0.02:
        raise CannotDecode("binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(2, sum(b >= 0x80 for b in data) // 100):
        return text
    return _legacy(data)


# One character for another, lengths kept: spaces of every width to a space, line and
# paragraph separators to a newline, full-width digits to ASCII.
_SAME_LENGTH = {**{c: " " for c in (0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))},
                **{c: "\n" for c in (0x85, 0x2028, 0x2029, 0x0B, 0x0C)},
                **{0xFF10 + d: str(d) for d in range(10)}}
_ODD = re.compile("[" + "".join(re.escape(chr(c)) for c in _SAME_LENGTH) + "]")
# Characters that carry nothing and split words: NUL, soft hyphen, zero-width marks, BOM.
_DROP = re.compile("[\x00\u00ad\u200b-\u200d\u2060\ufeff]+")
# A letter with the combining marks after it: the stretches that NFC may compose.
_COMBINING = re.compile("[^\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
                        "[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` to ``\\n`` (the contract's text: offsets count after this)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


WRAP_WIDTH = 100  # a text hard-wrapped (e-mail, a PDF's copy, plain-text wires) has no longer lines
WRAP_SLACK = 25  # a wrapped line falls short of the width by less than a long word and a space
_LINE_END = re.compile(r"[.!?;:…][\"”’'»)]*\s*$")
_ITEM_START = re.compile(r"\s*(?:[-–—•*·▪►○◦]|\d{1,2}[.)]|\([a-z0-9ivx]{1,4}\)|[a-z][.)]\s)")


def unwrap(text: str) -> str:
    """A hard-wrapped text with its paragraphs' lines joined: each line break inside a paragraph
    (after a full line that ends no sentence, before one that opens no list item) becomes a space;
    the length stays, and so do the offsets. Each run of lines is judged on its own, so a page's
    menus and short lines above a wrapped report do not hide it."""
    lines = text.split("\n")
    if len(lines) < 4:
        return text
    width = max((len(x.rstrip()) for x in lines), default=0)
    if width > WRAP_WIDTH or width < 40:
        return text
    n = len(lines)
    inner_all = [k for k in range(n - 1) if lines[k].strip() and lines[k + 1].strip()]
    if _wrapped_run(lines, inner_all, width) >= 3:  # the text as a whole (lists of wrapped items included)
        joinable = set(inner_all)
    else:  # each run of lines on its own (a page's menus above a wrapped report)
        joinable, broken, i = set(), 0, 0
        while i < n:
            j = i  # the run of non-blank lines from line i to line j
            while j + 1 < n and lines[i].strip() and lines[j + 1].strip():
                j += 1
            found = _wrapped_run(lines, range(i, j), width)
            if found:
                joinable.update(range(i, j))
                broken += found
            i = j + 1
        if broken < 3:
            return text
    out = list(text)
    pos = 0
    vocabulary: set[str] | None = None  # the text's words, read at the first hyphen that ends a line
    for k, (a, b) in enumerate(zip(lines, lines[1:])):
        pos += len(a)
        if k in joinable and _wrapped(a, b, width) and not _ITEM_START.match(b) \
                and (not _LINE_END.search(a) or _SENTENCE_END.search(a) or a.rstrip().endswith(";") and b[:1].islower()):
            # a full line that ends a sentence goes on too ("... poverty alleviation." / "In my view, ..."),
            # and one that ends with ";" before a lower-case word ("... tourism;" / "trade, as well as")
            # "Tokha-\nChhahare": a word broken at its hyphen joins with no space (the mark is dropped later)
            if _HYPHEN_END.search(a) and b[:1].isalpha():
                out[pos] = "\u200b"
                if vocabulary is None:
                    vocabulary = set(_WORD.findall(text.lower()))
                if _broken_word(a, b, vocabulary):
                    out[pos - 1] = "\u200b"  # "Govern-" / "ment of Japan": one word broken, its hyphen goes too
            else:
                out[pos] = " "
        pos += 1
    return "".join(out)


def _broken_word(a: str, b: str, vocabulary: set[str]) -> bool:
    """True where a line's last word and the next line's first are one word broken by a hyphen
    ("Govern-" / "ment"), not a compound ("long-" / "term"): the whole word is written elsewhere in
    the text, and the next part opens in lower case."""
    head = _WORD.search(a[:-1][::-1])
    tail = _WORD.match(b)
    if not head or not tail or not b[:1].islower():
        return False
    return (head.group()[::-1] + tail.group()).lower() in vocabulary


def _wrapped_run(lines: list[str], inner, width: int) -> int:
    """The number of full lines that break mid-sentence among ``inner`` (lines another follows), or
    0 where they do not read as wrapped: one short paragraph a line, a list, a table of one-liners."""
    inner = list(inner)
    full = [k for k in inner if len(lines[k].rstrip()) >= width - WRAP_SLACK]
    broken = [k for k in full if not _LINE_END.search(lines[k])]
    return len(broken) if broken and len(full) >= 0.5 * len(inner) and len(broken) >= 0.5 * len(full) else 0


_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)]*\s*$")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def _wrapped(a: str, b: str, width: int) -> bool:
    """True where the break after line ``a`` is a wrap: the next line's first word would not have
    fitted on it ("... was Signed" / "In the framework" is a heading over a paragraph, not a wrap)."""
    a = a.rstrip()
    first = b.split()[0]
    return len(a) + (0 if a.endswith("-") else 1) + len(first) > width - 2


# a page's number between two halves of one sentence (a PDF's copy): "... and the Ministry of" / "1" /
# "Information and Communications of Vietnam."
_PAGE_BREAK = re.compile(r"(?<=[A-Za-z,;])[ \t]*\n\s*(?:[Pp]age\s+)?[-–]?\s*\d{1,3}\s*[-–]?(?:\s+of\s+\d{1,3})?[ \t]*\n\s*(?=[a-z]|[A-Z][a-z]+\s+[a-z])")


def page_breaks(text: str) -> str:
    """A sentence broken by a page's number joined again, same length: the number and the breaks
    around it become spaces where the text before stops mid-sentence and goes on after it."""
    if "\n" not in text:
        return text
    return _PAGE_BREAK.sub(lambda m: " " * len(m.group()), text)


_INLINE_BULLET = re.compile(r"(?<=\S)[ \t](?=[•▪●◦‣][ \t])")


def inline_bullets(text: str) -> str:
    """A list run into one line (a feed's text with its breaks lost: "... signed: • Agreement on
    A; • Memorandum on B"): a break before each bullet, where a line holds two or more; same length."""
    if "•" not in text and "▪" not in text and "●" not in text:
        return text
    out = []
    for line in text.split("\n"):
        if len(_INLINE_BULLET.findall(line)) >= 2:
            line = _INLINE_BULLET.sub("\n", line)
        out.append(line)
    return "\n".join(out)


_WORD = re.compile(r"[^\W\d_]+")
_SMALL = frozenset("a an the of and or on in at to for with by from as over into amid after".split())


def headline_case(text: str) -> str:
    """A headline written in capitals ("INDONESIA, UAE INK 11 AGREEMENTS ON ENERGY") in title case
    ("Indonesia, UAE INK 11 Agreements on Energy"), so its names, offices and states read as in the
    body; words of three letters or fewer stay (UAE, PM), and so does the length. A text all in
    capitals stays as it is."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end]
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 12 or any(c.islower() for c in letters) or not any(c.islower() for c in text[end:end + 2000]):
        return text

    def case(m: re.Match[str]) -> str:
        w, low = m.group(), m.group().lower()
        prev = line[m.start() - 1] if m.start() else ""
        if prev in ("'", "’") or low in _SMALL and prev == " ":
            new = low  # "PM'S" -> "PM's", "OF" -> "of"
        elif len(w) <= 3:
            new = w
        else:
            new = w[0] + w[1:].lower()
        return new if len(new) == len(w) else w

    return text[:start] + _WORD.sub(case, line) + text[end:]


_ENTITY = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def normalise(text: str) -> tuple[str, Offsets | None]:
    """The text in one form: NFC, one kind of space, no invisible characters, ASCII digits;
    with the offsets back into ``text`` (None where its length did not change)."""
    if _ODD.search(text):  # most texts have none: translating char by char costs more than looking
        text = text.translate(_SAME_LENGTH)
    text = headline_case(unwrap(page_breaks(inline_bullets(text))))
    edits: list[Edit] = [(m.start(), m.end(), "") for m in _DROP.finditer(text)]
    if "&" in text:  # "&#8220;Trade&#8221; &amp; ...": a feed's or a page's text copied with its entities
        edits += [(m.start(), m.end(), html.unescape(m.group()).translate(_SAME_LENGTH))
                  for m in _ENTITY.finditer(text) if html.unescape(m.group()) != m.group()]
    if not unicodedata.is_normalized("NFC", text):
        for m in _COMBINING.finditer(text):
            composed = unicodedata.normalize("NFC", m.group())
            if composed != m.group():
                edits.append((m.start(), m.end(), composed))
    return apply(text, edits)
