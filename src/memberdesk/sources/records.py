"""What a council's site tells us, as plain frozen records.

These belong to the sources layer: ids are the site's own ids (as text), URLs are
absolute. Sync maps them onto library rows; nothing here knows about the library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# What a document is, so sync and the reader can label it.
DOCUMENT_KINDS = ("report", "frontsheet", "pack", "minutes", "supplement")


@dataclass(frozen=True)
class RemoteCommittee:
    id: str
    title: str
    category: str = ""
    deleted: bool = False
    expired: bool = False


@dataclass(frozen=True)
class RemoteMeeting:
    id: str
    committee_id: str
    date: date | None
    time: str = ""  # as the council writes it ("10.00 am"): kept as text on purpose
    status: str = ""  # "Confirmed", "Cancelled", "Confirmed; Budget Council", ...
    committee_title: str = ""

    @property
    def cancelled(self) -> bool:
        return "cancel" in self.status.lower()


@dataclass(frozen=True)
class RemoteDocument:
    url: str
    title: str
    kind: str = "report"  # one of DOCUMENT_KINDS
    attachment_id: str = ""
    restricted: bool = False
    # Every agenda item this document hangs off (the same PDF is often linked twice).
    item_ids: tuple[str, ...] = ()
    published: date | None = None


@dataclass(frozen=True)
class RemoteAgendaItem:
    id: str
    number: str  # as displayed: "1.", "9.", "4a"
    title: str
    text: str = ""  # plain text, converted from the council's HTML
    minutes: str = ""  # plain text
    is_decision: bool = False
    is_restricted: bool = False
    document_urls: tuple[str, ...] = ()
    position: int = 0


@dataclass(frozen=True)
class RemoteMeetingDetail:
    id: str
    committee_id: str
    date: date | None
    time: str = ""
    status: str = ""
    location: str = ""
    agenda_published: bool = False
    minutes_published: bool = False
    decisions_published: bool = False
    items: tuple[RemoteAgendaItem, ...] = ()
    # Item documents first (in agenda order), then meeting-level packs; each URL once.
    documents: tuple[RemoteDocument, ...] = field(default=())
    # Things the user should hear about that did not stop the meeting being read.
    warnings: tuple[str, ...] = ()

    @property
    def cancelled(self) -> bool:
        return "cancel" in self.status.lower()

    @property
    def packs(self) -> tuple[RemoteDocument, ...]:
        return tuple(d for d in self.documents if d.kind != "report")
