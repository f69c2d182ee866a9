"""Stage: people, organizations, treaties and places named in the text, with roles."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from ..dates import NUMBER_WORDS
from ..model import Organization, Person, PersonRole, Role, Treaty
from .document import Document, Mention
from .normalise import fold_text, make_slug, normalise_name
from .roles import TOKEN, find_appositive_role, find_new_people, find_role_after, find_role_before
from .vocabulary import (
    EVENT_WORDS,
    NOT_NAME_WORDS,
    RANKS,
    SPEECH_VERBS,
    TITLE_WORDS,
    TREATY_WORDS,
)


def find_mentions(doc: Document) -> list[Mention]:
    """Known entities, new people and new treaties/organizations defined in the text."""
    mentions: list[Mention] = []
    known_full: set[str] = set()
    surname_hits = []
    for start, end, form in doc.known_names(doc.folded):
        if form.kind == "person" and form.surname:
            surname_hits.append((start, end, form))
            continue
        mentions.append(Mention(start, end, form.kind, form.id))
        if form.kind == "person":
            known_full.add(form.id)
    # New people: only where no known name is written.
    taken = [(m.start, m.end) for m in mentions]
    # Matched on the folded text (same offsets) so "Konstantínos Karamanlís" is a name too;
    # the name is kept as written.
    for start, end, _folded_name, role in find_new_people(doc.folded, taken, doc.body):
        name = doc.body[start:end]
        key = doc.add_new_person(name)
        mentions.append(Mention(start, end, "person", key, role))
    if doc.lang.name_part is not None:
        mentions.extend(find_new_people_by_morphology(doc, taken, {start for start, _, _ in surname_hits}))
    full_people = {m.id for m in mentions if m.kind == "person"}
    # A surname the text also gives a new person in full ("Defence Minister Sergei Ivanov")
    # is the namesake's named last before it: "Ivanov said" after Sergei Ivanov is not Igor.
    new_full_names = {
        fold_text(person.name.split()[-1]).lower(): [m.start for m in mentions if m.id == key]
        for key, person in doc.new_people.items()
    }
    # Surnames alone: of a person named in full, or with a title or speech verb beside it.
    for start, end, form in surname_hits:
        if any(m.start <= start < m.end for m in mentions):
            continue
        if namesake := new_full_names.get(doc.folded[start:end].lower()):
            known_before = [m.start for m in mentions if m.id == form.id and m.start < start]
            new_before = [position for position in namesake if position < start]
            if max(new_before, default=-1) > max(known_before, default=-1):
                continue
        if (
            form.text.lower() in doc.catalog.matcher.ambiguous_surnames
            and form.id not in full_people
            and holder_then(doc, form.text) != form.id
        ):
            continue
        # The word right before, on the same line and in the same sentence: "with NATO.
        # Primakov said" is no "NATO Primakov".
        previous = re.search(r"([A-Za-z][\w'-]*)[ \t]+$", doc.body[max(0, start - 30) : start])
        # Initials before the surname ("A.V. Grushko"), not a word ending a sentence ("NATO.").
        initials = re.search(r"(?<![\w.])((?:[A-Z]\.[ \t]?){1,3})$", doc.body[max(0, start - 8) : start])
        if initials:
            first = (
                doc.catalog.people[form.id].name[:1].upper()
                if form.id in doc.catalog.people
                else ""
            )
            if not initials[1].startswith(first):
                continue
        elif (
            previous
            and previous[1][:1].isupper()
            and previous[1].lower() not in TITLE_WORDS | NOT_NAME_WORDS
        ):
            continue  # another person's surname: "Hunter Biden"
        elif form.inflected and doc.lang.name_part is not None and (
            given := re.search(r"([^\W\d_]+)\s+$", doc.body[max(0, start - 30) : start])
        ):
            part = doc.lang.name_part(given[1], None)
            if part is not None and part[0] == "Name":
                continue  # another person's surname: "Сергей Иванов" is not Igor Ivanov
        role = find_role_before(doc.body, start - (len(initials[0]) if initials else 0))
        speaks = re.match(
            rf"\s*(?:,[^,]{{1,60}},\s*)?(?:{doc.lang.speech_verbs})\b",
            doc.body[end : end + 80],
            re.IGNORECASE,
        )
        honorific = re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$", doc.body[max(0, start - 6) : start])
        said_before = re.search(rf"\b(?:{doc.lang.speech_verbs})\s+$", doc.body[max(0, start - 20) : start])
        # "In Stoltenberg's words", "as Lavrov put it": the surname is a speaker's.
        voiced = re.match(r"['’]s?\s+(?:words|remarks|comments|statement|view)\b|\s+put\s+it\b", doc.body[end : end + 20])
        if (
            form.inflected or form.id in full_people or role or speaks or said_before or honorific or voiced
            # A surname alone of a known person then in office ("spoke to Putin" in 2022) is
            # theirs; not "the Obama administration", a "BUSH:" label or a "Cohen: ..." link.
            or (
                not doc.body[start:end].isupper()
                and not _NOT_THE_PERSON_AFTER.match(doc.body[end : end + 30])
                and holder_then(doc, form.text) == form.id
            )
        ):
            mentions.append(
                Mention(
                    start - (len(initials[0]) if initials else 0),
                    end,
                    "person",
                    form.id,
                    role,
                    full=form.id in full_people,
                )
            )
    # Surnames of new people, and of known people named one letter off ("Peksov commented").
    written_surnames = [(key, person.name.split()[-1]) for key, person in doc.new_people.items()]
    written_surnames += [(key, written.split()[-1]) for key, written in doc.misspelt.items()]
    for key, surname in written_surnames:
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", doc.body):
            if not any(m.start <= match.start() < m.end for m in mentions):
                mentions.append(Mention(match.start(), match.end(), "person", key))
    # Roles, in a language with its own office words: the office written before the name.
    if doc.lang.role_before is not None:
        for mention in mentions:
            if mention.kind == "person" and mention.role is None:
                mention.role = doc.lang.role_before(doc.body[max(0, mention.start - 120) : mention.start])
    # Roles of known people named in full.
    for mention in mentions:
        if mention.kind == "person" and mention.role is None and mention.full:
            start = skip_leading_titles(doc, mention)
            mention.role = find_role_before(doc.body, start) or find_appositive_role(
                doc.body, start, mention.end
            )
            if (
                mention.role is None
                or {w.lower().rstrip(".") for w in mention.role.split()} <= RANKS
            ):
                mention.role = find_role_after(doc.body, mention.end) or mention.role
    find_defined_entities(doc, mentions)
    find_named_treaties(doc, mentions)
    find_treaties_by_signing(doc, mentions)
    find_seats_of_power(doc, mentions)
    if doc.dateline:
        # "(Xinhua)" in a dateline credits the agency, "– РИА Новости, Владимир Добровольский."
        # its correspondent; neither took part in the event. (A known person stays.)
        mentions = [
            m for m in mentions
            if m.start >= doc.dateline[1] or (m.kind == "person" and m.id in doc.catalog.people)
        ]
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


_CAPITALISED_WORD = re.compile(r"(?<![\w-])[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)?")


def find_new_people_by_morphology(
    doc: Document, taken: list[tuple[int, int]], known_surnames: AbstractSet[int] = frozenset()
) -> list[Mention]:
    """People not in people.yml, in a language whose dictionary marks names: two or more
    capitalised words in a row, each a given name, a patronymic or a surname ("Сергея
    Рябкова"), or a capitalised word right after a given name (a surname the dictionary does
    not know). The stub is named in English (transliterated) with both spellings as aliases;
    the surname alone is then found in any case."""
    assert doc.lang.name_part is not None and doc.lang.transliterate is not None
    # the language's dictionary marks the parts of names (pymorphy3's Name, Patr, Surn)
    name_part, transliterate = doc.lang.name_part, doc.lang.transliterate
    words = [m for m in _CAPITALISED_WORD.finditer(doc.body) if m[0][:1].isupper()]
    found: list[Mention] = []
    surnames: dict[str, str] = {}
    index = 0
    while index < len(words):
        run: list[tuple[re.Match[str], str, str]] = []
        while index < len(words):
            word = words[index]
            if run and doc.body[run[-1][0].end() : word.start()] != " ":
                break
            if run and run[-1][1] == "Surn" and word.start() in known_surnames:
                # "с президентом Польши Анджеем Дудой Столтенберг заявил": a known person's
                # surname after a surname starts another name
                break
            part = name_part(word[0])
            if run and run[-1][1] in ("Name", "Patr") and (part is None or part[0] != "Patr"):
                # after a given name: a surname in its case and gender ("Петра Новикова")
                given = next(match[0] for match, kind, _ in run if kind in ("Name", "Patr"))
                part = name_part(word[0], given) or part
            if part is None and not run and doc.lang.unknown_word is not None:
                # a given name the dictionary does not hold ("Питера Уильямса", "Оана Лунгеску")
                # before a word it reads as part of a name
                following = words[index + 1] if index + 1 < len(words) else None
                guess = doc.lang.unknown_word(word[0])
                if (
                    guess and following is not None
                    and doc.body[word.end() : following.start()] == " "
                    and name_part(following[0]) is not None
                ):
                    part = ("Name", guess)
                elif (
                    guess and following is not None
                    and doc.body[word.end() : following.start()] == " "
                    and (surname_guess := doc.lang.unknown_word(following[0]))
                    and _office_or_speech_before(doc, word.start())
                ):
                    # two words the dictionary does not hold after an office or a speech verb
                    # ("министр иностранных дел Испании Мигель Моратинос"): a foreign name
                    run.append((word, "Name", guess))
                    # the surname in the given name's case ("Илккой Канерва": not declined)
                    agreeing = name_part(following[0], word[0])
                    run.append((following, "Surn", agreeing[1] if agreeing else surname_guess))
                    index += 2
                    break
            if part is None:
                break
            run.append((word, *part))
            index += 1
        if not run:
            index += 1
            continue
        kinds = [kind for _, kind, _ in run]
        if len(kinds) == 2 and kinds[-1] == "Name":
            # two given-name readings ("Питера Уильямса"): the second is the surname
            run[-1] = (run[-1][0], "Surn", (name_part(run[-1][0][0], run[0][0][0]) or ("", run[-1][2]))[1])
            kinds[-1] = "Surn"
        if kinds == ["Name", "Patr"] and run[-1][2].replace("ё", "е") in doc.lang.common_patronymics:
            # "Владимир Владимирович": a name and patronymic, whose surname is not written
            continue
        if kinds == ["Name", "Patr"]:
            # "Александр Лукашевич": a surname in -вич, not a patronymic without a surname
            run[-1] = (run[-1][0], "Surn", name_part(run[-1][0][0], run[0][0][0])[1])  # type: ignore[index]
            kinds[-1] = "Surn"
        start, end = run[0][0].start(), run[-1][0].end()
        if (
            len(run) >= 2 and "Name" in kinds and kinds[-1] == "Surn"
            and not any(s < end and start < e for s, e in taken)
        ):
            unknown = doc.lang.unknown_word
            if (
                unknown is not None and doc.lang.in_apposition_nominative is not None
                and any(kind != "Patr" and unknown(match[0]) for match, kind, _ in run)
                and doc.lang.in_apposition_nominative(doc.body[max(0, start - 120) : start])
            ):
                # a foreign name after an office in the nominative is written in its nominative
                run = [(match, kind, match[0]) for match, kind, _ in run]
            written = " ".join(form for _, _, form in run)
            surname = run[-1][2]
            english = transliterate(f"{run[0][2]} {surname}")
            key = doc.add_new_person(english, (written, surname))
            surnames[surname.lower().replace("ё", "е")] = key
            found.append(Mention(start, end, "person", key))
    # The surname alone, in any case: "Рябков заявил", "по словам Рябкова".
    for word in words:
        if not surnames or any(m.start <= word.start() < m.end for m in found):
            continue
        if any(s <= word.start() < e for s, e in taken):
            continue
        part = name_part(word[0])
        key = surnames.get(part[1].lower().replace("ё", "е")) if part and part[0] == "Surn" else None
        key = key or _surname_in_any_case(doc, word[0], surnames)
        if key is not None:
            found.append(Mention(word.start(), word.end(), "person", key, full=False))
    return found


def _surname_in_any_case(doc: Document, word: str, surnames: dict[str, str]) -> str | None:
    """The person whose surname (lower case, "е" for "ё") the word is, in any case: the
    dictionary's forms of it, guessed for a foreign surname it does not hold ("Рёттгена")."""
    written = word.lower().replace("ё", "е")
    if written in surnames or doc.lang.lemmas is None:
        return surnames.get(written)
    return next((surnames[form] for form in sorted(doc.lang.lemmas(word)) if form in surnames), None)


