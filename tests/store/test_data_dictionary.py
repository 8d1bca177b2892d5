"""docs/data.md must describe exactly the schema a fresh store has, and the export columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.store import Store
from dateline.store.export import FLAT_COLUMNS
from dateline.store.gdelt import GDELT_COLUMNS

_HEADING = re.compile(r"^### `(\w+)` \((table|view)\)\s*$")
_ROW = re.compile(r"^\| `(\w+)` \| (\w+) \| (.+) \|\s*$")


def _doc(repo_dir: Path) -> str:
    return (repo_dir / "docs" / "data.md").read_text("utf-8")


def documented_schema(text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """``{table: (kind, [(column, type), ...])}`` from the ``### `name` (kind)`` sections."""
    found: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    current: list[tuple[str, str]] | None = None
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = []
            found[heading[1]] = (heading[2], current)
            continue
        if line.startswith("## ") or line.startswith("### "):
            current = None
            continue
        row = _ROW.match(line)
        if row and current is not None:
            assert row[3].strip(), f"column {row[1]} has no description"
            current.append((row[1], row[2]))
    return found


def actual_schema(tmp_path: Path) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    with Store.open(tmp_path / "fresh.duckdb") as store:
        con = store.connection()
        kinds = dict(
            con.execute(
                "SELECT table_name, CASE table_type WHEN 'VIEW' THEN 'view' ELSE 'table' END "
                "FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        )
        columns = con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall()
    result: dict[str, tuple[str, list[tuple[str, str]]]] = {
        name: (kind, []) for name, kind in kinds.items()
    }
    for table, column, dtype in columns:
        result[table][1].append((column, dtype))
    return result


def _backticked_list(text: str, heading: str) -> list[str]:
    section = text.split(heading, 1)[1]
    section = re.split(r"^#{2,3} ", section, maxsplit=1, flags=re.MULTILINE)[0]
    return re.findall(r"`(\w+)`", section)


def test_every_table_and_column_is_documented_and_nothing_else(
    repo_dir: Path, tmp_path: Path
) -> None:
    documented = documented_schema(_doc(repo_dir))
    actual = actual_schema(tmp_path)
    assert sorted(documented) == sorted(actual), "tables/views in docs/data.md differ"
    for table, (kind, columns) in actual.items():
        doc_kind, doc_columns = documented[table]
        assert doc_kind == kind, f"{table}: documented as {doc_kind}, is a {kind}"
        assert doc_columns == columns, f"{table}: docs/data.md columns (name, type) differ"


def test_export_columns_are_documented_in_order(repo_dir: Path) -> None:
    text = _doc(repo_dir)
    assert tuple(_backticked_list(text, "### csv / parquet columns")) == FLAT_COLUMNS
    assert tuple(_backticked_list(text, "### gdelt columns")) == GDELT_COLUMNS


@pytest.mark.parametrize("drift", ["missing column", "wrong type"])
def test_the_check_notices_drift(repo_dir: Path, tmp_path: Path, drift: str) -> None:
    text = _doc(repo_dir)
    if drift == "missing column":
        broken = text.replace("| `byline` | VARCHAR | Author line, or null. |\n", "")
    else:
        broken = text.replace(
            "| `published` | DATE | Publication date", "| `published` | VARCHAR | Publication date"
        )
    assert broken != text
    assert documented_schema(broken) != actual_schema(tmp_path)
