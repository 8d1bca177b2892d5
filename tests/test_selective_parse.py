"""Selective parsing (``parse_scope = "candidates"``): parser and NER only where an event
can be, the rest of the document still annotated and its sentences intact."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.config import Settings
from dateline.errors import ConfigError
from dateline.nlp import Doc, Span, make_doc
from dateline.pipeline import Pipeline
from dateline.selective import CandidateTest, SelectiveParser, candidate_runs

TEXT = (
    "MOSCOW — The weather was mild on Tuesday.\n\n"
    "Russian President Vladimir Putin will visit India next week, the Kremlin said.\n\n"
    "The two countries signed a trade agreement in 2019. Markets were calm.\n\n"
    "Prices of wheat rose sharply."
)


def _sentences(*sents: list[str]) -> Doc:
    words = [w for s in sents for w in s]
    starts = [i == 0 for s in sents for i in range(len(s))]
    return make_doc(words, sent_starts=starts)


def test_consecutive_candidate_sentences_form_one_run() -> None:
    doc = _sentences(["a", "x", "."], ["b", "x", "."], ["c", "."], ["d", "x", "."])

    def has_x(sent: Span) -> bool:
        return any(t.text == "x" for t in sent)

    assert candidate_runs(doc, has_x) == [(0, 6), (8, 11)]


def test_no_candidate_sentence_gives_no_run() -> None:
    doc = _sentences(["a", "."], ["b", "."])
    assert candidate_runs(doc, lambda sent: False) == []


@pytest.mark.parametrize(
    ("words", "lemmas", "pos", "expected"),
    [
        (
            ["Putin", "visited", "India"],
            ["Putin", "visit", "India"],
            ["PROPN", "VERB", "PROPN"],
            True,
        ),
        (["He", "visited", "India"], ["he", "visit", "India"], ["PRON", "VERB", "PROPN"], True),
        (["Troops", "attacked", "."], ["troop", "attack", "."], ["NOUN", "VERB", "PUNCT"], True),
        (
            ["the", "countries", "agreed"],
            ["the", "country", "agree"],
            ["DET", "NOUN", "VERB"],
            True,
        ),
        (["Prices", "visited", "."], ["price", "visit", "."], ["NOUN", "VERB", "PUNCT"], False),
        (["Putin", "slept", "."], ["Putin", "sleep", "."], ["PROPN", "VERB", "PUNCT"], False),
    ],
)
def test_a_candidate_has_a_trigger_lemma_and_a_possible_actor(
    words: list[str], lemmas: list[str], pos: list[str], expected: bool
) -> None:
    doc = make_doc(words, lemmas=lemmas, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))
    test = CandidateTest(
        frozenset({"visit", "attack", "agree"}), lambda w: w in {"troop", "troops", "country"}
    )
    assert test(doc[:]) is expected


def test_with_the_event_classifier_two_possible_actors_make_a_candidate() -> None:
    words, lemmas = ["Russia", "and", "Ukraine", "slept"], ["Russia", "and", "Ukraine", "sleep"]
    doc = make_doc(
        words,
        lemmas=lemmas,
        pos=["PROPN", "CCONJ", "PROPN", "VERB"],
        sent_starts=[True] + [False] * 3,
    )
    assert not CandidateTest(frozenset({"visit"}), lambda w: False)(doc[:])
    assert CandidateTest(frozenset({"visit"}), lambda w: False, two_actors=True)(doc[:])


def test_an_unknown_parse_scope_is_refused() -> None:
    pipe = Pipeline(replace(Settings(), parse_scope="some"), stages=[])
    with pytest.raises(ConfigError):
        list(pipe.parse(["x"]))


def test_parse_scope_is_read_from_the_environment() -> None:
    settings = Settings.load(env={"DATELINE_PARSE_SCOPE": "candidates"})
    assert settings.parse_scope == "candidates"


# -- with the real model -----------------------------------------------------------------


@pytest.fixture(scope="module")
def selective() -> Pipeline:
    return Pipeline(replace(Settings(), parse_scope="candidates"))


@pytest.mark.slow
def test_candidate_sentences_are_parsed_and_the_rest_flat(selective: Pipeline) -> None:
    doc = next(selective.parse([TEXT]))
    sents = list(doc.sents)
    texts = [s.text.strip() for s in sents]
    visit = next(s for s in sents if "will visit India" in s.text)
    weather = next(s for s in sents if "weather" in s.text)
    prices = next(s for s in sents if "Prices" in s.text)
    assert "Prices of wheat rose sharply." in texts  # sentences stay whole
    assert {t.dep_ for t in visit} >= {"nsubj", "ROOT", "dobj"}
    assert any(e.label_ == "PERSON" and "Putin" in e.text for e in doc.ents)
    for flat in (weather, prices):
        assert flat.root == flat[0] and {t.dep_ for t in flat[1:]} == {"dep"}
        assert not flat.ents
        assert all(t.lemma_ and t.pos_ for t in flat)  # tagged and lemmatised all the same


@pytest.mark.slow
def test_candidate_sentences_are_annotated_as_a_full_run_would(selective: Pipeline) -> None:
    full = next(Pipeline(replace(Settings(), parse_scope="all")).parse([TEXT]))
    doc = next(selective.parse([TEXT]))
    visit = next(s for s in doc.sents if "will visit India" in s.text)
    for tok in visit:
        other = full[tok.i]
        assert (tok.pos_, tok.lemma_, tok.dep_, tok.head.i, tok.ent_type_) == (
            other.pos_,
            other.lemma_,
            other.dep_,
            other.head.i,
            other.ent_type_,
        )


@pytest.mark.slow
def test_candidates_and_all_code_the_same_events(selective: Pipeline) -> None:
    def coded(pipe: Pipeline) -> list[tuple[str, str, str]]:
        extraction = pipe.extract(TEXT, published="2024-03-04")
        return [(e.type, e.evidence.trigger, e.status) for e in extraction.events]

    expected = coded(Pipeline(replace(Settings(), parse_scope="all")))
    assert expected  # the text has events to code
    assert coded(selective) == expected


@pytest.mark.slow
def test_without_an_events_stage_everything_is_parsed() -> None:
    pipe = Pipeline(replace(Settings(), parse_scope="candidates", stages=("actors", "places")))
    doc = next(pipe.parse([TEXT]))
    prices = next(s for s in doc.sents if "Prices" in s.text)
    assert {t.dep_ for t in prices} != {"dep", "ROOT"}


@pytest.mark.slow
def test_a_batch_of_texts_comes_back_in_order(selective: Pipeline) -> None:
    texts = [TEXT, "", "Prices rose.", TEXT.replace("India", "China")]
    docs = list(selective.parse(texts))
    assert [d.text for d in docs] == texts
    assert SelectiveParser.supports(selective.language)


@pytest.mark.parametrize(
    ("pos", "expected"),
    [("VERB", True), ("NOUN", False), ("PROPN", False)],
)
def test_with_lemmas_by_part_of_speech_a_verb_trigger_counts_only_as_a_verb(
    pos: str, expected: bool
) -> None:
    words, lemmas = ["Police", "forced", "him", "out"], ["police", "force", "he", "out"]
    doc = make_doc(
        words,
        lemmas=lemmas,
        pos=["NOUN", pos, "PRON", "ADP"],
        sent_starts=[True] + [False] * 3,
    )
    test = CandidateTest(frozenset({"force"}), lambda w: False, noun_lemmas=frozenset({"strike"}))
    assert test(doc[:]) is expected
