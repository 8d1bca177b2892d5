"""Actor mentions: names, titles, demonyms and metonyms found in a parsed Doc.

"Chinese President Xi Jinping" becomes one mention (Xi Jinping, CHN, GOV,
head_of_state); "the Kremlin" and an acting "Moscow" become the Russian government;
"Russia" the country; "Russian troops" a military group. Linking mentions that refer to
the same actor is :mod:`dateline.actors.coref`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.actors.kb import Igo, KnowledgeBase, SectorTerm
from dateline.actors.kb_names import known_names, known_organisations
from dateline.nlp import Doc, Span, Token

PERSON_LABELS = frozenset({"PERSON"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ORG_LABELS = frozenset({"ORG", "NORP", "FAC"})
# Words that may sit between a nationality and a name inside one title ("Foreign Minister").
TITLE_GLUE = frozenset(
    {
        "foreign",
        "defence",
        "defense",
        "prime",
        "vice",
        "deputy",
        "chief",
        "interior",
        "finance",
        "first",
        "state",
        "supreme",
        "former",
        "then",
        "acting",
        "crown",
        "secretary",
        "general",
        "-",
    }
)


@dataclass(frozen=True, slots=True)
class RawMention:
    """A mention before coreference: offsets, tokens and what it says about its actor."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    text: str
    kind: str  # person | country | organization | group | metonym | pronoun | nominal
    name: str
    country: str | None
    sector: str | None
    role: str | None
    id: str | None = None
    head: int = -1
    """Token index of the mention's head (for role lookup)."""


