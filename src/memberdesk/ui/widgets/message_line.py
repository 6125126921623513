"""One line of text for messages, instead of pop-up toasts, in every profile.

A toast appears over the page and goes away on a timer: it hides the lines being read, a
screen reader may never reach it and a magnifier user may never see it. This line has its own
row at the bottom of the screen (docked, so the page is laid out above it, never under it)
and keeps the latest message, in words: until the next one (notifications = "status"), or
for a few seconds (notifications = "toast").
"""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Static

SEVERITY_WORDS = {"information": "", "warning": "Warning: ", "error": "Problem: "}


def message_text(message: str, severity: str) -> str:
    """The message with its severity in words first (never said by colour alone)."""
    prefix = SEVERITY_WORDS.get(severity, "")
    return message if not prefix or message.startswith(prefix) else prefix + message


class MessageLine(Static):
    DEFAULT_CSS = """
    MessageLine {
        dock: bottom;
        height: 1;
        padding: 0 2;
    }
    """

    def __init__(self) -> None:
        super().__init__("", id="message-line", markup=False)
        self.text = ""
        self._clear_timer: Timer | None = None

    def show(self, text: str) -> None:
        if self._clear_timer is not None:
            self._clear_timer.stop()
            self._clear_timer = None
        self.text = text
        self.update(text)

    def clear_after(self, seconds: float) -> None:
        shown = self.text

        def clear() -> None:
            if self.text == shown:
                self.show("")

        self._clear_timer = self.set_timer(seconds, clear)
