"""Shared fixtures: every test gets its own library folder and no animation or blinking."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from pdf_factory import make_pdf

# Generated cases test what happens, not how fast: a loaded CI machine may take a second over
# one, and the speed goals are measured in tests/bench against a reference, not here.
settings.register_profile("memberdesk", deadline=None)
settings.load_profile("memberdesk")

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "assets" / "demo" / "demo-agenda-pack.pdf"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MEMBERDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MEMBERDESK_PROFILE", raising=False)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def demo_pdf() -> Path:
    return DEMO


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A 30-page pack: roman front pages, an outline, a distinctive word on page 20."""
    pages = []
    for number in range(30):
        words = f"This is page {number + 1} of the committee pack about highways and the budget. " * 8
        if number == 19:
            words += "The zebra crossing on Mill Lane was approved."
        pages.append(words)
    return make_pdf(
        tmp_path / "in" / "pack.pdf",
        pages,
        title="Cabinet reports pack",
        roman_front=3,
        outline={0: "Front sheet", 3: "Item 1: Budget", 19: "Item 2: Highways"},
    )
