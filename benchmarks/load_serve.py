"""A bounded load test of the HTTP API on loopback: GET /api/timeline, N requests at C
concurrent, against a uvicorn subprocess serving a store. Stops by itself (request count
and a wall-clock budget); reports errors, p50/p99 latency and requests per second.

    .venv/bin/python benchmarks/load_serve.py [--db demo.duckdb] [--requests 10000]
        [--concurrency 50] [--time-limit 120]

Without --db (or with a file that does not exist) it first ingests examples/corpus into it.
Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SERVER = (
    "import sys\n"
    "from dateline.serve import run\n"
    "run(sys.argv[1], host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')\n"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def ensure_store(db: Path) -> None:
    if db.exists():
        return
    print(f"building {db} from examples/corpus ...", file=sys.stderr)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "dateline",
            "ingest",
            str(REPO / "examples" / "corpus"),
            "--db",
            str(db),
        ],
        check=True,
    )


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("server did not answer /api/health within 30 s")


def queries(base: str) -> list[dict[str, Any]]:
    """Realistic timeline asks: the busiest dyads, one actor, a type, everything."""
    dyads = httpx.get(f"{base}/api/dyads", params={"limit": 3}, timeout=5).json()["items"]
    asks: list[dict[str, Any]] = [{"actor": [d["a"], d["b"]]} for d in dyads]
    if dyads:
        asks.append({"actor": dyads[0]["a"]})
    asks += [{"type": "CONSULT"}, {"q": "summit"}, {}]
    return asks


async def load(
    base: str, asks: list[dict[str, Any]], total: int, concurrency: int, budget: float
) -> dict[str, Any]:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    counter = itertools.count()
    deadline = time.monotonic() + budget
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:

        async def worker() -> None:
            while time.monotonic() < deadline:
                i = next(counter)
                if i >= total:
                    return
                start = time.perf_counter()
                try:
                    response = await client.get("/api/timeline", params=asks[i % len(asks)])
                    key = None if response.status_code == 200 else str(response.status_code)
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                latencies.append(time.perf_counter() - start)
                if key is not None:
                    errors[key] = errors.get(key, 0) + 1

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began

    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {
        "requests": len(latencies),
        "concurrency": concurrency,
        "errors": sum(errors.values()),
        "errors_by_kind": errors,
        "seconds": round(elapsed, 2),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(pct(0.50), 1),
        "p99_ms": round(pct(0.99), 1),
        "max_ms": round(latencies[-1] * 1000, 1),
        "stopped_by_time_limit": len(latencies) < total,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="store to serve (default: a temporary demo)")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds, at most")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "demo.duckdb"
        ensure_store(db)
        port = free_port()
        server = start_server(db, port)
        try:
            base = f"http://{HOST}:{port}"
            asks = queries(base)
            result = asyncio.run(load(base, asks, args.requests, args.concurrency, args.time_limit))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    result["cpus"] = os.cpu_count()
    result["queries"] = len(asks)
    print(json.dumps(result, indent=2))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
