"""Stage: quoted words and who said them."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..model import Quote
from .dating import distinctive_office_words
from .document import Document, Mention, Sentence
from .cleanup import ANSWER_TURN, QUESTION_TURN, turn_on_next_line
from .normalise import make_slug
from .sentences import cut_at_sentence_end
from .vocabulary import BRACKETED_ASIDE, HONORIFICS, NOT_NAME_WORDS, OFFICE_WORDS, SPEECH_VERBS, TITLE_WORDS


def find_quotes(doc: Document, mentions: list[Mention]) -> tuple[Quote, ...]:
    """Quoted words of five words or more, with the person or organization who said them.
    How each speaker was found goes to `doc.quote_bases`, where the doubts stage reads it."""
    quotes: list[Quote] = []
    bases: list[str] = []
    voiced: list[tuple[int, str]] = []  # (position, speaker) of each quote attributed so far
    positions: list[int] = []
    people = [m for m in mentions if m.kind == "person"]
    organizations = [m for m in mentions if m.kind == "organization"]
    previous_end: int | None = None
    previous_speaker: str | None = None
    # The speaker of the last attributed quote: a paragraph that is only a quote goes on in
    # that voice (the news convention for a quote running over paragraphs).
    last_speaker: str | None = None
    last_at = 0
    waiting: list[tuple[int, str, Sentence | None]] = []  # unattributed quotes of this sentence
    for start, end, raw, attribution in quote_spans(doc):
        inner = doc.lang.inner_attribution.search(raw) if attribution is None else None
        if inner is not None:
            # «Это не жест, – сказал он. – Это основа»: the attribution inside the marks.
            attribution = start + 1 + inner.start() + 1
            raw = f"{raw[: inner.start() + 1]} {raw[inner.end():]}"
        text = " ".join(raw.split()).strip().rstrip(",")
        if len(text.split()) < 2:
            continue
        sentence = next((s for s in doc.sentences if s.start <= start < s.end + 1), None)
        sentence_start = sentence.start if sentence else 0
        after_at = attribution if attribution is not None else end
        after_end = doc.body.find("\n", after_at)
        after = doc.body[after_at : after_end if after_end != -1 else len(doc.body)]
        after = cut_at_sentence_end(after)
        # The attribution after a quote ends where the next quote opens: '..., "in Reykjavik
        # ...". "The essence," the minister stressed' gives the first quote no attribution after.
        if opening := _NEXT_QUOTE_OPENS.search(after):
            after = after[: opening.start()]
        before = doc.body[sentence_start:start]
        introduced = _introduced(doc.lang.speech_verbs).search(before) and (
            re.match(r"^\W*[.!?]?[\"”»]?\s+[A-ZА-ЯЁ]", after) is not None
            or bool(opening and not after.strip())
        )
        if introduced and (named := speaker_before(doc, sentence_start, start, before, people, organizations)):
            # 'Grushko said: "...". He added that ...': the quote's speaker is the one who
            # introduces it; the next sentence starts afresh.
            speaker, how = named, f"introduced: {doc.speaker_basis}"
        elif doc.lang.pronoun_speech.match(after) and last_speaker is not None and _near(doc, last_at, start):
            # '"It's a mistake," he told reporters': "he" is the last person written as
            # speaking since the last quote, else that quote's speaker; not the last name
            # written, which is often the object of the sentence before.
            speaking = [
                m for m in people
                if last_at <= m.start < start and _speaks_after(doc.lang.speech_verbs).match(doc.body[m.end : m.end + 100])
            ]
            speaker = speaking[-1].id if speaking else last_speaker
            if speaker not in {m.id for m in people}:
                # "he said" is a person: an organization quoted last is not "he"
                speaker = last_person_before(doc, start, people) or speaker
            recent = {who for at, who in voiced if _near(doc, at, start)}
            voices = {m.id for m in speaking} | recent | {last_speaker}
            how = "pronoun after several speakers" if len(voices) > 1 else "pronoun"
            if speaker not in {m.id for m in people}:
                how = "pronoun: no person named before"
        else:
            speaker = speaker_after(doc, after_at, after, people, organizations, quote_start=start)
            how = f"after: {doc.speaker_basis}"
        # A name written at the attribution ('"defence and dialogue", Stoltenberg stressed')
        # makes even a short quote a statement; a pronoun or an institution needs a sentence
        # (a fragment inside the sentence a pronoun closes needs three words).
        words_needed = 2 if how == "after: named" else 3 if speaker and _fragment_closed_by_pronoun(how, before) else 5
        if speaker is None:
            speaker = speaker_in_words_of(doc, sentence_start, start, before, people)
            how = "in the words of"
        if (
            speaker is None and last_speaker is not None and _near(doc, last_at, start)
            and (_AS_PRONOUN_PUT_IT.search(before) or _IN_PRONOUN_WORDS.search(before))
        ):
            # 'Moreover, as he put it, "..."': the pronoun is the last speaker.
            speaker, how = last_speaker, "pronoun"
        if speaker is None and (framing := doc.lang.framing.search(before)):
            how = "framing"
            # 'Lavrov called it "a mistake"', 'described the plan as "provocative"': the
            # subject of the sentence; a fragment that short is a statement here.
            verb_at = sentence_start + framing.start()
            speaker = subject_person(doc, sentence_start, verb_at, people) or next(
                # "the Foreign Ministry called the decision 'a grave mistake'": a body's words
                (m.id for m in reversed(organizations) if max(sentence_start, verb_at - 90) <= m.start < verb_at),
                None,
            )
            words_needed = 1
        if speaker is None:
            speaker = speaker_before(doc, sentence_start, start, before, people, organizations)
            how = f"before: {doc.speaker_basis}"
            if speaker is not None:
                words_needed = 2  # a fragment quoted inside reported speech ("a 'red line'"); one word is a label
        if speaker is None and previous_speaker is not None and previous_end is not None:
            # '"We cannot wait," Lukashevich said. "Our patience has limits."': the
            # same speaker goes on after an attribution that closes a sentence.
            gap = doc.body[previous_end:start]
            if "\n" not in gap and re.fullmatch(
                rf"\s*,?\s*[^.!?\"“”«»]{{0,80}}\b(?:{doc.lang.speech_verbs})\b[^!?\"“”«»]{{0,100}}\.\s*", gap
            ):
                speaker = previous_speaker
                how = "continues the quote before"
        if (
            speaker is None and last_speaker is not None and last_at < start
            and "\n" not in doc.body[last_at:start] and not before.strip()
            and re.fullmatch(r"[\W]*", after.strip())
            and not any(last_at < m.start < start and m.id != last_speaker for m in people)
        ):
            # '"It was not easy," Smith said. There was a "frank exchange". "We differ."':
            # a quote that is a whole sentence goes on in the voice of the paragraph's last
            # speaker when nobody else is named in between.
            speaker = last_speaker
            how = "a whole-sentence quote after the same speaker's"
        if speaker is None and (pointed := speaker_of_next_sentence(doc, sentence, people)):
            # "... – «уникальное событие». Об этом заявил журналистам Робертсон.": the sentence
            # after points back to the quote and names its speaker.
            speaker, how = pointed, "named by the sentence after"
        if speaker is None and (body := document_speaking(doc, sentence, start, organizations)):
            # "В заявлении МИДа говорится, что ... «...»": the body whose document it is.
            speaker, how = body, "a body's document"
            words_needed = 3
        if speaker is None and doc.lang.credit_after.match(after):
            # «...», — цитирует «Росбалт»: the medium passes the words on; whose they are, the
            # paragraph before says (or the last quote's speaker).
            speaker = speaker_of_previous_paragraph(doc, start, people) or (last_speaker if _near(doc, last_at, start) else None)
            how = "a medium's credit: the voice of the paragraph before"
        if speaker is None and _is_quote_paragraph(doc, start, end):
            speaker = speaker_of_previous_paragraph(doc, start, people)
            how = "quote paragraph: the voice of the paragraph before"
            if speaker is None:
                speaker = last_speaker
                how = "quote paragraph: the last speaker"
            if speaker is None:
                # "..., the statement adopted by NATO's foreign ministers says." then a quote
                # paragraph: the body whose statement the paragraph before reports.
                speaker = organization_of_previous_paragraph(doc, start, organizations)
                how = "quote paragraph: the organization of the paragraph before"
        if speaker is None and doc.lang.speaker_in_previous_sentence and not before.strip():
            # "Макаров рассказал о другом варианте. «Мы предложили ...»": the quote opens the
            # sentence after the one that has its speaker speaking.
            speaker = speaker_of_previous_sentence(
                doc, sentence_start, people, last_speaker if _near(doc, last_at, start) else None
            )
            how = "the speaker of the sentence before"
        elif (
            speaker is None and doc.lang.speaker_in_previous_sentence and last_speaker is not None
            and _quoted_in_sentence_before(doc, sentence_start, last_at)
            and _nobody_in(doc, before, sentence_start, people, organizations)
        ):
            # '"The steps ...," Grushko said in the interview. Russia is "especially concerned
            # about ..."': a fragment in a sentence that names nobody and has no speech verb,
            # right after a sentence that quotes its speaker, goes on in that voice.
            speaker = speaker_of_previous_sentence(doc, sentence_start, people) or _pronoun_voice_before(
                doc, sentence_start, people, last_speaker
            )
            speaker = speaker if speaker == last_speaker else None
            how = "a fragment after the sentence of its speaker"
            words_needed = 3
        previous_end, previous_speaker = end, speaker
        if speaker is not None:
            last_speaker, last_at = speaker, start
            voiced.append((start, speaker))
        if waiting and (sentence is None or waiting[0][2] is not sentence):
            waiting = []
        if speaker is None:
            # 'First it is necessary to conduct "a universal estimation ..."; i.e., "there is a
            # need for monitoring," he said': the attribution after the sentence's last quote
            # is also the voice of the quotes before it.
            waiting.append((start, text, sentence))
            continue
        if how.startswith(("after:", "pronoun")):
            for waiting_start, waiting_text, _ in waiting:
                if len(waiting_text.split()) >= 3:
                    quotes.append(Quote(speaker, waiting_text))
                    positions.append(waiting_start)
                    bases.append(how)  # as sure as the attribution they share
        waiting = []
        if len(text.split()) < words_needed:
            continue  # a word or two in quotation marks is a label, not a statement
        quotes.append(Quote(speaker, text))
        positions.append(start)
        bases.append(how)
    for start, speaker, text in [*transcript_turns(doc, people), *statements_after_colon(doc, people)]:
        at = next((i for i, p in enumerate(positions) if p > start), len(positions))
        quotes.insert(at, Quote(speaker, text))
        positions.insert(at, start)
        bases.insert(at, "transcript turn")
    unique: dict[tuple[str, str], Quote] = {}
    for quote, how in zip(quotes, bases):
        if (quote.speaker, quote.text) not in unique:
            unique[quote.speaker, quote.text] = quote
            doc.quote_bases[quote.speaker, quote.text] = how
    return tuple(unique.values())


_NEXT_QUOTE_OPENS = re.compile(r"(?:^\s*|(?<=[.!?,])\s+)[\"“«„]")
"""A quote that follows straight on, or after a comma or a sentence's end; not a name in
quotation marks inside the attribution («сказал в интервью газете «Коммерсант» Сергей Лавров»)."""


def _nobody_in(doc: Document, before: str, start: int, people: list[Mention], organizations: list[Mention]) -> bool:
    """The words of a sentence before its quote name no one, nobody speaks in them, and they
    do not frame the quote as a name or a label ('called the plan "..."')."""
    end = start + len(before)
    return (
        not any(start <= m.start < end for m in (*people, *organizations))
        and not doc.lang.subject_words.search(before)
        and not doc.lang.speech().search(before)
        and not doc.lang.framing.search(before)
    )


def _quoted_in_sentence_before(doc: Document, sentence_start: int, quoted_at: int) -> bool:
    """The last quote given a speaker is in the sentence right before, in the same paragraph."""
    previous = doc.sentence_before(sentence_start)
    return previous is not None and previous.start <= quoted_at < previous.end and "\n" not in doc.body[previous.end : sentence_start]


def _pronoun_voice_before(doc: Document, sentence_start: int, people: list[Mention], last_speaker: str | None) -> str | None:
    """The last speaker, when the sentence before names nobody and a pronoun speaks in it
    ('"Pushing NATO's limits ... in Europe," he said.'): its quote was that speaker's."""
    previous = doc.sentence_before(sentence_start)
    if previous is None or any(previous.start <= m.start < previous.end for m in people):
        return None
    text = doc.body[previous.start : previous.end]
    closings = [match.end() for match in re.finditer(r"[\"”»]", text)]
    return last_speaker if any(doc.lang.pronoun_speech.match(text[at:]) for at in closings) else None


def _found(doc: Document, how: str, speaker: str | None) -> str | None:
    """Note how a speaker was found (for the doubts stage) and pass it on."""
    doc.speaker_basis = how
    return speaker


def _near(doc: Document, earlier: int, later: int) -> bool:
    """The two positions are in the same paragraph or the next."""
    return doc.body.count("\n", earlier, later) <= 1


@lru_cache(maxsize=4)
def _speaks_after(speech_verbs: str) -> re.Pattern[str]:
    """A speech verb right after a name ("Scheffer, the alliance's chief, told", "Paet
    (Reform) said")."""
    return re.compile(rf"^\s*{BRACKETED_ASIDE}(?:,[^,]{{1,80}})?,?\s*(?:{speech_verbs})\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _introduced(speech_verbs: str) -> re.Pattern[str]:
    """An attribution that introduces the quote after it: 'Grushko said: "..."'."""
    return re.compile(rf"\b(?:{speech_verbs})\b[^.!?\"“”«»]{{0,40}}:\s*$", re.IGNORECASE)


def speaker_of_previous_paragraph(doc: Document, start: int, people: list[Mention]) -> str | None:
    """The person the previous paragraph has speaking ("Scheffer told reporters that ..."),
    the last one there, for a quote paragraph of its own that goes on in that voice."""
    line_start = doc.body.rfind("\n", 0, start)
    if line_start <= 0:
        return None
    previous_start = doc.body.rfind("\n", 0, line_start) + 1
    speaking = [
        m for m in people
        if previous_start <= m.start < line_start
        and (
            _speaks_after(doc.lang.speech_verbs).match(doc.body[m.end : m.end + 100])
            # "..., предупредил официальный представитель МИД Александр Лукашевич."
            or (doc.lang.speaker_follows_verb and _verb_then_name(doc.lang.speech_verbs).search(doc.body[max(previous_start, m.start - 100) : m.start]))
        )
    ]
    if doc.lang.is_subject is not None:
        # not a name in another case ("с американским коллегой Майклом Мулленом сообщил")
        speaking = [m for m in speaking if all(map(doc.lang.is_subject, doc.body[m.start : m.end].split()))]
    if speaking:
        return speaking[-1].id
    if doc.lang.is_subject is not None and (verb := doc.lang.speech().search(doc.body, previous_start, line_start)):
        # "Николай Макаров после встречи в Хельсинки с ... Майклом Мулленом сообщил прессе, что
        # ...": the one person in the nominative before the paragraph's speech verb, however
        # far from it, is who speaks on in the quote paragraph.
        subjects = {
            m.id for m in people
            if previous_start <= m.start < verb.start() and all(map(doc.lang.is_subject, doc.body[m.start : m.end].split()))
        }
        if len(subjects) == 1:
            return subjects.pop()
    return None


@lru_cache(maxsize=4)
def _verb_then_name(speech_verbs: str) -> re.Pattern[str]:
    """A speech verb then, before the name, only words of an office (no sentence end)."""
    return re.compile(rf"(?<![\w-])(?:{speech_verbs})(?![\w-])[^.!?«»\"]{{0,90}}$", re.IGNORECASE)


def organization_of_previous_paragraph(doc: Document, start: int, organizations: list[Mention]) -> str | None:
    """The organization the previous paragraph has speaking (named in it, with a speech verb),
    the last one there."""
    line_start = doc.body.rfind("\n", 0, start)
    if line_start <= 0:
        return None
    previous_start = doc.body.rfind("\n", 0, line_start) + 1
    if not doc.lang.speech().search(doc.body[previous_start:line_start]):
        return None
    named = [m for m in organizations if previous_start <= m.start < line_start]
    return named[-1].id if named else None


def speaker_of_previous_sentence(
    doc: Document, start: int, people: list[Mention], last_speaker: str | None = None
) -> str | None:
    """The person speaking in the sentence before `start`, in the same paragraph: named
    before or after a speech verb ("Макаров рассказал", "заявил далее Столтенберг"), or
    written as "he" when it opens the sentence ("He warned, however, that ...": the last
    speaker)."""
    previous = doc.sentence_before(start)
    if previous is None or "\n" in doc.body[previous.start : start]:
        return None
    text = doc.body[previous.start : previous.end]
    if not doc.lang.speech().search(text):
        return None
    named = [m for m in people if previous.start <= m.start < previous.end]
    if not named and last_speaker is not None and doc.lang.pronoun_speech.match(text):
        return last_speaker
    subjects = [m for m in named if doc.lang.is_subject is None or doc.lang.is_subject(doc.body[m.start : m.end])]
    return (subjects or named)[0].id if named else None


def document_speaking(
    doc: Document, sentence: Sentence | None, start: int, organizations: list[Mention]
) -> str | None:
    """The body whose document speaks in the quote's sentence before the quote, or in the
    sentence before it in the same paragraph when the quote opens its own: the organization
    named beside the document ("заявлении МИДа"), else the last one named before it in the
    paragraph or the one before ("заявление Думы ... В документе говорится")."""
    if sentence is None:
        return None
    spans = [(sentence.start, start)]
    if not doc.body[sentence.start : start].strip(" \"“”«»'"):
        previous = doc.sentence_before(sentence.start)
        if previous is not None and "\n" not in doc.body[previous.end : sentence.start]:
            spans.append((previous.start, previous.end))
    for span_start, span_end in spans:
        match = doc.lang.document_says.search(doc.body[span_start:span_end])
        if match is None:
            continue
        at, until = span_start + match.start(), span_start + match.end()
        named = [m for m in organizations if at <= m.start < until]
        if named:
            return named[0].id
        paragraph_start = doc.body.rfind("\n", 0, at) + 1
        earlier_start = doc.body.rfind("\n", 0, max(0, paragraph_start - 1)) + 1
        earlier = [m for m in organizations if earlier_start <= m.start < at]
        return earlier[-1].id if earlier else None
    return None


def speaker_of_next_sentence(doc: Document, sentence: Sentence | None, people: list[Mention]) -> str | None:
    """The person named in the sentence right after `sentence`, in the same paragraph, when it
    opens by pointing back to what was said ("Об этом заявил ... Робертсон")."""
    if sentence is None:
        return None
    following = doc.sentence_after(sentence)
    if following is None or "\n" in doc.body[sentence.end : following.start]:
        return None
    if not doc.lang.attribution_after.match(doc.body[following.start : following.end]):
        return None
    return next((m.id for m in people if following.start <= m.start < following.end), None)


def _is_quote_paragraph(doc: Document, start: int, end: int) -> bool:
    """The quote fills its paragraph: nothing but marks and punctuation around it."""
    line_start = doc.body.rfind("\n", 0, start) + 1
    line_end = doc.body.find("\n", end)
    line_end = len(doc.body) if line_end == -1 else line_end
    return not re.search(r"\w", doc.body[line_start:start] + doc.body[end:line_end])


def transcript_turns(doc: Document, people: list[Mention]) -> list[tuple[int, str, str]]:
    """A broadcast transcript's turns: "Secretary of State MADELEINE ALBRIGHT: Never
    again ...", "Mr. IGOR IVANOV (Russian Foreign Minister): (Through Translator) ...". The
    speaker's name is written in capitals before a colon; a turn counts as a quote only
    when that name is a person the article names (the host's turns are not quotes)."""
    ids = {m.id for m in people}
    answerer = answering_person(doc, people)
    turns = []
    from_heading: dict[str, str | None] = {}  # each label's speaker, read from the page once
    paragraphs = list(zip(doc.paragraph_starts, doc.paragraphs))
    for index, (start, paragraph) in enumerate(paragraphs):
        if index + 1 < len(paragraphs) and (joined := turn_on_next_line(paragraph, paragraphs[index + 1][1], doc.lang.transcript_turn)):
            paragraph = joined  # (positions in it stay those of the body, give or take a space)
        answer = ANSWER_TURN.match(paragraph)
        match = None if answer else (
            doc.lang.transcript_turn.match(paragraph) or _NAMED_TURN.match(paragraph) or _PAPERS_TURN.match(paragraph)
        )
        if match and match["name"] == "The President":
            # The Public Papers' "The President." is the president whose papers they are.
            if match["name"] not in from_heading:
                from_heading[match["name"]] = _president_of_the_papers(doc)
            if speaker := from_heading[match["name"]]:
                turns.append((start + match.start("speech"), speaker, " ".join(match["speech"].split())))
            continue
        if match:
            slug = make_slug(match["name"], max_words=6)
            speaker = next((i for i in ids if i == slug or i.endswith("-" + slug)), None)
            if speaker is None and not re.search(r"[A-Za-z]", match["name"]):
                # A name in another script has no slug: the person named there ("С.Лавров:").
                named = [m for m in people if start + match.start("name") <= m.start < start + match.end("name")]
                speaker = named[0].id if named else None
            if speaker is None:
                speaker = _by_surname(doc, match["name"], people)
            if speaker is None and match["name"].isupper():
                speaker = _known_person_in_label(doc, start + match.start("name"), match["name"])
            if speaker is None and (office := _OFFICE_LABEL.fullmatch(match["name"])):
                speaker = _office_holder_speaking(doc, office, start, people)
            if speaker is None and (match["name"].isupper() or match.re is _PAPERS_TURN):
                if match["name"] not in from_heading:  # read the heading once per label
                    from_heading[match["name"]] = _person_in_heading(doc, start + match.start("name"), match["name"])
                speaker = from_heading[match["name"]]
            at, speech = match.start("speech"), match["speech"]
        elif answer and answerer:
            speaker, at, speech = answerer, answer.start("speech"), answer["speech"]
        else:
            continue
        speech = " ".join(speech.split()).lstrip("-–— ")  # "SECRETARY DOE:  -- this conference"
        for _next_start, following in paragraphs[index + 1 :]:
            # A greeting on a line of its own ("В.Путин: Уважаемый господин Генеральный
            # секретарь!") goes on in the paragraphs below it, up to the next turn.
            if len(speech.split()) >= 8 or _starts_a_turn(doc, following):
                break
            speech = f"{speech} {' '.join(following.split())}"
        if speaker and len(speech.split()) >= 2:  # a named turn is attributed even when short
            turns.append((start + at, speaker, speech))
    return turns


def statements_after_colon(doc: Document, people: list[Mention]) -> list[tuple[int, str, str]]:
    """An official release's statement: "Following the meeting, Foreign Secretary Jane Doe
    said:" closes a paragraph, and the next paragraph, without quotation marks, is what she
    said. The speaker is the last person the introducing paragraph names before its verb."""
    found = []
    verb_then_colon = re.compile(rf"\b(?:{doc.lang.speech_verbs})\s*:\s*$", re.IGNORECASE)
    paragraphs = list(zip(doc.paragraph_starts, doc.paragraphs))
    for (start, paragraph), (next_start, following) in zip(paragraphs, paragraphs[1:]):
        verb = verb_then_colon.search(paragraph)
        if not verb or re.search(r"[\"“”«»]", following) or len(following.split()) < 5:
            continue
        named = [m for m in people if start <= m.start < start + verb.start()]
        if named:
            found.append((next_start, named[-1].id, " ".join(following.split())))
    return found


def _known_person_in_label(doc: Document, at: int, label: str) -> str | None:
    """A person of people.yml named in full only in a turn's capitals ("ANDERS FOGH
    RASMUSSEN, SECRETARY GENERAL, NATO:"): the turn is theirs, and they join the people of
    the event. A host or reporter, whom the chronology does not know, is left out."""
    proper = " ".join(word.capitalize() for word in label.split())
    for start, end, form in doc.catalog.matcher.find(proper):
        if form.kind == "person" and start == 0 and end == len(proper) and len(proper.split()) >= 2:
            doc.mentions.append(Mention(at, at + len(label), "person", form.id))
            return form.id
    return None


_NOT_GIVEN_NAMES = {word.lower() for word in TITLE_WORDS | NOT_NAME_WORDS | HONORIFICS}


def _starts_a_turn(doc: Document, paragraph: str) -> bool:
    """The paragraph is a transcript's next turn: a speaker's label, a question or an answer."""
    return bool(
        doc.lang.transcript_turn.match(paragraph) or _NAMED_TURN.match(paragraph) or _PAPERS_TURN.match(paragraph)
        or QUESTION_TURN.match(paragraph) or ANSWER_TURN.match(paragraph) or paragraph.rstrip().endswith(":")
    )


def _person_in_heading(doc: Document, at: int, label: str) -> str | None:
    """An official transcript names its speaker in full only in the heading above the text
    ("Presenter: Secretary of Defense Jane H. Doe"), then labels the turns "SECRETARY DOE:".
    The one full name in the page's lines outside the turns that ends with the label's
    surname is the speaker, and joins the people of the event as a new person."""
    surname = re.split(r"[.\s]+", label.strip())[-1].capitalize()
    if len(surname) < 3:
        return None
    full_name = re.compile(rf"\b((?:[A-Z][a-z]+\s+)(?:[A-Z]\.\s*|[A-Z][a-z]+\s+)?){re.escape(surname)}\b")
    names = set()
    for line in doc.raw_lines:
        if doc.lang.transcript_turn.match(line.strip()):
            continue
        for found in full_name.finditer(line):
            words = found.group(0).split()
            if words[0].lower() in _NOT_GIVEN_NAMES and len(words) == 3:
                words = words[1:]  # "Interview With Yevgeniy Kiselev": the name after the word
            if words[0].lower() not in _NOT_GIVEN_NAMES:
                names.add(" ".join(words))
    if len(names) != 1:
        return None
    key = doc.add_new_person(names.pop())
    doc.mentions.append(Mention(at, at + len(label), "person", key))
    return key


def _by_surname(doc: Document, label: str, people: list[Mention]) -> str | None:
    """The one person named in the text whose surname ends the label: "Ambassador Smith"
    after Jane Smith was named, "Р.ПШЕЛЬ" (Роберт Пшель), "БАЛУЕВСКИЙ" (Юрий Балуевский),
    compared by dictionary form where the language inflects names."""
    surname = re.split(r"[.\s]+", label.strip())[-1]
    if not surname:
        return None
    wanted = {surname.lower().replace("ё", "е")}
    if doc.lang.lemmas is not None:
        wanted |= set(doc.lang.lemmas(surname.capitalize()))
    found = set()
    for mention in people:
        person = doc.catalog.people.get(mention.id) or doc.new_people.get(mention.id)
        names = [person.name, *person.aliases] if person else []
        if {name.split()[-1].lower().replace("ё", "е") for name in names if name.split()} & wanted:
            found.add(mention.id)
    return found.pop() if len(found) == 1 else None


_NAMED_TURN = re.compile(
    r"^(?P<name>(?:[A-Z][a-z]+\.?\s+|[A-Z]\.\s?)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)\s*:\s+(?P<speech>\S.*)$"
)
"""A transcript turn with the speaker's name in title case: "Sergey Lavrov: ...",
"S. Lavrov: ..."; only a person the article names counts."""
_PAPERS_TURN = re.compile(
    r"^(?P<name>The\s+President|(?:Mr|Mrs|Ms|Dr)\.\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?"
    r"|(?:President|Prime\s+Minister|Chancellor|Secretary\s+General|Secretary|Foreign\s+Minister|Ambassador)\s+[A-Z][a-z'’-]+)"
    r"\.\s+(?P<speech>[A-Z\"“].*)$"
)
"""A turn of the US Public Papers' transcripts: "Mr. Kiselev. Mr. President, hello ...",
"The President. Thank you ...", "President Yeltsin. ..." (a title or honorific, a full stop)."""
_PAPERS_OF = re.compile(r"\bPresidents?\s+of\s+the\s+United\s+States\b|\bWhite\s+House\b")


def _president_of_the_papers(doc: Document) -> str | None:
    """"The President." in a transcript of the US presidency: the president in office then."""
    if not _PAPERS_OF.search("\n".join(doc.raw_lines[:40])):
        return None
    return holder_of_office(doc, "U.S.", "president")


_ANSWERS_OF = re.compile(
    r"\b(?:answers?|remarks|replies|comments|interview|statement|speech|news\s+conference|press\s+conference|briefing)\b",
    re.IGNORECASE,
)


def answering_person(doc: Document, people: list[Mention]) -> str | None:
    """Who answers the questions of a transcript: the person its heading names beside
    "answer", "remarks", "interview" (the first person it names)."""
    if not doc.headline or not _ANSWERS_OF.search(doc.headline):
        return None
    heading_end = len(doc.paragraphs[0]) if doc.paragraphs and doc.paragraphs[0] == doc.headline else 0
    named = [m for m in people if m.start < heading_end]
    if named:
        return named[0].id
    found = [form.id for _s, _e, form in doc.catalog.matcher.find(doc.headline) if form.kind == "person"]
    return found[0] if found else None


def quote_spans(doc: Document) -> list[tuple[int, int, str, int | None]]:
    """Quoted passages as (start, end, text, attribution position or None). Marks pair in
    order within a paragraph, so a short scare quote never pairs with the next quote; a
    paragraph that leaves a quote open continues in the next one when it opens with a
    mark (the wire convention for long quotes); `"We are," he said, "ready."` is one quote
    whose attribution sits in the middle. Guillemets nest («... «холодной войны» ...»):
    inside them other marks belong to the inner quote, and a paragraph whose outer closing
    mark merged with the inner one («... «...») closes at its last »."""
    pieces: list[tuple[int, int, str]] = []
    pending: tuple[int, str] | None = None
    carried: tuple[int, int] | None = None  # a guillemet left open: where, and for how many paragraphs
    for start, paragraph in zip(doc.paragraph_starts, doc.paragraphs):
        opened: int | None = None
        depth = 0
        last_close: int | None = None
        if pending is not None and not re.match(r"\s*[\"“«]", paragraph):
            pending = None
        if carried is not None:
            # «Военная активность ... возрастает.\n\nНаращиваются ... блока», — сказал Шойгу:
            # a quote in guillemets may run over paragraphs that open with no mark, and closes
            # where its attribution follows.
            close, reopen = paragraph.find("»"), paragraph.find("«")
            if close != -1 and (reopen == -1 or reopen > close) and _ATTRIBUTION_DASH.match(paragraph[close + 1 :]):
                if pieces and pieces[-1][0] == carried[0]:
                    pieces.pop()
                opened = carried[0]
            elif close == -1 and reopen == -1 and carried[1] < _PARAGRAPHS_A_QUOTE_RUNS_OVER:
                carried = (carried[0], carried[1] + 1)
                continue
            carried = None
        for mark in re.finditer(r"[\"“”«»]", paragraph):
            char, at = mark[0], start + mark.start()
            following = paragraph[mark.end() : mark.end() + 1]
            closes_mixed = (
                # «... ", — говорится в заявлении: a guillemet closed by a straight mark
                char in '"”' and not depth and re.match(r"[,.!?]?\s*(?:[—–-]\s|$)", paragraph[mark.end() :])
            )
            if opened is not None and doc.body[opened] == "«" and (char != "»" or depth) and not closes_mixed:
                if char == "«":
                    depth += 1
                elif char == "»":
                    depth -= 1
                    last_close = at
                continue  # inside guillemets: the inner quote's marks
            if opened is not None and char == '"' and doc.body[opened] == '"' and doc.lang.straight_marks_nest:
                # "Считаем опасными попытки привнести "фактор НАТО", который ...": a straight
                # mark after a space and before a word opens an inner quote, and the next closes it
                preceding = paragraph[mark.start() - 1 : mark.start()] or " "
                if preceding.isspace() and following.isalnum():
                    depth += 1
                    continue
                if depth:
                    depth -= 1
                    continue
            if opened is None and (char in '"“«' or (char == "”" and following.isalnum())):
                opened = at  # a closing mark right before a word opens a quote (said:”The NRC)
                depth, last_close = 0, None
            elif opened is not None and char in '"”»':
                body = doc.body[opened + 1 : at]
                if opened < start:
                    body = " ".join(body.split())  # a quote carried over paragraphs
                if pending is not None:
                    pieces.append((pending[0], at + 1, f"{pending[1]} {body}"))
                    pending = None
                else:
                    pieces.append((opened, at + 1, body))
                opened = None
            elif opened is not None and char in "“«":
                opened = at
        if opened is not None and opened >= start and doc.body[opened] == "«" and last_close is None:
            carried = (opened, 1)
        if opened is not None and last_close is not None:
            pieces.append((opened, last_close + 1, doc.body[opened + 1 : last_close]))
            pending = None
        elif opened is not None and opened == start + len(paragraph) - len(paragraph.lstrip()):
            body = doc.body[opened + 1 : start + len(paragraph)]
            pending = (pending[0], f"{pending[1]} {body}") if pending else (opened, body)
        elif opened is not None and len(paragraph[opened - start :].split()) >= 6:
            # 'he added that: "No one tried ...' and no closing mark: the quote runs to the
            # end of the paragraph (the next one, if it opens with a mark, goes on).
            pieces.append((opened, start + len(paragraph), doc.body[opened + 1 : start + len(paragraph)]))
            pending = None
        elif opened is None or pending is None:
            pending = None if opened is None else pending
    if pending is not None and len(pending[1].split()) >= 6:
        # The text ends inside a quote (a page cut off mid-paragraph): it is a quote still.
        pieces.append((pending[0], len(doc.body), pending[1]))
    spans: list[tuple[int, int, str, int | None]] = []
    index = 0
    while index < len(pieces):
        start, end, text = pieces[index]
        if index + 1 < len(pieces):
            nstart, nend, ntext = pieces[index + 1]
            between = doc.body[end:nstart]
            if (
                text.rstrip().endswith(",")
                and ntext[:1].islower()
                and "\n" not in between
                and re.fullmatch(
                    rf"\s*[^.!?\"“”«»]{{1,60}}?\b(?:{doc.lang.speech_verbs})\b[^.!?\"“”«»]{{0,30}},\s*",
                    between,
                )
            ):
                spans.append((start, nend, f"{text.rstrip().rstrip(',')} {ntext}", end))
                index += 2
                continue
        spans.append((start, end, text, None))
        index += 1
    return spans


_ATTRIBUTION_DASH = re.compile(r"[,.!?…]?\s*[—–-]\s")
"""A closing mark's attribution after a dash: "», — сказал Шойгу"."""
_PARAGRAPHS_A_QUOTE_RUNS_OVER = 3


_QUOTED_AS_SAYING = re.compile(
    r"^\W{0,3}[^.\"“”]{0,50}?\bquoted\s+(?P<who>[^.\"“”]{2,100}?)\s+as\s+(?:saying|telling)\b"
    # '"...," AFP quotes Alexei Arbatov - Deputy of the State Duma'
    r"|^\W{0,3}(?:[\w.-]+\s+){1,3}?quotes\s+(?P<quoted>[A-Z][^.\"“”,;:()–—]{2,60}?)(?=\s*(?:[-–—,;.(]|\bas\b|$))"
)
_DESCRIBED_SPEAKER = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,2}?(?:(?:" + SPEECH_VERBS + r")\s+)?the\s+"
    r"(?:(?:senior|top|chief|former|high-ranking|veteran)\s+)*(?P<adjective>[A-Z][a-z]+\s+)?"
    r"(?:diplomat|official|politician|leader|negotiator|lawmaker|envoy)\b"
)
"""A speaker named by a description, not by office: "the senior Russian diplomat"."""


