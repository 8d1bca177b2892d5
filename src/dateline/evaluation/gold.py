"""Gold events for the project's own sample corpus, and a scorer against them.

Beside each corpus file ``NAME`` lies ``NAME.gold.json``::

    {"documents": [{"file": NAME, "id": null | "row id", "published": "YYYY-MM-DD",
                    "events": [{"key", "type", "mode", "actor", "recipient", "status",
                                "date": {"start", "end"}, "place": null | {"name", "country"},
                                "sentence", "trigger"}]}]}

One entry per article (a ``.jsonl`` file lists one per row, with the row's ``id``). ``key``
names the real event, the same in every document that tells it, so that cross-document
merging can be checked. ``examples/README.md`` gives the coding conventions.

:func:`score` pairs predicted events with gold ones in the same document: the predicted
evidence sentence must contain (or substantially overlap) the gold sentence, and, for an
event match, the type must agree. Field accuracies are measured on matched pairs.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, cast

from dateline.config import Settings
from dateline.errors import EvalError
from dateline.evaluation.report import EvalReport
from dateline.events.ontology import EVENT_TYPES
from dateline.records import STATUSES, Entity, Event, Extraction, Failure, Status

GOLD_SUFFIX = ".gold.json"

_EVENT_KEYS = frozenset(
    {
        "key",
        "type",
        "mode",
        "actor",
        "recipient",
        "status",
        "date",
        "place",
        "sentence",
        "trigger",
    }
)
_DOC_KEYS = frozenset({"file", "id", "published", "events"})


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    country: str | None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One event mention a careful analyst codes in one sentence of the body."""

    key: str
    type: str
    mode: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    status: Status
    start: date | None
    end: date | None
    place: GoldPlace | None
    sentence: str
    trigger: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """The gold events of one article: a whole file, or one row of a ``.jsonl`` file."""

    file: str
    id: str | None
    published: date | None
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class GoldCorpus:
    root: Path
    documents: tuple[GoldDocument, ...]

    @property
    def events(self) -> tuple[GoldEvent, ...]:
        return tuple(e for d in self.documents for e in d.events)

    def document_for(self, extraction: Extraction) -> GoldDocument | None:
        """The gold document an extraction belongs to: by article id, else by file name."""
        article = extraction.article
        for doc in self.documents:
            if doc.id is not None and doc.id == article.id:
                return doc
        name = Path(article.origin.split("#", 1)[0]).name if article.origin else ""
        for doc in self.documents:
            if doc.id is None and doc.file == name:
                return doc
        return None


# -- loading ------------------------------------------------------------------------------


def load_gold(corpus_dir: Path) -> GoldCorpus:
    """Read and validate every ``*.gold.json`` under ``corpus_dir``; EvalError names the file."""
    root = Path(corpus_dir)
    if not root.is_dir():
        raise EvalError("gold corpus directory not found", source=str(root))
    paths = sorted(p for p in root.rglob("*" + GOLD_SUFFIX) if p.is_file())
    if not paths:
        raise EvalError(f"no *{GOLD_SUFFIX} files", source=str(root))
    documents: list[GoldDocument] = []
    seen: set[tuple[str, str | None]] = set()
    for path in paths:
        for doc in _load_file(path):
            ident = (doc.file, doc.id)
            if ident in seen:
                raise EvalError(f"document {ident} is listed twice", source=str(path))
            seen.add(ident)
            documents.append(doc)
    return GoldCorpus(root=root, documents=tuple(documents))


def _load_file(path: Path) -> list[GoldDocument]:
    src = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read gold file: {exc}", source=src) from exc
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise EvalError('expected an object with a "documents" list', source=src)
    docs = []
    for i, raw in enumerate(data["documents"]):
        docs.append(_document(raw, path, f"documents[{i}]"))
    return docs


def _document(raw: object, path: Path, where: str) -> GoldDocument:
    src = str(path)
    obj = _object(raw, _DOC_KEYS, src, where)
    file = obj.get("file")
    if not isinstance(file, str) or not file:
        raise EvalError(f'{where}: "file" must be a non-empty string', source=src)
    if not (path.parent / file).is_file():
        raise EvalError(f"{where}: corpus file {file!r} not found beside it", source=src)
    ident = obj.get("id")
    if ident is not None and not isinstance(ident, str):
        raise EvalError(f'{where}: "id" must be a string or null', source=src)
    published = _date(obj.get("published"), src, f"{where}.published")
    raw_events = obj.get("events")
    if not isinstance(raw_events, list):
        raise EvalError(f'{where}: "events" must be a list', source=src)
    events = tuple(_event(e, src, f"{where}.events[{j}]") for j, e in enumerate(raw_events))
    return GoldDocument(file=file, id=ident, published=published, events=events)


