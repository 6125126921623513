"""Reading aloud: text -> sentences, speakers (espeak-ng, speech-dispatcher, none), export.

No Textual here (an import-linter contract enforces it); pyttsx3 is imported only by the
synthesis worker process (memberdesk.speech.worker). Importing this package is cheap: it
starts nothing until a speaker or an export is asked for.
"""

from memberdesk.speech.base import (
    INSTALL_HINT,
    NullSpeaker,
    SpeechEvent,
    SpeechSettings,
    SpeechUnavailable,
    Speaker,
    Voice,
)
from memberdesk.speech.choose import choose_speaker
from memberdesk.speech.export import ExportError, ExportResult, export_pages, export_sections
from memberdesk.speech.player import FilePlayer, Player, ProcessPlayer, find_audio_player
from memberdesk.speech.units import (
    Paragraph,
    Sentence,
    document_sentences,
    find_repeated_lines,
    page_sentences,
    split_page,
)

__all__ = [
    "INSTALL_HINT", "ExportError", "ExportResult", "FilePlayer", "NullSpeaker", "Paragraph",
    "Player", "ProcessPlayer", "Sentence", "SpeechEvent", "SpeechSettings", "SpeechUnavailable",
    "Speaker", "Voice", "choose_speaker", "document_sentences", "export_pages", "export_sections",
    "find_audio_player", "find_repeated_lines", "page_sentences", "split_page",
]
