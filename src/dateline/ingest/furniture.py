"""News furniture that extractors keep: captions, credits, promos, link lists, repeats.

Every rule is about the shape of page furniture in general (a short block that asks the
reader to subscribe, a list made of links, a photo credit at the end of a caption), never
about one site's wording. Long blocks are never dropped by a wording rule, so body text
that happens to contain such words survives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dateline.ingest.blocks import Block

# A promo, newsletter, social or navigation blurb: checked on short blocks only.
_PROMO = re.compile(
    r"^\W*(?:"
    r"(?:also|must|recommended|suggested|further|more|related)\s+(?:read|reading|watch)\b"
    r"|read\s+(?:more|also|next|the\s+latest|full|this|our)\b"
    r"|read\s+(?:breaking|latest|all|top|today'?s)\b"
    r"|(?:see|watch|listen)\s+(?:also|more|more\s+from)\b"
    r"|(?:click|tap)\s+(?:here|to|on)\b"
    r"|(?:subscribe|sign\s*up|register|join|download|install|follow|like|get)\b.{0,80}?"
    r"\b(?:newsletters?|inbox|app|updates|alerts|us\s+on|channel|podcast|free\s+trial"
    r"|twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin)\b"
    r"|(?:catch|stay\s+(?:up|updated|informed|tuned)|don'?t\s+miss|never\s+miss)\b"
    r"|(?:thanks?\s+(?:you\s+)?for\s+(?:signing|subscribing|reading|registering))"
    r"|(?:share|share\s+this|advertisement|advertising|sponsored|promoted|trending|related"
    r"|related\s+(?:news|stories|articles|coverage|content)|more\s+(?:news|stories)"
    r"|most\s+(?:read|popular|viewed|shared)|top\s+stories|editor'?s\s+picks?|you\s+may\s+also\s+like"
    r"|recommended\s+for\s+you|sorry|thank\s+you|thanks)\b\W*$"
    r"|also\s+on\s+\S+"
    r"|(?:sign\s+up|subscribe)\s+(?:for|to)\b"
    r"|(?:this\s+(?:article|story|content)\s+(?:was|is|has\s+been)\s+(?:updated|produced|"
    r"originally|first|published|sponsored|brought))"
    r"|(?:copyright|\u00a9|all\s+rights\s+reserved)"
    r"|(?:filed\s+under|tags?|tagged|topics|categories|category|related\s+\w+)\s*:"
    r"|(?:\(?\s*(?:additional\s+)?(?:reporting|editing|writing)\s+by|sources?\s*:)"
    r"|(?:if\s+you\s+(?:enjoyed|liked|value|appreciate)\s+(?:this|our|reading)"
    r"|if\s+you\s+(?:buy|purchase|click)\s+(?:something|through|on\s+a\s+link))"
    r"|(?:this\s+copy\s+is\s+for|like\s+this\s+(?:story|article)\b)"
    r"|(?:(?:tell|let)\s+us\s+what\s+you\s+think|what\s+do\s+you\s+think|have\s+your\s+say)"
    r"|(?:\d+\s+min(?:ute)?s?\s+read\b|(?:reading\s+time|lesezeit|tempo\s+de\s+leitura"
    r"|temps\s+de\s+lecture|tiempo\s+de\s+lectura)\s*:)"
    r"|(?:first\s+published|last\s+updated|published|updated)\s*(?:on|at|:)"
    r"|(?:there\s+was\s+an\s+error|an\s+error\s+(?:has\s+)?occurred|please\s+(?:try\s+again|enable"
    r"|refresh|log\s*in|sign\s*in))"
    r"|(?:we\s+(?:use|value)\s+(?:cookies|your\s+privacy)|by\s+(?:clicking|continuing|using\s+this))"
    r")",
    re.I,
)
_PROMO_MAX_WORDS = 30
# Anywhere in a short block: credits for reporting, affiliate notes, "click here".
_PROMO_INSIDE = re.compile(
    r"\b(?:contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))"
    r"|(?:click|tap)\s+here|(?:earn|receive|get)\s+(?:a\s+)?(?:commission|share\s+of\s+the\s+sale)"
    r"|[\w.+-]+@[\w-]+\.[\w.]+)",
    re.I,
)
# "Read breaking news, latest updates from ...": an invitation to read more news, however long.
_MORE_NEWS = re.compile(
    r"^\W*(?:read|catch|get|follow|stay|download|check\s+out)\b[\w\s,'’&-]{0,40}?"
    r"\b(?:news|updates|headlines|coverage)\b",
    re.I,
)
_MORE_NEWS_MAX_WORDS = 60
# Short blocks that mention a subscription or give a contact address.
_SIGNUP = re.compile(
    r"\bnewsletters?\b|\binbox\b|^\W*(?:subscribe|sign\s*up)\b"
    r"|^\W*(?:write|contact|email|e-mail|reach)\b.{0,80}@",
    re.I,
)
_SIGNUP_MAX_WORDS = 15
_NEWSLETTER = re.compile(
    r"\b(?:sign\s*up|subscribe|delivered|register)\b.{0,80}\b(?:newsletters?|inbox)\b", re.I
)
# Words of page chrome: a block made only of these is navigation, not text.
_UI_WORD_LIST = """
    menu explore search home share shares sharing print email e-mail comment comments tweet
    pin save saved bookmark subscribe subscribed login log logout sign signin in out up
    register account profile close open skip to content main navigation nav next previous
    prev back top more less show hide view all load article articles story stories order
    reprints reprint permissions advertisement advert ad ads sponsored feedback follow us
    facebook twitter instagram whatsapp telegram linkedin reddit youtube copy link listen
    watch video videos photo photos gallery toggle expand collapse page of and the a further
