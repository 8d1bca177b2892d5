from __future__ import annotations

from dateline.events.attach import attached_to, coordination_repairs
from tests.handmade import doc_from

# "They met in Beijing in May, where he spoke, and in Astana in July."
# with the parser's mistake: "and in Astana" and "in July" hung on "spoke".
ROWS = [
    ("They", "PRP", "PRON", "nsubj", 1, "they"),
    ("met", "VBD", "VERB", "ROOT", 0, "meet"),
    ("in", "IN", "ADP", "prep", -1, "in"),
    ("Beijing", "NNP", "PROPN", "pobj", -1, "Beijing"),
    ("in", "IN", "ADP", "prep", -3, "in"),
    ("May", "NNP", "PROPN", "pobj", -1, "May"),
    (",", ",", "PUNCT", "punct", -5, ","),
    ("where", "WRB", "SCONJ", "advmod", 2, "where"),
    ("he", "PRP", "PRON", "nsubj", 1, "he"),
    ("spoke", "VBD", "VERB", "advcl", -8, "speak"),
    (",", ",", "PUNCT", "punct", -1, ","),
    ("and", "CC", "CCONJ", "cc", -2, "and"),
    ("in", "IN", "ADP", "conj", -3, "in"),
    ("Astana", "NNP", "PROPN", "pobj", -1, "Astana"),
    ("in", "IN", "ADP", "prep", -5, "in"),
    ("July", "NNP", "PROPN", "pobj", -1, "July"),
    (".", ".", "PUNCT", "punct", -15, "."),
]


def test_coordinated_prepositional_phrases_rehang_on_the_parallel_verb() -> None:
    doc = doc_from(ROWS)
    repairs = coordination_repairs(doc[:])
    assert repairs == {12: 1, 14: 1}
    assert attached_to(doc[13], {1}, set(), repairs)  # Astana -> met
    assert attached_to(doc[15], {1}, set(), repairs)  # July -> met
    assert not attached_to(doc[15], {9}, set(), repairs)


def test_without_repairs_the_inner_verb_blocks_attachment() -> None:
    doc = doc_from(ROWS)
    assert not attached_to(doc[13], {1}, set(), None)
    assert attached_to(doc[3], {1}, set(), None)  # Beijing -> met, directly


def test_locative_search_ends_at_the_root_when_no_preposition_is_met() -> None:
    # spaCy hands out a new Token per access: a loop comparing Tokens by identity never
    # ends (it hung on real news); the search must stop at the root.
    from dateline.events.placing import _under_locative

    doc = doc_from(ROWS)
    assert _under_locative(doc[3], doc[1]) is True  # Beijing <- in <- met
    assert _under_locative(doc[0], doc[13]) is False  # They: no locative, unrelated outer