def person_by_description(
    doc: Document, position: int, adjective: str | None, people: list[Mention]
) -> str | None:
    """The last person named before, whose role names the country when one is written."""
    country = (adjective or "").strip()[:5].lower()
    for mention in reversed([m for m in people if m.end <= position]):
        if not country:
            return mention.id
        person = doc.catalog.people.get(mention.id) or doc.new_people.get(mention.id)
        titles = [mention.role or "", *(r.title for r in (person.roles if person else ()))]
        if any(country in title.lower() for title in titles):
            return mention.id
    return None


def last_person_before(doc: Document, position: int, people: list[Mention]) -> str | None:
    """The person a pronoun or an office stands for: the last one named before. Where names
    inflect, the last one named as a subject (in the nominative): in "Лавров провел переговоры
    со Столтенбергом. «...», – сказал он." he is Lavrov."""
    earlier = [m for m in people if m.end <= position]
    if doc.lang.is_subject is not None and earlier:
        start = doc.body.rfind("\n", 0, earlier[-1].start) + 1
        subjects = [m for m in earlier if m.start >= start and doc.lang.is_subject(doc.body[m.start : m.end])]
        if subjects:
            return subjects[-1].id
    if doc.lang.object_verbs and earlier:
        # "The minister, who met the Secretary General Jane Doe earlier, recalled ... '...,'
        # he said": he is the last person named as a subject, within the paragraphs just
        # before, not a name after a preposition or an object verb, nor a possessive.
        paragraph = bisect_right(doc.paragraph_starts, earlier[-1].start) - 1
        start = doc.paragraph_starts[max(0, paragraph - _SUBJECT_PARAGRAPHS)]
        subjects = [m for m in earlier if m.start >= start and not _named_as_object(doc, m)]
        if subjects:
            return subjects[-1].id
    return earlier[-1].id if earlier else None


