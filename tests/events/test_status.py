from __future__ import annotations

import pytest

from dateline.events.status import event_status
from tests.handmade import Row, doc_from

XI = ("Xi", "NNP", "PROPN", "nsubj")
RUSSIA_OBJ = ("Russia", "NNP", "PROPN", "dobj")
STOP = (".", ".", "PUNCT", "punct")

CASES: dict[str, tuple[list[Row], int, str]] = {
    "simple past is occurred": (
        [
            (*XI, 1, "Xi"),
            ("visited", "VBD", "VERB", "ROOT", 0, "visit"),
            (*RUSSIA_OBJ, -1, "Russia"),
            (*STOP, -2, "."),
        ],
        1,
        "occurred",
    ),
    "will is planned": (
        [
            (*XI, 2, "Xi"),
            ("will", "MD", "AUX", "aux", 1, "will"),
            ("visit", "VB", "VERB", "ROOT", 0, "visit"),
            (*RUSSIA_OBJ, -1, "Russia"),
            (*STOP, -2, "."),
        ],
        2,
        "planned",
    ),
    "did not is negated": (
        [
            (*XI, 3, "Xi"),
            ("did", "VBD", "AUX", "aux", 2, "do"),
            ("not", "RB", "PART", "neg", 1, "not"),
            ("visit", "VB", "VERB", "ROOT", 0, "visit"),
            (*RUSSIA_OBJ, -1, "Russia"),
            (*STOP, -2, "."),
        ],
        3,
        "negated",
    ),
    "could is hypothetical": (
        [
            (*XI, 2, "Xi"),
            ("could", "MD", "AUX", "aux", 1, "could"),
            ("visit", "VB", "VERB", "ROOT", 0, "visit"),
            (*RUSSIA_OBJ, -1, "Russia"),
            (*STOP, -2, "."),
        ],
        2,
        "hypothetical",
    ),
    "is set to is planned": (
        [
            (*XI, 2, "Xi"),
            ("is", "VBZ", "AUX", "auxpass", 1, "be"),
            ("set", "VBN", "VERB", "ROOT", 0, "set"),
            ("to", "TO", "PART", "aux", 1, "to"),
            ("visit", "VB", "VERB", "xcomp", -2, "visit"),
            (*RUSSIA_OBJ, -1, "Russia"),
            (*STOP, -4, "."),
        ],
        4,
        "planned",
    ),
    "continues to is ongoing": (
        [
            ("China", "NNP", "PROPN", "nsubj", 1, "China"),
            ("continues", "VBZ", "VERB", "ROOT", 0, "continue"),
            ("to", "TO", "PART", "aux", 1, "to"),
            ("supply", "VB", "VERB", "xcomp", -2, "supply"),
            ("parts", "NNS", "NOUN", "dobj", -1, "part"),
            (*STOP, -4, "."),
        ],
        3,
        "ongoing",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_event_status_reads_the_clause(name: str) -> None:
    rows, trigger, expected = CASES[name]
    doc = doc_from(rows)
    assert event_status(doc[trigger], durative=False) == expected


def test_durative_trigger_in_present_perfect_is_ongoing() -> None:
    doc = doc_from(
        [
            ("China", "NNP", "PROPN", "nsubj", 2, "China"),
            ("has", "VBZ", "AUX", "aux", 1, "have"),
            ("backed", "VBN", "VERB", "ROOT", 0, "back"),
            ("Russia", "NNP", "PROPN", "dobj", -1, "Russia"),
            (*STOP, -2, "."),
        ]
    )
    assert event_status(doc[2], durative=True) == "ongoing"
    assert event_status(doc[2], durative=False) == "occurred"


def test_conditional_clause_is_hypothetical() -> None:
    doc = doc_from(
        [
            ("If", "IN", "SCONJ", "mark", 2, "if"),
            ("Russia", "NNP", "PROPN", "nsubj", 1, "Russia"),
            ("attacks", "VBZ", "VERB", "advcl", 2, "attack"),
            (",", ",", "PUNCT", "punct", 1, ","),
            ("NATO", "NNP", "PROPN", "nsubj", 1, "NATO"),
            ("responds", "VBZ", "VERB", "ROOT", 0, "respond"),
            (*STOP, -1, "."),
        ]
    )
    assert event_status(doc[2], durative=False) == "hypothetical"
