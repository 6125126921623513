"""Checking a profile's `[keymap]`: the one place `profile check`, `profile import`, the editor
and start-up all use (through `loading.parse_profile`).

A keymap entry is `binding id = "key"` or `"key1,key2"`. It is refused when the id is not one
of `bindings.BINDINGS` (with "did you mean"), when a key is not a name Textual can deliver (a
binding on "banana" would simply never fire), and when the keys it gives clash with another
binding on a screen where both work: Textual lets one of them win and the other action can
no longer be reached by that key, or by any key. Keys are written back the way Textual names
them ("." -> "full_stop"), since Textual's keymap does not translate them itself.
"""

from __future__ import annotations

import difflib
import string
import unicodedata
from dataclasses import dataclass

from memberdesk.access.bindings import APP, BINDINGS, SCREENS, BindingInfo

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
NAMED_KEYS = (
    "escape",
    "enter",
    "tab",
    "backspace",
    "space",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "insert",
    "delete",
    *(f"f{n}" for n in range(1, 25)),
)
# What people write for a key, and the name Textual gives it.
ALIASES = {
    "esc": "escape",
    "return": "enter",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "page_up": "pageup",
    "page_down": "pagedown",
    "del": "delete",
    "ins": "insert",
    "bksp": "backspace",
    "arrowup": "up",
    "arrowdown": "down",
}
# Textual's names for some symbols are not the Unicode ones (see textual.keys).
_SYMBOL_RENAMES = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def character_key(character: str) -> str:
    """The name Textual gives the key that types `character`: "a" -> "a", "." -> "full_stop"."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return character
    return _SYMBOL_RENAMES.get(name, name)


SYMBOL_KEYS = {character_key(ch): ch for ch in string.punctuation}
KNOWN_NAMES = frozenset(NAMED_KEYS) | frozenset(SYMBOL_KEYS)


def _key_name_problem(name: str, shown: str) -> str:
    close = difflib.get_close_matches(name, sorted(KNOWN_NAMES | set(ALIASES)), n=1, cutoff=0.7)
    hint = f"did you mean '{ALIASES.get(close[0], close[0])}'? " if close else ""
    return (
        f"'{name}' in '{shown}' is not a key: {hint}use a letter, a digit, a symbol such as '.' or"
        " 'full_stop', f1 to f24, or one of " + ", ".join(NAMED_KEYS[:15])
    )


def normalise_keys(text: str) -> tuple[str, str | None]:
    """(the keys as Textual names them, None) or ("", what is wrong)."""
    if not text.strip():
        return "", "is empty: give a key such as 'ctrl+n' or 'f2'"
    keys: list[str] = []
    for raw in text.split(","):
        key = raw.strip()
        if not key or any(ch.isspace() for ch in key):
            return "", f"'{text}' is not a key: write keys like 'ctrl+n', several separated by commas"
        if key == "+":
            keys.append("plus")
            continue
        *mods, name = key.split("+")
        if not name:
            return "", f"'{text}' ends with '+': name the key after the modifiers, e.g. 'ctrl+n'"
        unknown = [m for m in mods if m.lower() not in MODIFIERS]
        if unknown:
            return "", f"'{unknown[0]}' in '{text}' is not a modifier: use {', '.join(sorted(MODIFIERS))}"
        if len(name) == 1:
            name = character_key(name)
        else:
            name = ALIASES.get(name.lower(), name.lower())
            if name not in KNOWN_NAMES:
                return "", _key_name_problem(name, key)
        keys.append("+".join([*(m.lower() for m in mods), name]))
    return ",".join(dict.fromkeys(keys)), None


def unknown_id_problem(binding_id: str) -> str | None:
    """Why `binding_id` is not a binding, with the nearest id, or None when it is one."""
    if binding_id in BINDINGS:
        return None
    close = difflib.get_close_matches(binding_id, list(BINDINGS), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"'{binding_id}' is not a binding id: {hint}'memberdesk profile export NAME' lists every id with its keys"


@dataclass(frozen=True)
class Clash:
    binding_id: str  # the remapped entry the message belongs to (its line is named)
    message: str


def _keys(keymap: dict[str, str], info: BindingInfo) -> list[str]:
    return [k for k in keymap.get(info.id, info.keys).split(",") if k]


def _order(screen: str) -> list[BindingInfo]:
    """The bindings working on `screen`, in the order Textual tries them for a key."""
    places = SCREENS[screen]
    ranked = [i for i in BINDINGS.values() if i.priority]
    ranked += [i for place in places for i in BINDINGS.values() if i.place == place and not i.priority]
    ranked += [i for i in BINDINGS.values() if i.place == APP and not i.priority]
    return ranked


def _describe(info: BindingInfo) -> str:
    return f"{info.id} ({info.description})"


def _where(info: BindingInfo, screen: str) -> str:
    return ", an app-wide key," if info.place == APP else f" on the {screen} screen,"


def _shared_keys(screen: str, keymap: dict[str, str]) -> tuple[list[tuple[str, BindingInfo, BindingInfo]], set[str]]:
    """(key, the binding that gets it, one that loses it) on `screen`, and the ids that keep a key."""
    owner: dict[str, BindingInfo] = {}
    losers: list[tuple[str, BindingInfo, BindingInfo]] = []
    for info in _order(screen):
        for key in _keys(keymap, info):
            if key not in owner:
                owner[key] = info
            elif owner[key].id != info.id:
                losers.append((key, owner[key], info))
    return losers, {info.id for info in owner.values()}


def find_clashes(keymap: dict[str, str]) -> list[Clash]:
    """Clashes a keymap makes: a key two bindings share on one screen that they do not share
    with the built-in keys (those pairs, such as F1 both opening and closing help, are meant).
    Each says which action loses the key, and whether it is left with no key at all there."""
    found: dict[tuple[str, str, str], Clash] = {}
    for screen in SCREENS:
        meant = {(k, w.id, lo.id) for k, w, lo in _shared_keys(screen, {})[0]}
        losers, won = _shared_keys(screen, keymap)
        for key, winner, loser in losers:
            if (key, winner.id, loser.id) in meant:
                continue
            there = f"on the {screen} screen" if loser.place == APP else "there"
            left = f"is left without a key {there}" if loser.id not in won else f"no longer has '{key}' {there}"
            if winner.id in keymap and keymap[winner.id] != winner.keys:
                at, message = (
                    winner.id,
                    (
                        f"'{key}' is also the key of {_describe(loser)}{_where(loser, screen)} which {left};"
                        " choose another key for one of them"
                    ),
                )
            else:
                at, message = (
                    loser.id,
                    (
                        f"'{key}' is already the key of {_describe(winner)}{_where(winner, screen)} which comes"
                        f" first: {loser.id} {left}; choose another key"
                    ),
                )
            found.setdefault((at, key, loser.id if at == winner.id else winner.id), Clash(at, message))
    return list(found.values())


def full_keymap(keymap: dict[str, str]) -> dict[str, str]:
    """Every binding id with the keys it has under `keymap` (an export writes this)."""
    return {info.id: keymap.get(info.id, info.keys) for info in BINDINGS.values()}


def changed_only(keymap: dict[str, str]) -> dict[str, str]:
    """The entries that differ from the built-in keys (what the app hands Textual)."""
    return {i: keys for i, keys in keymap.items() if i not in BINDINGS or keys != BINDINGS[i].keys}
