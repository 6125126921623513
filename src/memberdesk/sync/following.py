"""Councils and committees a reader follows: adding a council, refreshing what it lists,
and finding a council or committee from what a person types (an id or part of a name).

Shared by the command line and the app. Network work goes through a Syncer (its HTTP
client and its per-council site readers); everything is stored through the library.
"""

from __future__ import annotations

from datetime import date

from memberdesk.library import Library
from memberdesk.model import Committee, Council, Meeting
from memberdesk.sources.moderngov import MODE_DESCRIPTIONS, ModernGovClient, default_window
from memberdesk.sources.records import RemoteCommittee
from memberdesk.sources.urls import normalise_base
from memberdesk.sync.syncer import Syncer


class MatchError(LookupError):
    """What was typed names nothing, or more than one thing; the message lists the candidates."""


def _pick(text: str, candidates: list[tuple[str, str, object]], what: str) -> object:
    """candidates: (id, searchable text, thing). An exact id or exact name wins over parts."""
    wanted = text.strip().lower()
    if not wanted:
        raise MatchError(f"no {what} given")
    for ident, _, thing in candidates:
        if ident.lower() == wanted:
            return thing
    exact = [c for c in candidates if c[1].lower().split("\n")[0] == wanted]
    if len(exact) == 1:
        return exact[0][2]
    partial = [c for c in candidates if wanted in c[1].lower()]
    if len(partial) == 1:
        return partial[0][2]
    if not partial:
        raise MatchError(f"no {what} matches '{text}'")
    listed = "; ".join(f"{ident} {name.splitlines()[0]}" for ident, name, _ in partial[:10])
    more = f" and {len(partial) - 10} more" if len(partial) > 10 else ""
    raise MatchError(
        f"'{text}' matches {len(partial)} {what}s: {listed}{more}; say which by its id or a longer part of its name"
    )


def find_council(library: Library, text: str) -> Council:
    """A council by its id (as `council list` shows it) or part of its name or address."""
    councils = library.councils.all()
    if not councils:
        raise MatchError("no council has been added yet: memberdesk council add URL")
    found = _pick(text, [(str(c.id), f"{c.name}\n{c.base_url}", c) for c in councils], "council")
    assert isinstance(found, Council)
    return found


def find_committees(library: Library, council: Council, texts: list[str]) -> tuple[list[Committee], list[str]]:
    """Committees by the council's committee id or part of the title; (found, problems)."""
    committees = library.councils.committees(council.id, include_hidden=True)
    found: list[Committee] = []
    problems: list[str] = []
    for text in texts:
        try:
            committee = _pick(text, [(c.remote_id, c.title, c) for c in committees], "committee")
        except MatchError as error:
            problems.append(f"{council.name}: {error}")
            continue
        assert isinstance(committee, Committee)
        if committee not in found:
            found.append(committee)
    return found, problems


def add_council(syncer: Syncer, url: str, name: str = "") -> tuple[Council, str]:
    """Check the site (web service, then SOAP, then the public pages), store the council and
    its committees; returns the council and how its site will be read, in words.

    Raises SourceError when the site cannot be read, ValueError for an unusable address.
    """
    base = normalise_base(url)
    known = next((c for c in syncer.library.councils.all() if c.base_url == base), None)
    site = ModernGovClient(base, syncer.http, name=name or (known.name if known else ""), cancel=syncer.cancel)
    mode = site.probe()
    council_id = syncer.library.councils.add_council(site.name, site.base_url, mode)
    _store_committees(syncer.library, council_id, site.committees())
    council = syncer.library.councils.get(council_id)
    assert council is not None
    return council, MODE_DESCRIPTIONS[mode]


def refresh_committees(syncer: Syncer, council: Council) -> list[Committee]:
    """Ask the council for its committees again and store them (followed flags are kept)."""
    _store_committees(syncer.library, council.id, syncer.client(council).committees())
    return syncer.library.councils.committees(council.id, include_hidden=True)


def _store_committees(library: Library, council_id: int, remote: list[RemoteCommittee]) -> None:
    for committee in remote:
        library.councils.upsert_committee(
            council_id,
            committee.id,
            committee.title,
            category=committee.category,
            deleted=committee.deleted,
            expired=committee.expired,
        )


def refresh_meetings(syncer: Syncer, committee: Committee, window: tuple[date, date] | None = None) -> list[Meeting]:
    """The committee's meetings in the window (default 30 days back, 90 ahead), from the
    council, stored; their agendas and papers come with a sync of the meeting."""
    council = syncer.library.councils.get(committee.council_id)
    assert council is not None
    start, end = window or default_window()
    for remote in syncer.client(council).meetings(committee.remote_id, start, end):
        syncer.library.councils.note_listed(
            committee.id, remote.id, when=remote.date, time=remote.time, status=remote.status
        )
    return syncer.library.councils.meetings(committee.id, start, end)
