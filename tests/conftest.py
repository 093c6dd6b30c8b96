"""Shared fixtures: the project's folders and labelled phrasings from tests/cases/."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "dev"  # the 25 articles the rules were first written on
GOLD2 = ROOT / "tests" / "gold" / "dev2"  # 36 reports of other outlets and regions
CASES = ROOT / "tests" / "cases"


def cases(name: str) -> list:
    """The labelled examples of ``tests/cases/<name>.json`` as pytest params; a case with an
    ``xfail`` reason is a known miss that must fail (strict), so a fix has to promote it."""
    out = []
    for i, case in enumerate(json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))):
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        out.append(pytest.param(case, marks=marks, id=f"{i:02d}-{case['text'][:40]}"))
    return out


@pytest.fixture(scope="session", autouse=True)
def own_table_cache(tmp_path_factory):
    """Tests (and the notebook kernels they start) keep cached tables apart from the user's."""
    import os

    before = os.environ.get("HELPERS_CACHE")
    os.environ["HELPERS_CACHE"] = str(tmp_path_factory.mktemp("table-cache"))
    yield
    if before is None:
        os.environ.pop("HELPERS_CACHE", None)
    else:
        os.environ["HELPERS_CACHE"] = before


@pytest.fixture(scope="session")
def dev_tables():
    """The tables of the project's seeds (the dev corpus), built once."""
    from helpers import build_tables

    return build_tables(SEEDS)
