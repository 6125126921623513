"""Search: phrases, prefixes, ranking, printed page labels, filters, agenda items, index in step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from library_factory import add_meeting_paper
from memberdesk.library import Library
from memberdesk.library.search import Filters, SearchError, fts_query
from memberdesk.model import AgendaItem
from memberdesk.papers.importer import Importer
from pdf_factory import make_pdf


@pytest.fixture
def library(home: Path, tmp_path: Path) -> Library:
    lib = Library(home)
    add_meeting_paper(
        lib,
        tmp_path,
        committee="Cabinet",
        when=date(2026, 3, 10),
        title="Cabinet pack March",
        pages=[
            "Front sheet for the Cabinet meeting.",
            "The ICT contract for home care scheduling ends in July. The contract was let in 2019.",
            "Highways maintenance budget. Potholes on the A59 and the budget for resurfacing.",
        ],
        items=[
            AgendaItem(
                0,
                0,
                "5.",
                "ICT contract renewal",
                text="Cabinet is asked to approve the procurement of a new ICT system.",
                remote_id="501",
            )
        ],
    )
    add_meeting_paper(
        lib,
        tmp_path,
        committee="Scrutiny Committee",
        when=date(2027, 1, 12),
        title="Scrutiny pack January",
        pages=[
            "Agenda.",
            "The committee discussed the contract for ICT support in schools.",
            "Budgets, budgeting and the budget gap.",
        ],
    )
    yield lib
    lib.close()


def test_words_must_all_appear_and_results_name_their_place(library: Library) -> None:
    hits = library.search.query("ICT contract")
    pages = [h for h in hits if h.kind == "page"]
    assert {(h.document_title, h.page_label) for h in pages} == {
        ("Cabinet pack March", "2"),
        ("Scrutiny pack January", "2"),
    }
    top = pages[0]
    assert top.committee in ("Cabinet", "Scrutiny Committee") and top.council == "Northshire County Council"
    assert "\u00abICT\u00bb" in top.snippet and "\u00abcontract\u00bb" in top.snippet


def test_phrase_matches_only_words_together(library: Library) -> None:
    hits = [h for h in library.search.query('"ICT contract"') if h.kind == "page"]
    assert [(h.document_title, h.page_label) for h in hits] == [("Cabinet pack March", "2")]
    assert "\u00abICT contract\u00bb" in hits[0].snippet


def test_prefix(library: Library) -> None:
    hits = library.search.query("budg*")
    assert {h.document_title for h in hits} == {"Cabinet pack March", "Scrutiny pack January"}
    scrutiny = next(h for h in hits if h.document_title == "Scrutiny pack January")
    assert "\u00abBudgets\u00bb" in scrutiny.snippet and "\u00abbudgeting\u00bb" in scrutiny.snippet


def test_ranking_puts_the_denser_page_first(library: Library) -> None:
    hits = library.search.query("contract")
    assert hits[0].kind == "agenda_item"  # matching agenda items lead the list
    pages = [h for h in hits if h.kind == "page"]
    assert pages[0].document_title == "Cabinet pack March" and pages[0].page_label == "2"  # says "contract" twice
    assert all(h.order == "relevance" for h in hits)


def test_words_on_most_pages_list_the_newest_papers_first(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import memberdesk.library.search as search_module

    monkeypatch.setattr(search_module, "BROAD", 3)
    with Library(home) as library, Importer(library, workers=1) as importer:
        for n in range(3):
            importer.import_file(
                make_pdf(tmp_path / f"p{n}.pdf", [f"Budget paper {n}.", "Budget again."], title=f"Paper {n}")
            )
        hits = library.search.query("budget")
        assert [h.document_title for h in hits][:2] == ["Paper 2", "Paper 2"]
        assert {h.order for h in hits} == {"newest"}
        # A phrase is always ranked by relevance.
        assert {h.order for h in library.search.query('"budget paper"')} == {"relevance"}


def test_agenda_item_text_is_searched(library: Library) -> None:
    items = [h for h in library.search.query("procurement") if h.kind == "agenda_item"]
    assert [h.document_title for h in items] == ["5. ICT contract renewal"]
    assert items[0].committee == "Cabinet" and items[0].meeting_date == "2026-03-10"
    assert library.councils.agenda_item(items[0].agenda_item_id or 0) is not None


def test_filters(library: Library) -> None:
    assert {h.document_title for h in library.search.query("ICT", Filters(committee="scrutiny"))} == {
        "Scrutiny pack January"
    }
    assert {h.document_title for h in library.search.query("ICT", Filters(date_from=date(2027, 1, 1)))} == {
        "Scrutiny pack January"
    }
    assert {h.document_title for h in library.search.query("ICT", Filters(date_to=date(2026, 12, 31)))} == {
        "Cabinet pack March",
        "5. ICT contract renewal",
    }
    doc = next(h.document_id for h in library.search.query("schools"))
    assert {h.document_id for h in library.search.query("ICT", Filters(document_id=doc))} == {doc}


def test_queries_people_type_never_break_fts(library: Library) -> None:
    for text in ["ICT-contract", "(budget", "budget OR", "AND", 'a "b', "NEAR(x y)", "col:umn", "^start"]:
        library.search.query(text)
    with pytest.raises(SearchError, match="nothing to search for"):
        library.search.query('" - ()')
    assert fts_query("ICT-contract")[0] == '"ICT contract"'


def test_index_follows_a_new_version_and_can_be_rebuilt(library: Library, tmp_path: Path) -> None:
    updated = make_pdf(
        tmp_path / "v2.pdf", ["Revised: the zebra crossing scheme replaces the ICT contract."], title="Revised"
    )
    with Importer(library, workers=1) as importer:
        doc = importer.import_file(updated).document_id
    assert any(h.document_id == doc for h in library.search.query("zebra"))
    library.documents.discard(doc or 0)
    assert library.search.query("zebra") == []
    assert library.search.check()
    library.search.rebuild()
    assert {h.page_label for h in library.search.query('"ICT contract"') if h.kind == "page"} == {"2"}


def test_printed_labels_in_results(home: Path, pack: Path) -> None:
    with Library(home) as library, Importer(library) as importer:
        importer.import_file(pack)
        [hit] = library.search.query("zebra crossing")
        assert (hit.page_index, hit.page_label) == (19, "17")


def _indexed(lib: Library, word: str) -> int:
    return lib.conn.execute("SELECT COUNT(*) FROM pages_fts WHERE pages_fts MATCH ?", (word,)).fetchone()[0]


def test_a_page_is_indexed_once_with_its_final_text(home: Path) -> None:
    """Pages stored while their paper is laid out are readable but not indexed; the final
    text is, once; a paper given up before then leaves the index sound."""
    lib = Library(home)
    doc = lib.documents.begin(title="Pack", sha256="a" * 64, page_count=2, file_name="aa/a.pdf")
    lib.documents.add_pages(doc, [(0, "1", "Committee header zebra crossing"), (1, "2", "Giraffe budget")])
    assert lib.documents.page(doc, 0).text == "Committee header zebra crossing"  # readable at once
    assert _indexed(lib, "zebra") == 0 and _indexed(lib, "giraffe") == 0
    assert lib.search.check() is False  # its pages are not in the index yet, and check says so
    lib.documents.lay_out(
        doc, [(0, "1", "zebra crossing", "[]", ""), (1, "2", "Giraffe budget", "[]", "")], extraction=3
    )
    lib.documents.finish(doc)
    assert _indexed(lib, "zebra") == 1 and _indexed(lib, "committee") == 0 and _indexed(lib, "giraffe") == 1
    assert lib.search.check()
    lib.search.rebuild()
    assert _indexed(lib, "zebra") == 1 and lib.search.check()
    other = lib.documents.begin(title="Cut off", sha256="b" * 64, page_count=1, file_name="bb/b.pdf")
    lib.documents.add_pages(other, [(0, "1", "zebra again")])
    lib.search.rebuild()  # while it is being imported: its page stays out
    assert _indexed(lib, "zebra") == 1
    lib.documents.discard(other)
    assert lib.search.check() and _indexed(lib, "zebra") == 1
    lib.documents.discard(doc)
    assert lib.search.check() and _indexed(lib, "zebra") == 0


def test_a_paper_read_again_stays_searchable_until_its_new_text_is_in(home: Path, tmp_path: Path) -> None:
    """Re-extraction (reindex) does not store first-pass text: the paper's text stays as it
    was, read and searched, until the new text replaces it (a reindex killed part-way leaves
    it so)."""
    places = [
        "Ashby",
        "Bourne",
        "Carlton",
        "Dunmore",
        "Elton",
        "Felling",
        "Garton",
        "Holme",
        "Ingham",
        "Jarrow",
        "Kelby",
        "Linton",
    ]
    body = "Councillors asked about the zebra crossing near the school and its budget. " * 4
    texts = [f"{place} ward report.\n{body}\nSigned for {place} ward." for place in places * 3]
    pdf = make_pdf(tmp_path / "pack.pdf", texts, title="Pack")
    with Library(home) as library, Importer(library, workers=2) as importer:
        [result] = importer.import_paths([pdf])
        assert result.document_id is not None
        document = library.documents.get(result.document_id)
        assert document is not None
        found_during: list[int] = []

        def progress(_: str, done: int, total: int) -> None:
            if 0 < done < total:
                found_during.append(len(library.search.query("zebra")))

        assert importer.reextract(document, progress=progress) == ""
        assert found_during and set(found_during) == {len(library.search.query("zebra"))} != {0}
        assert library.search.check()
