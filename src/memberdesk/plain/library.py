"""Plain mode's answers about the library as a whole: the demo pack for an empty library, and
the paper record, each said in sentences a screen reader reads well."""

from __future__ import annotations

from collections.abc import Callable

from memberdesk import config
from memberdesk.library import Library

Say = Callable[[str], None]


def import_demo(library: Library, say: Say) -> int | None:
    """The demo agenda pack, as the app opens it on an empty library: something to try."""
    from memberdesk.papers.importer import Importer

    say("The library is empty, so memberdesk opens its demo agenda pack to try.")
    say("Add your own papers with: memberdesk import FILE.pdf, or follow a council with: memberdesk council add.")
    with Importer(library) as importer:
        result = importer.import_file(config.demo_pack())
    if result.error or result.document_id is None:
        say(f"The demo pack could not be opened ({result.error}).")
        return None
    return result.document_id


def say_paper_record(library: Library, say: Say) -> None:
    """What `memberdesk paper` prints: this year against the target, then month by month."""
    try:
        settings = config.load_settings(library.home)
    except config.SettingsError:
        settings = config.Settings()
    record = library.paper_record.record(
        double_sided=settings.double_sided, yearly_sheet_target=settings.yearly_sheet_target
    )
    say(record.summary())
    for month in record.months:
        say(month.words())
