"""Synthetic news for the scale tests: tiny JSONL articles with real-looking events.

Written by the project; names are generic countries, cities and weekdays, varied so that
every document is distinct (its own id and text).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

_ACTORS = (
    "French",
    "Russian",
    "Turkish",
    "Israeli",
    "Indian",
    "Chinese",
    "Ukrainian",
    "Iranian",
    "Egyptian",
    "Pakistani",
)
_PLACES = ("Aleppo", "Kharkiv", "Gaza", "Mosul", "Idlib", "Donetsk", "Kabul", "Tripoli")
_LEADERS = (
    ("French", "Emmanuel Macron"),
    ("Russian", "Vladimir Putin"),
    ("Chinese", "Xi Jinping"),
    ("Turkish", "Recep Tayyip Erdogan"),
    ("Indian", "Narendra Modi"),
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CITIES = ("Paris", "Moscow", "Beijing", "Ankara", "New Delhi", "Cairo", "Berlin")


def sentence(rng: random.Random) -> str:
    day = rng.choice(_DAYS)
    kind = rng.randrange(3)
    if kind == 0:
        return (
            f"{rng.choice(_ACTORS)} forces struck {rng.choice(_PLACES)} on {day}, officials said."
        )
    (adj1, name1), (adj2, name2) = rng.sample(_LEADERS, 2)
    if kind == 1:
        return (
            f"{adj1} President {name1} met {adj2} President {name2} "
            f"in {rng.choice(_CITIES)} on {day}."
        )
    return f"{adj1} President {name1} accused {adj2} officials of lying on {day}."


def write_corpus(path: Path, n: int, *, seed: int = 7, most_sentences: int = 2) -> Path:
    """``n`` articles of one to ``most_sentences`` sentences as JSONL, each with its own id."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(sentence(rng) for _ in range(rng.randint(1, most_sentences)))
            row = {
                "id": f"syn-{i:06d}",
                "url": f"https://news.example/{i}",
                "published": f"2025-0{1 + i % 9}-1{i % 10}",
                "text": text,
            }
            fh.write(json.dumps(row) + "\n")
    return path
