"""What a screen asks the app to do. Screens post these; MemberdeskApp handles them.

A screen so never calls the app's methods by name (which type checkers cannot see and a
rename would break silently), as frogmouth and toolong do it: the message names the wish,
the app decides how (which screen to pop, which to push).
"""

from __future__ import annotations

from textual.message import Message

from memberdesk.library.search import SearchHit


class OpenPaper(Message):
    """Open a paper in the reader, at a page and with a find, if given."""

    def __init__(self, document_id: int, *, page_index: int | None = None, find: str = "") -> None:
        super().__init__()
        self.document_id = document_id
        self.page_index = page_index
        self.find = find


class OpenAgendaItem(Message):
    def __init__(self, agenda_item_id: int) -> None:
        super().__init__()
        self.agenda_item_id = agenda_item_id


class OpenMeeting(Message):
    """Show a meeting's agenda and papers (the councils screen, at that meeting)."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id


class OpenSearchHit(Message):
    """Open a search result where it was found, the words searched for marked."""

    def __init__(self, hit: SearchHit, query: str) -> None:
        super().__init__()
        self.hit = hit
        self.query = query


class ImportPath(Message):
    """Import a PDF (open it as soon as its first page is in) or a folder of PDFs."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path


class UseProfile(Message):
    """Put a profile in use now, and keep it as the saved choice."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class TryProfile(Message):
    """Show a profile now without keeping it (the set-up's "try each way of reading")."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
