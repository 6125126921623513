"""The lines drawn across a page -> stacks of them, one under another over the same extent:
the rules of a table ruled across only (row_rules.py reads the rows between them). Pure."""

from __future__ import annotations

from collections.abc import Sequence

from memberdesk.papers.shapes import Box

MIN_WIDTH = 60.0  # points: a shorter line (a signature line, a heading's underline) is no table rule
SAME = 4.0  # points: lines closer than this (a double line under a total) are one
GAP = 20.0  # points: segments of one line this far apart at one height are still one line
END = 6.0  # points: lines whose ends are this close span the same columns


def stacks(rules: Sequence[Box]) -> list[list[Box]]:
    """Lines across, one under another over the same extent, top to bottom (three or more). A
    line sharing one end of the extent over part of it (a line over the columns of figures)
    belongs too; a line wider than the table (a page's frame) does not."""
    flat = sorted((r for r in rules if r.width >= MIN_WIDTH and r.height < r.width / 10), key=lambda r: (r.cy, r.x0))
    lines: list[Box] = []
    for rule in flat:  # segments of one line (a line drawn cell by cell) and double lines join
        last = lines[-1] if lines else None
        if last is None:
            lines.append(rule)
            continue
        segment = rule.cy - last.cy <= 1.0 and rule.x0 <= last.x1 + GAP and last.x0 <= rule.x1 + GAP
        double = rule.cy - last.cy <= SAME and abs(rule.x0 - last.x0) <= END and abs(rule.x1 - last.x1) <= END
        if segment or double:
            lines[-1] = last.union(rule)
        else:
            lines.append(rule)
    groups: list[list[Box]] = []
    for line in lines:  # lines of the same extent
        group = next((g for g in groups if abs(g[0].x0 - line.x0) <= END and abs(g[0].x1 - line.x1) <= END), None)
        if group is None:
            groups.append([line])
        else:
            group.append(line)
    groups.sort(key=lambda g: (-len(g), -g[0].width))
    out: list[list[Box]] = []
    for group in sorted((g for g in groups if len(g) >= 2), key=lambda g: -g[0].width):
        # Lines over part of a table (over each row's note, beside its name) join it, where
        # they lie between its first and last lines.
        host = next((h for h in out if _part_of(group[0], h[0]) and _among(group, h)), None)
        if host is None:
            out.append(group)
        else:
            host.extend(group)
    for [line] in (g for g in groups if len(g) == 1):  # a line over part of a table joins it
        host = next((h for h in out if _part_of(line, h[0])), None)
        if host is None:
            out.append([line])
        else:
            host.append(line)
    for stack in out:
        stack.sort(key=lambda r: r.cy)
    return sorted((s for s in out if len(s) >= 3), key=lambda s: s[0].cy)


def _among(group: list[Box], host: list[Box]) -> bool:
    """Whether the lines of `group` stand between those of `host`, with lines of the host
    between theirs too (a line over each row's note, the rows ruled off below): the lines of a
    table inside a page's frame have none of the frame's between them."""
    top, bottom = min(r.cy for r in host), max(r.cy for r in host)
    first, last = min(r.cy for r in group), max(r.cy for r in group)
    between = any(first < r.cy < last for r in host)
    return between and all(top < r.cy < bottom for r in group)


def _part_of(line: Box, full: Box) -> bool:
    """A line over some of the columns of a line across the table, sharing one of its ends."""
    ends = abs(line.x0 - full.x0) <= END or abs(line.x1 - full.x1) <= END
    inside = line.x0 >= full.x0 - END and line.x1 <= full.x1 + END
    return ends and inside and line.width >= 0.3 * full.width
