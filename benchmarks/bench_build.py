#!/usr/bin/env python3
"""Build-time benchmark: the project's site against plain mkdocs-material, side by side.

For each N it writes a synthetic chronology of N events (benchmarks/synthetic.py) into a temporary
copy of the project (mkdocs.yml, mkdocs_hooks.py, docs/, overrides/ as they are now), checks it
with `build_chronology.py validate`, writes the same events as plain Markdown pages into a baseline
project that uses the same theme and search settings without the hook, and then builds the two
in turn (project, baseline, project, baseline, ...), each in its own `python -m mkdocs build`
process. It prints a table and writes the numbers as JSON (benchmarks/results/latest.json for a
full run) for the site's Performance page.

Wall time is measured around the child; peak memory is the child's own peak resident set size as
the kernel reports it to `os.wait4` for exactly that process, so it cannot be confused with an
earlier, larger child (getrusage(RUSAGE_CHILDREN) keeps the maximum over all children ever waited
for) and needs no polling that could miss a short peak.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

from chrono.index import event_path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FULL_SIZES = (100, 1000, 5000, 10000, 20000)
QUICK_SIZES = (100, 1000)
FULL_OUTPUT = REPO / "benchmarks" / "results" / "latest.json"
QUICK_OUTPUT = REPO / "benchmarks" / "out" / "quick.json"
PROJECT_FILES = ("mkdocs.yml", "mkdocs_hooks.py")
PROJECT_FOLDERS = ("docs", "overrides")
# Config keys of the project that the baseline keeps: what the theme shows on every page.
BASELINE_KEYS = (
    "site_name",
    "site_description",
    "site_url",
    "repo_url",
    "repo_name",
    "edit_uri",
    "theme",
    "markdown_extensions",
    "extra",
    "copyright",
)

# The targets, checked here and not by timed tests.
TARGET_RATIO_AT = 10000
TARGET_RATIO = 1.25
TARGET_GROWTH = 2.2
TARGET_PAGE_DRIFT = 0.10
TARGET_INDEX_PER_EVENT = 1536
TARGET_PEAK_MB = 1536
TARGET_MAKE_SITE_S = 3.0


# ---------------------------------------------------------------- writing the two projects


class _Tagged:
    """A YAML value with a tag PyYAML's safe loader does not know (!ENV, !!python/name:...)."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running anything and keeps unknown tags for writing back."""


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/",
    lambda loader, suffix, node: _Tagged("tag:yaml.org,2002:python/" + suffix, node),
)
_ConfigDumper.add_representer(_Tagged, lambda dumper, value: _retag(value))


def _retag(value: _Tagged) -> yaml.Node:
    value.node.tag = value.tag
    return value.node


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # noqa: S506 - safe loader subclass


def copy_project(target: Path) -> None:
    """The site's configuration, hooks and hand-written pages as they are in the repository now."""
    target.mkdir(parents=True, exist_ok=True)
    config = read_config(REPO / "mkdocs.yml")
    hooks = [str(h) for h in config.get("hooks") or () if isinstance(h, str)]
    for name in dict.fromkeys((*PROJECT_FILES, *hooks)):
        if (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / name, target / name)
    for folder in PROJECT_FOLDERS:
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)


def search_plugins(plugins: Any) -> list[Any]:
    """Only the search plugin's entries, with their settings, from a `plugins:` list or mapping."""
    if isinstance(plugins, dict):
        return [
            {name: value} if value else name for name, value in plugins.items() if name == "search"
        ]
    kept = []
    for entry in plugins or ["search"]:
        name = (
            entry
            if isinstance(entry, str)
            else next(iter(entry), None)
            if isinstance(entry, dict)
            else None
        )
        if name == "search":
            kept.append(entry)
    return kept


def baseline_config(project_config: dict[str, Any]) -> dict[str, Any]:
    """Same theme, features, palette, fonts, Markdown extensions and search settings; no hook,
    no other plugin, no template overrides, and a small nav."""
    config = {key: project_config[key] for key in BASELINE_KEYS if key in project_config}
    theme = config.get("theme")
    if isinstance(theme, dict):
        config["theme"] = {key: value for key, value in theme.items() if key != "custom_dir"}
    config["plugins"] = search_plugins(project_config.get("plugins"))
    config["nav"] = [{"Home": "index.md"}]
    config["not_in_nav"] = "/events/"
    return config


