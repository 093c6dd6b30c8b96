"""Each early component on labelled phrasings: the text, and the spans its layer must hold
(covered text and attributes), read after the components before it have run."""
from __future__ import annotations

import pytest
from conftest import cases

from helpers.extract import PIPELINE
from helpers.extract.doc import Doc
from helpers.extract.layout import analyse


def layer_of(text: str, name: str) -> list[tuple[str, dict]]:
    """The spans of layer ``name`` after the pipeline has run up to its component."""
    doc = Doc(text, analyse(text))
    for layer, component in PIPELINE:
        doc.add(layer, component(doc))
        if layer == name:
            return [(text[s.start:s.end], s.attrs) for s in doc[name]]
    raise KeyError(name)


def check(case: dict, name: str) -> None:
    got = layer_of(case["text"], name)
    assert [g[0] for g in got] == [s[0] for s in case["spans"]], got
    for (covered, attrs), (_, expected) in zip(got, case["spans"]):
        for k, v in expected.items():
            value = list(attrs[k]) if isinstance(attrs[k], tuple) else attrs[k]
            assert value == v, (covered, k, attrs[k])


@pytest.mark.parametrize("case", cases("places"))
def test_places(case):
    check(case, "places")


@pytest.mark.parametrize("case", cases("bodies"))
def test_bodies(case):
    check(case, "bodies")


@pytest.mark.parametrize("case", cases("offices"))
def test_offices(case):
    check(case, "offices")
