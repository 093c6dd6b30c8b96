"""The project's own scorer: tables in a folder against gold JSON files (TABLES.md's format).

It follows the matching rules of the shared evaluation: documents pair on the word overlap of
their titles, parties on their names (or a shared name with the right country), people on
surname and first name, quotes on speaker and opening words; per table precision, recall, F1."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .tables import COLUMNS

TALLIED = ("documents", "signatories", "durations", "areas", "people", "quotes", "countries")
ACCURACIES = ("doc_type", "doc_status", "party_country", "party_level", "person_country", "person_title",
              "event_type", "outlet")
STOPWORDS = frozenset("the of and on in between a for".split())
QUOTE_MARKS = re.compile(r"[\u2018\u2019\u201c\u201d\"'`«»]")


def normalise(s: object) -> str:
    """Lower case, quote marks and punctuation out, dashes unified, no leading "the"."""
    text = "" if s is None or (isinstance(s, float) and s != s) or s is pd.NA else str(s)
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    text = QUOTE_MARKS.sub("", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def _fold(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def bag(s: object) -> set[str]:
    """The content words of a phrase, plurals folded."""
    return {_fold(w) for w in normalise(s).split()} - STOPWORDS


def overlap(a: object, b: object) -> float:
    """Dice coefficient of two phrases' content words."""
    x, y = bag(a), bag(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def same_person(gold: str, pred: object) -> bool:
    """Same surname, and same first name unless the prediction is a bare surname."""
    g, p = normalise(gold).split(), normalise(pred).split()
    return bool(g and p) and g[-1] == p[-1] and (g[0] == p[0] or len(p) == 1)


def party_score(gold: dict, pred: dict) -> float:
    d = overlap(gold["name"], pred.get("party"))
    if 0.3 <= d < 0.6 and pred.get("country") == gold["country"]:
        return 0.6
    return d


def pair_up(gold: list, pred: list, score, threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs, best scores first, at or above ``threshold``."""
    # ties go to the later indices, as in the shared scorer, so both give the same figures
    scored = sorted(((score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
                    reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, gi, pi in scored:
        if s < threshold:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Result:
    """Scores of one evaluation."""

    counts: dict[str, Count] = field(default_factory=lambda: {k: Count() for k in TALLIED})
    right: dict[str, list[bool]] = field(default_factory=lambda: {k: [] for k in ACCURACIES})
    per_article: dict[str, dict[str, Count]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    n_articles: int = 0
    evidence: list[bool] = field(default_factory=list)  # does each row's span show its value?

    def f1(self, table: str) -> float:
        return self.counts[table].prf()[2]

    def accuracy(self, name: str) -> float:
        seen = self.right[name]
        return sum(seen) / len(seen) if seen else 1.0

    @property
    def provenance(self) -> float | None:
        """Share of rows whose ``text[start:end]`` shows their value (None without the texts)."""
        return sum(self.evidence) / len(self.evidence) if self.evidence else None

    @property
    def overall_f1(self) -> float:
        return sum(self.f1(t) for t in TALLIED) / len(TALLIED)


def _read(folder: Path, name: str, problems: list[str]) -> dict[str, list[dict]]:
    path = folder / f"{name}.csv"
    by: dict[str, list[dict]] = defaultdict(list)
    if not path.exists():
        problems.append(f"{name}.csv is missing")
        return by
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS[name] if c not in df.columns]
    if missing:
        problems.append(f"{name}.csv lacks columns {missing}")
    for rec in df.to_dict("records"):
        by[rec.get("article_id", "")].append(rec)
    return by


def _int(v: object) -> int | None:
    try:
        return int(float(v))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


EVIDENCE = (("people", "person"), ("areas", "mention"), ("documents", "title"), ("signatories", "party"),
            ("durations", "period_text"), ("quotes", "text"))


def _text_of(gpath: Path, texts_dir: Path | None) -> str | None:
    """The article's text: beside the gold file, in ``texts_dir``, or in ``GOLD/../articles``."""
    for folder in (gpath.parent, texts_dir, gpath.parent.parent / "articles"):
        if folder is not None and (folder / f"{gpath.stem}.txt").is_file():
            raw = (folder / f"{gpath.stem}.txt").read_text(encoding="utf-8-sig")
            return raw.replace("\r\n", "\n").replace("\r", "\n")
    return None


def _shows(text: str, row: dict, key: str) -> bool:
    """True when the row's span shows its value (the start of it, after normalising)."""
    s, e = _int(row.get("start")), _int(row.get("end"))
    if s is None or e is None or not 0 <= s < e <= len(text):
        return False
    span, value = normalise(text[s:e]), normalise(row.get(key))
    return bool(span) and (value[:30] in span or span in value)


def score(pred_dir: Path, gold_dir: Path, texts_dir: Path | None = None) -> Result:
    """Score the CSV tables in ``pred_dir`` against every ``*.json`` in ``gold_dir``."""
    res = Result()
    t = {name: _read(pred_dir, name, res.problems) for name in COLUMNS}
    for gpath in sorted(gold_dir.glob("*.json")):
        g = json.loads(gpath.read_text(encoding="utf-8"))
        aid = g["article_id"]
        res.n_articles += 1
        local = {k: Count() for k in TALLIED}
        art = (t["articles"].get(aid) or [{}])[0]
        res.right["event_type"].append(art.get("event_type") == g["event_type"])
        res.right["outlet"].append(normalise(art.get("outlet")) == normalise(g.get("outlet")))
        pc = {c for c in (art.get("countries") or "").split(";") if c}
        local["countries"].add(len(pc & set(g["countries"])), len(pc), len(g["countries"]))
        pa = {r["area"] for r in t["areas"].get(aid, [])}
        local["areas"].add(len(pa & set(g["areas"])), len(pa), len(set(g["areas"])))

        gp, pp = g["people"], t["people"].get(aid, [])
        pairs = pair_up(gp, pp, lambda a, b: float(same_person(a["name"], b.get("person"))), 1.0)
        local["people"].add(len(pairs), len(pp), len(gp))
        for gi, pi in pairs:
            res.right["person_country"].append(pp[pi].get("country") == gp[gi]["country"])
            res.right["person_title"].append(normalise(pp[pi].get("title")) == normalise(gp[gi]["title"])
                                             or overlap(pp[pi].get("title"), gp[gi]["title"]) >= 0.75)

        gq, pq = g.get("quotes", []), t["quotes"].get(aid, [])
        pairs = pair_up(gq, pq, lambda a, b: float(same_person(a["speaker"], b.get("speaker"))
                                                   and normalise(a["text_start"])[:40] in normalise(b.get("text"))), 1.0)
        local["quotes"].add(len(pairs), len(pq), len(gq))

        gd, pd_ = g["documents"], t["documents"].get(aid, [])
        pairs = pair_up(gd, pd_, lambda a, b: overlap(a["title"], b.get("title")), 0.5)
        local["documents"].add(len(pairs), len(pd_), len(gd))
        sigs: dict[str, list[dict]] = defaultdict(list)
        for r in t["signatories"].get(aid, []):
            sigs[r.get("doc_id", "")].append(r)
        durs = {r.get("doc_id"): r for r in t["durations"].get(aid, [])}
        tp_parties = tp_periods = 0
        for gi, pi in pairs:
            res.right["doc_type"].append(pd_[pi].get("doc_type") == gd[gi]["type"])
            res.right["doc_status"].append(pd_[pi].get("status") == gd[gi]["status"])
            gparts, pparts = gd[gi]["parties"], sigs[pd_[pi].get("doc_id", "")]
            for a, b in pair_up(gparts, pparts, party_score, 0.6):
                tp_parties += 1
                res.right["party_country"].append(pparts[b].get("country") == gparts[a]["country"])
                res.right["party_level"].append(pparts[b].get("level") == gparts[a]["level"])
            r = durs.get(pd_[pi].get("doc_id"))
            d = gd[gi]
            if d["period_text"] is not None and r is not None and \
                    (_int(r.get("start_year")), _int(r.get("end_year")), _int(r.get("years"))) == \
                    (d["start_year"], d["end_year"], d["years"]):
                tp_periods += 1
        local["signatories"].add(tp_parties, sum(len(sigs[p.get("doc_id", "")]) for p in pd_),
                                 sum(len(d["parties"]) for d in gd))
        local["durations"].add(tp_periods, sum(1 for p in pd_ if p.get("doc_id") in durs),
                               sum(1 for d in gd if d["period_text"] is not None))
        for k, c in local.items():
            res.counts[k].add(c.tp, c.tp + c.fp, c.tp + c.fn)
        res.per_article[aid] = local
        text = _text_of(gpath, texts_dir)
        if text is not None:
            for name, key in EVIDENCE:
                for r in t[name].get(aid, []):
                    res.evidence.append(_shows(text, r, key))
    return res


def format_report(res: Result, per_article: bool = False) -> str:
    """Per-table precision, recall and F1, the accuracies, and the overall F1."""
    lines = []
    if per_article:
        for aid, local in res.per_article.items():
            cells = " ".join(f"{k}={c.tp}/{c.fp}/{c.fn}" for k, c in local.items() if c.tp or c.fp or c.fn)
            lines.append(f"{aid} {cells}")
    lines.append(f"{'table':<12} {'P':>6} {'R':>6} {'F1':>6}")
    for k in TALLIED:
        p, r, f = res.counts[k].prf()
        lines.append(f"{k:<12} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    lines.append("accuracy    " + "  ".join(f"{k}={res.accuracy(k):.3f}" for k in ACCURACIES))
    if res.provenance is not None:
        lines.append(f"provenance_valid={res.provenance:.3f}")
    lines.extend(f"problem: {p}" for p in res.problems)
    lines.append(f"overall_f1={res.overall_f1:.3f} over {res.n_articles} articles")
    return "\n".join(lines)
