#!/usr/bin/env python3
"""Articles per second for `extract` on a few thousand generated ~3 KB articles.

Run: `.venv/bin/python benchmarks/bench_extract.py [--articles 3000] [--language ru]`. It builds
a throwaway project in a temporary folder (the real chronology's entity files, generated articles
and a sources.yml), then times the extraction rules alone and a whole `extract` run, which also
writes every entry and stub. Targets on a 2-core machine: 200 articles/s or more in English, 100
or more in Russian (`--language ru`: articles in the house style of Russian agencies, names in
every grammatical case, which the morphology reads).
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
from chrono.extract.gazetteer import GAZETTEER  # noqa: E402
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


RU_CITIES = ["МОСКВА", "БРЮССЕЛЬ", "ВЕНА", "ВАРШАВА", "ЖЕНЕВА", "БЕРЛИН"]
RU_PEOPLE = [
    # (office in the nominative, name in the nominative, the name in the genitive)
    ("Министр иностранных дел России", "Сергей Лавров", "Сергея Лаврова"),
    ("Генеральный секретарь НАТО", "Йенс Столтенберг", "Йенса Столтенберга"),
    ("Заместитель министра иностранных дел", "Александр Грушко", "Александра Грушко"),
    ("Министр обороны", "Ольга Брандт", "Ольги Брандт"),
    ("Начальник Генштаба", "Николай Макаров", "Николая Макарова"),
    ("Посол", "Пётр Новиков", "Петра Новикова"),
    ("Пресс-секретарь президента", "Дмитрий Песков", "Дмитрия Пескова"),
]
RU_WEEKDAYS = ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
RU_TOPICS = ["ДОВСЕ", "ДРСМД", "противоракетной обороне", "СНВ-3", "расширению альянса"]
RU_FILLER = (
    "Представители обеих сторон назвали атмосферу деловой, однако признали, что разногласия "
    "по поводу размещения сил у границ остаются значительными. Эксперты в нескольких столицах "
    "отметили, что переговоры прошли после многих месяцев взаимных обвинений и что ни одна из "
    "сторон не собирается менять позицию до следующего раунда встреч. "
)


def make_russian_article(rng: random.Random, number: int) -> tuple[str, str]:
    """A ~3,000-character article as a Russian agency writes it: a stamp line, a dateline
    ("МОСКВА, 12 янв – РИА Новости."), a relative day, offices and names in oblique cases,
    «» quotes with "– сказал ..." and "по словам ...", and a dated aside."""
    published = dt.date(1996, 1, 1) + dt.timedelta(days=rng.randrange(0, 26 * 365))
    city = rng.choice(RU_CITIES)
    office, name, genitive = rng.choice(RU_PEOPLE)
    other_office, other, other_genitive = rng.choice(RU_PEOPLE)
    weekday = rng.choice(RU_WEEKDAYS)
    topic = rng.choice(RU_TOPICS)
    month = RU_MONTHS[rng.randrange(12)]
    stamp = f"{published.day} {RU_MONTHS[published.month - 1]} {published.year}, {rng.randrange(10, 23)}:{rng.randrange(10, 59)}"
    paragraphs = [
        f"Переговоры по {topic} завершились без согласия ({number})",
        stamp,
        f"{city}, {published.day} {RU_MONTHS[published.month - 1][:3]} – РИА Новости. {office} {name} "
        f"{weekday} заявил, что переговоры по {topic} завершились без согласия.",
        f"«Мы внимательно выслушали партнеров, но разрыв остается большим», – сказал {name.split()[-1]} журналистам после встречи.",
        f"По словам {other_genitive}, стороны встретятся снова {rng.randrange(1, 28)} {month}, чтобы продолжить работу.",
        f"«Диалог – это не награда, а необходимость, – подчеркнул он. – Мы готовы работать дальше».",
        f"В {month.replace('я', 'е') if month.endswith('я') else month} {published.year - 1} года министры уже встречались в Вене для обсуждения тех же вопросов.",
    ]
    paragraphs += [RU_FILLER * 2 for _ in range(3)]
    paragraphs += ["Читайте также", "Комментарии"]
    return "\n\n".join(paragraphs) + "\n", published.isoformat()


def build_project(target: Path, count: int, language: str = "en") -> None:
    shutil.copytree(ROOT / "chronology", target / "chronology", ignore=shutil.ignore_patterns("events", ".*"))
    (target / "chronology" / "events").mkdir()
    seeds = target / "seeds"
    seeds.mkdir()
    rng = random.Random(1996)
    facts = {}
    for number in range(count):
        text, published = (make_russian_article if language == "ru" else make_article)(rng, number)
        name = f"{number:05d}.txt"
        (seeds / name).write_text(text, encoding="utf-8")
        facts[name] = {"published": published, "publisher": "Bench Wire"}
    (seeds / "sources.yml").write_text(yaml.safe_dump(facts), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="how many articles to generate (default 3000)")
    parser.add_argument("--language", choices=["en", "ru"], default="en", help="the articles' language (default en)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build_project(root, args.articles, args.language)
        paths = sorted((root / "seeds").glob("*.txt"))
        size = sum(p.stat().st_size for p in paths) / len(paths)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths) / len(paths)
        errors: list = []
        entities, _ = load_entities(root / "chronology", root, errors)
        catalog = Catalog(entities["people"], entities["organizations"], entities["treaties"], entities["places"], GAZETTEER)
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
    print(f"{len(paths)} articles ({args.language}), {size / 1024:.1f} KB ({chars:.0f} characters) on average; load average {load:.1f}")
    print(f"{'':30} {'articles/s':>10} {'per CPU-s':>10}")
    print(f"{'rules only (read + extract)':30} {len(paths) / rules:10.0f} {len(paths) / rules_cpu:10.0f}")
    print(f"{'whole extract, first run':30} {len(paths) / whole:10.0f} {len(paths) / whole_cpu:10.0f}"
          f"   ({len(report.changes)} files written, {len(report.errors)} errors)")
    print(f"{'whole extract, unchanged run':30} {len(paths) / rerun:10.0f} {len(paths) / rerun_cpu:10.0f}"
          f"   ({len(again.changes)} files written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
