"""Screen-reader mode's dialogs that ask for a line of text: drawn over the bottom rows only.

A screen reader such as Fenrir speaks every row whose text changes. A dialog drawn over the
page, when it closes, changes every row it covered back to the page: the screen reader reads
the page again, and a message such as "Note saved." is lost in it. So in screen-reader mode
a `LineDialog` leaves the screen below as it is (no backdrop) and sits on the bottom rows.
(The reader goes further: its note line is a widget of its own, `widgets/note_line.py`, so no
screen changes at all.)
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class LineDialog(ModalScreen[ResultType]):
    """A dialog that, in screen-reader mode, is the bottom rows of the screen (class `-line`)."""

    def on_mount(self) -> None:
        self.set_class(self.app.has_class("-screen-reader"), "-line")
