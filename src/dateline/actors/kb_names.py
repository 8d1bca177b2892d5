"""Names the NER missed, found in the knowledge base instead: officeholders' full names
("President To Lam") and the several-word names of organisations and armed groups
("Islamic" tagged as a nationality in "the Islamic State group")."""

from __future__ import annotations

from dateline.actors.kb import Igo, KnowledgeBase
from dateline.nlp import Doc, Span

__all__ = ["known_names", "known_organisations"]


def known_names(kb: KnowledgeBase, doc: Doc, taken: set[int]) -> list[Span]:
    """Officeholders' full names the NER missed ("President To Lam")."""
    out: list[Span] = []
    i = 0
    while i < len(doc):
        if not (doc[i].is_title and doc[i].is_alpha):
            i += 1  # a name starts with a capitalised word: skip the rest cheaply
            continue
        for n in (3, 2):
            span = doc[i : i + n]
            if (
                len(span) == n
                and not any(t.i in taken for t in span)
                and all(t.is_title and t.is_alpha for t in span)
                and kb.officeholders(span.text, None)
            ):
                out.append(span)
                i += n - 1
                break
        i += 1
    return out


def known_organisations(kb: KnowledgeBase, doc: Doc, taken: set[int]) -> list[tuple[Span, Igo]]:
    """Organisations and armed groups of the KB whose several-word name the NER missed
    or split ("Islamic" tagged as a nationality in "the Islamic State group")."""
    out: list[tuple[Span, Igo]] = []
    i = 0
    while i < len(doc):
        if not (doc[i].is_title and doc[i].is_alpha) or i in taken:
            i += 1
            continue
        for n in (4, 3, 2):
            span = doc[i : i + n]
            if len(span) < n or any(t.i in taken or not t.is_title for t in span):
                continue
            igo = kb.igo(span.text)
            if igo is not None:
                out.append((span, igo))
                i += n - 1
                break
        i += 1
    return out
