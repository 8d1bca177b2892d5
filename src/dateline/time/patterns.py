"""The regular expressions of the time tagger, one family per kind of expression.

Each family is compiled on its own (its named groups are read by the resolver) and all of
them are joined, in priority order, into one scanning pattern with the inner groups made
non-capturing. Everything is compiled once, on first use.
"""

from __future__ import annotations

import re
from functools import cache

from dateline.time.lexicon import MONTH_ANY, MONTH_FULL, NUMBER, UNIT, WEEKDAY

_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[0-9]|20)\d\d(?!\d|[.,]\d)"
_DASH = r"\s*(?:-|–|—|to|through|till|until|thru)\s*"
_MOD = (
    r"(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle|turn|rest|remainder)\s+of"
    r"|(?:the\s+)?(?:first|second)\s+half\s+of)"
)
_REL_YEAR = r"(?:this|last|next|that|the\s+same|the\s+previous|the\s+following)\s+year"
_PART = r"(?:morning|afternoon|evening|night)"
#: Hedges on an amount belong to the expression, as TimeML annotates them ("nearly two
#: years", "more than four decades ago"); the value stays the unhedged one.
_HEDGE = (
    r"(?:(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than"
    r"|fewer\s+than)\s+)?"
)
#: A year in words, as transcripts write it: "nineteen ninety-four", "two thousand and one".
_SPOKEN = (
    r"(?:nineteen|two\s+thousand)(?:[\s-]+(?:and\s+)?"
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four"
    r"|five|six|seven|eight|nine)(?:[\s-](?:one|two|three|four|five|six|seven|eight"
    r"|nine))?)?(?!\w)(?<!thousand)(?<!nineteen)"
)

