"""Stage: the page around the article (stamps, headline, dateline) and the parsed document."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..dates import DATE_PHRASE, TIME as TIME_OF_DAY, as_stamp
from ..model import Article
from .catalog import Catalog
from .document import Document
from .lang import Language, detect_language
from .normalise import fold_text, normalise_name
from .sentences import split_sentences
from .vocabulary import KICKERS, NOT_NAME_WORDS, RANKS, TITLE_WORDS


# Lines that are the web page around the article, not the article. Matched against a whole
# stripped line, case-insensitively. Each is a kind of chrome seen across news sites.
_CHROME_LINE = re.compile(
    r"^(?:"
    r"(?:support|subscribe\s+to|donate\s+to)\b.{0,60}!?"
    r"|contribute\s+today|subscribe(?:\s+now)?|sign\s+up\b.{0,80}|log\s*in|register"
    r"|get\s+the\s+latest\s+(?:updates|news)\b.*"
    r"|\.?\s*(?:last\s+updated|updated|last\s+modified|published|posted)\s*:.{0,60}"
    r"|video\s*player.{0,20}|play\s+video|now\s+playing|watch(?:\s+video)?|close|advertisement|ad"
    r"|share(?:\s+this(?:\s+article)?)?(?:\s+on\s+\w+)?|tweet|print|e-?mail|whatsapp|facebook|twitter|telegram"
    r"|go\s+to\s+forum.{0,20}|\d+\s+comments?|comments?\s*\(?\d*\)?|view\s+comments"
    r"|back\s+to\s+top(?:\s+button)?|skip\s+to\s+(?:main\s+)?content|cookies?\b.{0,120}"
    r"|(?:photo|image|file\s+photo|picture)\s*:.{0,120}|editor\s*:.{0,40}"
    # a caption closed by its credit ("Россия и НАТО. Фото: Yakn.Ru"); a site's own name
    r"|.{1,200}?(?:\.\s*|\s|(?<=[a-zа-яё]))(?-i:Фото|Photo|ФОТО|PHOTO)\s*:\s*[^!?]{0,58}[^.!?\s]"
    r"|.{0,60}\s[—–-]\s(?:официальный\s+(?:сайт|портал)|official\s+(?:web\s*)?site)\b.{0,40}"
    r"|(?:source|publication\s+date)\s*:.{0,80}"
    # a periodical's issue line ("Publication: Monitor Volume: 3 Issue: 49"); topic tags then a
    # stamp ("US Russia NATO military treaty 22 May 2020 - 21:01")
    r"|publication\s*:.{0,40}\b(?:volume|issue)\s*:.{0,40}|(?:volume|issue)\s*:\s*\d+.{0,40}"
    r"|(?:[\w-]+\s+){0,6}\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}\s*[-–—,|]?\s*\d{1,2}:\d\d"
    r"|by\s+[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|\([^)]{1,30}\))){0,4}(?:\s*[,|]\s*.{0,80})?"
    r"|(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b.{0,300}|.{0,80}\bcookie\s+(?:policy|settings|consent)\b.{0,120}"
    r"|(?:[^|.!?\n]{1,40}\|)+[^|.!?\n]{1,40}"
    r"|tags?\s*:.{0,200}|topics?\s*:.{0,200}"
    # navigation words and blocks
    r"|all\s+news|latest\s+news|top\s+stories|related\s+items|navigation\s+bar|front\s+page"
    r"|you\s+are\s+in\s*:.{0,80}|low\s+graphics\s+version.{0,60}|main\s+menu|menu|search|home(?:page)?"
    r"|(?:return|back|go\s+back)\s+to\s+(?:the\s+)?[\w ]{1,40}?(?:page|index|list|home(?:page)?)"
    r"|(?:your|reader)\s+support\s+helps\s+us.{0,120}|this\s+is\s+a\s+rush\s+transcript.{0,200}"
    r"|this\s+(?:content|video|page)\s+is\s+not\s+available\s+in\s+your\s+(?:region|country).{0,40}"
    # photo captions' credit lines: "... | Name/Agency/Getty Images", "(AP Photo/Name)"
    r"|.{0,240}(?:\s[|/]\s*|/)(?:[\w.' -]{1,40}/){0,2}(?:getty\s+images|afp|reuters|epa(?:-efe)?|tass|sputnik"
    r"|ria\s+novosti|anadolu(?:\s+agency)?|xinhua|pool|shutterstock|ap(?:\s+photo)?)(?:\s+via\s+.{1,40})?\.?\)?"
    r"|.{0,240}\((?:ap|afp|reuters|epa)\s+photo(?:/[^)]{1,60})?\)"
    r"|(?:afp|ap|reuters|epa)\s+photo\b.{0,120}"
    r"|in\s+this\s+(?:handout\s+|file\s+|undated\s+)?(?:photo|image|picture|video\s+grab)\b.{0,400}"
    r"|.{0,400}\([^()]{0,80}\bvia\s+(?:ap|afp|reuters|getty\s+images)\)"
    # print-edition lines: "Thursday, March 25, 1999; Page A31"
    r"|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+)?[a-z]{3,9}\.?\s+\d{1,2},\s+\d{4}\s*;\s*page\s+[a-z]?\d+.{0,40}"
    # bylines with a handle or a stamp: "Mohammad Ali (@name) Published January 11, 2022 | 03:43 PM"
    r"|[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*\(@\w+\).{0,120}"
    r"|.{0,60}\b(?:published|posted|updated)\s+(?:on\s+)?(?:[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]+\.?,?\s+\d{4}).{0,40}"
    r"|view\s+full\s+version\s*:.{0,200}"
    # an official release's letterhead: "Office of the Press Secretary", "For Immediate Release May 27"
    r"|(?:the\s+white\s+house\s+)?office\s+of\s+the\s+(?:press\s+secretary|spokesperson)|for\s+immediate\s+release\b.{0,60}"
    r"|ie\s*\d+\s+is\s+not\s+supported.{0,200}|.{0,40}\byour\s+browser\b.{0,40}\bnot\s+supported.{0,120}"
    r"|(?:please\s+)?enable\s+javascript.{0,120}|javascript\s+is\s+(?:disabled|required).{0,120}"
    r"|.{0,60}\bnotifications?\b.{0,60}\b(?:browser|preferences|enable|allow|up\s+to\s+date)\b.{0,60}"
    r"|(?:stay\s+up\s+to\s+date|get\s+notified)\b.{0,80}"
    r"|(?:[\w-]+\s+){0,6}correspondent(?:,\s*[A-Z][\w -]{1,30})?"
    # broadcast script headers: "DATE=2/17/2000", "BYLINE=..."
    r"|[A-Z]{2,12}=.{0,120}"
    # a diplomatic cable's archive page and header: "Viewing cable 05VILNIUS977", its reference
    # and stamps, "E.O. 12958: DECL: ...", "Classified By: ...", "C O N F I D E N T I A L ..."
    r"|viewing\s+cable\s+\S+|\d{2}[a-z]{4,}\d{2,}.{0,160}|this\s+record\s+is\s+a\s+partial\s+extract.{0,160}"
    r"|e\.\s?o\.\s*\d{4,5}\s*:.{0,80}|classified\s+by\s*:.{0,160}|ref\s*:.{0,80}|(?:[a-z]\s){5,}[a-z]\b.{0,80}"
    r")$",
    re.IGNORECASE,
)
# From one of these lines on, the rest of the page is related links, comments or appeals.
_CHROME_TAIL = re.compile(
    r"^(?:read\s+more(?:\s+about)?\s*:?.{0,80}|related(?:\s+(?:articles|news|stories|posts))?\s*:?"
    r"|see\s+also\s*:?|more\s+(?:from|on|in)\s+.{0,60}|you\s+(?:may|might)\s+also\s+like.{0,20}"
    r"|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed)|leave\s+a\s+(?:reply|comment)"
    r"|\d+\s+(?:thoughts|responses|replies)\s+on\b.*|comments?|post\s+a\s+comment"
    r"|the\s+need\s+for\s+.{0,80}support.{0,80}"
    r")$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^(?:[^<>›\n]{1,40}\s[>›]\s){2,}(?=(?:\S+\s+){3}\S)")
"""The site's path above the headline, on its line ("Главная > Россия > В НАТО отреагировали
..."): the headline is its last part."""
_BARE_READ_MORE = re.compile(r"^read\s+more\s*:?$", re.IGNORECASE)
# Chrome glued to the end of a sentence on the same line ("... facing.Go to Forum >>0 Comments").
_CHROME_SUFFIX = re.compile(
    r"\s*(?:Go to Forum\s*>>\s*\d*\s*Comments?|\d+\s+Comments?|Read more\s*(?:>>|»)|Adjust font size:?)\s*$",
    re.IGNORECASE,
)
_SECTION_LABEL_WORDS = 2
"""A line of one or two words without a full stop is a section label or a tag ("NATO")."""


