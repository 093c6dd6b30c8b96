"""What the notebooks chart, in plain words: the frames of ``summary`` with labels, countries,
sides and articles named as a reader knows them (no codes, no bare ids), and the colours that
go with them (one per country, everywhere)."""
from __future__ import annotations

import pandas as pd

from . import summary
from .display import NOT_STATED, article_names, countries_name, country_colour, country_name, label_name
from .tables import Tables



def _named_counts(values: pd.Series, kind: str, name: str) -> pd.DataFrame:
    return summary.counts(values.map(lambda v: label_name(kind, v)), name)


def statuses(tables: Tables) -> pd.DataFrame:
    """Articles by status (reasons shortened); no rows where every file has the same one: a
    single bar says nothing (``one_status`` says it in words)."""
    if tables.articles["status"].nunique() <= 1:
        return summary.counts(pd.Series([], dtype="string"), "status")
    status = tables.articles["status"].astype("string").str.replace(r"^duplicate of .*", "duplicate", regex=True)
    return summary.counts(status.str.replace(r"\s*\(.*$", "", regex=True), "status")


def one_status(tables: Tables) -> str:
    """What the status chart would show when it shows nothing."""
    n = len(tables.articles)
    if n == 0:
        return "the corpus has no articles"
    status = str(tables.articles["status"].iloc[0])
    return f"all {n:,} files were parsed" if status == "ok" else f"all {n:,} files have the status '{status}'"


def outlets(tables: Tables) -> pd.DataFrame:
    """Articles by outlet, one name per outlet."""
    return summary.counts(tables.articles["outlet_name"], "outlet")


def event_types(tables: Tables) -> pd.DataFrame:
    """Articles by kind of meeting, by plain name."""
    return _named_counts(tables.articles["event_type"], "event_type", "kind of meeting")


def country_pairs(tables: Tables) -> pd.DataFrame:
    """Articles by the countries taking part ("Belarus – Kazakhstan")."""
    return summary.counts(tables.articles["countries"].map(countries_name), "countries")


def people_by_country(tables: Tables) -> pd.DataFrame:
    """Mentions of people by the country they serve ("Kazakhstan (KAZ)")."""
    return summary.counts(tables.people["country"].map(lambda c: country_name(c)), "country")


def per_article(tables: Tables) -> pd.DataFrame:
    """Documents, areas, people per article, the article named by outlet, headline and date."""
    per = summary.per_article(tables)
    per.insert(0, "article", per["article_id"].map(article_names(tables.articles)))
    return per.sort_values(["documents", "areas"], ascending=False, ignore_index=True)


def areas(tables: Tables) -> pd.DataFrame:
    """Articles raising each area, by plain name."""
    out = summary.articles_per_area(tables.areas)
    return out.assign(area=out["area"].map(lambda a: label_name("area", a)))


def area_matrix(tables: Tables, top_articles: int | None = None) -> pd.DataFrame:
    """Article-by-area mentions, articles and areas named."""
    m = summary.area_matrix(tables.areas, top_articles)
    if m.empty:
        return m
    names = article_names(tables.articles, width=40)
    m.index = [names.get(str(a), str(a)) for a in m.index]
    m.columns = [label_name("area", a) for a in m.columns]
    return m


def discussed_and_signed(tables: Tables) -> pd.DataFrame:
    """Areas discussed, and covered by a signed document, by plain name."""
    out = summary.areas_discussed_and_signed(tables)
    return out.assign(area=out["area"].map(lambda a: label_name("area", a)))


def documents_by_type(tables: Tables) -> pd.DataFrame:
    """Documents by type (rows) and status (columns), by plain names."""
    m = summary.documents_by_type_and_status(tables.documents)
    if m.empty:
        return m
    m.index = [label_name("doc_type", t) for t in m.index]
    m.columns = [label_name("status", s) for s in m.columns]
    return m


def parties_by_level(tables: Tables) -> tuple[pd.DataFrame, dict[str, str]]:
    """Distinct sides (one per key) by level and country, named; and each country's colour."""
    sig = tables.signatories
    if sig.empty:
        return pd.DataFrame(), {}
    m = summary.parties_by_level_and_country(sig.assign(party=sig["party_key"]))
    m.index = [label_name("level", lv) for lv in m.index]
    codes = list(m.columns)
    m.columns = [country_name(c) if c not in (summary.UNKNOWN, summary.OTHER) else c for c in codes]
    colours = {name: (country_colour(code) if name != code else "#b0b0b0") for name, code in zip(m.columns, codes)}
    return m, colours


