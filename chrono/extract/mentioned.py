"""Stage: other dated events the article states, as drafts linked to the main event."""

from __future__ import annotations

import re

from ..dates import PublicationDate, ResolvedDate
from ..model import DateBasis, Event, PersonRole, SourceRef
from .dating import tense_of
from .document import Document, Mention, Sentence
from .normalise import SLUG_TAIL_WORDS, make_slug


def find_mentioned_events(
    doc: Document,
    published: PublicationDate,
    main: Sentence | None,
    main_date: ResolvedDate,
    mentions: list[Mention],
    main_id: str,
    source: SourceRef,
) -> list[Event]:
    """Other dated events stated in the article: one draft per sentence with an explicit
    date (a day, or a month and year); relative words alone are too vague to stand alone."""
    events: dict[str, Event] = {}
    main_first = main_date.date.first_day()
    main_last = (main_date.end_date or main_date.date).last_day()
    for sentence in doc.sentences:
        in_main = main is not None and sentence.start == main.start
        for kind, phrase, position in doc.phrases_in(sentence):
            if kind not in ("full_md", "full_dm", "month_year", "md", "dm"):
                continue
            clause_start = max(sentence.start, doc.body.rfind(",", sentence.start, position) + 1)
            if (
                in_main
                and position != doc.main_position
                and is_end_of_gathering(sentence.text, phrase)
            ):
                # "launched Zapad 2017, a joint exercise that runs through Sept. 20": the
                # last day of the gathering the lead opens.
                if GATHERING_OPENS.search(sentence.text) and main_date.end_date is None:
                    resolved = doc.lang.resolve_phrase(kind, phrase, published.date, tense="future")
                    if resolved is not None and resolved.date.precision == "day":
                        doc.main_end = resolved.date
                continue
            if in_main and (
                position == doc.main_position
                or not doc.lang.future_context.search(doc.body[clause_start:position])
            ):
                continue  # the lead's only other dated events are the steps it announces
            if doc.dateline and position < doc.dateline[1]:
                continue
            resolved = doc.lang.resolve_phrase(
                kind, phrase, published.date, tense=tense_of(doc, sentence, position)
            )
            if resolved is None:
                continue
            if (
                resolved.date.first_day() <= main_last
                and resolved.date.last_day() >= main_first
                and resolved.date.precision == "day"
            ):
                break  # the main event again
            clause = clause_around(sentence.text, phrase)
            # "... urged Russia to act before the INF treaty lapses on August 2": the dated
            # happening is the one in the subordinate clause that holds the date.
            lead_in = doc.body[sentence.start : position]
            if sub := re.search(
                r"\b(?:before|after|when|until|once)\s+((?:(?!\b(?:before|after|when|until|once)\b)[^,;])+?)\s*(?:\b(?:on|in|by|for)\s*)?$",
                lead_in,
            ):
                if EVENT_VERBS.search(sub[1]) and len(sub[1].split()) >= 2:
                    clause = sub[1]
            if is_end_of_gathering(sentence.text, phrase):
                # "the conference, which ... ends May 31": when the main event is that
                # gathering opening, this is its last day; otherwise it is background.
                if (
                    main is not None
                    and GATHERING_OPENS.search(main.text)
                    and main_date.end_date is None
                ):
                    doc.main_end = resolved.date
                break
            gathering = _GATHERING_SINCE.search(doc.body[sentence.start : position])
            if not EVENT_VERBS.search(clause) and not (
                gathering and position - sentence.start - gathering.end() <= 40
            ):
                continue  # a date without a happening ("closed to the media") is no event
            inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
            for m in inside:
                # Headlines name people by surname: "President Vladimir Putin" -> "Putin".
                written = doc.body[m.start : m.end]
                if m.kind == "person" and " " in written:
                    surname = written.split()[-1]
                    clause = clause.replace(
                        f"{m.role} {written}" if m.role else written, surname, 1
                    ).replace(written, surname, 1)
            title = make_mention_title(clause)
            if len(title.split()) < 3:
                break
            place = None
            for m in inside:
                if m.kind == "place" and re.search(
                    r"\b(?:in|at)\s+$", doc.body[max(0, m.start - 6) : m.start]
                ):
                    place = m.id
                    break
            people = []
            seen: set[str] = set()
            for m in inside:
                if m.kind == "person" and m.id not in seen:
                    seen.add(m.id)
                    people.append(PersonRole(m.id, m.role))
            event = Event(
                id=f"{resolved.date.iso()}-{make_slug(title)}",
                title=title,
                date=resolved.date,
                end_date=resolved.end_date,
                date_basis=DateBasis(resolved.phrase, published.date.iso(), resolved.rule),
                place=place,
                summary=" ".join(sentence.text.split()),
                people=tuple(people),
                organizations=doc.ids_of("organization", inside),
                treaties=doc.ids_of("treaty", inside),
                sources=(source,),
                related=(main_id,),
                provenance="extracted",
                status="draft",
                review=("mentioned in passing in the source; check the date and the wording",),
            )
            events.setdefault(event.id, event)
            break  # one event per sentence: the first date is the one the sentence is about
    return list(events.values())