"""
_UI_WORDS = frozenset(_UI_WORD_LIST.split())
_UI_MAX_WORDS = 6
_SHORTCODE = re.compile(r"^\[\w+[^\]]*\].*\[/\w+\]$|^\[/?\w+(?:\s[^\]]*)?\]$", re.S)
_SHINGLE = 4
_LINK_LIST_DENSITY = 0.6
_NEAR_REPEAT = 0.9
_NEAR_REPEAT_MIN_WORDS = 8
# Section headings after which the page lists other stories (or comments), not this one.
_LIST_HEADING = re.compile(
    r"^\W*(?:"
    r"(?:more\s+(?:from|on|about|stories|news|in|like\s+this)|read\s+more|also\s+read"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested|enjoy)|most\s+"
    r"(?:read|popular|viewed|shared)|latest\s+(?:news|stories|videos)|top\s+stories"
    r"|editor'?s\s+picks?|what\s+to\s+read\s+next|see\s+also|further\s+reading"
    r"|around\s+the\s+web|from\s+(?:our|the)\s+partners|sponsored\s+(?:content|stories|links)"
    r"|related\s+(?:news|stories|articles|posts|content|coverage|links|reading|topics)"
    r"|leave\s+a\s+(?:comment|reply)|join\s+the\s+(?:discussion|conversation)"
    r"|(?:show|view|read)\s+(?:all\s+)?comments"
    r"|(?:popular|trending|more|latest|top)\s+(?:on|at|in|from)\s+\S+\W*$"
    r"|(?:tell|let)\s+us\s+what\s+you\s+think|what\s+do\s+you\s+think|have\s+your\s+say)"
    r"|(?:related|popular|trending|recommended|comments?|\d+\s+comments?|discussion"
    r"|responses?|\d+\s+responses?|more)\W*$"
    r")",
    re.I,
)
# A credit at the end of a photo caption: "(AP)", "Photo: Jane Doe/Reuters", "Getty Images".
_AGENCIES = (
    r"AP|AFP|Reuters|Getty\s+Images|Getty|EPA(?:-EFE)?|Shutterstock|Bloomberg|PA(?:\s+Wire)?"
    r"|iStock(?:photo)?|Alamy|Xinhua|ANI|PTI|IANS|TASS|Sputnik|dpa|Anadolu|NurPhoto|Zuma"
    r"|SIPA|Pool|File|Handout|Supplied|Twitter|Instagram|Facebook|YouTube|Screenshot|Screengrab"
)
_CAPTION_CREDIT = re.compile(
    r"(?:"
    r"\((?:(?:AP|AFP|Reuters|Photo|Image|Picture|File|Credit|Illustration|Pic)\b[^()]{0,80}"
    r"|[A-Z][\w.&'’ -]{0,30}(?:/[A-Z][\w.&'’ -]{0,40})+|" + _AGENCIES + r")\)"
    r"|(?:Photo|Image|Picture|Photograph|Credit|Illustration|Pic)s?\s*(?:by|credit|courtesy)?\s*"
    r"[:/|]\s*[A-Z][^.!?]{0,80}"
    # A credit glued to the caption ("...in Paris.Reuters") or after a slash or dash.
    r"|(?:[a-z]\.|\s[/|\u2014-]\s?|/)(?:" + _AGENCIES + r")"
    r"(?:\s*(?:/|via|for)\s*[A-Z][\w.&' -]{0,40})?"
    r")\s*$"
)
_CAPTION_MAX_WORDS = 70
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIMESTAMP_ONLY = re.compile(
    r"^\W*(?:(?:updated|published|posted|last\s+updated|first\s+published)\s*(?:on|at)?\s*:?\s*)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?"
    r"(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4})"
    r"(?:[ ,T|\u2022\u00b7\u2013\u2014-]*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:[.,]\d+)?"
    r"\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5}))?)?\W*$",
    re.I,
)
_LABEL_MIN_REPEATS = 3
_URL_ONLY = re.compile(
    r"^\s*(?:(?:https?://|www\.)\S+|[\w.-]+\.[a-z]{2,}/\S*|\S+@\S+\.\w+)\s*$", re.I
)
_WORD = re.compile(r"\w+")


def words(text: str) -> int:
    return len(_WORD.findall(text))


def fingerprint(text: str) -> str:
    """Case- and punctuation-insensitive form used to spot repeats."""
    return " ".join(_WORD.findall(text.casefold()))


def is_promo(text: str) -> bool:
    """A short block that advertises, asks to subscribe/follow/share, or is a notice."""
    count = words(text)
    if count <= _PROMO_MAX_WORDS and (_PROMO.search(text) or _PROMO_INSIDE.search(text)):
        return True
    return count <= _MORE_NEWS_MAX_WORDS and _MORE_NEWS.search(text) is not None


def is_chrome(text: str) -> bool:
    """Navigation and UI labels ("Share", "Print Article", "Sign in"), WordPress shortcodes,
    and short subscription or contact blurbs."""
    tokens = _WORD.findall(text.casefold())
    if len(tokens) <= _UI_MAX_WORDS and all(t in _UI_WORDS or t.isdigit() for t in tokens):
        return True
    if len(tokens) <= _SIGNUP_MAX_WORDS and _SIGNUP.search(text):
        return True
    if len(tokens) <= _PROMO_MAX_WORDS and _NEWSLETTER.search(text):
        return True
    return _SHORTCODE.match(text.strip()) is not None


def is_caption(text: str) -> bool:
    """A photo caption or credit line: short text ending in a photo/agency credit."""
    stripped = text.strip()
    if words(stripped) > _CAPTION_MAX_WORDS or stripped.endswith((".", "!", "?", ":", '"', "”")):
        # A caption may end with "." before its credit, but not after it.
        return False
    return _CAPTION_CREDIT.search(stripped) is not None


def is_timestamp(text: str) -> bool:
    return len(text) <= 80 and _TIMESTAMP_ONLY.match(text) is not None


def is_list_heading(text: str) -> bool:
    return words(text) <= 8 and _LIST_HEADING.match(text) is not None


def is_noise(text: str) -> bool:
    """Blocks with no words, a bare URL or a bare date/time."""
    return not _WORD.search(text) or _URL_ONLY.match(text) is not None or is_timestamp(text)


def _is_teaser(block: Block) -> bool:
    """A list item that is a linked headline with a line of description under it."""
    first, sep, _rest = block.text.partition("\n")
    return bool(sep) and block.link_chars >= 0.9 * len(first)


def _link_groups(blocks: Sequence[Block]) -> set[int]:
    """Lists and tables that are mostly links or linked teasers (related stories, menus)."""
    totals: dict[int, list[int]] = {}
    for block in blocks:
        if block.group >= 0:
            total = totals.setdefault(block.group, [0, 0, 0, 0])
            total[0] += len(block.text)
            total[1] += block.link_chars
            total[2] += 1
            total[3] += _is_teaser(block)
    return {
        group
        for group, (chars, links, count, teasers) in totals.items()
        if links >= 0.5 * max(1, chars) or (count >= 2 and teasers >= 0.5 * count)
    }


def _shingles(key: str) -> set[tuple[str, ...]]:
    tokens = key.split()
    return {tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1)}


def clean_blocks(blocks: Sequence[Block], *, title: str | None = None) -> list[Block]:
    """Drop furniture blocks and repeats (first occurrence kept), keeping body text."""
    title_key = fingerprint(title) if title else ""
    link_groups = _link_groups(blocks)
    labels = _structural_labels(blocks)
    seen: set[str] = set()
    seen_grams: set[tuple[str, ...]] = set()
    kept: list[Block] = []
    skipping_list = False
    for block in blocks:
        text = block.text
        key = fingerprint(text)
        if not key or is_noise(text) or block.group in link_groups:
            continue
        if block.kind == "head" and not kept:
            # Headings before the first paragraph are the headline and standfirst.
            continue
        if block.kind == "head" and is_list_heading(text):
            # What follows lists other stories: skip until body text resumes.
            skipping_list = True
            continue
        if skipping_list:
            if not _resumes_body(block):
                continue
            skipping_list = False
        if (title_key and key == title_key) or (key in seen and key not in labels):
            continue
        if is_promo(text) or is_caption(text) or is_chrome(text):
            continue
        grams = _shingles(key)
        if (
            len(grams) > _NEAR_REPEAT_MIN_WORDS - _SHINGLE
            and key not in labels
            and len(grams & seen_grams) >= _NEAR_REPEAT * len(grams)
        ):
            # The same text again, cut short or merged with other repeats.
            continue
        seen_grams |= grams
        if block.kind in {"p", "item"} and block.link_density >= 0.8 and words(text) <= 15:
            continue
        if block.link_density >= _LINK_LIST_DENSITY and "\n" in text:
            # Several lines that are mostly links: a list of other stories inside a paragraph.
            continue
        seen.add(key)
        kept.append(block)
    return kept


def _resumes_body(block: Block) -> bool:
    """Body text after a list of other stories: a sentence or a plain (unlinked) heading."""
    if block.link_density >= 0.3:
        return False
    if block.kind == "head":
        return True
    text = block.text.rstrip()
    return words(text) >= 8 and text.endswith((".", "!", "?", '"', "”", "’", ":", ")"))


def _structural_labels(blocks: Sequence[Block]) -> set[str]:
    """Texts repeated three times or more: parts of a structure (the questions of an
    interview, the days of a plan), kept every time, unlike a caption shown twice."""
    counts: dict[str, int] = {}
    for block in blocks:
        key = fingerprint(block.text)
        counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count >= _LABEL_MIN_REPEATS}
