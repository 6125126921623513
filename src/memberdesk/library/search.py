"""Full-text search over every page and every agenda item (SQLite FTS5).

People type words, "quoted phrases" and prefixes (budg*). Their text is turned into a safe
FTS5 query: nothing they type can be an FTS5 syntax error or an operator they did not mean.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date

from memberdesk.library.store import transaction

_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
MARK_START, MARK_END = "\u00ab", "\u00bb"  # « » mark the hit in a snippet: not colour alone
# Words on more pages than this cannot be told apart by relevance (bm25 would also have to score
# every one of those pages); such searches list the most recently added papers first instead.
BROAD = 4000


class SearchError(ValueError):
    """The query cannot be searched; the message says how to phrase it."""


@dataclass(frozen=True)
class Filters:
    committee: str = ""  # a committee id, or part of its title
    date_from: date | None = None
    date_to: date | None = None
    document_id: int | None = None


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "page" or "agenda_item"
    document_id: int | None
    document_title: str
    page_index: int | None
    page_label: str
    agenda_item_id: int | None
    council: str
    committee: str
    meeting_id: int | None
    meeting_date: str
    snippet: str
    rank: float  # position in the ranking of its kind (pages, agenda items), best first
    order: str = "relevance"  # or "newest": the words are on too many pages to rank


def fts_query(text: str) -> tuple[str, list[list[str]]]:
    """The FTS5 query for what a person typed, and the terms (each a list of words) to mark."""
    parts: list[str] = []
    terms: list[list[str]] = []
    for match in _TERM.finditer(text):
        phrase, word = match.group(1), match.group(2)
        raw = phrase if phrase is not None else word
        prefix = phrase is None and raw.endswith("*")
        words = _WORD.findall(raw)
        if not words:
            continue
        quoted = '"' + " ".join(words) + '"'
        parts.append(quoted + ("*" if prefix else ""))
        terms.append([w.lower() for w in words] + (["*"] if prefix else []))
    if not parts:
        raise SearchError('nothing to search for: type one or more words, a "quoted phrase" or a prefix such as budg*')
    return " ".join(parts), terms


class Search:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def query(self, text: str, filters: Filters = Filters(), *, limit: int = 50) -> list[SearchHit]:
        match, terms = fts_query(text)
        where, args = self._filters(filters)
        # A phrase is checked position by position on every candidate page whichever order we
        # choose, so counting first would only double that work: phrases are always ranked.
        phrase = any(len([w for w in words if w != "*"]) > 1 for words in terms)
        broad = (
            not phrase
            and self.conn.execute(
                "SELECT COUNT(*) FROM (SELECT 1 FROM pages_fts WHERE pages_fts MATCH ? LIMIT ?)", (match, BROAD + 1)
            ).fetchone()[0]
            > BROAD
        )
        order = "rowid DESC" if broad else "rank"
        finder = _finder(terms)
        if where:
            # Filters narrow the pages before ranking, so the join comes first.
            ranked = f"""SELECT pages_fts.rowid FROM pages_fts
                JOIN pages p ON p.rowid = pages_fts.rowid
                JOIN documents d ON d.id = p.document_id
                LEFT JOIN meetings m ON m.id = d.meeting_id
                LEFT JOIN committees c ON c.id = m.committee_id
                WHERE pages_fts MATCH ? {where} ORDER BY pages_fts.{order} LIMIT ?"""
        else:
            # Rank in the index alone, then read only the pages shown: joining (and reading the
            # text of) every match before sorting, or even selecting the rank value, costs as
            # much again as the search itself.
            ranked = f"SELECT rowid FROM pages_fts WHERE pages_fts MATCH ? ORDER BY {order} LIMIT ?"
        order_of = {row[0]: n for n, row in enumerate(self.conn.execute(ranked, (match, *args, limit)))}
        marks = ",".join("?" * len(order_of))
        pages = self.conn.execute(
            f"""SELECT p.rowid AS rid, p.document_id, p.idx, p.label, p.text, d.title, d.meeting_id,
                       m.date, c.title AS committee, co.name AS council
                FROM pages p
                JOIN documents d ON d.id = p.document_id AND d.status = 'ready'
                LEFT JOIN meetings m ON m.id = d.meeting_id
                LEFT JOIN committees c ON c.id = m.committee_id
                LEFT JOIN councils co ON co.id = c.council_id
                WHERE p.rowid IN ({marks})""",
            list(order_of),
        ).fetchall()
        pages = sorted(pages, key=lambda r: order_of[r["rid"]])
        hits = [
            SearchHit(
                "page",
                r["document_id"],
                r["title"],
                r["idx"],
                r["label"],
                None,
                r["council"] or "",
                r["committee"] or "",
                r["meeting_id"],
                r["date"] or "",
                snippet(r["text"], finder),
                float(order_of[r["rid"]]),
                "newest" if broad else "relevance",
            )
            for r in pages
        ]
        if filters.document_id is None:
            # Agenda items are few and their titles say what they are about: the best few lead.
            items = self._items(match, finder, filters, limit)
            lead = max(3, limit // 5)
            hits = items[:lead] + hits + items[lead:]
        return hits[:limit]

    def _items(self, match: str, finder: _Finder | None, filters: Filters, limit: int) -> list[SearchHit]:
        where, args = self._filters(filters, documents=False)
        rows = self.conn.execute(
            f"""SELECT a.id, a.number, a.title, a.text, a.minutes, m.id AS meeting_id, m.date,
                       c.title AS committee, co.name AS council
                FROM items_fts
                JOIN agenda_items a ON a.id = items_fts.rowid
                JOIN meetings m ON m.id = a.meeting_id
                JOIN committees c ON c.id = m.committee_id
                JOIN councils co ON co.id = c.council_id
                WHERE items_fts MATCH ? {where}
                ORDER BY items_fts.rank LIMIT ?""",
            (match, *args, limit),
        ).fetchall()
        return [
            SearchHit(
                "agenda_item",
                None,
                f"{r['number']} {r['title']}".strip(),
                None,
                "",
                r["id"],
                r["council"],
                r["committee"],
                r["meeting_id"],
                r["date"] or "",
                snippet(" ".join(x for x in (r["title"], r["text"], r["minutes"]) if x), finder),
                float(n),
            )
            for n, r in enumerate(rows)
        ]

    @staticmethod
    def _filters(filters: Filters, *, documents: bool = True) -> tuple[str, list[object]]:
        clauses: list[str] = []
        args: list[object] = []
        if filters.committee:
            if filters.committee.isdigit():
                clauses.append("c.id = ?")
                args.append(int(filters.committee))
            else:
                clauses.append("c.title LIKE ?")
                args.append(f"%{filters.committee}%")
        if filters.date_from:
            clauses.append("m.date >= ?")
            args.append(filters.date_from.isoformat())
        if filters.date_to:
            clauses.append("m.date <= ?")
            args.append(filters.date_to.isoformat())
        if documents and filters.document_id is not None:
            clauses.append("p.document_id = ?")
            args.append(filters.document_id)
        return "".join(f" AND {c}" for c in clauses), args

    def rebuild(self) -> None:
        """Rebuild both indexes from the stored text (if the index was ever damaged). Pages
        of a paper still being imported stay out, as the triggers keep them (migration 8)."""
        with transaction(self.conn):
            self.conn.execute("INSERT INTO pages_fts(pages_fts) VALUES ('delete-all')")
            self.conn.execute(
                "INSERT INTO pages_fts(rowid, text) SELECT rowid, text FROM pages WHERE source != 'importing'"
            )
            self.conn.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")

    def check(self) -> bool:
        """True when the index agrees with the stored text (while a paper is being imported,
        its pages are not in the index yet, and this says False)."""
        try:
            with transaction(self.conn):
                self.conn.execute("INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)")
                self.conn.execute("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError:
            return False
        return True


class _Finder:
    """One pattern matching every term as the index matched it (phrases, prefixes), and the
    first word of each term, to jump near the first hit before the (slower) pattern runs."""

    def __init__(self, terms: list[list[str]]) -> None:
        patterns, self.anchors = [], []
        for words in terms:
            prefix = words[-1] == "*"
            words = words[:-1] if prefix else words
            body = r"\W+".join(re.escape(w) for w in words)
            patterns.append(r"\b" + body + (r"\w*" if prefix else r"\b"))
            self.anchors.append(words[0].lower())
        self.pattern = re.compile("|".join(patterns), re.IGNORECASE)

    def first(self, text: str) -> re.Match[str] | None:
        lowered = text.lower()
        if len(lowered) == len(text):  # lower() kept every offset, so positions carry over
            found = [p for p in (lowered.find(a) for a in self.anchors) if p >= 0]
            if not found:
                return None
            return self.pattern.search(text, min(found))
        return self.pattern.search(text)

    def mark(self, window: str) -> str:
        return self.pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", window)


def _finder(terms: list[list[str]]) -> _Finder | None:
    return _Finder(terms) if terms else None


def snippet(text: str, finder: _Finder | None, width: int = 160) -> str:
    """A window of text around the first hit, with every hit in it marked « ».

    Only the window is tidied and marked: searching the raw page once is what costs.
    """
    first = finder.first(text) if finder else None
    start = 0
    if first:
        start = max(0, first.start() - width // 3)
        space = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start))
        start = space + 1 if start and space >= 0 else start
    raw = text[start : start + width + width // 4]
    window = " ".join(raw.split())[:width]
    if start + len(raw) < len(text) or len(" ".join(raw.split())) > width:
        cut = window.rfind(" ")
        window = (window[:cut] if cut > width // 2 else window) + " \u2026"
    if start:
        window = "\u2026 " + window
    return finder.mark(window) if finder else window