_GATHERING_SINCE = re.compile(
    r"\b(?:first|last|previous)\s+(?:\w+\s+){0,2}(?:conference|summit|meeting|talks|session|forum|exercises?|drills?)\b"
    r"[^.;]{0,120}?\b(?:since|was\s+in|was\s+held\s+in)\b",
    re.IGNORECASE,
)
"""A gathering named by its noun: "the first meeting of the council ... since Bucharest in
April 2008" dates the earlier meeting, though no verb of a happening is written."""
EVENT_VERBS = re.compile(
    r"\b(?:met|meets?|signed|signs?|suspend(?:ed|s)?|withdr(?:ew|awn|aws?)|pull(?:ed|s)?\s+out|left|"
    r"launch(?:ed|es)?|held|holds?|adopted|adopts?|approved|approves?|ratified|ratif(?:y|ies)|agreed|"
    r"announced|announces?|decided|invaded|annexed|attacked|expelled|expels?|completed|visited|visits?|"
    r"joined|joins?|took\s+place|takes?\s+place|opened|began|started|ended|collapsed|expired|"
    r"(?:entered|enters|came|comes)\s+into\s+force|(?:took|takes?)\s+effect|established|created|founded|set\s+up|"
    r"convened|voted|deployed|conducted|staged|published|proposed|rejected|terminated|quit|broke\s+off|"
    r"handed|delivered|submitted|presented|"
    r"froze|resumed|restored|hosted|struck|killed|fired|tested|laps(?:es|ed)|expir(?:es|ed)|will\s+\w+|(?:is|are|was|were)\s+"
    r"(?:set|due|scheduled|expected)\s+to|scheduled|planned|to\s+be\s+held)\b",
    re.IGNORECASE,
)
"""Verbs of a happening: a mentioned date becomes its own draft only beside one of these."""
GATHERING_OPENS = re.compile(
    r"\b(?:conference|summit|meeting|talks|session|forum|exercises?|drills?|games)\b[^.]{0,80}?"
    r"\b(?:opened|opens|began|begins|started|starts|kicked\s+off|got\s+under\s*way|convened|launched)\b"
    # or the verb first: "launched Zapad 2017, a joint military exercise"
    r"|\b(?:opened|began|started|kicked\s+off|launched|convened)\b[^.;]{0,60}?"
    r"\b(?:conference|summit|meeting|talks|session|forum|exercises?|drills?|games)\b",
    re.IGNORECASE,
)
_GATHERING_ENDS = re.compile(
    r"\b(?:conference|summit|meeting|talks|session|forum|exercises?|drills?|games)\b[^.;]{0,80}?"
    r"\b(?:ends|closes|concludes|runs\s+(?:until|through|to)|lasts\s+until|will\s+(?:end|close|conclude|run\s+until))"
    r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def is_end_of_gathering(sentence: str, phrase: str) -> bool:
    """The date is when a gathering ends ("the conference, which ... ends May 31")."""
    at = sentence.find(phrase)
    return at > 0 and bool(_GATHERING_ENDS.search(sentence[:at]))


_TITLE_CUTS = re.compile(
    r"\s+(?:following|after|amid|as|because|where|which|while|citing|when|before|for\s+the\s+first\s+time"
    r"|since|despite|in\s+a\s+move|in\s+response\s+to)\b.*$",
    re.IGNORECASE,
)


def make_mention_title(clause: str, *, max_words: int = 10) -> str:
    """A headline for a mentioned event: subject, verb and object, cut at a clause boundary
    so it never ends on a dangling "following" or "with"."""
    text = " ".join(clause.split()).strip(" ,;:.")
    text = re.sub(
        r"^(?:adding|saying|noting|stressing|warning|said|says|added|noted)\s+(?:that\s+)?",
        "",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    cut = _TITLE_CUTS.sub("", text)
    if len(cut.split()) >= 3:
        text = cut
    words = text.split()[:max_words]
    while len(words) > 3 and words[-1].lower().strip(",;:") in SLUG_TAIL_WORDS:
        words.pop()
    text = " ".join(words).rstrip(",;:")
    return text[:1].upper() + text[1:]


def clause_around(sentence: str, phrase: str) -> str:
    """The clause of a sentence that a date phrase belongs to, without the phrase: "In
    January 2010, the chiefs of staff met in Brussels" -> "the chiefs of staff met in Brussels"."""
    clauses = re.split(r",\s+|;\s+|\s+--\s+", sentence)
    for i, clause in enumerate(clauses):
        if phrase in clause:
            rest = re.sub(
                rf"\s*\b(?:on|in|by|since|until|from|for)?\s*{re.escape(phrase)}",
                " ",
                clause,
                flags=re.IGNORECASE,
            )
            relative = re.match(r"^\s*(?:which|who)\s+", rest.strip(), flags=re.IGNORECASE)
            reduced = re.match(
                r"^\s*(?:scheduled|set|due|planned|held|expected|slated)\b",
                rest.strip(),
                flags=re.IGNORECASE,
            )
            relative = relative or reduced
            rest = re.sub(
                r"^\s*(?:which|who|and|but|after|while)\s+", "", rest.strip(), flags=re.IGNORECASE
            )
            if relative and i > 0:
                # "the review conference, which ... ends May 31": the subject is the noun before.
                subject = re.search(
                    r"\b(?:the|a|an)\s+(?:(?!\b(?:the|a|an)\s)[^,])*$",
                    clauses[i - 1],
                    flags=re.IGNORECASE,
                )
                if subject:
                    rest = f"{subject[0]} {rest}"
            if len(rest.split()) >= 3:
                return rest
            if i + 1 < len(clauses) and len(clauses[i + 1].split()) >= 3:
                return clauses[i + 1]
            if i > 0:
                return clauses[i - 1]
            return rest
    return sentence
