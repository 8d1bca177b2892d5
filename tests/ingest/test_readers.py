"""Reading inputs: files, directories, JSONL rows and stdin, in order, failures inline."""

from __future__ import annotations

import gzip
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.ingest.readers import read_inputs
from dateline.records import Failure, RawDocument

HTML_PAGE = b"<html><body><p>The assembly met on Monday.</p></body></html>"


def _sources(items: list[RawDocument | Failure]) -> list[str]:
    return [item.source for item in items]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "b_sub").mkdir(parents=True)
    (root / "a.txt").write_text("The senate met.\n")
    (root / "c.html").write_bytes(HTML_PAGE)
    (root / "b_sub" / "d.htm.gz").write_bytes(gzip.compress(HTML_PAGE))
    (root / "b_sub" / "e.gold.json").write_text("{}")
    (root / "README.md").write_text("# notes\n")
    (root / ".hidden.txt").write_text("skip me\n")
    return root


def test_directory_is_read_recursively_in_sorted_order(corpus: Path) -> None:
    items = list(read_inputs([str(corpus)], Settings()))
    assert _sources(items) == [
        str(corpus / "a.txt"),
        str(corpus / "b_sub" / "d.htm.gz"),
        str(corpus / "c.html"),
    ]
    assert all(isinstance(item, RawDocument) for item in items)


def test_kinds_get_their_media_types(corpus: Path) -> None:
    items = [i for i in read_inputs([str(corpus)], Settings()) if isinstance(i, RawDocument)]
    assert [i.media_type for i in items] == ["text/plain", "text/html", "text/html"]
    assert items[1].content == HTML_PAGE  # the .gz was decompressed


def test_output_follows_input_order_and_failures_stay_in_place(corpus: Path) -> None:
    paths = [str(corpus / "c.html"), str(corpus / "missing.txt"), str(corpus / "a.txt")]
    items = list(read_inputs(paths, Settings()))
    assert _sources(items) == paths
    assert isinstance(items[1], Failure)
    assert "no such file" in items[1].reason


def test_explicit_file_of_unknown_kind_is_a_failure(corpus: Path) -> None:
    (item,) = read_inputs([str(corpus / "README.md")], Settings())
    assert isinstance(item, Failure)
    assert "unsupported input kind" in item.reason and ".md" in item.reason


def test_jsonl_rows_are_articles_with_line_sources(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {
            "id": "k1",
            "url": "https://x.example/1",
            "title": "T1",
            "published": "2022-03-01",
            "text": "  First body.\n\nSecond paragraph.",
            "source": "Example Wire",
        },
        {"html": "<p>An html row.</p>"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = read_inputs([str(path)], Settings())
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.source, second.source) == (f"{path}:1", f"{path}:2")
    assert first.id == "k1" and first.media_type == "application/x-article"
    assert first.content == rows[0]["text"]  # unchanged, so offsets refer to it
    assert first.published == date(2022, 3, 1) and first.source_name == "Example Wire"
    assert second.media_type == "text/html" and second.id is None


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('{"id": "x", "title": "no body"}', 'no "text" or "html"'),
        ('{"text": ""}', "empty"),
        ('{"text": "ok", "published": "someday"}', "not an ISO date"),
        ("[1, 2]", "expected a JSON object"),
    ],
)
def test_bad_jsonl_line_is_one_failure_and_the_rest_go_on(
    tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "Before."}\n' + line + '\n{"text": "After."}\n')
    items = list(read_inputs([str(path)], Settings()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "RawDocument"]
    failure = items[1]
    assert isinstance(failure, Failure)
    assert failure.source == f"{path}:2" and problem in failure.reason


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b"<!doctype html><html><body><p>Hi.</p></body></html>", "text/html"),
        (b"The minister resigned on Friday.\n", "text/plain"),
        (gzip.compress(b"<html><body><p>Zipped.</p></body></html>"), "text/html"),
    ],
)
def test_stdin_is_sniffed(data: bytes, media_type: str) -> None:
    (item,) = read_inputs(["-"], Settings(), stdin=io.BytesIO(data))
    assert isinstance(item, RawDocument)
    assert item.source == "-" and item.media_type == media_type


def test_stdin_jsonl_is_streamed_row_by_row() -> None:
    data = b'{"id": "a", "text": "One."}\nnope\n{"id": "b", "text": "Two."}\n'
    items = list(read_inputs(["-"], Settings(), stdin=io.BytesIO(data)))
    assert _sources(items) == ["-:1", "-:2", "-:3"]
    assert isinstance(items[1], Failure)


def test_stdin_jsonl_with_a_long_first_line_is_still_jsonl() -> None:
    row = json.dumps({"id": "long", "text": "word " * 40_000})
    data = (row + "\n" + '{"id": "short", "text": "Two."}\n').encode()
    items = list(read_inputs(["-"], Settings(), stdin=io.BytesIO(data)))
    assert [getattr(i, "id", None) for i in items] == ["long", "short"]


def test_reading_is_lazy(tmp_path: Path) -> None:
    first = tmp_path / "1.txt"
    first.write_text("One.")
    later = tmp_path / "2.txt"
    stream = read_inputs([str(first), str(later)], Settings())
    assert next(stream).source == str(first)
    later.write_text("Written after the first document was read.")
    item = next(stream)
    assert isinstance(item, RawDocument) and item.content.startswith(b"Written after")


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 2000 + b"</p>")
    (item,) = read_inputs([str(path)], Settings(max_input_bytes=1000))
    assert isinstance(item, Failure)
    assert item.reason == "too large: 2007 bytes, limit 1000"


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 50_000 + b"</p>"))
    (item,) = read_inputs([str(path)], Settings(max_input_bytes=10_000))
    assert isinstance(item, Failure) and "too large" in item.reason


def test_corrupt_gzip_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (item,) = read_inputs([str(path)], Settings())
    assert isinstance(item, Failure) and "gzip" in item.reason


def test_symlink_loop_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "loop").symlink_to(tmp_path)
    items = list(read_inputs([str(tmp_path)], Settings()))
    assert _sources(items) == [str(tmp_path / "a.txt")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden.")
    path.chmod(0)
    try:
        (item,) = read_inputs([str(path)], Settings())
    finally:
        path.chmod(0o644)
    assert isinstance(item, Failure) and "cannot read" in item.reason


def test_read_error_is_a_failure_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad, good = tmp_path / "bad.html", tmp_path / "good.txt"
    bad.write_text("<p>x</p>")
    good.write_text("Fine.")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "bad.html":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    first, second = read_inputs([str(bad), str(good)], Settings())
    assert isinstance(first, Failure) and first.reason == "cannot read: Permission denied"
    assert isinstance(second, RawDocument)
