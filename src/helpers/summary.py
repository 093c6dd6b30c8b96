"""What the notebooks count: small frames summarising the tables, ready to print or plot.

Pure pandas, no plotting: every function takes tables (or one of them) and returns a frame
that is right for an empty corpus, one article and thousands.
"""
from __future__ import annotations

from itertools import combinations

import pandas as pd

from .extract.names import given, same_name, surname
from .extract.places import fold_accents as fold
from .tables import Tables

UNKNOWN = "(not stated)"
OTHER = "(all others)"


def counts(values: pd.Series, name: str, top: int | None = None) -> pd.DataFrame:
    """How often each value occurs, most frequent first (ties by value); missing or blank
    values count as ``(not stated)``; beyond ``top`` values the rest are summed as one row."""
    clean = values.astype("string").fillna("").str.strip().replace("", UNKNOWN)
    out = clean.value_counts().rename_axis(name).reset_index(name="count")
    out["_unstated"] = out[name] == UNKNOWN  # among equals, the unstated come last
    out = out.sort_values(["count", "_unstated", name], ascending=[False, True, True], ignore_index=True)
    out = out.drop(columns="_unstated")
    if top is not None and len(out) > top:
        rest = int(out["count"].iloc[top - 1:].sum())
        out = pd.concat([out.iloc[: top - 1], pd.DataFrame({name: [OTHER], "count": [rest]})],
                        ignore_index=True)
    out["count"] = out["count"].astype("int64")
    return out


def country_pairs(articles: pd.DataFrame) -> pd.Series:
    """Each article's countries as one label (``BLR–KAZ``); ``(not stated)`` when none."""
    def label(codes: object) -> str:
        parts = sorted(c for c in str(codes if isinstance(codes, str) else "").split(";") if c)
        return "–".join(parts) if parts else UNKNOWN

    return articles["countries"].map(label).astype("string")


def per_article(tables: Tables) -> pd.DataFrame:
    """One row per article: its status and how many people, areas, documents, signatories
    and quotes were read from it (areas counted once each)."""
    arts = tables.articles[["article_id", "status"]].copy()
    arts = arts.set_index("article_id")
    for name, col in (("people", "person"), ("areas", "area"), ("documents", "doc_id"),
                      ("signatories", "party"), ("quotes", "text")):
        frame = getattr(tables, name)
        n = frame.groupby("article_id")[col].nunique() if len(frame) else pd.Series(dtype="int64")
        arts[name] = n.reindex(arts.index).fillna(0).astype("int64")
    return arts.reset_index()


