"""Coreference with hand-built Docs: no model, the parse given."""

from __future__ import annotations

from dateline.actors.coref import resolve
from dateline.actors.mentions import RawMention
from tests.handmade import doc_from

# "Xi Jinping visited Moscow . He met Putin . The two leaders signed deals ."
ROWS = [
    ("Xi", "NNP", "PROPN", "compound", 1, "Xi"),
    ("Jinping", "NNP", "PROPN", "nsubj", 1, "Jinping"),
    ("visited", "VBD", "VERB", "ROOT", 0, "visit"),
    ("Moscow", "NNP", "PROPN", "dobj", -1, "Moscow"),
    (".", ".", "PUNCT", "punct", -2, "."),
    ("He", "PRP", "PRON", "nsubj", 1, "he"),
    ("met", "VBD", "VERB", "ROOT", 0, "meet"),
    ("Putin", "NNP", "PROPN", "dobj", -1, "Putin"),
    (".", ".", "PUNCT", "punct", -2, "."),
    ("The", "DT", "DET", "det", 2, "the"),
    ("two", "CD", "NUM", "nummod", 1, "two"),
    ("leaders", "NNS", "NOUN", "nsubj", 1, "leader"),
    ("signed", "VBD", "VERB", "ROOT", 0, "sign"),
    ("deals", "NNS", "NOUN", "dobj", -1, "deal"),
    (".", ".", "PUNCT", "punct", -2, "."),
]


def _mention(
    doc: object,
    i: int,
    j: int,
    kind: str,
    name: str,
    country: str | None,
    sector: str | None = None,
) -> RawMention:
    span = doc[i:j]  # type: ignore[index]
    return RawMention(
        span.start_char,
        span.end_char,
        i,
        j,
        span.text,
        kind,
        name,
        country,
        sector,
        None,
        head=j - 1,
    )


def _doc_and_mentions() -> tuple[object, list[RawMention]]:
    doc = doc_from(ROWS, sentences=(5, 9))
    mentions = [
        _mention(doc, 0, 2, "person", "Xi Jinping", "CHN", "GOV"),
        _mention(doc, 5, 6, "pronoun", "he", None),
        _mention(doc, 7, 8, "person", "Vladimir Putin", "RUS", "GOV"),
        _mention(doc, 11, 12, "nominal", "leaders", None),
    ]
    return doc, mentions


def test_a_pronoun_takes_the_latest_subject_person() -> None:
    doc, raw = _doc_and_mentions()
    out = resolve(doc, raw)  # type: ignore[arg-type]
    he = next(m for m in out if m.text == "He")
    assert he.entity.name == "Xi Jinping" and he.entity.country == "CHN"
    assert he.kind == "pronoun"


def test_the_two_leaders_are_the_two_latest_people() -> None:
    doc, raw = _doc_and_mentions()
    out = resolve(doc, raw)  # type: ignore[arg-type]
    leaders = {m.entity.name for m in out if m.text == "leaders"}
    assert leaders == {"Xi Jinping", "Vladimir Putin"}


def test_a_bare_surname_joins_the_full_name_given_later() -> None:
    doc = doc_from(ROWS)
    raw = [
        _mention(doc, 1, 2, "person", "Jinping", None),
        _mention(doc, 0, 2, "person", "Xi Jinping", "CHN", "GOV"),
    ]
    out = resolve(doc, raw)
    assert len({m.cluster for m in out}) == 1
    assert all(m.entity.country == "CHN" for m in out)
