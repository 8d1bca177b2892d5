"""Building real stores for the serve tests (the real pipeline, like `dateline ingest`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.config import Settings
from dateline.ingest.readers import read_inputs
from dateline.store import Store

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "examples" / "corpus"


def build_store(path: Path, inputs: list[str], pipeline: Any) -> Path:
    """Code the inputs with the real pipeline and store them; returns ``path``."""
    with Store.open(path) as store:
        summary = store.add_many(pipeline.run(read_inputs(inputs, Settings())))
    assert summary.added > 0, summary
    return path
