"""The real-paper corpus is consistent: corpus.toml, SOURCES.md and the files agree, and every file
opens. Cheap (no extraction, no subprocess), so CI runs it. Fidelity is measured by
tests/bench/bench_fidelity.py; assertions on it belong to the extractor's own tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import fidelity

ITEMS = fidelity.load_corpus()
MAX_FILE = 1_500_000
MAX_CORPUS = 10_000_000


def test_every_listed_file_exists_and_every_file_is_listed() -> None:
    listed = [item.name for item in ITEMS]
    assert len(listed) == len(set(listed)), "a file is listed twice in corpus.toml"
    on_disk = sorted(path.name for path in fidelity.CORPUS.glob("*.pdf"))
    assert sorted(listed) == on_disk


def test_sources_name_every_file() -> None:
    sources = fidelity.SOURCES.read_text(encoding="utf-8")
    missing = [item.name for item in ITEMS if item.name not in sources]
    assert not missing, f"SOURCES.md does not name {missing}"


def test_the_corpus_stays_small() -> None:
    sizes = {item.name: item.path.stat().st_size for item in ITEMS}
    assert all(size < MAX_FILE for size in sizes.values()), sizes
    assert sum(sizes.values()) < MAX_CORPUS


@pytest.mark.parametrize("item", ITEMS, ids=[item.name for item in ITEMS])
def test_entry_is_well_formed_and_the_file_opens(item: fidelity.CorpusFile) -> None:
    assert item.kind in fidelity.KINDS
    assert item.stamp_kind in ("moderngov", "printed")
    assert item.phrases, "every entry has hand-checked phrases"
    reader = PdfReader(item.path)
    assert not reader.is_encrypted
    assert len(reader.pages) == item.pages
    unstamped = set(item.entry.get("unstamped", ()))
    implied = {int(page) for page in item.entry.get("implied_labels", {})}
    assert all(1 <= page <= item.pages for page in set(item.stamps) | unstamped | implied)
    assert not unstamped & set(item.stamps), "a page is both stamped and unstamped"
    assert implied <= unstamped, "implied labels are for unstamped pages"
    if item.kind == "pack":
        assert item.stamp_kind == "moderngov" and item.stamps
        assert set(item.stamps) | unstamped == set(range(1, item.pages + 1)), "every page of a pack is accounted for"
    if item.image_only:
        assert not reader.pages[0].extract_text().strip()


def test_measures_on_a_made_up_page() -> None:
    """The bench's arithmetic, on text small enough to check by eye."""
    topics = ("Highways", "Schools", "Libraries")
    pages = [
        f"{topic} report\nThe {topic.lower()} panel agreed the co-\nordinated plan for {topic.lower()}.\n"
        + "\n".join(f"{topic} line {i}" for i in range(6))
        + f"\nPage {n} of 3"
        for n, topic in enumerate(topics, 1)
    ]
    running = fidelity.running_lines(pages)
    assert running == {"page # of #"}
    ref = fidelity.words(fidelity.strip_running(pages[0], running))
    assert ref[:11] == [
        "highways",
        "report",
        "the",
        "highways",
        "panel",
        "agreed",
        "the",
        "coordinated",
        "plan",
        "for",
        "highways",
    ]
    assert ref[-3:] == ["highways", "line", "5"]  # the footer is gone
    ours = fidelity.words(
        "Highways report\n\nThe highways panel agreed the coordinated plan for highways.\n\n"
        + " ".join(f"Highways line {i}" for i in range(6))
        + "\n\nPage 1 of 3"
    )
    assert fidelity.recall(fidelity.Counter(ref), fidelity.Counter(ours)) == (len(ref), len(ref))
    assert fidelity.phrases_in_order(ours, ["Highways report", "co-ordinated plan", "Highways report"]) == [
        True,
        True,
        False,
    ]
    output = "--- page ii ---\nFront\n\n--- page 1 ---\nBody\n"
    assert fidelity.split_pages(output) == [("ii", "Front\n"), ("1", "Body")]
    assert fidelity.label_accuracy({2: "1"}, ["ii", "1"])[:2] == (1, 1)
