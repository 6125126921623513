"""Tesseract's TSV from two page-segmentation modes merged: a picture's labels (a map, a chart)
are found partly by the page-of-text mode and partly by the sparse-text mode."""

from __future__ import annotations

LOW_CONFIDENCE = 60.0  # tesseract's word confidence (0..100) below which a word is doubtful


def _number(cell: str) -> float:
    try:
        return float(cell)
    except ValueError:
        return -1.0


def merged_tsv(first: str, second: str) -> str:
    """`first`'s TSV with the words of `second` that lie where `first` read nothing (blocks
    renumbered after first's so each keeps its own lines)."""
    rows = first.splitlines()
    taken: list[tuple[float, float, float, float]] = []
    last_block = 0
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) >= 12 and cells[0] == "5" and cells[11].strip() and _number(cells[10]) >= LOW_CONFIDENCE:
            x, y, w, h = (_number(c) for c in cells[6:10])
            taken.append((x, y, x + w, y + h))
        if len(cells) >= 3 and cells[2].isdigit():
            last_block = max(last_block, int(cells[2]))
    for row in second.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        try:
            x, y, w, h = (float(c) for c in cells[6:10])
        except ValueError:
            continue
        if any(x < x1 and x + w > x0 and y < y1 and y + h > y0 for x0, y0, x1, y1 in taken):
            continue
        cells[2] = str(last_block + 1 + int(cells[2]) if cells[2].isdigit() else last_block + 1)
        rows.append("\t".join(cells))
    return "\n".join(rows)