class MentionFinder:
    """Finds actor mentions in a Doc with the knowledge base at the article's date."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def find(self, doc: Doc, published: date | None) -> list[RawMention]:
        extra: list[RawMention] = []
        found: list[RawMention] = []
        taken: set[int] = set()

        def keep(mention: RawMention | None) -> None:
            """Keep a mention unless an earlier one already holds its tokens."""
            span = range(mention.tok_start, mention.tok_end) if mention is not None else ()
            if mention is not None and not any(i in taken for i in span):
                taken.update(span)
                found.append(mention)

        # People first, so that "Chinese President Xi Jinping" is one person mention and not
        # a "Chinese President" group beside a bare name.
        for ent in sorted(doc.ents, key=lambda e: (e.label_ not in PERSON_LABELS, e.start)):
            keep(self._from_entity(ent, published))
        for span in known_names(self.kb, doc, taken):
            keep(self._person(span, published))
        for span, igo in known_organisations(self.kb, doc, taken):
            keep(_igo_mention(span, igo))
        for token in doc:
            if token.i not in taken:
                keep(self._from_token(token, published, extra))
        found.extend(extra)
        found.sort(key=lambda m: m.start)
        return found

    # -- named entities ---------------------------------------------------------------
    def _from_entity(self, ent: Span, published: date | None) -> RawMention | None:
        label = ent.label_
        text = ent.text.strip()
        group = self.kb.igo(text)
        if group is not None and group.agency:
            # "Canada's Department of Justice": a generic agency name belongs to its owner
            owner = self._owner_country(ent)
            if owner is not None and owner != group.home:
                return _mk(ent, "organization", ent.text, owner, group.sector, None)
        if group is not None and group.sector != "IGO":
            return _igo_mention(ent, group)  # "Hamas", "the Houthis", whatever the NER said
        if label in PERSON_LABELS and not self.kb.officeholders(text, None):
            # the NER calls some capitals people ("Kyiv"): a known place wins
            metonym = self.kb.metonym(text)
            country = self.kb.country(text)
            if country is not None:
                return _mk(ent, "country", country.name, country.iso3, None, None)
            if metonym is not None:
                return _mk(
                    ent, "metonym", _display(text), metonym.iso3, metonym.sector or "GOV", None
                )
        if label in PERSON_LABELS:
            return self._person(ent, published)
        if (
            label in ("ORG", "GPE", "NORP", "LOC")
            and self.kb.country(text) is None
            and (self.kb.officeholders(text, None))
        ):
            return self._person(ent, published)  # a known leader the NER mislabelled
        if label in ("NORP",):
            return self._demonym_group(ent)
        metonym = self.kb.metonym(text)
        if metonym is not None and (label in ORG_LABELS or _acts(ent.root)):
            return _mk(ent, "metonym", _display(text), metonym.iso3, metonym.sector or "GOV", None)
        if label in PLACE_LABELS or label == "ORG":
            country = self.kb.country(text)
            if country is not None:
                return _mk(ent, "country", country.name, country.iso3, None, None)
            igo = self.kb.igo(text)
            if igo is not None:
                return _igo_mention(ent, igo)
            if label == "ORG":
                return self._organization(ent)
        return None

    def _person(self, ent: Span, published: date | None) -> RawMention | None:
        doc = ent.doc
        name_tokens = [t for t in ent if not (t.is_punct and t.text != "-")]
        if not name_tokens:
            return None
        # A PERSON entity may swallow a title ("President Xi Jinping"): peel it off.
        lead = 0
        while lead < len(name_tokens) - 1 and self._is_title_word(name_tokens[lead]):
            lead += 1
        name = " ".join(t.text for t in name_tokens[lead:]).replace(" - ", "-")
        name = _strip_possessive(name)
        if not name or self.kb.country(name) is not None:
            return None
        start_i = ent.start
        country: str | None = None
        title_words: list[str] = [t.lower_ for t in name_tokens[:lead]]
        # Walk left over the title and nationality: "Chinese President", "China's".
        j = ent.start - 1
        sent_start = ent.sent.start
        while j >= sent_start:
            tok = doc[j]
            low = tok.lower_
            if tok.is_punct and low not in ("-",):
                break
            if low == "'s" and j - 1 >= sent_start:
                c = self.kb.country(doc[j - 1].text)
                if c is not None:
                    country = country or c.iso3
                    j -= 2
                    start_i = j + 1
                    continue
                break
            adj = self.kb.country_by_adjective(tok.text)
            if adj is not None:
                country = country or adj.iso3
                start_i = j
                j -= 1
                continue
            if self._is_title_word(tok) or (low in TITLE_GLUE and title_words):
                title_words.insert(0, low)
                start_i = j
                j -= 1
                continue
            break
        if country is None:
            # "Nancy Pelosi, the speaker of the US House": the apposition tells the side
            country = self._apposition_country(ent)
        sector, role = self._title(title_words)
        person_id: str | None = None  # filled from the knowledge base when it has ids
        holders = self.kb.officeholders(name, published)
        if holders:
            holder = holders[0]
            country = country or holder.side
            if holder.side == country:
                sector = sector or holder.sector
                role = role or holder.role
                name = holder.name
        elif published is not None:
            # Known, but not in office on the article's date: the country holds, the
            # office does not ("a former leader is not coded as the government").
            former = self.kb.officeholders(name, None)
            if former and len({h.side for h in former}) == 1:
                country = country or former[0].side
                name = former[0].name if len(name.split()) == 1 else name
                sector = role = None  # "Former chancellor Merkel": the title is past too
        if any(w in ("former", "ex") for w in title_words):
            sector = role = None
        return _mk(
            doc[start_i : ent.end], "person", name, country, sector, role, person_id, ent.end - 1
        )

    def _demonym_group(self, ent: Span) -> RawMention | None:
        adj = self.kb.country_by_adjective(ent.text)
        if adj is None:
            return None
        head = ent.root.head if ent.root.dep_ in ("amod", "compound") else ent.root
        if head.i != ent.root.i and head.i >= ent.end:
            term = self.kb.sector_term(head.lemma_) or self.kb.sector_term(head.text)
            if term is None:
                # "a Chinese balloon", "Indian aircraft": the country owns the thing
                return _mk(ent, "country", adj.name, adj.iso3, None, None)
            span = ent.doc[ent.start : head.i + 1]
            kind = "group" if term.role not in _PERSON_ROLES else "nominal"
            return _mk(span, kind, span.text, adj.iso3, term.sector, term.role, head=head.i)
        return None

    def _possessor_country(self, ent: Span) -> str | None:
        """The country in a possessive before a name ("Pakistan's National Security ...")."""
        for child in ent.root.children:
            if child.dep_ == "poss" and child.i < ent.start:
                c = self.kb.country(child.text)
                if c is not None:
                    return c.iso3
        return None

    def _owner_country(self, ent: Span) -> str | None:
        """The country an organisation's name says it belongs to: a possessive before it
        ("Canada's ...") or a country adjective in it ("the Kenyan National ...")."""
        owner = self._possessor_country(ent)
        if owner is not None:
            return owner
        if ent.start > 0:
            before = ent.doc[ent.start - 1]
            c = self.kb.country_by_adjective(before.text)
            if c is not None and before.dep_ in ("amod", "compound"):
                return c.iso3
        return None

    def _organization(self, ent: Span) -> RawMention | None:
        # "the Russian Defence Ministry", "Ukraine's army": a country inside and a sector head.
        country: str | None = None
        for tok in ent:
            c = self.kb.country_by_adjective(tok.text) or self.kb.country(tok.text)
            if c is not None:
                country = c.iso3
                break
        if country is None:
            # "Pakistan's National Security Committee": the owner before the name
            country = self._possessor_country(ent)
        term = self.kb.sector_term(ent.root.lemma_) or self.kb.sector_term(ent.root.text)
        if country is None and term is None and not _acts(ent.root):
            return None  # an unknown organisation counts only as the one acting
        return _mk(
            ent,
            "organization",
            ent.text,
            country,
            term.sector if term else None,
            term.role if term else None,
        )

    # -- tokens outside entities ------------------------------------------------------
    def _from_token(
        self, token: Token, published: date | None, extra: list[RawMention]
    ) -> RawMention | None:
        """A mention starting at a token outside the named entities; further sides of a
        plural ("ministers of A and B") go to ``extra``."""
        low = token.lower_
        if token.pos_ == "PRON" and low in _PRONOUNS:
            return _mk(_one(token), "pronoun", low, None, None, None)
        if token.pos_ == "PROPN" or token.is_title:
            igo = self.kb.igo(token.text)
            if (
                igo is not None
                and token.ent_type_ not in ("PERSON", "GPE")
                and (
                    token.dep_ != "compound"  # "West Bank" is no "West"
                )
            ):
                return _igo_mention(_one(token), igo)
            if token.ent_type_ == "" and token.pos_ == "PROPN" and token.dep_ != "compound":
                holders = self.kb.officeholders(token.text, published) or self.kb.officeholders(
                    token.text, None
                )
                if holders and len({h.side for h in holders}) == 1:
                    current = self.kb.officeholders(token.text, published)
                    h = holders[0]
                    return _mk(
                        _one(token),
                        "person",
                        h.name,
                        h.side,
                        h.sector if current else None,
                        h.role if current else None,
                    )
            metonym = self.kb.metonym(token.text)
            if metonym is not None and (_acts(token) or token.dep_ == "poss"):
                return _mk(
                    _one(token), "metonym", token.text, metonym.iso3, metonym.sector or "GOV", None
                )
            named = self.kb.country(token.text)
            if named is not None and token.ent_type_ not in ("PERSON",):
                return _mk(_one(token), "country", named.name, named.iso3, None, None)
        if _titles_a_name(token):
            return None  # "President To Lam": a title before a name the NER missed
        if _counted_sides(token):
            # "the two countries", "both sides": the parties named before (coref's job)
            return _mk(
                token.doc[token.i : token.i + 1], "nominal", token.text, None, None, SIDES_ROLE
            )
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod"):
            # a modifier ("*state* visit", "*government* spokesman") is not an actor itself
            term: SectorTerm | _Term | None = self.kb.sector_term(
                token.lemma_
            ) or self.kb.sector_term(token.text)
            if term is None:  # "armed men": a term of two words
                term = next(
                    (
                        t
                        for left in token.lefts
                        if left.dep_ in ("amod", "compound")
                        and (t := self.kb.sector_term(f"{left.lower_} {token.lower_}"))
                    ),
                    None,
                )
            if term is None and token.lemma_.lower() in PERSON_NOUNS:
                # "the two leaders", "his counterpart": people whose side the context gives
                term = _sector_from_modifiers(self.kb, token)
            if term is None:
                return None
            start = token.i
            country: str | None = None
            for left in reversed(list(token.lefts)):
                if left.dep_ in ("amod", "compound", "poss", "nmod"):
                    c = self.kb.country_by_adjective(left.text) or self.kb.country(left.text)
                    if c is not None:
                        country = c.iso3
                        start = min(start, left.i)
                    elif self.kb.sector_term(left.lower_) is not None or left.lower_ in TITLE_GLUE:
                        start = min(start, left.i)
            span = token.doc[start : token.i + 1]
            # determiners like "the" stay outside the mention text
            kind = "nominal" if term.role in _PERSON_ROLES else "group"
            of_countries = [] if country else self._countries_of(token)
            if not country and not of_countries and term.sector not in _ABROAD_SECTORS:
                # "a court in Ankara", "teachers in Kenya": where a body sits is its country
                country = self._country_in(token)
            if len(of_countries) > 1:
                # "the foreign ministers of Saudi Arabia and Iran": one side each
                extra.extend(
                    _mk(span, "group", span.text, c, term.sector, term.role, head=token.i)
                    for c in of_countries[1:]
                )
            return _mk(
                span,
                "group" if of_countries else kind,
                span.text,
                country or (of_countries[0] if of_countries else None),
                term.sector,
                term.role,
                head=token.i,
            )
        return None

    def _apposition_country(self, ent: Span) -> str | None:
        for appos in (c for c in ent.root.children if c.dep_ == "appos"):
            for tok in appos.subtree:
                c = self.kb.country_by_adjective(tok.text) or self.kb.country(tok.text)
                if c is not None and tok.pos_ in ("PROPN", "ADJ"):
                    return c.iso3
        return None

    def _country_in(self, token: Token) -> str | None:
        """The country of an in-phrase: a country or a capital ("officials in Tokyo")."""
        for prep in token.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.ent_type_ != "GPE":
                    continue
                name = " ".join(w.text for w in obj.subtree if w.dep_ == "compound" or w is obj)
                c = self.kb.country(name)
                if c is not None:
                    return c.iso3
                seat = self.kb.metonym(name)
                if seat is not None:
                    return seat.iso3
        return None

    def _countries_of(self, token: Token) -> list[str]:
        """Countries in an of-phrase: "the army *of Sudan*", "ministers *of A and B*"."""
        out: list[str] = []
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    for t in [obj, *[c for c in obj.subtree if c.dep_ == "conj"]]:
                        span_text = " ".join(
                            w.text for w in t.subtree if w.dep_ in ("compound",) or w is t
                        )
                        c = self.kb.country(span_text) or self.kb.country(t.text)
                        if c is not None and c.iso3 not in out:
                            out.append(c.iso3)
        return out

    def _is_title_word(self, tok: Token) -> bool:
        term = self.kb.sector_term(tok.lower_)
        return term is not None and term.role in _PERSON_ROLES

    def _title(self, words: list[str]) -> tuple[str | None, str | None]:
        words = [w for w in words if w not in ("former", "then", "acting", "-")]
        for n in range(len(words), 0, -1):
            for i in range(0, len(words) - n + 1):
                term = self.kb.sector_term(" ".join(words[i : i + n]))
                if term is not None:
                    return term.sector, term.role
        return None, None


_PRONOUNS = frozenset(
    {"he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their", "we", "our"}
)
_PERSON_ROLES = frozenset(
    {
        "leader",
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "minister",
        "diplomat",
        "spokesperson",
        "official",
        "envoy",
        "ambassador",
        "monarch",
        "president",
        "prime_minister",
        "chancellor",
        "king",
        "general",
        "commander",
        "secretary",
        "lawmaker",
        "judge",
        "prosecutor",
        "governor",
        "mayor",
        "vice_president",
        "finance_minister",
    }
)


PERSON_NOUNS = frozenset({"leader", "counterpart", "head", "chief", "envoy", "delegation"})
#: Plural nouns that, counted ("the two countries", "both sides"), name parties as states.
SIDE_NOUNS = frozenset(
    {
        "country",
        "nation",
        "side",
        "government",
        "state",
        "neighbour",
        "neighbor",
        "capital",
        "delegation",
    }
)
#: Sectors often stationed abroad: "troops in Syria" may be anyone's troops.
_ABROAD_SECTORS = frozenset({"MIL", "REB"})

#: The role a counted-sides nominal carries, so coreference resolves it to states.
SIDES_ROLE = "sides"
COUNT_WORDS = frozenset({"two", "both", "three"})


def _counted_sides(token: Token) -> bool:
    return (
        token.tag_ == "NNS"
        and token.lemma_.lower() in SIDE_NOUNS
        and any(t.lower_ in COUNT_WORDS for t in token.lefts)
    )


@dataclass(frozen=True, slots=True)
class _Term:
    sector: str | None
    role: str | None


def _sector_from_modifiers(kb: KnowledgeBase, token: Token) -> _Term:
    """A sector-neutral person noun takes its sector from a modifier ("rebel leader")."""
    for left in token.lefts:
        term = kb.sector_term(left.lower_)
        if term is not None and left.dep_ in ("compound", "amod"):
            return _Term(sector=term.sector, role="leader")
    return _Term(sector=None, role="leader")


def _titles_a_name(token: Token) -> bool:
    """A capitalised title directly followed by a capitalised name ("President To Lam"),
    or by an "of" phrase and then a person ("Secretary of State Antony Blinken")."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and token.is_title and nxt.lower_ == "of":
        rest = token.doc[token.i + 2 : token.i + 6]
        return any(t.ent_type_ == "PERSON" for t in rest) and all(
            t.is_title or t.ent_type_ == "PERSON" for t in rest[:2]
        )
    return (
        token.is_title
        and nxt is not None
        and nxt.is_title
        and nxt.pos_ == "PROPN"
        and nxt.ent_type_ not in ("GPE", "NORP", "ORG")
    )