def holder_named_before(doc: Document, subject: str, position: int, people: list[Mention]) -> str | None:
    """The person an office written as the subject stands for ("генсек НАТО сказал", "–
    отметил генсек"): the last person named before who holds such an office (people.yml), not
    merely the last one named ("Лавров ... В свою очередь, генсек НАТО сказал"), else the one
    person who held it at the page's date; a pronoun, or an office nobody can be found for, is
    the last person named (`last_person_before`).
    Only where the language reads offices into English titles (`Language.offices_written`)."""
    offices = doc.lang.offices_written(subject) if doc.lang.offices_written is not None else frozenset()
    wanted = [words for words in map(distinctive_office_words, offices) if words]
    if wanted:
        for mention in reversed([m for m in people if m.end <= position]):
            person = doc.catalog.people.get(mention.id)
            titles = [distinctive_office_words(role.title) for role in person.roles] if person else []
            if any(words <= title for words in wanted for title in titles):
                return mention.id
        # nobody named before holds it: the one person people.yml gives it at the page's date
        holders = {holder_of_office(doc, "", office.lower()) for office in offices} - {None}
        if len(holders) == 1:
            return holders.pop()
    return last_person_before(doc, position, people)


_SUBJECT_PARAGRAPHS = 2
"""How many paragraphs before the one of the last name a pronoun's subject is looked for in."""