def _event(raw: object, src: str, where: str) -> GoldEvent:
    obj = _object(raw, _EVENT_KEYS, src, where)
    missing = sorted(_EVENT_KEYS - obj.keys())
    if missing:
        raise EvalError(f"{where}: missing {', '.join(missing)}", source=src)
    key = _text(obj["key"], src, f"{where}.key")
    etype = obj["type"]
    if etype not in EVENT_TYPES:
        raise EvalError(f"{where}: unknown event type {etype!r}", source=src)
    status = obj["status"]
    if status not in STATUSES:
        raise EvalError(f"{where}: unknown status {status!r}", source=src)
    mode = obj["mode"]
    if mode is not None and not isinstance(mode, str):
        raise EvalError(f'{where}: "mode" must be a string or null', source=src)
    actor = _codes(obj["actor"], src, f"{where}.actor")
    recipient = _codes(obj["recipient"], src, f"{where}.recipient")
    span = obj["date"]
    if not isinstance(span, dict) or set(span) != {"start", "end"}:
        raise EvalError(f'{where}: "date" must be {{"start", "end"}}', source=src)
    start = _date(span["start"], src, f"{where}.date.start")
    end = _date(span["end"], src, f"{where}.date.end")
    if start is not None and end is not None and start > end:
        raise EvalError(f"{where}: date starts after it ends", source=src)
    place = _place(obj["place"], src, f"{where}.place")
    sentence = _text(obj["sentence"], src, f"{where}.sentence")
    trigger = _text(obj["trigger"], src, f"{where}.trigger")
    if trigger not in sentence:
        raise EvalError(f"{where}: trigger {trigger!r} is not in the sentence", source=src)
    return GoldEvent(
        key=key,
        type=etype,
        mode=mode,
        actor=actor,
        recipient=recipient,
        status=cast(Status, status),
        start=start,
        end=end,
        place=place,
        sentence=sentence,
        trigger=trigger,
    )


def _object(raw: object, keys: frozenset[str], src: str, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise EvalError(f"{where}: expected an object", source=src)
    unknown = sorted(set(raw) - keys)
    if unknown:
        raise EvalError(f"{where}: unknown field(s) {', '.join(unknown)}", source=src)
    return cast(dict[str, Any], raw)


def _text(value: object, src: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise EvalError(f"{where}: expected a non-empty string", source=src)
    return value


def _codes(value: object, src: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(
        isinstance(v, str) and re.fullmatch(r"[A-Z]{2,5}", v) for v in value
    ):
        raise EvalError(f"{where}: expected a list of upper-case codes", source=src)
    return tuple(value)


def _date(value: object, src: str, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise EvalError(f"{where}: expected an ISO date or null, got {value!r}", source=src)


def _place(value: object, src: str, where: str) -> GoldPlace | None:
    if value is None:
        return None
    obj = _object(value, frozenset({"name", "country"}), src, where)
    name = _text(obj.get("name"), src, f"{where}.name")
    country = obj.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 3):
        raise EvalError(f"{where}: country must be an ISO alpha-3 code or null", source=src)
    return GoldPlace(name=name, country=country)


# -- sentences ----------------------------------------------------------------------------

_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z])")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof"}
)


def split_sentences(text: str) -> list[str]:
    """Sentences of a body by a simple rule (end mark, space, capital); lines never join."""
    out: list[str] = []
    for line in text.splitlines():
        pos = 0
        for m in _SPLIT.finditer(line):
            before = line[pos : m.start()].rstrip(".!?")
            last = before.rsplit(None, 1)[-1] if before.split() else ""
            # "Mr. Smith", "U.S. officials", "J. Smith": not sentence ends
            if last.lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z](?:\.[A-Z])*", last):
                continue
            out.append(line[pos : m.start() + len(m.group().rstrip())].strip())
            pos = m.end()
        out.append(line[pos:].strip())
    return [s for s in out if s]


def _norm(text: str) -> str:
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
    return " ".join(text.translate(table).split())


def sentence_match(predicted: str, gold: str) -> float:
    """How well a predicted evidence sentence covers a gold sentence: 0 (not at all) to 1."""
    p, g = _norm(predicted), _norm(gold)
    if not p or not g:
        return 0.0
    if p == g:
        return 1.0
    if g in p:
        return 0.9
    if p in g and len(p) >= 0.5 * len(g):
        return 0.8
    pt = Counter(re.findall(r"\w+", p.lower()))
    gt = Counter(re.findall(r"\w+", g.lower()))
    common = sum((pt & gt).values())
    if gt and pt and common >= 0.8 * sum(gt.values()) and common >= 0.5 * sum(pt.values()):
        return 0.7
    return 0.0


