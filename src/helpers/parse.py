"""One article's text -> its rows for every table: the layers of ``extract`` turned into rows."""
from __future__ import annotations

from dataclasses import dataclass, field

from .extract import extract
from .extract.names import same_name


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
    published, title, outlet, site) comes from sources.csv or the file itself and wins over
    what the text says."""
    meta = metadata or {}
    art = {"article_id": article_id, "file": file or f"{article_id}.txt", "status": status,
           "outlet": "", "title": "", "published": meta.get("published", ""), "event_type": "other",
           "countries": "", "n_words": len(text.split()), "url": meta.get("url", "")}
    rows = ArticleRows(art)
    if status != "ok" or not text.strip():
        return rows
    doc = extract(text, meta.get("published", ""))
    a = doc["article"][0]
    # Metadata stated outside the text (sources.csv, a feed's fields, front matter) wins; a
    # page's site name only stands in where the text credits no outlet.
    art.update(outlet=meta.get("outlet") or a["outlet"] or meta.get("site", ""),
               title=meta.get("title") or a["title"], published=art["published"] or a["published"],
               event_type=a["event_type"], countries=";".join(a["countries"]))
    names = []
    for p in doc["persons"]:
        title = "" if p["title"] == "@counterpart" else p["title"]
        rows.people.append({"article_id": article_id, "person": p["name"], "title": title,
                            "country": p["alpha3"] or "", "start": p.start, "end": p.end})
        names.append(p["name"])
    for s in doc["areas"]:
        rows.areas.append({"article_id": article_id, "area": s["area"], "mention": s["mention"],
                           "start": s.start, "end": s.end})
    ids: dict[int, str] = {}
    order: dict[str, int] = {}
    for n, d in enumerate(doc["documents"], 1):
        doc_id = f"{article_id}#{n}"
        ids[id(d)] = doc_id
        order[doc_id] = n
        rows.documents.append({"article_id": article_id, "doc_id": doc_id, "doc_type": d["type"],
                               "status": d["status"], "title": d["title"], "start": d.start, "end": d.end})
    for p in sorted(doc["parties"], key=lambda p: (order[ids[id(p["doc"])]], p.start)):
        rows.signatories.append({"article_id": article_id, "doc_id": ids[id(p["doc"])], "party": p["name"],
                                 "country": p["alpha3"] or "", "level": p["level"], "start": p.start, "end": p.end})
    for p in doc["periods"]:
        rows.durations.append({"article_id": article_id, "doc_id": ids[id(p["doc"])], "period_text": p["text"],
                               "start_year": p["start_year"], "end_year": p["end_year"], "years": p["years"],
                               "start": p.start, "end": p.end})
    # a speaker as the people layer wrote him ("President Samia") is the person of that mention
    at = {sp: p["name"] for p in doc["persons"] for sp in p["mentions"]}
    written = {m["name"]: at[(m.start, m.end)] for m in doc["people"] if (m.start, m.end) in at}
    for q in doc["quotes"]:
        speaker = written.get(q["speaker"]) or next((n for n in names if same_name(q["speaker"], n)), q["speaker"])
        rows.quotes.append({"article_id": article_id, "speaker": speaker, "text": q["text"],
                            "start": q.start, "end": q.end})
    return rows
