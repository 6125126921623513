"""The house rules: only memberdesk.ui imports Textual, and every package has a layer.

import-linter checks the modules its contract names; this checks that the contract names
every module outside the UI, and that none of them imports Textual even inside a function.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parents[2] / "src" / "memberdesk"
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _outside_ui() -> list[Path]:
    return [p for p in SRC.rglob("*.py") if "ui" not in p.relative_to(SRC).parts]


def test_no_module_outside_the_ui_imports_textual() -> None:
    offenders = []
    for path in _outside_ui():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(SRC)}: {n}" for n in names if n.split(".")[0] == "textual"]
    assert offenders == []


def _contract(name: str) -> dict[str, Any]:
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["name"] == name)


def _top_level(paths: list[Path]) -> set[str]:
    return {
        "memberdesk." + (p.stem if p.parent == SRC else p.relative_to(SRC).parts[0])
        for p in paths
        if p.name != "__init__.py" or p.parent != SRC
    } - {"memberdesk.__main__", "memberdesk.assets"}


def test_the_import_contract_names_every_module_outside_the_ui() -> None:
    named = set(_contract("Only memberdesk.ui imports Textual")["source_modules"])
    assert _top_level(_outside_ui()) - named == set(), "add these to the import-linter contract in pyproject.toml"


def test_every_package_has_its_place_in_the_layers() -> None:
    layers = _contract("Layers: arrows point down only")["layers"]
    named = {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}
    assert _top_level(list(SRC.rglob("*.py"))) - named == set(), "give these a layer in pyproject.toml"