def party_network(tables: Tables, top: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The network of sides, one node per side (its key), shown by its name."""
    sig = tables.signatories
    nodes, edges = summary.party_network(sig.assign(party=sig["party_name"]), top=top)
    return nodes, edges


def timeline(tables: Tables) -> pd.DataFrame:
    """Documents with a period, labelled by title and their sides' countries (the chart wraps them)."""
    periods = summary.periods(tables)
    if periods.empty:
        return periods.assign(label=pd.Series(dtype="string"), doc_type_name=pd.Series(dtype="string"))
    sides = tables.signatories.groupby("doc_id")["country"].agg(lambda s: ";".join(sorted(set(s.dropna()))))
    arts = tables.articles.set_index("article_id")["countries"]
    label = []
    for r in periods.itertuples(index=False):
        codes = sides.get(r.doc_id) or arts.get(r.article_id) or ""
        where = countries_name(codes, sep="–") if codes else ""
        label.append(f"{r.title} ({where})" if where and where != NOT_STATED else str(r.title))
    return periods.assign(label=label, doc_type_name=periods["doc_type"].map(lambda t: label_name("doc_type", t)))


def over_time(tables: Tables, freq: str = "year", top_pairs: int = 6) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Meetings (articles) and signed documents per period of publication (``year`` or
    ``month``), by country pair (the ``top_pairs`` most frequent; the rest as all others)."""
    arts = tables.articles[tables.articles["status"] == "ok"]
    when = pd.to_datetime(arts["published"], errors="coerce")
    period = when.dt.strftime("%Y" if freq == "year" else "%Y-%m")
    pairs = arts["countries"].map(countries_name)
    frame = pd.DataFrame({"article_id": arts["article_id"], "period": period, "pair": pairs}).dropna(subset=["period"])
    if frame.empty:
        return pd.DataFrame(), pd.DataFrame()
    top = frame["pair"].value_counts().index[:top_pairs]
    frame["pair"] = frame["pair"].where(frame["pair"].isin(top), summary.OTHER)
    signed = tables.documents[tables.documents["status"] == "signed"].groupby("article_id").size()
    frame["signed"] = frame["article_id"].map(signed).fillna(0).astype("int64")
    meetings = pd.crosstab(frame["period"], frame["pair"])
    if freq == "year":  # years with no meeting stay on the axis, so gaps show
        years = [str(y) for y in range(int(meetings.index.min()), int(meetings.index.max()) + 1)]
        meetings = meetings.reindex(years, fill_value=0)
    documents = frame.pivot_table(index="period", columns="pair", values="signed", aggfunc="sum", fill_value=0)
    order = [p for p in [*top, summary.OTHER] if p in meetings.columns]
    documents = documents.reindex(index=meetings.index, columns=order, fill_value=0)
    return meetings[order].astype("int64"), documents.astype("int64")


def pair_matrix(tables: Tables) -> pd.DataFrame:
    """Signed documents between each pair of countries (by their sides' countries, else the
    article's), both ways, countries named."""
    docs = tables.documents[tables.documents["status"] == "signed"]
    if docs.empty:
        return pd.DataFrame()
    sides = tables.signatories.groupby("doc_id")["country"].agg(lambda s: sorted(set(s.dropna())))
    arts = tables.articles.set_index("article_id")["countries"].astype("string").fillna("")
    counts: dict[tuple[str, str], int] = {}
    for r in docs.itertuples(index=False):
        codes = sides.get(r.doc_id) or [c for c in str(arts.get(r.article_id, "")).split(";") if c]
        for a in codes:
            for b in codes:
                if a < b:
                    counts[(a, b)] = counts.get((a, b), 0) + 1
    if not counts:
        return pd.DataFrame()
    names = sorted({c for pair in counts for c in pair}, key=lambda c: -sum(n for p, n in counts.items() if c in p))
    m = pd.DataFrame(0, index=[country_name(c, False) for c in names], columns=[country_name(c, False) for c in names])
    for (a, b), n in counts.items():
        m.loc[country_name(a, False), country_name(b, False)] = n
        m.loc[country_name(b, False), country_name(a, False)] = n
    return m.astype("int64")