_MASTHEAD = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w.'&-]*\s+){0,3}[A-Z][\w.'&-]*\s+"
    r"(?:Times|Post|Journal|Herald|Tribune|Guardian|Telegraph|Independent|Gazette|News|Daily|"
    r"Monitor|Observer|Standard|Express|Chronicle|Online|Today|Wire|Review|Press|Bulletin)"
    r"(?:\s+Online)?$"
)
"""A newspaper's or site's name alone on a line ("The Washington Post", "BBC News Online")."""
_SCRIPT_LABEL = re.compile(r"^(?:INTRO|TEXT|CONTENT|VOICED AT|TAG|ACT|OPT|END ACT|NEWSCAST)\s*:\s*")
"""Labels of a broadcast script ("INTRO:  NATO Secretary-General ..."): the words after are the story."""

# Text that the page's layout kept apart but its plain text glued together.
_GLUED_STAMP = re.compile(r"^[ \t]*(date\s+(?:19|20)\d\d-\d\d-\d\d)[ \t]+(?=\S)", re.IGNORECASE | re.MULTILINE)
"""A stray stamp before the first words: " date 2021-12-17 Russia publishes ..."."""
_GLUED_YEAR = re.compile(r"(?<=\b(?:19|20)\d\d)(?=[A-Z][a-z]|[A-Z]{2})")
"""A date line glued to the lead: "April 1, 2014NATO head ..."."""
_GLUED_MONTH = re.compile(
    r"(?<=[a-z])(?=(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d)"
)
"""A section label glued to a date stamp: "NewsNovember 24, 2001"."""
_HEAD_LINES = 12
"""The lines at the head of a page where stamps glued to other words are looked for."""
_GLUED_CABLE_DATE = re.compile(r"^(\d{2}[A-Z]{4,}\d{1,6}?)((?:19|20)\d\d-[01]\d-[0-3]\d)", re.MULTILINE)
"""A cable archive's header line, its reference glued to the cable's date
("05VILNIUS9772005-09-16 13:28:00 2011-08-30 ..."): the first date is the cable's, the later
one the archive's release."""
_GLUED_DAY = re.compile(
    r"(?<=[a-zа-яё])(?=\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(?:19|20)\d\d\b)"
)
"""A stamp glued to the headline before it: "... миссий России и альянса18 октября 2021.
Разместил: ...", "... talks end12 March 2014"."""
_DAY_AND_CREDIT = (
    r",\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+(?:19|20)\d\d)?"
    r"\s+\([A-Za-z/ -]{2,30}\)\s*(?:--|[-–—])"
)
"""What follows a dateline's city: ", May 22, 2020 (AFP) -"."""
_GLUED_DATELINE = re.compile(rf"(?<=[^\s,])[ \t]+(?=[A-Z][a-z']+{_DAY_AND_CREDIT})")
"""A dateline glued to the headline before it: "... 'Open Skies' treaty =(Video)= Brussels, May
22, 2020 (AFP) - NATO allies urged ...": a city, a day and an agency's credit start the story.
One word only, so a headline in title case keeps its last words. A city in capitals glued to a
headline in capitals ("NATO ENVOYMOSCOW, January 10") is split by `unglue_capitals_dateline`,
which knows the places."""
_GLUED_CREDIT = re.compile(r"(?<=[a-z.!?])(?=[A-Z]{2,}(?:/[A-Za-z]+)?\s*\|)")
"""A credit line glued to the headline: "... after US departurePTI | Moscow | Updated: ..."."""


_CAPITALS_BEFORE_DATELINE = re.compile(rf"(?<=[A-Z])(?P<word>[A-Z]{{4,}})(?={_DAY_AND_CREDIT})")


