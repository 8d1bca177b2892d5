"""The ``places`` stage: every toponym of an article, recognised and resolved.

Kinds: ``demonym`` for adjectives and people nouns ("Turkish", "Americans"); ``metonym``
for seats of government ("the Kremlin") and for a country or capital that is the subject
of an action verb ("Moscow said", "Beijing has backed"); ``place`` for the rest.

A name the gazetteer does not know (a street, a county, a building) keeps ``name``,
``geonameid`` and ``feature`` null, but takes ``country``, ``lat`` and ``lon`` from the
city or division named just before it in the same paragraph, else from the dateline's
city, else from the place the article is most about: an approximate position, marked as
such by the null ``feature``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from dateline.config import Settings
from dateline.geo.gazetteer import Candidate, Gazetteer
from dateline.geo.recognize import Mention, Recognizer
from dateline.geo.resolve import Resolver, find_dateline
from dateline.nlp import Doc
from dateline.pipeline import DocState
from dateline.records import Article, Place, PlaceKind

#: Verbs whose subject is rarely an actor: "Turkey is ...", "Syria lies ...".
NON_AGENTIVE = frozenset(
    {"be", "become", "remain", "lie", "sit", "border", "locate", "have", "seem", "look"}
    | {"stand", "host", "see", "experience", "suffer", "receive", "get", "face", "rank"}
)


def _kind(mention: Mention, pick: Candidate | None, doc: Doc) -> PlaceKind:
    """A country or capital that is the subject of an action verb stands for its government."""
    if mention.kind != "place" or pick is None or mention.root < 0:
        return mention.kind
    if pick.feature != "country" and not pick.capital:
        return "place"
    root = doc[mention.root]
    head = root.head
    if root.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_ not in NON_AGENTIVE:
        return "metonym"
    return "place"


def find_places(doc: Doc, article: Article, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Recognise and resolve the toponyms of ``doc`` (whose text is ``article.text``)."""
    dateline = find_dateline(article.text, article.paragraphs)
    mentions = Recognizer(gazetteer)(doc, dateline)
    picks = Resolver(gazetteer)(mentions, article.text, dateline)
    kinds = [_kind(m, p, doc) for m, p in zip(mentions, picks, strict=True)]
    # Where the article stands: its places proper, not "Moscow said" or "the Kremlin".
    local = [
        (m.start, p)
        for m, p, k in zip(mentions, picks, kinds, strict=True)
        if p is not None and p.feature in LOCAL_FEATURES and k == "place"
    ]
    focus = _focus([p for _, p in local])
    places: list[Place] = []
    for i, (mention, pick, kind) in enumerate(zip(mentions, picks, kinds, strict=True)):
        if pick is not None:
            places.append(pick.place(mention.text, mention.start, mention.end, kind))
            continue
        owner = picks[i - 1] if i and _possessive(mentions[i - 1], mention, doc.text) else None
        near = owner or _enclosing(mention.start, local, doc.text) or focus
        places.append(
            Place(
                text=mention.text,
                start=mention.start,
                end=mention.end,
                kind=kind,
                name=None,
                geonameid=None,
                country=near.country if near else None,
                lat=near.lat if near else None,
                lon=near.lon if near else None,
                feature=None,
            )
        )
    return tuple(places)


#: Features precise enough to stand for an unknown street, county or building near them.
LOCAL_FEATURES = frozenset({"city", "admin1"})
#: How far back (characters) a named city still locates an unknown name after it.
ENCLOSING_CHARS = 600


def _possessive(owner: Mention, mention: Mention, text: str) -> bool:
    """'Russia's Far East': the name belongs to the place before it."""
    return text[owner.end : mention.start] in ("'s ", "\u2019s ")


def _focus(picks: list[Candidate]) -> Candidate | None:
    """The city or division the article is most about (most mentioned; cities first)."""
    if not picks:
        return None
    counts = Counter(picks)
    return max(counts, key=lambda c: (counts[c], c.feature == "city", c.population))


def _enclosing(start: int, local: list[tuple[int, Candidate]], text: str) -> Candidate | None:
    """The nearest city or division named shortly before ``start`` in the same paragraph."""
    best: Candidate | None = None
    for pos, cand in local:
        if pos >= start:
            break
        if start - pos <= ENCLOSING_CHARS and "\n" not in text[pos:start]:
            best = cand
    return best


class PlacesStage:
    """Adds :class:`~dateline.records.Place` records for every toponym mention."""

    name = "places"
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("places",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.load()
        return self._gazetteer

    def __call__(self, state: DocState) -> DocState:
        return replace(state, places=find_places(state.doc, state.article, self.gazetteer))
