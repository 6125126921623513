"""The layer rule of DESIGN.md: only memberdesk.ui imports Textual.

import-linter checks the modules its contract names; this checks that the contract names
every module outside the UI, and that none of them imports Textual even inside a function.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

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


def test_the_import_contract_names_every_module_outside_the_ui() -> None:
    contract = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"][0]
    named = set(contract["source_modules"])
    top_level = {
        "memberdesk." + (p.stem if p.parent == SRC else p.relative_to(SRC).parts[0])
        for p in _outside_ui()
        if p.name != "__init__.py" or p.parent != SRC
    } - {"memberdesk.__main__", "memberdesk.assets"}
    assert top_level - named == set(), "add these to the import-linter contract in pyproject.toml"
