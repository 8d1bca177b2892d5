"""The HTTP API and web page over an event store.

>>> from dateline.config import Settings
>>> from dateline.serve import create_app
>>> app = create_app("events.duckdb", Settings())   # doctest: +SKIP
>>> from dateline.serve import run
>>> run("events.duckdb", port=8000)                   # doctest: +SKIP

``create_app`` opens nothing until the first request; ``run`` binds 127.0.0.1 unless told
otherwise. Endpoints and the page are described in ``docs/serve.md``.
"""

from __future__ import annotations

from dateline.serve.api import create_app
from dateline.serve.server import run

__all__ = ["create_app", "run"]
