"""Local papers: PDF files and folders of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def pdf_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """Each PDF named or found (recursively, in name order) under the given paths.

    Yields (path, problem): problem is "" for a file to import, else why the path was passed over.
    """
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
            if not found:
                yield path, "no PDF files in this folder"
            yield from ((p, "") for p in found)
        elif path.is_file():
            yield path, ""
        elif path.exists():
            yield path, "not a file or folder"
        else:
            yield path, "no such file or folder"