def unglue_capitals_dateline(text: str, catalog: Catalog) -> str:
    """"... AS RUSSIA'S NATO ENVOYMOSCOW, January 10 (RIA Novosti) - President ...": a headline
    in capitals glued to a dateline in capitals; the city is the longest known place that ends
    the glued word, and the line breaks before it."""
    head = text[:2000]

    def split(match: re.Match[str]) -> str:
        word = match["word"]
        for cut in range(1, len(word) - 2):
            if normalise_name(word[cut:]) in catalog.place_names:
                return f"{word[:cut]}\n{word[cut:]}"
        return word

    return _CAPITALS_BEFORE_DATELINE.sub(split, head) + text[2000:]


def unglue_lines(text: str) -> str:
    """Put back the line breaks a page's text lost between a stamp, a credit and the story,
    and join the lines of hard-wrapped paragraphs (a wire or broadcast script)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # One pass over the whole text each: a pass per line was a fifth of extraction time.
    text = _GLUED_STAMP.sub(lambda m: m[1] + "\n", text)
    text = _GLUED_YEAR.sub("\n", text)
    text = _GLUED_CREDIT.sub("\n", text)
    text = _GLUED_DATELINE.sub("\n", text)
    text = _GLUED_MONTH.sub("\n", text)
    lines = text.split("\n")
    # Stamps stand at the head of the page; a body's "Covid19 March 2020" is no stamp.
    head = "\n".join(lines[:_HEAD_LINES])
    head = _GLUED_CABLE_DATE.sub(r"\1 \2", _GLUED_DAY.sub("\n", head))
    return "\n".join(reflow_wrapped_lines([*head.split("\n"), *lines[_HEAD_LINES:]]))


_WRAPPED_NEXT = re.compile(r"^\s*(?:[a-z(]|\d+\b(?![.:]))")


_CUT_MID_SENTENCE = re.compile(r"(?:[a-zа-яё’',-]|\b(?:a|an|the|of|to|in|on|at|and|by|for|with))$")
"""How a line that a hard wrap cut mid-sentence ends: in a lower-case word or a comma."""
_CAPITALS_LABEL = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ.'’ -]{2,40}(?:,[^:\n\d]{1,80})?:(?:\s|$)")
"""A turn label in capitals, as long as a name with its office: "NICK SCHIFRIN: ...",
"PRESIDENT OF RUSSIA DMITRY MEDVEDEV: ...", "HARRY TRUMAN, President of the United States:";
no digits after the comma, which make it a dateline ("NEW DELHI, MARCH 26:")."""


def is_hard_wrapped(lines: list[str]) -> bool:
    """A text whose paragraphs were cut into lines of a fixed width (a wire script, a
    broadcast transcript): most lines short, and many of them ending mid-sentence."""
    filled = [line.strip() for line in lines if line.strip()]
    if len(filled) < 8:
        return False
    lengths = sorted(len(line) for line in filled)
    median = lengths[len(lengths) // 2]
    # A menu's lines end in lower-case words too; a wrapped sentence goes on in lower case.
    goes_on = sum(
        1 for line, following in zip(filled, filled[1:])
        if _CUT_MID_SENTENCE.search(line) and following[:1].islower()
    )
    return 30 <= median <= 80 and goes_on >= 0.25 * len(filled)


def reflow_wrapped_lines(lines: list[str]) -> list[str]:
    """A line cut mid-sentence goes on in the next one when that one starts in lower case:
    "... his one-day visit to Moscow" + "(Wednesday), in which ..." is one sentence. In a
    hard-wrapped text, a line that ends in a lower-case word or a comma goes on in the next
    one too, unless that one opens a speaker's turn or a dateline."""
    wrapped = is_hard_wrapped(lines)
    joined: list[str] = []
    for line in lines:
        previous = joined[-1].rstrip() if joined else ""
        if (
            previous
            and line.strip()
            and len(previous) >= 30
            and not re.search(r"[.!?:;\"”»|]$", previous)
            and (
                _WRAPPED_NEXT.match(line)
                or (
                    wrapped and _CUT_MID_SENTENCE.search(previous)
                    and not _CAPITALS_LABEL.match(line.strip()) and find_dateline(line.strip()) is None
                )
            )
        ):
            joined[-1] = f"{previous} {line.strip()}"
        else:
            joined.append(line)
    return joined


def is_furniture_line(line: str, publisher: str | None = None) -> bool:
    """A line of the page around the article: chrome, a masthead, the publisher's name."""
    if _CHROME_LINE.match(line) or _MASTHEAD.match(line):
        return True
    return bool(publisher) and len(line) <= 80 and normalise_name(line) in _publisher_names(publisher)


@lru_cache(maxsize=32)
def _publisher_names(publisher: str | None) -> frozenset[str]:
    """"Daily Example (AFP)" is written "Daily Example" as a masthead."""
    # Asked for every short line of every article: worked out once per publisher.
    return frozenset({normalise_name(publisher or ""), normalise_name(re.sub(r"\s*\(.*\)$", "", publisher or ""))})


_BARE_PHOTO_CREDIT = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*/\s*(?:AP|AFP|Reuters|Getty Images|EPA|TASS|Sputnik|"
    r"RIA Novosti|Anadolu|Xinhua|Pool|Bloomberg|dpa)(?:\s*/\s*[\w ]{1,30})?\.?$"
)
"""A photographer's credit alone on its line: "Mikhail Metzel/AP"."""


def _may_be_caption(paragraph: str) -> bool:
    return len(paragraph.split()) <= 70 and not re.search(r"[\"“”«»]", paragraph)


_APPEAL_CUES = re.compile(
    r"\b(?:donat(?:e|ion|ions)|contributions?\s+from\s+you|your\s+(?:monthly\s+)?contribution|your\s+support|"
    r"support\s+(?:us|our\s+(?:work|journalism|reporting))|subscri(?:be|ption|bers?)|paywalls?|"
    r"become\s+a\s+(?:supporter|subscriber)|independent\s+journalism|"
    r"(?:quality|non-?commercial|public-interest)\s+(?:journalism|news)|viewers\s+and\s+listeners|ad[- ]?blocker)\b",
    re.IGNORECASE,
)


