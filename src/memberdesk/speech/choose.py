"""Choosing how to read aloud on this machine: speech-dispatcher, espeak-ng, or none.

    speaker = choose_speaker(on_event=..., settings=..., lexicon=...)
    if not speaker.available:
        show(speaker.message)   # one line: what to install; everything else still works

`required=True` raises SpeechUnavailable with that message instead of returning the
'none' speaker (the command line uses that to exit with a clear error).
"""

from __future__ import annotations

from typing import Literal

from memberdesk.access.lexicon import Lexicon
from memberdesk.speech.base import (
    INSTALL_HINT,
    EventCallback,
    NullSpeaker,
    Speaker,
    SpeechSettings,
    SpeechUnavailable,
)
from memberdesk.speech.player import Player, find_audio_player

Backend = Literal["auto", "speechd", "espeak", "none"]


def _espeak(
    player: Player | None,
    on_event: EventCallback | None,
    settings: SpeechSettings | None,
    lexicon: Lexicon | None,
    driver: str | None,
) -> Speaker:
    if player is None:
        player, why = find_audio_player()
        if player is None:
            raise SpeechUnavailable(why)
    from memberdesk.speech.espeak import EspeakSpeaker

    return EspeakSpeaker(player, on_event=on_event, settings=settings, lexicon=lexicon, driver=driver)


def choose_speaker(
    backend: Backend = "auto",
    *,
    on_event: EventCallback | None = None,
    settings: SpeechSettings | None = None,
    lexicon: Lexicon | None = None,
    player: Player | None = None,
    driver: str | None = None,
    required: bool = False,
) -> Speaker:
    """The best way to read aloud here.

    backend: "auto" tries speech-dispatcher (when its module and socket are there and no
    `player` was given), then pyttsx3/espeak-ng; "speechd"/"espeak" insist on one; "none"
    gives the silent speaker. player: where espeak audio goes (default: the first of
    pw-play/paplay/aplay with a device behind it; tests pass a FilePlayer). driver: the
    pyttsx3 driver name (default: pyttsx3's choice, espeak on Linux).
    """
    reasons: list[str] = []
    if backend in ("auto", "speechd") and player is None:
        try:
            from memberdesk.speech.dispatcher import DispatcherSpeaker

            return DispatcherSpeaker(on_event=on_event, settings=settings, lexicon=lexicon)
        except SpeechUnavailable as exc:
            if backend == "speechd":
                reasons.append(str(exc))
    if backend in ("auto", "espeak"):
        try:
            return _espeak(player, on_event, settings, lexicon, driver)
        except SpeechUnavailable as exc:
            reasons.append(str(exc))
    message = reasons[0] if reasons else INSTALL_HINT
    if required:
        raise SpeechUnavailable(message)
    return NullSpeaker(message, on_event, settings)
