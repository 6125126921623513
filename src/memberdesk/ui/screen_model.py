"""What the terminal shows, cell by cell, as far as the app's own output tells: so that a
repaint of cells that already show the same thing is not sent again.

Textual often repaints a region whose content has not changed (a list after its focus
settles, the screen under a closed dialog). A terminal shows no difference; a screen reader
reading the output as it arrives finds no new text but a cursor moving over rows, and says
them ("blank", a stray row). Only cursor moves, text and colours (SGR) are understood; any
other control sequence makes the model forget everything, so the next output is sent whole.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_MOVE = re.compile(r"\x1b\[(\d+);(\d+)H")
_TOKEN = re.compile(r"(\x1b\[[0-9;]*m)|(\x1b[^\x1b]*?[A-Za-z\\])|([^\x1b]+)")
_RESET = ("\x1b[0m", "\x1b[m")

Cell = tuple[str, str]  # (character, the colour sequences in force)


class ScreenModel:
    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], Cell] = {}

    def unchanged_removed(self, output: str) -> str:
        """`output` without the writes (a cursor move and what follows it, up to the next)
        that would put on the screen exactly what it shows already."""
        moves = list(_MOVE.finditer(output))
        if not moves:
            if "\x1b" in output.replace("\x1b[?2026h", "").replace("\x1b[?2026l", ""):
                self.cells.clear()  # a mode, a clear, a scroll: the model no longer knows
            return output
        kept = [output[: moves[0].start()]]
        if _unknown(kept[0]):
            self.cells.clear()
        for move, after in zip(moves, moves[1:] + [None]):
            end = after.start() if after is not None else len(output)
            write = output[move.start() : end]
            cells = _cells(write, int(move.group(1)) - 1, int(move.group(2)) - 1)
            if cells is None:
                self.cells.clear()
                kept.append(write)
            elif all(self.cells.get(at) == cell for at, cell in cells.items()):
                kept.append(move.group())  # nothing new: the cursor move alone
            else:
                self.cells.update(cells)
                kept.append(write)
        return "".join(kept)


def _unknown(text: str) -> bool:
    return any(token[1] and token[1] not in ("\x1b[?2026h", "\x1b[?2026l") for token in _TOKEN.findall(text))


def _cells(write: str, row: int, column: int) -> dict[tuple[int, int], Cell] | None:
    """The cells a write (a cursor move, then text and colours) paints; None when it holds
    anything else, or leaves colours set (what follows would depend on them)."""
    cells: dict[tuple[int, int], Cell] = {}
    style = ""
    for sgr, other, text in _TOKEN.findall(write[_MOVE.match(write).end() :]):  # type: ignore[union-attr]
        if other:
            return None
        if sgr:
            style = "" if sgr in _RESET else style + sgr
            continue
        for char in text:
            if char in "\r\n":
                continue  # the row ends; the next write moves the cursor itself
            width = cell_len(char)
            if width == 0 and (row, column - 1) in cells:
                last, last_style = cells[(row, column - 1)]
                cells[(row, column - 1)] = (last + char, last_style)
                continue
            cells[(row, column)] = (char, style)
            if width == 2:
                cells[(row, column + 1)] = ("", style)
            column += width
    return cells if style == "" else None
