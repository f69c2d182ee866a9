"""The accuracy benchmark's scoring, and the table it puts on the "How this is made" page."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from chrono.accuracy import ACCURACY_MARKER, load_accuracy, render_accuracy_section, render_method_page

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_accuracy", REPO / "benchmarks" / "bench_accuracy.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_accuracy"] = bench  # dataclasses look their module up by name
_spec.loader.exec_module(bench)


def test_names_match_across_spellings_but_not_across_people() -> None:
    lavrov = {"name": "Sergey Lavrov", "aliases": ["Lavrov"]}
    assert bench.same_person("Sergei Lavrov", lavrov)
    assert bench.same_person("Sergey Lavrov", lavrov)
    assert not bench.same_person("Sergei Ivanov", lavrov)
    assert bench.same_person("Michael Pompeo", {"name": "Mike Pompeo"})
    # two romanisations of one Russian surname, but not two surnames
    assert bench.same_person("Yuri Baluevsky", {"name": "Yury Baluyevsky"})
    assert bench.same_person("Gennady Seleznyov", {"name": "Gennadiy Seleznev"})
    assert not bench.same_person("Yuri Baluevsky", {"name": "Yury Balakin"})


def test_entity_names_match_as_the_text_writes_them() -> None:
    cfe = {"name": "Treaty on Conventional Armed Forces in Europe", "abbreviation": "CFE", "aliases": ["CFE Treaty"]}
    assert bench.same_entity("Conventional Forces in Europe (CFE) Treaty", cfe)
    assert bench.same_entity("the CFE Treaty", cfe)
    assert not bench.same_entity("Open Skies Treaty", cfe)


def test_roles_match_when_one_holds_the_others_words() -> None:
    assert bench.same_role("Russian Foreign Minister", "Foreign Minister")
    assert bench.same_role("NATO Secretary-General", "NATO Secretary General")
    assert not bench.same_role("Defence Minister", "Foreign Minister")
    assert not bench.same_role("Foreign Minister", None)


def _case(tmp_path: Path, truth: dict, text: str = "Story text.") -> object:
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")
    case = bench.Case("c", "development", tmp_path / "c.yml", {"url": "http://x", "publisher": "The Daily Example", "truth": truth})
    bench.TEXTS = tmp_path  # the case reads its text from here
    return case


def test_a_title_that_is_a_masthead_stamp_or_listed_furniture_is_furniture(tmp_path: Path) -> None:
    case = _case(tmp_path, {"furniture": ["All news", "Photo: Anna Example/Agency"]})
    assert bench.is_furniture("The Daily Example", case)
    assert bench.is_furniture("All news", case)
    assert bench.is_furniture("Wednesday, 16 February, 2000, 17:21 GMT", case)
    assert not bench.is_furniture("Russia and NATO restore severed ties", case)
    assert bench.is_furniture(None, case)
    # The headline itself is no furniture, though a breadcrumb listed as furniture holds it.
    crumbs = _case(tmp_path, {"title": "Allies answer Moscow", "furniture": ["Home > World > Allies answer Moscow"]})
    assert not bench.is_furniture("Allies answer Moscow", crumbs)
    assert bench.is_furniture("Home > World > Allies answer Moscow", crumbs)


def test_a_case_is_scored_field_by_field(tmp_path: Path) -> None:
    truth = {
        "date": "2019-07-05", "precision": "day", "end_date": None, "place": "Brussels",
        "people": [{"name": "Jens Stoltenberg", "role": "NATO Secretary General"}, {"name": "Anna Byline", "role": None}],
        "organizations": ["NATO"], "treaties": ["INF Treaty"],
        "quotes": [{"speaker": "Jens Stoltenberg", "starts": "We have not seen any signs"}],
        "furniture": ["By Anna Byline"],
    }
    case = _case(tmp_path, truth, "By Anna Byline\nStoltenberg said: We have not seen any signs of a breakthrough.")
    result = {
        "event": {
            "date": "2019-07-05", "place": "brussels", "title": "No breakthrough on the INF Treaty",
            "people": [{"id": "jens-stoltenberg", "role": "NATO Secretary General"}],
            "organizations": ["nato"], "treaties": ["inf-treaty"],
            "quotes": [{"speaker": "jens-stoltenberg", "text": "We have not seen any signs of a breakthrough."}],
        },
        "entities": {
            "people": {"jens-stoltenberg": {"name": "Jens Stoltenberg"}},
            "organizations": {"nato": {"name": "North Atlantic Treaty Organization", "abbreviation": "NATO"}},
            "treaties": {"inf-treaty": {"name": "Intermediate-Range Nuclear Forces Treaty", "abbreviation": "INF"}},
            "places": {"brussels": {"name": "Brussels"}},
        },
        "stderr": "",
    }
    scores = bench.Scores()
    assert bench.score_case(case, result, scores) == []
    summary = scores.summary()
    # The byline's name is not a person of the event: recall counts Stoltenberg alone.
    assert summary["counts"]["people_recall"] == [1, 1]
    assert summary["date_exact"] == summary["place"] == summary["quote_speaker"] == 1.0
    result["event"]["date"] = "2019-07-04"
    result["event"]["quotes"][0]["speaker"] = "nato"
    wrong = bench.score_case(case, result, scores := bench.Scores())
    assert scores.summary()["date_exact"] == 0.0 and scores.summary()["quote_speaker"] == 0.0
    assert any(line.startswith("date 2019-07-04") for line in wrong)


def test_the_method_page_shows_the_blind_figures_against_their_targets(tmp_path: Path) -> None:
    results = {
        "measured": "2026-11-29",
        "blind": {"cases": 24, "publishers": 22, "date_exact": 0.875, "counts": {"date_exact": [21, 24]}},
        "development": {"cases": 40, "date_exact": 0.9},
    }
    path = tmp_path / "benchmarks" / "results" / "accuracy.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(results), encoding="utf-8")
    page = render_method_page(f"# How this is made\n\n{ACCURACY_MARKER}\n", tmp_path)
    assert ACCURACY_MARKER not in page
    assert "| Main event's date, exactly | 0.88 (21/24) | ≥ 0.90 | 0.90 |" in page
    assert "24 blind cases from 22 publishers" in page
    assert "Right when sure" not in page  # no calibration measured: no table for it
    results["blind"]["calibration"] = {
        "date": {"sure_precision": 0.95, "sure_share": 0.8, "counts": {"sure": [19, 20], "doubted": [2, 4]}},
    }
    path.write_text(json.dumps(results), encoding="utf-8")
    page = render_method_page(f"# How this is made\n\n{ACCURACY_MARKER}\n", tmp_path)
    assert "| Main event's date | 0.95 (19/20) | 0.80 | – | – |" in page
    assert load_accuracy(tmp_path / "missing.json") == (None, None)
    assert "No accuracy figures yet" in render_accuracy_section(None)
    path.write_text("{not json", encoding="utf-8")
    assert "could not be read" in render_accuracy_section(*load_accuracy(path))


def test_fetch_puts_missing_texts_in_place_with_the_add_commands_page_reading(
    tmp_path: Path, monkeypatch: object, capsys: object
) -> None:
    """--fetch downloads a case's address (a real server on 127.0.0.1 here) and keeps the
    page's main text; an address that fails is named on one line and the others go on."""
    from pageserver import WIRE, serve_pages

    with serve_pages() as base:
        texts = tmp_path / "texts"
        cases = [
            bench.Case("wire", "development", tmp_path / "wire.yml", {"url": base + WIRE, "truth": {}}),
            bench.Case("gone", "development", tmp_path / "gone.yml", {"url": base + "/missing", "truth": {}}),
        ]
        bench.TEXTS = texts
        bench.fetch_missing(cases, timeout=5)
    text = (texts / "wire.txt").read_text(encoding="utf-8")
    assert "Northgate Wire" in text or "BRUSSELS" in text
    assert not (texts / "gone.txt").exists()
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert "gone: " in err and "404" in err


