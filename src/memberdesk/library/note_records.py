"""Checking a notes export before anything of it is stored.

An export is a file a person may have edited, or something else entirely: each note is
checked field by field (type, size, range, text that can be stored), and a bad note is
named by its position and uid while the rest are imported. Nothing is stored that would
not open again (a page "three", NaN, -7, a number beyond SQLite's, a lone surrogate).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

MAX_NOTES = 100_000
MAX_TEXT = 100_000  # characters in one note
MAX_FIELD = 2_000  # a title, a label, a uid
MAX_PAGE = 1_000_000
_HASH = re.compile(r"[0-9a-f]{64}")
_WHEN = re.compile(r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?")
_TITLES = ("document_title", "page_label", "agenda_item_title", "meeting_title")


@dataclass(frozen=True)
class BadNote:
    position: int  # 1-based, in the file
    uid: str  # '' when it has none that can be shown
    reason: str

    def __str__(self) -> str:
        named = f" (uid {self.uid})" if self.uid else ""
        return f"note {self.position}{named}: {self.reason}"


def _storable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: SQLite cannot keep it
        return False
    return "\x00" not in value


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else ("a table" if isinstance(value, dict) else "a list")
    return text if len(text) <= 40 else text[:37] + "..."


def _text(record: dict[str, Any], key: str, limit: int, *, required: bool) -> tuple[str, str]:
    """(value, '') or ('', what is wrong)."""
    value = record.get(key)
    if value is None:
        return ("", f"'{key}' is missing") if required else ("", "")
    if not isinstance(value, str):
        return "", f"'{key}' should be text, not {_shown(value)}"
    if required and not value.strip():
        return "", f"'{key}' is empty"
    if len(value) > limit:
        return "", f"'{key}' is too long ({len(value):,} characters; at most {limit:,})"
    if not _storable(value):
        return "", f"'{key}' has characters that cannot be stored (a broken character or a NUL)"
    return value, ""


def check_note(record: Any, position: int) -> tuple[dict[str, Any] | None, BadNote | None]:
    """The note cleaned for Notes.restore, or why it cannot be imported."""
    if not isinstance(record, dict):
        return None, BadNote(position, "", f"should be a table of fields, not {_shown(record)}")
    raw_uid = record.get("uid")
    uid = ""
    if isinstance(raw_uid, str) and raw_uid:  # shown on one line: control characters as escapes
        uid = raw_uid if raw_uid.isprintable() and len(raw_uid) <= 80 else _shown(raw_uid)

    def bad(reason: str) -> tuple[None, BadNote]:
        return None, BadNote(position, uid, reason)

    clean: dict[str, Any] = {}
    for key, limit, required in (("uid", MAX_FIELD, True), ("text", MAX_TEXT, True)):
        value, problem = _text(record, key, limit, required=required)
        if problem:
            return bad(problem)
        clean[key] = value
    for key in _TITLES:
        value, problem = _text(record, key, MAX_FIELD, required=False)
        if problem:
            return bad(problem)
        clean[key] = value
    sha, problem = _text(record, "document_sha256", 64, required=False)
    if problem or (sha and not _HASH.fullmatch(sha)):
        return bad(problem or f"'document_sha256' is not a paper's content hash: {_shown(sha)}")
    clean["document_sha256"] = sha
    page = record.get("page_index")
    if page is not None:
        if isinstance(page, float) and math.isfinite(page) and page.is_integer():
            page = int(page)  # 3.0 is page 3; NaN, 2.5 and "three" are not pages
        if isinstance(page, bool) or not isinstance(page, int):
            return bad(f"'page_index' should be a page number (0 or more), not {_shown(page)}")
        if not 0 <= page <= MAX_PAGE:
            return bad(f"'page_index' should be a page number (0 to {MAX_PAGE:,}), not {_shown(page)}")
    clean["page_index"] = page
    for key in ("created_at", "updated_at"):
        when, problem = _text(record, key, 40, required=False)
        if problem or (when and not _WHEN.fullmatch(when)):
            return bad(problem or f"'{key}' should be a date and time like 2027-01-12 10:00:00, not {_shown(when)}")
        clean[key] = when or None
    return clean, None


def check_notes(records: list[Any]) -> tuple[list[dict[str, Any]], list[BadNote]]:
    """The notes that can be imported, and the ones that cannot (each named)."""
    good: list[dict[str, Any]] = []
    bad: list[BadNote] = []
    for position, record in enumerate(records, start=1):
        clean, problem = check_note(record, position)
        if problem is not None:
            bad.append(problem)
        elif clean is not None:
            good.append(clean)
    return good, bad
