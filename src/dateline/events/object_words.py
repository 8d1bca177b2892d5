"""The words a verb trigger's object must be for a sense to hold ("sign" an *agreement*,
"impose" *sanctions*), as space-separated strings for ``sense(objects=...)``.

Pseudo-words stand for what a token is rather than what it says: ``PERSON`` (a named
person), ``NORP`` (a nationality), ``MONEY`` (a sum of money given), ``MATERIAL_SUPPORT``
("military support"). Written by the project; general English, no document's words.
"""

from __future__ import annotations

#: What is given back in a return ("returned the remains", "handed over control").
RETURNED_NOUNS = (
    "territory territories land lands control remains bodies body prisoners hostages "
    "detainees captives ships vessel vessels assets property artefacts artifacts islands "
    "sovereignty POWs children"
)

#: What a welcome approves ("welcomed the decision", "welcomed the release").
WELCOMED_NOUNS = (
    "decision move deal agreement accord step steps announcement release election ruling "
    "resolution plan proposal initiative effort efforts outcome result results ceasefire "
    "truce talks reform reforms pardon commitment"
)

#: What a release frees: people held ("PERSON" stands for any named person).
CAPTIVE_NOUNS = (
    "PERSON prisoner prisoners hostage hostages detainee detainees captive captives "
    "journalist journalists soldier soldiers citizen citizens national nationals "
    "activist activists dissident dissidents people civilians crew sailors fishermen "
    "worker workers man woman men women children POW POWs peacekeeper peacekeepers migrant "
    "migrants refugee refugees student students member members official officials suspect "
    "suspects protester protesters opponent opponents politician politicians leader leaders "
    "tanker ship vessel crew NORP candidate physician doctor nurse guard guards minister "
    "ministers"
)

AGREEMENT_NOUNS = (
    "agreement deal accord treaty pact document documents memorandum declaration contract "
    "communique charter protocol roadmap ceasefire truce law bill ratification framework "
    "arrangement "
    "statement initiative"
)
ACCESSION_NOUNS = "bid membership accession application entry"
BORDER_NOUNS = "border borders crossing crossings airspace embassy consulate port ports"
GROUP_NOUNS = "alliance bloc union organisation organization coalition group nato eu brics"
SANCTION_NOUNS = "sanction sanctions embargo tariff tariffs restriction restrictions ban boycott"
AID_NOUNS = (
    "aid assistance weapon weapons arms supplies supply ammunition munition munitions missile "
    "missiles tank tanks jet jets equipment loan loans funding fund funds grant grants "
    "component components shell shells drone drones system systems package vaccine vaccines "
    "food fuel help troops MONEY MATERIAL_SUPPORT relief medicine medicines shelter tents "
    "doses "
    "donation donations euro euros dollar dollars pound pounds yen yuan rupee rupees"
)
ATTACK_NOUNS = (
    "attack attacks strike strikes airstrike airstrikes offensive invasion raid raids assault "
    "missile missiles rocket rockets drone drones bombardment operation incursion war warfare"
)
MEETING_NOUNS = (
    "summit meeting talks conference ceremony parade celebration celebrations session "
    "forum inauguration funeral negotiations consultations gathering"
)
TROOP_NOUNS = "troop troops force forces soldier soldiers army military unit units brigade"
#: Protests, as the thing a protester starts, ends or calls off.
PROTEST_NOUNS = "strike protest protests boycott demonstration demonstrations sit-in walkout"
#: Hostilities, as the thing a side stops or steps up.
HOSTILITY_NOUNS = (
    "attack attacks offensive war fighting hostilities bombing bombings bombardment "
    "airstrikes strikes shelling raids operation operations campaign"
)
#: Restrictions one side lifts, ends or extends.
RESTRICTION_NOUNS = SANCTION_NOUNS + " blockade siege occupation curfew lockdown"
#: Backing given in words ("pledged his full support for").
SUPPORT_NOUNS = "support backing solidarity"
#: Relations whose establishing or restoring recognises the other side.
DIPLOMATIC_NOUNS = "ties relations relation diplomatic"
#: Relations and help one side breaks off, cuts or suspends.
DIALOGUE_NOUNS = (
    "talks negotiations mediation dialogue cooperation aid assistance ties relations "
    "funding support"
)

#: Words of censure in what a speaker calls something ("called the move *illegal*").
CENSURE_WORDS = (
    "wrong illegal unlawful unacceptable irresponsible provocation provocative dangerous "
    "violation aggression aggressive terrorist terrorism dictator liar lie lies stupid absurd "
    "baseless false unconstitutional hostile reckless interference blackmail crime criminal "
    "genocide illegitimate outrageous shameful disgrace disgraceful hypocrisy hypocritical "
    "nonsense propaganda threat insult betrayal farce sham fraud mistake attack "
    "disproportionate escalatory destabilizing destabilising unjustified unjustifiable "
    "unprovoked dictator tyrant"
)