FAMILIES: tuple[tuple[str, str], ...] = (
    (
        "iso",
        r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
        r"(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::[0-5]\d)?)?",
    ),
    ("numeric", r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d\d)(?![/\d])"),
    (
        "weekof",
        rf"the\s+week\s+of\s+(?P<mon>{MONTH_ANY})\s+(?P<d>{_D})(?:,?\s+(?P<year>{_YEAR}))?",
    ),
    (
        "mdrange",
        rf"(?P<mon>{MONTH_ANY})\s+(?P<d1>{_D}){_DASH}(?:(?P<mon2>{MONTH_ANY})\s+)?(?P<d2>{_D})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?",
    ),
    (
        "dmrange",
        rf"(?P<d1>{_D})(?:{_DASH}|\s+and\s+)(?P<d2>{_D})\s+(?:of\s+)?(?P<mon>{MONTH_ANY})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?",
    ),
    (
        "clock",
        r"(?:(?P<approx>about|around|approximately|roughly)\s+)?"
        r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*"
        r"(?P<ap>[ap]\.m\.?|[ap]m(?!\w)|o'clock)(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC))?"
        r"|(?P<h24>[01]\d|2[0-3]):(?P<mi24>[0-5]\d)\s*(?P<tz24>GMT|UTC|local\s+time|hrs|hours)"
        r"|(?P<noon>noon|midnight|midday))"
        rf"(?:,?\s+(?P<day>{WEEKDAY}|today|yesterday|tomorrow|(?P<mon>{MONTH_ANY})\s+(?P<d>{_D})))?",
    ),
    (
        "mdy",
        rf"(?P<mon>{MONTH_ANY})\s+(?P<d>{_D})"
        rf"(?:,?\s+(?P<year>{_YEAR})|,?\s+(?:of\s+)?(?P<tail>{_REL_YEAR}))?",
    ),
    (
        "dmy",
        rf"(?:the\s+)?(?P<d>{_D})\s+(?:of\s+)?(?P<mon>{MONTH_ANY})"
        rf"(?:,?\s+(?P<year>{_YEAR})|,?\s+(?:of\s+)?(?P<tail>{_REL_YEAR}))?",
    ),
    (
        "monthyear",
        rf"(?:{_MOD}[\s-]+)?(?P<mon>{MONTH_ANY})(?:,|\s+of)?\s+"
        rf"(?:(?P<year>{_YEAR})|(?P<spoken>{_SPOKEN}))",
    ),
    (
        "quarter",
        r"(?:(?P<det>the|this|last|next|its|their|a)\s+)?"
        rf"(?:(?P<yr>{_YEAR})(?:'s)?\s+|(?P<ry>this|last|next)\s+year's\s+"
        r"|(?P<rel>current|latest|previous|prior|past|same|recent|year-ago|year-earlier"
        r"|comparable|corresponding|final|just-ended|just-completed|most\s+recent)\s+)?"
        r"(?:fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)?"
        r"[\s-]?(?:fiscal[\s-])?(?<![a-z])quarter(?![s-])"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<yr2>{_YEAR})|(?P<ry2>this|last|next)\s+year))?"
        r"(?P<ago>\s+a\s+year\s+(?:ago|earlier|before))?"
        rf"|(?P<qn>Q[1-4])(?:\s+(?P<yr3>{_YEAR}))?",
    ),
    (
        "period",
        r"the\s+(?:(?P<rel>latest|year-ago|year-earlier|comparable|corresponding|same|current)"
        rf"|(?P<yr>{_YEAR}))\s+(?:fiscal\s+)?period",
    ),
    (
        "spoken",
        rf"(?:the\s+year\s+)?{_SPOKEN}|the\s+year\s+two\s+thousand",
    ),
    (
        "half",
        rf"(?:(?P<det>the|this|last|next)\s+)?(?:(?P<yr>{_YEAR})(?:'s)?\s+)?"
        r"(?P<ord>first|second|last|latter)[\s-]half(?![\s-]of\s+the\s+(?:'?\d|[a-z]+s\b))"
        rf"(?:\s+of\s+(?:(?P<yr2>{_YEAR})|(?P<ry>this|last|next)\s+year|the\s+year))?",
    ),
    (
        "decade",
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
        r"(?:(?P<cent>1[0-9]|20)(?P<dec>\d)0'?s|'(?P<dec2>\d)0'?s|(?P<dec3>[2-9])0s"
        r"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)",
    ),
    (
        "century",
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
        r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
        r"|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
        r"|eighteenth|nineteenth|twentieth|twenty[\s-]first)[\s-]+century",
    ),
    (
        "year",
        rf"(?:{_MOD}[\s-]+)?(?:(?P<fiscal>(?:the\s+)?(?:fiscal|financial|calendar|model)"
        rf"(?:\s+years?)?|the\s+year|FY)\s*)?(?P<year>{_YEAR})(?P<fy>[-/]\d\d(?!\d))?",
    ),
    (
        "holiday",
        r"(?:(?P<rel>last|next|this)\s+)?"
        r"(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?"
        r"|Election\s+Day|Independence\s+Day|Halloween|Valentine's\s+Day|May\s+Day"
        r"|Easter(?:\s+Sunday)?|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|Boxing\s+Day)"
        rf"(?:,?\s+(?P<year>{_YEAR}))?",
    ),
    (
        "weekday",
        rf"(?:(?P<rel>last|next|this|past|coming|previous|early|late)\s+)?(?P<wd>{WEEKDAY})"
        rf"(?P<pl>s)?(?:\s+(?P<pod>{_PART}))?"
        rf"(?:,?\s+(?P<mon>{MONTH_ANY})\s+(?P<d>{_D})(?:,?\s+(?P<year>{_YEAR}))?)?",
    ),
    (
        "relday",
        r"(?:(?P<mod>early|late|mid|earlier|later)[\s-]+)?"
        r"(?:the\s+day\s+(?P<around>before\s+yesterday|after\s+tomorrow)"
        r"|(?P<w>today|yesterday|tomorrow|tonight|overnight))"
        rf"(?:\s+(?P<pod>{_PART}))?"
        rf"|(?:(?P<mod2>early|late|mid|earlier|later)[\s-]+)?"
        rf"(?P<this>this|last|the(?:\s+(?:next|following|previous))?)\s+(?P<pod2>{_PART})"
        # "mid-afternoon", "late evening yesterday", "afternoon today"
        rf"|(?P<mod3>early|late|mid)[\s-]+(?P<pod3>{_PART})(?:\s+(?P<w2>yesterday|today|tomorrow))?"
        rf"|(?P<pod4>{_PART})\s+(?P<w3>yesterday|today|tomorrow)",
    ),
    (
        "ago",
        rf"{_HEDGE}(?P<n>{NUMBER})[\s-]+(?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|later|from\s+now|hence|previously|back"
        r"|(?:before|after)(?!\s*[\w$(\"'‘“]))",
    ),
    (
        "yearago",
        r"(?:the\s+)?(?P<unit>year|month|week|day)-(?P<dir>ago|earlier|before)"
        r"(?:\s+(?P<what>quarter|period|month|year|week|day))?(?![\w-])",
    ),
    (
        "theyear",
        r"the\s+(?:(?P<adj>full|entire|whole|latest)\s+)?(?:fiscal\s+)?year(?![\w-])"
        r"(?!\s+(?:before|earlier|ago|after|later|\d))"
        r"|(?P<end>year[\s-]end|year's\s+end)(?![\w-])",
    ),
    (
        "relunit",
        r"(?:(?P<mod>earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle|rest"
        r"|remainder|turn)\s+of)[\s-]+)?"
        r"(?P<rel>this|last|next|past|coming|current|previous|following|same|that|the\s+same"
        r"|the\s+previous|the\s+following|the\s+next|the\s+past|the\s+last|the\s+coming"
        r"|the\s+current|the\s+prior|the\s+preceding|the)\s+"
        r"(?:fiscal\s+)?(?P<unit>day|week|weekend|month|year|decade|century|quarter)(?![\w-])"
        r"(?:\s+or\s+so(?![\w-]))?",
    ),
    (
        "season",
        r"(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<rel>this|last|next|past|coming|the)\s+)?"
        r"(?P<season>spring|summer|fall|autumn|winter)(?!\w)"
        rf"(?:,?\s+(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<spoken>{_SPOKEN})"
        r"|(?P<tail>that|last|this|next)\s+year))?",
    ),
    (
        "month",
        rf"(?:{_MOD}[\s-]+|(?P<rel>last|next|this|past|coming|the\s+previous|the\s+following)\s+)?"
        rf"(?P<mon>{MONTH_FULL}|Sept\.)(?!\s*\d)(?:,?\s+(?:of\s+)?(?P<tail>{_REL_YEAR}))?",
    ),
    (
        "set",
        r"(?P<q>every|each|per)\s+(?:other\s+|single\s+)?"
        rf"(?P<unit>day|week|month|year|quarter|hour|minute|morning|evening|night|{WEEKDAY}"
        rf"|{MONTH_FULL}|summer|spring|winter|fall|autumn)(?![\w-])"
        r"|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly)(?!\w)"
        r"|(?P<times>once|twice|thrice|(?:\d+|two|three|four|five|six|ten)\s+times)\s+"
        r"(?:a|an|per|each|every)\s+(?P<unit2>day|week|month|year|quarter|hour|minute|decade)",
    ),
    (
        "duration",
        r"(?:(?P<the>the|this|that|these|those)\s+)?"
        r"(?:(?P<rel>past|last|next|first|coming|previous|final|following|latest|remaining"
        r"|initial|full|entire|whole|same|other|further|additional)\s+)?"
        rf"{_HEDGE}(?P<n>{NUMBER})(?P<half>\s+and\s+a\s+half)?[\s-]+"
        rf"(?:more\s+|additional\s+|full\s+)?(?P<unit>{UNIT})"
        r"(?P<half2>\s+and\s+a\s+half)?(?P<long>[\s-]long)?(?:\s+or\s+so)?(?![\w-])",
    ),
    (
        "vague",
        r"(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|coming|recent|previous|few|several|many"
        r"|some|those|these|subsequent|following|ensuing|early|later)\s+)?(?:few\s+)?"
        r"(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes)(?![\w-])",
    ),
    (
        "ref",
        r"(?P<w>right\s+now|just\s+now|now|currently|nowadays|these\s+days|at\s+present|presently"
        r"|recently|lately|formerly|the\s+past|the\s+(?:(?:near|distant|immediate|foreseeable)\s+)?future"
        r"|the\s+present|in\s+future"
        r"|current|as\s+soon\s+as\s+possible"
        r"|(?<!as\s)soon(?!\s+(?:after|afterwards?|thereafter|as|enough))"
        r"|the\s+(?:near|short)\s+term|a\s+later\s+date|(?<=for\s)(?:a\s+while|some\s+time))"
        r"(?![\w-])",
    ),
)

_GROUP_NAME = re.compile(r"\(\?P<\w+>")


@cache
def family_patterns() -> dict[str, re.Pattern[str]]:
    """Each family compiled on its own, to read its groups from a matched span."""
    return {name: re.compile(body, re.IGNORECASE) for name, body in FAMILIES}


@cache
def scanner() -> re.Pattern[str]:
    """All families in priority order, one named group per family."""
    parts = [f"(?P<{name}>{_GROUP_NAME.sub('(?:', body)})" for name, body in FAMILIES]
    # No expression starts inside a word, an amount or a number like 1,990.
    return re.compile(r"(?<![\w$£€])(?<!\d[.,])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