def is_appeal(line: str) -> bool:
    """A publisher's plea above or below the story ("Your donation allows us to keep sending
    journalists ...", "Non-commercial news needs your support"): page furniture, however
    much it reads like prose. Two cues, or one in a button's few words ("Donate"); a
    headline about a donation has one cue and more words."""
    cues = len(_APPEAL_CUES.findall(line))
    return cues >= 2 or (cues == 1 and len(line.split()) <= 4)


_CAPTION_JOINERS = {"and", "of", "the", "with", "in", "at", "&"}


def is_dated_caption(line: str) -> bool:
    """"Secretary General Jens Stoltenberg and Ukrainian President Petro Poroshenko, Sept.
    21, 2015": names and offices then a date, no verb: a photo's caption."""
    full_dates = [m for m in DATE_PHRASE.finditer(line) if m.lastgroup in ("full_md", "full_dm")]
    if not full_dates or line[full_dates[-1].end() :].strip(" .") or not line[: full_dates[-1].start()].rstrip().endswith(","):
        return False
    words = line[: full_dates[-1].start()].replace(",", " ").split()
    if not 2 <= len(words) <= 20:
        return False
    return all(w[:1].isupper() or w.lower() in _CAPTION_JOINERS for w in words)


def clean_article_text(text: str, publisher: str | None = None, *, unglued: bool = False) -> str:
    """The article without the page around it: banners, mastheads, navigation words,
    captions' credit lines, bylines, labels, related links, comment counters, video-player
    text and comment forms. Paragraphs are kept, one blank line between them, so the
    extractor can find the headline and the lead."""
    lines = (text if unglued else unglue_lines(text)).split("\n")
    kept: list[str] = []
    body_started = False
    for index, raw_line in enumerate(lines):
        line = _CHROME_SUFFIX.sub("", raw_line.strip().replace("\u00a0", " "))
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if body_started and _CHROME_TAIL.match(line):
            following = next((n.strip() for n in lines[index + 1 :] if n.strip()), "")
            if _BARE_READ_MORE.match(line) and len(following.split()) >= 12 and re.search(r"[.!?\"”]$", following):
                continue  # a "READ MORE" box inside the article: the story goes on below it
            break
        if is_furniture_line(line, publisher):
            if _BARE_PHOTO_CREDIT.match(line) and kept and kept[-1] and _may_be_caption(kept[-1]):
                kept.pop()  # the paragraph a credit line closes is the photo's caption
            continue
        if is_dated_caption(line) or is_appeal(line):
            continue
        if ":" in line:
            line = _SCRIPT_LABEL.sub("", line)
        if ">" in line or "›" in line:
            line = _BREADCRUMB.sub("", line)
        if "http" in line:
            line = re.sub(r"\s*\(https?://[^)\s]*\)?", "", line)  # "Headline (http://...)"
        if not line:
            continue
        words = line.split()
        if len(words) <= _SECTION_LABEL_WORDS and not re.search(r"[.!?\"”]$", line) and not _LABEL_ALONE.match(line):
            continue
        kept.append(line)
        # The body has started once a real sentence has been read; before that, "Read more"
        # style lines are more likely navigation above the headline, and are dropped alone.
        if len(words) >= 12 and re.search(r"[.!?\"”]$", line):
            body_started = True
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)


_DATELINE = re.compile(
    r"^(?P<city>(?:St\.\s)?[A-Z][A-Za-z']+(?:[ -][A-Z][A-Za-z']+){0,2})"
    r"(?P<rest>(?:[,.]\s*[^-–—(/\n]{1,40}?)?\s*(?:\([^)\n]{1,60}\))?\s*(?:--|—|–|-)\s+"
    r"|(?:[,.]\s*[^-–—(/\n]{1,40}?)?\s*/\s?[A-Za-z-]{2,12}\s?/\s?[.:]?\s+"
    r"|\s*\([^)\n]{1,60}\)\s+(?=[A-Z])"
    r"|,\s*(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?\s+\d{1,2}\s*:\s+(?=[A-Z])"
    r"|(?<=[A-Z]{3}):\s+(?=[A-Z])"
    r"|(?<=[A-Z]{3})\s+\|\s+(?=[A-Z]))"
)
"""A dateline: the city, then a date, an agency or a credit, and a dash, a slash pair, a
colon or a bar ("WARSAW | Poles and Czechs ...")."""


_LOOSE_DATELINE = re.compile(
    r"^(?:(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)|[^()\n.!?]{0,60}?\((?P<caps>[A-Z][A-Z .'-]{2,30})\))"
    r"\s*(?:--|—|–|\s-)\s*(?=[A-Z\"“])"
)
"""A dateline the strict form leaves out: a city in title case before a double dash, or a city
in capitals and brackets after a photo credit glued to it."""


_CAPITALS_CITY = re.compile(
    r"(?<![\w'’.,-])(?P<city>[A-ZА-ЯЁ][A-ZА-ЯЁ'’]{2,}(?:[ -][A-ZА-ЯЁ]{2,})?)\b"
    r"(?P<rest>(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?"
    r"(?:,?\s*(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?\s+\d{1,2}(?:,?\s+(?:19|20)\d\d)?)?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:--|—|–|-|:)?)\s*"
    r"(?=[\"“«‘]|[A-ZА-ЯЁ][a-zа-яё'’]|[A-ZА-ЯЁ]\.(?!\w)|[A-ZА-ЯЁ]{2,5}\b(?![ -][A-ZА-ЯЁ]{2,}))"
)
"""A city in capitals before the story's first words, where the strict forms find no
dateline: at the start of a paragraph, even with nothing after it ("LONDON Russian President
...", "VILNIUS, Lithuania, April 2 The fighter jets ...", "BRUSSELS (AFP)--Russia ..."); inside a
paragraph, after a glued headline or credit, only with a date, a credit or a dash after it
("... (NSI News Source Info) BRUSSELS August 21, 2008: Russia's ..."). The word after it is not
a second word in capitals, so a headline set in capitals is not read as one."""
_DATELINE_MARK = re.compile(r"\d|\(|--|[—–:-]")
"""What a dateline inside a paragraph needs after its city: a date, a credit or a dash."""
_EMBEDDED_DATELINE_REACH = 400
"""How far into a paragraph a glued dateline is looked for: past a headline and a credit, not
into the story."""