# -- scoring ------------------------------------------------------------------------------


def _countries(entities: Iterable[Entity]) -> frozenset[str]:
    return frozenset(e.country for e in entities if e.country)


def _date_ok(pred: Event, gold: GoldEvent) -> bool:
    d = pred.date
    if gold.start is None and gold.end is None:
        return d.basis == "publication" or (d.start is None and d.end is None)
    if gold.start is not None and (d.start is None or d.start < gold.start):
        return False
    if gold.end is not None and (d.end is None or d.end > gold.end):
        return False
    return not (d.start is not None and d.end is not None and d.start > d.end)


@cache
def _names_country(name: str, iso3: str) -> bool:
    """Whether ``name`` names the country ``iso3`` itself (not a place inside it)."""
    import pycountry  # only scoring needs it; the loader does not

    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return False
    want = name.casefold()
    for attr in ("name", "common_name", "official_name"):
        known = str(getattr(country, attr, "") or "").casefold()
        if not known:
            continue
        core = known.partition(",")[0]  # "korea, republic of", "iran, islamic ..."
        inner = known[known.find("(") + 1 : known.rfind(")")] if "(" in known else ""
        if (
            known.startswith(want)  # "russia" -> "russian federation"
            or want == core
            or want.split()[-1] == core  # "south korea" -> "korea, republic of"
            or (inner and inner.startswith(want))  # "holy see (vatican city state)"
        ):
            return True
    return False


def _place_ok(pred: Event, gold: GoldEvent) -> bool:
    gp, pp = gold.place, pred.place
    if gp is None:
        return True
    if pp is None or pp.country != gp.country:
        return False
    want = gp.name.casefold()
    if want in {(pp.name or "").casefold(), pp.text.casefold()}:
        return True
    return gp.country is not None and _names_country(gp.name, gp.country)


def _pair_score(pred: Event, gold: GoldEvent, sent: float) -> float:
    score = sent * 10
    score += 3 if pred.type == gold.type else 0
    score += 2 if pred.evidence.trigger.casefold() == gold.trigger.casefold() else 0
    score += 1 if _countries(pred.actor) == frozenset(gold.actor) else 0
    score += 1 if _date_ok(pred, gold) else 0
    return score