def skip_leading_titles(doc: Document, mention: Mention) -> int:
    """Where the name proper starts, when an alias includes a rank ("Colonel General X")."""
    position = mention.start
    for token in TOKEN.finditer(doc.body[mention.start : mention.end]):
        if token[0].lower().rstrip(".") not in TITLE_WORDS | RANKS:
            return mention.start + token.start()
    return position


def find_seats_of_power(doc: Document, mentions: list[Mention]) -> None:
    """Institutions named by their building ("the Kremlin said", "the Pentagon"): the
    catalog's entry when one has that name, else a stub, so their statements have a speaker."""
    for match in _SEATS_OF_POWER.finditer(doc.body):
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue
        name = " ".join(match[1].split())
        wanted = normalise_name(name)
        key = next(
            (
                k
                for k, org in doc.catalog.organizations.items()
                if wanted in {normalise_name(n) for n in (org.name, *org.aliases)}
            ),
            None,
        )
        if key is None:
            key = make_slug(name)
            if key not in doc.catalog.organizations:
                doc.new_organizations.setdefault(key, Organization(key, name, (), None))
        mentions.append(Mention(match.start(1), match.end(1), "organization", key))


_NAMED_TREATY = re.compile(
    r"\b(?:the|a)\s+(?P<name>(?:[A-Z][\w'’.-]*\s+){1,4}(?:Treaty|Agreements?|Accords?|Protocol|Pact|"
    r"Convention|Charter|Memorandum|Final\s+Act|agreements|accords))\b(?!\s+(?:Organi[sz]ation|Council|Commission))"
)
"""A treaty named with its capitalised words and its kind: "the Minsk agreements", "the
Dayton Accords", "the Budapest Memorandum"."""


