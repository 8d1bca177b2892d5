"""Near-duplicate articles: wire copies and updates are linked, other reports are not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.ingest.dedup import NearDuplicateIndex, dedupe, locate, shingles, transfer
from dateline.records import Article, Entity, Event, EventDate, Evidence, Extraction, TimeSpan

WIRE = """VALMERA, March 3 (Example Wire) - The foreign ministers of Norland and Estavia signed \
a border agreement in the coastal city of Valmera on Monday, ending a dispute over fishing \
waters that has strained relations between the two neighbours for more than a decade.

The agreement sets out a joint commission that will meet every six months to review \
catches, share patrol data and settle complaints from fishing crews before they reach \
the courts, officials from both governments said.

"This is a day many people on both sides of the water thought they would never see," \
Norland's foreign minister told reporters after the ceremony at the old harbour office.

Her Estavian counterpart said the deal would be put to the parliament in Port Lira next \
month, where the governing coalition holds a narrow majority and several opposition \
parties have already promised to vote against it.

The two countries broke off talks in 2019 after a coast guard vessel detained eleven \
trawlers near a disputed sandbank, and negotiations resumed only last year under the \
mediation of a regional fisheries body.

Fishing accounts for nearly a fifth of exports from the northern provinces of both \
countries, and trade groups on each side welcomed the signing on Monday.

(Reporting by Example Wire staff; editing by the world desk)"""

SYNDICATED = (
    WIRE.replace("(Example Wire)", "(The Daily Planet)")
    .replace("told reporters", "said")
    .replace("narrow majority", "slim majority")
    .replace("\n\n(Reporting by Example Wire staff; editing by the world desk)", "")
)

UPDATED = WIRE.replace(
    "\n\nFishing accounts",
    """

Late on Monday, the Estavian prime minister called the agreement a model for settling other \
maritime disputes in the region and said her government would ask the regional fisheries \
body to monitor how the joint commission works during its first two years.

Fishing accounts""",
)

OTHER_REPORT = """Norland and Estavia put an end to their long quarrel over fishing grounds on \
Monday, when the two foreign ministers put their names to a treaty at a ceremony in Valmera.

Under the treaty, a commission made up of officials from both capitals will gather twice a \
year to look at catch figures and handle disputes involving fishermen.

The quarrel dates back to 2019, when eleven trawlers were seized by coast guards near a \
sandbank that both nations claim. A regional fisheries organisation brokered new talks \
last year.

Opposition politicians in Estavia have vowed to fight the treaty when it comes before \
lawmakers next month, and its ratification is far from certain.

Fishermen's associations in both countries said they hoped the accord would bring calm to \
the waters after years of seized boats and court cases."""


def test_syndicated_copy_is_linked_to_the_wire_story() -> None:
    index = NearDuplicateIndex()
    assert index.add("wire", WIRE) is None
    assert index.add("copy", SYNDICATED) == "wire"


def test_different_report_of_the_same_event_is_not_linked() -> None:
    index = NearDuplicateIndex()
    index.add("wire", WIRE)
    assert index.add("other", OTHER_REPORT) is None


def test_updated_version_with_an_added_paragraph_is_linked() -> None:
    index = NearDuplicateIndex()
    index.add("wire", WIRE)
    match = index.check("update", UPDATED)
    assert match is not None and match.original == "wire"
    assert match.covered < 0.95  # the update adds text the original lacks


def test_a_copy_of_a_copy_points_at_the_original_and_re_adding_is_stable() -> None:
    index = NearDuplicateIndex()
    index.add("wire", WIRE)
    index.add("copy", SYNDICATED)
    assert index.add("copy2", SYNDICATED.replace("Monday", "Mon.")) == "wire"
    assert index.add("copy", SYNDICATED) == "wire"
    assert index.add("wire", WIRE) is None
    assert len(index) == 3 and "copy2" in index and index.original_of("copy2") == "wire"


