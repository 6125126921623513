"""Reading aloud from plain mode: from the top of the current page to the end of the paper.

Speech runs on its own threads, so commands keep working while it speaks; x stops it at once.
Nothing is printed per sentence, because a screen reader would speak those lines over it.
The speaker's events only note the page reached; plain mode's own loop takes it from
`reached()` and saves it, so the library is never written from a speaker's thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from memberdesk.reading.session import ReadingSession
    from memberdesk.speech import Speaker, SpeechEvent


class PlainSpeech:
    def __init__(self, say: Callable[[str], None]) -> None:
        self.say = say
        self._speaker: Speaker | None = None
        self._pages: list[int] = []  # the page each queued sentence is on
        self._lock = threading.Lock()
        self._reached: int | None = None  # set on the speaker's thread, taken on the owner's

    def reads_on_opening(self, reading: ReadingSession) -> bool:
        """A paper opened is read aloud at once (the profile's auto_read, or settings' read_aloud)."""
        from memberdesk.speech.preferences import load_preferences, reads_on_opening

        home = reading.library.home
        return reads_on_opening(home, auto_read=load_preferences(home).auto_read)

    def start(self, reading: ReadingSession) -> None:
        from memberdesk.speech import choose_speaker
        from memberdesk.speech.follow import Place
        from memberdesk.speech.preferences import load_preferences

        if self._speaker is None:
            # The profile in use gives the voice, rate, volume and pronunciations, as in the app.
            prefs = load_preferences(reading.library.home)
            self._speaker = choose_speaker(on_event=self._event, settings=prefs.settings, lexicon=prefs.lexicon)
        if not self._speaker.available:
            self.say(self._speaker.message or "Reading aloud is not available here.")
            return
        sentences = reading.sentences()
        places = [
            Place(index, n)
            for index in range(reading.page_index, len(sentences))
            for n in range(len(sentences.page(index)))
        ]
        read = sentences.read_on(places)
        spoken = [text for _place, text in read]
        pages = [place.page for place, _text in read]
        if not spoken:
            self.say("There is no text to read from here.")
            return
        with self._lock:
            self._pages, self._reached = pages, None
        self.say(f"Reading aloud from the top of page {reading.label()}. Type x and Enter to stop.")
        self._speaker.speak(spoken)

    def _event(self, event: SpeechEvent) -> None:
        # The speaker's thread: remember the page, touch nothing else.
        if event.kind == "started" and event.index is not None:
            with self._lock:
                if event.index < len(self._pages):
                    self._reached = self._pages[event.index]

    def reached(self) -> int | None:
        """The page reading aloud has reached since last asked, or None."""
        with self._lock:
            page, self._reached = self._reached, None
        return page

    def stop(self, *, quiet: bool = False) -> None:
        if self._speaker is not None and self._speaker.speaking:
            self._speaker.stop()
            if not quiet:
                self.say("Stopped reading aloud.")
        elif not quiet:
            self.say("Nothing is being read aloud.")
        if quiet and self._speaker is not None:
            self._speaker.close()
            self._speaker = None