def _named_as_object(doc: Document, mention: Mention) -> bool:
    """A name that is an object of its sentence: after a preposition or an object verb, past
    the office written before it ("with US Secretary of Defense Donald Rumsfeld", "the
    authority of Russian President Boris Yeltsin"), or a possessive ("Putin's plan")."""
    if re.match(r"['’]s\b", doc.body[mention.end : mention.end + 3]):
        return True
    sentence = doc.sentence_at(mention.start)
    start = max(sentence.start if sentence else 0, mention.start - 100)
    words = re.findall(r"[\w’'.-]+|[^\w\s]", doc.body[start : mention.start])
    # Past the office: capitalised words, and "of"/"for"/"the" inside it ("Secretary of
    # Defense"); never past a word that ends a sentence ("... in Brussels. Lavrov said").
    while words and not words[-1].endswith(".") and (words[-1][:1].isupper() or (
        words[-1] in ("of", "for", "the") and len(words) > 1 and words[-2][:1].isupper()
    )):
        words.pop()
    if not words:
        return False
    word = words[-1].lower()
    return word in doc.lang.prepositions or word in doc.lang.object_verbs


def _office_follows(doc: Document, organization: Mention) -> bool:
    """An office word right after the organization's name ("the NATO chief", "NATO's
    Secretary General"): the name qualifies the office, and is not the speaker."""
    word = re.match(r"(?:['’]s)?\W{0,2}([\w-]+)", doc.body[organization.end : organization.end + 30])
    return bool(word) and word[1].lower() in OFFICE_WORDS


