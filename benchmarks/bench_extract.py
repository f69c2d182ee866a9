#!/usr/bin/env python3
"""Articles per second for `extract` on a few thousand generated ~3 KB articles.

Run: `.venv/bin/python benchmarks/bench_extract.py [--articles 3000]`. It builds a throwaway
project in a temporary folder (the real chronology's entity files, generated articles and a
sources.yml), then times the extraction rules alone and a whole `extract` run, which also
writes every entry and stub. Target: 200 articles/s or more on a 2-core machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chrono.entries import load_entities  # noqa: E402
from chrono.extract import Catalog, extract_article  # noqa: E402
from chrono.sources import read_article  # noqa: E402
from chrono.update import run_extraction  # noqa: E402

CITIES = ["BRUSSELS", "MOSCOW", "VIENNA", "WARSAW", "Prague", "GENEVA", "Berlin", "TALLINN"]
ROLES = [
    ("Foreign Minister", "Sergey Lavrov"), ("NATO Secretary General", "Jens Stoltenberg"),
    ("Defence Minister", "Olaf Brandt"), ("Deputy Foreign Minister", "Alexander Grushko"),
    ("U.S. Secretary of State", "Colin Powell"), ("Chief of the General Staff", "Nikolai Makarov"),
    ("Ambassador", "Petra Nowak"), ("Prime Minister", "Jonas Berg"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["the CFE Treaty", "the INF Treaty", "missile defence", "the NATO-Russia Council", "enlargement"]
FILLER = (
    "Officials on both sides described the atmosphere as businesslike but said that the "
    "differences over the deployment of forces near the borders remained wide. Analysts in "
    "several capitals noted that the talks came after months of mutual accusations and that "
    "neither side was expected to change its position before the next round of meetings. "
)


def make_article(rng: random.Random, number: int) -> tuple[str, str]:
    """A ~3 KB article with a headline, dateline, weekday, roles, quotes and a dated aside."""
    published = dt.date(1996, 1, 1) + dt.timedelta(days=rng.randrange(0, 26 * 365))
    city = rng.choice(CITIES)
    role, name = rng.choice(ROLES)
    other_role, other = rng.choice(ROLES)
    weekday = rng.choice(WEEKDAYS)
    topic = rng.choice(TOPICS)
    surname = name.split()[-1]
    month = dt.date(2000, rng.randrange(1, 13), 1).strftime("%B")
    paragraphs = [
        f"Talks on {topic} end without agreement ({number})",
        f"{city} -- {role} {name} on {weekday} said talks on {topic} had ended without agreement.",
        f'"We have listened carefully, but the gap remains wide," {surname} told reporters after the meeting.',
        f"{other_role} {other} said the sides would meet again on {month} {rng.randrange(1, 28)} to continue.",
        f'"Dialogue is not a reward, it is a necessity," {other.split()[-1]} said in a statement.',
        f"In {month} {published.year - 1}, the ministers met in Vienna to discuss the same questions.",
    ]
    paragraphs += [FILLER * 2 for _ in range(3)]
    paragraphs += ["Read more", "Related headline one", "Leave a Reply"]
    return "\n\n".join(paragraphs) + "\n", published.isoformat()


def build_project(target: Path, count: int) -> None:
    shutil.copytree(ROOT / "chronology", target / "chronology", ignore=shutil.ignore_patterns("events", ".*"))
    (target / "chronology" / "events").mkdir()
    seeds = target / "seeds"
    seeds.mkdir()
    rng = random.Random(1996)
    facts = {}
    for number in range(count):
        text, published = make_article(rng, number)
        name = f"{number:05d}.txt"
        (seeds / name).write_text(text, encoding="utf-8")
        facts[name] = {"published": published, "publisher": "Bench Wire"}
    (seeds / "sources.yml").write_text(yaml.safe_dump(facts), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="how many articles to generate (default 3000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build_project(root, args.articles)
        paths = sorted((root / "seeds").glob("*.txt"))
        size = sum(p.stat().st_size for p in paths) / len(paths)
        errors: list = []
        entities, _ = load_entities(root / "chronology", root, errors)
        catalog = Catalog(entities["people"], entities["organizations"], entities["treaties"], entities["places"])
        facts = yaml.safe_load((root / "seeds" / "sources.yml").read_text())
        start, cpu = time.perf_counter(), time.process_time()
        for path in paths:
            article, _ = read_article(path, {k: str(v) for k, v in facts[path.name].items()}, root)
            assert article is not None
            extract_article(article, catalog)
        rules, rules_cpu = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        report = run_extraction(root, [])
        whole, whole_cpu = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        again = run_extraction(root, [])
        rerun, rerun_cpu = time.perf_counter() - start, time.process_time() - cpu
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    # Wall-clock rates depend on what else the machine runs; the rate per CPU-second of this
    # process does not, so both are shown, with the load average at the end.
    print(f"{len(paths)} articles, {size / 1024:.1f} KB on average; load average {load:.1f}")
    print(f"{'':30} {'articles/s':>10} {'per CPU-s':>10}")
    print(f"{'rules only (read + extract)':30} {len(paths) / rules:10.0f} {len(paths) / rules_cpu:10.0f}")
    print(f"{'whole extract, first run':30} {len(paths) / whole:10.0f} {len(paths) / whole_cpu:10.0f}"
          f"   ({len(report.changes)} files written, {len(report.errors)} errors)")
    print(f"{'whole extract, unchanged run':30} {len(paths) / rerun:10.0f} {len(paths) / rerun_cpu:10.0f}"
          f"   ({len(again.changes)} files written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
