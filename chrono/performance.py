"""The site's Performance page, rendered from the build benchmark's results file.

`benchmarks/bench_build.py` writes `benchmarks/results/latest.json`; this module turns it into
Markdown with a table and an inline SVG chart (drawn here, on the server: no script, nothing
fetched by the reader's browser). Rendering is a pure function of the parsed JSON.
"""

from __future__ import annotations

import json
import math
from html import escape
from pathlib import Path
from typing import Any

PERFORMANCE_PAGE = "about/performance.md"
RESULTS_FILE = "benchmarks/results/latest.json"
BENCHMARK_SCRIPT = "benchmarks/bench_build.py"

CHART_WIDTH = 640
CHART_HEIGHT = 340
CHART_MARGIN = {"left": 64, "right": 24, "top": 44, "bottom": 52}
SERIES = (
    ("project", "This site", "#3949ab"),
    ("baseline", "Plain mkdocs-material", "#e65100"),
)
"""Each build in the chart: the results key, its legend label, and a colour that reads on the
light and the dark palette."""


def load_results(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The parsed results file, or None and a reason a reader can act on."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as error:
        return None, f"the results file could not be read ({error})"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, f"the results file is not valid JSON (line {error.lineno}: {error.msg})"
    if not isinstance(data, dict) or not isinstance(data.get("runs"), list):
        return None, "the results file has no list of runs"
    return data, None


def render_performance_page(results: dict[str, Any] | None, problem: str | None = None) -> str:
    """Markdown for the Performance page: what is measured, a table, a chart and the targets."""
    lines = [
        "# Performance",
        "",
        "A chronology that grows must stay quick to build and light to read. The build benchmark",
        f"(`{BENCHMARK_SCRIPT}`) writes a synthetic chronology of N events, with people,",
        "organizations, treaties, places, tags, quotes and sources in the proportions of the real",
        "one, and builds it twice in the same run: once as this site, with its generated pages,",
        "and once as a baseline, the same event pages written as plain Markdown and built by plain",
        "mkdocs-material with the same theme and search settings. Each build runs in its own",
        "process; the two kinds take turns, so both see the same load on the machine.",
        "",
    ]
    runs = _valid_runs(results)
    if not runs:
        reason = (
            f"No benchmark results can be shown: {problem}."
            if problem
            else "No benchmark results yet."
        )
        lines += [
            f"_{reason} Run `make benchmark` or `python {BENCHMARK_SCRIPT}` to produce them._",
            "",
        ]
        return "\n".join(lines)
    assert results is not None
    lines += _machine_lines(results)
    lines += ["## Build time", "", _chart(runs), ""]
    lines += ["## Results", ""] + _table(runs) + [""]
    lines += _column_notes()
    lines += _target_lines(results)
    return "\n".join(lines) + "\n"


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


def _valid_runs(results: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Runs with the numbers the table and chart need, in order of N; others are left out."""
    if not results:
        return []
    runs = []
    for run in results.get("runs") or ():
        if not isinstance(run, dict) or _number(run.get("events")) is None:
            continue
        if all(
            isinstance(run.get(key), dict) and _number(run[key].get("wall_s")) is not None
            for key, _, _ in SERIES
        ):
            runs.append(run)
    return sorted(runs, key=lambda run: run["events"])


def _machine_lines(results: dict[str, Any]) -> list[str]:
    machine = results.get("machine") if isinstance(results.get("machine"), dict) else {}
    facts = []
    if machine.get("cpus"):
        facts.append(f"{escape(str(machine['cpus']))} CPU cores")
    for key, label in (
        ("python", "Python"),
        ("mkdocs", "MkDocs"),
        ("mkdocs_material", "mkdocs-material"),
    ):
        if machine.get(key):
            facts.append(f"{label} {escape(str(machine[key]))}")
    when = escape(str(results.get("started", "")))[:10]
    repeat = _number(results.get("repeat"))
    text = (
        "Measured"
        + (f" on {when}" if when else "")
        + (f" with {', '.join(facts)}" if facts else "")
        + "."
    )
    if repeat and repeat > 1:
        text += f" Each build ran {int(repeat)} times; times are medians."
    text += (
        " Times are wall-clock seconds of a complete `mkdocs build`, from a clean output folder;"
        " on a machine shared with other work they vary from run to run, and the ratio of two"
        " builds run back to back varies least."
    )
    return [text, ""]


def _format(value: Any, pattern: str, scale: float = 1.0) -> str:
    number = _number(value)
    return "–" if number is None else format(number / scale, pattern)


def _table(runs: list[dict[str, Any]]) -> list[str]:
    """Two tables, time and memory then sizes, each narrow enough for a phone."""
    timing = [
        "Events",
        "This site (s)",
        "Baseline (s)",
        "Ratio",
        "Memory, this site (MB)",
        "Memory, baseline (MB)",
    ]
    sizes = [
        "Events",
        "Site (MB)",
        "Event page (KB)",
        "Baseline event page (KB)",
        "Search index (MB)",
        "Index per event (KB)",
    ]
    lines = _table_head(timing)
    for run in runs:
        project, baseline = run["project"], run["baseline"]
        ratio = run.get("ratio_wall_paired", run.get("ratio_wall"))
        lines.append(
            _table_row(
                [
                    _format(run["events"], ",.0f"),
                    _format(project.get("wall_s"), ".2f"),
                    _format(baseline.get("wall_s"), ".2f"),
                    _format(ratio, ".2f"),
                    _format(project.get("peak_rss_mb"), ",.0f"),
                    _format(baseline.get("peak_rss_mb"), ",.0f"),
                ]
            )
        )
    lines += [""] + _table_head(sizes)
    for run in runs:
        project, baseline = run["project"], run["baseline"]
        lines.append(
            _table_row(
                [
                    _format(run["events"], ",.0f"),
                    _format(project.get("site_bytes"), ",.1f", 1e6),
                    _format(project.get("event_page_bytes"), ",.1f", 1e3),
                    _format(baseline.get("event_page_bytes"), ",.1f", 1e3),
                    _format(project.get("search_index_bytes"), ",.2f", 1e6),
                    _format(run.get("search_index_bytes_per_event"), ".2f", 1e3),
                ]
            )
        )
    return lines


def _table_head(header: list[str]) -> list[str]:
    return [_table_row(header), "|" + "|".join("---:" for _ in header) + "|"]


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _column_notes() -> list[str]:
    return [
        "The ratio is this site's build time over the baseline's, taken pair by pair (each pair",
        "built one after the other) and then the median. Peak memory is the largest resident set",
        "of the build process. The event page size is the median size of the HTML of one event",
        "page; the search index is `search/search_index.json`, which a reader's browser loads",
        "when they first search.",
        "",
    ]


def _target_lines(results: dict[str, Any]) -> list[str]:
    targets = results.get("targets")
    if not isinstance(targets, dict) or not targets:
        return []
    lines = ["## Targets", "", "| Target | Measured | Limit | Met |", "|---|---:|---:|:---:|"]
    for target in targets.values():
        if not isinstance(target, dict):
            continue
        unit = escape(str(target.get("unit", "")))
        met = {True: "yes", False: "**no**"}.get(target.get("met"), "not measured")
        shown = _with_unit(_number(target.get("value")), unit)
        bound = _with_unit(_number(target.get("limit")), unit)
        lines.append(f"| {escape(str(target.get('text', '')))} | {shown} | {bound} | {met} |")
    make_site = results.get("make_site")
    lines.append("")
    if isinstance(make_site, dict) and _number(make_site.get("wall_s")) is not None:
        lines += [
            f"`make site` on the real chronology ({_format(make_site.get('events'), ',.0f')} events) took {_format(make_site['wall_s'], '.2f')} s.",
            "",
        ]
    return lines


def _with_unit(value: float | None, unit: str) -> str:
    """'1.25×', '1,242 B', '0.08' (a relative change shows as a percentage: '8.0 %')."""
    if value is None:
        return "–"
    if not unit:
        return f"{value * 100:.1f} %"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.2f} {unit}"


# ---------------------------------------------------------------- the chart


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` intervals over span."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _tick_label(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def _chart(runs: list[dict[str, Any]]) -> str:
    """Build time against N for both builds, as one SVG block with no blank lines (so Markdown
    passes it through as raw HTML) and a text alternative for screen readers."""
    left, right, top, bottom = (CHART_MARGIN[k] for k in ("left", "right", "top", "bottom"))
    plot_w, plot_h = CHART_WIDTH - left - right, CHART_HEIGHT - top - bottom
    max_n = max(run["events"] for run in runs)
    max_t = max(run[key]["wall_s"] for run in runs for key, _, _ in SERIES)
    x_step, y_step = nice_step(max_n), nice_step(max_t)
    x_max = math.ceil(max_n / x_step) * x_step or x_step
    y_max = math.ceil(max_t / y_step) * y_step or y_step

    def x(n: float) -> float:
        return round(left + plot_w * n / x_max, 1)

    def y(t: float) -> float:
        return round(top + plot_h * (1 - t / y_max), 1)

    summary = "; ".join(
        f"{run['events']:,} events: this site {run['project']['wall_s']:.1f} s, baseline {run['baseline']['wall_s']:.1f} s"
        for run in runs
    )
    parts = [
        '<figure class="chrono-chart" data-search-exclude>',
        f'<svg viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" width="{CHART_WIDTH}" height="{CHART_HEIGHT}" role="img" aria-labelledby="perf-title perf-desc" style="max-width:100%;height:auto">',
        '<title id="perf-title">Build time against the number of events</title>',
        f'<desc id="perf-desc">{escape(summary)}</desc>',
        '<g font-size="12" fill="currentColor">',
    ]
    steps = int(round(y_max / y_step))
    for i in range(steps + 1):
        value = i * y_step
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value)}" y2="{y(value)}" stroke="currentColor" stroke-opacity="0.15"/>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{y(value) + 4}" text-anchor="end">{_tick_label(value)}</text>'
        )
    steps = int(round(x_max / x_step))
    for i in range(steps + 1):
        value = i * x_step
        parts.append(
            f'<line x1="{x(value)}" x2="{x(value)}" y1="{top + plot_h}" y2="{top + plot_h + 5}" stroke="currentColor"/>'
        )
        parts.append(
            f'<text x="{x(value)}" y="{top + plot_h + 19}" text-anchor="middle">{_tick_label(value)}</text>'
        )
    parts += [
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="currentColor"/>',
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="currentColor"/>',
        f'<text x="{left + plot_w / 2}" y="{CHART_HEIGHT - 10}" text-anchor="middle">Events (N)</text>',
        f'<text transform="translate(16 {top + plot_h / 2}) rotate(-90)" text-anchor="middle">Build time (s)</text>',
    ]
    for number, (key, label, colour) in enumerate(SERIES):
        points = " ".join(f"{x(run['events'])},{y(run[key]['wall_s'])}" for run in runs)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
        )
        for run in runs:
            tip = f"{label}: {run['events']:,} events in {run[key]['wall_s']:.2f} s"
            parts.append(
                f'<circle cx="{x(run["events"])}" cy="{y(run[key]["wall_s"])}" r="4" fill="{colour}"><title>{escape(tip)}</title></circle>'
            )
        # The legend sits above the plot, one entry after the other.
        legend_x = left + number * 200
        parts.append(
            f'<line x1="{legend_x}" x2="{legend_x + 24}" y1="16" y2="16" stroke="{colour}" stroke-width="2.5"/>'
        )
        parts.append(f'<text x="{legend_x + 30}" y="20">{escape(label)}</text>')
    parts += [
        "</g>",
        "</svg>",
        "<figcaption>Build time against the number of events, this site and the baseline.</figcaption>",
        "</figure>",
    ]
    return "\n".join(parts)
