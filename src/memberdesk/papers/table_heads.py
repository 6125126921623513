"""A table's header lines -> its header rows, each cell's text under the column it heads. Pure.

Excel sets header cells right-aligned, bottom-aligned and stacked over several lines; a row of
headings may stand each centred over a group of the columns under it ("2024-25" over Core,
External and Total). tables.py finds the header lines; this turns them into rows.
"""

from __future__ import annotations

from memberdesk.papers import ruled
from memberdesk.papers.columns import CELL_GAP, Chunk, Line, nearest
from memberdesk.papers.shapes import Word


def head_rows(lines: list[Line], columns: list[tuple[float, float]]) -> list[tuple[str, ...]]:
    """Header lines -> header rows. Excel sets header cells right-aligned, bottom-aligned and
    stacked over several lines with one word space between neighbours, so each word goes to
    the column it lies in, and the lines of one header row are stacked into its cells. A line
    with a word that lies across a gutter ("£000s" over several columns, "2024-25" over Budget
    and Forecast) is a header row of its own."""
    placed: list[tuple[list[list[Word]], bool]] = []
    assigned: list[list[tuple[Chunk, int]]] = []  # each line's runs and the column each went to
    for line in lines:
        cells: list[list[Word]] = [[] for _ in columns]
        spans = False
        assigned.append([])
        for run in _runs(line, columns):
            k = next((k for k, (_a, b) in enumerate(columns) if abs(run.x1 - b) < 0.5 * line.em), None)
            if k is None:
                over = [k for k, (a, b) in enumerate(columns) if min(b, run.x1) - max(a, run.x0) > 0.3 * line.em]
                spans = spans or len(over) >= 2
                k = over[0] if len(over) >= 2 else nearest(run, columns)
            cells[k].extend(run.words)
            assigned[-1].append((run, k))
        placed.append((cells, spans))
    repeats = {
        n: found for n in range(len(lines) - 1) if (found := _repeated(assigned[n], assigned[n + 1], lines[n].em))
    }
    named: dict[int, list[_Group]] = {}  # header row -> its headings and the columns each names
    rows: list[list[list[Word]]] = []
    stacking = False
    for n, (cells, spans) in enumerate(placed):
        if n in repeats or n + 1 in repeats:
            groups = repeats[n] if n in repeats else _over_groups(assigned[n], repeats[n + 1], lines[n].em)
            if groups:
                named[len(rows)] = groups
                rows.append(cells)
                stacking = False
                continue
        # A line of a few headings over groups of the line under it ("2024-25" centred over
        # its Core, External and Total) is a header row of its own, as one across a gutter is.
        # (Under it: the next line of more headings, past a heading's second line, "Health".)
        under = next((row for row, _s in placed[n + 1 :] if _filled(row) > _filled(cells)), None)
        grouping = under is not None and _filled(cells) > 0 and _grouping(cells, under, columns)
        if spans or grouping:
            rows.append(cells)
            stacking = False
        elif stacking:
            for k, words in enumerate(cells):
                rows[-1][k].extend(words)
        else:
            rows.append(cells)
            stacking = True
    texts = [[ruled.read_cell(c) for c in row] for row in rows]
    for r in range(len(rows) - 1):
        if r in named:
            for heading, where, _left, _right in named[r]:
                for j in where:
                    texts[r][j] = heading
        else:
            _spread(rows[r], texts[r], rows[r + 1 :], columns)
    return [tuple(row) for row in texts]


# A heading's group, found from the sub-headings repeated under a row of headings:
# (the heading's text, the columns its group's sub-headings went to, the group's left and right).
_Group = tuple[str, set[int], float, float]


def _repeated(upper: list[tuple[Chunk, int]], under: list[tuple[Chunk, int]], em: float) -> list[_Group]:
    """A row of headings over the same sub-headings repeated once for each ("2024-25" ...
    "2027-28" each over its Core, External, Total): each heading names the columns of the
    sub-headings it stands over, wherever it is set within their span (Excel centres it, or
    sets it over one of them). Without the repeat there is nothing to say where a group ends."""
    m = len(upper)
    if m < 2 or len(under) % m or len(under) < 2 * m:
        return []
    size = len(under) // m
    keys = [run.text.casefold() for run, _ in under]
    if any(keys[i] != keys[i % size] for i in range(len(keys))):
        return []
    out: list[_Group] = []
    for i, (heading, _k) in enumerate(upper):
        group = under[i * size : (i + 1) * size]
        left, right = group[0][0].x0, group[-1][0].x1
        if not left - em <= (heading.x0 + heading.x1) / 2 <= right + em:
            return []
        out.append((ruled.read_cell(heading.words), {k for _, k in group}, left, right))
    return out


