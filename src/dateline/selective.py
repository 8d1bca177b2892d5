"""Selective parsing: the dependency parser and NER only where an event can be.

With ``parse_scope = "candidates"`` a batch of texts is processed in two passes:

1. every component except the parser and NER (tok2vec, tagger, attribute_ruler,
   lemmatizer), with sentence boundaries from the model's ``senter`` plus dateline's
   paragraph breaker;
2. the parser, the attribute ruler's rules that read the parse ("has" as an auxiliary is
   AUX; :func:`~dateline.nlp.parse_dependent_ruler`) and NER over the *candidate*
   sentences only, i.e. those with a word of the event trigger lexicon and a possible
   actor (a proper noun, a pronoun or a sector noun such as "troops"), as one
   sub-document per run of consecutive candidate sentences that reuses pass 1's tags and
   token vectors (the parser listens to the shared ``tok2vec``).

Their heads, labels, entities, POS and morphology are copied back into the document, so
candidate sentences are annotated as a full run would, but for the lemma of the rare verb
that the parse makes an auxiliary ("having" keeps "have"). Every other sentence
gets a flat tree (its first token the root, every other token a ``dep`` of it) and no
entities, so sentence boundaries stay those of pass 1. Parser and NER are most of spaCy's
time, and about half of a news text's tokens lie outside candidate sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from typing import Any

import numpy as np

from dateline.config import Settings
from dateline.nlp import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    MORPH,
    PARAGRAPH_BREAKER,
    POS,
    SENT_START,
    TAG,
    Doc,
    Language,
    Span,
    Token,
    parse_dependent_ruler,
)

__all__ = ["PARSE_SCOPES", "CandidateTest", "SelectiveParser", "candidate_runs"]

PARSE_SCOPES = ("all", "candidates")
#: Components that pass 1 leaves out (pass 2 runs them, and those after them).
SECOND_PASS = ("parser", "ner")
#: What pass 2 sets and is copied back.
COPIED = [HEAD, DEP, ENT_IOB, ENT_TYPE, POS, MORPH]
#: What a sub-document takes from pass 1.
CARRIED = [TAG, POS, MORPH, SENT_START]
#: Components pass 1 may run; a pipeline with any other is processed in full.
FIRST_PASS = frozenset(
    {"tok2vec", "tagger", "morphologizer", "attribute_ruler", "lemmatizer", "senter"}
)
#: A possible actor by its part of speech ("Russia", "he", "they").
ACTOR_POS = frozenset({"PROPN", "PRON"})
#: Sub-documents per parser/NER call: large batches keep the models' matrices wide.
SECOND_PASS_BATCH = 256
FLAT_DEP = "dep"
ENT_OUTSIDE = 2  # spaCy's IOB code for "O"


class CandidateTest:
    """Whether a sentence can hold an event: a trigger lemma and a possible actor.

    Generous on purpose (a sentence wrongly skipped is an event lost); mirrors the
    events coder's own first filter (a lemma of ``all_trigger_lemmas``).
    """

    def __init__(
        self,
        lemmas: frozenset[str],
        is_actor_word: Callable[[str], bool],
        *,
        two_actors: bool = False,
        noun_lemmas: frozenset[str] | None = None,
    ) -> None:
        self.lemmas = lemmas
        self.noun_lemmas = noun_lemmas
        """With noun lemmas given, ``lemmas`` count only on verbs and these only on nouns
        (the coder codes nothing else); without, any word with a lemma counts."""
        self._is_actor_word = cache(is_actor_word)
        self.two_actors = two_actors
        """Also a sentence with no trigger but two possible actors (the event classifier
        codes such sentences)."""

    @classmethod
    def for_settings(cls, settings: Settings) -> CandidateTest:
        from dateline.actors.mentions import PERSON_NOUNS, SIDE_NOUNS
        from dateline.actors.user_kb import knowledge_base
        from dateline.events.lexicon import trigger_lemmas_by_pos

        kb = knowledge_base(settings)
        nouns = PERSON_NOUNS | SIDE_NOUNS  # "his counterpart", "the two countries"

        def is_actor_word(word: str) -> bool:
            return word in nouns or kb.sector_term(word) is not None

        verb_triggers, noun_triggers = trigger_lemmas_by_pos()
        return cls(
            verb_triggers,
            is_actor_word,
            two_actors=settings.event_classifier,
            noun_lemmas=noun_triggers,
        )

    def __call__(self, sent: Span) -> bool:
        if any(self._trigger(t) for t in sent):
            return any(self._actor(t) for t in sent)
        return self.two_actors and sum(1 for t in sent if self._actor(t)) >= 2

    def _trigger(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        if self.noun_lemmas is None:
            return lemma in self.lemmas
        if tok.pos_ == "VERB":
            return lemma in self.lemmas
        return tok.pos_ == "NOUN" and (lemma in self.noun_lemmas or tok.lower_ in self.noun_lemmas)

    def _actor(self, tok: Token) -> bool:
        if tok.pos_ in ACTOR_POS:
            return True
        return tok.pos_ == "NOUN" and (
            self._is_actor_word(tok.lemma_.lower()) or self._is_actor_word(tok.lower_)
        )


def candidate_runs(doc: Doc, test: Callable[[Span], bool]) -> list[tuple[int, int]]:
    """Token ranges of the maximal runs of consecutive candidate sentences."""
    runs: list[tuple[int, int]] = []
    for sent in doc.sents:
        if not test(sent):
            continue
        if runs and runs[-1][1] == sent.start:
            runs[-1] = (runs[-1][0], sent.end)
        else:
            runs.append((sent.start, sent.end))
    return runs


class SelectiveParser:
    """Turns texts into Docs, with the parser and NER run on candidate sentences only."""

    def __init__(self, nlp: Language, test: Callable[[Span], bool]) -> None:
        self.nlp = nlp
        self.test = test
        names = [n for n in nlp.pipe_names if n != PARAGRAPH_BREAKER]
        first = [n for n in names if n not in SECOND_PASS]
        # senter goes where the parser was, before components that read sentences
        at = names.index("parser") if "parser" in names else len(first)
        at = len([n for n in names[:at] if n not in SECOND_PASS])
        if "senter" not in first:
            first.insert(at, "senter")
            at += 1
        self.first = tuple(first)
        self.breaker_at = at
        # Pass 2: the parser, the attribute ruler's rules that read the parse (the rest
        # of it and the lemmatizer ran in pass 1), then NER.
        self.second: tuple[str | Callable[[Doc], Doc], ...] = tuple(
            n for n in names if n in SECOND_PASS
        )
        rules = parse_dependent_ruler(nlp)
        if rules is not None:
            self.second = ("parser", rules, *self.second[1:])
        self._dep = nlp.vocab.strings.add(FLAT_DEP)
        self._root = nlp.vocab.strings.add("ROOT")

    @staticmethod
    def supports(nlp: Language) -> bool:
        """Whether ``nlp`` can be split this way (known components, a senter to use)."""
        names = set(nlp.component_names) - {PARAGRAPH_BREAKER}
        return "parser" in names and "senter" in names and names <= FIRST_PASS | set(SECOND_PASS)

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        """Docs for ``texts``, in order, processed ``batch_size`` at a time."""
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self.process(batch)
                batch = []
        if batch:
            yield from self.process(batch)

    def process(self, texts: Sequence[str]) -> list[Doc]:
        if not texts:
            return []
        docs = self._first_pass(texts)
        runs = [candidate_runs(doc, self.test) for doc in docs]
        subdocs = [sub for doc, rs in zip(docs, runs, strict=True) for sub in _subdocs(doc, rs)]
        for step in self.second:
            subdocs = _run(self.nlp, step, subdocs, SECOND_PASS_BATCH)
        parsed = iter(subdocs)
        for doc, rs in zip(docs, runs, strict=True):
            self._copy_back(doc, [(start, next(parsed)) for start, _ in rs])
        return docs

    def _first_pass(self, texts: Sequence[str]) -> list[Doc]:
        docs = [self.nlp.make_doc(t) for t in texts]
        for i, name in enumerate(self.first):
            if i == self.breaker_at:
                docs = [self.nlp.get_pipe(PARAGRAPH_BREAKER)(d) for d in docs]
            docs = _run(self.nlp, name, docs, len(docs))
        if self.breaker_at >= len(self.first):
            docs = [self.nlp.get_pipe(PARAGRAPH_BREAKER)(d) for d in docs]
        return docs

    def _copy_back(self, doc: Doc, parsed: list[tuple[int, Doc]]) -> None:
        """Pass 2's annotations of the parsed runs into ``doc``; a flat tree elsewhere."""
        n = len(doc)
        if n == 0:
            return
        array: Any = doc.to_array(COPIED)
        heads = np.zeros(n, dtype=np.int64)  # offsets to the head
        array[:, 1] = self._dep
        array[:, 2] = ENT_OUTSIDE
        array[:, 3] = 0
        done = np.zeros(n, dtype=bool)
        for start, sub in parsed:
            end = start + len(sub)
            sub_array = sub.to_array(COPIED)
            array[start:end] = sub_array
            heads[start:end] = sub_array[:, 0].astype(np.int64)
            done[start:end] = True
        for sent in doc.sents:
            if done[sent.start]:
                continue
            heads[sent.start : sent.end] = sent.start - np.arange(sent.start, sent.end)
            array[sent.start, 1] = self._root
        array[:, 0] = heads.astype(np.uint64)
        doc.from_array(COPIED, array)


def _run(
    nlp: Language, step: str | Callable[[Doc], Doc], docs: list[Doc], batch_size: int
) -> list[Doc]:
    proc = nlp.get_pipe(step) if isinstance(step, str) else step
    if hasattr(proc, "pipe"):
        return list(proc.pipe(docs, batch_size=max(batch_size, 1)))
    return [proc(d) for d in docs]


def _subdocs(doc: Doc, runs: list[tuple[int, int]]) -> Iterator[Doc]:
    """Each run of ``doc`` as a Doc with its tags, POS, morphology, sentence starts and
    token vectors."""
    if not runs:
        return
    array: Any = doc.to_array(CARRIED)
    for start, end in runs:
        tokens = doc[start:end]
        sub = Doc(
            doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens]
        )
        sub.from_array(CARRIED, array[start:end])
        if doc.tensor.size:
            sub.tensor = doc.tensor[start:end]
        yield sub