def _acts(token: Token) -> bool:
    """Is this token an acting participant (subject, agent, possessor), not a location?"""
    if token.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "conj", "appos"):
        return token.dep_ != "conj" or _acts(token.head)
    return token.dep_ == "pobj" and token.head.lower_ in ("by", "with", "between", "against")


def _igo_mention(span: Span, igo: Igo) -> RawMention:
    """An organisation (UN, NATO) or a non-state group (Hamas: counted under PSE, REB)."""
    kind = "organization" if igo.sector == "IGO" else "group"
    return _mk(span, kind, igo.name, igo.side, igo.sector, None, ident=igo.code)


def _one(token: Token) -> Span:
    return token.doc[token.i : token.i + 1]


def _mk(
    ent: Span,
    kind: str,
    name: str,
    country: str | None,
    sector: str | None,
    role: str | None,
    ident: str | None = None,
    head: int | None = None,
) -> RawMention:
    """A mention over ``ent`` (a leading "the" left out); ``head`` defaults to its root."""
    span = ent
    if ent[0].lower_ == "the" and len(ent) > 1:
        span = ent[1:]
    return RawMention(
        span.start_char,
        span.end_char,
        span.start,
        span.end,
        span.text,
        kind,
        name,
        country,
        sector,
        role,
        id=ident,
        head=ent.root.i if head is None else head,
    )


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)].strip()
    return text.strip()


def _display(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text
