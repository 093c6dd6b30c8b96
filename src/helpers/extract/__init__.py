"""Extraction: an article's text becomes a ``Doc`` with its layout and layers of spans, added by
a fixed sequence of components, each reading the layers before it (see ``PIPELINE``)."""
from __future__ import annotations

from collections.abc import Callable

from . import areas, article, bodies, documents, offices, parties, people, periods, places, quotes, resolve
from .doc import Doc, Layer, Span
from .layout import analyse

# (layer, component), in order: places -> bodies -> offices -> people -> documents -> parties ->
# periods -> areas -> outlet -> quotes -> article fields -> persons (the resolve step)
PIPELINE: tuple[tuple[str, Callable[[Doc], list[Span]]], ...] = (
    ("places", places.places),
    ("bodies", bodies.bodies),
    ("offices", offices.offices),
    ("people", people.people),
    ("documents", documents.documents),
    ("parties", parties.parties),
    ("periods", periods.periods),
    ("areas", areas.areas),
    ("outlet", article.outlet),
    ("quotes", quotes.quotes),
    ("article", article.article),
    ("persons", resolve.persons),
)


def extract(text: str, published: str = "") -> Doc:
    """``text`` read by every component of the pipeline, in order (``published``: the article's
    date from its metadata, where known, for telling a past signing from the reported one)."""
    doc = Doc(text, analyse(text))
    doc.cache["published"] = published
    for name, component in PIPELINE:
        doc.add(name, component(doc))
    return doc


__all__ = ["Doc", "Layer", "PIPELINE", "Span", "extract"]
