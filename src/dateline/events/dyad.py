"""Typing a known dyad: which PLOVER event does a sentence report from a given source to a
given target?

The open pipeline has to decide for itself whether a sentence holds an event at all, so it
codes only what its trigger lexicon recognises. Some data already says that a sentence
reports an event between two named parties: an analyst's hand-picked sentences, another
coder's output to re-code in PLOVER, the PLV benchmark. For those, :class:`DyadTyper`
answers the narrower question of the type:

1. the rule coder's event for the pair (its actor overlapping the source, preferably its
   recipient the target) gives the type where the rules found one;
2. a classifier trained on PLV's dev part (:mod:`dateline.events.classifier`, with the
   features of :func:`dyad_features` on top: the dependency path between the two parties,
   the verbs that govern each, the words between them, the rules' type) replaces that type
   where it disagrees with probability >= :data:`DYAD_OVERRIDE`, and types the sentences
   the rules left empty.

Weights ship in ``dateline/data/dyad_classifier.npz`` (``scripts/train_event_classifier.py``);
nothing is loaded at import time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from dateline.errors import InputError
from dateline.events.classifier import (
    EventTypeClassifier,
    TokenView,
    features,
    parsed_tokens,
    plv_label,
    stem,
)
from dateline.events.ontology import Ontology
from dateline.nlp import Doc, Span, Token
from dateline.records import Entity, Event

__all__ = [
    "DYAD_WEIGHTS",
    "DyadCoding",
    "DyadQuery",
    "DyadTyper",
    "dyad_features",
    "locate",
    "overlaps",
    "pick_event",
]

DYAD_WEIGHTS = "dyad_classifier.npz"
#: Classifier probability above which its type replaces the rules' (chosen on PLV's dev
#: part, out of fold, by scripts/train_event_classifier.py).
DYAD_OVERRIDE = 0.35

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class DyadQuery:
    """A text said to report an event from ``source`` to ``target``: each is the party's
    words as they appear in the text (the first occurrence counts) or character offsets."""

    text: str
    source: str | Offsets
    target: str | Offsets | None = None
    id: str = ""
    """The caller's name for the query (a row id), echoed in the output."""


@dataclass(frozen=True, slots=True)
class DyadCoding:
    """The type of the event a sentence reports from a source to a target."""

    query: DyadQuery
    type: str
    mode: str | None
    basis: Literal["rules", "classifier"]
    """Whose type it is: the rule coder's event, or the classifier's."""
    probability: float
    """The classifier's probability for its own label (how sure it is)."""
    event: Event | None
    """The rule coder's event for the pair, where it found one (roles, date, evidence)."""
    cameo: str
    score: float
    quad: str

    def to_json(self) -> dict[str, Any]:
        """One JSON object: the query, the type and where it came from, the rule event."""
        event = self.event
        return {
            "id": self.query.id,
            "source": _party(self.query.source),
            "target": _party(self.query.target),
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "score": self.score,
            "quad": self.quad,
            "basis": self.basis,
            "probability": round(self.probability, 3),
            "actor": [a.country or a.name for a in event.actor] if event else [],
            "recipient": [r.country or r.name for r in event.recipient] if event else [],
            "date": event.date.to_json() if event else None,
            "trigger": event.evidence.trigger if event else None,
        }


def _party(party: str | Offsets | None) -> str | list[int] | None:
    return list(party) if isinstance(party, tuple) else party


def locate(text: str, party: str | Offsets | None, role: str) -> Offsets | None:
    """Character offsets of a party in ``text``; InputError where it is not there."""
    if party is None:
        return None
    if isinstance(party, tuple):
        start, end = party
        if not 0 <= start < end <= len(text):
            raise InputError(f"{role} offsets {start}-{end} are outside the text", source=role)
        return party
    words = party.strip()
    at = text.find(words) if words else -1
    if at < 0:
        at = text.lower().find(words.lower()) if words else -1
    if at < 0:
        raise InputError(f"{role} {party!r} does not occur in the text", source=role)
    return (at, at + len(words))


def pick_event(events: Sequence[Event], source: Offsets, target: Offsets | None) -> Event | None:
    """The event whose actor overlaps the source (preferring one whose recipient overlaps
    the target); else, in a one-sentence text, its first event; else none."""
    if not events:
        return None

    def rank(e: Event) -> int:
        hit_target = target is not None and overlaps(e.recipient, target)
        return 2 * overlaps(e.actor, source) + hit_target

    best = max(events, key=rank)
    return best if rank(best) > 0 else events[0]


