"""PDF -> pages of text with printed page labels, and the outline. The only pypdf user (with
forms.py).

Every way a PDF can be bad becomes a `PdfProblem` with a short reason a person can act on;
nothing from pypdf escapes this module. pypdf is imported only when a paper needs it: pdfium
reads the labels and outline of every paper that is not encrypted (structure.py), and loading
pypdf and parsing the file again was a good part of a paper's import.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from memberdesk.model import OutlineEntry
from memberdesk.papers import structure

if TYPE_CHECKING:
    from pypdf import PdfReader

# pypdf logs warnings about odd but readable files; they are not the reader's business.
logging.getLogger("pypdf").setLevel(logging.ERROR)

NEEDS_PASSWORD = "needs a password: ask the council for an unprotected copy"
DAMAGED = "damaged or incomplete: download it again"
NOT_PDF = "not a PDF"
NOT_PDF_HTML = "not a PDF (it is a web page, perhaps a login or error page)"
EMPTY = "empty file (0 bytes): download it again"
UNSAFE = "damaged or unsafe (its contents expand beyond safe limits)"
TOO_DEEP = "damaged (objects nested too deeply or in a loop)"
NO_CRYPTO = "encrypted, and reading it needs the 'cryptography' package: pip install 'pypdf[crypto]'"


class PdfProblem(Exception):
    """A PDF that cannot be read; `reason` is a short phrase for "<file>: <reason>"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PdfInfo:
    page_count: int
    title: str
    labels: list[str]
    outline: list[OutlineEntry]
    has_page_labels: bool = False  # the labels came from the PDF's /PageLabels, not positions
    metadata_title: str = ""  # as the file says it, template or not