def _embedded_dateline(doc: Document, paragraphs: list[str]) -> tuple[str, int] | None:
    """The city and the end of a dateline in capitals that the strict forms miss, in the first
    paragraphs, when it is a place the chronology knows (the two words of "NEW YORK", or the
    first word when the second is not part of the name). The end counts only at the start of
    the first paragraph, where the sentences start after it."""
    for index, paragraph in enumerate(paragraphs):
        for match in _CAPITALS_CITY.finditer(paragraph[:_EMBEDDED_DATELINE_REACH]):
            if match.start() > 0:
                before = paragraph[: match.start()].rstrip()
                if re.search(r"[A-ZА-ЯЁ]{2,}$", before) or not _DATELINE_MARK.search(match["rest"]):
                    continue  # a word of a headline in capitals, or a name in a sentence
            words = match["city"].split()
            city = next((c for c in (match["city"], words[0]) if len(c) >= 4 and doc.place_id(c, stub=False)), None)
            if city is None:
                continue
            return city, match.end() if index == 0 and match.start() == 0 and city == match["city"] else 0
    return None


def find_dateline(paragraph: str, language: Language | None = None) -> tuple[str, int] | None:
    """The city of a dateline ("VIENNA --", "MOSCOW, April 27 (Xinhua) --") and where the
    sentence after it starts, or None. A title-case city needs a date or a credit after it,
    so an ordinary sentence ending in a dash is not taken for a dateline. A language's own
    dateline form ("МОСКВА, 11 янв – РИА Новости.") is tried first."""
    if language is not None and language.dateline is not None:
        if own := language.dateline.match(paragraph):
            return own["city"], own.end()
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    city = match["city"]
    rest = match["rest"]
    if not city.isupper() and not re.search(r"[,(/]", rest):
        return None
    if city.lower() in NOT_NAME_WORDS and city.lower() not in {"washington"}:
        return None
    if city.split()[0].lower() in {"by", "from", "for", "photo", "source"}:
        return None  # "By Leon (Producer) Leon": a byline, not a city
    return city, match.end()


_STAMP_LABELS = {
    "published",
    "posted",
    "issued",
    "updated",
    "last",
    "modified",
    "date",
    "dated",
    "on",
    "at",
    "am",
    "pm",
    "gmt",
    "utc",
    "cet",
    "cest",
    "msk",
    "est",
    "edt",
    "bst",
    "опубликовано",
    "обновлено",
    "мск",
    "года",
}
"""Words of a page's date stamp ("Issued on 01 Apr. 2014 | Last updated: 02 Apr. 2014")."""


def is_stamp_line(line: str, date_phrase: re.Pattern[str] = DATE_PHRASE) -> bool:
    """A line that is only a date or a time ("14 Mar, 2014 10:05"), perhaps with the labels of
    a stamp ("Published On 28 Mar 2022"): the page's, not the story's. `date_phrase` is the
    language's ("12 января 2022, 19:51")."""
    if len(line) > 80:
        return False
    line = as_stamp(line)
    rest = TIME_OF_DAY.sub(" ", date_phrase.sub(" ", line))
    if rest == line:
        return False
    words = re.findall(r"[A-Za-zА-Яа-яЁё]{2,}", rest)
    return len(words) <= 2 or (len(line) <= 80 and all(w.lower() in _STAMP_LABELS for w in words))


def strip_headline(
    paragraphs: list[str], language: Language | None = None
) -> tuple[str | None, list[str]]:
    """The headline and the body. The body starts at the lead: the first paragraph that
    opens with a dateline or reads as prose. Above it a page has its headline among
    navigation, captions, subheads and credits; the headline is the line there that shares
    most words with the lead. The other lines above the lead are dropped."""
    if len(paragraphs) < 2:
        return None, paragraphs
    # A dateline marks the lead even below a prose-like line (a forum title, a subhead).
    # A label that opens two paragraphs or more is a transcript's speaker ("SECRETARY DOE:"),
    # not a dateline ("NEW DELHI: ...").
    openers = Counter(p.split(":", 1)[0] for p in paragraphs if ":" in p[:60])
    lead = next(
        (
            i for i, p in enumerate(paragraphs[:15])
            if find_dateline(p, language) is not None and openers[p.split(":", 1)[0]] < 2
        ),
        None,
    )
    date_phrase = language.date_phrase if language is not None else DATE_PHRASE
    word = _CONTENT_WORD if language is None or language.lemmas is None else _ANY_CONTENT_WORD
    if lead is None:
        lead = next((i for i, p in enumerate(paragraphs[:15]) if _is_prose(p)), None)
    if lead is None:
        first = paragraphs[0]
        return (first, paragraphs[1:]) if len(first) <= 160 else (None, paragraphs)
    lead_words = _content_words(paragraphs[lead], word)
    best: tuple[float, int] | None = None
    first_good: int | None = None
    for i, line in enumerate(paragraphs[:lead]):
        if not _is_headline_like(line, date_phrase) or _names_a_person_of(line, paragraphs[lead]):
            continue
        words = _content_words(line, word)
        shared = len(words & lead_words)
        if shared == 0 or shared / max(1, len(words)) < 0.2:
            continue
        if first_good is None and shared >= 2 and shared / len(words) >= 0.3:
            first_good = i  # the headline comes first; captions and subheads follow it
        score = shared + shared / len(words)
        if best is None or score > best[0]:
            best = (score, i)
    chosen = first_good if first_good is not None else (best[1] if best else None)
    if chosen is not None:
        # "Headline - Site name" (the window's title) above "Headline": the bare line is the
        # headline, without what the site adds around it.
        bare = next((j for j in range(chosen + 1, lead) if _is_headline_in_window_title(paragraphs[j], paragraphs[chosen])), None)
        chosen = bare if bare is not None else chosen
    headline = paragraphs[chosen] if chosen is not None else None
    for back in (1, 2):
        # "В.Путин:" on its own line above the first words spoken (a greeting too short to
        # read as prose may come between): the body starts at the label.
        label = lead - back
        if label < 0 or not _is_turn_label(paragraphs[label], paragraphs[label + 1], language):
            continue
        if chosen == label:
            if paragraphs[label].rstrip().endswith(":"):
                continue
            headline = None  # a turn's greeting shares words with the lead, but it is spoken
        lead = label
        break
    return headline, paragraphs[lead:]


