"""Textual's Linux driver writing through `terminal_writer.PieceWriter` (why: see there)."""

from __future__ import annotations

import sys

from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver

from memberdesk.ui import terminal_writer


class PieceDriver(LinuxDriver):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._pieces = terminal_writer.writer = terminal_writer.PieceWriter(sys.__stderr__)  # type: ignore[arg-type]
        self._file = self._pieces  # type: ignore[assignment]

    def close(self) -> None:
        super().close()  # the writer thread has handed over everything
        self._pieces.drain()


def driver_for(default: type[Driver]) -> type[Driver]:
    """Textual's own driver for this platform, writing in pieces where it is the Linux one."""
    return PieceDriver if default is LinuxDriver else default
