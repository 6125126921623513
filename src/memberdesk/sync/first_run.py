"""The first run's three questions, shared by the app's set-up screen and plain mode's
questions and answers: how to read, which council, which committees (then the first sync).

Every step can be skipped; skipping them all leaves the demo pack. The set-up is offered when
the library folder has no settings.toml and no council: support staff who deploy a profile and
a settings.toml skip it. Whatever happens, leaving the set-up writes settings.toml, so it is
offered once (F3 or `memberdesk setup` bring it back).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from memberdesk import config
from memberdesk.access.registry import ProfileRegistry
from memberdesk.model import Committee, Council
from memberdesk.sync.directory import Site, find_sites
from memberdesk.sync.following import add_council
from memberdesk.sync.report import SyncProgress, SyncReport
from memberdesk.sync.syncer import Syncer

SCREEN_READER = "screen-reader"
READ_ALOUD = "read-aloud"  # a choice, not a profile: the standard look, and read_aloud = true

# A real paragraph of a council paper (the demo pack's minutes), to show each profile on.
SAMPLE = [
    ("22. Winter Pressures Plan", True),
    (
        "The Committee considered a report on the winter pressures plan for 2026/27, including the "
        "discharge-to-assess pathway and the £1.5m additional funding from the Better Care Fund. Members "
        "asked about delayed transfers of care at Northtown General Hospital; the Director agreed to "
        "circulate weekly figures to all Members.",
        False,
    ),
]


@dataclass(frozen=True)
class ReadingChoice:
    key: str  # a profile's name, or READ_ALOUD
    words: str  # what the list says
    profile: str  # the profile it puts in use


def needs_setup(home: Path) -> bool:
    """First run: no settings.toml in the library folder, no paper and no council yet."""
    if config.settings_path(home).exists():
        return False
    from memberdesk.library import Library

    if not (home / "library.sqlite3").exists():
        return True
    with Library(home) as library:  # papers already imported: someone has used it, no questions
        return library.is_empty() and not library.councils.all()


def reading_choices(home: Path) -> list[ReadingChoice]:
    """Each built-in profile by what it is for, then the screen reader and read-aloud choices."""
    registry = ProfileRegistry(home)
    choices = []
    for name, profile in registry.builtins.items():
        if name == SCREEN_READER:
            continue
        first = profile.description.split(". ")[0].rstrip(".")
        choices.append(ReadingChoice(name, f"{name}: {first}", name))
    choices.append(ReadingChoice(SCREEN_READER, "I use a screen reader or a braille display", SCREEN_READER))
    choices.append(ReadingChoice(READ_ALOUD, "Read aloud to me (memberdesk's own voice)", "standard"))
    return choices


def keep_reading(home: Path, choice: ReadingChoice) -> str:
    """Save the choice in settings.toml; what to say about it."""
    from memberdesk.access.active import save_choice

    save_choice(home, choice.profile)
    settings = config.load_settings(home)
    settings.read_aloud = choice.key == READ_ALOUD
    config.save_settings(home, settings)
    if choice.key == READ_ALOUD:
        return (
            "Kept: memberdesk reads each paper aloud as it opens, from where you were. "
            "s stops it in the reader (x in plain mode); r reads again."
        )
    if choice.key == SCREEN_READER:
        return (
            "Kept: screen-reader mode (the cursor on the focus, no decoration). memberdesk --plain reads line by line."
        )
    return f"Kept the {choice.profile} profile. F2 changes it at any time."


def finish(home: Path) -> None:
    """Leaving the set-up (done or skipped): settings.toml exists from now on, so it is not offered again."""
    if not config.settings_path(home).exists():
        config.save_settings(home, config.Settings())


def councils_for(text: str, home: Path) -> list[Site]:
    return find_sites(text, home)


def site_words(site: Site) -> str:
    return f"{site.name} ({site.url})" if site.name else f"the site at {site.url}"


def check_council(syncer: Syncer, site: Site) -> tuple[Council, str]:
    """Check the site and store the council with its committees; raises SourceError or ValueError."""
    council, how = add_council(syncer, site.url, site.name)
    return council, f"{council.name}: found, read through {how}"


def committees_of(syncer: Syncer, council: Council) -> list[Committee]:
    """The committees a councillor may sit on: current ones, by title."""
    return [c for c in syncer.library.councils.committees(council.id) if not (c.deleted or c.expired)]


def follow_and_sync(
    syncer: Syncer, council: Council, committee_ids: list[int], progress: Callable[[str], None] | None = None
) -> SyncReport:
    """Follow the committees ticked and fetch their papers, progress said in words (through
    `progress`, or the syncer's own reporter)."""
    syncer.library.councils.set_followed(committee_ids, True)
    if progress is not None:
        syncer.progress = _words(progress)
    return syncer.run([council])


def _words(say: Callable[[str], None]) -> Callable[[SyncProgress], None]:
    last = [""]

    def progress(event: SyncProgress) -> None:
        text = event.text()
        if text and text != last[0]:
            last[0] = text
            say(text)

    return progress
