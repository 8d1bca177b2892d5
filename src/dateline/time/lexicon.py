"""Words the time tagger knows: months, weekdays, numbers, units, and their regex forms."""

from __future__ import annotations

from dateline.records import Granularity

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Month names as written in news; abbreviations only where a day or year follows.
MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
MONTH_ANY = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY_ABBR = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\."

SMALL_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0,
    "a half": 0,
}
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "a couple of", "couple of", "a couple")

_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER = (
    r"(?:\d+\s+1/2|\d+(?:\.\d+)?|" + _TENS + r"[\s-]" + _UNITS + r"|"
    r"a\s+couple\s+of|couple\s+of|a\s+few|several|a\s+dozen|a\s+hundred|half\s+an?|"
    r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|dozen)"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weekends?|weeks?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries)"
)

#: Duration letter and size for each unit (decades and centuries as years, like TimeBank).
UNIT_CODES: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "weekend": ("D", 2, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}
UNIT_GRAIN: dict[str, Granularity] = {
    "day": "day",
    "weekend": "week",
    "week": "week",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
}
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def month_number(word: str) -> int:
    """1..12 for a month name or abbreviation ("Sept.", "oct")."""
    return MONTHS.index(_month_key(word)) + 1


def _month_key(word: str) -> str:
    head = word.strip(". ").lower()[:3]
    for name in MONTHS:
        if name.startswith(head):
            return name
    raise ValueError(word)


def weekday_number(word: str) -> int:
    """0 (Monday) .. 6 (Sunday) for a weekday name or abbreviation."""
    head = word.strip(". ").lower()[:3]
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(head):
            return index
    raise ValueError(word)


def parse_number(text: str) -> float | None:
    """The value of a number in digits or words; None for vague ones ("several")."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words in VAGUE_NUMBERS:
        return None
    if words in ("half a", "half an", "a half"):
        return 0.5
    try:
        return float(words)
    except ValueError:
        pass
    if words.endswith(" 1/2") and words[:-4].isdigit():
        return int(words[:-4]) + 0.5  # "2 1/2 years"
    if words.endswith(" and a half"):
        whole = parse_number(words.removesuffix(" and a half"))
        return None if whole is None else whole + 0.5
    if words in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[words])
    parts = words.split()
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]])
    return None


def unit_key(word: str) -> str:
    """Singular unit name: "centuries" -> "century", "weeks" -> "week"."""
    word = word.lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") else word