def find_named_treaties(doc: Document, mentions: list[Mention]) -> None:
    """Treaties not in treaties.yml, named by a proper name and a treaty word; a new stub."""
    for match in _NAMED_TREATY.finditer(doc.body):
        start, end = match.start("name"), match.end("name")
        if any(m.start < end and start < m.end for m in mentions):
            continue
        name = " ".join(match["name"].split())
        words = name.split()
        proper = [w for w in words[:-1] if w[:1].isupper()]
        if not proper or all(w.lower() in NOT_NAME_WORDS - {"new"} and w.lower() not in _PLACE_LIKE for w in proper):
            continue  # "the New Agreement", "the Russian Treaty": no proper name
        title = " ".join(w if w[:1].isupper() else w.capitalize() for w in words)
        key = make_slug(title, max_words=6)
        if key not in doc.catalog.treaties:
            doc.new_treaties.setdefault(key, Treaty(key, title, (), None))
        mentions.append(Mention(start, end, "treaty", key))


_SIGNED_IN = re.compile(
    r"\b(?P<noun>treaty|pact|charter|accord|agreement|act)\s+(?:that\s+was\s+|which\s+was\s+|they\s+)?signed\s+"
    r"(?:in\s+(?P<year>(?:19|20)\d\d)\b|(?P<ago>\w+)\s+years\s+ago\b)",
    re.IGNORECASE,
)


