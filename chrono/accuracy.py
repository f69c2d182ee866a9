"""The extractor's measured accuracy, for the "How this is made" page.

`benchmarks/bench_accuracy.py` scores the extractor on real news pages it was not written
against and writes `benchmarks/results/accuracy.json`; this module turns the blind part of those
results into the Markdown table that replaces the page's marker, as the Performance page shows
the build benchmark's results.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ACCURACY_FILE = "benchmarks/results/accuracy.json"
ACCURACY_MARKER = "<!-- chronology:accuracy -->"
METHOD_PAGE = "about/method.md"
BENCHMARK_COMMAND = "python benchmarks/bench_accuracy.py --split blind"

FIELDS = (
    # (results key, what a reader sees, target on the blind part or None)
    ("date_exact", "Main event's date, exactly", 0.90),
    ("date_to_precision", "Main event's date, to the precision the truth gives", None),
    ("place", "Place", 0.85),
    ("people_f1", "People (F1 of precision and recall)", 0.92),
    ("people_precision", "People: precision", None),
    ("people_recall", "People: recall", None),
    ("roles", "Roles of the people found", None),
    ("organizations_recall", "Organizations: recall", None),
    ("treaties_recall", "Treaties: recall", None),
    ("quote_speaker", "Quote → speaker", 0.85),
    ("title_not_furniture", "Titles that are not page furniture", 1.0),
)


LANGUAGE_NAMES = {"ru": "Russian", "it": "Italian", "en": "English", "de": "German", "fr": "French"}
"""Languages scored apart from English (`languages` in the results file), as a reader names them."""
LANGUAGE_TARGETS = {
    "ru": {"date_exact": 0.90, "place": 0.85, "people_f1": 0.90, "quote_speaker": 0.85, "title_not_furniture": 1.0},
}
"""Targets on the blind part of each other language's corpus (issue 20)."""


