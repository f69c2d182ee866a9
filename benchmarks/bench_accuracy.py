#!/usr/bin/env python3
"""How often `extract` gets each field right on real news pages it was not written against.

Run: `.venv/bin/python benchmarks/bench_accuracy.py [--split development|blind|all] [--show]`.

The corpus is in `benchmarks/accuracy/`: one annotation per case in `cases/<split>/<id>.yml`
(the truth, written before the extractor ran on the text) and the texts, which are not
committed, in `texts/<id>.txt`. Each case is extracted on its own: a scratch copy of the
project (the real chronology's entities and curated events, the case's text as the only
article in `seeds/`, its address and publisher in `sources.yml`) and a real
`build_chronology.py extract` run. The fields it writes are then compared with the truth.

`--fetch` puts missing texts in place from the cases' addresses, with the same page reading as
`build_chronology.py add`. Whole pages hold more than the stored excerpts the truth was written
from, so figures from fetched texts may differ a little.

Per-case differences are printed (`--show`) for the development split only: the blind split is
scored as a whole, once, at the end of a round of fixes.

Each language is scored apart (a case's `language:`, English when it gives none). The English
figures are the splits' own entries in the results file; the others are under `languages`. In a
Russian case the truth writes quotes, titles and furniture as the page does, people by their usual
English names (with `name_ru`), and organizations and treaties as the page names them (with
`organizations_en`, `treaties_en`); a person counts as found when the entry's name, an alias, its
transliteration or its Cyrillic alias is the truth's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "accuracy"
CASES = CORPUS / "cases"
TEXTS = CORPUS / "texts"
RESULTS = ROOT / "benchmarks" / "results" / "accuracy.json"
SPLITS = ("development", "blind")

READINGS: dict[str, str] = {}
"""Extra environment for the extract runs: CHRONO_READINGS with --readings."""

ENTITY_FILES = ("people", "organizations", "treaties", "places", "tags", "eras")


# ---------------------------------------------------------------- the corpus


@dataclass
class Case:
    id: str
    split: str
    path: Path
    data: dict[str, Any]

    @property
    def truth(self) -> dict[str, Any]:
        return self.data["truth"]

    @property
    def text_path(self) -> Path:
        return TEXTS / f"{self.id}.txt"

    @property
    def language(self) -> str:
        return str(self.data.get("language") or "en")


def load_cases(splits: tuple[str, ...]) -> list[Case]:
    cases = []
    for split in splits:
        for path in sorted((CASES / split).glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if data.get("id") != path.stem:
                raise SystemExit(f"{path.relative_to(ROOT)}: id {data.get('id')!r} is not the file name")
            cases.append(Case(path.stem, split, path, data))
    return cases


def fetch_missing(cases: list[Case], timeout: float) -> None:
    """Download each missing text and keep the page's main text, as `add` does."""
    try:
        from chrono.webpage import page_from_url  # type: ignore[import-not-found]
    except ImportError:
        raise SystemExit("--fetch needs chrono.webpage (the page reading of the `add` command)")
    TEXTS.mkdir(parents=True, exist_ok=True)
    for case in cases:
        if case.text_path.exists():
            continue
        try:
            page = page_from_url(case.data["url"], timeout=timeout)
        except Exception as error:  # one line per failure; the other cases go on
            print(f"{case.id}: {case.data['url']}: {error}", file=sys.stderr)
            continue
        case.text_path.write_text(page.text, encoding="utf-8")
        print(f"{case.id}: fetched", file=sys.stderr)


# ---------------------------------------------------------------- running the extractor