_SITE_AFTER = re.compile(r"\s*[-|–—:]\s*\S[^\n]{0,40}")
_SITE_BEFORE = re.compile(r"[^\n]{0,40}?\S\s*[-|–—:]\s*")


def _is_headline_in_window_title(line: str, title: str) -> bool:
    """`title` is `line` with the site's name put after or before it ("Headline - Site",
    "Site | Headline"), perhaps behind a marker ("> ")."""
    line, title = line.strip(), title.strip().lstrip(">»·•| ")
    if not line or line == title:
        return False
    if title.startswith(line):
        return _SITE_AFTER.fullmatch(title[len(line) :]) is not None
    if title.endswith(line):
        return _SITE_BEFORE.fullmatch(title[: -len(line)]) is not None
    return False


def _is_turn_label(line: str, following: str, language: Language | None) -> bool:
    """A speaker's name alone with a colon ("В.Путин:", "JENS STOLTENBERG:"), whose words
    are the next paragraph, or with a greeting after it ("Lord Robertson: Ladies and
    Gentlemen,")."""
    return len(line.split()) <= 6 and language is not None and (
        turn_on_next_line(line, following, language.transcript_turn) is not None
        # "В.Путин: Уважаемый господин Генеральный секретарь!": a greeting after the label
        or (language.transcript_turn.match(line) is not None and not line.rstrip().endswith(":"))
        or _GREETED_TURN.match(line) is not None
    )


_GREETED_TURN = re.compile(
    r"^(?:[A-Z][a-z]+\.?\s+){0,2}[A-Z][a-z'’-]+:\s+(?:[A-Z][a-z]+\s+)?(?:[A-Za-z]+\s+){0,2}[A-Za-z]+\s*[,!]$"
)
"""A title-case label and a greeting of a few words, on a line of its own above the first
words spoken: "Lord Robertson: Ladies and Gentlemen,", "Foreign Minister Lavrov: Dear
colleagues,"."""


def turn_on_next_line(line: str, following: str, turn: re.Pattern[str]) -> str | None:
    """A transcript's label on a line of its own ("HARRY TRUMAN, President of the United
    States:") and the words spoken on the next: the two as one turn, or None."""
    label = line.rstrip()
    if not label.endswith(":"):
        return None
    joined = f"{label} {following}"
    match = turn.match(joined)
    return joined if match and match.start("speech") > len(label) else None


_LABEL_ALONE = re.compile(r"^(?:(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][a-zа-яё-]+|[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+(?:\s+[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+){1,3}):$")
"""A transcript's speaker label on its own line ("В.Путин:", "JENS STOLTENBERG:"): kept, so
the words on the next line have their speaker."""

_STOP = {
    "that", "this", "with", "from", "have", "has", "will", "would", "said", "says", "were",
    "they", "their", "been", "over", "into", "after", "about", "which", "than", "also",
}


_CONTENT_WORD = re.compile(r"[a-z]{4,}")
_ANY_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def _content_words(text: str, word: re.Pattern[str] = _CONTENT_WORD) -> set[str]:
    """Words of four letters or more, folded, without the commonest ones; "Nato" = "NATO"."""
    words = {w[:6] for w in word.findall(fold_text(text).lower())}
    return words - _STOP


QUESTION_TURN = re.compile(r"^(?:Question|Q|QUESTION)\s*(?:\([^()]{0,60}\))?\s*[:.]\s+\S")
"""A journalist's question in a transcript ("Question: ...", "Q: ...", "Question (via
interpreter): ...")."""
ANSWER_TURN = re.compile(r"^(?:Answer|A|ANSWER)\s*[:.]\s+(?P<speech>\S.*)$")
_SPEAKER_LABEL = re.compile(r"^(?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w'’-]+\s*:\s+\S")


def transcript_heading(paragraphs: list[str]) -> int | None:
    """The heading line of a question-and-answer transcript: the line above the first
    question, when two questions or more follow. None for other texts."""
    questions = [i for i, p in enumerate(paragraphs) if QUESTION_TURN.match(p)]
    if len(questions) < 2 or questions[0] == 0:
        return None
    for index in range(questions[0] - 1, -1, -1):
        line = paragraphs[index]
        if QUESTION_TURN.match(line) or ANSWER_TURN.match(line) or _SPEAKER_LABEL.match(line):
            continue
        if 4 <= len(line.split()) <= 60 and not is_stamp_line(line):
            return index
    return None


def _is_prose(paragraph: str) -> bool:
    words = paragraph.split()
    return (len(words) >= 12 and re.search(r"[.!?\"”](?:\s|$)", paragraph) is not None) or len(words) >= 30


_NAVIGATION_LINE = re.compile(
    r"^(?:Home\s+(?:[»›>/|]\s*)?(?:Tags?|Topics?|News|Archives?|Categor(?:y|ies))\b|Tags?\s*:)", re.IGNORECASE
)
"""A site's path or tag label above the headline: "Home Tags Nikolai Makarov", "Tag: ..."."""
_CABLE_REFERENCE = re.compile(r"\b\d{2}[A-Z]{4,}\d{2,}\b")
"""A diplomatic cable's reference ("05VILNIUS977"): a cable archive's page label ("Viewing
cable ..."), not the cable's subject."""


def _is_headline_like(line: str, date_phrase: re.Pattern[str] = DATE_PHRASE) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 20 or len(line) > 200 or is_stamp_line(line, date_phrase):
        return False
    if _NAVIGATION_LINE.match(line) or _CABLE_REFERENCE.search(line):
        return False
    if re.search(r"[|•]|https?://|\[|\]|:\s*$", line):
        return False
    if sum(1 for w in words if w[:1].isalpha()) < 0.6 * len(words):
        return False
    # "Nato Secretary-General Lord Robertson": a caption naming a person, not a headline.
    return True


def _names_a_person_of(line: str, lead: str) -> bool:
    """"Nato Secretary-General Lord Robertson" above a lead that names him: a caption that
    only names a person (an office and a name the lead also writes), not a headline."""
    if line.isupper():
        return False  # an all-capitals headline ("PRIMAKOV WARNS AGAINST NATO")
    words = line.split()
    rest = [w for w in words if w.lower().strip(",.") not in _CAPTION_WORDS and not w.isupper()]
    return (
        0 < len(rest) <= 3
        and all(w[:1].isupper() for w in rest)
        and all(re.search(rf"\b{re.escape(w.strip(',.'))}\b", lead) for w in rest)
    )