def load_accuracy(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The parsed results file, or None and a reason a reader can act on."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, f"the results file could not be read ({error})"
    if not isinstance(data, dict):
        return None, "the results file is not a mapping of splits"
    return data, None


def render_accuracy_section(results: dict[str, Any] | None, problem: str | None = None) -> str:
    """Markdown: the blind figures against their targets, the development figures beside them."""
    blind = (results or {}).get("blind")
    if not isinstance(blind, dict):
        reason = f"No accuracy figures can be shown: {problem}." if problem else "No accuracy figures yet."
        return f"_{reason} Run `{BENCHMARK_COMMAND}` to produce them._"
    development = (results or {}).get("development") or {}
    lines = [
        f"Measured on {blind.get('cases', '?')} blind cases from {blind.get('publishers', '?')} "
        f"publishers (and, for comparison, {development.get('cases', '?')} development cases), "
        f"{results.get('measured', 'date unknown') if results else ''}:",
        "",
        "| What the extractor finds | Blind | Target | Development |",
        "|---|---:|---:|---:|",
    ]
    for key, label, target in FIELDS:
        lines.append(
            f"| {label} | {_cell(blind, key)} | {_target(target)} | {_cell(development, key)} |"
        )
    lines += [
        "",
        "The blind cases were annotated before the extractor ever ran on them, and scored once; "
        "the development cases are the ones the rules were corrected against, so their figures "
        "are higher than a new article can expect.",
    ]
    if isinstance(blind.get("calibration"), dict):
        lines += ["", *render_calibration(blind, development)]
    lines += _earlier_blind_lines((results or {}).get("earlier_blind"), "English")
    for code, splits in sorted(((results or {}).get("languages") or {}).items()):
        if isinstance(splits, dict):
            lines += ["", *_language_section(code, splits)]
    return "\n".join(lines)


CALIBRATED_FIELDS = (
    ("date", "Main event's date"),
    ("place", "Place"),
    ("quote_speaker", "Each quote's speaker"),
    ("person", "Each person named"),
    ("all", "All four together"),
)
SURE_TARGET = 0.97
SHARE_TARGET = 0.75


def render_calibration(
    blind: dict[str, Any], development: dict[str, Any], intro: str | None = None
) -> list[str]:
    """Markdown lines: how often a field the extractor did not doubt is right, and how many
    fields it did not doubt, blind beside development."""
    lines = [
        intro or (
            "Each draft says where it may be wrong (its `doubts`). A field without a doubt is one the "
            "extractor would bet on; this is how those bets came out, and how many fields it was "
            "sure of:"
        ),
        "",
        f"| Field | Right when sure, blind (target ≥ {SURE_TARGET:.2f}) | Sure of, blind "
        f"(target ≥ {SHARE_TARGET:.2f}) | Right when sure, development | Sure of, development |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, label in CALIBRATED_FIELDS:
        cells = []
        for summary in (blind, development):
            # Read as leniently as `_cell`: a value of another type shows "–", not an error.
            calibration = summary.get("calibration")
            row = calibration.get(key) if isinstance(calibration, dict) else None
            row = row if isinstance(row, dict) else {}
            counts = row.get("counts") if isinstance(row.get("counts"), dict) else {}
            sure = counts.get("sure")
            right, share = row.get("sure_precision"), row.get("sure_share")
            if isinstance(right, (int, float)):
                shown = f"{right:.2f}"
                if isinstance(sure, list) and len(sure) == 2:
                    shown += f" ({sure[0]}/{sure[1]})"
                cells.append(shown)
            else:
                cells.append("–")
            cells.append(f"{share:.2f}" if isinstance(share, (int, float)) else "–")
        lines.append(f"| {label} | {' | '.join(cells)} |")
    return lines


def _count(number: Any, noun: str) -> str:
    """"1 blind case", "20 blind cases", "no development cases"."""
    if not isinstance(number, int) or number == 0:
        return f"no {noun}s"
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _language_section(code: str, splits: dict[str, Any]) -> list[str]:
    """Another language's figures, scored apart from the English ones, in the same table."""
    name = LANGUAGE_NAMES.get(code, code)
    blind = splits.get("blind") if isinstance(splits.get("blind"), dict) else {}
    development = splits.get("development") if isinstance(splits.get("development"), dict) else {}
    targets = LANGUAGE_TARGETS.get(code, {})
    lines = [
        f"**{name}-language pages**, scored apart: {_count(blind.get('cases'), 'blind case')} from "
        f"{_count(blind.get('publishers'), 'publisher')}, {_count(development.get('cases'), 'development case')}.",
        "",
        f"| What the extractor finds ({name}) | Blind | Target | Development |",
        "|---|---:|---:|---:|",
    ]
    for key, label, _ in FIELDS:
        lines.append(f"| {label} | {_cell(blind, key)} | {_target(targets.get(key))} | {_cell(development, key)} |")
    if isinstance(blind.get("calibration"), dict) or isinstance(development.get("calibration"), dict):
        lines += ["", *render_calibration(blind, development, f"How the bets of the {name} drafts came out:")]
    return lines + _earlier_blind_lines(splits.get("earlier_blind"), name)


EARLIER_FIELDS = (
    ("date_exact", "Date, exactly"),
    ("place", "Place"),
    ("people_f1", "People F1"),
    ("quote_speaker", "Quote → speaker"),
)


def _earlier_blind_lines(earlier: Any, language: str) -> list[str]:
    """Markdown lines: each earlier round's blind set, scored once and since moved to
    development, so a reader sees how figures on unseen pages moved from round to round."""
    rounds = [entry for entry in earlier if isinstance(entry, dict)] if isinstance(earlier, list) else []
    if not rounds:
        return []
    lines = [
        "",
        f"Earlier {language} blind sets, each scored once at the end of its round and then moved to "
        "development (oldest first):",
        "",
        f"| Blind set | Scored | Cases | {' | '.join(label for _, label in EARLIER_FIELDS)} | Right when sure / sure of, all four |",
        "|---|---|---:|" + "---:|" * len(EARLIER_FIELDS) + "---:|",
    ]
    for entry in rounds:
        note = entry.get("note") if isinstance(entry.get("note"), str) else ""
        # "blind set 3 (31 English cases), scored once on 2026-12-06 ...": its name and day
        name = re.split(r"\s*[(,]", note, maxsplit=1)[0].strip() or "–"
        scored = re.search(r"\b\d{4}-\d{2}-\d{2}\b", note)
        cases = entry.get("cases") if isinstance(entry.get("cases"), int) else "–"
        cells = [_cell(entry, key) for key, _ in EARLIER_FIELDS]
        calibration = entry.get("calibration")
        both = calibration.get("all") if isinstance(calibration, dict) else None
        both = both if isinstance(both, dict) else {}
        right, share = both.get("sure_precision"), both.get("sure_share")
        sure = (
            f"{right:.2f} / {share:.2f}"
            if isinstance(right, (int, float)) and isinstance(share, (int, float)) else "–"
        )
        lines.append(f"| {name} | {scored[0] if scored else '–'} | {cases} | {' | '.join(cells)} | {sure} |")
    return lines


def _cell(summary: dict[str, Any], key: str) -> str:
    value = summary.get(key)
    if not isinstance(value, (int, float)):
        return "–"
    counts = (summary.get("counts") or {}).get(key)
    shown = f"{value:.2f}"
    if isinstance(counts, list) and len(counts) == 2:
        shown += f" ({counts[0]}/{counts[1]})"
    return shown


def _target(target: float | None) -> str:
    if target is None:
        return ""
    return "all" if target == 1.0 else f"≥ {target:.2f}"


def render_method_page(markdown: str, root: Path) -> str:
    """The hand-written page with its accuracy marker replaced by the measured figures."""
    return markdown.replace(ACCURACY_MARKER, render_accuracy_section(*load_accuracy(root / ACCURACY_FILE)))
