"""Typing a known dyad: the parse features between two parties (hand-built Docs), where
the parties are in the text, how rules and classifier combine, and the real thing end to end."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.events.classifier import EventTypeClassifier
from dateline.events.dyad import DyadQuery, DyadTyper, dyad_features, locate
from dateline.records import Entity, Event, EventDate, Evidence
from tests.handmade import doc_from

# "Chile recalled its envoy from Peru ."
RECALL = [
    ("Chile", "NNP", "PROPN", "nsubj", 1, "Chile"),
    ("recalled", "VBD", "VERB", "ROOT", 0, "recall"),
    ("its", "PRP$", "PRON", "poss", 1, "its"),
    ("envoy", "NN", "NOUN", "dobj", -2, "envoy"),
    ("from", "IN", "ADP", "prep", -3, "from"),
    ("Peru", "NNP", "PROPN", "pobj", -1, "Peru"),
    (".", ".", "PUNCT", "punct", -5, "."),
]


def test_dyad_features_read_the_path_between_the_parties() -> None:
    doc = doc_from(RECALL)
    source = (0, 5)
    target = (doc.text.index("Peru"), doc.text.index("Peru") + 4)
    feats = dyad_features(doc, source, target)
    assert "sdep:nsubj" in feats
    assert "tdep:pobj:from" in feats
    assert "lca:recall" in feats
    assert "sv:recall" in feats and "tv:recall" in feats
    assert {"bw:recall", "bw:envoy"} <= set(feats)


def test_a_party_outside_the_parse_gives_no_dyad_features() -> None:
    assert dyad_features(doc_from(RECALL), (0, 5), None) == ["dy:none"]


@pytest.mark.parametrize(
    ("party", "expected"),
    [("Peru", (30, 34)), ("peru", (30, 34)), ((0, 5), (0, 5)), (None, None)],
)
def test_locate_finds_a_party_by_its_words_or_offsets(
    party: str | tuple[int, int] | None, expected: tuple[int, int] | None
) -> None:
    assert locate("Chile recalled its envoy from Peru.", party, "target") == expected


@pytest.mark.parametrize("party", ["Bolivia", (30, 90), (5, 2), "  "])
def test_locate_names_a_party_that_is_not_there(party: str | tuple[int, int]) -> None:
    with pytest.raises(InputError, match="source"):
        locate("Chile recalled its envoy from Peru.", party, "source")


@given(st.text(min_size=1, max_size=60), st.data())
def test_locate_returns_offsets_of_the_words_given(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    words = text[start:end]
    if not words.strip():
        return
    lo, hi = locate(text, words, "source")  # type: ignore[misc]
    assert text[lo:hi].lower() == words.strip().lower()


def _classifier(label: str, strength: float) -> EventTypeClassifier:
    """A one-feature model that says ``label`` with a probability set by ``strength``."""
    labels = ["ACCUSE", "AGREE", "AID", "REJECT", "SANCTION", "YIELD"]
    weights = np.zeros((1, len(labels)), dtype=np.float32)
    weights[0, labels.index(label)] = strength
    bias = np.zeros(len(labels), dtype=np.float32)
    return EventTypeClassifier(["sdep:nsubj"], labels, weights, bias)


def _event(doc_text: str, etype: str) -> Event:
    chile = Entity("Chile", "Chile", "CHL", start=0, end=5)
    return Event(
        id="e1",
        type=etype,
        mode=None,
        cameo=None,
        actor=(chile,),
        recipient=(),
        status="occurred",
        date=EventDate(None, None, None, None, "publication"),
        place=None,
        evidence=Evidence(doc_text, 0, len(doc_text), "recalled"),
        score=None,
        quad=None,
        confidence=0.5,
    )


@pytest.mark.parametrize(
    ("rule", "label", "strength", "expected", "basis"),
    [
        ("SANCTION", "SANCTION", 5.0, "SANCTION", "rules"),  # they agree
        ("SANCTION", "ACCUSE", 0.1, "SANCTION", "rules"),  # the classifier is unsure
        ("SANCTION", "ACCUSE", 9.0, "ACCUSE", "classifier"),  # it is sure and disagrees
        ("RETREAT", "YIELD", 9.0, "RETREAT", "rules"),  # PLV's YIELD is our RETREAT
        (None, "ACCUSE", 0.1, "ACCUSE", "classifier"),  # the rules found nothing
    ],
)
def test_rules_keep_their_type_unless_the_classifier_is_sure_otherwise(
    rule: str | None, label: str, strength: float, expected: str, basis: str
) -> None:
    doc = doc_from(RECALL)
    events = [_event(doc.text, rule)] if rule is not None else []
    typer = DyadTyper(_classifier(label, strength))
    coded = typer.code(doc, events, (0, 5), (30, 34))
    assert (coded.type, coded.basis) == (expected, basis)
    assert coded.cameo and coded.quad  # every type has its CAMEO code and quad class
    assert coded.to_json()["type"] == expected


@pytest.mark.slow
def test_code_dyad_types_a_sentence_with_the_real_model(pipeline: Any) -> None:
    coded = pipeline.code_dyad(
        "Norway expelled three Russian diplomats on Thursday.", "Norway", "Russian diplomats"
    )
    assert coded.type == "SANCTION"
    assert coded.event is not None and [a.country for a in coded.event.actor] == ["NOR"]


@pytest.mark.slow
def test_a_query_without_its_party_fails_alone(pipeline: Any) -> None:
    queries = [
        DyadQuery("Norway expelled three Russian diplomats.", "Norway", None, "a"),
        DyadQuery("Norway expelled three Russian diplomats.", "Sweden", None, "b"),
        DyadQuery("Kenyan police arrested twelve protesters.", "Kenyan police", None, "c"),
    ]
    out = list(pipeline.code_dyads(queries))
    assert [getattr(o, "type", None) for o in out] == ["SANCTION", None, "COERCE"]
    assert "Sweden" in out[1].reason and out[1].source == "b"