def test_short_texts_are_never_linked() -> None:
    index = NearDuplicateIndex()
    index.add("a", "Talks resumed in Geneva on Monday.")
    assert index.add("b", "Talks resumed in Geneva on Monday.") is None


def _article(ident: str, text: str) -> Article:
    return Article(
        id=ident, url=f"https://{ident}.example/", source=ident, title=None,
        published=date(2025, 3, 3), byline=None, language="en", text=text,
    )  # fmt: skip


def test_dedupe_pairs_each_article_with_its_original() -> None:
    articles = [_article("w", WIRE), _article("o", OTHER_REPORT), _article("c", SYNDICATED)]
    assert [(a.id, o) for a, o in dedupe(articles)] == [("w", None), ("o", None), ("c", "w")]


def test_transfer_relocates_evidence_in_the_copy() -> None:
    text = WIRE
    start = text.index("Her Estavian")
    sentence = text[start : text.index(", where", start)]
    actor = Entity(text="Her Estavian counterpart", name="Estavia", country=None,
                   start=start, end=start + 24)  # fmt: skip
    event = Event(
        id="wire-e1", type="CONSULT", mode=None, cameo=None, actor=(actor,), recipient=(),
        status="planned", date=EventDate(None, None, None, "next month", "stated"),
        place=None, evidence=Evidence(sentence, start, start + len(sentence), "put", start + 55),
        score=None, quad=None, confidence=0.5,
    )  # fmt: skip
    # An edited sentence ("narrow" became "slim" in the copy) is not found: its event is left out.
    edited = text[text.index("where the governing") : text.index(" and several")]
    lost = replace(event, id="wire-e2", evidence=Evidence(edited, 0, len(edited), "holds"))
    month = text.index("next month")
    timex = TimeSpan("next month", month, month + 10, "DATE", "2025-04", None, None, "month")
    original = Extraction(article=_article("wire", text), events=(event, lost), times=(timex,))
    copy_text = "UPDATE 1-" + text.replace("Lira next month", "Lira next\nmonth").replace(
        "narrow majority", "slim majority"
    )
    copy = _article("copy", copy_text)
    moved = transfer(original, copy)
    (ev,) = moved.events
    assert ev.id == "copy-e1" and moved.article is copy
    assert copy.text[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence
    assert ev.evidence.sentence.startswith("Her Estavian") and "next\nmonth" in ev.evidence.sentence
    # Whitespace differed, so offsets inside the sentence are no longer trusted.
    assert ev.actor[0].start == -1 and ev.evidence.trigger_start == -1


def test_transfer_of_an_exact_copy_shifts_everything() -> None:
    text = "Ministers met in Valmera on Monday. They signed a deal."
    start = text.index("They")
    event = Event(
        id="a-e1", type="AGREE", mode=None, cameo=None,
        actor=(Entity("They", "Norland", start=start, end=start + 4),), recipient=(),
        status="occurred", date=EventDate(None, None, None, None, "publication"), place=None,
        evidence=Evidence(text[start:], start, len(text), "signed", start + 5),
        score=None, quad=None, confidence=0.5,
    )  # fmt: skip
    copy = _article("b", "BRIEF: " + text)
    (ev,) = transfer(Extraction(_article("a", text), events=(event,)), copy).events
    assert ev.evidence.start == start + 7 and ev.evidence.trigger_start == start + 12
    assert copy.text[ev.actor[0].start : ev.actor[0].end] == "They"


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("a b", "x a b y a b", (2, 5)),
        ("a  b", "x a\nb", (2, 5)),
        ("missing", "x a b", None),
    ],
)
def test_locate(sentence: str, text: str, expected: tuple[int, int] | None) -> None:
    assert locate(sentence, text) == expected


def test_shingles_are_five_word_runs() -> None:
    words = ["one", "two", "three", "four", "five", "six"]
    assert shingles(words) == {"one two three four five", "two three four five six"}
    assert shingles(["too", "short"]) == {"too short"}
