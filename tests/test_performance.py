"""The Performance page (chrono/performance.py) and a small run of the build benchmark."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

from chrono.performance import (
    PERFORMANCE_PAGE,
    RESULTS_FILE,
    load_results,
    nice_step,
    render_performance_page,
)

REPO = Path(__file__).resolve().parent.parent


def make_run(events: int, project_s: float, baseline_s: float) -> dict[str, Any]:
    side = {
        "peak_rss_mb": 80.0,
        "site_bytes": 4_200_000,
        "event_page_bytes": 24_000,
        "search_index_bytes": 150_000,
    }
    return {
        "events": events,
        "project": {"wall_s": project_s, **side},
        "baseline": {"wall_s": baseline_s, **side, "event_page_bytes": 17_500},
        "ratio_wall_paired": round(project_s / baseline_s, 3),
        "search_index_bytes_per_event": 150_000 / events,
    }


RESULTS: dict[str, Any] = {
    "started": "2026-11-24T14:00:00+00:00",
    "machine": {"cpus": 2, "python": "3.11.7", "mkdocs": "1.6.1", "mkdocs_material": "9.7.7"},
    "repeat": 3,
    "runs": [make_run(1000, 6.0, 4.0), make_run(100, 1.2, 1.0)],
    "targets": {
        "ratio_at_10000": {
            "text": "build time project/baseline at 10,000 events",
            "value": 1.4,
            "limit": 1.25,
            "unit": "×",
            "met": False,
        },
        "search_index_per_event": {
            "text": "search index bytes per event",
            "value": 900.0,
            "limit": 1536,
            "unit": "B",
            "met": True,
        },
        "peak_memory_at_20000": {
            "text": "peak memory at 20,000 events",
            "value": None,
            "limit": 1536,
            "unit": "MB",
            "met": None,
        },
    },
    "make_site": {"wall_s": 2.1, "exit_code": 0, "events": 42},
}


def test_page_has_a_row_per_run_in_order_of_n() -> None:
    markdown = render_performance_page(RESULTS)
    rows = [line for line in markdown.splitlines() if re.match(r"\| [\d,]+ \|", line)]
    # Two tables (time and memory, then sizes), each with one row per run, smallest N first.
    assert [row.split("|")[1].strip() for row in rows] == ["100", "1,000", "100", "1,000"]
    assert "| 1,000 | 6.00 | 4.00 | 1.50 | 80 | 80 |" in rows
    assert "medians" in markdown


def test_chart_is_inline_svg_with_one_point_per_run_and_build() -> None:
    markdown = render_performance_page(RESULTS)
    svg = markdown[markdown.index("<svg") : markdown.index("</svg>")]
    assert len(re.findall(r"<polyline ", svg)) == 2
    assert len(re.findall(r"<circle ", svg)) == 4
    assert "1,000 events: this site 6.0 s, baseline 4.0 s" in svg
    # Markdown passes an HTML block through only if it has no blank line inside.
    block = markdown[markdown.index("<figure") : markdown.index("</figure>")]
    assert "\n\n" not in block
    assert "<script" not in markdown and "http" not in block.replace("http://www.w3.org", "")


def test_targets_show_met_missed_and_not_measured() -> None:
    markdown = render_performance_page(RESULTS)
    assert "| build time project/baseline at 10,000 events | 1.40× | 1.25× | **no** |" in markdown
    assert "| search index bytes per event | 900 B | 1,536 B | yes |" in markdown
    assert "| peak memory at 20,000 events | – | 1,536 MB | not measured |" in markdown
    assert "`make site` on the real chronology (42 events) took 2.10 s." in markdown


def test_text_from_the_file_is_escaped() -> None:
    hostile = {**RESULTS, "machine": {"cpus": "<script>alert(1)</script>"}}
    markdown = render_performance_page(hostile)
    assert "<script>" not in markdown
    assert "&lt;script&gt;" in markdown


def test_no_results_and_broken_results_say_so(tmp_path: Path) -> None:
    assert load_results(tmp_path / "missing.json") == (None, None)
    assert "No benchmark results yet" in render_performance_page(None)
    broken = tmp_path / "latest.json"
    broken.write_text("{\n  'runs': [}\n", encoding="utf-8")
    data, problem = load_results(broken)
    assert data is None and problem is not None and "line 2" in problem
    assert (
        "No benchmark results can be shown: the results file is not valid JSON"
        in render_performance_page(data, problem)
    )
    broken.write_text('{"runs": [{"events": "many"}]}', encoding="utf-8")
    assert "No benchmark results yet" in render_performance_page(*load_results(broken))


def test_nice_step_gives_round_numbers() -> None:
    assert nice_step(20000) == 5000
    assert nice_step(93) == 20
    assert nice_step(0) == 1


def test_the_site_shows_the_page_from_the_results_file(project: Path) -> None:
    results = project / RESULTS_FILE
    results.parent.mkdir(parents=True)
    results.write_text(json.dumps(RESULTS), encoding="utf-8")
    config = load_config(
        config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True
    )
    build(config)
    html = (project / "site" / PERFORMANCE_PAGE.removesuffix(".md") / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<svg" in html and "<polyline" in html
    assert "<td>1,000</td>" in html or ">1,000</td>" in html


def test_benchmark_smoke_run_writes_results_of_the_documented_shape(tmp_path: Path) -> None:
    """N=20: both builds really run; this checks the shape of the output, not any speed."""
    output = tmp_path / "results.json"
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "bench_build.py"),
            "--sizes",
            "20",
            "--output",
            str(output),
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(output.read_text(encoding="utf-8"))
    assert {
        "started",
        "finished",
        "machine",
        "repeat",
        "seed",
        "runs",
        "targets",
        "make_site",
    } <= set(data)
    (run,) = data["runs"]
    assert run["events"] == 20
    for side in ("project", "baseline"):
        numbers = run[side]
        for key in (
            "wall_s",
            "cpu_s",
            "peak_rss_mb",
            "site_bytes",
            "event_page_bytes",
            "search_index_bytes",
        ):
            assert isinstance(numbers[key], (int, float)) and numbers[key] > 0, (side, key)
        assert len(numbers["walls_s"]) == 1
    assert run["ratio_wall_paired"] > 0
    assert run["search_index_bytes_per_event"] == round(
        run["project"]["search_index_bytes"] / 20, 1
    )
    assert data["targets"]["ratio_at_10000"]["met"] is None
    assert data["targets"]["search_index_per_event"]["met"] in (True, False)
    assert "N" in result.stdout and "results written to" in result.stdout
    # The temporary projects are removed after the run.
    assert not list(tmp_path.glob("bench-*"))
    # The page renders from this very file.
    assert "| 20 |" in render_performance_page(*load_results(output))
