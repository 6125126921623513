"""The memberdesk app: the library, the reader, help and the command palette."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.driver import Driver
from textual.screen import Screen

from memberdesk import config
from memberdesk.access.active import ActiveProfile
from memberdesk.library import Library
from memberdesk.library.search import SearchHit
from memberdesk.ui import terminal_writer
from memberdesk.ui.cursor import follow_focus, follow_focus_soon, place_on_highlighted_command
from memberdesk.ui.import_worker import ImportJobs, ImportOutcome
from memberdesk.ui.keys import KeyRow, key_rows
from memberdesk.ui.messages import (
    ImportPath,
    OpenAgendaItem,
    OpenMeeting,
    OpenPaper,
    OpenSearchHit,
    TryProfile,
    UseProfile,
)
from memberdesk.ui.profile_support import ProfileSupport
from memberdesk.ui.read_aloud import ReadAloudScreen
from memberdesk.ui.screens.help import HelpScreen
from memberdesk.ui.screens.library import LibraryScreen
from memberdesk.ui.screens.reader import ReaderScreen
from memberdesk.ui.speech_service import SpeechOptions, SpeechService
from memberdesk.ui.widgets.message_line import MessageLine
from memberdesk.ui.widgets.page_view import PageView
from memberdesk.ui.widgets.table_view import TableBar


class MemberdeskApp(ProfileSupport, App[None]):
    CSS_PATH = "memberdesk.tcss"
    TITLE = "memberdesk"
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help: every key", id="app.help"),
        Binding("ctrl+p", "command_palette", "Command palette: every action by name", id="app.palette"),
        Binding("ctrl+f", "search", "Search every paper", id="app.search"),
        Binding("ctrl+r", "paper_record", "Paper saved by reading on screen", id="app.paper"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("f2", "switch_profile", "Profiles: choose the profile in use", id="app.switch_profile"),
        Binding(
            "ctrl+t",
            "edit_profile",
            "Profile editor: colours, layout, behaviour, speech and keys",
            id="app.edit_profile",
        ),
        Binding("f3", "setup", "Set-up: how you read, your council, your committees", id="app.setup"),
        Binding("x", "stop_import", "Stop the import in progress", id="app.stop_import"),
    ]

    def __init__(
        self,
        home: Path,
        *,
        open_document: int | None = None,
        open_path: str | None = None,
        active: ActiveProfile | None = None,
        speech: SpeechOptions | None = None,
        first_run: bool = False,
    ) -> None:
        super().__init__()
        self.home = home
        self._first_run = first_run
        self.init_profiles(home, active)
        self.library = Library(home)
        self.imports = ImportJobs(home)
        self._open_document = open_document
        self._open_path = open_path
        self.speech = SpeechService(home, speech)  # the one speaker, made on first use
        self.speech.profile_speech = lambda: self.active_profile.profile.speech

    def get_driver_class(self) -> type[Driver]:
        # Frames in row-aligned pieces, for screen readers: see ui/terminal_writer.py.
        default = super().get_driver_class()
        if sys.platform == "win32":
            return default
        from memberdesk.ui.piece_driver import driver_for

        return driver_for(default)

    def on_mount(self) -> None:
        # Screen readers follow the terminal cursor: keep it on the focus through every change.
        self._cursor_screens: set[int] = set()
        self.screen_change_signal.subscribe(self, self._screen_changed)
        warnings = self.active_profile.warnings  # apply_profile makes a new ActiveProfile, without them
        self.apply_profile(self.active_profile.profile)
        self.follow_saved_choice()
        for warning in warnings:
            self.notify(warning, severity="warning", timeout=10)
        self.push_screen(LibraryScreen(self.library))
        if self._open_document is not None:
            self.open_document(self._open_document)
        elif self._open_path:
            self.import_and_open(self._open_path)
        elif self._first_run:
            if self.library.is_empty():  # the demo pack is there when every question is skipped
                self.import_and_open(str(config.demo_pack()), open_it=False)
            self.action_setup()
        elif self.library.is_empty():
            self.import_and_open(str(config.demo_pack()))
        self.call_after_refresh(self._load_screens_ahead)

    @work(thread=True, group="load-ahead")
    def _load_screens_ahead(self) -> None:
        """Import the councils and search screens (sync, HTTP and PDF code: ~0.5 s) while the
        library is read, so the first c or Ctrl+F answers at once, not after a silent pause."""
        import memberdesk.ui.screens.councils
        import memberdesk.ui.screens.search  # noqa: F401

    def _screen_changed(self, screen: Screen[object]) -> None:
        if not self.is_running:  # screens popped while the app closes: nothing to follow
            return
        if id(screen) not in self._cursor_screens:
            self._cursor_screens.add(id(screen))
            screen.screen_layout_refresh_signal.subscribe(self, lambda _: follow_focus(self))
        # A screen shown again says nothing old: a message it showed before a dialog opened
        # would be read again as new text when the dialog closes. (A message the closing
        # dialog posts, "Note saved on page 6.", arrives after this.)
        for line in screen.query(MessageLine):
            line.show("")
        # Now as well as once laid out: the first frame of the screen below a dialog would
        # otherwise keep the cursor where the dialog had it (a screen reader says "blank").
        follow_focus(self)
        self._follow_focus_once_settled()

    def on_command_palette_option_highlighted(self, event: CommandPalette.OptionHighlighted) -> None:
        self.call_after_refresh(place_on_highlighted_command, self)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._follow_focus_once_settled()

    def _follow_focus_once_settled(self) -> None:
        # For a screen reader the frames of a new screen or focus go out together, once the
        # focus has its place: the cursor moves once, onto a complete screen (ui/terminal_writer.py).
        if self.has_class("-screen-reader"):
            follow_focus_soon(self, settled=terminal_writer.hold_until_settled())
        else:
            follow_focus_soon(self)

    def on_unmount(self) -> None:
        self.imports.stop()  # quitting ends an import as x does (else the exit waits for it)
        self.speech.close()  # silence first, then end the speech worker and player processes
        self.library.close()

    # -- what screens ask for (memberdesk.ui.messages) -------------------------------------
    def on_open_paper(self, message: OpenPaper) -> None:
        self.open_document(message.document_id, page_index=message.page_index, find=message.find)

    def on_open_agenda_item(self, message: OpenAgendaItem) -> None:
        self.open_agenda_item(message.agenda_item_id)

    def on_open_meeting(self, message: OpenMeeting) -> None:
        self.action_councils(meeting_id=message.meeting_id)

    def on_open_search_hit(self, message: OpenSearchHit) -> None:
        self.open_hit(message.hit, message.query)

    def on_import_path(self, message: ImportPath) -> None:
        self.import_and_open(message.path)

    def on_use_profile(self, message: UseProfile) -> None:
        self.switch_profile(message.name)

    def on_try_profile(self, message: TryProfile) -> None:
        self.switch_profile(message.name, save=False)

    def action_setup(self) -> None:
        from memberdesk.ui.screens.setup import SetupScreen

        if not isinstance(self.screen, SetupScreen):
            self.push_screen(SetupScreen())

    # -- opening papers --------------------------------------------------------------------
    def open_document(self, document_id: int, *, page_index: int | None = None, find: str = "") -> None:
        document = self.library.documents.get(document_id)
        if document is None:
            self.notify(f"Document {document_id} is not in the library.", severity="error")
            return
        if isinstance(self.screen, ReaderScreen):
            self.pop_screen()
        self.push_screen(ReaderScreen(self.library, document, page_index=page_index, find=find))

    def open_hit(self, hit: SearchHit, query: str) -> None:
        """Open a search result: the paper at the page of the hit, the hit highlighted."""
        if hit.kind == "page" and hit.document_id is not None:
            self.open_document(hit.document_id, page_index=hit.page_index, find=query)
        elif hit.agenda_item_id is not None:
            self.open_agenda_item(hit.agenda_item_id)

    def open_agenda_item(self, agenda_item_id: int) -> None:
        from memberdesk.ui.screens.agenda_item import AgendaItemScreen

        self.push_screen(AgendaItemScreen(self.library, agenda_item_id))

    def action_search(self) -> None:
        from memberdesk.ui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.library))

    def action_paper_record(self) -> None:
        from memberdesk.ui.screens.paper import PaperScreen

        try:
            settings = config.load_settings(self.home)
        except config.SettingsError as exc:  # said on screen; the record uses the defaults
            self.notify(f"{exc}; using the default settings", severity="warning", timeout=10)
            settings = config.Settings()
        record = self.library.paper_record.record(
            double_sided=settings.double_sided, yearly_sheet_target=settings.yearly_sheet_target
        )
        self.push_screen(PaperScreen(record))

    def action_councils(self, meeting_id: int | None = None) -> None:
        """The councils screen (at a meeting's agenda, if given); if it is open under other
        screens, back to it (a sync running in it carries on)."""
        from memberdesk.ui.screens.councils import CouncilsScreen

        if any(isinstance(screen, CouncilsScreen) for screen in self.screen_stack):
            while not isinstance(self.screen, CouncilsScreen):
                self.pop_screen()
            if meeting_id is not None and isinstance(self.screen, CouncilsScreen):
                self.screen.show_meeting(meeting_id)
            return
        self.push_screen(CouncilsScreen(self.library, meeting_id=meeting_id))

    def import_and_open(self, path: str, open_it: bool = True) -> None:
        """Import a PDF (or a folder of them) in the background; a paper opens in the reader as
        soon as its first page is stored. One import at a time; x stops it."""
        if self.imports.running:
            self.notify(f"{self.imports.running} is still being imported: x stops it.", severity="warning")
            return
        where = Path(path).expanduser()
        self.imports.begin(where.name)
        self.notify(f"Importing {where.name}... (x stops it)")
        self._import_in_background(where, open_it)

    @work(thread=True, group="import")
    def _import_in_background(self, path: Path, open_it: bool) -> None:
        outcome = self.imports.run(
            path, open_it=open_it, on_started=lambda doc_id: self.call_from_thread(self._open_when_started, doc_id)
        )
        self.call_from_thread(self._imported, outcome)

    def _imported(self, outcome: ImportOutcome) -> None:
        if outcome.message:
            self.notify(outcome.message, severity=outcome.severity, timeout=10)
        if outcome.open_document is not None:
            self.open_document(outcome.open_document)
        elif outcome.refresh:
            self._refresh_library()

    def action_stop_import(self) -> None:
        being_read = self.imports.document_id
        if not self.imports.stop():
            self.notify("Nothing is running: x stops an import or a sync while one runs.")
            return
        # The paper being laid out is undone by the stop: leave its reader now, not when it vanishes.
        if isinstance(self.screen, ReaderScreen) and self.screen.document.id == being_read:
            document = self.library.documents.get(being_read)
            if document is not None and document.status == "importing":
                self.pop_screen()
        self.notify("Stopping the import: the papers already imported stay.")

    def _refresh_library(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.reload()

    def _open_when_started(self, document_id: int) -> None:
        # The first page arrives within moments of the row; the reader shows progress until then.
        self.set_timer(0.2, partial(self.open_document, document_id))

    # -- help and the palette --------------------------------------------------------------
    def key_rows(self) -> list[KeyRow]:
        from memberdesk.ui.dialogs.confirm import ConfirmScreen
        from memberdesk.ui.dialogs.contents import ContentsScreen
        from memberdesk.ui.dialogs.note_editor import NoteEditorScreen
        from memberdesk.ui.dialogs.profile_switcher import ProfileSwitcher
        from memberdesk.ui.dialogs.prompt import PromptScreen
        from memberdesk.ui.screens.agenda_item import AgendaItemScreen
        from memberdesk.ui.screens.councils import CouncilsScreen
        from memberdesk.ui.screens.notes import NotesScreen
        from memberdesk.ui.screens.profile_editor import ProfileEditor, SettingsList
        from memberdesk.ui.screens.search import SearchScreen
        from memberdesk.ui.screens.setup import SetupScreen
        from memberdesk.ui.widgets.choice import Choice
        from memberdesk.ui.widgets.text_box import TextBox

        rows = key_rows(
            self,
            [
                ("Everywhere", MemberdeskApp),
                ("Library", LibraryScreen),
                ("Councils", CouncilsScreen),
                ("Agenda item", AgendaItemScreen),
                ("Reader", ReaderScreen),
                ("Reading aloud (in the reader)", ReadAloudScreen),
                ("Reading lines", PageView),
                ("Table mode (t in the reader)", TableBar),
                ("Search", SearchScreen),
                ("Notes and bookmarks list", NotesScreen),
                ("Note editor", NoteEditorScreen),
                ("Lists and dialogs", ContentsScreen),
                ("Profiles list", ProfileSwitcher),
                ("Profile editor", ProfileEditor),
                ("Profile editor settings", SettingsList),
                ("Profile editor settings", Choice),
                ("Questions", ConfirmScreen),
                ("Typed answers", PromptScreen),
                ("Text boxes", TextBox),
                ("Set-up", SetupScreen),
            ],
        )
        # A binding shared by several dialogs (one id, e.g. dialog.cancel) is listed once.
        seen: set[str] = set()
        unique: list[KeyRow] = []
        for row in rows:
            if row.binding_id not in seen:
                seen.add(row.binding_id)
                unique.append(row)
        return unique

    # -- profiles (applying them lives in ProfileSupport) ---------------------------------
    def action_switch_profile(self) -> None:
        from memberdesk.ui.dialogs.profile_switcher import ProfileSwitcher

        if not isinstance(self.screen, ProfileSwitcher):
            self.push_screen(ProfileSwitcher(self.profile_registry, self.active_profile.name), self._switch_chosen)

    def _switch_chosen(self, choice: tuple[str, str] | None) -> None:
        if choice is None:
            return
        action, name = choice
        if action == "use":
            self.switch_profile(name)
        else:
            self.action_edit_profile(name)

    def action_edit_profile(self, start_from: str | None = None) -> None:
        from memberdesk.ui.screens.profile_editor import ProfileEditor

        if not isinstance(self.screen, ProfileEditor):
            profile = self.profile_registry.get(start_from) if start_from else self.active_profile.profile
            self.push_screen(ProfileEditor(self.profile_registry, profile))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.key_rows()))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        targets = [self, screen, *screen.query(PageView)]
        known = {row.binding_id: row for row in self.key_rows()}
        for target in targets:
            # Along the class's bases too: the reader's read-aloud keys live in ReadAloudScreen.
            for binding in [b for base in type(target).__mro__ for b in base.__dict__.get("BINDINGS", [])]:
                if isinstance(binding, Binding) and binding.id in known:
                    row = known[binding.id]
                    yield SystemCommand(
                        row.description, f"Key: {row.keys}", partial(self.call_later, target.run_action, row.action)
                    )
