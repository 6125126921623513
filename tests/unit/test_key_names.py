"""Keys are named as they are typed: "g", "Shift+N", "Ctrl+F" (a capital G reads as Shift+G)."""

from __future__ import annotations

from memberdesk.ui.keys import describe_key


def test_keys_are_named_as_typed() -> None:
    assert describe_key("g") == "g"
    assert describe_key("N") == describe_key("shift+n") == "Shift+N"
    assert describe_key("ctrl+f") == "Ctrl+F" and describe_key("f3") == "F3"
    assert describe_key("question_mark") == "?" and describe_key("right") == "Right arrow"