def test_the_method_page_shows_each_other_language_apart(tmp_path: Path) -> None:
    results = {
        "measured": "2026-12-06",
        "blind": {"cases": 24, "publishers": 22, "date_exact": 0.875},
        "development": {"cases": 40, "date_exact": 0.9},
        "languages": {"ru": {"development": {"cases": 44, "publishers": 40, "date_exact": 0.64, "counts": {"date_exact": [28, 44]}}}},
    }
    page = render_accuracy_section(results)
    assert "**Russian-language pages**, scored apart: no blind cases" in page
    assert "| Main event's date, exactly | – | ≥ 0.90 | 0.64 (28/44) |" in page
    # The English table is the same as without other languages.
    english = render_accuracy_section({k: v for k, v in results.items() if k != "languages"})
    assert page.startswith(english)
    # A language whose figures include calibration shows its own table of bets.
    assert "How the bets of the Russian drafts came out" not in page
    results["languages"]["ru"]["blind"] = {
        "cases": 22, "calibration": {"date": {"sure_precision": 0.83, "sure_share": 0.33, "counts": {"sure": [5, 6]}}},
    }
    page = render_accuracy_section(results)
    assert "How the bets of the Russian drafts came out:" in page
    assert "| Main event's date | 0.83 (5/6) | 0.33 | – | – |" in page


def test_the_method_page_lists_earlier_blind_sets_of_each_language() -> None:
    results = {
        "blind": {"cases": 32, "publishers": 31, "date_exact": 0.41},
        "development": {"cases": 217},
        "earlier_blind": [
            {"note": "blind set 3 (31 cases), scored once on 2026-12-06", "cases": 31, "date_exact": 0.548, "place": 0.484,
             "calibration": {"all": {"sure_precision": 0.9, "sure_share": 0.6}}},
            "not a mapping",
        ],
        "languages": {"ru": {"blind": {"cases": 22}, "earlier_blind": [{"note": "ru-1", "cases": 20, "quote_speaker": 0.42}]}},
    }
    page = render_accuracy_section(results)
    assert "Earlier English blind sets" in page
    assert "| blind set 3 | 2026-12-06 | 31 | 0.55 | 0.48 | – | – | 0.90 / 0.60 |" in page
    assert "Earlier Russian blind sets" in page and "| ru-1 | – | 20 | – | – | – | 0.42 | – |" in page
    assert page.index("Earlier English") < page.index("Russian-language pages") < page.index("Earlier Russian")
    del results["earlier_blind"]
    assert "Earlier English" not in render_accuracy_section(results)


