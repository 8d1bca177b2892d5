"""TempEval-3 style evaluation of the time tagger on TimeML (``.tml``) files.

Each document's ``<TEXT>`` is tagged with its creation time (the DCT timex) as the anchor;
the DCT itself is not scored. Scores, as in TempEval-3: span precision/recall/F1 with
exact (strict) and overlapping (relaxed) matches; type accuracy over relaxed matches;
value F1 where a value counts when it is right on a relaxed match (precision over the
system's timexes, recall over the gold ones). Values are compared after spelling variants of
one value are made one (:func:`canonical`): the corpora write a decade, a week number and a
whole hour in more than one way.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from dateline.config import Settings
from dateline.errors import EvalError
from dateline.evaluation.report import EvalReport
from dateline.records import TimeSpan
from dateline.time.tagger import tag_times


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDoc:
    name: str
    text: str
    dct: date | None
    paragraphs: tuple[tuple[int, int], ...]
    timexes: tuple[GoldTimex, ...]


@cache
def _markup() -> re.Pattern[str]:
    return re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>|([^<]+)", re.DOTALL)


def _attr(attrs: str, name: str) -> str:
    m = re.search(rf'\b{name}="([^"]*)"', attrs)
    return m.group(1) if m else ""


def parse_tml(path: Path) -> TimemlDoc:
    """The plain text of ``<TEXT>``, its gold timexes (offsets into it) and the DCT."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read TimeML file: {exc}", source=str(path)) from exc
    dct = _dct(raw, path)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.DOTALL)
    if body is None:
        raise EvalError("no <TEXT> element", source=str(path))
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, str] | None = None
    timexes: list[GoldTimex] = []
    for m in _markup().finditer(body.group(1)):
        if m.group(4) is not None:
            chunk = html.unescape(m.group(4))
            pieces.append(chunk)
            length += len(chunk)
        elif m.group(2) == "TIMEX3":
            if not m.group(1):
                open_timex = (length, m.group(3))
            elif open_timex is not None:
                begin, attrs = open_timex
                if "CREATION_TIME" not in attrs:
                    timexes.append(
                        GoldTimex(begin, length, _attr(attrs, "type"), _attr(attrs, "value"))
                    )
                open_timex = None
    text = "".join(pieces)
    paragraphs = tuple(
        (m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)??(?=\n\s*\n|\s*$)", text, re.DOTALL)
    )
    return TimemlDoc(path.name, text, dct, paragraphs, tuple(_trimmed(t, text) for t in timexes))


def _trimmed(timex: GoldTimex, text: str) -> GoldTimex:
    start, end = timex.start, timex.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return GoldTimex(start, end, timex.type, timex.value)


def _dct(raw: str, path: Path) -> date | None:
    m = re.search(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", raw)
    if m is None:
        return None
    value = _attr(m.group(0), "value")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise EvalError(f"unreadable creation time {value!r}", source=str(path)) from None


@dataclass
class _Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, gold: tuple[GoldTimex, ...], system: tuple[TimeSpan, ...]) -> None:
        self.gold += len(gold)
        self.system += len(system)
        used: set[int] = set()
        for g in gold:
            match = _best_match(g, system, used)
            if match is None:
                continue
            used.add(match)
            s = system[match]
            self.relaxed += 1
            self.strict += s.start == g.start and s.end == g.end
            self.type_ok += s.type == g.type
            self.value_ok += canonical(s.value) == canonical(g.value)


@cache
def _notations() -> tuple[tuple[re.Pattern[str], str], ...]:
    return (
        (re.compile(r"^(\d{3})$"), r"\1X"),  # a decade: TimeBank writes 199, AQUAINT 199X
        (re.compile(r"-W(\d)(?=$|-)"), r"-W0\1"),  # unpadded ISO week numbers
        (re.compile(r"T(\d\d)$"), r"T\1:00"),  # a whole hour without its minutes
        (re.compile(r"^(\d\d)XX$"), r"\1"),  # a century: 19XX (TIMEX2 style) and 19
    )


def canonical(value: str) -> str:
    """One spelling for values that name the same thing in different TimeML notations
    (``199`` and ``199X``, ``2000-W7`` and ``2000-W07``, ``T17`` and ``T17:00``, ``19XX``
    and ``19``)."""
    for pattern, replacement in _notations():
        value = pattern.sub(replacement, value)
    return value


def _best_match(g: GoldTimex, system: tuple[TimeSpan, ...], used: set[int]) -> int | None:
    best: tuple[int, int] | None = None
    for index, s in enumerate(system):
        if index in used or s.end <= g.start or s.start >= g.end:
            continue
        overlap = min(s.end, g.end) - max(s.start, g.start)
        if best is None or overlap > best[0]:
            best = (overlap, index)
    return best[1] if best else None


def _prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = hits / system if system else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _unique(files: list[Path]) -> list[Path]:
    """One file per document name: corpora ship copies (e.g. a test-pipeline sample)."""
    seen: set[str] = set()
    kept = []
    for file in files:
        if file.name not in seen:
            seen.add(file.name)
            kept.append(file)
    return kept


def run(path: Path, settings: Settings, *, limit: int | None = None) -> EvalReport:
    """Tag every ``.tml`` file under ``path`` and score it against its gold timexes."""
    del settings  # the tagger has no settings yet; kept for the harness interface
    if not path.exists():
        raise EvalError("TimeML data not found", source=str(path))
    files = _unique(sorted(path.rglob("*.tml"))) if path.is_dir() else [path]
    if not files:
        raise EvalError("no .tml files found", source=str(path))
    if limit is not None:
        files = files[:limit]
    tally = _Tally()
    for file in files:
        doc = parse_tml(file)
        tally.add(doc.timexes, tag_times(doc.text, doc.dct, doc.paragraphs))
    sp, sr, sf = _prf(tally.strict, tally.system, tally.gold)
    rp, rr, rf = _prf(tally.relaxed, tally.system, tally.gold)
    _, _, vf = _prf(tally.value_ok, tally.system, tally.gold)
    type_accuracy = tally.type_ok / tally.relaxed if tally.relaxed else 0.0
    return EvalReport(
        name="timeml",
        dataset=str(path),
        metrics=(
            ("strict_f1", sf),
            ("relaxed_f1", rf),
            ("strict_precision", sp),
            ("strict_recall", sr),
            ("relaxed_precision", rp),
            ("relaxed_recall", rr),
            ("type_accuracy", type_accuracy),
            ("value_f1", vf),
        ),
        counts=(
            ("documents", len(files)),
            ("gold", tally.gold),
            ("system", tally.system),
            ("relaxed_matches", tally.relaxed),
        ),
    )
