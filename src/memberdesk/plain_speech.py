"""Reading aloud from plain mode: from the top of the current page to the end of the paper.

Speech runs on its own threads, so commands keep working while it speaks; x stops it at once.
Nothing is printed per sentence, because a screen reader would speak those lines over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from memberdesk.plain import PlainSession
    from memberdesk.speech import Speaker, SpeechEvent


class PlainSpeech:
    def __init__(self, session: "PlainSession") -> None:
        self.session = session
        self._speaker: "Speaker | None" = None
        self._pages: list[int] = []  # the page each queued sentence is on

    def start(self, _: str = "") -> None:
        from memberdesk.speech import choose_speaker, document_sentences
        from memberdesk.speech.preferences import load_preferences

        session = self.session
        assert session.document is not None
        if self._speaker is None:
            # The profile in use gives the voice, rate, volume and pronunciations, as in the app.
            prefs = load_preferences(session.library.home)
            self._speaker = choose_speaker(on_event=self._event, settings=prefs.settings, lexicon=prefs.lexicon)
        if not getattr(self._speaker, "available", True):
            session.say(getattr(self._speaker, "message", "Reading aloud is not available here."))
            return
        pages = session.library.documents.pages(session.document.id)
        per_page = document_sentences([p.text for p in pages])
        sentences: list[str] = []
        self._pages = []
        for page, units in zip(pages, per_page):
            if page.index < session.page_index:
                continue
            for unit in units:
                sentences.append(unit.spoken)
                self._pages.append(page.index)
        if not sentences:
            session.say("There is no text to read from here.")
            return
        session.say(f"Reading aloud from the top of page {session._label(session.page_index)}. Type x and Enter to stop.")
        self._speaker.speak(sentences)

    def _event(self, event: "SpeechEvent") -> None:
        # Events arrive on the speaker's thread: only record the page, print nothing mid-speech.
        if event.kind == "started" and event.index is not None and event.index < len(self._pages):
            page = self._pages[event.index]
            session = self.session
            if page != session.page_index and session.document is not None:
                session.page_index = page
                session.library.documents.save_position(session.document.id, page, 0)

    def stop(self, *, quiet: bool = False) -> None:
        if self._speaker is not None and getattr(self._speaker, "speaking", False):
            self._speaker.stop()
            if not quiet:
                self.session.say("Stopped reading aloud.")
        elif not quiet:
            self.session.say("Nothing is being read aloud.")
        if quiet and self._speaker is not None:
            self._speaker.close()
            self._speaker = None