def _over_groups(line: list[tuple[Chunk, int]], groups: list[_Group], em: float) -> list[_Group]:
    """A line over a row of group headings whose headings each stand over two groups or more
    ("INDICATIVE FOR PLANNING PURPOSES" over the later years): each names all their columns."""
    runs: list[Chunk] = []
    for run, _k in line:  # a heading's words, though one ends where a column does
        if runs and run.x0 - runs[-1].x1 <= CELL_GAP * em:
            runs[-1] = Chunk([*runs[-1].words, *run.words], runs[-1].x0, run.x1)
        else:
            runs.append(run)
    out: list[_Group] = []
    for run in runs:
        over = [g for g in groups if min(run.x1, g[3]) - max(run.x0, g[2]) > em]
        if len(over) < 2:
            return []
        out.append((ruled.read_cell(run.words), set().union(*(g[1] for g in over)), over[0][2], over[-1][3]))
    return out


def _grouping(cells: list[list[Word]], under: list[list[Word]], columns: list[tuple[float, float]]) -> bool:
    """Whether a line of headings stands over groups of the line under it: few headings over
    many, or groups that repeat their sub-headings ("TOTAL", "CYPE", "GET" each over Core,
    External and Total, among directorates of one column each, "ASCH", "CED")."""
    groups = _groups(cells, [under], columns)
    if groups and 2 * _filled(cells) <= _filled(under):
        return True
    seen = [tuple(ruled.read_cell(under[j]).casefold() for j in range(a, b + 1)) for a, b in groups.values()]
    return len(seen) > len(set(seen))


def _filled(cells: list[list[Word]]) -> int:
    return sum(1 for c in cells if c)


def _spread(
    cells: list[list[Word]], texts: list[str], under: list[list[list[Word]]], columns: list[tuple[float, float]]
) -> None:
    """A heading centred over a group of the columns under it ("2024-25" over Core, External
    and Total) names each of them: its text is put in every column of the group."""
    for k, (first, last) in _groups(cells, under, columns).items():
        for j in range(first, last + 1):
            texts[j] = texts[k]


def _groups(
    cells: list[list[Word]], under: list[list[list[Word]]], columns: list[tuple[float, float]]
) -> dict[int, tuple[int, int]]:
    """Each heading of a row of headings centred over two columns or more of the rows under
    it: the widest run of columns, empty in this row but for the heading, with headers under
    both its ends, whose middle is the heading's (within an em). A heading alone in its row is
    left where it stands: nothing bounds its group (a two-line "Public / Health" is no group)."""
    taken = [bool(c) for c in cells]
    out: dict[int, tuple[int, int]] = {}
    if sum(taken) < 2:
        return out
    # Each column's sub-heading under it: a group's are all different ("Core", "External",
    # "Total"), so a group never takes in a neighbour's "Core" (a heading wider than its own).
    subs = [next((ruled.read_cell(row[j]).casefold() for row in under if row[j]), "") for j in range(len(columns))]
    for k, words in enumerate(cells):
        if not words:
            continue
        middle = (min(w.box.x0 for w in words) + max(w.box.x1 for w in words)) / 2
        em = words[0].size or 10.0
        best = (k, k)
        for first in range(k, -1, -1):
            if first < k and taken[first]:
                break
            for last in range(k, len(columns)):
                if last > k and taken[last]:
                    break
                ends = any(row[first] for row in under) and any(row[last] for row in under)
                centred = abs((columns[first][0] + columns[last][1]) / 2 - middle) <= em
                named = subs[first : last + 1]
                distinct = len(set(named)) == len(named) or not all(named)
                if ends and centred and distinct and last - first > best[1] - best[0]:
                    best = (first, last)
        if best[1] > best[0]:
            out[k] = best
            for j in range(best[0], best[1] + 1):
                taken[j] = True
    return out


def _runs(line: Line, columns: list[tuple[float, float]]) -> list[Chunk]:
    """A header line's words in runs: parted by more than a word space, or after a word that
    ends where a column ends (right-aligned header cells one space apart)."""
    ends = [b for _a, b in columns]
    runs: list[Chunk] = []
    closed = True
    for word in line.band.words:
        if runs and not closed and word.box.x0 - runs[-1].x1 <= CELL_GAP * line.em:
            runs[-1].words.append(word)
            runs[-1].x1 = word.box.x1
        else:
            runs.append(Chunk([word], word.box.x0, word.box.x1))
        closed = any(abs(word.box.x1 - b) < 0.5 * line.em for b in ends)
    return runs