def find_treaties_by_signing(doc: Document, mentions: list[Mention]) -> None:
    """"the co-operation charter signed in 1997", "a pact signed 15 years ago": the one
    treaty in treaties.yml signed that year, if there is exactly one."""
    if "signed" not in doc.body:
        return
    for match in _SIGNED_IN.finditer(doc.body):
        if any(m.kind == "treaty" and m.start <= match.start() < m.end + 40 for m in mentions):
            continue
        if match["year"]:
            year = int(match["year"])
        else:
            ago = match["ago"].lower()
            count = int(ago) if ago.isdigit() else NUMBER_WORDS.get(ago)
            if count is None or doc.published is None:
                continue
            year = doc.published.date.year - count
        signed = [t.id for t in doc.catalog.treaties.values() if t.signed and t.signed.year == year]
        if len(signed) == 1:
            mentions.append(Mention(match.start("noun"), match.end("noun"), "treaty", signed[0]))


_PLACE_LIKE = {"georgia", "syria", "ukraine", "russia", "china", "europe", "crimea", "baltic"}
"""Country names count as the proper name of a treaty ("the Russia-Georgia Accord")."""


def find_defined_entities(doc: Document, mentions: list[Mention]) -> None:
    """Organizations and treaties the article defines: "Full Name (ABBR)" or
    "Full Name, or ABBR, treaty", when the abbreviation fits the name's initials."""
    patterns = (
        re.compile(
            r"(?P<name>(?:[A-Z][\w'-]*\s+(?:(?:of|on|for|and|the|in|de)\s+)*){1,9}?[A-Z][\w'-]*)\s+\((?P<abbr>[A-Z][A-Za-z]{1,7})\)"
        ),
        re.compile(
            r"(?P<name>(?:[A-Z][\w'-]*\s+(?:(?:of|on|for|and|the|in)\s+)*){1,9}?[A-Z][\w'-]*),\s+or\s+(?P<abbr>[A-Z]{2,8}),\s+(?P<kind>treaty|agreement|accord|pact|convention)"
        ),
    )
    for pattern in patterns:
        for match in pattern.finditer(doc.body):
            if any(
                m.start < match.end()
                and match.start() < m.end
                and m.kind in ("organization", "treaty")
                for m in mentions
            ):
                continue
            name = re.sub(r"^(?:The|A|An|During|At|In|On|For|By|With|From)\s+", "", match["name"])
            name = re.sub(r"^(?:(?:the|of|on)\s+)+", "", name)
            if not _initials_fit(name, match["abbr"]):
                name = _trim_to_initials(name, match["abbr"])
                if not name:
                    continue
            kind_word = match.groupdict().get("kind")
            full_name = f"{name} {kind_word.capitalize()}" if kind_word else name
            if EVENT_WORDS.search(name):
                continue  # a conference or a summit is an event, not an organization
            key = make_slug(match["abbr"] if len(match["abbr"]) >= 3 else full_name, max_words=6)
            if is_treaty_name(full_name):
                key = key if key.endswith(("treaty", "agreement", "accord")) else f"{key}-treaty"
                if key not in doc.catalog.treaties:
                    doc.new_treaties.setdefault(
                        key, Treaty(key, full_name, (match["abbr"],), match["abbr"])
                    )
                kind = "treaty"
            else:
                if key in doc.catalog.people:
                    continue
                if key not in doc.catalog.organizations:
                    doc.new_organizations.setdefault(
                        key, Organization(key, full_name, (match["abbr"],), match["abbr"])
                    )
                kind = "organization"
            mentions.append(Mention(match.start(), match.end(), kind, key))
            for other in re.finditer(rf"(?<![\w-]){re.escape(match['abbr'])}(?![\w-])", doc.body):
                if not any(m.start <= other.start() < m.end for m in mentions):
                    mentions.append(Mention(other.start(), other.end(), kind, key))


