"""The TimeML harness: parsing and scoring on a tiny hand-written file, and quality floors
on TimeBank + AQUAINT (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.errors import EvalError
from dateline.evaluation.timeml import canonical, parse_tml, run

SAMPLE = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>sample</DOCID>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-04" '
    'functionInDocument="CREATION_TIME">2025-05-04</TIMEX3></DCT>\n<TEXT>\n'
    'The envoy arrived <TIMEX3 tid="t1" type="DATE" value="2025-05-03">yesterday</TIMEX3>'
    " &amp; will stay\nfor "
    '<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>, until '
    '<TIMEX3 tid="t3" type="DATE" value="2025-05-06">Tuesday</TIMEX3>.\n</TEXT>\n</TimeML>\n'
)


def write(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus" / "sub"
    folder.mkdir(parents=True)
    (folder / "sample.tml").write_text(SAMPLE, encoding="utf-8")
    return tmp_path / "corpus"


def test_parsing_keeps_offsets_into_the_plain_text_and_drops_the_dct(tmp_path: Path) -> None:
    doc = parse_tml(write(tmp_path) / "sub" / "sample.tml")
    assert str(doc.dct) == "2025-05-04"
    assert [doc.text[t.start : t.end] for t in doc.timexes] == [
        "yesterday",
        "three days",
        "Tuesday",
    ]
    assert "&" in doc.text and "<" not in doc.text


def test_a_perfect_document_scores_one(tmp_path: Path) -> None:
    report = run(write(tmp_path), Settings())
    assert report.name == "timeml"
    for name in ("strict_f1", "relaxed_f1", "type_accuracy", "value_f1"):
        assert report.metric(name) == pytest.approx(1.0), name
    assert dict(report.counts)["gold"] == 3


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("199", "199X"),
        ("2000-W7", "2000-W07"),
        ("1989-11-06T17", "1989-11-06T17:00"),
        ("19XX", "19"),
    ],
)
def test_spellings_of_one_value_compare_equal(a: str, b: str) -> None:
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1989", "1989-XX"),
        ("1989-W43", "1989-WXX"),
        ("P10Y", "P1E"),
        ("19", "199X"),
        ("2000-W1", "2000-W11"),
    ],
)
def test_different_values_stay_different(a: str, b: str) -> None:
    assert canonical(a) != canonical(b)


def test_missing_data_is_an_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        run(tmp_path / "nowhere", Settings())


# Measured (strict / relaxed / type / value): TimeBank 0.897 / 0.948 / 0.971 / 0.839,
# AQUAINT 0.844 / 0.946 / 0.904 / 0.790. Floors sit just below, so a drop fails the build.
FLOORS = {
    "TimeBank": {
        "strict_f1": 0.885,
        "relaxed_f1": 0.94,
        "type_accuracy": 0.96,
        "value_f1": 0.835,
    },
    "AQUAINT": {"strict_f1": 0.835, "relaxed_f1": 0.94, "type_accuracy": 0.895, "value_f1": 0.785},
}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_tbaq_quality_floors(shared_dir: Path, part: str) -> None:
    path = shared_dir / "eval" / "temporal" / "tbaq" / part
    if not path.is_dir():
        pytest.skip(f"TimeML evaluation data not found at {path}")
    report = run(path, Settings())
    for name, floor in FLOORS[part].items():
        assert report.metric(name) >= floor, (name, report.metric(name))
