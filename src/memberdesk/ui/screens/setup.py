"""The first run (and F3): three questions, one a screen, in plain words; every one skippable.

1. How would you like to read? Up and Down try each profile at once on a real paragraph of a
   council paper (the whole app changes with it); Enter keeps it.
2. Your council: type its name or paste any address from its website; memberdesk finds its
   ModernGov site, checks it and says how it will read it.
3. Your committees: Enter ticks the ones you sit on; the last row follows them and fetches
   their papers, with progress in words.

Escape or Ctrl+G leaves the set-up at any step (what was answered is kept). The logic is
memberdesk.sync.first_run's, shared with plain mode.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static

from memberdesk.model import Committee, Council
from memberdesk.papers.reflow import Paragraph
from memberdesk.sync import first_run
from memberdesk.sync.directory import DirectoryError, Site
from memberdesk.sync.syncer import Syncer
from memberdesk.ui import sync_worker as jobs
from memberdesk.ui.messages import TryProfile, UseProfile
from memberdesk.ui.speech_service import SpeakerReady, SpeechService
from memberdesk.ui.widgets.lists import CursorOptionList, Row
from memberdesk.ui.widgets.page_view import PageView
from memberdesk.ui.widgets.text_box import TextBox
from memberdesk.words import plural

SKIP = ("skip",)
_QUESTIONS = {
    "reading": "Question 1 of 3: how would you like to read? Up and Down try each way on the paragraph "
    "below, Enter keeps it. Escape or Ctrl+G leaves the set-up.",
    "council": "Question 2 of 3: your council. Type its name, or paste any address from its website, "
    "and press Enter. Enter with nothing typed skips this question.",
    "sites": "Question 2 of 3: which of these is your council? Enter chooses.",
    "committees": "Question 3 of 3: which committees do you sit on? Enter ticks or unticks one; the last "
    "rows follow the ticked ones and fetch their papers.",
    "done": "Set-up finished. Enter opens your library.",
}


class SetupScreen(Screen[None]):
    DEFAULT_CSS = """
    SetupScreen > Vertical > Label { padding: 0 2; height: auto; }
    #setup-sample { height: 8; }
    #setup-progress, #setup-status { height: auto; padding: 0 2; }
    """
    BINDINGS = [Binding("escape,ctrl+g", "leave", "Leave the set-up (answers so far are kept)", id="setup.leave")]

    def __init__(self) -> None:
        super().__init__()
        self.step = "reading"
        self.council: Council | None = None
        self.sites: list[Site] = []
        self.committees: list[Committee] = []
        self.ticked: set[int] = set()
        self._choices: dict[str, first_run.ReadingChoice] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("", id="setup-question", markup=False)
            yield PageView(id="setup-sample")
            yield TextBox(id="setup-answer")
            yield CursorOptionList(id="setup-choices")
            yield Static("", id="setup-progress", markup=False)
            yield Static("", id="setup-status", markup=False)

    @property
    def home(self) -> Path:
        home = getattr(self.app, "home", None)
        assert isinstance(home, Path)  # MemberdeskApp's library folder
        return home

    def on_mount(self) -> None:
        active = getattr(self.app, "active_profile", None)
        self.before = active.profile.name if active is not None else "standard"
        self.query_one(PageView).show([Paragraph(text, heading=heading) for text, heading in first_run.SAMPLE])
        self._show("reading")
        # The first question is spoken where speech is available (a screen reader speaks for itself).
        speech = getattr(self.app, "speech", None)
        if isinstance(speech, SpeechService) and self.before != first_run.SCREEN_READER:
            speech.start(self)

    def on_speaker_ready(self, message: SpeakerReady) -> None:
        speech = getattr(self.app, "speech", None)
        if isinstance(speech, SpeechService) and message.speaker.available and self.step == "reading":
            speech.speak(self, [_QUESTIONS["reading"].replace("Ctrl+G", "Control G")])

    def _hush(self) -> None:
        speech = getattr(self.app, "speech", None)
        if isinstance(speech, SpeechService):
            speech.stop()

    # -- showing a step ---------------------------------------------------------------------------
    def _show(self, step: str, select: Hashable | None = None) -> None:
        if step != self.step:
            self._hush()
        self.step = step
        self.query_one("#setup-question", Label).update(_QUESTIONS[step])
        self.query_one(PageView).display = step == "reading"
        answer = self.query_one(TextBox)
        answer.display = step == "council"
        listing = self.query_one(CursorOptionList)
        rows = getattr(self, f"_rows_{step}")()
        listing.display = bool(rows)
        listing.highlighted = None
        listing.show_rows(rows, select=select)
        if step == "council":
            answer.value = ""
            answer.focus()
        else:
            listing.focus()

    def _rows_reading(self) -> list[Row]:
        choices = first_run.reading_choices(self.home)
        self._choices = {c.key: c for c in choices}
        return [Row(c.words, ("reading", c.key)) for c in choices] + [Row("Skip this question", SKIP)]

    def _rows_council(self) -> list[Row]:
        return [Row("Skip this question", SKIP)]

    def _rows_sites(self) -> list[Row]:
        rows = [Row(first_run.site_words(s), ("site", n)) for n, s in enumerate(self.sites[:20])]
        return rows + [Row("None of these: type again", ("retype",)), Row("Skip this question", SKIP)]

    def _rows_committees(self) -> list[Row]:
        rows = [
            Row(f"{c.title}, {'ticked' if c.id in self.ticked else 'not ticked'}", ("tick", c.id))
            for c in self.committees
        ]
        follow = f"Follow the {plural(len(self.ticked), 'committee')} ticked and fetch their papers"
        return [*rows, Row(follow, ("follow",)), Row("Skip this question", SKIP)]

    def _rows_done(self) -> list[Row]:
        return [Row("Open the library", ("close",))]

    # -- answers ----------------------------------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#setup-choices")
    def _tried(self, event: OptionList.OptionHighlighted) -> None:
        target = self.query_one(CursorOptionList).target_of(event.option)
        if self.step == "reading" and isinstance(target, tuple) and target[0] == "reading":
            self.post_message(TryProfile(self._choices[str(target[1])].profile))

    @on(OptionList.OptionSelected, "#setup-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        target = self.query_one(CursorOptionList).target_of(event.option)
        if not isinstance(target, tuple):
            return
        kind = target[0]
        if kind == "skip":
            self._skip()
        elif kind == "reading":
            choice = self._choices[str(target[1])]
            self.post_message(UseProfile(choice.profile))
            self._say(first_run.keep_reading(self.home, choice))
            self._show("council")
        elif kind == "site":
            self._check(self.sites[int(target[1])])
        elif kind == "retype":
            self._show("council")
        elif kind == "tick":
            committee_id = int(target[1])
            self.ticked ^= {committee_id}
            self._show("committees", select=target)
        elif kind == "follow":
            self._follow()
        elif kind == "close":
            self.action_leave()

    def _skip(self) -> None:
        if self.step == "reading":
            self.post_message(TryProfile(self.before))
            self._say("Skipped: the way you read stays as it was.")
            self._show("council")
        elif self.step in ("council", "sites"):
            self._say("Skipped: no council. The demo pack stays; c in the library adds a council later.")
            self._show("done")
        else:
            self._say("Skipped: no committee followed. c in the library follows committees later.")
            self._show("done")

    @on(Input.Submitted, "#setup-answer")
    def _typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self._skip()
            return
        try:
            self.sites = first_run.councils_for(text, self.home)
        except (DirectoryError, ValueError) as exc:
            self._say(f"{exc}.")
            return
        if not self.sites:
            self._say(f"No council called '{text}' in memberdesk's list: try part of its name, or paste its address.")
        elif len(self.sites) == 1:
            self._check(self.sites[0])
        else:
            self._say(f"{len(self.sites)} councils fit '{text}'.")
            self._show("sites")

    # -- the network, off the UI thread -----------------------------------------------------------
    def _check(self, site: Site) -> None:
        self._progress(f"Checking {first_run.site_words(site)}...")
        self._run_check(site)

    @work(thread=True, group="setup")
    def _run_check(self, site: Site) -> None:
        found: list[Council] = []

        def job(syncer: Syncer) -> jobs.JobResult:
            council, said = first_run.check_council(syncer, site)
            found.append(council)
            self.committees = first_run.committees_of(syncer, council)
            return jobs.JobResult(f"{said}.")

        result = jobs.SyncJobs(self.home).run("Checking the site", job, progress=lambda _: None)
        self.app.call_from_thread(self._checked, result, found[0] if found else None)

    def _checked(self, result: jobs.JobResult, council: Council | None) -> None:
        self._progress("")
        if council is None:
            self._say(f"{result.message} Type another name or address, or press Enter with nothing typed to skip.")
            self._show("council")
            return
        self.council = council
        self._say(result.message)
        self._show("committees")

    def _follow(self) -> None:
        if not self.ticked or self.council is None:
            self._say("Tick at least one committee first (Enter on it), or skip this question.")
            return
        self._progress("Fetching papers: starting.")
        self._run_sync(self.council, sorted(self.ticked))

    @work(thread=True, group="setup")
    def _run_sync(self, council: Council, committee_ids: list[int]) -> None:
        def job(syncer: Syncer) -> jobs.JobResult:
            report = first_run.follow_and_sync(syncer, council, committee_ids)
            return jobs.JobResult(report.summary(), report, ok=report.ok)

        result = jobs.SyncJobs(self.home).run(
            "The first sync", job, progress=lambda text: self.app.call_from_thread(self._progress, text)
        )
        self.app.call_from_thread(self._synced, result)

    def _synced(self, result: jobs.JobResult) -> None:
        self._progress("")
        self._say(f"{result.message} Your library now opens on your next meeting.")
        self._show("done")

    # -- leaving ----------------------------------------------------------------------------------
    def action_leave(self) -> None:
        self._hush()
        first_run.finish(self.home)
        self.dismiss(None)

    def _progress(self, text: str) -> None:
        self.query_one("#setup-progress", Static).update(text)

    def _say(self, text: str) -> None:
        # A line of text, not a toast: screen readers and braille displays read it back.
        self.query_one("#setup-status", Static).update(text)
