"""Reading aloud in the reader: the keys, the sentence highlight, pages turned as it reads.

ReadAloudScreen is the reader's base class: it owns the read-aloud keys (so they have ids
for help, the palette and keymaps) and hands speech messages to a ReadAloud controller.
The controller keeps a list of sentences (a few pages' worth) being read by the app's one
speaker (memberdesk.ui.speech_service); each "started" event moves the highlight, turning
the page when the sentence is on the next one, and "done" hands over the next few pages.

Nothing here waits for audio: every key returns at once and the speaker works in its own
thread and processes, so keys keep working while it speaks. Stopping kills the player.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, Protocol, cast

from textual import on
from textual.binding import Binding
from textual.geometry import Region
from textual.screen import Screen

from memberdesk.library import Library
from memberdesk.papers.reflow import Paragraph
from memberdesk.reading.session import ReadingSession
from memberdesk.speech import Sentence, Speaker, Voice
from memberdesk.speech.follow import DocumentSentences, PageMap, Place, sentence_at
from memberdesk.ui.dialogs.voices import offer_voices
from memberdesk.ui.speech_service import SpeakerReady, SpeechMessage, SpeechService
from memberdesk.ui.widgets.page_view import Highlight, PageView

State = Literal["idle", "starting", "reading", "paused", "unavailable"]
RATE_STEP = 20  # words a minute per key press: a change people notice, ~12% at the default
VOLUME_STEP = 0.1
CHUNK_PAGES = 3  # pages handed to the speaker at once: it synthesises ahead across page turns


class _HasSpeech(Protocol):  # the app, as the reader sees it: the one speech service
    speech: SpeechService


class ReadAloud:
    """What is being read, and where; driven by the screen's keys and speech messages."""

    def __init__(self, screen: ReadAloudScreen) -> None:
        self.screen = screen
        self.state: State = "idle"
        self.message = ""  # why reading aloud is not available
        self.items: list[Place] = []  # the sentences handed to the speaker, in order
        self.texts: list[str] = []  # what is said for each (a sentence cut by a page break whole)
        self.resume = Place(0, 0)  # where reading goes on once these are said
        self.current: int | None = None  # index in items of the sentence being read
        self.session = 0  # the speaker session whose events count (see speech_service)
        self._after_ready: list[Callable[[], object]] = []
        self._map: tuple[int, list[Paragraph], PageMap] | None = None

    @property
    def service(self) -> SpeechService:
        return cast(_HasSpeech, self.screen.app).speech

    @property
    def sentences(self) -> DocumentSentences:
        return self.screen.reading.sentences()

    # -- keys ------------------------------------------------------------------------------
    def read_from_here(self) -> None:
        place = self._here()  # where the reading line is now, not when the engine is ready
        self._with_speaker(lambda: self._read(place), starting=True)

    def toggle_pause(self) -> None:
        speaker = self.service.speaker
        if self.state == "reading" and speaker is not None:
            speaker.pause()
            self.state = "paused"
        elif self.state == "paused" and speaker is not None:
            speaker.resume()
            self.state = "reading"
        elif self.state != "starting":
            self.read_from_here()
            return
        self.screen.update_status()

    def stop(self, *, show: bool = True) -> bool:
        """Silence now. True if something was being read (or about to be).

        show=False when the screen is going away and its widgets may be gone already.
        """
        active = self.state in ("reading", "paused", "starting")
        self._after_ready.clear()
        if active:
            self.service.stop()
            reached = self.items[self.current] if self.current is not None and self._quiet() else None
            self.state, self.current = "idle", None
            if show:
                self._set_highlight([])
                if reached is not None:
                    self._show(reached, highlight=False)  # the screen catches up, once
                self.screen.update_status()
                if reached is not None and self._quiet():
                    # The status changed too, so a screen reader says that, not the row the
                    # cursor came back to: say the row where reading stopped.
                    view = self.screen.page_view
                    self.screen.notify(f"Stopped at: {view.lines[view.cursor_line].text.strip()}")
        return active

    def _quiet(self) -> bool:
        """With a screen reader, one voice at a time: while memberdesk reads, the screen stays
        still (a screen reader speaks every line that changes or that the cursor moves to);
        the reading line goes to where reading stopped."""
        return self.screen.app.has_class("-screen-reader")

    def step(self, delta: int, *, paragraph: bool = False) -> None:
        if self.state not in ("reading", "paused") or self.current is None:
            self.screen.notify("Not reading aloud: press r to read from the reading line.")
            return
        here = self.items[self.current]
        target = self.sentences.step_said(here, delta, paragraph=paragraph)
        if target is None:
            self.screen.app.bell()
        elif target in self.items:
            self._speak(self.items.index(target))  # same list: its audio is mostly cached
        else:
            self._read(target)

    def change_rate(self, steps: int) -> None:
        def change() -> None:
            assert self.service.speaker is not None
            rate = self.service.adjust(rate=self.service.speaker.settings.rate + steps * RATE_STEP).rate
            self.screen.notify(f"Reading speed {rate} words a minute, from the next sentence.")

        self._with_speaker(change)

    def change_volume(self, steps: int) -> None:
        def change() -> None:
            assert self.service.speaker is not None
            volume = self.service.adjust(volume=self.service.speaker.settings.volume + steps * VOLUME_STEP).volume
            self.screen.notify(f"Reading volume {round(volume * 100)}%, from the next sentence.")

        self._with_speaker(change)

    def choose_voice(self) -> None:
        self._with_speaker(self.screen.load_voices)  # a thread worker: the list arrives on its own

    def use_voice(self, voice: Voice | None) -> None:
        self.service.adjust(voice=voice.id if voice else None, default_voice=voice is None)
        name = voice.name if voice else "the default voice"
        self.screen.notify(f"Reading with {name}, from the next sentence.")

    # -- the speaker's side ----------------------------------------------------------------
    def on_ready(self, speaker: Speaker, problems: list[str]) -> None:
        for problem in problems:
            self.screen.notify(problem, severity="warning", timeout=10)
        actions, self._after_ready = self._after_ready, []
        if self.state == "starting":
            self.state = "idle"
        if not speaker.available:
            self._unavailable(speaker.message)
            return
        for action in actions:
            action()
        self.screen.update_status()

    def on_event(self, message: SpeechMessage) -> None:
        if message.session != self.session or self.state not in ("reading", "paused"):
            return  # from reading that has been replaced or stopped since
        event = message.event
        if event.kind == "started" and event.index is not None and event.index < len(self.items):
            self.current = event.index
            self._show_current()
        elif event.kind == "done":
            following = self.sentences.settle(self.resume) if self.items else None
            if following is None:
                self.state, self.current = "idle", None
                self._set_highlight([])
                self.screen.notify("Finished reading aloud: the end of the paper.")
            else:
                self._read(following)
        elif event.kind == "error":
            self.state, self.current = "idle", None
            self.screen.notify(event.message or "Reading aloud stopped.", severity="error", timeout=10)
        self.screen.update_status()

    def status_words(self) -> str:
        """Words for the status line: what reading aloud is doing (colour is never enough)."""
        if self.state == "starting":
            return "starting to read aloud"
        if self.state == "unavailable":
            return f"reading aloud not available: {self.message}"
        if self.state in ("reading", "paused") and self.current is not None:
            place = self.items[self.current]
            what = "reading aloud" if self.state == "reading" else "reading aloud paused"
            if self._quiet():
                return what  # said once, not again at every sentence
            return f"{what}, sentence {place.number + 1} of {len(self.sentences.page(place.page))}"
        return ""

    # -- reading ---------------------------------------------------------------------------
    def _with_speaker(self, action: Callable[[], object], *, starting: bool = False) -> None:
        """Run `action` once the speaker is ready (made in a thread on first use)."""
        speaker = self.service.speaker
        if speaker is None:
            self._after_ready.append(action)
            if starting:
                self.state = "starting"
                self.screen.update_status()
            self.service.start(self.screen)
        elif not speaker.available:
            self._unavailable(speaker.message)
        else:
            action()

    def _unavailable(self, message: str) -> None:
        self.state, self.message = "unavailable", message
        self.screen.notify(message, title="Reading aloud", severity="warning", timeout=10)
        self.screen.update_status()

    def _read(self, place: Place) -> None:
        """Read from `place` (or the first sentence after it): a few pages, from their start."""
        found = self.sentences.settle(place)
        if found is None:
            self.screen.notify("Nothing more to read aloud in this paper.")
            self.state = "idle"
            self.screen.update_status()
            return
        items, self.resume = self.sentences.pages_from(found, CHUNK_PAGES)
        spoken = self.sentences.read_on(items)
        self.items, self.texts = [place for place, _ in spoken], [text for _, text in spoken]
        self._speak(self.items.index(found))

    def _speak(self, index: int) -> None:
        paused = self.state == "paused"
        self.session = self.service.speak(self.screen, self.texts, index)
        if paused and self.service.speaker is not None:
            self.service.speaker.pause()  # a jump while paused stays paused, on the new sentence
        else:
            self.state = "reading"
        self.current = index
        self._show_current()  # at once: the key's effect is seen before the sound starts
        self.screen.update_status()

    def _sentence(self, place: Place) -> Sentence:
        return self.sentences.sentence(place)

    def _here(self) -> Place:
        """The sentence under the reading line (or the next one after it)."""
        screen = self.screen
        view, page = screen.page_view, screen.reading.page_index
        line = next((ln for ln in view.lines[view.cursor_line :] if ln.paragraph >= 0), None)
        if line is None:
            return Place(page + 1, 0)
        offset = self._page_map(page).to_page(line.paragraph, line.start)
        number = sentence_at(self.sentences.page(page), offset)
        return Place(page, number) if number is not None else Place(page + 1, 0)

    # -- showing it ------------------------------------------------------------------------
    def _page_map(self, page: int) -> PageMap:
        view = self.screen.page_view
        if self._map is None or self._map[0] != page or self._map[1] is not view.paragraphs:
            self._map = (page, view.paragraphs, PageMap(self.sentences.text(page) or "", view.paragraphs))
        return self._map[2]

    def _show_current(self) -> None:
        if self.current is not None and not self._quiet():
            self._show(self.items[self.current])

    def _show(self, place: Place, *, highlight: bool = True) -> None:
        screen = self.screen
        if place.page != screen.reading.page_index:
            screen.show_page(place.page)  # reading goes on over the page: turn it
        sentence = self._sentence(place)
        spans = self._page_map(place.page).to_paragraphs(sentence.start, sentence.end)
        if highlight:
            self._set_highlight([Highlight(p, start, end, "speech") for p, start, end in spans])
        if spans:
            view = screen.page_view
            first = view.line_of(spans[0][0], spans[0][1])
            last = view.line_of(spans[-1][0], spans[-1][2] - 1)
            view.scroll_to_region(Region(0, first, 1, last - first + 1), animate=False, force=True)
            view.move_to(first)  # the reading line (marker and terminal cursor) on the sentence
        screen.update_status()

    def _set_highlight(self, speech: list[Highlight]) -> None:
        view = self.screen.page_view
        view.set_highlights([h for h in view.highlights if h.kind != "speech"] + speech)


