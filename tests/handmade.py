"""Build annotated spaCy Docs by hand from a compact table (no model needed).

Each row: (word, tag, pos, dep, head offset, lemma); head offset is relative (0 = root).
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.nlp import Doc, make_doc

Row = tuple[str, str, str, str, int, str]


def doc_from(
    rows: Sequence[Row], ents: Sequence[str] | None = None, sentences: Sequence[int] = ()
) -> Doc:
    """``sentences``: indices of tokens that start a new sentence (besides the first)."""
    words = [r[0] for r in rows]
    spaces = [not (i + 1 < len(rows) and rows[i + 1][2] == "PUNCT") for i in range(len(rows))]
    return make_doc(
        words,
        spaces=spaces,
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[i + r[4] for i, r in enumerate(rows)],
        lemmas=[r[5] for r in rows],
        sent_starts=[i == 0 or i in sentences for i in range(len(rows))],
        ents=list(ents) if ents is not None else None,
    )
