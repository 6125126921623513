"""The command line, through the real entry point: import, library, text, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli import memberdesk
from memberdesk import __version__
from pdf_factory import bomb_pdf, html_as_pdf, make_pdf, nested_pdf, truncated_pdf


def test_version_and_help_for_every_command(home: Path) -> None:
    assert memberdesk("--version").out.strip() == f"memberdesk {__version__}"
    top = memberdesk("--help")
    assert top.code == 0
    for command in ("open", "import", "library", "text"):
        assert command in top.out
        sub = memberdesk(command, "--help")
        assert sub.code == 0 and "usage: memberdesk " + command in sub.out


def test_bad_usage_is_exit_2(home: Path) -> None:
    run = memberdesk("import")
    assert run.code == 2 and "memberdesk" in run.err and "Traceback" not in run.err


def test_import_then_library_json(home: Path, pack: Path) -> None:
    run = memberdesk("import", pack, home=home)
    assert run.code == 0, run.err
    assert "imported: Cabinet reports pack (30 pages, document 1)" in run.out
    again = memberdesk("import", pack, home=home)
    assert again.code == 0 and "already in the library" in again.out
    data = memberdesk("library", "--json", home=home).json()
    assert data["library"] == str(home)
    [doc] = data["documents"]
    assert doc["id"] == 1 and doc["title"] == "Cabinet reports pack" and doc["pages"] == 30
    assert (doc["first_page_label"], doc["last_page_label"]) == ("i", "27")
    assert doc["source"] == str(pack.resolve()) and doc["status"] == "ready"
    assert data["councils"] == []
    text = memberdesk("library", home=home)
    assert "Cabinet reports pack (30 pages, printed i to 27)" in text.out


def test_bad_files_each_get_one_line_and_the_rest_import(home: Path, tmp_path: Path, pack: Path) -> None:
    folder = tmp_path / "download"
    make_pdf(folder / "good.pdf", ["Agenda item 1: apologies"])
    (folder / "empty.pdf").write_bytes(b"")
    html_as_pdf(folder / "login.pdf")
    truncated_pdf(pack, folder / "cut.pdf")
    make_pdf(folder / "locked.pdf", ["Part II"], user_password="secret")
    nested_pdf(folder / "nested.pdf")
    bomb_pdf(folder / "bomb.pdf", expanded_mb=100)
    run = memberdesk("import", folder, home=home)
    assert run.code == 1
    assert "Traceback" not in run.err
    problems = {
        line.split(": ", 2)[1].rsplit("/", 1)[-1]: line.split(": ", 2)[2]
        for line in run.err.splitlines()
        if line.startswith("memberdesk: ")
    }
    assert problems == {
        "bomb.pdf": "damaged or unsafe (its contents expand beyond safe limits)",
        "cut.pdf": "damaged or incomplete: download it again",
        "empty.pdf": "empty file (0 bytes): download it again",
        "locked.pdf": "needs a password: ask the council for an unprotected copy",
        "login.pdf": "not a PDF (it is a web page, perhaps a login or error page)",
        "nested.pdf": problems["nested.pdf"],
    }
    assert problems["nested.pdf"].startswith("damaged")
    data = memberdesk("library", "--json", home=home).json()
    assert [d["title"] for d in data["documents"]] == ["good"]
    assert len([p for p in (home / "papers").rglob("*") if p.is_file()]) == 1


def test_missing_path_is_named(home: Path) -> None:
    run = memberdesk("import", "/no/such/agenda.pdf", home=home)
    assert run.code == 1
    assert run.err.strip() == "memberdesk: /no/such/agenda.pdf: no such file or folder"


def test_text_by_printed_pages(home: Path, pack: Path) -> None:
    memberdesk("import", pack, home=home)
    run = memberdesk("text", "1", "--pages", "iii-1", home=home)
    assert run.code == 0
    assert run.out.startswith("--- page iii ---\nThis is page 3 of the committee pack")
    assert "--- page 1 ---" in run.out and "--- page 2 ---" not in run.out
    bad = memberdesk("text", "1", "--pages", "99", home=home)
    assert bad.code == 1 and "pages run from i to 27" in bad.err


def test_text_of_unknown_document(home: Path) -> None:
    run = memberdesk("text", "42", home=home)
    assert run.code == 1 and "no document 42" in run.err


@pytest.mark.parametrize("command", [[], ["open", "1"]])
def test_app_refuses_without_a_terminal(home: Path, pack: Path, command: list[str]) -> None:
    memberdesk("import", pack, home=home)
    run = memberdesk(*command, home=home)
    assert run.code == 1 and "needs a terminal" in run.err


def test_library_option_and_env_choose_the_folder(tmp_path: Path, pack: Path) -> None:
    other = tmp_path / "elsewhere"
    assert memberdesk("--library", other, "import", pack).code == 0
    assert (other / "library.sqlite3").exists()
    data = memberdesk("library", "--json", home=other).json()
    assert len(data["documents"]) == 1


def test_an_import_marks_additions_on_a_page_that_strikes_nothing(home: Path, tmp_path: Path) -> None:
    # The paper's changes are judged across its pages: a page that only adds, in the colour
    # the other pages strike words through in, is read with its additions marked.
    import tracked_factory as tf

    assert memberdesk("import", tf.red_changes(tmp_path / "red.pdf", next_page=True), home=home).code == 0
    out = memberdesk("text", "1", "--pages", "2", home=home).out
    assert tf.RED_NEXT_EXPECTED in out