def make_scratch(base: Path, case: Case) -> Path:
    """A project with the real entities and reviewed events, and the case as its one article."""
    root = base / case.id
    chronology = root / "chronology"
    (chronology / "events").mkdir(parents=True)
    for name in ENTITY_FILES:
        shutil.copy(ROOT / "chronology" / f"{name}.yml", chronology / f"{name}.yml")
    for event in (ROOT / "chronology" / "events").glob("*.yml"):
        data = yaml.safe_load(event.read_text(encoding="utf-8"))
        # Drafts could absorb the case's article as a second source; reviewed entries never do.
        if data.get("provenance") == "curated" or data.get("status") == "reviewed":
            shutil.copy(event, chronology / "events" / event.name)
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(case.text_path, seeds / f"{case.id}.txt")
    truth = case.truth
    facts: dict[str, Any] = {"url": case.data["url"], "publisher": case.data.get("publisher")}
    if truth.get("published_from") == "page" and truth.get("published"):
        facts["published"] = str(truth["published"])
    (seeds / "sources.yml").write_text(
        yaml.safe_dump({f"{case.id}.txt": facts}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return root


def run_case(base: Path, case: Case) -> dict[str, Any]:
    """Extract the case's article in a scratch project; the main event and the entities."""
    root = make_scratch(base, case)
    process = subprocess.run(
        [sys.executable, str(ROOT / "build_chronology.py"), "--root", str(root), "extract", "--quiet", "--own-drafts"],
        capture_output=True, text=True, cwd=root, env={**os.environ, **READINGS},
    )
    article = f"{case.id}.txt"
    main = None
    for path in sorted((root / "chronology" / "events").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("provenance") != "extracted":
            continue
        articles = [s.get("article") for s in data.get("sources") or ()]
        mentioned = any("mentioned in passing" in r for r in data.get("review") or ())
        if article in articles and not mentioned:
            main = data
    entities = {
        name: yaml.safe_load((root / "chronology" / f"{name}.yml").read_text(encoding="utf-8")) or {}
        for name in ("people", "organizations", "treaties", "places")
    }
    readings: dict[str, str] = {}
    for line in process.stderr.splitlines():
        if line.startswith("readings "):
            readings = json.loads(line.removeprefix("readings "))
    stderr = "\n".join(line for line in process.stderr.splitlines() if not line.startswith("readings "))
    return {"event": main, "entities": entities, "stderr": stderr.strip(), "readings": readings}


# ---------------------------------------------------------------- comparing


def normalise(text: str | None) -> str:
    # Typographic apostrophes and dashes separate words as their ASCII forms do ("Putin’s" is
    # "putin s", not "putins"), before the accents are folded away.
    text = re.sub(r"[’‘ʼ′–—]", " ", str(text or ""))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("secretary-general", "secretary general")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def forms_of(entry: dict[str, Any] | None) -> set[str]:
    """Every way an entity may be written: name, aliases, abbreviation."""
    if not entry:
        return set()
    names = [entry.get("name"), entry.get("abbreviation"), *(entry.get("aliases") or ())]
    return {normalise(n) for n in names if n}


def normalise_any(text: str | None) -> str:
    """`normalise` for text in any script: lower case, letters and digits of every alphabet
    kept ("ё" as "е"), everything else a space."""
    text = unicodedata.normalize("NFKC", str(text or "")).lower().replace("ё", "е")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def transliterate(text: str) -> str:
    from chrono.extract.lang.ru import transliterate as to_latin  # the extractor's own rule

    return to_latin(text)


def written_forms(entry: dict[str, Any] | None) -> set[str]:
    """Every form of the entry in its own script, and each Cyrillic one transliterated."""
    if not entry:
        return set()
    names = [entry.get("name"), entry.get("abbreviation"), *(entry.get("aliases") or ())]
    forms = {normalise_any(n) for n in names if n}
    forms |= {normalise(transliterate(n)) for n in names if n and re.search("[А-Яа-яЁё]", n)}
    return forms - {""}


def same_person_in(person: dict[str, Any], entry: dict[str, Any] | None) -> bool:
    """A Russian case's person: by the English name as `same_person` reads it, by the
    Cyrillic name (`name_ru`) among the entry's aliases, or by a transliterated alias."""
    if same_person(person["name"], entry):
        return True
    forms = written_forms(entry)
    return normalise_any(person.get("name_ru")) in forms or normalise(person["name"]) in forms


def named_in_text(person: dict[str, Any], text: str) -> bool:
    """A Russian case's person is named in the prose when the start of the Cyrillic surname
    is (case endings follow it: "Столтенберга"), or the English surname in transliteration."""
    surname_ru = normalise_any(person.get("name_ru")).split()[-1:]
    if surname_ru and re.search(rf"\b{re.escape(surname_ru[0][:max(4, len(surname_ru[0]) - 1)])}", text):
        return True
    surname = normalise(person["name"]).split()[-1:] or [""]
    return re.search(rf"\b{re.escape(surname[0][:max(4, len(surname[0]) - 1)])}", normalise(transliterate(text))) is not None


def _name_parts(name: str) -> tuple[str, str]:
    words = normalise(name).split()
    return (words[0] if words else "", words[-1] if words else "")


_TRANSLITERATION_VARIANTS = (("yu", "u"), ("iu", "u"), ("ye", "e"), ("yo", "e"), ("ya", "a"), ("ia", "a"), ("kh", "h"), ("y", "i"))


def _surname_key(surname: str) -> str:
    """A surname with the usual variants of romanising Russian folded (Baluyevsky and
    Baluevsky, Seleznyov and Seleznev), so two transliterations count as one name."""
    for variant, plain in _TRANSLITERATION_VARIANTS:
        surname = surname.replace(variant, plain)
    return surname[:-2] + "ev" if surname.endswith("ov") else surname  # Gorbachov, Gorbachev


def same_person(truth_name: str, entry: dict[str, Any] | None) -> bool:
    """The full name, an alias, or the same surname (up to the usual variants of romanising
    Russian) with the same first initial (Sergei and Sergey Lavrov; Mike and Michael Pompeo;
    Yury Baluyevsky and Yuri Baluevsky)."""
    forms = forms_of(entry)
    if normalise(truth_name) in forms:
        return True
    first, last = _name_parts(truth_name)
    for form in forms:
        other_first, other_last = _name_parts(form)
        if _surname_key(other_last) == _surname_key(last) and other_first[:1] == first[:1] and len(form.split()) >= 2:
            return True
    return False


_GENERIC_WORDS = {"the", "treaty", "agreement", "organization", "organisation"}


def _bare(text: str) -> str:
    return " ".join(w for w in text.split() if w not in _GENERIC_WORDS)


def same_entity(truth_name: str, entry: dict[str, Any] | None) -> bool:
    """The truth may write a name as the text does: "Conventional Forces in Europe (CFE)
    Treaty", "the co-operation charter (NATO-Russia Founding Act)". Each of its readings
    (whole, without the brackets, inside them) is compared with every form of the entry, with
    words like "the" and "treaty" set aside."""
    forms = {_bare(f) for f in forms_of(entry)} - {""}
    readings = {truth_name, re.sub(r"\s*\([^)]*\)", "", truth_name), *re.findall(r"\(([^)]*)\)", truth_name)}
    return any(_bare(normalise(r)) in forms for r in readings if normalise(r))


_ROLE_NOISE = {"the", "of", "a", "an", "s", "and", "for", "to", "then", "former"}


def role_words(role: str | None) -> set[str]:
    return {w for w in normalise(role).split() if w not in _ROLE_NOISE}


def same_role(truth: str | None, extracted: str | None) -> bool:
    wanted, got = role_words(truth), role_words(extracted)
    return bool(wanted and got) and (wanted <= got or got <= wanted)


_CREDITS = re.compile(r"\((?:reporting|writing|editing|additional reporting|compiled)\b[^)]*\)", re.IGNORECASE)


def article_prose(case: Case, normalised: Callable[[str | None], str] = normalise) -> str:
    """The case's text without the lines its truth lists as furniture, nor reporting credits."""
    text = case.text_path.read_text(encoding="utf-8")
    # Whole lines only: a furniture line that is a name ("Kay Bailey Hutchison" under a
    # photo) must not remove that name from the transcript's turns.
    furniture = {str(line).strip() for line in case.truth.get("furniture") or ()}
    lines = text.split("\n")
    whole = {line.strip() for line in lines} & furniture
    text = "\n".join(line for line in lines if line.strip() not in whole)
    for part in furniture - whole:  # a fragment of a line (a byline glued to a stamp)
        text = text.replace(part, " ")
    return normalised(_CREDITS.sub(" ", text))


def named_in(name: str, prose: str) -> bool:
    surname = normalise(name).split()[-1:] or [""]
    return re.search(rf"\b{re.escape(surname[0])}\b", prose) is not None


def is_furniture(title: str | None, case: Case) -> bool:
    """A title that is a masthead, a navigation word, a caption, a byline or a stamp."""
    normalised = normalise if case.language == "en" else normalise_any
    words = normalised(title)
    if not words:
        return True
    if re.fullmatch(r"[\d\s]+|(?:[^\W\d_]+ )?\d{1,2} [^\W\d_]+ \d{4}.*|[^\W\d_]+ \d{1,2} \d{4}.*", words):
        return True  # a date stamp
    if words == normalised(case.truth.get("title")):
        return False  # the headline itself, though a listed line (a breadcrumb) also holds it
    lines = [*(case.truth.get("furniture") or ()), case.data.get("publisher")]
    for line in lines:
        other = normalised(line)
        if not other:
            continue
        if words == other or (words in other and len(words) >= 0.5 * len(other)) or (
            other in words and len(other) >= 0.6 * len(words)
        ):
            return True
    return False


def quote_locator(text: str, language: str = "en") -> str:
    return " ".join((normalise if language == "en" else normalise_any)(text).split()[:5])


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool, count: int = 1) -> None:
        self.total += count
        self.right += count if ok else 0

    @property
    def ratio(self) -> float | None:
        return round(self.right / self.total, 3) if self.total else None


@dataclass
class Scores:
    date_exact: Tally = field(default_factory=Tally)
    date_to_precision: Tally = field(default_factory=Tally)
    end_date: Tally = field(default_factory=Tally)
    place: Tally = field(default_factory=Tally)
    people_precision: Tally = field(default_factory=Tally)
    people_recall: Tally = field(default_factory=Tally)
    roles: Tally = field(default_factory=Tally)
    organizations_precision: Tally = field(default_factory=Tally)
    organizations_recall: Tally = field(default_factory=Tally)
    treaties_precision: Tally = field(default_factory=Tally)
    treaties_recall: Tally = field(default_factory=Tally)
    quote_speaker: Tally = field(default_factory=Tally)
    title_not_furniture: Tally = field(default_factory=Tally)
    extracted: Tally = field(default_factory=Tally)
    calibration: dict[str, Calibration] = field(default_factory=dict)
    """Per field kind (date, place, quote speaker, person): fields with and without a doubt."""
    bases: dict[str, Tally] = field(default_factory=dict)
    """With CHRONO_EXPLAIN set: how right each of the extractor's readings is."""

    def calibrate(self, kind: str, doubted: bool, ok: bool) -> None:
        self.calibration.setdefault(kind, Calibration()).add(doubted, ok)

    def summary(self) -> dict[str, Any]:
        tallies = {name: t for name, t in vars(self).items() if isinstance(t, Tally)}
        out: dict[str, Any] = {name: tally.ratio for name, tally in tallies.items()}
        p, r = self.people_precision.ratio, self.people_recall.ratio
        out["people_f1"] = round(2 * p * r / (p + r), 3) if p and r else 0.0
        out["counts"] = {name: [t.right, t.total] for name, t in tallies.items()}
        pooled = Calibration()
        for calibration in self.calibration.values():
            pooled.merge(calibration)
        out["calibration"] = {
            kind: self.calibration[kind].summary() for kind in CALIBRATED if kind in self.calibration
        } | {"all": pooled.summary()}
        return out


CALIBRATED = ("date", "place", "quote_speaker", "person")
"""The fields whose doubts are scored: each is right or wrong, with or without a doubt."""


@dataclass
class Calibration:
    """A field kind's values split by whether the extractor doubted them."""

    sure: Tally = field(default_factory=Tally)
    doubted: Tally = field(default_factory=Tally)

    def add(self, doubted: bool, ok: bool) -> None:
        (self.doubted if doubted else self.sure).add(ok)

    def merge(self, other: Calibration) -> None:
        for name in ("sure", "doubted"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine.right += theirs.right
            mine.total += theirs.total

    def summary(self) -> dict[str, Any]:
        total = self.sure.total + self.doubted.total
        return {
            "sure_precision": self.sure.ratio,
            "sure_share": round(self.sure.total / total, 3) if total else None,
            "doubted_precision": self.doubted.ratio,
            "counts": {"sure": [self.sure.right, self.sure.total], "doubted": [self.doubted.right, self.doubted.total]},
        }


def _truncate(iso: str, precision: str) -> str:
    return iso[: {"year": 4, "month": 7, "day": 10}[precision]]


def score_case(case: Case, result: dict[str, Any], scores: Scores) -> list[str]:
    """Add one case to the tallies; return what it got wrong, for --show."""
    truth = case.truth
    event = result["event"]
    wrong: list[str] = []
    scores.extracted.add(event is not None)
    if event is None:
        event = {}
        wrong.append(f"no event extracted: {result['stderr'][:200]}")
    entities = result["entities"]

    doubts = event.get("doubts") or {}
    explained = result.get("readings") or {}

    def explain(name: str, ok: bool) -> None:
        if name in explained:
            kind = re.sub(r"\[\d+\]", "", name)
            scores.bases.setdefault(f"{kind}: {explained[name]}", Tally()).add(ok)

    date = str(event.get("date") or "")
    truth_date = str(truth.get("date") or "")
    precision = truth.get("precision") or "day"
    exact = date == truth_date
    scores.date_exact.add(exact)
    if event:
        scores.calibrate("date", "date" in doubts, exact)
        explain("date", exact)
        if "date" in doubts:
            scores.bases.setdefault(f"date doubt: {doubts['date'][:40]}", Tally()).add(exact)
    to_precision = len(date) >= len(truth_date) and _truncate(date, precision) == truth_date
    scores.date_to_precision.add(to_precision)
    if not exact:
        basis = event.get("date_basis") or {}
        mark = " [doubted]" if "date" in doubts else ""
        wrong.append(f"date{mark} {date or None} (truth {truth_date}); basis {basis.get('phrase')!r}: {basis.get('rule')}")
    if truth.get("end_date") or event.get("end_date"):
        ok = str(event.get("end_date") or "") == str(truth.get("end_date") or "")
        scores.end_date.add(ok)
        if not ok:
            wrong.append(f"end_date {event.get('end_date')} (truth {truth.get('end_date')})")

    place = event.get("place")
    truth_place = truth.get("place")
    if truth_place is None:
        ok = place is None
    else:
        ok = place is not None and same_entity(truth_place, entities["places"].get(place))
    scores.place.add(ok)
    if event:
        scores.calibrate("place", "place" in doubts, ok)
        explain("place", ok)
    if not ok:
        mark = " [doubted]" if "place" in doubts else ""
        wrong.append(f"place{mark} {place} (truth {truth_place}): {doubts.get('place') or explained.get('place', '')}")

    people = [(p["id"], p.get("role")) for p in event.get("people") or ()]
    english = case.language == "en"
    prose = article_prose(case) if english else article_prose(case, normalise_any)
    # Bylines, photo credits and reporting credits name the page's journalists, not people
    # of the event: a person named only there is left out.
    truth_people = [
        p for p in truth.get("people") or []
        if (named_in(p["name"], prose) if english else named_in_text(p, prose))
    ]
    matched_ids: set[str] = set()
    for person in truth_people:
        hit = next(
            (
                pid for pid, _ in people
                if (same_person(person["name"], entities["people"].get(pid)) if english
                    else same_person_in(person, entities["people"].get(pid)))
            ),
            None,
        )
        scores.people_recall.add(hit is not None)
        if hit is None:
            wrong.append(f"person missed: {person['name']}")
            continue
        matched_ids.add(hit)
        if person.get("role"):
            role = dict(people)[hit]
            ok = same_role(person["role"], role)
            scores.roles.add(ok)
            if not ok:
                wrong.append(f"role of {person['name']}: {role!r} (truth {person['role']!r})")
    for index, (pid, _) in enumerate(people):
        ok = pid in matched_ids
        scores.people_precision.add(ok)
        scores.calibrate("person", f"people[{index}]" in doubts, ok)
        explain(f"people[{index}]", ok)
        if not ok:
            name = (entities["people"].get(pid) or {}).get("name", pid)
            mark = " [doubted]" if f"people[{index}]" in doubts else ""
            wrong.append(f"person not in the text's truth{mark}: {name} ({pid})")

    for kind, key in (("organizations", "organizations"), ("treaties", "treaties")):
        extracted = list(event.get(key) or ())
        truth_names = list(truth.get(key) or ())
        # A Russian case names them as the page does, with the English names beside them.
        english_names = list(truth.get(f"{key}_en") or ()) if not english else []
        hits: set[str] = set()
        for position, name in enumerate(truth_names):
            readings = [name, *english_names[position : position + 1]]
            hit = next(
                (
                    i for i in extracted
                    if any(same_entity(r, entities[kind].get(i)) for r in readings)
                    or (not english and normalise_any(name) in written_forms(entities[kind].get(i)))
                ),
                None,
            )
            getattr(scores, f"{kind}_recall").add(hit is not None)
            if hit is None:
                wrong.append(f"{kind[:-1]} missed: {name}")
            else:
                hits.add(hit)
        for item in extracted:
            ok = item in hits
            getattr(scores, f"{kind}_precision").add(ok)
            if not ok:
                wrong.append(f"{kind[:-1]} not in the truth: {item}")

    quotes = event.get("quotes") or []
    for quote in truth.get("quotes") or ():
        if not quote.get("speaker"):
            continue
        locator = quote_locator(quote["starts"], case.language)
        normalised = normalise if english else normalise_any
        index = next((i for i, q in enumerate(quotes) if locator and locator in normalised(q.get("text"))), None)
        found = quotes[index] if index is not None else None
        speaker = found.get("speaker") if found else None
        entry = entities["people"].get(speaker) or entities["organizations"].get(speaker)
        # A Russian case's speaker is the same person the people score accepts: by the
        # Cyrillic name too ("Оана Лунгеску" for a stub the transliteration names otherwise).
        person = next((p for p in truth.get("people") or () if p.get("name") == quote["speaker"]), None)
        ok = found is not None and (
            (same_person_in(person, entities["people"].get(speaker)) if person and not english
             else same_person(quote["speaker"], entities["people"].get(speaker)))
            or same_entity(quote["speaker"], entities["organizations"].get(speaker))
        )
        scores.quote_speaker.add(ok)
        if found is not None:
            scores.calibrate("quote_speaker", f"quotes[{index}].speaker" in doubts, ok)
            explain(f"quotes[{index}]", ok)
        if not ok:
            said = (entry or {}).get("name", speaker) if found else "no such quote"
            mark = " [doubted]" if f"quotes[{index}].speaker" in doubts else ""
            how = explained.get(f"quotes[{index}]", "")
            wrong.append(f"quote{mark} {quote['starts'][:40]!r}: {said} (truth {quote['speaker']}) {how}")

    title = event.get("title")
    ok = not is_furniture(title, case)
    scores.title_not_furniture.add(ok)
    if not ok:
        wrong.append(f"title is page furniture: {title!r}")
    return wrong


# ---------------------------------------------------------------- report


ROWS = (
    ("main event extracted", "extracted"),
    ("date exact", "date_exact"),
    ("date right to its precision", "date_to_precision"),
    ("end date", "end_date"),
    ("place", "place"),
    ("people precision", "people_precision"),
    ("people recall", "people_recall"),
    ("people F1", "people_f1"),
    ("roles", "roles"),
    ("organizations precision", "organizations_precision"),
    ("organizations recall", "organizations_recall"),
    ("treaties precision", "treaties_precision"),
    ("treaties recall", "treaties_recall"),
    ("quote -> speaker", "quote_speaker"),
    ("titles not page furniture", "title_not_furniture"),
)


def print_table(results: dict[str, dict[str, Any]]) -> None:
    splits = list(results)
    print(f"{'field':30}" + "".join(f"{s:>22}" for s in splits))
    for label, key in ROWS:
        cells = []
        for split in splits:
            summary = results[split]
            value = summary.get(key)
            count = summary["counts"].get(key)
            text = "-" if value is None else f"{value:.2f}"
            if count:
                text += f" ({count[0]}/{count[1]})"
            cells.append(f"{text:>22}")
        print(f"{label:30}" + "".join(cells))


CALIBRATION_LABELS = {"date": "date", "place": "place", "quote_speaker": "quote -> speaker", "person": "each person", "all": "all four"}


def print_calibration(results: dict[str, dict[str, Any]]) -> None:
    """Per field and split: how often a field without a doubt is right, and how many have none."""
    splits = list(results)
    print()
    print(f"{'without a doubt: right / share':30}" + "".join(f"{s:>22}" for s in splits))
    for kind, label in CALIBRATION_LABELS.items():
        cells = []
        for split in splits:
            row = results[split].get("calibration", {}).get(kind)
            if not row or row["sure_precision"] is None and row["sure_share"] is None:
                cells.append(f"{'-':>22}")
                continue
            right = "-" if row["sure_precision"] is None else f"{row['sure_precision']:.2f}"
            share = "-" if row["sure_share"] is None else f"{row['sure_share']:.2f}"
            sure = row["counts"]["sure"]
            cells.append(f"{right} / {share} ({sure[0]}/{sure[1]})".rjust(22))
        print(f"{label:30}" + "".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="development")
    parser.add_argument("--show", action="store_true", help="print each development case's mistakes")
    parser.add_argument("--case", action="append", default=[], help="only these development cases")
    parser.add_argument("--fetch", action="store_true", help="download missing texts first")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per download (--fetch)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--readings", action="store_true",
        help="also print how often each of the extractor's readings is right on the development split "
        "(the evidence the doubts are set from)",
    )
    parser.add_argument("--no-write", action="store_true", help=f"do not update {RESULTS.relative_to(ROOT)}")
    parser.add_argument("--language", action="append", default=[], help="only cases in this language (en, ru, ...)")
    args = parser.parse_args(argv)

    if args.readings:
        READINGS["CHRONO_READINGS"] = "1"
    splits = SPLITS if args.split == "all" else (args.split,)
    cases = load_cases(splits)
    if args.language:
        cases = [c for c in cases if c.language in args.language]
    if args.case:
        cases = [c for c in cases if c.id in args.case and c.split == "development"]
    if args.fetch:
        fetch_missing(cases, args.timeout)
    missing = [c for c in cases if not c.text_path.exists()]
    for case in missing:
        print(f"missing text: {case.text_path.relative_to(ROOT)} ({case.data['url']})", file=sys.stderr)
    cases = [c for c in cases if c.text_path.exists()]
    if not cases:
        print("no case has its text: see benchmarks/accuracy/README.md", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="accuracy-") as scratch:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            outcomes = list(pool.map(lambda c: run_case(Path(scratch), c), cases))

    # Each language apart: English in the splits' own entries, the others under "languages".
    by_language: dict[str, dict[str, dict[str, Any]]] = {}
    explained: dict[str, Tally] = {}
    for language in sorted({c.language for c in cases}, key=lambda code: (code != "en", code)):
        for split in splits:
            chosen = [(c, o) for c, o in zip(cases, outcomes) if c.split == split and c.language == language]
            if not chosen:
                continue
            scores = Scores()
            for case, outcome in chosen:
                wrong = score_case(case, outcome, scores)
                if args.show and split == "development" and wrong:
                    print(f"\n{case.id}  [{case.data.get('publisher')}]")
                    for line in wrong:
                        print(f"  - {line}")
            if split == "development" and language == "en":
                explained = scores.bases
            summary = scores.summary()
            summary["cases"] = len(chosen)
            summary["publishers"] = len({c.data.get("publisher") for c, _ in chosen})
            by_language.setdefault(language, {})[split] = summary
    results: dict[str, Any] = dict(by_language.get("en", {}))
    others = {language: splits_of for language, splits_of in by_language.items() if language != "en"}
    for language, splits_of in by_language.items():
        print(f"\n{language}:")
        print_table(splits_of)
        print_calibration(splits_of)
    if explained:
        print("\nhow often each reading is right (English, development):")
        for key, tally in sorted(explained.items()):
            print(f"  {tally.right:3}/{tally.total:<3} {key}")
    if missing:
        print(f"\n{len(missing)} case(s) skipped: text missing", file=sys.stderr)
    if not args.no_write and not args.case:
        previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        previous.update(results)
        for language, splits_of in others.items():
            previous.setdefault("languages", {}).setdefault(language, {}).update(splits_of)
        previous["measured"] = dt.date.today().isoformat()
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(previous, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