def speaker_after(
    doc: Document, position: int, after: str, people: list[Mention], organizations: list[Mention],
    quote_start: int,
) -> str | None:
    """`"...," he said` / `said Grushko` / `Stoltenberg told reporters` / `the ministry said`.
    An office after the verb stands for the last person named before the quote (`quote_start`),
    not one named inside it."""
    doc.speaker_basis = "none"
    if doc.lang.pronoun_speech.match(after):
        return _found(doc, "pronoun: the last person named", last_person_before(doc, position, people))
    if (closing := _CLAUSE_THEN_COMMA.match(after)) and doc.lang.pronoun_speech.match(after[closing.end() :]):
        # 'NATO would "not bring stability" to Europe, he said.': the sentence that quotes a
        # fragment is the last person's statement.
        return _found(doc, "pronoun closing the sentence: the last person named", last_person_before(doc, quote_start, people))
    if re.match(rf"^\W{{0,3}}it\s+(?:\w+\s+)?(?:{SPEECH_VERBS})\b", after, re.IGNORECASE):
        # '"...," it said': the ministry, alliance or government written last before.
        earlier = [m for m in organizations if m.end <= position]
        return _found(doc, "'it said': the organization named last", earlier[-1].id if earlier else None)
    quoted = _QUOTED_AS_SAYING.match(after)
    if quoted and quoted["who"] is None and re.search(r"[.!?]\W{0,2}$", doc.body[max(0, position - 3) : position]):
        quoted = None  # '... a concrete role." Reuters quotes Andrei Ryabov': the next sentence's
    if quoted:
        # Interfax quoted Deputy Foreign Minister Vladimir Chizhov as saying
        group = "who" if quoted["who"] is not None else "quoted"
        span = (position + quoted.start(group), position + quoted.end(group))
        who = [m for m in people if span[0] <= m.start < span[1]]
        if who:
            return _found(doc, "quoted as saying", who[0].id)
    if described := _DESCRIBED_SPEAKER.match(after):
        # '"...," the envoy, Dmitry Rogozin, said': the name set beside the description.
        comma = re.match(r",\s*", after[described.end() :])
        beside = comma and next((m for m in people if m.start == position + described.end() + comma.end()), None)
        if beside:
            return _found(doc, "named beside a description", beside.id)
        # the senior Russian diplomat pointed out: the last person named before, of that
        # country when one is written
        return _found(doc, "described", person_by_description(doc, position, described["adjective"], people))
    verb = doc.lang.speech().search(after[:160])
    if (
        not verb
        or verb.start() > 100
        or re.search(r"\b(?:but|and|that|which|because)\b", after[: verb.start()])
        # '"...". Clinton echoed the view, telling reporters': a participle after a clause of
        # its own is another sentence's, not the attribution
        or (verb[0].lower() in ("telling", "saying", "adding") and "," in after[: verb.start()])
    ):
        return None
    window_end = position + min(len(after), verb.end() + 120)
    nearby = [m for m in people if position <= m.start < window_end]
    verb_end = position + verb.end()
    if nearby and nearby[0].start >= verb_end and "," in doc.body[verb_end : nearby[0].start]:
        # The only names are past a comma after the verb, another clause's ("..., the secretary
        # general added, speaking after talks with Foreign Minister Sergei Lavrov"; "«...», –
        # заявил генсек НАТО, отметив, что ... с министром Сергеем Лавровым"): an office at the
        # verb is the speaker.
        if doc.lang.speaker_follows_verb and _office_after_verb(doc, after[verb.end() :]):
            nearby = []
        elif titled := person_by_title(doc, after[: verb.end()], position, people):
            return _found(doc, "office", titled)
    if nearby:
        # The name next to the verb: before it ("Stoltenberg told") or after it ("said Grushko");
        # not an owner ('Oleksandr Chaliy, Yushchenko's chief aide, said').
        verb_at = position + verb.start()
        before_verb = [m for m in nearby if m.end <= verb_at]
        owners = [m for m in before_verb if re.match(r"['’]s\b", doc.body[m.end : m.end + 3])]
        before_verb = [m for m in before_verb if m not in owners] or before_verb
        return _found(doc, "named", (before_verb[-1] if before_verb else nearby[0]).id)
    if doc.lang.speaker_follows_verb and _office_after_verb(doc, after[verb.end() :]):
        # "..., – подчеркнул генсек.", "– отметил генсек НАТО": an office or a pronoun after
        # the verb (the organization after the office is the office's, not the speaker)
        named_before = holder_named_before(doc, after[verb.end() : verb.end() + 60], quote_start, people)
        return _found(doc, "office after the verb: the last person named", named_before)
    orgs = [m for m in organizations if position <= m.start < window_end]
    # the office is read only when no organization there would be the speaker instead
    titled = person_by_title(doc, after[: verb.end() + 60], position, people) if not orgs or _office_follows(doc, orgs[0]) else None
    if titled:
        # '"...," the alliance's secretary-general said'; '"...," the NATO chief said': an
        # organization's name before the office qualifies it and is not the speaker
        return _found(doc, "office", titled)
    if orgs:
        return _found(doc, "organization named", orgs[0].id)
    institution = re.search(
        r"\b(?:the|a)\s+(?:[\w-]+\s+){0,2}?(ministry|alliance|council|department|office|government|kremlin|embassy|mission|"
        r"statement|declaration|communiqu[eé])\b(?!['’]s)",
        after[: verb.end() + 40],
        re.IGNORECASE,
    )
    if institution and institution[1].lower() in ("statement", "declaration", "communique", "communiqué"):
        # "the statement said": whoever issued the last statement named before.
        earlier = [m for m in organizations if m.end <= position]
        issuers = [
            m
            for m in earlier
            if re.match(
                r"[^.]{0,20}?\b(?:said|says|issued|released|published|posted)\b[^.]{0,15}\bstatement",
                doc.body[m.end : m.end + 60],
            )
        ]
        return _found(doc, "the statement's issuer", (issuers or earlier)[-1].id if earlier else None)
    if institution:
        return _found(doc, "institution", last_organization_like(doc, position, institution[1], organizations))
    if re.match(
        r"^\W{0,3}(?:\w+\s+){0,3}(?:" + SPEECH_VERBS + r")\s+the\s+[a-z]", after, re.IGNORECASE
    ):
        # "said the senior diplomat"
        return _found(doc, "a description: the last person named", last_person_before(doc, position, people))
    return None


