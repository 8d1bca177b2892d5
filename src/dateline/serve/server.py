"""Running the API with uvicorn (what ``dateline serve`` calls)."""

from __future__ import annotations

from pathlib import Path

from dateline.config import Settings
from dateline.store import Store


def run(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
    *,
    log_level: str = "info",
) -> None:
    """Serve the store at ``db_path`` until interrupted; loopback only unless ``host`` says.

    The store is opened read-only once first, so that a missing, locked or outdated file
    fails here with a StoreError naming it, before anything listens.
    """
    import uvicorn

    from dateline.serve.api import create_app
    from dateline.store.snapshot import snapshot_path

    if not snapshot_path(db_path).exists():  # an ingest may hold the file; snapshots serve
        Store.open(db_path, read_only=True).close()
    app = create_app(str(db_path), settings or Settings())
    # A longer keep-alive than uvicorn's 5 s: a busy client reusing a pooled connection
    # must not race the server closing it (seen as read errors under load).
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        timeout_keep_alive=30,
    )
