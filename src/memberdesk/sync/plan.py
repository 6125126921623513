"""What one sync run plans for each meeting and paper, and how it tells an agenda changed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from memberdesk.library.sync_records import StoredVersion
from memberdesk.sources.records import RemoteDocument, RemoteMeetingDetail


@dataclass
class PlannedPaper:
    """One paper of one meeting, and what this run will do about it."""

    doc: RemoteDocument
    meeting: MeetingRun
    record: StoredVersion | None = None  # our current row for its URL

    @property
    def had_copy(self) -> bool:
        """We hold a readable copy: a failure keeps it, different bytes make a new version."""
        return self.record is not None and self.record.status == "ready"


@dataclass
class MeetingRun:
    id: int  # library meeting id
    label: str  # "Cabinet, 2027-01-12"
    detail: RemoteMeetingDetail | None = None
    fingerprint: str = ""
    committee_synced: bool = False  # papers arriving now are "new" to the reader
    items: dict[str, int] = field(default_factory=dict)  # remote item id -> library item id
    failed: bool = False


def fingerprint(detail: RemoteMeetingDetail) -> str:
    """What the agenda says, as a hash: equal fingerprints mean nothing on it changed."""
    stable = (detail.status, detail.date, detail.time, detail.location, detail.items, detail.documents)
    return hashlib.sha256(repr(stable).encode("utf-8")).hexdigest()


def marker_for(run: MeetingRun, previous_sha: str | None) -> str:
    """The reader's marker for a paper arriving now: "updated" over a copy we had, "new" in a
    committee synced before (a first sync marks nothing: everything would be new)."""
    if previous_sha:
        return "updated"
    return "new" if run.committee_synced else ""
