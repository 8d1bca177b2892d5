"""Geoparsing evaluation on GeoWebNews and TR-News XML files.

Both corpora annotate toponym spans (character offsets into the article text) with
coordinates, and with GeoNames ids where the annotators found one.

What counts as a toponym, like with like:

- TR-News annotates every place name, adjectival and metonymic uses included ("Turkish",
  "Moscow said"), so all our kinds (place, demonym, metonym) are compared with all gold,
  except people nouns ("Americans", "Turks"), which TR-News does not annotate.
- GeoWebNews types each annotation. Gold toponyms are the types that name a place in any
  sense: Literal, Mixed, Metonymic, Literal_Modifier, Non_Literal_Modifier, Demonym,
  Embedded_Literal, Embedded_Non_Lit. Left out: Literal_Expression and Non_Lit_Expression
  ("the city", "citizens"), Coercion, Homonym, Language and Non_Toponym, which are not
  place names. All our kinds are compared with them.
- Neither corpus takes a seat of government ("the Kremlin", "the White House") for a
  toponym, so our metonyms of that sort are left out of the comparison.

Metrics: toponym ``precision``/``recall``/``f1`` on exact character spans; on the gold
toponyms we found that have coordinates, ``acc161`` (share resolved within 161 km; an
unresolved mention counts as wrong), ``mean_error_km`` and, where gold has a GeoNames id,
``geonameid_acc``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from dateline.config import Settings
from dateline.errors import EvalError
from dateline.evaluation.report import EvalReport
from dateline.geo.distance import ACCURACY_KM, haversine_km
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.stage import find_places
from dateline.nlp import load_language
from dateline.records import Article, Place

GWN_TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Mixed",
        "Metonymic",
        "Literal_Modifier",
        "Non_Literal_Modifier",
        "Demonym",
        "Embedded_Literal",
        "Embedded_Non_Lit",
    }
)
#: How far (characters) a gold offset may be off before its phrase is searched for.
_ALIGN_WINDOW = 60


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    people_nouns: bool = True
    """Whether the corpus annotates people nouns ("Americans") as toponyms."""


def _comparable(place: Place, gazetteer: Gazetteer, *, people: bool) -> bool:
    """Whether a prediction is of a kind the corpus annotates at all."""
    if gazetteer.seat(place.text) is not None:
        return False  # seats of government ("the Kremlin") are buildings to both corpora
    if not people and place.kind == "demonym" and place.text.endswith("s"):
        return gazetteer.demonym(place.text[:-1]) is None  # "Americans", "Turks"
    return True


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value and value.strip() else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """Offsets of ``phrase`` in ``text``: as given, else its nearest occurrence nearby."""
    if text[start:end] == phrase:
        return start, end
    best: int | None = None
    lo = max(0, start - _ALIGN_WINDOW)
    pos = text.find(phrase, lo)
    while pos != -1 and pos <= start + _ALIGN_WINDOW:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = text.find(phrase, pos + 1)
    return None if best is None else (best, best + len(phrase))


def read_corpus(path: Path) -> list[GoldArticle]:
    """Read GeoWebNews or TR-News XML (the format is told by the toponym elements)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"cannot read geoparsing corpus: {exc}", source=str(path)) from exc
    articles: list[GoldArticle] = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        gold: list[GoldToponym] = []
        tr_news = False
        for top in art.iter("toponym"):
            if top.find("phrase") is not None:  # TR-News
                tr_news = True
                phrase = top.findtext("phrase") or ""
                tag = top.find("gaztag")
                lat = _float(tag.findtext("lat")) if tag is not None else None
                lon = _float(tag.findtext("lon")) if tag is not None else None
                gid = _int(tag.get("geonameid")) if tag is not None else None
            else:  # GeoWebNews
                if (top.findtext("type") or "") not in GWN_TOPONYM_TYPES:
                    continue
                phrase = top.findtext("extractedName") or ""
                lat, lon = _float(top.findtext("latitude")), _float(top.findtext("longitude"))
                gid = _int(top.findtext("geonamesID"))
            start, end = _int(top.findtext("start")), _int(top.findtext("end"))
            if start is None or end is None or not phrase:
                continue
            span = _align(text, start, end, phrase)
            if span is None:
                continue
            gold.append(GoldToponym(span[0], span[1], phrase, lat, lon, gid))
        doc_id = art.get("docid") or art.get("file") or str(n)
        articles.append(GoldArticle(doc_id, text, tuple(gold), people_nouns=not tr_news))
    if not articles:
        raise EvalError("no <article> elements found", source=str(path))
    return articles


def run(path: Path, settings: Settings, *, limit: int | None = None) -> EvalReport:
    """Geoparse every article of ``path`` and score it against the gold toponyms."""
    articles = read_corpus(path)[:limit] if limit is not None else read_corpus(path)
    nlp = load_language(settings)
    gazetteer = Gazetteer.load()
    n_gold = n_pred = n_match = 0
    n_geo = n_within = n_gid = n_gid_ok = 0
    errors: list[float] = []
    docs = nlp.pipe((a.text for a in articles), batch_size=settings.batch_size)
    for gold_article, doc in zip(articles, docs, strict=True):
        article = Article(gold_article.id, None, None, None, None, None, "en", doc.text)
        predicted: dict[tuple[int, int], Place] = {
            (p.start, p.end): p
            for p in find_places(doc, article, gazetteer)
            if _comparable(p, gazetteer, people=gold_article.people_nouns)
        }
        gold = {(g.start, g.end): g for g in gold_article.toponyms}
        n_gold += len(gold)
        n_pred += len(predicted)
        for key, g in gold.items():
            p = predicted.get(key)
            if p is None:
                continue
            n_match += 1
            if g.lat is not None and g.lon is not None:
                n_geo += 1
                if p.lat is not None and p.lon is not None:
                    km = haversine_km(g.lat, g.lon, p.lat, p.lon)
                    errors.append(km)
                    n_within += km <= ACCURACY_KM
            if g.geonameid is not None:
                n_gid += 1
                n_gid_ok += p.geonameid == g.geonameid
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = [
        ("precision", precision),
        ("recall", recall),
        ("f1", f1),
        ("acc161", n_within / n_geo if n_geo else 0.0),
        ("mean_error_km", sum(errors) / len(errors) if errors else 0.0),
        ("geonameid_acc", n_gid_ok / n_gid if n_gid else 0.0),
    ]
    return EvalReport(
        name="geo",
        dataset=str(path),
        metrics=tuple(metrics),
        counts=(
            ("documents", len(articles)),
            ("gold_toponyms", n_gold),
            ("predicted", n_pred),
            ("matched", n_match),
            ("matched_with_coordinates", n_geo),
            ("unresolved_matched", n_geo - len(errors)),
        ),
        notes=(
            "spans must match exactly; acc161 and mean_error_km are over matched gold "
            "toponyms with coordinates (unresolved ones count as misses for acc161)",
        ),
    )