def _match(
    preds: Sequence[Event], golds: Sequence[GoldEvent], *, same_type: bool
) -> list[tuple[Event, GoldEvent]]:
    """Greedy one-to-one pairing, best-scoring pairs first (ties in document order)."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if same_type and p.type != g.type:
                continue
            sent = sentence_match(p.evidence.sentence, g.sentence)
            if sent > 0:
                candidates.append((_pair_score(p, g, sent), gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[Event, GoldEvent]] = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((preds[pi], golds[gi]))
    return pairs


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def score(
    extractions: Iterable[Extraction],
    gold: GoldCorpus,
    *,
    failures: Sequence[Failure] = (),
    dataset: str | None = None,
) -> EvalReport:
    """Score extractions against the gold corpus (see the module docstring)."""
    notes: list[str] = []
    covered: set[tuple[str, str | None]] = set()
    predicted = matched = 0
    type_pairs = type_right = 0
    tallies: dict[str, list[int]] = {
        k: [0, 0] for k in ("actor", "recipient", "status", "date", "place")
    }
    false_events = empty_sentences = planned_early = 0
    for ex in extractions:
        events = ex.events
        predicted += len(events)
        doc = gold.document_for(ex)
        published = ex.article.published or (doc.published if doc else None)
        planned_early += sum(
            1
            for e in events
            if e.status == "planned"
            and published is not None
            and e.date.start is not None
            and e.date.start < published
        )
        if doc is None:
            notes.append(f"no gold document for {ex.article.origin or ex.article.id}")
            continue
        covered.add((doc.file, doc.id))
        for p, g in _match(events, doc.events, same_type=False):
            type_pairs += 1
            type_right += p.type == g.type
        pairs = _match(events, doc.events, same_type=True)
        matched += len(pairs)
        for p, g in pairs:
            checks: dict[str, bool | None] = {
                "actor": None if not g.actor else _countries(p.actor) == frozenset(g.actor),
                "recipient": None
                if not g.recipient
                else _countries(p.recipient) == frozenset(g.recipient),
                "status": p.status == g.status,
                "date": _date_ok(p, g),
                "place": None if g.place is None else _place_ok(p, g),
            }
            for name, ok in checks.items():
                if ok is not None:
                    tallies[name][0] += ok
                    tallies[name][1] += 1
        gold_sentences = [g.sentence for g in doc.events]
        for sentence in split_sentences(ex.article.text):
            if not any(sentence_match(sentence, gs) > 0 for gs in gold_sentences):
                empty_sentences += 1
        false_events += sum(
            1
            for e in events
            if not any(sentence_match(e.evidence.sentence, gs) > 0 for gs in gold_sentences)
        )
    missing = [d for d in gold.documents if (d.file, d.id) not in covered]
    for d in missing:
        notes.append(f"gold document not extracted: {d.file}" + (f"#{d.id}" if d.id else ""))
    for f in failures:
        notes.append(f"failed: {f.source} ({f.stage}): {f.reason}")
    gold_events = len(gold.events)
    precision = _ratio(matched, predicted)
    recall = _ratio(matched, gold_events)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics: tuple[tuple[str, float], ...] = (
        ("precision", precision),
        ("recall", recall),
        ("f1", f1),
        ("type_accuracy", _ratio(type_right, type_pairs)),
        ("actor_country_accuracy", _ratio(*tallies["actor"])),
        ("recipient_country_accuracy", _ratio(*tallies["recipient"])),
        ("status_accuracy", _ratio(*tallies["status"])),
        ("date_accuracy", _ratio(*tallies["date"])),
        ("place_accuracy", _ratio(*tallies["place"])),
        ("false_event_rate", _ratio(false_events, empty_sentences)),
        ("planned_before_publication", float(planned_early)),
    )
    counts = (
        ("gold_events", gold_events),
        ("predicted_events", predicted),
        ("matched", matched),
        ("documents", len(covered)),
        ("gold_documents", len(gold.documents)),
        ("failures", len(failures)),
    )
    return EvalReport(
        name="gold",
        dataset=dataset or str(gold.root),
        metrics=metrics,
        counts=counts,
        notes=tuple(notes),
    )


def details(extractions: Iterable[Extraction], gold: GoldCorpus) -> tuple[str, ...]:
    """One line per disagreement, for error analysis: gold events missed, predicted events
    with no gold, and the fields a matched pair gets wrong."""
    lines: list[str] = []
    for ex in extractions:
        doc = gold.document_for(ex)
        if doc is None:
            continue
        name = doc.file + (f"#{doc.id}" if doc.id else "")
        pairs = _match(ex.events, doc.events, same_type=True)
        matched_gold = {id(g) for _, g in pairs}
        matched_pred = {id(p) for p, _ in pairs}
        for p, g in pairs:
            wrong = _wrong_fields(p, g)
            if wrong:
                lines.append(
                    f"{name}: WRONG {g.type} '{g.trigger}': {'; '.join(wrong)}"
                    f" | {p.evidence.sentence[:160]}"
                )
        for g in doc.events:
            if id(g) not in matched_gold:
                lines.append(f"{name}: MISSED {g.type} '{g.trigger}': {g.sentence[:100]}")
        for p in ex.events:
            if id(p) not in matched_pred:
                lines.append(
                    f"{name}: EXTRA {p.type} '{p.evidence.trigger}': {p.evidence.sentence[:100]}"
                )
    return tuple(lines)


def _wrong_fields(p: Event, g: GoldEvent) -> list[str]:
    wrong: list[str] = []
    if g.actor and _countries(p.actor) != frozenset(g.actor):
        wrong.append(f"actor {sorted(_countries(p.actor))} vs {list(g.actor)}")
    if g.recipient and _countries(p.recipient) != frozenset(g.recipient):
        wrong.append(f"recipient {sorted(_countries(p.recipient))} vs {list(g.recipient)}")
    if p.status != g.status:
        wrong.append(f"status {p.status} vs {g.status}")
    if not _date_ok(p, g):
        wrong.append(f"date {p.date.start}..{p.date.end} ({p.date.basis}) vs {g.start}..{g.end}")
    if g.place is not None and not _place_ok(p, g):
        got = f"{p.place.name}/{p.place.country}" if p.place else "none"
        wrong.append(f"place {got} vs {g.place.name}/{g.place.country}")
    return wrong


def run(corpus_dir: Path, settings: Settings, *, details_wanted: bool = False) -> EvalReport:
    """Run the pipeline over the sample corpus and score it against its gold events;
    with ``details_wanted``, the report's notes list every disagreement."""
    from dataclasses import replace

    from dateline.ingest.readers import read_inputs
    from dateline.pipeline import Pipeline

    gold = load_gold(corpus_dir)
    results = list(Pipeline(settings).run(read_inputs([str(corpus_dir)], settings)))
    extractions = [r for r in results if isinstance(r, Extraction)]
    failures = [r for r in results if isinstance(r, Failure)]
    report = score(extractions, gold, failures=failures, dataset=str(corpus_dir))
    if details_wanted:
        report = replace(report, notes=(*report.notes, *details(extractions, gold)))
    return report