_CAPTION_WORDS = TITLE_WORDS | RANKS | {"lord", "lady", "nato", "russian", "russia's", "us", "u.s.", "secretary-general"}


AGENCY_CREDITS = {
    "reuters", "ap", "afp", "tass", "itar-tass", "interfax", "ria novosti", "xinhua", "dpa", "upi",
    "sputnik", "bloomberg", "anadolu", "efe", "ansa", "kyodo", "pap", "bta", "ukrinform",
}
"""Agencies whose name opens a copied story's headline ("Reuters: Putin warns Finland")."""


def clean_headline(headline: str, publisher: str | None) -> str:
    """Drop a kicker ("Spotlight:") and a trailing site or publisher name ("– Rossiyskaya Gazeta")."""
    text = " ".join(headline.split()).lstrip(" :;,.|–—-")
    if m := re.match(r"^([A-Za-z ]{2,20}\d?):\s+(.+)$", text):
        if m[1].strip().lower() in KICKERS or m[1].strip().lower() in AGENCY_CREDITS:
            text = m[2]  # "Spotlight: ...", "Reuters: ..." (a copied story's credit)
    if text.count(" / ") >= 2:
        text = text.split(" / ")[0]  # "Status of NATO Agreed / News / News agency Inforos": a breadcrumb
    if m := re.match(r"^(.{12,}?)\s+[|–—-]\s+([A-Z][\w.&'() ]{1,60})$", text):
        tail_words = m[2].split()
        names_publisher = bool(publisher) and normalise_name(m[2]) in normalise_name(
            publisher or ""
        )
        if names_publisher or (len(tail_words) <= 4 and all(w[:1].isupper() for w in tail_words)):
            text = m[1]
    return text.strip()


_DATELINE_LINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'-]{2,}(?:[ -][A-Z][A-Z.'-]+){0,2})(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2}(?:,?\s+\d{4})?)?)?\s*\((?P<credit>[A-Za-z/ -]{2,30})\)"
    r"\s*(?:[-–—,]?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})?\s*[-–—]?\s*$"
)
"""A dateline alone on its line, perhaps with the date: "BRUSSELS (AFP) Apr 02, 2004",
"BRUSSELS, June 14 (AFP) -"."""


_HEADER_FIELD = re.compile(
    r"^(?P<label>HEADLINE|TITLE|DATELINE|DATE|PUBLICATION[- ]DATE|LOAD[- ]DATE|SOURCE|BYLINE|"
    r"SECTION|LENGTH|WORDS|EDITION|PAGE|PUBLICATION|COPYRIGHT|LANGUAGE|DOCUMENT[- ]TYPE|"
    r"PUBLICATION[- ]TYPE|GRAPHIC|HIGHLIGHT|BODY|SLUG|NOTE NUMBER|TYPE|NUMBER|CONTENT|"
    r"VOICED AT|INTRO|TEXT)\s*[:=]\s*(?P<value>.*)$"
)
"""A field of an archive's header block ("DATE: 26 August 1998", "DATELINE: BRUSSELS"): news
databases print the story's facts this way above (or instead of) the wire copy's own lines."""


_SCRIPT_SLUG = re.compile(r"\((?i:L|L-Only|CQ|VO)\)|^[A-Z]+(?: */ *[A-Z]+)+$")
"""A broadcaster's story slug ("RUSSIA / NATO (L-Only)"), not a headline a reader sees."""