def write_projects(
    workdir: Path, events: int, seed: int
) -> tuple[Path, Path, synthetic.SyntheticChronology]:
    """The project copy with synthetic data, and the baseline with the same events as Markdown."""
    project, baseline = workdir / "project", workdir / "baseline"
    copy_project(project)
    data = synthetic.write_chronology(project, events, seed)
    baseline.mkdir(parents=True)
    synthetic.write_plain_pages(baseline / "docs", data)
    config = baseline_config(read_config(project / "mkdocs.yml"))
    (baseline / "mkdocs.yml").write_text(
        yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return project, baseline, data


def validate(project: Path) -> float:
    """`build_chronology.py validate` on the synthetic data; stop the benchmark if it fails."""
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "build_chronology.py"),
            "--root",
            str(project),
            "validate",
            "-q",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"the synthetic chronology does not validate:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


# ---------------------------------------------------------------- one build, measured


@dataclass(frozen=True)
class Measurement:
    wall_s: float
    cpu_s: float
    """User + system CPU time of the child: less disturbed by other work on a shared machine."""
    peak_rss_mb: float
    warnings: int


def run_build(folder: Path) -> Measurement:
    """`python -m mkdocs build -q` in `folder`, from a clean site/, with its own time and memory."""
    shutil.rmtree(folder / "site", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q"],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        log = stderr.read().decode("utf-8", "replace")
    if child.returncode != 0:
        raise SystemExit(
            f"mkdocs build failed in {folder} (exit {child.returncode}):\n{log[-3000:]}"
        )
    # ru_maxrss is in kilobytes on Linux.
    return Measurement(
        wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, log.count("WARNING")
    )


# ---------------------------------------------------------------- what a build produced


def html_path(site: Path, page: str) -> Path:
    """The HTML file MkDocs writes for a docs-relative page, with or without directory URLs."""
    stem = page.removesuffix(".md")
    directory = site / stem / "index.html"
    return directory if directory.exists() else site / f"{stem}.html"


def measure_site(site: Path, event_ids: list[str]) -> dict[str, Any]:
    """Total size and file count, the event pages' size, and the search index's size."""
    total = files = html = 0
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            files += 1
            html += path.suffix == ".html"
    page_sizes = sorted(
        html_path(site, event_path(event_id)).stat().st_size for event_id in event_ids
    )
    index = site / "search" / "search_index.json"
    return {
        "site_bytes": total,
        "files": files,
        "html_pages": html,
        "event_page_bytes": int(statistics.median(page_sizes)),
        "event_page_bytes_min": page_sizes[0],
        "event_page_bytes_max": page_sizes[-1],
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
    }


def summarise(measurements: list[Measurement], site: dict[str, Any]) -> dict[str, Any]:
    """Medians over the repetitions (peak memory: the largest), plus every raw wall time."""
    return {
        "wall_s": round(statistics.median(m.wall_s for m in measurements), 3),
        "cpu_s": round(statistics.median(m.cpu_s for m in measurements), 3),
        "peak_rss_mb": round(max(m.peak_rss_mb for m in measurements), 1),
        "walls_s": [round(m.wall_s, 3) for m in measurements],
        "warnings": max(m.warnings for m in measurements),
        **site,
    }


def bench_size(events: int, repeat: int, seed: int, workroot: Path, keep: bool) -> dict[str, Any]:
    """Write, validate and build both projects for one N; the builds interleaved."""
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{events}-", dir=workroot))
    try:
        started = time.perf_counter()
        project, baseline, data = write_projects(workdir, events, seed)
        written = time.perf_counter() - started
        validate_s = validate(project)
        runs: dict[str, list[Measurement]] = {"project": [], "baseline": []}
        for _ in range(repeat):
            runs["project"].append(run_build(project))
            runs["baseline"].append(run_build(baseline))
        ids = [event.id for event in data.events]
        result: dict[str, Any] = {
            "events": events,
            "entities": vars(data.proportions),
            "write_s": round(written, 2),
            "validate_s": round(validate_s, 3),
            "project": summarise(runs["project"], measure_site(project / "site", ids)),
            "baseline": summarise(runs["baseline"], measure_site(baseline / "site", ids)),
        }
        result["ratio_wall"] = round(result["project"]["wall_s"] / result["baseline"]["wall_s"], 3)
        result["ratio_cpu"] = round(result["project"]["cpu_s"] / result["baseline"]["cpu_s"], 3)
        # Medians of per-repetition ratios: each pair ran back to back, under the same load.
        pairs = [
            p.wall_s / b.wall_s for p, b in zip(runs["project"], runs["baseline"], strict=True)
        ]
        result["ratio_wall_paired"] = round(statistics.median(pairs), 3)
        result["search_index_bytes_per_event"] = round(
            result["project"]["search_index_bytes"] / events, 1
        )
        return result
    finally:
        if keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def time_make_site(workroot: Path) -> dict[str, Any]:
    """`make site` on a copy of the real project (the installed .venv linked in), so the run
    neither rewrites the shared checkout's chronology/ nor races with anyone's build."""
    copy = Path(tempfile.mkdtemp(prefix="bench-real-", dir=workroot))
    try:
        for name in ("Makefile", "pyproject.toml", "build_chronology.py", *PROJECT_FILES):
            if (REPO / name).exists():
                shutil.copy2(REPO / name, copy / name)
        for folder in ("chrono", "chronology", "seeds", *PROJECT_FOLDERS):
            if (REPO / folder).is_dir():
                shutil.copytree(
                    REPO / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__")
                )
        (copy / ".venv").symlink_to(REPO / ".venv")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        started = time.perf_counter()
        # "-o": the environment counts as installed even if pyproject.toml is newer than its
        # stamp (the target is about the build, not about reinstalling packages).
        result = subprocess.run(
            ["make", "--no-print-directory", "-o", ".venv/.installed", "site"],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - started
        events = len(list((copy / "chronology" / "events").glob("*.yml")))
        return {
            "wall_s": round(wall, 2),
            "exit_code": result.returncode,
            "events": events,
            "stderr_tail": result.stderr[-500:] if result.returncode else "",
        }
    finally:
        shutil.rmtree(copy, ignore_errors=True)


# ---------------------------------------------------------------- targets and report


def check_targets(
    runs: list[dict[str, Any]], make_site: dict[str, Any] | None
) -> dict[str, dict[str, Any]]:
    """Each of the issue's targets with the measured value; `met` is None where not measured."""
    by_n = {run["events"]: run for run in runs}
    targets: dict[str, dict[str, Any]] = {}

    def put(name: str, text: str, value: float | None, limit: float, unit: str) -> None:
        targets[name] = {
            "text": text,
            "value": None if value is None else round(value, 3),
            "limit": limit,
            "unit": unit,
            "met": None if value is None else value <= limit,
        }

    at = by_n.get(TARGET_RATIO_AT)
    put(
        "ratio_at_10000",
        "build time project/baseline at 10,000 events",
        at["ratio_wall_paired"] if at else None,
        TARGET_RATIO,
        "×",
    )
    big = by_n.get(20000)
    put(
        "growth_10000_to_20000",
        "time at 20,000 events / time at 10,000",
        big["project"]["wall_s"] / at["project"]["wall_s"] if big and at else None,
        TARGET_GROWTH,
        "×",
    )
    small = by_n.get(100)
    drift = (
        abs(at["project"]["event_page_bytes"] / small["project"]["event_page_bytes"] - 1)
        if at and small
        else None
    )
    put(
        "event_page_drift",
        "event page HTML size at 10,000 vs at 100 (relative change)",
        drift,
        TARGET_PAGE_DRIFT,
        "",
    )
    largest = max(runs, key=lambda run: run["events"]) if runs else None
    put(
        "search_index_per_event",
        f"search index bytes per event (at {largest['events'] if largest else '-'} events)",
        largest["search_index_bytes_per_event"] if largest else None,
        TARGET_INDEX_PER_EVENT,
        "B",
    )
    put(
        "peak_memory_at_20000",
        "peak memory of the project build at 20,000 events",
        big["project"]["peak_rss_mb"] if big else None,
        TARGET_PEAK_MB,
        "MB",
    )
    put(
        "make_site",
        "`make site` on the real chronology",
        make_site["wall_s"] if make_site and make_site["exit_code"] == 0 else None,
        TARGET_MAKE_SITE_S,
        "s",
    )
    return targets


def format_table(runs: list[dict[str, Any]]) -> str:
    header = (
        "N",
        "project s",
        "baseline s",
        "ratio",
        "cpu ratio",
        "proj MB",
        "base MB",
        "site MB",
        "event page",
        "base page",
        "search idx",
        "B/event",
    )
    rows = [header]
    for run in runs:
        p, b = run["project"], run["baseline"]
        rows.append(
            (
                f"{run['events']:,}",
                f"{p['wall_s']:.2f}",
                f"{b['wall_s']:.2f}",
                f"{run['ratio_wall_paired']:.2f}",
                f"{run['ratio_cpu']:.2f}",
                f"{p['peak_rss_mb']:.0f}",
                f"{b['peak_rss_mb']:.0f}",
                f"{p['site_bytes'] / 1e6:.1f}",
                f"{p['event_page_bytes']:,}",
                f"{b['event_page_bytes']:,}",
                f"{p['search_index_bytes'] / 1e6:.2f} MB",
                f"{run['search_index_bytes_per_event']:.0f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    )


def format_targets(targets: dict[str, dict[str, Any]]) -> str:
    lines = []
    for target in targets.values():
        verdict = {True: "met", False: "MISSED", None: "not measured"}[target["met"]]
        value = "-" if target["value"] is None else f"{target['value']}{target['unit']}"
        lines.append(
            f"{verdict:>12}  {target['text']}: {value} (limit {target['limit']}{target['unit']})"
        )
    return "\n".join(lines)


def describe_machine() -> dict[str, Any]:
    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    return {
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Build time and size of the project's site against plain mkdocs-material."
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        help=f"numbers of events (default {' '.join(map(str, FULL_SIZES))})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"small sizes only ({' '.join(map(str, QUICK_SIZES))}), written to {QUICK_OUTPUT.relative_to(REPO)}",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="builds of each kind per size, interleaved; medians are reported",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic chronology")
    parser.add_argument(
        "--output",
        type=Path,
        help=f"JSON results file (default {FULL_OUTPUT.relative_to(REPO)}, or the quick file with --quick)",
    )
    parser.add_argument(
        "--make-site",
        action="store_true",
        help="also time `make site` on a copy of the real project",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="where the temporary projects go (default: the system's temp folder)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary projects for inspection"
    )
    return parser


def write_results(output: Path, results: dict[str, Any]) -> None:
    """The results with the targets checked against what has been measured so far."""
    results["targets"] = check_targets(results["runs"], results["make_site"])
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    # Only a full run replaces the committed results (and the site's Performance page); a run of
    # chosen sizes goes with the quick ones, so trying one size never erases the full table.
    output = args.output or (QUICK_OUTPUT if args.quick or args.sizes else FULL_OUTPUT)
    if args.repeat < 1 or any(n < 1 for n in sizes):
        print("--repeat and --sizes must be positive", file=sys.stderr)
        return 2
    workroot = args.workdir or Path(tempfile.gettempdir())
    workroot.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.UTC)
    results: dict[str, Any] = {
        "started": started.isoformat(timespec="seconds"),
        "machine": describe_machine(),
        "repeat": args.repeat,
        "seed": args.seed,
        "runs": [],
        "finished": None,
    }
    # `make site` first (it takes seconds), then the sizes; the file is rewritten after each,
    # so a long run that is stopped still leaves what it measured.
    results["make_site"] = time_make_site(workroot) if args.make_site else None
    for events in sizes:
        print(f"N = {events:,}: writing, validating, building ...", file=sys.stderr, flush=True)
        run = bench_size(events, args.repeat, args.seed, workroot, args.keep)
        results["runs"].append(run)
        print(
            f"  project {run['project']['wall_s']:.2f} s, baseline {run['baseline']['wall_s']:.2f} s,"
            f" ratio {run['ratio_wall_paired']:.2f}",
            file=sys.stderr,
            flush=True,
        )
        write_results(output, results)
    results["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    write_results(output, results)
    print(format_table(results["runs"]))
    if results["make_site"]:
        print(
            f"make site on the real project: {results['make_site']['wall_s']} s (exit {results['make_site']['exit_code']}, {results['make_site']['events']} events)"
        )
    print(format_targets(results["targets"]))
    print(f"results written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