_CLAUSE_THEN_COMMA = re.compile(r"^[^\"“”«»,;:]{1,80},\s+")
"""The rest of a clause after a quoted fragment, up to the comma before "he said"."""
_FRAGMENT_PRONOUN_BASES = (
    "after: pronoun: the last person named",
    "after: pronoun closing the sentence: the last person named",
    "pronoun",
)


def _fragment_closed_by_pronoun(how: str, before: str) -> bool:
    """A quoted fragment inside a sentence that "he said" closes ('could make them targets for
    "hypothetical missile attacks," he said'): a statement, though a short one."""
    return how in _FRAGMENT_PRONOUN_BASES and bool(re.search(r"\w", before))


def _office_after_verb(doc: Document, text: str) -> bool:
    """An office or a pronoun right after a speech verb, or after a word or two in lower case
    before it: "подчеркнул генсек", "заявил вчера президент", "сказал российский постпред"."""
    words = text.split(maxsplit=3)
    for skip in range(3):
        if doc.lang.subject_words.match(" ".join(words[skip:])):
            return True
        word = words[skip] if skip < len(words) else ""
        # not a preposition: "сказал в интервью президенту" names whom he spoke to
        if not (word.isalpha() and word.islower()) or word in doc.lang.prepositions:
            return False
    return False


_WORDS_BACK = re.compile(r"([^\s,;:()–—]+)\s*$")
"""The last word before a position, up to a comma, colon or bracket that ends a clause."""


def _name_right_before_verb(doc: Document, mention: Mention, verb_at: int, clause_start: int) -> str | None:
    """The person named right before the speech verb when the name opens its clause: after a
    comma, a colon or the sentence's start, with only an office or other capitalised words of
    the name before it ("In talks with Kuleba, Ukraine's envoy ... Stoltenberg said", "Yeltsin's
    Press Secretary Sergei Yastrzhembsky said"), or when someone is quoted "as saying". A name
    inside a phrase ("after talks with Primakov said", "who received Primakov said") is not
    the verb's subject; where names inflect, it must be in the nominative."""
    between = doc.lang.between_name_and_verb.match(doc.body[mention.end : verb_at])
    if not between:
        return None
    if doc.lang.is_subject is not None:
        # Where names inflect, the case decides, wherever the clause starts: "Лавров в ответ
        # Столтенбергу заявил" (a dative is not the subject), "с президентом Польши Анджеем
        # Дудой Столтенберг заявил" (a nominative is); but a name that does not decline
        # right after a preposition is its object ("после встречи с Шойгу заявил").
        if not doc.lang.is_subject(doc.body[mention.start : mention.end]):
            return None
        word = _WORDS_BACK.search(doc.body[clause_start : mention.start])
        return None if word is not None and word[1].lower() in doc.lang.prepositions else mention.id
    at = mention.start
    while (word := _WORDS_BACK.search(doc.body[clause_start:at])) is not None:
        text = word[1].lower()
        if text in doc.lang.prepositions or text in doc.lang.conjunctions:
            return None
        if word[1][0].isupper() or text.rstrip(".") in TITLE_WORDS or text.endswith(("'s", "’s")):
            at = clause_start + word.start()  # an office or a name before the name: go on back
            continue
        return mention.id if between.groupdict().get("as") else None  # a lower-case word: inside a phrase
    return mention.id


