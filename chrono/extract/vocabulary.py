"""The words the rules know: offices and ranks, words that are never names, speech verbs."""

from __future__ import annotations

import re


TITLE_WORDS = {
    "president", "vice-president", "minister", "secretary", "secretary-general",
    "undersecretary", "under-secretary", "chief", "general", "colonel-general",
    "lieutenant-general", "major-general", "admiral", "vice-admiral", "ambassador", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "chancellor", "premier", "chairman",
    "chairwoman", "chair", "director", "director-general", "commander", "commander-in-chief",
    "head", "representative", "senator", "congressman", "governor", "mayor", "king", "queen",
    "marshal", "colonel", "lieutenant", "deputy", "leader", "adviser", "advisor", "counselor",
    "aide", "diplomat", "negotiator", "prime", "foreign", "defense", "defence", "mr", "mrs",
    "ms", "dr", "sir", "gen", "lt", "col", "adm", "sen", "rep", "president-elect", "speaker",
    "officer", "attache", "emissary", "delegate", "official"
}
"""Words that make a phrase before a name a role ("Deputy Foreign Minister")."""
RANKS = {
    "general", "colonel-general", "lieutenant-general", "major-general", "admiral",
    "vice-admiral", "colonel", "lieutenant", "marshal", "gen", "col", "lt", "adm", "mr", "mrs",
    "ms", "dr", "sir"
}
"""Ranks and honorifics: after an office and a comma they belong to the same person."""
OFFICE_WORDS = TITLE_WORDS - RANKS - {"foreign", "defense", "defence", "prime", "deputy"}
LOWERCASE_ROLE_WORDS = {
    "leader", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "chief",
    "minister", "president", "diplomat", "negotiator", "official", "commander", "delegate",
    "counterpart", "head", "secretary", "adviser", "advisor", "aide", "premier", "foreign",
    "defense", "defence", "deputy", "prime", "general", "top", "senior", "former", "then",
    "acting", "chief"
}
CONNECTORS = {"of", "the", "for", "on", "to", "in", "de"}
"""Small words inside a role ("Chief of the General Staff"); "and" is not one: it joins two people."""
NAME_PARTICLES = {
    "al", "el", "bin", "ibn", "de", "van", "von", "der", "da", "di", "du", "la", "le", "ter"
}
NOT_NAME_WORDS = {
    "the", "a", "an", "at", "in", "on", "but", "and", "as", "if", "it", "he", "she", "they",
    "we", "i", "you", "this", "that", "these", "those", "also", "however", "meanwhile",
    "earlier", "later", "since", "according", "after", "before", "following", "barring",
    "speaking", "most", "more", "some", "many", "western", "eastern", "northern", "southern",
    "cold", "war", "source", "his", "her", "their", "our", "its", "there", "here", "while",
    "when", "where", "what", "who", "why", "how", "all", "both", "each", "no", "not", "so",
    "yet", "still", "then", "now", "today", "yesterday", "tomorrow", "tonight", "last", "next",
    "new", "old", "north", "south", "east", "west", "central", "european", "atlantic",
    "pacific", "middle", "far", "near", "united", "states", "kingdom", "nations", "union",
    "federation", "republic", "soviet", "russian", "american", "russia", "ukraine",
    "ukrainian", "nato", "us", "u.s.", "uk", "eu", "un", "by", "with", "from", "into", "over",
    "under", "about", "against", "between", "during", "without", "within", "among", "under",
    "said", "says", "told", "ministry", "council", "forces", "staff", "state", "department",
    "office", "agency", "news", "times", "post", "press", "committee", "alliance",
    "organization", "organisation", "treaty", "agreement", "accord", "conference", "summit",
    "forum", "parliament", "duma", "senate", "congress", "house", "white", "kremlin",
    "pentagon", "government", "army", "navy", "air", "force", "armed", "military", "security",
    "defense", "defence", "foreign", "affairs", "international", "national", "general",
    "chief", "headquarters", "day", "week", "month", "year", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "mr", "mrs",
    "ms", "dr", "sir", "christ", "god", "internet", "islamic", "muslim", "christian", "baltic",
    "caucasus", "balkan", "balkans", "crimea", "asia", "europe", "africa", "america", "syria",
    "syrian", "georgia", "georgian", "chinese", "china", "british", "french", "german",
    "polish", "spotlight", "team", "group", "fleet", "command", "unit", "squadron", "brigade",
    "division", "corps", "battalion", "regiment", "service", "centre", "center", "institute",
    "university", "school", "company", "bank", "association", "foundation", "navy", "guard",
    "guards", "control", "affairs", "policy", "forces", "agency", "office", "department",
    "ministry", "committee", "council", "commission", "relations", "cooperation", "arms"
}
"""Capitalised words that cannot start or end a new person's name, head nouns of units and bodies
among them ("the NATO Mobile Training Team said" names no person)."""
SPEECH_VERBS = (
    r"said|says|told|added|stressed|noted|stated|declared|warned|argued|explained|insisted|"
    r"emphasi[sz]ed|announced|remarked|claimed|asserted|replied|recalled|wrote|continued|saying|"
    r"underlined|pointed\s+out|summed\s+up|commented|observed|acknowledged|admitted|conceded|"
    r"complained|tweeted|concluded|according\s+to|made\s+(?:it\s+)?clear|vowed|pledged|urged|praised|"
    r"threatened|predicted|reiterated|repeated|affirmed|cautioned|promised|"
    r"elaborated|adding|asked|shouted|suggested|hinted|indicated|mentioned|assured|demanded|"
    r"telling|accused|expressed\s+(?:\w+\s+)?(?:hopes?|concerns?|regrets?|confidence)|"
    # the present of reports and headlines ("Zhadobin reiterates that ...", "NATO chief warns")
    r"tells|adds|stresses|warns|insists|explains|argues|urges|reiterates|declares|announces|recalls|"
    r"writes|asserts|replies|cautions|emphasi[sz]es|underlines|points\s+out"
)
SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
BRACKETED_ASIDE = r"(?:\((?!(?-i:[A-Z]{2,6})\))[^()]{1,40}\)\s*)?"
"""A party or country in brackets between a name and its verb ("Jane Doe (Reform) said"); not
an acronym ("the Membership Action Plan (MAP), a first step, saying"), in capitals even where
the pattern it joins ignores case."""
_PASSING_ON = r"(?:agency|newspaper|daily|paper|television|radio|channel|service|Interfax|TASS|Itar-Tass|Novosti|Reuters|AFP)"
"""Who passes a person's words on: "the Interfax news agency quoted him as saying"."""
PRONOUN_SPEECH = re.compile(
    rf"^\W{{0,3}}(?:(?:he|she)\s+(?:(?:\w+\s+){{0,2}}(?:{SPEECH_VERBS})|(?:was|is|has\s+been)\s+(?:quoted|cited)|"
    rf"went\s+on\s+to\s+(?:say|add))|(?:the\s+)?(?:[\w.'’-]+\s+){{0,2}}?(?:news\s+)?{_PASSING_ON}\s+"
    rf"(?:quoted|cited)\s+(?:him|her)\s+as\b)\b",
    re.IGNORECASE,
)
"""'"...," he said', '"...," she told reporters', '"...," he was quoted by Interfax as saying',
'"...," he went on to say', '"...," the Interfax news agency quoted him as saying' (the agency
passes on his words)."""
TREATY_WORDS = re.compile(
    r"\b(?:treaty|agreement|accord|convention|pact|protocol|charter|act|memorandum)\b",
    re.IGNORECASE,
)
EVENT_WORDS = re.compile(
    r"\b(?:conference|summit|meeting|forum|exercises?|games|talks|session|dialogue|drills?)\b",
    re.IGNORECASE,
)
HEADQUARTERS = re.compile(
    r"\b(?:alliance(?:'s)?|nato(?:'s)?|north atlantic treaty organization(?:'s)?)\s+headquarters\b",
    re.IGNORECASE,
)
HEADQUARTERS_CITY = "Brussels"
"""NATO's headquarters have been in Brussels since 1967, for every year this chronology covers."""
GENERIC_ORGANIZATION_NAMES = {"north atlantic treaty organization", "nato"}
"""In a Russia–NATO chronology nearly every event names NATO, so it tells two events apart
no better than the word "Russia" does; it is ignored when looking for the same event."""
KICKERS = {
    "spotlight", "analysis", "update", "updated", "exclusive", "opinion", "interview",
    "breaking", "factbox", "explainer", "commentary", "feature", "news", "roundup", "update 1",
    "update 2"
}
TITLE_STOPWORDS = {
    "the", "a", "an", "of", "on", "in", "at", "to", "for", "and", "or", "with", "by", "from",
    "is", "are", "was", "were", "be", "been", "that", "this", "its", "their", "his", "her",
    "as", "into", "over", "about", "says", "said", "russia", "russian", "nato", "there", "not",
    "no", "will"
}

HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "mme", "m", "herr", "frau"}
"""Courtesy titles: written before a name, but not a role."""
REGION_NAMES = {
    "europe", "asia", "africa", "america", "north america", "latin america", "eurasia",
    "the balkans", "balkans", "the baltics", "baltics", "the caucasus", "caucasus", "scandinavia",
    "crimea", "donbas", "donbass", "siberia", "the arctic", "arctic", "the west", "west", "east",
    "russia", "ukraine", "georgia", "belarus", "moldova", "armenia", "azerbaijan", "kazakhstan",
    "poland", "lithuania", "latvia", "estonia", "finland", "sweden", "norway", "denmark",
    "germany", "france", "britain", "great britain", "england", "the united kingdom",
    "united kingdom", "the united states", "united states", "the us", "canada", "italy", "spain",
    "portugal", "greece", "turkey", "romania", "bulgaria", "hungary", "slovakia", "slovenia",
    "croatia", "serbia", "kosovo", "bosnia", "albania", "montenegro", "macedonia",
    "north macedonia", "the czech republic", "czech republic", "austria", "switzerland",
    "belgium", "the netherlands", "netherlands", "luxembourg", "iceland", "ireland", "syria",
    "iraq", "iran", "afghanistan", "china", "india", "japan", "israel", "libya", "yugoslavia",
    "chechnya", "abkhazia", "south ossetia", "transnistria", "kaliningrad region",
}
"""Countries and regions: after "in" they say where in the world, not which venue."""


