"""A web page saved from the browser as its article: main text, headline, date and site name
(trafilatura), with every item of the article's lists kept."""
from __future__ import annotations

import re

MIN_TEXT = 40  # characters: a page with less main text than this is navigation only
ITEM_WORDS = 4  # list items shorter than this are menus and tags, not content

_SPACE = re.compile(r"\s+")


def _flat(s: str) -> str:
    return _SPACE.sub(" ", s).strip()


def _lost_items(html: str, text: str) -> str:
    """The text with the items of a content list put back where trafilatura dropped them: a
    list whose lead-in (the paragraph before it) is in the text keeps all its items."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, TypeError, SyntaxError):
        return text
    flat = _flat(text)
    lines = text.split("\n")
    for lst in root.iter("ul", "ol"):
        items = [_flat(li.text_content()) for li in lst.iterchildren("li")]
        missing = [i for i in items if len(i.split()) >= ITEM_WORDS and i not in flat]
        lead = lst.getprevious()
        lead_text = _flat(lead.text_content()) if lead is not None else ""
        if not missing or len(lead_text) < 20 or lead_text not in flat:
            continue
        at = next((n for n, line in enumerate(lines) if lead_text in _flat(line)), None)
        if at is None:
            continue
        lines[at + 1:at + 1] = [f"- {i}" for i in items if i not in flat]
        flat = _flat("\n".join(lines))
    return "\n".join(lines)


def extract(html: str) -> tuple[str, dict[str, str]]:
    """The article's text of a saved page (headline first) and its metadata (title,
    published, site); an empty text where the page holds no article."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_recall=True)
    if doc is None:
        return "", {}
    text = (doc.text or "").strip()
    if len(text) < MIN_TEXT:
        return "", {}
    text = _lost_items(html, text)
    meta = {"title": _flat(doc.title or ""), "published": doc.date or "", "site": _flat(doc.sitename or ""),
            "url": doc.url or ""}
    title = meta["title"]
    if title and not _flat(text.split("\n", 1)[0]).startswith(title[:40]):
        text = f"{title}\n\n{text}"
    return text, {k: v for k, v in meta.items() if v}
