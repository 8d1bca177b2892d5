"""Input libraries load when an input needs them, never when dateline is imported."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("httpx", "feedparser", "pyarrow", "fastwarc", "datasketch")


def test_ingest_modules_import_no_input_library() -> None:
    code = (
        "import sys\n"
        "import dateline.ingest.readers, dateline.ingest.dedup, dateline.ingest.fetch\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == ""