def overlaps(ents: Iterable[Entity], span: Offsets) -> bool:
    """Whether any of the entities overlaps the character span (-1 start: none)."""
    lo, hi = span
    return lo >= 0 and any(e.start < hi and lo < e.end for e in ents)


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _span(doc: Doc, offsets: Offsets | None) -> Span | None:
    if offsets is None or offsets[0] < 0:
        return None
    return doc.char_span(offsets[0], offsets[1], alignment_mode="expand")


def dyad_features(doc: Doc, source: Offsets, target: Offsets | None) -> list[str]:
    """How the source and target hang together in the parse: their dependency labels, the
    verbs and nouns on the path between them, the verbs that govern each, their lowest
    common head and the words between them."""
    src, tgt = _span(doc, source), _span(doc, target)
    if src is None or tgt is None:
        return ["dy:none"]
    s_root, t_root = src.root, tgt.root
    s_up, t_up = _ancestors(s_root), _ancestors(t_root)
    s_ids = {t.i for t in s_up}
    feats = ["sdep:" + s_root.dep_]
    t_dep = t_root.dep_ + (":" + t_root.head.lower_ if t_root.dep_ == "pobj" else "")
    feats.append("tdep:" + t_dep)
    common = next((t for t in t_up if t.i in s_ids), None)
    if common is not None:
        feats.append("lca:" + common.lemma_.lower())
        for prefix, chain, root in (("sp:", s_up, s_root), ("tp:", t_up, t_root)):
            for t in chain:
                if t.i == common.i:
                    break
                if t.pos_ in ("VERB", "NOUN") and t.i != root.i:
                    feats.append(prefix + t.lemma_.lower())
    for prefix, chain in (("sv:", s_up), ("tv:", t_up)):
        verb = next((t for t in chain[1:] if t.pos_ == "VERB"), None)
        if verb is not None:
            feats.append(prefix + verb.lemma_.lower())
    lo, hi = (src.end, tgt.start) if src.end <= tgt.start else (tgt.end, src.start)
    feats.extend("bw:" + stem(t.text) for t in doc[lo:hi] if not t.is_punct)
    return feats


def sentence_of(doc: Doc, source: Offsets) -> Span:
    """The sentence holding the source (the whole text where it cannot be found)."""
    src = _span(doc, source)
    return src.sent if src is not None else doc[:]


def coding_features(
    doc: Doc, events: Sequence[Event], source: Offsets, target: Offsets | None
) -> tuple[list[str], Event | None, list[TokenView]]:
    """The classifier's features for a dyad, the rule event they were built with, and the
    source's sentence as the classifier sees it."""
    sentence = sentence_of(doc, source)
    in_sentence = [e for e in events if sentence.start_char <= e.evidence.start < sentence.end_char]
    event = pick_event(in_sentence, source, target)
    trigger = event.evidence.trigger if event is not None else None
    tokens = parsed_tokens(sentence)
    feats = features(tokens, trigger)
    feats += dyad_features(doc, source, target)
    feats.append("rule:" + (plv_label(event.type) if event is not None else "none"))
    return feats, event, tokens


class DyadTyper:
    """Rules first, the dyad classifier where they are silent or confidently wrong."""

    def __init__(
        self,
        classifier: EventTypeClassifier,
        ontology: Ontology | None = None,
        override: float = DYAD_OVERRIDE,
    ) -> None:
        self.classifier = classifier
        self.ontology = ontology or Ontology.default()
        self.override = override

    @classmethod
    def load(cls) -> DyadTyper:
        """The shipped model."""
        return cls(EventTypeClassifier.load(DYAD_WEIGHTS))

    def code(
        self,
        doc: Doc,
        events: Sequence[Event],
        source: Offsets,
        target: Offsets | None,
        query: DyadQuery | None = None,
    ) -> DyadCoding:
        """Type the event of ``doc`` (fully parsed) from ``source`` to ``target`` (character
        offsets); ``events`` are the pipeline's events for the same text."""
        query = query or DyadQuery(doc.text, source, target)
        feats, event, tokens = coding_features(doc, events, source, target)
        label, probability = self.classifier.predict_features(feats, tokens)
        basis: Literal["rules", "classifier"] = "classifier"
        event_type, mode = label, None
        if event is not None and (
            plv_label(event.type) == plv_label(label) or probability < self.override
        ):
            basis, event_type, mode = "rules", event.type, event.mode
        cameo, score, quad = self.ontology.code(event_type, mode)
        return DyadCoding(query, event_type, mode, basis, probability, event, cameo, score, quad)
