"""The sentence-level PLOVER type classifier: shipped weights load, predictions are valid
PLOVER types with probabilities, and the plain-text and parsed paths both work."""

from __future__ import annotations

import time
from importlib import resources

import numpy as np
import pytest

from dateline.events.classifier import (
    WEIGHTS_FILE,
    EventTypeClassifier,
    TokenView,
    features,
    main_chain,
    main_verb,
    resolve_yield,
    text_tokens,
)
from dateline.events.ontology import EVENT_TYPES
from dateline.nlp import make_doc

# invented sentences (not from any evaluation set)
SENTENCES = [
    ("The foreign minister accused the neighbouring government of sabotage.", "ACCUSE"),
    ("Police arrested dozens of opposition supporters in the capital on Monday.", "COERCE"),
    ("Rebels attacked an army convoy near the border, killing five soldiers.", "ASSAULT"),
    ("The prime minister held talks with his Japanese counterpart in Tokyo.", "CONSULT"),
]


@pytest.fixture(scope="module")
def model() -> EventTypeClassifier:
    return EventTypeClassifier.load()


def test_the_shipped_weights_are_small() -> None:
    raw = resources.files("dateline.data").joinpath(WEIGHTS_FILE).read_bytes()
    assert 0 < len(raw) < 2_000_000


def test_load_is_cached(model: EventTypeClassifier) -> None:
    assert EventTypeClassifier.load() is model


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_predict_gives_a_plover_type_and_a_probability(
    model: EventTypeClassifier, sentence: str, expected: str
) -> None:
    label, prob = model.predict(sentence)
    assert label in EVENT_TYPES
    assert 0.0 < prob <= 1.0


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_a_clear_trigger_gives_its_type(
    model: EventTypeClassifier, sentence: str, expected: str
) -> None:
    trigger = {"ACCUSE": "accused", "COERCE": "arrested", "ASSAULT": "attacked"}.get(expected)
    label, _ = model.predict(sentence, trigger)
    assert label == expected


def test_probabilities_sum_to_one(model: EventTypeClassifier) -> None:
    probs = model.probabilities(features(text_tokens("Troops were deployed to the border.")))
    assert probs.shape == (len(model.labels),)
    assert np.isclose(float(probs.sum()), 1.0, atol=1e-5)


def test_an_empty_sentence_still_gets_a_type(model: EventTypeClassifier) -> None:
    label, prob = model.predict("")
    assert label in EVENT_TYPES and 0.0 < prob <= 1.0


def test_predict_tokens_uses_the_parse(model: EventTypeClassifier) -> None:
    # "Officials said police detained three journalists." parsed by hand
    doc = make_doc(
        ["Officials", "said", "police", "detained", "three", "journalists", "."],
        pos=["NOUN", "VERB", "NOUN", "VERB", "NUM", "NOUN", "PUNCT"],
        lemmas=["official", "say", "police", "detain", "three", "journalist", "."],
        heads=[1, 1, 3, 1, 5, 3, 1],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "nummod", "dobj", "punct"],
    )
    label, prob = model.predict_tokens(doc[:], "detained")
    assert label == "COERCE"
    assert 0.0 < prob <= 1.0
    verb = main_verb(doc[:])
    assert verb is not None and verb.text == "detained"


def test_the_main_chain_goes_through_reporting_verbs() -> None:
    toks = [
        TokenView("Officials", "official", "NOUN", "nsubj", 1),
        TokenView("said", "say", "VERB", "ROOT", 1),
        TokenView("troops", "troop", "NOUN", "nsubj", 3),
        TokenView("withdrew", "withdraw", "VERB", "ccomp", 1),
    ]
    assert [toks[i].lemma for i in main_chain(toks)] == ["say", "withdraw"]
    assert "mlast:withdraw" in features(toks)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army released the prisoners.", "RETREAT"),
        ("The minister resigned after the protests.", "CONCEDE"),
    ],
)
def test_yield_is_split_into_todays_types(sentence: str, expected: str) -> None:
    assert resolve_yield(text_tokens(sentence)) == expected


def test_prediction_is_fast(model: EventTypeClassifier) -> None:
    sentence = SENTENCES[0][0]
    start = time.perf_counter()
    for _ in range(200):
        model.predict(sentence)
    assert (time.perf_counter() - start) / 200 < 0.005