def speaker_before(
    doc: Document,
    start: int,
    position: int,
    before: str,
    people: list[Mention],
    organizations: list[Mention],
) -> str | None:
    """`Shoigu said: "..."` / `He stressed that "..."` / `According to Grushko, ... "..."`."""
    doc.speaker_basis = "none"
    verbs = list(doc.lang.speech().finditer(before))
    if not verbs:
        named = {m.id for m in people if start <= m.start < position}
        if re.search(r":\s*$", before) and doc.lang.is_subject is not None:
            # «Примаков хвалил Солану: "..."», «а Солана — Примакова: "..."»: in a language
            # with cases, the person named in the nominative since the last quote closed (not
            # the one praised); the first of them, as a subject comes before its object
            # («Примакова» may read as a woman's name in the nominative too).
            closed = max(before.rfind(mark) for mark in "\"”»")
            subjects = [
                m.id for m in people
                if start + closed + 1 <= m.start < position and doc.lang.is_subject(doc.body[m.start : m.end])
            ]
            if len(set(subjects)) == 1:
                return _found(doc, "a colon after the one person named in the nominative", subjects[0])
            if subjects:
                return _found(doc, "a colon after several people in the nominative: the first", subjects[0])
        elif re.search(r":\s*$", before) and len(named) == 1:
            # 'Putin gave his verdict on the council: "..."': no speech verb, but a colon
            # hands the quote to the one person the sentence names.
            return _found(doc, "a colon after the one person named", named.pop())
        return None
    verb_at = start + verbs[-1].start()
    in_clause = [m for m in people if start <= m.start < verb_at]
    # "according to X", "по словам X": the speaker is written after the words.
    according_to = " ".join(verbs[-1][0].lower().split()) in doc.lang.according_to
    if in_clause:
        several = len({m.id for m in in_clause}) > 1
        if several and not according_to and (right_before := _name_right_before_verb(doc, in_clause[-1], verb_at, start)):
            # "In a news conference with Kuleba, Stoltenberg said that ...": the name the verb
            # follows is its subject, not the first one of the sentence.
            return _found(doc, "subject right before the verb", right_before)
        how = "subject among several names" if several else "subject"
        return _found(doc, how, in_clause[0].id if not according_to else in_clause[-1].id)
    # "по его мнению, Столтенберг ...": the pronoun is the speaker, a name after it is spoken of
    pronoun_phrase = bool(doc.lang.pronoun_speech.match(verbs[-1][0]))
    if (according_to or doc.lang.speaker_follows_verb) and not pronoun_phrase:
        # "according to Grushko"; in Russian also "заявил Лавров: «...»"
        after_verb = [m for m in people if verb_at <= m.start < position]
        if after_verb:
            return _found(doc, "according to" if according_to else "named after the verb", after_verb[0].id)
    if doc.lang.speaker_follows_verb and (
        doc.lang.subject_words.match(before[verbs[-1].end() :].lstrip()) or pronoun_phrase
    ):
        # "по словам генсека", "подчеркнул он", "по его словам"
        return _found(
            doc, "office after the verb: the last person named",
            holder_named_before(doc, before[verbs[-1].end() :], verb_at, people),
        )
    if according_to:
        described = re.match(
            r"according\s+to\s+the\s+(?:(?:senior|top|chief|former|high-ranking)\s+)*(?P<adjective>[A-Z][a-z]+\s+)?"
            r"(?:(?:top|senior|chief)\s+)?(?:diplomat|official|politician|leader|negotiator|envoy)\b",
            before[verbs[-1].start() :],
        )
        if described:
            return _found(doc, "described", person_by_description(doc, verb_at, described["adjective"], people))
    if subject := doc.lang.subject_words.search(before[: verbs[-1].start()]):
        return _found(
            doc, "pronoun: the last person named",
            holder_named_before(doc, before[subject.start() : verbs[-1].start()], start + verbs[-1].start(), people),
        )
    named_after_verb = any(verb_at <= m.start < position for m in people)
    if not named_after_verb and (titled := person_by_title(doc, before[: verbs[-1].start()], start, people)):
        # (not when someone is named between the verb and the quote: "the ambassador said
        # ..., and Burns called the statement '...'")
        return _found(doc, "office", titled)
    orgs = [m for m in organizations if start <= m.start < verb_at]
    if orgs:
        return _found(doc, "organization named", orgs[0].id)
    return None


def person_by_title(doc: Document, text: str, position: int, people: list[Mention]) -> str | None:
    """ "the Russian president said": the last person named before whose role, as
    written here or in people.yml, has that office word; when the article names nobody with
    it, the one person people.yml gives that office at the article's date."""
    match = _TITLED_SUBJECT.search(text) or _AS_OFFICE.search(text) or _OWNED_OFFICE.search(text)
    if not match:
        return None
    office = _office_name(match["office"])
    # "Russia's envoy to NATO", "the NATO chief", "the Russian FM": the office's name in people.yml
    office, within = _OFFICE_NAMES.get((office, bool(match.groupdict().get("to_nato"))), (office, None))
    if match["office"].lower() in ("chief", "head") and not re.search(r"\b(?:nato|alliance)", match["qualifiers"], re.IGNORECASE):
        return None  # "the army chief said": only the alliance's chief is an office people.yml names
    if named := _named_with_office(doc, people, position, office, _countries_in(match["qualifiers"]), within):
        return named
    holder = holder_of_office(doc, match["qualifiers"], office, within)
    if holder is not None:
        written = match["qualifiers"] + match["office"]
        at = position + match.start("office")
        doc.mentions.append(Mention(at, at + len(match["office"]), "person", holder, written.strip()))
    return holder


_COUNTRY_OF = (
    (re.compile(r"\b(?:russian|russia'?s?|moscow'?s?|kremlin'?s?)\b", re.IGNORECASE), ("russia",)),
    (re.compile(r"\b(?:alliance'?s?|nato'?s?|atlantic)\b", re.IGNORECASE), ("nato",)),
    (re.compile(r"\b(?:u\.?s\.?|american|washington'?s?)(?=\s|$)", re.IGNORECASE), ("united states", "us ", "u.s.")),
)


def _countries_in(qualifiers: str) -> tuple[str, ...] | None:
    """The country or body the words before an office name ("Russian", "NATO's")."""
    return next((names for pattern, names in _COUNTRY_OF if pattern.search(qualifiers)), None)


_LESSER_RANKS = ("deputy", "assistant", "vice")


def _title_fits(title: str, office: str, countries: tuple[str, ...] | None, within: str | None) -> bool:
    """The title names the office, of one of the countries and within the body when given."""
    title = " ".join(title.lower().replace("-", " ").split()).replace("defence", "defense")
    if any(rank in title.split() and rank not in office.split() for rank in _LESSER_RANKS):
        return False  # a deputy assistant secretary general does not hold the secretary general's office
    return (
        office.replace("defence", "defense") in title
        and (not countries or any(c in f" {title} " for c in countries))
        and (within is None or within in title)
    )


def holder_of_office(doc: Document, qualifiers: str, office: str, within: str | None = None) -> str | None:
    """The person people.yml says held the office ("NATO Secretary General", "Foreign
    Minister of Russia", an office `within` a body such as NATO) on the publication date;
    None unless exactly one did."""
    if doc.published is None:
        return None
    day = doc.published.date
    countries = _countries_in(qualifiers)
    found = set()
    for person in doc.catalog.people.values():
        for role in person.roles:
            if not _title_fits(role.title, office, countries, within):
                continue
            starts = role.start.first_day() if role.start else None
            ends = role.end.last_day() if role.end else None
            if (starts is None or starts <= day.last_day()) and (ends is None or ends >= day.first_day()):
                if starts is not None or ends is not None:
                    found.add(person.id)
    return found.pop() if len(found) == 1 else None


