"""Reading aloud: text -> sentences, speakers (espeak-ng, speech-dispatcher, none), export.

No Textual here (an import-linter contract enforces it); pyttsx3 is imported only by the
synthesis worker process (memberdesk.speech.worker). Importing this package is cheap: its
names are loaded from their modules on first use (a command that never speaks pays nothing),
and nothing starts until a speaker or an export is asked for.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "ExportError": "memberdesk.speech.export",
    "ExportResult": "memberdesk.speech.export",
    "FilePlayer": "memberdesk.speech.player",
    "INSTALL_HINT": "memberdesk.speech.base",
    "NullSpeaker": "memberdesk.speech.base",
    "SpokenParagraph": "memberdesk.speech.units",
    "Player": "memberdesk.speech.player",
    "ProcessPlayer": "memberdesk.speech.player",
    "Sentence": "memberdesk.speech.units",
    "Speaker": "memberdesk.speech.base",
    "SpeechEvent": "memberdesk.speech.base",
    "SpeechSettings": "memberdesk.speech.base",
    "SpeechUnavailable": "memberdesk.speech.base",
    "Voice": "memberdesk.speech.base",
    "choose_speaker": "memberdesk.speech.choose",
    "document_sentences": "memberdesk.speech.units",
    "export_pages": "memberdesk.speech.export",
    "export_sections": "memberdesk.speech.export",
    "find_audio_player": "memberdesk.speech.player",
    "find_repeated_lines": "memberdesk.papers.running",
    "page_sentences": "memberdesk.speech.units",
    "split_page": "memberdesk.speech.units",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'memberdesk.speech' has no attribute {name!r}")
