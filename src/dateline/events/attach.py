"""Attachment: which time expressions and places in a sentence belong to a trigger.

A span belongs to a trigger when its syntactic head path climbs to the trigger (or the
verbs that carry it) before meeting another verb or another event trigger.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from dateline.nlp import Doc, Span, Token
from dateline.records import Place, TimeSpan

_T = TypeVar("_T", TimeSpan, Place)

MAX_CLIMB = 8


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def coordination_repairs(sent: Span) -> dict[int, int]:
    """Re-hang coordinated prepositional phrases the parser put on the wrong verb.

    In "met in A in May, where X did Y, and in B in July" the parser often hangs
    "and in B" (and "in July" after it) on the inner verb; they belong to the verb that
    has the parallel "in A". Returns {token index: new head index}.
    """
    repairs: dict[int, int] = {}
    for tok in sent:
        if not (tok.dep_ == "conj" and tok.pos_ == "ADP" and tok.head.pos_ in ("VERB", "AUX")):
            continue
        inner = tok.head
        for anc in inner.ancestors:
            twin = next(
                (
                    c
                    for c in anc.children
                    if c.dep_ == "prep" and c.lower_ == tok.lower_ and c.i < tok.i
                ),
                None,
            )
            if twin is not None:
                repairs[tok.i] = anc.i
                for c in inner.children:
                    if c.dep_ == "prep" and c.i > tok.i:
                        repairs[c.i] = anc.i
                break
    return repairs


def attached_to(
    root: Token, anchors: set[int], blockers: set[int], repairs: dict[int, int] | None = None
) -> bool:
    doc = root.doc
    tok = root
    for _ in range(MAX_CLIMB):
        if tok.i in anchors:
            return True
        if tok.i in blockers:
            return False
        if tok.head.i == tok.i:  # spaCy makes a new Token per access: compare indices
            return False
        if tok.pos_ in ("VERB",) and tok.i != root.i:
            return tok.i in anchors
        if repairs and tok.i in repairs:
            tok = doc[repairs[tok.i]]
            continue
        if tok.dep_ in ("relcl", "acl", "advcl", "ccomp") and tok.i != root.i:
            return False
        tok = tok.head
    return tok.i in anchors


def in_sentence(items: Sequence[_T], sent: Span) -> list[_T]:
    return [x for x in items if x.start >= sent.start_char and x.end <= sent.end_char]


def attached(
    doc: Doc,
    items: Sequence[_T],
    anchors: set[int],
    blockers: set[int],
    repairs: dict[int, int] | None = None,
) -> list[_T]:
    out: list[_T] = []
    for item in items:
        root = span_root(doc, item.start, item.end)
        if (
            root is not None
            and root.i not in anchors
            and attached_to(root, anchors, blockers, repairs)
        ):
            out.append(item)
    return out


def preceding(items: Sequence[_T], position: int) -> list[_T]:
    """Items ending before a character position, nearest first."""
    return sorted((x for x in items if x.end <= position), key=lambda x: -x.end)