_IN_WORDS_OF = re.compile(r"\b(?:[Ii]n\s+(?P<who>[A-Z][^,\"“”]{1,60}?)['’]s?\s+words|[Aa]s\s+(?P<who2>[A-Z][^,\"“”]{1,60}?)\s+put\s+it)\s*,?\s*$")
_AS_PRONOUN_PUT_IT = re.compile(r"\b[Aa]s\s+(?:he|she)\s+(?:put\s+it|said|noted|stressed|added|explained)\s*,?\s*$")
_IN_PRONOUN_WORDS = re.compile(r"\b[Ii]n\s+(?:his|her)\s+(?:words|view|opinion)\b")
"""'In his words, the step was "no surprise"': anywhere in the clause before the quote."""
_FRAMING = re.compile(
    r"\b(?:call|called|calls|brand|branded|brands|dub|dubbed|dubs|term|termed|terms|label|labelled|labeled|labels|describe|described|describes)\b"
    r"(?:(?:\s+(?:it|them|this|that|him|her|the\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}))?\s+(?:as\s+)?"
    r"|\s+[\w'’-]+(?:\s+[\w'’-]+){0,7}?\s+as\s+)(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
"""A quote that names what something is: 'Lavrov called the move "a mistake"', 'Ivanov
described the two countries' bids to join as "their right"'."""


def speaker_in_words_of(
    doc: Document, start: int, position: int, before: str, people: list[Mention]
) -> str | None:
    """'In Stoltenberg's words, "..."', 'As Lavrov put it, "..."'."""
    match = _IN_WORDS_OF.search(before)
    if not match:
        return None
    group = "who" if match["who"] else "who2"
    span = (start + match.start(group), start + match.end(group))
    named = [m for m in people if span[0] <= m.start < span[1]]
    return named[-1].id if named else None


def subject_person(doc: Document, start: int, verb_at: int, people: list[Mention]) -> str | None:
    """The person who is the subject before a verb in a sentence, else the one speaking
    last before ("he called it ...")."""
    # The name nearest before the verb: "a move that Nato's secretary general, Jens
    # Stoltenberg, described as" is Stoltenberg's word, not the sentence subject's.
    in_clause = [m for m in people if max(start, verb_at - 90) <= m.start < verb_at]
    if in_clause:
        return in_clause[-1].id
    if re.search(r"\b(?:he|she)\s+$", doc.body[max(start, verb_at - 10) : verb_at], re.IGNORECASE):
        return last_person_before(doc, verb_at, people)
    return None


def last_organization_like(
    doc: Document, position: int, word: str, organizations: list[Mention]
) -> str | None:
    """ "the ministry said": the last organization named before whose name has that word."""
    for mention in reversed([m for m in organizations if m.end <= position]):
        org = doc.catalog.organizations.get(mention.id) or doc.new_organizations.get(mention.id)
        names = [org.name, *org.aliases] if org else []
        if any(word.lower() in n.lower() for n in names) or (
            word.lower() == "alliance" and mention.id
        ):
            return mention.id
    return None


_TITLED_SUBJECT = re.compile(
    r"\bthe\s+(?P<qualifiers>(?:[A-Za-z.'’-]+\s+){0,2})(?P<office>president|prime\s+minister|foreign\s+minister|"
    r"defen[cs]e\s+minister|minister|secretary\s+general|secretary-general|chancellor|premier|spokes(?:man|woman)|"
    r"ambassador|envoy)\b(?:,\s*)?\s*(?:(?:also|later|then|further|again)\s+)?(?:$|[.,;]|" + SPEECH_VERBS + r")",
    re.IGNORECASE,
)
"""A person named by office alone as the speaker: "the Russian president said"."""
_AS_OFFICE = re.compile(
    r"(?:^|[,;]\s*)As\s+(?P<qualifiers>(?:[A-Z][\w.'’-]*\s+){0,2})"
    r"(?P<office>President|Prime\s+Minister|Foreign\s+Minister|Defen[cs]e\s+Minister|Secretary[\s-]General|"
    r"Chancellor|Premier|Ambassador|Envoy)\s*$"
)
"""An office without its article, in capitals, opening the clause right before the speech
verb: "As NATO Secretary General underlined, ...". (Case-sensitive: "his years as secretary
general" is no speaker.)"""
_OFFICE_LABEL = re.compile(
    r"(?P<qualifiers>(?:NATO|Russian|U\.?S\.?|American|British|French|German)?\s*)"
    r"(?P<office>(?:Deputy\s+)?Secretary[\s-]General|Foreign\s+Minister|Defen[cs]e\s+Minister|Prime\s+Minister)",
    re.IGNORECASE,
)
"""A transcript's turn labelled by an office alone ("Secretary General:", "NATO SECRETARY
GENERAL:"), whose holder people.yml knows."""


def _office_holder_speaking(doc: Document, label: re.Match[str], position: int, people: list[Mention]) -> str | None:
    """"Secretary General: Good afternoon": a press conference's turn labelled by office is
    the person the page names with that office before the turn, else the holder on the page's
    date. A minister's office needs its country ("Russian Foreign Minister:"); a secretary
    general's does not, there being one the chronology's pages mean."""
    office = _office_name(label["office"])
    if not label["qualifiers"].strip() and office != "secretary general":
        return None
    named = _named_with_office(doc, people, position, office, _countries_in(label["qualifiers"]), None)
    return named or holder_of_office(doc, label["qualifiers"], office)


def _office_name(written: str) -> str:
    """An office as written ("Secretary-General", "foreign  minister"), in the form the titles
    are compared in: "secretary general", "foreign minister"."""
    return " ".join(written.lower().replace("-", " ").split())


def _named_with_office(
    doc: Document, people: list[Mention], position: int, office: str,
    countries: tuple[str, ...] | None, within: str | None,
) -> str | None:
    """The last person named before `position` whose role, as written there or in
    people.yml, is that office."""
    for mention in reversed([m for m in people if m.end <= position]):
        person = doc.catalog.people.get(mention.id) or doc.new_people.get(mention.id)
        titles = [mention.role or "", *(r.title for r in (person.roles if person else ()))]
        if any(_title_fits(title, office, countries, within) for title in titles):
            return mention.id
    return None


_OWNED_OFFICE = re.compile(
    r"(?:\b[Tt]he\s+|\b(?=[A-Z][\w.]*['’]s\s))(?P<qualifiers>(?:[A-Za-z.'’-]+\s+){0,2}?)"
    r"(?P<office>envoy|ambassador|permanent\s+representative|representative|chief|head|secretary[\s-]general|FM)"
    r"(?P<to_nato>\s+to\s+(?:the\s+)?(?:NATO|Nato|alliance|North\s+Atlantic\s+(?:Treaty\s+|Alliance)\w*))?"
    r"(?:,\s*(?:[a-z]+\s*){1,2},)?\s*(?:$|[.,;]|" + SPEECH_VERBS + r")"
)
"""An office written with its country or body: "Russia's envoy to NATO", "Nato's
secretary-general", "the NATO chief", "the U.S. ambassador to NATO, meanwhile, said"."""
_OFFICE_NAMES = {
    **{(office, True): ("permanent representative", "nato") for office in ("envoy", "ambassador", "representative", "permanent representative")},
    ("chief", False): ("secretary general", "nato"),
    ("head", False): ("secretary general", "nato"),
    ("fm", False): ("foreign minister", None),
}
"""Offices as a news text writes them, and as people.yml names them (with the body the title
must name)."""

TRANSCRIPT_TURN = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+(?:(?:of|the|for)\s+)?){0,5}?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})(?:\s*\([^()]{0,80}\)|,\s+[A-Z][^:\n]{1,80}?)?:\s+"
    r"(?:\((?:[^()]{0,40})\)\s*)*(?P<speech>\S.*)$"
)
"""A transcript turn: the speaker's name in capitals, perhaps with a title before it and a
note or an office after it ("ANDERS FOGH RASMUSSEN, SECRETARY GENERAL, NATO:"), a colon, then
the words spoken (after "(Through Translator)" and the like)."""
