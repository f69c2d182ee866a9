"""English: the words the rules were first written with.

They stay where they have always been (`chrono/dates.py`, `chrono/extract/vocabulary.py`);
this module gathers them into the `Language` the stages read.
"""

from __future__ import annotations

from ... import dates
from .. import vocabulary
from ..places import SCENE_OPENING, VENUE_BEFORE
from ..quotes import _FRAMING, TRANSCRIPT_TURN
from . import Language

ENGLISH = Language(
    code="en",
    name="English",
    months=dates.MONTHS,
    weekdays=dates.WEEKDAYS,
    months_capitalised=True,
    date_phrase=dates.DATE_PHRASE,
    resolve_phrase=dates.resolve_phrase,
    find_publication_date=dates.find_publication_date,
    dateline_month_day=dates.dateline_month_day,
    future_context=dates.FUTURE_CONTEXT,
    past_context=dates.PAST_CONTEXT,
    speech_verbs=vocabulary.SPEECH_VERBS,
    according_to=frozenset({"according to"}),
    pronoun_speech=vocabulary.PRONOUN_SPEECH,
    capitals="A-Z0-9",
    venue_before=VENUE_BEFORE,
    scene_opening=SCENE_OPENING,
    transcript_turn=TRANSCRIPT_TURN,
    framing=_FRAMING,
    speaker_in_previous_sentence=True,
    prepositions=vocabulary.PREPOSITIONS,
    conjunctions=vocabulary.CONJUNCTIONS,
    object_verbs=vocabulary.OBJECT_VERBS,
    between_name_and_verb=vocabulary.BETWEEN_NAME_AND_VERB,
    glued_speech_verb=vocabulary.GLUED_SAID,
)