class ReadAloudScreen(Screen[None]):
    """A screen showing a document page by page that can read it aloud (the reader)."""

    BINDINGS = [
        Binding("r", "read_aloud", "Read aloud from the reading line", id="speech.read"),
        Binding("p", "pause_reading", "Pause or resume reading aloud", id="speech.pause"),
        Binding("s", "stop_reading", "Stop reading aloud (Escape also stops it)", id="speech.stop"),
        Binding(
            "right_square_bracket,ctrl+right",
            "next_sentence",
            "Next sentence, while reading aloud",
            id="speech.next_sentence",
        ),
        Binding(
            "left_square_bracket,ctrl+left",
            "previous_sentence",
            "Previous sentence, while reading aloud",
            id="speech.previous_sentence",
        ),
        Binding(
            "right_curly_bracket,ctrl+down",
            "next_paragraph",
            "Next paragraph (past a whole table), while reading aloud",
            id="speech.next_paragraph",
        ),
        Binding(
            "left_curly_bracket,ctrl+up",
            "previous_paragraph",
            "Previous paragraph, while reading aloud",
            id="speech.previous_paragraph",
        ),
        Binding("plus,equals_sign", "faster", "Read faster", id="speech.faster"),
        Binding("minus,underscore", "slower", "Read slower", id="speech.slower"),
        Binding("greater_than_sign", "louder", "Read louder", id="speech.louder"),
        Binding("less_than_sign", "quieter", "Read more quietly", id="speech.quieter"),
        Binding("v", "choose_voice", "Choose the reading voice", id="speech.voice"),
    ]

    # Provided by the reader (memberdesk.ui.screens.reader.ReaderScreen).
    reading: ReadingSession
    library: Library

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.read_aloud = ReadAloud(self)

    @property
    def page_view(self) -> PageView:
        return self.query_one(PageView)

    def show_page(self, index: int, *, line: int = 0, at_end: bool = False) -> None:
        raise NotImplementedError

    def update_status(self) -> None:
        """Subclasses show self.read_aloud.status_words() in their status line."""

    # -- keys ------------------------------------------------------------------------------
    def action_read_aloud(self) -> None:
        self.read_aloud.read_from_here()

    def action_pause_reading(self) -> None:
        self.read_aloud.toggle_pause()

    def action_stop_reading(self) -> None:
        self.read_aloud.stop()

    def action_next_sentence(self) -> None:
        self.read_aloud.step(+1)

    def action_previous_sentence(self) -> None:
        self.read_aloud.step(-1)

    def action_next_paragraph(self) -> None:
        self.read_aloud.step(+1, paragraph=True)

    def action_previous_paragraph(self) -> None:
        self.read_aloud.step(-1, paragraph=True)

    def action_faster(self) -> None:
        self.read_aloud.change_rate(+1)

    def action_slower(self) -> None:
        self.read_aloud.change_rate(-1)

    def action_louder(self) -> None:
        self.read_aloud.change_volume(+1)

    def action_quieter(self) -> None:
        self.read_aloud.change_volume(-1)

    def action_choose_voice(self) -> None:
        self.read_aloud.choose_voice()

    def load_voices(self) -> None:
        offer_voices(self, self.read_aloud.service.speaker, self.read_aloud.use_voice)

    # -- messages from the speaker ---------------------------------------------------------
    @on(SpeakerReady)
    def _speaker_ready(self, message: SpeakerReady) -> None:
        self.read_aloud.on_ready(message.speaker, message.problems)

    @on(SpeechMessage)
    def _speech_event(self, message: SpeechMessage) -> None:
        self.read_aloud.on_event(message)

    def on_unmount(self) -> None:
        self.read_aloud.stop(show=False)  # leaving the reader (or quitting) silences it at once
