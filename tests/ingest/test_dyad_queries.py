"""Reading known-dyad queries from JSON Lines, TSV and CSV: good rows become queries, a bad
row becomes a Failure naming its file and line, an unreadable file is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.events.dyad import DyadQuery
from dateline.ingest.dyads import read_dyad_queries
from dateline.records import Failure


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "q.jsonl",
            '{"id": "7", "text": "Chile recalled its envoy.", "source": "Chile"}\n\n'
            '{"sentence": "Peru sued Chile.", "source": "Peru", "target": "Chile"}\n',
        ),
        (
            "q.tsv",
            "id\ttext\tsource\ttarget\n7\tChile recalled its envoy.\tChile\t\n"
            "\tPeru sued Chile.\tPeru\tChile\n",
        ),
        (
            "q.csv",
            'id,sentence,source,target\n7,"Chile recalled its envoy.",Chile,\n'
            ',"Peru sued Chile.",Peru,Chile\n',
        ),
    ],
)
def test_every_format_gives_the_same_queries(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    first, second = read_dyad_queries(path)
    assert first == DyadQuery("Chile recalled its envoy.", "Chile", None, "7")
    assert isinstance(second, DyadQuery)
    assert (second.text, second.source, second.target) == ("Peru sued Chile.", "Peru", "Chile")
    assert second.id.startswith(name)  # a row without an id is named by file and line


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("not json", "not JSON"),
        ("[1, 2]", "JSON object"),
        ('{"source": "Peru"}', "'text'"),
        ('{"text": "Peru sued Chile."}', "'source'"),
        ('{"text": "Peru sued Chile.", "source": "Peru", "target": 3}', "'target'"),
    ],
)
def test_a_bad_row_is_a_failure_and_the_next_row_is_read(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text(line + '\n{"text": "Peru sued Chile.", "source": "Peru"}\n', encoding="utf-8")
    bad, good = read_dyad_queries(path)
    assert isinstance(bad, Failure) and reason in bad.reason and bad.source.endswith("q.jsonl:1")
    assert isinstance(good, DyadQuery)


def test_an_unknown_format_or_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "q.xml").write_text("<q/>", encoding="utf-8")
    with pytest.raises(InputError, match="jsonl"):
        list(read_dyad_queries(tmp_path / "q.xml"))
    with pytest.raises(InputError, match="cannot read"):
        list(read_dyad_queries(tmp_path / "absent.jsonl"))
