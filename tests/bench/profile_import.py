"""Where an import's time goes: CPU per page of each stage, one process (no workers).

    .venv/bin/python tests/bench/profile_import.py [PDF] [--pages 300] [--cprofile N]

Imports PDF (default: the generated --pages pack of bench_fidelity's steady state) into a
fresh library with one worker, so every stage runs in this process, and prints the CPU time
(process_time, which swings less than wall time on a shared machine) of each stage: glyphs ->
words (glyphrun.words), the rest of reading a page's words (pdfium's text page, figures),
drawn rules, tables, reading order, paragraphs, headings, the whole paper judged
(finish_document), and storage (the pages as they come, then laid out; the search index is
written by SQLite's triggers inside these). Stages nest: `layout_page` holds tables, regions
and paragraphs; `extract_pages` holds all of the page stages. --cprofile N also prints the N
functions of most own time under cProfile (which slows Python calls more than C ones).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import pstats
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import make_text_pack

STAGES = [
    ("papers.extract", "extract_pages"),
    ("papers.glyphs", "read_words"),
    ("papers.glyphrun", "words"),
    ("papers.rules", "read_page"),
    ("papers.sideways", "turn"),
    ("papers.layout", "layout_page"),
    ("papers.tables", "find"),
    ("papers.regions", "order"),
    ("papers.paragraphs", "leaf_blocks"),
    ("papers.headings", "judge"),
    ("papers.figures", "place"),
    ("papers.extract", "finish_document"),
    ("papers.flow", "page_blocks"),
    ("papers.ocr", "which_pages"),
]
STORAGE = ("add_pages", "lay_out")

spent: dict[str, float] = defaultdict(float)


def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    return wrapper


def instrument() -> None:
    """Wrap each stage where it is defined and wherever it was imported by name."""
    import memberdesk.papers.extract
    import memberdesk.papers.glyphs
    import memberdesk.papers.importer
    import memberdesk.papers.layout
    from memberdesk.library.documents import Documents

    users = [memberdesk.papers.importer, memberdesk.papers.layout, memberdesk.papers.extract, memberdesk.papers.glyphs]
    for module_name, name in STAGES:
        module = importlib.import_module(f"memberdesk.{module_name}")
        original = getattr(module, name)
        wrapped = timed(f"{module_name.split('.')[-1]}.{name}", original)
        setattr(module, name, wrapped)
        for user in users:
            if getattr(user, name, None) is original:
                setattr(user, name, wrapped)
    for name in STORAGE:
        setattr(Documents, name, timed(f"library {name}", getattr(Documents, name)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf", nargs="?", type=Path)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--cprofile", type=int, default=0, help="also list this many functions under cProfile")
    args = parser.parse_args()
    path = args.pdf or make_text_pack(
        Path(tempfile.gettempdir()) / f"memberdesk-bench-pack-{args.pages}.pdf", args.pages
    )
    instrument()
    from memberdesk.library import Library
    from memberdesk.papers.importer import Importer

    library = Library(Path(tempfile.mkdtemp(prefix="memberdesk-profile-")))
    profile = cProfile.Profile() if args.cprofile else None
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    with Importer(library, workers=1, ocr_mode="off") as importer:
        if profile:
            profile.enable()
        result = importer.import_paths([path])[0]
        if profile:
            profile.disable()
    wall, cpu = time.perf_counter() - start_wall, time.process_time() - start_cpu
    if result.error:
        raise SystemExit(f"{path}: {result.error}")
    pages = result.pages
    print(f"{path.name}: {pages} pages, {wall:.2f} s wall, {cpu:.2f} s CPU, {1000 * cpu / pages:.1f} ms CPU a page")
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {label:28} {seconds:7.3f} s  {1000 * seconds / pages:6.2f} ms a page  {100 * seconds / cpu:5.1f}%")
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.cprofile)


if __name__ == "__main__":
    main()