def collect_people(doc: Document, mentions: list[Mention]) -> tuple[PersonRole, ...]:
    """Each person once, in order of first mention, with the first role written for them."""
    order: list[str] = []
    roles: dict[str, str | None] = {}
    for mention in mentions:
        if mention.kind != "person":
            continue
        if mention.id not in roles:
            order.append(mention.id)
            roles[mention.id] = mention.role
        elif roles[mention.id] is None and mention.role:
            roles[mention.id] = mention.role
    for key in order:
        if key in doc.new_people and roles[key]:
            person = doc.new_people[key]
            doc.new_people[key] = Person(
                person.id, person.name, person.aliases, roles=(Role(str(roles[key])),)
            )
    return tuple(PersonRole(key, roles[key]) for key in order)


_SEATS_OF_POWER = re.compile(
    r"(?<!\bat\s)(?<!\bin\s)(?<!\bto\s)(?<!\bfrom\s)(?<!\binside\s)(?<!\boutside\s)"
    r"\b[Tt]he\s+(Kremlin|Pentagon|White\s+House)\b(?!\s+(?:[Pp]alace|[Ww]all|[Ss]quare|[Ll]awn))"
)
"""Buildings that stand for the government working in them ("the Kremlin said"); "in the
Kremlin" or "at the White House" is a venue, not a speaker."""

