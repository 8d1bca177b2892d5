"""Bad input never aborts a batch: each bad document is one Failure naming it and the
problem, and every other document in the same batch is still read."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.config import Settings
from dateline.errors import InputError
from dateline.ingest.article import to_article
from dateline.ingest.readers import read_inputs
from dateline.pipeline import Pipeline
from dateline.records import Article, Failure, RawDocument

GOOD_TEXT = "The parliament approved the budget on Thursday after a long debate.\n"
GOOD_HTML = (
    "<html><head><title>Budget passes</title></head><body>"
    "<p>The parliament approved the budget on Thursday after a long debate.</p></body></html>"
)


def _articles(paths: list[str], settings: Settings) -> list[Article | Failure]:
    pipe = Pipeline(settings, stages=[])
    return list(pipe.articles(read_inputs(paths, settings)))


def _batch(tmp_path: Path, name: str, data: bytes) -> tuple[list[Article | Failure], str]:
    """good.txt, the bad document, good.html: returns the three results and the bad path."""
    good_txt = tmp_path / "0_good.txt"
    good_txt.write_text(GOOD_TEXT)
    bad = tmp_path / name
    bad.write_bytes(data)
    good_html = tmp_path / "2_good.html"
    good_html.write_text(GOOD_HTML)
    results = _articles([str(good_txt), str(bad), str(good_html)], Settings())
    assert len(results) == 3
    assert isinstance(results[0], Article) and isinstance(results[2], Article)
    assert "parliament approved the budget" in results[0].text
    assert "parliament approved the budget" in results[2].text
    return results, str(bad)


def _binary(size: int) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(size))


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("1_empty.txt", b"", "empty input"),
        ("1_blank.html", b"  \n\t \n", "empty input"),
        ("1_garbage.txt", _binary(4096), "binary content, not text"),
        ("1_garbage.html", b"\x89PNG\r\n\x1a\n" + _binary(4096), "binary content, not text"),
        ("1_noarticle.html", b"<html><body><script>x=1</script></body></html>", "no article"),
    ],
)
def test_unusable_document_is_one_failure(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    results, bad = _batch(tmp_path, name, data)
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.source == bad
    assert problem in failure.reason


def test_20_mb_page_is_refused_with_a_clear_reason(tmp_path: Path) -> None:
    data = b"<html><body>" + b"<p>Filler paragraph text.</p>" * 700_000 + b"</body></html>"
    assert len(data) > 20_000_000
    results, bad = _batch(tmp_path, "1_huge.html", data)
    failure = results[1]
    assert isinstance(failure, Failure) and failure.source == bad
    assert failure.reason == f"too large: {len(data)} bytes, limit 10000000"


def test_cp1252_file_is_decoded_into_a_usable_article(tmp_path: Path) -> None:
    text = (
        "The minister\u2019s statement was \u201cclear and final\u201d, officials said "
        "on Tuesday, \u2014 and the caf\u00e9 owners\u2019 association welcomed it. "
    ) * 4
    results, _ = _batch(tmp_path, "1_cp1252.txt", text.encode("cp1252"))
    article = results[1]
    assert isinstance(article, Article)
    assert "minister\u2019s statement" in article.text
    assert "\ufffd" not in article.text


def test_jsonl_line_that_is_not_json_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(
        '{"id": "r1", "text": "The court ruled on Monday."}\n'
        "this is not json\n"
        '{"id": "r3", "text": "The court adjourned on Tuesday."}\n'
    )
    results = _articles([str(path)], Settings())
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert failure.source == f"{path}:2" and "not valid JSON" in failure.reason
    assert [r.id for r in results if isinstance(r, Article)] == ["r1", "r3"]


def test_empty_jsonl_file_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    results = _articles([str(path), str(good)], Settings())
    assert [type(r).__name__ for r in results] == ["Failure", "Article"]
    failure = results[0]
    assert isinstance(failure, Failure)
    assert failure.source == str(path) and "empty input" in failure.reason


def test_missing_and_unknown_inputs_fail_in_place(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    odd = tmp_path / "data.bin"
    odd.write_bytes(b"\x00\x01")
    results = _articles([str(tmp_path / "nope.html"), str(odd), str(good)], Settings())
    assert [type(r).__name__ for r in results] == ["Failure", "Failure", "Article"]


_MEDIA_TYPES = ("text/html", "text/plain", "application/x-article")


@settings(max_examples=60, deadline=None)
@given(
    content=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300),
        st.lists(
            st.sampled_from(["<p>", "</p>", "<div>", "By ", "\n", "\x00", "\ud800", "a b."])
        ).map("".join),
    ),
    media_type=st.sampled_from(_MEDIA_TYPES),
)
def test_any_content_gives_an_article_or_an_input_error(
    content: bytes | str, media_type: str
) -> None:
    raw = RawDocument(source="fuzz", content=content, media_type=media_type)
    try:
        article = to_article(raw, Settings())
    except InputError as exc:
        assert exc.source == "fuzz" and exc.message
        return
    assert article.text.strip()
    article.text.encode("utf-8")  # always serialisable
    for start, end in article.paragraphs:
        assert 0 <= start < end <= len(article.text)
