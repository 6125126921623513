"""Every key binding of the app, with its id and the keys it has now (after any remapping).

The help screen and the command palette are built from this, so they can never disagree with
what the keys actually do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode


@dataclass(frozen=True)
class KeyRow:
    group: str
    keys: str
    description: str
    binding_id: str
    action: str


def bindings_of(node_type: type[DOMNode]) -> list[Binding]:
    found: list[Binding] = []
    for item in getattr(node_type, "BINDINGS", []):
        binding = _as_binding(item)
        if binding is not None and binding.id:
            found.append(binding)
    return found


def _as_binding(item: BindingType) -> Binding | None:
    return item if isinstance(item, Binding) else None


_NAMES = {
    "full_stop": ".",
    "comma": ",",
    "slash": "/",
    "question_mark": "?",
    "space": "Space",
    "escape": "Escape",
    "backspace": "Backspace",
    "enter": "Enter",
    "tab": "Tab",
    "pagedown": "Page Down",
    "pageup": "Page Up",
    "home": "Home",
    "end": "End",
    "up": "Up arrow",
    "down": "Down arrow",
    "left": "Left arrow",
    "right": "Right arrow",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "apostrophe": "'",
    "number_sign": "#",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "underscore": "_",
}


def describe_key(key: str) -> str:
    """A key as it is typed, in words a screen reader can say: "g", "Shift+N", "Ctrl+F",
    "Right arrow". A letter alone is shown small: a capital "G" reads as Shift+G."""
    *modifiers, name = key.split("+")
    if len(name) == 1 and name.isupper():
        modifiers.append("shift")
        name = name.lower()
    if len(name) == 1 and name.isalpha() and not modifiers:
        return name
    shown = _NAMES.get(name, name.upper() if len(name) == 1 or name[:1] == "f" and name[1:].isdigit() else name)
    return "+".join([*(m.capitalize() for m in modifiers), shown])


def keys_for(app: App[Any], binding: Binding) -> str:
    keymap: dict[str, str] = getattr(app, "_keymap", {}) or {}
    keys = keymap.get(binding.id or "", binding.key)
    # "H,shift+h" are one key said twice: say it once.
    return " or ".join(dict.fromkeys(describe_key(k.strip()) for k in keys.split(",") if k.strip()))


def key_rows(app: App[Any], groups: list[tuple[str, type[DOMNode]]]) -> list[KeyRow]:
    rows = []
    for group, node_type in groups:
        for binding in bindings_of(node_type):
            rows.append(KeyRow(group, keys_for(app, binding), binding.description, binding.id or "", binding.action))
    return rows
