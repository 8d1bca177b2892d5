"""A sentence-level PLOVER type classifier: multinomial logistic regression over words,
word pairs, trigger-lexicon types and, with a parse, the verbs and their objects.

It backs up the rule coder, which knows few words: given a sentence (and, where the rules
found one, their trigger) it says which PLOVER type the sentence's event most likely has.
Weights ship in ``dateline/data/event_classifier.npz``, written by
``scripts/train_event_classifier.py``; nothing is loaded at import time.

Two ways in: :meth:`EventTypeClassifier.predict` takes plain text (words only) and
:meth:`EventTypeClassifier.predict_tokens` takes a parsed sentence (words plus syntax,
slightly better). The model was trained on both views of each sentence, so either works.

The training labels use PLV's earlier type list, where ``YIELD`` stands for what PLOVER now
splits into ``CONCEDE`` (accede, admit, resign) and ``RETREAT`` (release, return, withdraw,
cease fire); :func:`resolve_yield` picks one by the sentence's words.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from dateline.errors import ModelError
from dateline.events.lexicon import SPEECH_VERBS, noun_sense, verb_senses
from dateline.nlp import Span, Token

__all__ = [
    "EventTypeClassifier",
    "SentenceTokens",
    "TokenView",
    "features",
    "main_chain",
    "main_verb",
    "parsed_tokens",
    "plv_label",
    "resolve_yield",
    "text_tokens",
]

WEIGHTS_FILE = "event_classifier.npz"

_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*|\d+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s")
_CONCEDE_WORDS = frozenset(
    [
        "concede",
        "concession",
        "admit",
        "accede",
        "resign",
        "resignation",
        "comply",
        "acquiesce",
        "capitulate",
        "relent",
        "apologize",
        "apologise",
        "step",
    ]
)
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# verbs that report or carry another predicate rather than being the event themselves
_REPORTING = SPEECH_VERBS | frozenset({"be", "have", "do"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "conj", "advcl"})
_CHAIN_DEPTH = 5


@dataclass(frozen=True, slots=True)
class TokenView:
    """What the features need of one token; syntax fields are empty for plain text."""

    text: str
    lemma: str
    pos: str = ""
    dep: str = ""
    head: int = -1
    """Index of the head in the sentence (-1: none or unknown)."""


SentenceTokens = Sequence[TokenView]


def stem(word: str) -> str:
    """A crude, fixed suffix stripper: the same on both views, so they share features."""
    w = word.lower().replace("’", "'")
    for suf in _SUFFIXES:
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _lemma_guesses(word: str) -> tuple[str, ...]:
    """Candidate lemmas of a word without a tagger (for the lexicon lookup)."""
    w = word.lower()
    out = [w]
    for suf, rep in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            out.append(w[: -len(suf)] + rep)
    return tuple(out)


def text_tokens(text: str) -> list[TokenView]:
    """Plain-text view of a sentence: words, with a guessed lemma, no syntax."""
    out: list[TokenView] = []
    for m in _WORD.finditer(text):
        word = m.group()
        lemma = next(
            (g for g in _lemma_guesses(word) if verb_senses(g) or noun_sense(g)), word.lower()
        )
        out.append(TokenView(word, lemma))
    return out


def parsed_tokens(tokens: Iterable[Token]) -> list[TokenView]:
    """Parsed view of a sentence (a spaCy Span or list of Tokens): words plus syntax."""
    toks = [t for t in tokens if not (t.is_punct or t.is_space)]
    pos_of = {t.i: n for n, t in enumerate(toks)}
    return [
        TokenView(t.text, t.lemma_.lower(), t.pos_, t.dep_, pos_of.get(t.head.i, -1)) for t in toks
    ]


def _lexicon_type(lemma: str, pos: str) -> str | None:
    if pos in ("", "VERB"):
        senses = verb_senses(lemma)
        if senses:
            return senses[0].type
    if pos in ("", "NOUN"):
        noun = noun_sense(lemma)
        if noun is not None:
            return noun.type
    return None


def features(tokens: SentenceTokens, trigger: str | None = None) -> list[str]:
    """Feature names of a sentence (duplicates allowed: they count)."""
    feats: list[str] = []
    stems = [stem(t.text) for t in tokens]
    feats.extend("w:" + s for s in stems)
    feats.extend(f"b:{a}_{b}" for a, b in pairwise(stems))
    for t in tokens:
        lex = _lexicon_type(t.lemma, t.pos)
        if lex is not None:
            feats.append("lex:" + lex)
    if trigger:
        trig = stem(trigger)
        feats.append("t:" + trig)
        lex = next(
            (_lexicon_type(g, "") for g in _lemma_guesses(trigger) if _lexicon_type(g, "")), None
        )
        if lex is not None:
            feats.append("tlex:" + lex)
    # syntax: what the verbs are, what they act on, whether they are negated
    for n, t in enumerate(tokens):
        if t.pos not in ("VERB", "AUX") and t.dep != "ROOT":
            continue
        if t.dep == "ROOT":
            feats.append("root:" + t.lemma)
        if t.pos != "VERB":
            continue
        feats.append("v:" + t.lemma)
        for c in tokens:
            if c.head != n or c is t:
                continue
            if c.dep in ("dobj", "obj", "attr", "xcomp", "prt"):
                feats.append(f"vo:{t.lemma}_{c.lemma}")
            elif c.dep in ("prep", "dative"):
                feats.append(f"vp:{t.lemma}_{c.lemma}")
            elif c.dep == "neg" or c.lemma in _NEGATIONS:
                feats.append("neg:" + t.lemma)
    chain = main_chain(tokens)
    feats.extend("m:" + tokens[n].lemma for n in chain)
    if chain:
        main = tokens[chain[-1]].lemma
        feats.append("mlast:" + main)
        lex = _lexicon_type(main, "")
        if lex is not None:
            feats.append("mlex:" + lex)
    return feats


def main_chain(tokens: SentenceTokens) -> list[int]:
    """From each root down through clausal complements to the first content verb
    ("X *said* it had *ceased* ..."): the main predicates of the sentence."""
    out: list[int] = []
    for root in (n for n, t in enumerate(tokens) if t.dep == "ROOT"):
        cur = root
        for _ in range(_CHAIN_DEPTH):
            out.append(cur)
            tok = tokens[cur]
            if tok.pos == "VERB" and tok.lemma not in _REPORTING:
                break
            below = [
                n for n, c in enumerate(tokens) if c.head == cur and n != cur and c.dep in _CLAUSAL
            ]
            if not below:
                break
            cur = below[0]
    return out


def main_verb(sentence: Span | Sequence[Token]) -> Token | None:
    """The sentence's main content verb (end of :func:`main_chain`), for a coder that
    codes an event the classifier found where no trigger word did."""
    toks = [t for t in sentence if not (t.is_punct or t.is_space)]
    chain = main_chain(parsed_tokens(toks))
    if not chain:
        return None
    tok = toks[chain[-1]]
    return tok if tok.pos_ == "VERB" else None


#: PLV's earlier label for what PLOVER now splits into CONCEDE and RETREAT.
_PLV_LABEL = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def plv_label(event_type: str) -> str:
    """A PLOVER type in the label set the classifiers were trained with (PLV's)."""
    return _PLV_LABEL.get(event_type, event_type)


def resolve_yield(tokens: SentenceTokens) -> str:
    """PLV's YIELD in today's PLOVER: CONCEDE for acceding or admitting, else RETREAT."""
    words = {t.lemma for t in tokens} | {g for t in tokens for g in _lemma_guesses(t.text)}
    return "CONCEDE" if words & _CONCEDE_WORDS else "RETREAT"


class EventTypeClassifier:
    """Multinomial logistic regression over named features (see :func:`features`)."""

    def __init__(
        self,
        vocabulary: Sequence[str],
        labels: Sequence[str],
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
    ) -> None:
        if weights.shape != (len(vocabulary), len(labels)) or bias.shape != (len(labels),):
            raise ModelError("event classifier weights do not match its vocabulary and labels")
        self.index = {f: i for i, f in enumerate(vocabulary)}
        self.labels = tuple(labels)
        self.weights = weights
        self.bias = bias

    @classmethod
    @cache
    def load(cls, name: str = WEIGHTS_FILE) -> EventTypeClassifier:
        """A shipped model (read once per process)."""
        try:
            raw = resources.files("dateline.data").joinpath(name).read_bytes()
        except OSError as exc:
            raise ModelError(f"cannot read {name}: {exc}") from exc
        return cls.from_bytes(raw)

    @classmethod
    def from_bytes(cls, raw: bytes) -> EventTypeClassifier:
        with np.load(io.BytesIO(raw), allow_pickle=False) as data:
            return cls(
                [str(v) for v in data["vocabulary"]],
                [str(v) for v in data["labels"]],
                data["weights"].astype(np.float32),
                data["bias"].astype(np.float32),
            )

    def to_bytes(self) -> bytes:
        vocabulary = sorted(self.index, key=self.index.__getitem__)
        buf = io.BytesIO()
        np.savez_compressed(
            buf,
            vocabulary=np.array(vocabulary),
            labels=np.array(self.labels),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
        )
        return buf.getvalue()

    def probabilities(self, feats: Iterable[str]) -> npt.NDArray[np.float32]:
        """Probability of each of ``self.labels`` (PLV's label set)."""
        scores = self.bias.copy()
        for f in feats:
            i = self.index.get(f)
            if i is not None:
                scores += self.weights[i]
        scores -= scores.max()
        exp = np.exp(scores)
        result: npt.NDArray[np.float32] = exp / exp.sum()
        return result

    def _predict(self, tokens: SentenceTokens, trigger: str | None) -> tuple[str, float]:
        return self.predict_features(features(tokens, trigger), tokens)

    def predict_features(self, feats: Iterable[str], tokens: SentenceTokens) -> tuple[str, float]:
        """The most likely type given ready-made features; ``tokens`` tell a YIELD apart."""
        probs = self.probabilities(feats)
        best = int(np.argmax(probs))
        label = self.labels[best]
        if label == "YIELD":
            label = resolve_yield(tokens)
        return label, float(probs[best])

    def predict(self, sentence_text: str, trigger: str | None = None) -> tuple[str, float]:
        """The most likely PLOVER type of the sentence's event, and its probability."""
        return self._predict(text_tokens(sentence_text), trigger)

    def predict_tokens(
        self, sentence: Span | Sequence[Token], trigger: str | None = None
    ) -> tuple[str, float]:
        """Like :meth:`predict`, on a parsed sentence (uses its syntax too)."""
        return self._predict(parsed_tokens(sentence), trigger)
