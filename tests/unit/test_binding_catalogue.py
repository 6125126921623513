"""The binding catalogue in access/ (which `profile check` uses without loading Textual) is the
UI's own bindings: every class under memberdesk.ui is walked, so a new or changed key that is
not in the catalogue fails here. Key names are checked against Textual's own."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import string
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, _character_to_key

import memberdesk.ui
from memberdesk.access.bindings import APP, BINDINGS, SCREENS
from memberdesk.access.keymap import NAMED_KEYS, character_key


def ui_bindings() -> dict[str, set[tuple[str, str, bool]]]:
    found: dict[str, set[tuple[str, str, bool]]] = {}
    for module_info in pkgutil.walk_packages(memberdesk.ui.__path__, "memberdesk.ui."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, DOMNode):
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                assert isinstance(binding, Binding) and binding.id, f"{cls.__name__}: a binding without an id"
                found.setdefault(binding.id, set()).add((binding.key, binding.description, binding.priority))
    return found


def test_the_catalogue_is_the_ui_bindings() -> None:
    found = ui_bindings()
    catalogue = {info.id: {(info.keys, info.description, info.priority)} for info in BINDINGS.values()}
    assert found == catalogue


def test_every_place_works_on_some_screen() -> None:
    places = {info.place for info in BINDINGS.values()} - {APP}
    assert places == {place for screen in SCREENS.values() for place in screen}


def test_key_names_are_textuals() -> None:
    for character in string.printable.strip():
        assert character_key(character) == _character_to_key(character), character
    textual_names = {key.value for key in Keys} | {"space"}
    assert set(NAMED_KEYS) <= textual_names


def test_the_readme_names_real_binding_ids() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    places = "|".join(sorted({info.place for info in BINDINGS.values()}))
    named = set(re.findall(rf"[`\"]((?:{places})\.[a-z_-]+)[`\"]", readme))
    assert named and named <= set(BINDINGS), sorted(named - set(BINDINGS))