def test_a_russian_case_is_scored_by_its_own_words(tmp_path: Path) -> None:
    # Fiction for the test: the text and quote are invented.
    truth = {
        "date": "2022-01-12", "precision": "day", "end_date": None, "place": "Brussels",
        "people": [{"name": "Alexander Grushko", "name_ru": "Александр Грушко", "role": "Deputy Foreign Minister"}],
        "organizations": ["Совет Россия–НАТО"], "organizations_en": ["NATO-Russia Council"],
        "treaties": [], "quotes": [{"speaker": "Alexander Grushko", "starts": "Мы не будем вести"}],
        "title": "Грушко: Москва ждет ответа", "furniture": ["Перейти к содержанию"],
    }
    case = _case(tmp_path, truth, "Перейти к содержанию\nГрушко заявил: «Мы не будем вести переговоры бесконечно».")
    case.data["language"] = "ru"
    result = {
        "event": {
            "date": "2022-01-12", "place": "brussels", "title": "Грушко: Москва ждет ответа",
            "people": [{"id": "alexander-grushko", "role": "Russian Deputy Foreign Minister"}],
            "organizations": ["nato-russia-council"], "treaties": [],
            "quotes": [{"speaker": "alexander-grushko", "text": "Мы не будем вести переговоры бесконечно", "lang": "ru"}],
        },
        "entities": {
            # A stub named by transliteration ("Aleksandr"), found by its Cyrillic alias.
            "people": {"alexander-grushko": {"name": "Aleksandr Grushko", "aliases": ["Александр Грушко"]}},
            "organizations": {"nato-russia-council": {"name": "NATO-Russia Council", "aliases": ["Совет Россия — НАТО"]}},
            "treaties": {},
            "places": {"brussels": {"name": "Brussels"}},
        },
        "stderr": "",
    }
    scores = bench.Scores()
    assert bench.score_case(case, result, scores) == []
    summary = scores.summary()
    assert summary["quote_speaker"] == summary["people_recall"] == summary["organizations_recall"] == 1.0
    assert summary["title_not_furniture"] == 1.0


def test_a_russian_quote_speaker_counts_by_the_cyrillic_name_as_people_do(tmp_path: Path) -> None:
    """A stub the transliteration names "Robert Pshel" is the case's Robert Pszczel by his
    Cyrillic name, for his quote as for the people score. Fiction for the test."""
    truth = {
        "date": "2011-06-08", "precision": "day", "end_date": None, "place": None,
        "people": [{"name": "Robert Pszczel", "name_ru": "Роберт Пшель", "role": None}],
        "organizations": [], "organizations_en": [], "treaties": [],
        "quotes": [{"speaker": "Robert Pszczel", "starts": "Это полная правда"}],
        "title": None, "furniture": [],
    }
    case = _case(tmp_path, truth, "Роберт Пшель: «Это полная правда».")
    case.data["language"] = "ru"
    result = {
        "event": {
            "date": "2011-06-08", "place": None, "title": "Пшель о правде",
            "people": [{"id": "robert-pshel", "role": None}], "organizations": [], "treaties": [],
            "quotes": [{"speaker": "robert-pshel", "text": "Это полная правда", "lang": "ru"}],
        },
        "entities": {
            "people": {"robert-pshel": {"name": "Robert Pshel", "aliases": ["Pshel", "Роберт Пшель", "Пшель"]}},
            "organizations": {}, "treaties": {}, "places": {},
        },
        "stderr": "",
    }
    scores = bench.Scores()
    assert bench.score_case(case, result, scores) == []
    summary = scores.summary()
    assert summary["quote_speaker"] == summary["people_recall"] == 1.0


def test_a_hand_edited_calibration_row_shows_a_dash_not_a_failed_build(tmp_path: Path) -> None:
    """The results file is the benchmark's, but a person may edit it or a run may write a
    field as text: a calibration value that is not a number shows "–", as the main table does,
    instead of stopping the site build with a formatting error."""
    results = {
        "blind": {"cases": 2, "calibration": {
            "date": {"sure_precision": "n/a", "sure_share": 0.5, "counts": {"sure": "19/20"}},
            "place": "not measured",
        }},
        "development": {"cases": 3, "calibration": ["not", "a", "mapping"]},
    }
    path = tmp_path / "benchmarks" / "results" / "accuracy.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(results), encoding="utf-8")
    page = render_method_page(f"{ACCURACY_MARKER}\n", tmp_path)
    assert "| Main event's date | – | 0.50 | – | – |" in page
    assert "| Place | – | – | – | – |" in page