COMMON_GIVEN_NAMES = frozenset(
    """
    aleksandr alexander alexei aleksei alexey anatoly andrei andrey anna antony anthony arkady
    boris dmitry dmitri evgeny yevgeny gennady georgy grigory igor ilya ivan kirill konstantin
    leonid maria mikhail nikolai oleg pavel pyotr roman sergei sergey svetlana tatiana valentina
    valery vasily viktor vladimir vladislav vyacheslav yelena elena yulia yuri yury olga natalia
    irina ekaterina yekaterina lyudmila galina nadezhda marina alla zakhar
    adam alan albert alfred andrew angela anders barack benjamin bernard bill brian carl
    catherine charles christian christopher colin condoleezza daniel david dennis donald douglas
    edward emmanuel eric francois frank franz frederick gerhard george gordon hans harry helmut
    henry hillary jacques james jane janet jean jeffrey jens joe johannes john jonathan joseph
    julian karl kevin kurt lawrence lech leon lord madeleine margaret mario martin matthew
    michael michel mike nancy nicholas nicolas olaf pascal patrick paul peter philip pierre
    richard robert ronald samuel sarah silvio stephen steven susan theresa thomas timothy tony
    vaclav walter william wolfgang yves zbigniew
    ahmet andrzej aleksander bronislaw dalia egils ivo jaap javier kersti lennart
    petro volodymyr mikheil eduard heydar ilham nursultan alyaksandr
    recep mevlut jaroslaw radoslaw jozef milos slobodan vojislav zoran aleksandar
    """.split()
)
"""Given names common in this chronology's news ("Sergei", "Boris", "Madeleine"): before a
capitalised surname they make a person even with no office or speech verb beside the name.
Words that are also places or common nouns (Georgia, Mark, Will) are left out."""


PREPOSITIONS = frozenset(
    "with to by from of for between after before against at on in about among "
    "alongside beside besides like than toward towards under via without".split()
)
"""English prepositions: before a name they put it in a phrase of its own ("talks
with Stoltenberg"), so the name is not the subject of the verb after it."""

OBJECT_VERBS = frozenset(
    "met meeting meets told telling accused accusing thanked thanking urged urging invited inviting "
    "phoned called calling visited visiting replaced replacing succeeded criticised criticized "
    "briefed briefing".split()
)
"""Verbs after which a name is the object ("after meeting Foreign Minister X"), not the
person a later "he said" stands for."""

CONJUNCTIONS = frozenset({"and", "or", "nor"})
"""English coordinating conjunctions: "Lavrov and Stoltenberg said" is not Stoltenberg alone."""
GLUED_SAID = re.compile(r"said\b(?<=[a-z]{3}said)(?<!foresaid)(?<![Uu]nsaid)(?<![Gg]ainsaid)")
"""'said' glued to the word before it ("Ivanovsaid", "the foreign ministersaid"); not "unsaid",
"aforesaid" or "gainsaid". It opens with the word, so a search skips to it quickly."""

BETWEEN_NAME_AND_VERB = re.compile(
    r"^\s+(?:(?P<as>as)\s+|(?:also|then|later|again|further|on\s+\w+day|yesterday|today)\s+)?$",
    re.IGNORECASE,
)
"""What may stand between a speaker's name and the speech verb: "Primakov said", "Borrell as
saying", "Stoltenberg on Tuesday said"."""