_ORGANIZATION_HEADS = re.compile(
    r"\b(?:organi[sz]ation|council|alliance|agency|committee|union|commission|group|ministry|"
    r"office|department|assembly|parliament|bank|fund|court|secretariat|mission|command|force|forces)$",
    re.IGNORECASE,
)


def is_treaty_name(name: str) -> bool:
    """ "Treaty on ..." or "... Agreement" names a treaty; "Collective Security Treaty
    Organization" names an organization: the head word (the last one) decides."""
    if _ORGANIZATION_HEADS.search(name.strip()):
        return False
    return TREATY_WORDS.search(name) is not None


def _initials_fit(name: str, abbreviation: str) -> bool:
    """ "North Atlantic Treaty Organization" fits NATO. Abbreviations may skip small words and
    some big ones ("Treaty on Conventional Armed Forces in Europe" is CFE), as long as they
    start at the first word after a "Treaty on" head and end at the last word."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    wanted = abbreviation.upper()
    strict = "".join(w[0] for w in words if w[0].isupper()).upper()
    loose = "".join(w[0] for w in words).upper()
    if wanted in (strict, loose):
        return True
    head = re.match(
        r"(?i)^(?:treaty|agreement|convention|accord|protocol)\s+(?:on|of|for|between)\s+(?:the\s+)?",
        name,
    )
    capitals = [
        w[0].upper()
        for w in re.split(r"[\s-]+", name[head.end() if head else 0 :])
        if w and w[0].isupper()
    ]
    if len(wanted) < 2 or not capitals or capitals[0] != wanted[0] or capitals[-1] != wanted[-1]:
        return False
    if len(wanted) * 2 < len(capitals):
        return False
    letters = iter(capitals)
    return all(letter in letters for letter in wanted)


def _trim_to_initials(name: str, abbreviation: str) -> str | None:
    """Drop leading words until the initials fit ("Sixth Moscow Conference ..." -> "Moscow ...")."""
    words = name.split()
    while len(words) > 1:
        words.pop(0)
        candidate = " ".join(words)
        if _initials_fit(candidate, abbreviation):
            return candidate
    return None


_NOT_THE_PERSON_AFTER = re.compile(
    r"(?:-era\b|['’]s\s+(?:administration|government|era)\b|\s*:|\s+(?:administration|government|era|doctrine|"
    r"campaign|camp|cabinet|team|years|White\s+House|presidency)\b)",
    re.IGNORECASE,
)
"""After a surname, words that make it an adjective or a label: "the Bush administration",
"Bush-era", "Cohen: ...". """


def holder_then(doc: Document, surname: str) -> str | None:
    """Of the known people who share a surname ("President Clinton" in 1997), the one who
    held an office on the publication date, when exactly one did."""
    if doc.published is None:
        return None
    day = doc.published.date.first_day()
    holders = [
        person.id for person in doc.catalog.people.values()
        if surname in person.aliases and any(
            role.start is not None and role.start.first_day() <= day
            and (role.end is None or day <= role.end.last_day())
            for role in person.roles
        )
    ]
    return holders[0] if len(holders) == 1 else None


def _office_or_speech_before(doc: Document, position: int) -> bool:
    """An office ("министр иностранных дел Испании") or a speech verb ("заявил") right before."""
    before = doc.body[max(0, position - 120) : position]
    if re.search(r"(?:^|\s)(?:де|ван|фон|дер|ди|да|ла|ле|дель|аль)\s+$", before):
        return False  # "Яапа де Хоопа Схеффера": the rest of a compound surname, not a new name
    if doc.lang.role_before is not None and doc.lang.role_before(before):
        return True
    return re.search(rf"(?:{doc.lang.speech_verbs})\s+$", before, re.IGNORECASE) is not None
