"""What a relative expression is read against: the anchor, the narrative's reference time
and the tense of the clause around it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from dateline.records import Granularity, TimexType

SCOPE = "sentence"
AFTER_PENALTY = 40
Tense = Literal["past", "future"] | None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised expression before it becomes a TimeSpan."""

    type: TimexType
    value: str
    start: date | None
    end: date | None
    grain: Granularity | None
    sets_reference: bool = True
    explicit: bool = False
    """True when the text itself writes the year (it can then date later bare months)."""


_QUOTE = re.compile("[\"“”]|''|``")
_REPORTING = frozenset({"said", "told", "announced", "reported", "added", "stated", "noted"})


@cache
def _cues() -> re.Pattern[str]:
    future = (
        r"will|won't|wo\s+n't|'ll|shall|would|going\s+to|is\s+to|are\s+to|to\s+be\s+held"
        r"|set\s+to|plans?\s+to|planned|planning|scheduled|due\s+to|upcoming"
        r"|expected\s+to|expects?\s+to|intends?\s+to|to\s+visit|to\s+meet|to\s+hold"
        # A present or future passive is not a past tense: "is expected in December",
        # "to be published in early November", "set for April", "supposed to end by May".
        r"|(?:to|will)\s+be\s+(?:\w+ly\s+)?\w+ed|set\s+(?:for|to)|supposed\s+to"
        r"|(?:is|are)\s+(?:\w+ly\s+)?(?:expected|scheduled|slated|planned|due)"
    )
    past = (
        r"had\s+been\s+(?:due|scheduled|set|expected|supposed|planned)\s+to"
        r"|previously\s+(?:planned|scheduled)"
        r"|was|were|had|did|said|told|met|went|came|took|held|made|gave|saw|began|won|bought"
        r"|sold|paid|got|put|set|brought|built|caught|chose|drove|fought|found|grew|knew|led"
        r"|meant|ran|sought|spent|stood|thought|wrote|broke|shot|quit|cut"
        r"|lost|fell|rose|sent|spoke|became|struck|signed|killed|since"
        r"|(?-i:(?!need|feed|speed|seed|bleed|breed|proceed|exceed|succeed)[a-z]+ed)"
        # "a summit hosted by X": a participle after its noun, not a past tense
        r"(?!\s+by\b)"
    )
    # A participle after "be" is a passive, not a past tense: "would be paid in January".
    passive = r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)"
    return re.compile(rf"\b(?:(?P<future>{future})|{passive}(?P<past>{past}))\b", re.IGNORECASE)


@cache
def _forward_before() -> re.Pattern[str]:
    # "until Tuesday", "as soon as Friday", "payable Jan. 2": the day lies ahead of the event,
    # so ahead of the publication whatever the tense of the verb ("extended its deadline
    # until Tuesday").
    return re.compile(
        r"(?:\buntil|\btill|\bas\s+(?:soon|early)\s+as|\bno\s+later\s+than|\bpayable|\beffective"
        r"|\bdue|\bahead\s+of)\s+(?:on\s+|by\s+|the\s+)?$",
        re.IGNORECASE,
    )


@cache
def _governed() -> re.Pattern[str]:
    """What may stand between a verb and the expression it governs ("said on Tuesday")."""
    return re.compile(r"\s*(?:(?:on|late|early|at|in)\s+)?$", re.IGNORECASE)


@cache
def _sentence_end() -> re.Pattern[str]:
    return re.compile(r"[.!?;]\s+(?=[\"'A-Z(])|\n\s*\n")


class Context:
    """Per-call state of the tagger: the anchor and the last resolved reference time."""

    def __init__(
        self, text: str, anchor: date | None, paragraphs: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.text = text
        self.anchor = anchor
        self.ref: Resolved | None = None
        self.ref_pos = -1
        self.explicit: Resolved | None = None
        self.explicit_pos = -1
        self._paragraph_starts = sorted(start for start, _ in paragraphs) or [0]
        self._ends = [m.end() for m in _sentence_end().finditer(text)]

    def set_reference(self, resolved: Resolved, pos: int) -> None:
        if resolved.start is not None and resolved.grain not in (None, "decade", "century"):
            self.ref = resolved
            self.ref_pos = pos
            if resolved.explicit:
                self.explicit = resolved
                self.explicit_pos = pos

    def _paragraph(self, pos: int) -> int:
        return bisect_right(self._paragraph_starts, pos)

    def explicit_year(self, pos: int) -> int | None:
        """Year of the last expression that wrote one, if it is in the same paragraph."""
        if self.explicit is None or self.explicit.start is None:
            return None
        if self._paragraph(self.explicit_pos) != self._paragraph(pos):
            return None
        if SCOPE == "sentence" and self.sentence(self.explicit_pos, self.explicit_pos + 1)[1] < pos:
            return None
        return self.explicit.start.year

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around [start, end)."""
        begin, stop = 0, len(self.text)
        for cut in self._ends:
            if cut <= start:
                begin = cut
            elif cut >= end:
                stop = cut
                break
        return begin, stop

    def tense(self, start: int, end: int, reach: int | None = None) -> Tense:
        """Past or future reading of the clause, from the tense cue nearest the expression
        (with ``reach``, only from cues at most that many characters before it)."""
        begin, stop = self.sentence(start, end)
        if reach is not None:
            begin, stop = max(begin, start - reach), start
        forward = _forward_before().search(self.text, max(begin, start - 30), start)
        if forward and self.text[begin : forward.start()].strip():
            return "future"  # not sentence-first: "Until Thursday, they had not..."
        best: tuple[int, Tense] | None = None
        for m in _cues().finditer(self.text, begin, stop):
            if start <= m.start() < end:
                continue
            # A cue after the expression is a weaker sign than one before it.
            distance = start - m.end() if m.end() <= start else m.start() - end + AFTER_PENALTY
            if m.group().lower() in _REPORTING and (
                (
                    m.end() <= start
                    and distance > 2
                    and not _governed().match(self.text, m.end(), start)
                )
                or (m.start() >= end and _QUOTE.search(self.text, end, m.start()))
            ):
                continue  # a reporting verb dates the report, not what it reports
            kind: Tense = "future" if m.group("future") else "past"
            if best is None or distance < best[0]:
                best = (distance, kind)
        return best[1] if best else None

    def reference_day(self, grain: Granularity | None = None) -> date | None:
        """The reference time's first day (if its grain is at most ``grain``), else the anchor."""
        if (
            self.ref is not None
            and self.ref.start is not None
            and (grain is None or self.ref.grain == grain)
        ):
            return self.ref.start
        return self.anchor

    def reference_year(self) -> int | None:
        if self.ref is not None and self.ref.start is not None:
            return self.ref.start.year
        return self.anchor.year if self.anchor else None

    def previous_word(self, start: int) -> str:
        m = re.search(r"([\w'’.$%]+)\W*$", self.text[max(0, start - 40) : start])
        return m.group(1) if m else ""

    def next_words(self, end: int, count: int = 1) -> str:
        return " ".join(self.text[end : end + 60].split()[:count])
