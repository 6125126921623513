"""One line of text for messages, instead of pop-up toasts (profiles with notifications = "status").

A toast appears in a corner and goes away on a timer: a screen reader may never reach it and
a magnifier user may never see it. This line sits at a fixed place at the bottom of the screen
and keeps the latest message, in words, until the next one.
"""

from __future__ import annotations

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

    def show(self, text: str) -> None:
        self.text = text
        self.update(text)
