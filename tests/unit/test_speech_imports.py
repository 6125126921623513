"""The speech layer imports neither Textual nor pyttsx3 in the app's process."""

from __future__ import annotations

import subprocess
import sys


def test_speech_layer_stays_light() -> None:
    code = (
        "import sys, memberdesk.speech, memberdesk.speech.espeak, memberdesk.speech.export, "
        "memberdesk.speech.dispatcher, memberdesk.access.lexicon; "
        "print(sorted(m for m in ('textual', 'pyttsx3') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
