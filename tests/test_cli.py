"""The command line as a user meets it: bad input in a batch, exit codes, no tracebacks."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

GOOD = (
    "date 2024-03-05\n"
    "Leaders meet in Lisbon\n\n"
    "Portuguese Prime Minister Luis Montenegro will visit Spain on March 12, his office said.\n"
)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def bad_batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-garbage.html").write_bytes(bytes(range(256)) * 64)
    (folder / "c-huge.html").write_bytes(
        b"<html><body>" + b"<p>filler text for a very long page</p>" * 600_000 + b"</body></html>"
    )
    (folder / "d-cp1252.txt").write_bytes(
        "date 2024-03-05\nCaf\xe9 talks\n\nThe minister met his counterpart.\n".encode("cp1252")
    )
    (folder / "e-rows.jsonl").write_text(
        '{"id": "ok-row", "title": "t", "published": "2024-03-05", "text": "Plain news."}\n'
        "this line is not json\n",
        encoding="utf-8",
    )
    (folder / "f-good.txt").write_text(GOOD, encoding="utf-8")
    with gzip.open(folder / "g-good.html.gz", "wt", encoding="utf-8") as fh:
        fh.write(
            "<html><head><title>Talks</title></head><body><article><p>"
            + GOOD.splitlines()[-1]
            + "</p></article></body></html>"
        )
    return folder


def test_a_bad_batch_reports_each_bad_document_on_one_line_and_codes_the_rest(
    bad_batch: Path,
) -> None:
    result = run_cli("extract", str(bad_batch))
    err = result.stderr.decode()
    assert result.returncode == 0, err
    assert "Traceback" not in err
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    origins_ok = {line["article"]["id"] for line in lines}
    assert "ok-row" in origins_ok
    assert len(lines) >= 4  # cp1252 text, the good JSONL row, the .txt and the .html.gz
    for name in ("a-empty.txt", "b-garbage.html", "c-huge.html", "e-rows.jsonl:2"):
        matching = [line for line in err.splitlines() if name in line]
        assert len(matching) == 1, (name, err)
    assert any(e["type"] == "CONSULT" for line in lines for e in line["events"])


def test_exit_code_is_non_zero_only_when_nothing_could_be_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("extract", str(empty))
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"empty.txt" in result.stderr


def test_a_missing_path_is_named(tmp_path: Path) -> None:
    result = run_cli("extract", str(tmp_path / "nope.html"))
    assert result.returncode == 1
    assert b"nope.html" in result.stderr and b"Traceback" not in result.stderr


def test_no_events_stops_after_the_article_stage_and_reads_stdin() -> None:
    result = run_cli("extract", "--no-events", "-", stdin=GOOD.encode())
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout)
    assert record["article"]["published"] == "2024-03-05"
    assert record["events"] == []


def test_ingest_twice_adds_nothing_the_second_time_and_timeline_reads_it(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "x.duckdb")
    source = tmp_path / "one.txt"
    source.write_text(GOOD, encoding="utf-8")
    first = run_cli("ingest", str(source), "--db", db)
    assert first.returncode == 0, first.stderr.decode()
    second = run_cli("ingest", str(source), "--db", db)
    assert b"ingested 0 new documents" in second.stderr
    timeline = run_cli("timeline", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in timeline.stdout.decode().splitlines()]
    assert rows and rows[0]["date_start"] == "2024-03-12"


def test_python_dash_m_dateline_shows_help() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert b"extract" in result.stdout and b"timeline" in result.stdout


def test_export_canonical_gdelt_writes_one_row_per_canonical_event(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    source = tmp_path / "one.txt"
    source.write_text(GOOD, encoding="utf-8")
    assert run_cli("ingest", str(source), "--db", db).returncode == 0
    out = tmp_path / "c.tsv"
    done = run_cli("export", "--db", db, "--format", "gdelt", "--canonical", "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    assert b"canonical events" in done.stderr
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    wrong = run_cli("export", "--db", db, "--format", "csv", "--canonical")
    assert wrong.returncode != 0 and b"--canonical goes with --format gdelt" in wrong.stderr


def test_dyad_types_one_sentence_or_a_file_and_names_bad_rows(tmp_path: Path) -> None:
    one = run_cli(
        "dyad",
        "Norway expelled three Russian diplomats.",
        "--source",
        "Norway",
        "--target",
        "Russian diplomats",
    )
    assert one.returncode == 0, one.stderr.decode()
    (coded,) = [json.loads(line) for line in one.stdout.decode().splitlines()]
    assert coded["type"] == "SANCTION" and coded["basis"] in ("rules", "classifier")
    assert coded["cameo"] and coded["quad"]
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        '{"id": "x", "text": "Kenyan police arrested twelve protesters.", '
        '"source": "Kenyan police"}\n{"id": "y", "text": "abc", "source": "Peru"}\n',
        encoding="utf-8",
    )
    batch = run_cli("dyad", "--input", str(queries))
    err = batch.stderr.decode()
    assert batch.returncode == 0 and "Traceback" not in err
    assert [json.loads(line)["id"] for line in batch.stdout.decode().splitlines()] == ["x"]
    assert "y: source 'Peru' does not occur in the text" in err
    usage = run_cli("dyad", "just text")  # no --source
    assert (
        usage.returncode != 0 and b"--source" in usage.stderr and b"Traceback" not in usage.stderr
    )