def articles_per(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """In how many articles each value of ``column`` occurs, most frequent first."""
    if frame.empty:
        return pd.DataFrame({column: pd.Series(dtype="string"), "articles": pd.Series(dtype="int64")})
    n = frame.groupby(column)["article_id"].nunique().rename("articles").reset_index()
    return n.sort_values(["articles", column], ascending=[False, True], ignore_index=True)


def canonical_people(people: pd.DataFrame) -> pd.Series:
    """Each written name -> one name per person across articles, so that "Aleksandr Lukashenko",
    "Alexander Lukashenko" and "Alexander Grigoryevich Lukashenko" count as one: names with the
    same surname (letter for letter, accents aside) and the same first name (spelling variants
    allowed) share the form written most often (the shorter among equals). A bare surname
    joins a fuller name only when just one fits. Surnames must match exactly because across
    articles near ones are often other people ("Ali Asadov", "Ali Ahmadov")."""
    written = people["person"].dropna().astype(str).str.strip()
    freq = written[written != ""].value_counts()
    names = sorted(freq.index, key=lambda n: (-int(freq[n]), len(n), n))
    groups: list[list[str]] = []
    buckets: dict[tuple[str, str], list[int]] = {}
    bare = [n for n in names if len(n.split()) == 1]
    for name in (n for n in names if len(n.split()) > 1):
        block = (given(name)[:1].lower(), _fold(surname(name)))  # compare within a block only
        for g in buckets.get(block, []):
            if same_name(groups[g][0], name):
                groups[g].append(name)
                break
        else:
            buckets.setdefault(block, []).append(len(groups))
            groups.append([name])
    for name in bare:
        fits = [g for g in groups if _fold(surname(g[0])) == _fold(name)]
        if len(fits) == 1:
            fits[0].append(name)
        else:
            groups.append([name])
    return pd.Series({n: g[0] for g in groups for n in g}, dtype="string").rename("person")


def _fold(word: str) -> str:
    """A surname to compare letter for letter: accents, case, hyphens and apostrophes aside."""
    return "".join(c for c in fold(word) if c.isalpha())


def articles_per_person(people: pd.DataFrame) -> pd.DataFrame:
    """In how many articles each person is named, variants of one name counted as one."""
    if people.empty:
        return articles_per(people, "person")
    return articles_per(people.assign(person=people["person"].map(canonical_people(people))), "person")


def articles_per_area(areas: pd.DataFrame) -> pd.DataFrame:
    """How many articles raise each area, most raised first."""
    return articles_per(areas, "area")


def area_matrix(areas: pd.DataFrame, top_articles: int | None = None) -> pd.DataFrame:
    """Article-by-area table of mention counts (areas ordered as most raised first, articles
    by how many areas they raise); ``top_articles`` keeps the articles raising most areas."""
    if areas.empty:
        return pd.DataFrame()
    m = pd.crosstab(areas["article_id"], areas["area"])
    order = articles_per_area(areas)["area"].tolist()
    m = m[order]
    breadth = (m > 0).sum(axis=1)
    rows = breadth.sort_values(ascending=False, kind="stable").index
    if top_articles is not None:
        rows = rows[:top_articles]
    return m.loc[rows].astype("int64")


def _inside(inner: pd.DataFrame, outer: pd.DataFrame) -> pd.DataFrame:
    """Pairs of rows of ``inner`` whose span lies within a span of ``outer`` of the same article."""
    if inner.empty or outer.empty:
        return pd.DataFrame(columns=[*inner.columns, *[c for c in outer.columns if c not in inner.columns]])
    pairs = inner.merge(outer, on="article_id", suffixes=("", "_outer"))
    keep = (pairs["start"] >= pairs["start_outer"]) & (pairs["end"] <= pairs["end_outer"])
    return pairs[keep.fillna(False)]


def areas_discussed_and_signed(tables: Tables) -> pd.DataFrame:
    """For each area: in how many articles it is discussed, and in how many of those a signed
    document covers it (the area is named in the document's own title): the gap is talk
    without paper."""
    discussed = articles_per_area(tables.areas).set_index("area")["articles"]
    signed = tables.documents[tables.documents["status"] == "signed"]
    covered = _inside(tables.areas, signed[["article_id", "doc_id", "start", "end"]])
    n = covered.groupby("area")["article_id"].nunique() if len(covered) else pd.Series(dtype="int64")
    out = pd.DataFrame({"discussed": discussed}).join(n.rename("signed"), how="outer")
    out = out.fillna(0).astype("int64").rename_axis("area").reset_index()
    return out.sort_values(["discussed", "signed", "area"], ascending=[False, False, True], ignore_index=True)


def documents_by_type_and_status(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents counted by type (rows, most frequent first) and status (columns)."""
    if documents.empty:
        return pd.DataFrame()
    m = pd.crosstab(documents["doc_type"], documents["status"])
    m = m.loc[m.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    order = [s for s in ("signed", "planned", "existing") if s in m.columns]
    return m[order + [c for c in m.columns if c not in order]].astype("int64")


def parties_by_level_and_country(signatories: pd.DataFrame, top_countries: int = 12) -> pd.DataFrame:
    """Distinct parties counted by level (rows) and country (columns, the ``top_countries``
    with most parties; the rest summed as ``(all others)``)."""
    if signatories.empty:
        return pd.DataFrame()
    parties = signatories.assign(country=signatories["country"].fillna("").replace("", UNKNOWN),
                                 level=signatories["level"].fillna("other"))
    parties = parties.drop_duplicates(["party", "country", "level"])
    m = pd.crosstab(parties["level"], parties["country"])
    cols = m.sum(axis=0).sort_values(ascending=False, kind="stable").index
    if len(cols) > top_countries:
        rest = m[cols[top_countries - 1:]].sum(axis=1)
        m = m[cols[: top_countries - 1]].assign(**{OTHER: rest})
    else:
        m = m[cols]
    m = m.loc[m.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    return m.astype("int64")


def party_network(signatories: pd.DataFrame, top: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Parties (nodes: party, country, documents) and links between two parties that signed
    the same document (edges: source, target, documents). With ``top``, whole documents are
    taken, those of the busiest parties first, until about ``top`` parties are in (documents
    with one party last), and every link between two parties shown is drawn. A party's name
    is its key, with the country it was most often given."""
    nodes_cols = {"party": "string", "country": "string", "documents": "int64"}
    edges_cols = {"source": "string", "target": "string", "documents": "int64"}
    if signatories.empty:
        return (pd.DataFrame({c: pd.Series(dtype=t) for c, t in nodes_cols.items()}),
                pd.DataFrame({c: pd.Series(dtype=t) for c, t in edges_cols.items()}))
    sig = signatories.assign(country=signatories["country"].fillna("").replace("", UNKNOWN))
    by_country = sig.groupby(["party", "country"]).size().reset_index(name="n")
    by_country = by_country.sort_values(["party", "n", "country"], ascending=[True, False, True])
    country = by_country.drop_duplicates("party").set_index("party")["country"]
    docs = sig.groupby("party")["doc_id"].nunique()
    nodes = pd.DataFrame({"country": country, "documents": docs}).rename_axis("party").reset_index()
    nodes = nodes.sort_values(["documents", "party"], ascending=[False, True], ignore_index=True)
    pairs = sig[["doc_id", "party"]].drop_duplicates()
    members = pairs.groupby("doc_id")["party"].agg(sorted)
    if top is not None and len(nodes) > top:
        busy = pairs.assign(n=pairs["party"].map(docs)).groupby("doc_id")["n"].agg(["size", "sum"])
        busy["linked"] = busy["size"] > 1
        order = busy.sort_values(["linked", "sum"], ascending=False, kind="stable").index
        keep: set[str] = set()
        for doc in order:
            new = set(members[doc]) - keep
            if len(keep) + len(new) > top:
                continue
            keep |= new
        nodes = nodes[nodes["party"].isin(keep)].reset_index(drop=True)
        members = members[members.map(lambda ps: set(ps) <= keep)]
    links: dict[tuple[str, str], int] = {}
    for ps in members:
        for a, b in combinations(ps, 2):
            links[(a, b)] = links.get((a, b), 0) + 1
    edges = pd.DataFrame([(a, b, n) for (a, b), n in links.items()], columns=list(edges_cols))
    return nodes.astype(nodes_cols), edges.astype(edges_cols)


def periods(tables: Tables) -> pd.DataFrame:
    """One row per document with a stated period: start and end year as stated, or worked out
    from the term (``for five years`` from the year the article was published, for a signed
    document; ``until 2030`` with a term back from the end). ``estimated`` marks years worked
    out rather than read; documents with neither year left unknown are dropped."""
    cols = ["article_id", "doc_id", "doc_type", "title", "period_text", "start_year", "end_year",
            "years", "estimated"]
    d = tables.durations
    if d.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    docs = tables.documents[["doc_id", "doc_type", "status", "title"]]
    published = pd.to_datetime(tables.articles.set_index("article_id")["published"], errors="coerce").dt.year
    rows = d.merge(docs, on="doc_id", how="left")
    out = []
    for r in rows.itertuples(index=False):
        start, end, years = r.start_year, r.end_year, r.years
        start = None if pd.isna(start) else int(start)
        end = None if pd.isna(end) else int(end)
        years = None if pd.isna(years) else int(years)
        estimated = False
        if start is None and end is not None and years:
            start, estimated = end - years + 1, True
        year_signed = published.get(r.article_id)
        if start is None and years and r.status == "signed" and pd.notna(year_signed):
            start, estimated = int(year_signed), True
        if end is None and start is not None and years:
            end, estimated = start + years - 1, True
        if start is None or end is None:
            continue
        out.append((r.article_id, r.doc_id, r.doc_type, r.title, r.period_text, start, end,
                    end - start + 1, estimated))
    frame = pd.DataFrame(out, columns=cols)
    return frame.astype({"start_year": "int64", "end_year": "int64", "years": "int64", "estimated": "bool"})


def terms(durations: pd.DataFrame) -> pd.DataFrame:
    """How many documents run for each number of years (stated, or counted from the years)."""
    if durations.empty:
        return pd.DataFrame({"years": pd.Series(dtype="int64"), "documents": pd.Series(dtype="int64")})
    years = durations["years"].astype("Float64")
    counted = (durations["end_year"] - durations["start_year"] + 1).astype("Float64")
    years = years.fillna(counted).dropna().astype("int64")
    out = years.value_counts().rename_axis("years").reset_index(name="documents")
    return out.sort_values("years", ignore_index=True)


def in_force_by_year(periods_: pd.DataFrame) -> pd.DataFrame:
    """How many documents are in force in each year, from the first start to the last end
    (years with none included, so gaps show); ``estimated`` counts those with worked-out years."""
    if periods_.empty:
        return pd.DataFrame({"year": pd.Series(dtype="int64"), "documents": pd.Series(dtype="int64"),
                             "estimated": pd.Series(dtype="int64")})
    first, last = int(periods_["start_year"].min()), int(periods_["end_year"].max())
    out = []
    for year in range(first, last + 1):
        live = periods_[(periods_["start_year"] <= year) & (periods_["end_year"] >= year)]
        out.append((year, len(live), int(live["estimated"].sum())))
    return pd.DataFrame(out, columns=["year", "documents", "estimated"]).astype("int64")
