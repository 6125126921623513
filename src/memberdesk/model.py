"""Plain data: what the library holds and what the layers pass to each other."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Council:
    id: int
    name: str
    base_url: str
    mode: str  # "webservice", "soap" or "html": how the site is read


@dataclass(frozen=True)
class Committee:
    id: int
    council_id: int
    remote_id: str
    title: str
    category: str = ""
    deleted: bool = False
    expired: bool = False
    followed: bool = False


@dataclass(frozen=True)
class Meeting:
    id: int
    committee_id: int
    remote_id: str
    date: date | None
    time: str = ""
    status: str = ""
    location: str = ""
    title: str = ""  # committee title, for display
    agenda_published: bool = True
    synced_at: str | None = None  # when sync last read this meeting's agenda


@dataclass(frozen=True)
class AgendaItem:
    id: int
    meeting_id: int
    number: str
    title: str
    text: str = ""
    minutes: str = ""
    is_decision: bool = False
    is_restricted: bool = False
    position: int = 0
    remote_id: str = ""


@dataclass(frozen=True)
class Document:
    id: int
    title: str
    sha256: str
    status: str  # "ready", "importing", "restricted", "superseded" (an older version)
    page_count: int
    file_name: str = ""
    source_path: str = ""
    source_url: str = ""
    meeting_id: int | None = None
    marker: str = ""  # "new" or "updated" until first opened
    added_at: str = ""
    pages_ready: int = 0
    kind: str = ""  # from a council: "report", "frontsheet", "pack", "minutes", "supplement"
    version: int = 1  # the council republished it with new content: 2, 3, ...
    replaced_by: int | None = None  # a newer version of this paper (status "superseded")


@dataclass(frozen=True)
class Page:
    document_id: int
    index: int  # 0-based position in the PDF
    label: str  # the printed page number ("iii", "12")
    text: str  # the reading flow: paragraphs and headings, a blank line between them
    blocks: str = ""  # the same as JSON with each block's kind (memberdesk.papers.flow), "" if older
    furniture: str = ""  # running headers, footers and page stamps, one a line: not in the text
    source: str = "text"  # "text": the PDF's own; "ocr": read from a picture of the page
    confidence: float | None = None  # OCR's mean word confidence, 0..100 (None: not OCR'd)
    ocr_note: str = ""  # why a picture page gave no text (memberdesk.papers.ocr), "" otherwise


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page_index: int
    level: int = 0


@dataclass(frozen=True)
class Note:
    id: int
    document_id: int | None
    page_index: int | None
    agenda_item_id: int | None
    text: str
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class Bookmark:
    id: int
    document_id: int
    page_index: int
    label: str = ""
    created_at: str = ""


@dataclass
class ImportResult:
    """What happened to one path given to import."""

    path: str
    document_id: int | None = None
    duplicate: bool = False
    error: str = ""
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
    disk_full: bool = False  # not imported because the disk filled up (this file or one before)
    stopped: bool = False  # not imported because the run was stopped (Ctrl+C, x in the app, SIGTERM)

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class CachedPage:
    """A council's XML or HTML answer kept with its validators for conditional GETs."""

    etag: str
    last_modified: str
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
