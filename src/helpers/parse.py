"""One article's text -> its rows for every table. The one place the extractors meet."""
from __future__ import annotations

from dataclasses import dataclass, field

from .areas import AreaMention, area_hits, find_areas, hits_in
from .articles import (
    find_countries_taking_part,
    find_event_type,
    find_outlet,
    find_published,
    find_title,
    outlet_country,
)
from .bodies import find_bodies
from .countries import find_all
from .documents import find_documents
from .parties import find_parties
from .people import find_people, take_home_country
from .periods import find_periods
from .quotes import find_quotes
from .structure import analyse


@dataclass
class ArticleRows:
    """The rows one article gives, table by table (dicts with the tables' columns)."""

    article: dict
    people: list[dict] = field(default_factory=list)
    areas: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    signatories: list[dict] = field(default_factory=list)
    durations: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)


def parse_article(text: str, article_id: str, file: str = "", status: str = "ok",
                  metadata: dict[str, str] | None = None) -> ArticleRows:
    """Every row of every table for one article's (normalised) text; ``metadata`` (url,
    published) comes from the corpus's sources.csv and wins over what the text says."""
    meta = metadata or {}
    article = {"article_id": article_id, "file": file or f"{article_id}.txt", "status": status,
               "outlet": "", "title": "", "published": meta.get("published", ""), "event_type": "other",
               "countries": "", "n_words": len(text.split()), "url": meta.get("url", "")}
    rows = ArticleRows(article)
    if status != "ok" or not text.strip():
        return rows
    layout = analyse(text)
    countries, place = find_all(text, layout.headline[1] if layout.headline else 0)
    people = find_people(text, layout, countries)
    taking_part = find_countries_taking_part(layout, countries, people)
    outlet = find_outlet(text, layout, people)
    article.update(outlet=outlet[0] if outlet else "", title=find_title(text, layout),
                   published=article["published"] or find_published(text, layout),
                   event_type=find_event_type(text, layout),
                   countries=";".join(taking_part))
    home = outlet_country(article["outlet"])
    take_home_country(people, home if home in taking_part else None)
    # sides in the order the text first names their countries (the dateline's place aside)
    named = [c for c in countries if c is not place]
    order = sorted(taking_part, key=lambda a: min((c.start for c in named if c.alpha3 == a), default=0))

    for p in people:
        rows.people.append({"article_id": article_id, "person": p.name, "title": p.title,
                            "country": p.country or "", "start": p.start, "end": p.end})

    docs = find_documents(text, layout)
    hits = area_hits(text)
    names = [p.name for p in people]
    party_areas: list[AreaMention] = []
    for n, d in enumerate(docs, 1):
        doc_id = f"{article_id}#{n}"
        rows.documents.append({"article_id": article_id, "doc_id": doc_id, "doc_type": d.doc_type,
                               "status": d.status, "title": d.title, "start": d.start, "end": d.end})
        parties = find_parties(text, layout, d, names, order)
        for party in parties:
            rows.signatories.append({"article_id": article_id, "doc_id": doc_id, "party": party.name,
                                     "country": party.country or "", "level": party.level,
                                     "start": party.start, "end": party.end})
        party_areas.extend(_shared_areas(hits, parties))
        if len(parties) >= 2 and all(p.level in ("city", "regional") for p in parties):
            # a document between cities or regions is interregional cooperation
            party_areas.append(AreaMention("interregional", d.title, d.start, d.end))
        periods = find_periods(d.title, d.start)[-1:]
        if not periods:  # "The MoU will remain in force for five years": said of it later
            periods = next((found[:1] for s, e in d.later if (found := find_periods(text[s:e], s))), [])
        if periods:
            p = periods[0]
            rows.durations.append({"article_id": article_id, "doc_id": doc_id, "period_text": p.text,
                                   "start_year": p.start_year, "end_year": p.end_year, "years": p.years,
                                   "start": p.start, "end": p.end})

    exclude = find_bodies(text) + [m for p in people for m in p.mentions[:1]]
    for a in find_areas(text, layout, hits, exclude) + party_areas:
        rows.areas.append({"article_id": article_id, "area": a.area, "mention": a.mention,
                           "start": a.start, "end": a.end})

    for q in find_quotes(text, layout, people):
        rows.quotes.append({"article_id": article_id, "speaker": q.speaker, "text": q.text,
                            "start": q.start, "end": q.end})
    return rows


def _shared_areas(hits: list[AreaMention], parties: list) -> list[AreaMention]:
    """Areas named by two or more parties of one document ("Ministry of Justice of A" and
    "Ministry of Justice of B"): their names then make the subject plain."""
    seen: dict[str, list[AreaMention]] = {}
    for party in parties:
        labels = {}
        for a in hits_in(hits, party.start, party.end):
            labels.setdefault(a.area, a)
        for area, a in labels.items():
            seen.setdefault(area, []).append(a)
    return [ms[0] for ms in seen.values() if len(ms) >= 2]