def read_archive_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The fields of an archive header block at the top of the text, and the lines without it.
    Two such fields at least make a header; a lone "Source: ..." line is left to the stamps."""
    fields: dict[str, str] = {}
    kept: list[str] = []
    for index, line in enumerate(lines):
        match = _HEADER_FIELD.match(line.strip()) if index < 30 else None
        if match is None:
            kept.append(line)
            continue
        label = match["label"].lower().replace(" ", "-")
        value = match["value"].strip()
        fields.setdefault(label, value)
        if label in ("body", "intro", "text") and value:
            kept.append(value)  # the story itself starts on the label's line
        elif label in ("date", "publication-date", "load-date") and value:
            kept.append(line)  # the stamp readers find the publication date here
        if label == "title" and value and not _SCRIPT_SLUG.search(value):
            fields.setdefault("headline", value)
    if len(fields) < 2:
        return {}, lines
    return fields, kept


def _header_city(value: str) -> str | None:
    """"BRUSSELS, Aug 26" or "Moscow" -> the city, title-cased as a dateline gives it."""
    city = re.split(r"[,(/]", value, maxsplit=1)[0].strip()
    if not re.fullmatch(r"[A-Za-z][A-Za-z .'-]{1,40}", city):
        return None
    return city


_TEX_QUOTE = re.compile(r"``(?P<words>[^`\n]*?)(?:''|\"|”)")


_DOUBLED_APOSTROPHES = re.compile(r"''(?P<words>[^'\n](?:[^\n]*?[^'\n])?)''")


_DOUBLED_SINGLE_MARKS = re.compile(r"‘‘(?P<words>[^‘’\n](?:[^\n]*?[^‘\n])?)’’")


_LOW_HIGH_MARKS = re.compile(r"„(?P<words>[^„“”\n]{1,800}?)\s?[“”„]")
"""Central European marks, low then high („words“), or low twice where a page lost the high
one („words „)."""


def normalise_quote_marks(text: str) -> str:
    """Typewriter forms of quotation marks as the stages read them: wire archives converted
    through TeX write ``words'' for “words”, some newspaper archives ''words'', and
    typesetting that curled those apostrophes ‘‘words’’; a Central European page „words“; a
    page whose curly marks were lost to '?' (`restore_lost_marks`)."""
    text = restore_lost_marks(text)
    if "„" in text and "«" not in text:
        # („...“ inside «...» is a Russian text's inner quote, which the quotes stage reads.)
        text = _LOW_HIGH_MARKS.sub(lambda m: f"“{m['words'].rstrip()}”", text)
    if "‘‘" in text:
        text = _DOUBLED_SINGLE_MARKS.sub(lambda m: f"“{m['words']}”", text)
    if "``" in text:
        return _TEX_QUOTE.sub(lambda m: f"“{m['words']}”", text)
    if text.count("''") >= 2:
        return _DOUBLED_APOSTROPHES.sub(lambda m: f"“{m['words']}”", text)
    return text


_LOST_OPENING = re.compile(r"(?:^|(?<=[\s(\[]))\?(?=[^\W\d_])", re.MULTILINE)
"""A '?' that opens a word ("said NATO's expansion is ?a serious provocation"): a lost mark."""
_MARKS = re.compile(r"[\"“”«»„]")
_MIN_LOST_OPENINGS = 2


def restore_lost_marks(text: str) -> str:
    """A page whose curly quotation marks and apostrophes were turned into '?' by a lost
    encoding ("?We are ready,? Scheffer said", "Russia?s"): the marks put back, when the text
    has no quotation mark of its own and at least two '?' that open a word. A '?' between
    letters is an apostrophe, one between spaces a dash; on each line, one that opens a word
    opens a quote, and the next that follows a comma or a sentence's end, or ends a word
    before a comma or a lower-case word, closes it. A real question mark ("intended?..")
    stays."""
    if _MARKS.search(text) or len(_LOST_OPENING.findall(text)) < _MIN_LOST_OPENINGS:
        return text
    text = re.sub(r"(?<=[^\W\d_])\?(?=[^\W\d_])", "’", text)
    text = re.sub(r"(?<= )\?(?= )", "–", text)
    lines = []
    for line in text.split("\n"):
        chars, quoting = list(line), False
        for at, char in enumerate(line):
            if char != "?":
                continue
            before, after = line[at - 1 : at], line[at + 1 : at + 3]
            if not quoting and before in ("", " ", "(", "[") and after[:1].isalpha():
                chars[at], quoting = "“", True
            elif quoting and (
                before in (".", ",", "!")
                or (before.isalnum() and (after[:1] in ("", ",", ";", ":", ")") or (after[:1] == " " and after[1:].islower())))
            ):
                chars[at], quoting = "”", False
        lines.append("".join(chars))
    return "\n".join(lines)


def _is_speaker_label(doc: Document, body: list[str]) -> bool:
    """A dateline that is no known place but a speaker: a known person's name ("BUSH: Moscow
    is not a question of if"), an office before a name ("PRESIDENT CHIRAC:"), or a label
    opening a transcript of labelled turns ("JUDY WOODRUFF: Today, ...")."""
    assert doc.dateline is not None
    city = doc.dateline[0]
    if doc.place_id(city, stub=False) is not None:
        return False
    if any(form.kind == "person" for _, _, form in doc.known_names(fold_text(city.title()))):
        return True
    label = body[0][: doc.dateline[1]].rstrip()
    if label.endswith(":") and any(word.lower().rstrip(".") in TITLE_WORDS for word in city.split()):
        # "PRESIDENT CHIRAC: Excellencies, ...", "NATO SECRETARY GENERAL: Today, ...": an
        # office, so a speaker, not a city
        return True
    return label.endswith(":") and sum(1 for p in body if _CAPITALS_LABEL.match(p)) >= 2



def read_document(article: Article, catalog: Catalog) -> Document:
    """The article as the stages see it: its language, the page around it removed, the
    headline and the dateline set apart, the body split into paragraphs and sentences with
    offsets."""
    language = detect_language(article.text, article.language)
    raw = unglue_capitals_dateline(unglue_lines(article.text), catalog)
    if language.glued_speech_verb is not None:
        raw = language.glued_speech_verb.sub(r" \g<0>", raw)
    header, kept = read_archive_header(raw.split("\n"))
    cleaned = clean_article_text(normalise_quote_marks("\n".join(kept)), article.publisher, unglued=True)
    lines = [p for p in cleaned.split("\n") if p.strip()]
    # "BRUSSELS (AFP) Apr 02, 2004" on a line of its own: a dateline the stamp filter would drop.
    own_line = next((m for m in map(_DATELINE_LINE.match, lines[:12]) if m), None)
    paragraphs = [p for p in lines if not is_stamp_line(p, language.date_phrase)]
    if header.get("headline"):
        headline, body = header["headline"], paragraphs
    elif (heading := transcript_heading(paragraphs)) is not None:
        # A transcript's heading says who spoke, where and when ("Foreign Minister Sergey
        # Lavrov's answer to a media question, Moscow, January 12, 2022"): it is the
        # headline and the lead the date and place are read from.
        headline, body = paragraphs[heading], paragraphs[heading:]
    else:
        headline, body = strip_headline(paragraphs, language)
    starts = []
    position = 0
    for paragraph in body:
        starts.append(position)
        position += len(paragraph) + 1
    text = "\n".join(body)
    doc = Document(
        article=article,
        catalog=catalog,
        headline=headline,
        paragraphs=body,
        paragraph_starts=starts,
        body=text,
        folded=fold_text(text),
        dateline=find_dateline(body[0], language) if body else None,
        lang=language,
    )
    doc.raw_lines = raw.split("\n")
    if doc.dateline and _is_speaker_label(doc, body):
        doc.dateline = None
    for index, paragraph in enumerate(body[:3] if doc.dateline is None else ()):
        # "Brussels -- President ..." or "Photo credit(WASHINGTON) — ...", in the lead or
        # below a caption printed above it: taken only when the city is a place the
        # chronology knows, so a sentence ending in a dash is not.
        loose = _LOOSE_DATELINE.match(paragraph)
        city = loose and (loose["city"] or loose["caps"])
        if city and doc.place_id(city, stub=False):
            doc.dateline = (city, loose.end() if index == 0 else 0)
            break
    if doc.dateline is None and own_line is not None:
        doc.dateline = (own_line["city"].strip(), 0)
    if doc.dateline is None:
        doc.dateline = _embedded_dateline(doc, body[:3])
    if header.get("dateline") and (city := _header_city(header["dateline"])):
        doc.dateline = (city, doc.dateline[1] if doc.dateline else 0)
    for start, paragraph in zip(starts, body):
        # The dateline is not a sentence: "MOSCOW. Feb 3 (Interfax) -" must not be split.
        skip = doc.dateline[1] if doc.dateline and start == 0 else 0
        doc.sentences.extend(
            split_sentences(
                paragraph[skip:], start + skip, capitals=language.capitals,
                openers=language.sentence_openers, closers=language.sentence_closers,
                abbreviations=language.abbreviations,
            )
        )
    return doc