def _sniff(path: Path) -> None:
    """Reject what is plainly not a PDF before pypdf guesses at it."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise PdfProblem(f"cannot be read ({exc.strerror or exc})") from exc
    if not head:
        raise PdfProblem(EMPTY)
    stripped = head.lstrip()
    if stripped.startswith(b"%PDF-"):
        return
    if b"%PDF-" in head:  # some generators put junk before the header; pypdf copes
        return
    lowered = stripped[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        raise PdfProblem(NOT_PDF_HTML)
    raise PdfProblem(NOT_PDF)


def open_reader(path: Path) -> PdfReader:
    from pypdf import PdfReader

    _sniff(path)
    try:
        reader = PdfReader(path, strict=False)
        # Owner-password-only files (common from councils) open with the empty password.
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfProblem(NEEDS_PASSWORD)
        _ = len(reader.pages)
    except PdfProblem:
        raise
    except Exception as exc:
        raise PdfProblem(reason_for(exc)) from exc
    return reader


def reason_for(exc: BaseException) -> str:
    from pypdf.errors import (
        DependencyError,
        EmptyFileError,
        FileNotDecryptedError,
        LimitReachedError,
        PdfReadError,
        PdfStreamError,
        PyPdfError,
    )

    if isinstance(exc, FileNotDecryptedError):
        return NEEDS_PASSWORD
    if isinstance(exc, DependencyError):
        return NO_CRYPTO
    if isinstance(exc, EmptyFileError):
        return EMPTY
    if isinstance(exc, LimitReachedError):
        return UNSAFE
    if isinstance(exc, RecursionError):
        return TOO_DEEP
    if isinstance(exc, (PdfStreamError, PdfReadError, PyPdfError)):
        return DAMAGED
    if isinstance(exc, MemoryError):
        return UNSAFE
    return DAMAGED


def inspect(path: Path) -> PdfInfo:
    """Page count, title, printed page labels and outline; raises PdfProblem.

    The parsed file is kept for page_problem(), which may follow.
    """
    found = structure.read(path)
    if found is not None:
        return PdfInfo(
            page_count=found.page_count,
            title=_title(found.metadata_title, path),
            labels=found.labels,
            outline=found.outline,
            has_page_labels=found.has_page_labels,
            metadata_title=found.metadata_title,
        )
    return read_structure(path)


def read_structure(path: Path) -> PdfInfo:
    """inspect() the careful way, by pypdf, whatever the paper has."""
    reader = _cached_reader(path)
    try:
        count = len(reader.pages)
        if count == 0:
            raise PdfProblem("has no pages")
        labels = _labels(reader, count)
        outline = _outline(reader)
        title = _title(_metadata_title(reader), path)
        has_labels = "/PageLabels" in reader.root_object
    except PdfProblem:
        raise
    except Exception as exc:
        raise PdfProblem(reason_for(exc)) from exc
    return PdfInfo(
        page_count=count,
        title=title,
        labels=labels,
        outline=outline,
        has_page_labels=has_labels,
        metadata_title=_metadata_title(reader),
    )


def _labels(reader: PdfReader, count: int) -> list[str]:
    try:
        labels = list(reader.page_labels)
    except Exception:  # noqa: BLE001 - a broken label tree is not worth refusing the paper
        labels = []
    if len(labels) != count:
        labels = [str(i + 1) for i in range(count)]
    return [label or str(i + 1) for i, label in enumerate(labels)]


def _outline(reader: PdfReader) -> list[OutlineEntry]:
    from pypdf.generic import Destination

    entries: list[OutlineEntry] = []
    seen: set[int] = set()

    def walk(items: list[object], level: int) -> None:
        if level > 20:
            return
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            elif isinstance(item, Destination):
                if id(item) in seen:
                    continue
                seen.add(id(item))
                try:
                    page = reader.get_destination_page_number(item)
                except Exception:  # noqa: BLE001
                    continue
                if page is None or page < 0:
                    continue
                title = " ".join(str(item.title or "").split())
                if title:
                    entries.append(OutlineEntry(title=title, page_index=page, level=level))

    try:
        walk(list(reader.outline), 0)
    except Exception:  # noqa: BLE001 - a broken outline still leaves a readable paper
        return entries
    return entries


_JUNK_TITLE = re.compile(r"^(microsoft word - |untitled|document\d*$)|\.(docx?|pdf|rtf)$", re.I)


def _metadata_title(reader: PdfReader) -> str:
    try:
        meta = reader.metadata
        return " ".join(str(meta.title).split()) if meta and meta.title else ""
    except Exception:  # noqa: BLE001 - a broken info dictionary: no title, the paper still reads
        return ""


def _title(title: str, path: Path) -> str:
    if title and not _JUNK_TITLE.search(title):
        return title
    return path.stem.replace("_", " ").strip() or path.name


def page_problem(path: Path, index: int) -> str:
    """Why page `index` cannot be read safely ("" if it can): its content decoded within
    pypdf's limits. Asked of pages that gave no text, where a decompression bomb or a broken
    stream would otherwise pass for a blank page."""
    try:
        contents = _cached_reader(path).pages[index].get_contents()
        if contents is not None:
            contents.get_data()
    except Exception as exc:  # noqa: BLE001 - every failure is a reason
        return reason_for(exc)
    return ""


_READERS: dict[tuple[str, float], PdfReader] = {}


def _cached_reader(path: Path) -> PdfReader:
    # A worker process extracts many chunks of one file: parse its cross-reference table once.
    key = (os.fspath(path), os.path.getmtime(path))
    reader = _READERS.get(key)
    if reader is None:
        _READERS.clear()
        reader = open_reader(Path(path))
        _READERS[key] = reader
    return reader


def release() -> None:
    """Drop the kept parsed file (it can hold tens of megabytes for a large pack)."""
    _READERS.clear()


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # Ligatures and non-breaking spaces read badly aloud and break search.
    for bad, good in (("\ufb01", "fi"), ("\ufb02", "fl"), ("\ufb00", "ff"), ("\xa0", " "), ("\u00ad", "")):
        text = text.replace(bad, good)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
