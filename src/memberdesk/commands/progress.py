"""Progress for long commands: a rich bar on a terminal, plain text lines otherwise.

Screen-reader users and pipes get "Importing pack.pdf: 25% (50 of 200 pages)" lines, at most
one a second, instead of a redrawn bar that a screen reader would read over and over.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from memberdesk.commands import Context

Report = Callable[[str, int, int], None]  # (what, done, total)


@contextmanager
def progress_reporter(ctx: Context, verb: str, unit: str = "pages") -> Iterator[Report]:
    """Yields report(what, done, total); `unit` names what is counted ("pages", "sentences")."""
    interactive = ctx.err.isatty() and os.environ.get("TERM", "") not in ("dumb", "unknown")
    if interactive and not ctx.screen_reader:
        # rich is only loaded for a terminal: every command pays for an import, pipes need none.
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

        console = Console(file=ctx.err)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(unit),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as bar:
            tasks: dict[str, TaskID] = {}

            def update(what: str, done: int, total: int) -> None:
                if what not in tasks:
                    tasks[what] = bar.add_task(f"{verb} {Path(what).name}", total=total)
                bar.update(tasks[what], completed=done, total=total)

            yield update
        return
    last: dict[str, float] = {}

    def lines(what: str, done: int, total: int) -> None:
        now = time.monotonic()
        finished = done >= total
        if not finished and now - last.get(what, 0.0) < 1.0:
            return
        if done == 0:
            return
        last[what] = now
        percent = int(done * 100 / total) if total else 100
        print(f"{verb} {Path(what).name}: {percent}% ({done} of {total} {unit})", file=ctx.err, flush=True)

    yield lines
